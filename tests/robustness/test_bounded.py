"""Every call is bounded in wall time and memory, whatever the server does.

One deadline (`total_timeout`) covers connecting, sending, every byte of the answer, every
retry and backoff and the client rate-limit wait; one bounded reader (`max_response_bytes`)
counts the bytes of every answer, compressed and decompressed.
"""

from __future__ import annotations

import time
import tracemalloc
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

import activitysmith
from activitysmith import ActivitySmith, AsyncActivitySmith, _transport
from tests.robustness.conftest import KEY, MARGIN
from tests.robustness.hostile import (
    Answer,
    Hostile,
    chunked_flood,
    drip_body,
    drip_chunked,
    drip_headers,
    gzip_bomb,
    length_flood,
    redirect,
    reply,
    retry_after,
)

STREAM = {"content_state": {"title": "Deploy", "type": "progress", "percentage": 5}}

SLOW_ANSWERS: dict[str, Callable[[], Answer]] = {
    "dripped-body": lambda: drip_body(interval=0.3),
    "dripped-headers": lambda: drip_headers(interval=0.3),
    "slow-chunked": lambda: drip_chunked(interval=0.3),
}


@pytest.fixture
def sync_client(hostile: Hostile) -> Iterator[ActivitySmith]:
    with ActivitySmith(KEY, base_url=hostile.base_url, rate_limit=None) as client:
        yield client


@pytest.mark.parametrize("kind", sorted(SLOW_ANSWERS))
def test_a_dripping_server_cannot_outlast_the_deadline(
    hostile: Hostile, sync_client: ActivitySmith, kind: str
) -> None:
    hostile.answer(SLOW_ANSWERS[kind]())
    began = time.monotonic()
    with pytest.raises(activitysmith.APITimeoutError, match="total_timeout"):
        sync_client.notifications.send(title="Deploy finished", total_timeout=1.5)
    assert time.monotonic() - began < 1.5 + MARGIN


@pytest.mark.parametrize("kind", sorted(SLOW_ANSWERS))
@pytest.mark.anyio
async def test_a_dripping_server_cannot_outlast_the_async_deadline(
    hostile: Hostile, kind: str
) -> None:
    hostile.answer(SLOW_ANSWERS[kind]())
    async with AsyncActivitySmith(KEY, base_url=hostile.base_url, rate_limit=None) as client:
        began = time.monotonic()
        with pytest.raises(activitysmith.APITimeoutError):
            await client.notifications.send(title="Deploy finished", total_timeout=1.5)
    assert time.monotonic() - began < 1.5 + MARGIN


def test_the_client_deadline_covers_the_body_of_a_caller_supplied_client(
    hostile: Hostile,
) -> None:
    hostile.answer(drip_body(interval=0.2))
    with (
        httpx.Client() as http,
        ActivitySmith(KEY, base_url=hostile.base_url, http_client=http, total_timeout=1.0) as c,
    ):
        began = time.monotonic()
        with pytest.raises(activitysmith.APITimeoutError):
            c.metrics.update("uptime", 1)
    assert time.monotonic() - began < 1.0 + MARGIN


def test_the_deadline_covers_retries_and_backoff(hostile: Hostile) -> None:
    hostile.answer(retry_after("1", status=503))
    with ActivitySmith(
        KEY, base_url=hostile.base_url, max_retries=10, total_timeout=1.5, rate_limit=None
    ) as client:
        began = time.monotonic()
        with pytest.raises(activitysmith.InternalServerError):
            client.live_activities.stream("deploy", STREAM)
        assert time.monotonic() - began < 1.5 + MARGIN


def test_every_call_has_a_deadline_by_default(hostile: Hostile) -> None:
    from activitysmith._config import DEFAULT_TOTAL_TIMEOUT
    from activitysmith._generated.operations import UPDATE_APP_ICON_BADGE_COUNT
    from activitysmith._types import NOT_GIVEN

    assert 0 < DEFAULT_TOTAL_TIMEOUT < 600
    with ActivitySmith(KEY, base_url=hostile.base_url) as client:
        kwargs, _removed = client._prepare(
            UPDATE_APP_ICON_BADGE_COUNT, (), None, {"badge": 1}, NOT_GIVEN, NOT_GIVEN, NOT_GIVEN
        )
        request = client._http.build_request(**kwargs)
    deadline = request.extensions[_transport.EXT_DEADLINE]
    assert deadline - time.monotonic() == pytest.approx(DEFAULT_TOTAL_TIMEOUT, abs=5)


# --- memory ---------------------------------------------------------------------------------


def _peak_during(call: Callable[[], Any]) -> tuple[BaseException | None, int]:
    tracemalloc.start()
    error: BaseException | None = None
    try:
        call()
    except BaseException as exc:
        error = exc
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return error, peak


@pytest.mark.parametrize(
    "answer",
    [chunked_flood, length_flood, lambda: gzip_bomb(megabytes=512)],
    ids=["endless-chunked", "huge-length", "gzip-bomb"],
)
def test_an_answer_too_large_stops_early(
    hostile: Hostile, sync_client: ActivitySmith, answer: Callable[[], Answer]
) -> None:
    hostile.answer(answer())
    began = time.monotonic()
    error, peak = _peak_during(lambda: sync_client.badge_count(1, total_timeout=10))
    assert isinstance(error, activitysmith.APIResponseValidationError), repr(error)
    assert "max_response_bytes" in str(error)
    assert peak < 8 * 1024 * 1024
    assert time.monotonic() - began < 5


def test_a_bomb_on_a_5xx_is_never_downloaded_twice(
    hostile: Hostile, sync_client: ActivitySmith
) -> None:
    hostile.answer(gzip_bomb(status=503, megabytes=512))
    with pytest.raises(activitysmith.APIResponseValidationError) as info:
        sync_client.live_activities.stream("deploy", STREAM)
    assert info.value.status_code == 503
    assert len(hostile.requests) == 1


def test_max_response_bytes_is_a_documented_setting(hostile: Hostile) -> None:
    from activitysmith._config import DEFAULT_MAX_RESPONSE_BYTES

    hostile.answer(reply(200, b'{"success": true, "pad": "' + b"x" * 3000 + b'"}'))
    with ActivitySmith(KEY, base_url=hostile.base_url, max_response_bytes=1024) as client:
        with pytest.raises(activitysmith.APIResponseValidationError):
            client.badge_count(1)
        assert client.max_response_bytes == 1024
    assert ActivitySmith(KEY).max_response_bytes == DEFAULT_MAX_RESPONSE_BYTES


@pytest.mark.anyio
async def test_the_async_client_bounds_answers_too(hostile: Hostile) -> None:
    hostile.answer(gzip_bomb(megabytes=64))
    async with AsyncActivitySmith(KEY, base_url=hostile.base_url) as client:
        with pytest.raises(activitysmith.APIResponseValidationError):
            await client.badge_count(1)


# --- Retry-After and redirects ------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    ["0", "-5", "Thu, 01 Jan 1970 00:00:00 GMT", "0.0000001", "-1e308"],
)
def test_retry_after_never_makes_attempts_back_to_back(
    hostile: Hostile, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    sleeps: list[float] = []
    monkeypatch.setattr(_transport, "_sleep", sleeps.append)
    hostile.answer(retry_after(value, status=429))
    with ActivitySmith(KEY, base_url=hostile.base_url, rate_limit=None) as client:
        with pytest.raises(activitysmith.RateLimitError):
            client.badge_count(3)
    assert len(hostile.requests) == 3
    assert sleeps and min(sleeps) >= 0.25


@pytest.mark.parametrize(
    "value",
    [
        "Mon, 01 Jan 99999 00:00:00 GMT",
        "Mon, 01 Jan 1234567890 00:00:00 GMT",
        "1e400",
        "99999999999999999999999999",
        "Tue, 32 Foo 2026 99:99:99 GMT",
    ],
)
def test_absurd_retry_after_values_are_sdk_errors(
    hostile: Hostile, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setattr(_transport, "_sleep", lambda seconds: None)
    hostile.answer(retry_after(value, status=429))
    with ActivitySmith(KEY, base_url=hostile.base_url, rate_limit=None) as client:
        with pytest.raises(activitysmith.RateLimitError) as info:
            client.badge_count(3)
    retry = info.value.retry_after
    assert retry is None or 0 <= retry < float("inf")


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
def test_a_redirect_is_an_error_even_for_a_following_http_client(
    hostile: Hostile, status: int
) -> None:
    hostile.answer(redirect("/api/push-notification", status=status))
    with (
        httpx.Client(follow_redirects=True) as http,
        ActivitySmith(KEY, base_url=hostile.base_url, http_client=http) as client,
    ):
        with pytest.raises(activitysmith.APIStatusError) as info:
            client.notifications.send(title="Payout failed")
    assert info.value.status_code == status
    assert "redirect" in str(info.value)
    assert len(hostile.requests) == 1


@pytest.mark.anyio
async def test_an_async_following_client_never_follows_either(hostile: Hostile) -> None:
    hostile.answer(redirect())
    async with (
        httpx.AsyncClient(follow_redirects=True) as http,
        AsyncActivitySmith(KEY, base_url=hostile.base_url, http_client=http) as client,
    ):
        with pytest.raises(activitysmith.APIStatusError):
            await client.notifications.send(title="Payout failed")
    assert len(hostile.requests) == 1


def test_the_low_level_client_never_follows_a_redirect(hostile: Hostile) -> None:
    from activitysmith_client.api.app_icon_badges import update_app_icon_badge_count
    from activitysmith_client.models import AppIconBadgeCountUpdateRequest

    hostile.answer(redirect("/api/badge", status=307))
    with ActivitySmith(KEY, base_url=hostile.base_url) as client:
        low = client.low_level
        low.get_httpx_client().follow_redirects = True
        with pytest.raises(activitysmith.APIStatusError):
            update_app_icon_badge_count.sync_detailed(
                client=low, body=AppIconBadgeCountUpdateRequest(badge=1)
            )
    assert len(hostile.requests) == 1
