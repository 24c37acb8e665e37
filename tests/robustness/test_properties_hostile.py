"""Property: against a hostile server (drips, floods, bombs, deep JSON, broken framing, absurd
`Retry-After`, redirects, echoed credentials), every call, sync and async, ends in a result or
an `ActivitySmithError` within its deadline plus a small margin, and the key is in nothing
the SDK produced."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from activitysmith import ActivitySmith, AsyncActivitySmith, _transport
from activitysmith import _errors as errors
from tests.robustness.conftest import KEY, MARGIN, examples, record_call
from tests.robustness.hostile import (
    FRAMINGS,
    Answer,
    Hostile,
    chunked_flood,
    deep_json,
    drip_body,
    drip_chunked,
    drip_headers,
    echo_authorization,
    framing,
    gzip_bomb,
    length_flood,
    redirect,
    reply,
    retry_after,
)

STATUSES = st.sampled_from(
    [200, 201, 204, 301, 302, 400, 401, 404, 408, 409, 422, 429, 500, 502, 503, 520, 599, 600, 999]
)
INTERVALS = st.floats(0.05, 0.4)

_RETRY_AFTER = st.one_of(
    st.sampled_from(
        [
            "0",
            "-5",
            "-1e308",
            "1e400",
            "nan",
            "inf",
            "0.0001",
            "30",
            "3600",
            "Mon, 01 Jan 99999 00:00:00 GMT",
            "Mon, 01 Jan 1234567890 00:00:00 GMT",
            "Thu, 01 Jan 1970 00:00:00 GMT",
            "Tue, 32 Foo 2026 99:99:99 GMT",
            "",
        ]
    ),
    st.integers(-(10**30), 10**30).map(str),
    st.text(alphabet="0123456789:, -GMTMonJan", max_size=40),
)


def _valued(kind: str, value: Any) -> tuple[str, Answer]:
    return f"{kind} {value}"[:80], value


ANSWERS = st.one_of(
    st.builds(lambda i: (f"drip-body {i:.2f}", drip_body(interval=i)), INTERVALS),
    st.builds(lambda i: (f"drip-headers {i:.2f}", drip_headers(interval=i)), INTERVALS),
    st.builds(lambda i: (f"drip-chunked {i:.2f}", drip_chunked(interval=i)), INTERVALS),
    st.builds(lambda s: (f"chunked-flood {s}", chunked_flood(status=s)), STATUSES),
    st.builds(lambda s: (f"length-flood {s}", length_flood(status=s)), STATUSES),
    st.builds(
        lambda s, mb, enc: (f"{enc}-bomb {mb}MB {s}", gzip_bomb(s, mb, enc)),
        STATUSES,
        st.sampled_from([1, 16, 64]),
        st.sampled_from(["gzip", "deflate"]),
    ),
    st.builds(
        lambda d, s, k: (f"deep-json {d} {k} {s}", deep_json(d, s, kind=k)),
        st.integers(1, 20000),
        STATUSES,
        st.sampled_from(["array", "object"]),
    ),
    st.builds(lambda k: (f"framing {k}", framing(k)), st.sampled_from(sorted(FRAMINGS))),
    st.builds(
        lambda v, s: (f"retry-after {v!r} {s}", retry_after(v, s)),
        _RETRY_AFTER,
        st.sampled_from([429, 503]),
    ),
    st.builds(
        lambda s, loc: (f"redirect {s} {loc}", redirect(loc, s)),
        st.sampled_from([301, 302, 303, 307, 308]),
        st.sampled_from(["/api/badge", "https://elsewhere.example/api", "", "//x"]),
    ),
    st.builds(
        lambda s, h: (f"echo {s} header={h}", echo_authorization(s, header=h)),
        STATUSES,
        st.booleans(),
    ),
    st.builds(
        lambda s, body, ct: (f"reply {s} {body[:20]!r}", reply(s, body, [("Content-Type", ct)])),
        STATUSES,
        st.one_of(st.binary(max_size=64), st.just(b'{"success": true}'), st.just(b"\xff\xfe")),
        st.sampled_from(["application/json", "text/html", "application/json; charset=latin-1"]),
    ),
)

CALLS = st.sampled_from(["send", "stream", "end_stream", "metric", "badge"])


def _call(client: Any, name: str, total: float) -> Any:
    options = {"total_timeout": total}
    if name == "send":
        return client.notifications.send(title="Deploy finished", **options)
    if name == "stream":
        state = {"title": "Deploy", "type": "progress", "percentage": 5}
        return client.live_activities.stream("deploy", content_state=state, **options)
    if name == "end_stream":
        return client.live_activities.end_stream("deploy", **options)
    if name == "metric":
        return client.metrics.update("uptime", 99.9, **options)
    return client.badge_count(1, **options)


def _judge(outcome: Any, elapsed: float, total: float, what: str) -> None:
    record_call(elapsed, total, what)
    assert elapsed <= total + MARGIN, f"{what}: {elapsed:.2f} s for a deadline of {total} s"
    if isinstance(outcome, BaseException):
        assert isinstance(outcome, errors.ActivitySmithError), f"{what}: {outcome!r}"
        texts = [str(outcome), repr(outcome), repr(vars(outcome))]
    else:
        texts = [repr(outcome), str(outcome.to_dict())]
    for text in texts:
        assert KEY[4:] not in text, f"{what}: the key leaked"


@pytest.fixture(scope="module")
def fast_backoff() -> Iterator[None]:
    """Real sleeps, but shorter: retries still happen within the deadline."""
    sleep, async_sleep = _transport._sleep, _transport._async_sleep
    _transport._sleep = lambda seconds: sleep(min(seconds, 0.3))

    async def short(seconds: float) -> None:
        await async_sleep(min(seconds, 0.3))

    _transport._async_sleep = short
    yield
    _transport._sleep, _transport._async_sleep = sleep, async_sleep


@pytest.fixture(scope="module")
def sync_client(hostile_server: Hostile, fast_backoff: None) -> Iterator[ActivitySmith]:
    with ActivitySmith(KEY, base_url=hostile_server.base_url, rate_limit=None, timeout=1.0) as c:
        yield c


@given(answer=ANSWERS, call=CALLS, total=st.floats(0.4, 1.2))
@examples(80)
def test_sync_calls_against_a_hostile_server(
    hostile_server: Hostile,
    sync_client: ActivitySmith,
    answer: tuple[str, Answer],
    call: str,
    total: float,
) -> None:
    what, script = answer
    hostile_server.drop_connections()
    hostile_server.answer(script)
    began = time.monotonic()
    try:
        outcome: Any = _call(sync_client, call, total)
    except Exception as exc:
        outcome = exc
    _judge(outcome, time.monotonic() - began, total, f"sync {call}: {what}")


@pytest.fixture(scope="module")
def async_runner(
    hostile_server: Hostile, fast_backoff: None
) -> Iterator[tuple[asyncio.Runner, AsyncActivitySmith]]:
    with asyncio.Runner() as runner:

        async def make() -> AsyncActivitySmith:
            return AsyncActivitySmith(
                KEY, base_url=hostile_server.base_url, rate_limit=None, timeout=1.0
            )

        client = runner.run(make())
        yield runner, client
        runner.run(client.close())


@given(answer=ANSWERS, call=CALLS, total=st.floats(0.4, 1.2))
@examples(50)
def test_async_calls_against_a_hostile_server(
    hostile_server: Hostile,
    async_runner: tuple[asyncio.Runner, AsyncActivitySmith],
    answer: tuple[str, Answer],
    call: str,
    total: float,
) -> None:
    runner, client = async_runner
    what, script = answer
    hostile_server.drop_connections()
    hostile_server.answer(script)

    async def attempt() -> Any:
        return await _call(client, call, total)

    began = time.monotonic()
    try:
        outcome: Any = runner.run(attempt())
    except Exception as exc:
        outcome = exc
    _judge(outcome, time.monotonic() - began, total, f"async {call}: {what}")
