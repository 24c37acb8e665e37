"""Retries: what is retried, how long it waits, and that a push is never delivered twice."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator

import pytest

import activitysmith
from activitysmith import ActivitySmith, AsyncActivitySmith, _transport
from activitysmith._generated.examples import LIVE_ACTIVITY_LIMIT
from activitysmith._retries import RetryPolicy, Safety, parse_retry_after, retry_delay
from activitysmith.testing import ActivitySmithServer, Fault

PROGRESS = {"title": "Reindex", "type": "progress", "percentage": 10}


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Record backoff delays instead of sleeping."""
    recorded: list[float] = []
    monkeypatch.setattr(_transport, "_sleep", recorded.append)

    async def fake_async_sleep(seconds: float) -> None:
        recorded.append(seconds)

    monkeypatch.setattr(_transport, "_async_sleep", fake_async_sleep)
    return recorded


@pytest.fixture
def client(activitysmith_server: ActivitySmithServer) -> Iterator[ActivitySmith]:
    with ActivitySmith(
        activitysmith_server.api_key,
        base_url=activitysmith_server.base_url,
        max_retries=2,
        timeout=1.0,
    ) as client:
        yield client


def _statuses(server: ActivitySmithServer) -> list[int | None]:
    return [request.status for request in server.requests]


@pytest.mark.parametrize(
    "fault",
    [
        Fault.server_error(503),
        Fault.html_error(502),
        Fault.edge_error(522),
        Fault.drop_connection(),
    ],
)
def test_repeatable_operations_retry_until_success(
    client: ActivitySmith,
    activitysmith_server: ActivitySmithServer,
    sleeps: list[float],
    fault: Fault,
) -> None:
    activitysmith_server.inject(fault, times=2)
    status = client.live_activities.stream("k", content_state=PROGRESS)
    assert status.operation == "started"
    assert len(activitysmith_server.requests) == 3
    assert len(sleeps) == 2
    assert 0 < sleeps[0] < sleeps[1]


def test_retries_give_up_after_max_retries(
    client: ActivitySmith, activitysmith_server: ActivitySmithServer, sleeps: list[float]
) -> None:
    activitysmith_server.inject(Fault.server_error(500), times=5)
    with pytest.raises(activitysmith.InternalServerError):
        client.metrics.update("prod.status", "ok")
    assert _statuses(activitysmith_server) == [500, 500, 500]


def test_timeouts_are_retried_for_repeatable_operations(
    activitysmith_server: ActivitySmithServer, sleeps: list[float]
) -> None:
    activitysmith_server.inject(Fault.hang(1.0))
    with ActivitySmith(
        activitysmith_server.api_key, base_url=activitysmith_server.base_url, timeout=0.2
    ) as client:
        assert client.badge_count(4).badge == 4
    assert len(sleeps) == 1


@pytest.mark.parametrize(
    "fault",
    [
        Fault.server_error(500, applied=True),
        Fault.html_error(502, applied=True),
        Fault.drop_connection(applied=True),
    ],
    ids=["500", "502-html", "dropped"],
)
def test_push_retry_never_duplicates(
    client: ActivitySmith,
    activitysmith_server: ActivitySmithServer,
    sleeps: list[float],
    fault: Fault,
) -> None:
    activitysmith_server.inject(fault)
    with pytest.raises(activitysmith.APIError):
        client.notifications.send(title="Payment received")
    assert len(activitysmith_server.requests) == 1
    assert len(activitysmith_server.notifications) == 1  # delivered once, and only once
    assert sleeps == []


def test_push_timeout_is_not_retried(
    activitysmith_server: ActivitySmithServer, sleeps: list[float]
) -> None:
    activitysmith_server.inject(Fault.hang(1.0))
    with (
        ActivitySmith(
            activitysmith_server.api_key, base_url=activitysmith_server.base_url, timeout=0.2
        ) as client,
        pytest.raises(activitysmith.APITimeoutError),
    ):
        client.notifications.send(title="Payment received")
    assert sleeps == []
    # The hung request is recorded once the server finishes it; no second one follows.
    deadline = time.monotonic() + 3
    while not activitysmith_server.requests and time.monotonic() < deadline:
        time.sleep(0.02)
    assert len(activitysmith_server.requests) == 1
    assert len(activitysmith_server.notifications) == 1


def test_legacy_start_is_not_retried_after_a_5xx(
    client: ActivitySmith, activitysmith_server: ActivitySmithServer, sleeps: list[float]
) -> None:
    activitysmith_server.inject(Fault.server_error(503, applied=True))
    with pytest.raises(activitysmith.InternalServerError):
        client.live_activities.start(content_state=PROGRESS)
    assert len(activitysmith_server.live_activities) == 1
    assert sleeps == []


def test_push_is_retried_after_429(
    client: ActivitySmith, activitysmith_server: ActivitySmithServer, sleeps: list[float]
) -> None:
    activitysmith_server.inject(Fault.rate_limited(retry_after=2))
    client.notifications.send(title="Payment received")
    assert _statuses(activitysmith_server) == [429, 200]
    assert sleeps == [2.0]
    assert len(activitysmith_server.notifications) == 1


def test_push_is_retried_when_the_connection_was_refused(sleeps: list[float]) -> None:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with ActivitySmith("ask_x", base_url=f"http://127.0.0.1:{port}/api", max_retries=2) as client:
        with pytest.raises(activitysmith.APIConnectionError):
            client.notifications.send(title="x")
    assert len(sleeps) == 2  # never reached a server, so retrying was safe


def test_retry_after_http_date_is_honoured(
    client: ActivitySmith, activitysmith_server: ActivitySmithServer, sleeps: list[float]
) -> None:
    from email.utils import formatdate

    activitysmith_server.inject(
        Fault.rate_limited(retry_after=formatdate(time.time() + 5, usegmt=True))
    )
    client.badge_count(1)
    assert len(sleeps) == 1
    assert 3.0 <= sleeps[0] <= 5.0


def test_retry_after_above_the_cap_raises_with_retry_after(
    client: ActivitySmith, activitysmith_server: ActivitySmithServer, sleeps: list[float]
) -> None:
    activitysmith_server.inject(Fault.rate_limited(retry_after=3600))
    with pytest.raises(activitysmith.RateLimitError) as info:
        client.badge_count(1)
    assert info.value.retry_after == 3600.0
    assert sleeps == []
    assert len(activitysmith_server.requests) == 1


@pytest.mark.parametrize("activitysmith_server_options", [{"when_limit_reached": "reject"}])
def test_live_activity_limit_is_not_retried(
    client: ActivitySmith, activitysmith_server: ActivitySmithServer, sleeps: list[float]
) -> None:
    for index in range(LIVE_ACTIVITY_LIMIT):
        client.live_activities.stream(f"s{index}", content_state=PROGRESS)
    with pytest.raises(activitysmith.LiveActivityLimitError) as info:
        client.live_activities.stream("over", content_state=PROGRESS)
    assert (info.value.limit, info.value.active) == (LIVE_ACTIVITY_LIMIT, LIVE_ACTIVITY_LIMIT)
    assert sleeps == []
    assert len(activitysmith_server.requests) == LIVE_ACTIVITY_LIMIT + 1


def test_max_retries_zero_and_per_call_override(
    client: ActivitySmith, activitysmith_server: ActivitySmithServer, sleeps: list[float]
) -> None:
    activitysmith_server.inject(Fault.server_error(503), times=3)
    with pytest.raises(activitysmith.InternalServerError):
        client.badge_count(1, max_retries=0)
    assert len(activitysmith_server.requests) == 1
    client.badge_count(1, max_retries=5)
    assert _statuses(activitysmith_server) == [503, 503, 503, 200]


def test_total_timeout_bounds_the_whole_call(activitysmith_server: ActivitySmithServer) -> None:
    activitysmith_server.inject(Fault.hang(3.0), times=5)
    with ActivitySmith(
        activitysmith_server.api_key,
        base_url=activitysmith_server.base_url,
        timeout=2.0,
        max_retries=5,
        total_timeout=0.5,
    ) as client:
        began = time.monotonic()
        with pytest.raises(activitysmith.APITimeoutError):
            client.badge_count(1)
        elapsed = time.monotonic() - began
    assert elapsed < 2.0  # without the deadline one attempt alone would take 2 s


def test_each_retry_is_logged_without_payload_or_key(
    client: ActivitySmith,
    activitysmith_server: ActivitySmithServer,
    sleeps: list[float],
    caplog: pytest.LogCaptureFixture,
) -> None:
    activitysmith_server.inject(Fault.server_error(503))
    with caplog.at_level(logging.INFO, logger="activitysmith"):
        client.notifications.replace(
            "n1", title="Secret payload title"
        ) if False else client.metrics.update("prod.status", "very-private-value")
    messages = [record.getMessage() for record in caplog.records if record.name == "activitysmith"]
    assert len(messages) == 1
    assert "POST /metrics/prod.status/value" in messages[0]
    assert "HTTP 503" in messages[0]
    assert "very-private-value" not in messages[0]
    assert activitysmith_server.api_key not in caplog.text


@pytest.mark.anyio
async def test_async_client_retries_the_same_way(
    activitysmith_server: ActivitySmithServer, sleeps: list[float]
) -> None:
    activitysmith_server.inject(Fault.server_error(503), times=2)
    async with AsyncActivitySmith(
        activitysmith_server.api_key, base_url=activitysmith_server.base_url
    ) as client:
        status = await client.live_activities.stream("k", content_state=PROGRESS)
        assert status.operation == "started"
        activitysmith_server.inject(Fault.server_error(500, applied=True))
        with pytest.raises(activitysmith.InternalServerError):
            await client.notifications.send(title="once")
    assert len(sleeps) == 2
    assert len(activitysmith_server.notifications) == 1


# --- the pure policy ------------------------------------------------------------------


def test_backoff_grows_and_is_capped() -> None:
    import random

    policy = RetryPolicy(max_retries=10, initial_delay=0.5, max_delay=4.0, jitter=0.0)
    delays = [
        retry_delay(
            policy, safety=Safety.REPEATABLE, retries_done=n, status=503, rng=random.Random(1)
        )
        for n in range(6)
    ]
    assert delays == [0.5, 1.0, 2.0, 4.0, 4.0, 4.0]


def test_jitter_stays_within_its_band() -> None:
    import random

    policy = RetryPolicy(initial_delay=1.0, jitter=0.25)
    rng = random.Random(7)
    for _ in range(200):
        delay = retry_delay(policy, safety=Safety.REPEATABLE, retries_done=0, status=500, rng=rng)
        assert delay is not None and 0.75 <= delay <= 1.25


def test_deadline_stops_retries_that_would_overrun() -> None:
    policy = RetryPolicy(initial_delay=1.0, jitter=0.0)
    assert (
        retry_delay(policy, safety=Safety.REPEATABLE, retries_done=0, status=500, remaining=0.5)
        is None
    )
    assert (
        retry_delay(policy, safety=Safety.REPEATABLE, retries_done=0, status=500, remaining=5)
        == 1.0
    )


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("3", 3.0),
        ("0.5", 0.5),
        ("-2", 0.0),
        ("soon", None),
        ("", None),
        (None, None),
        ("nan", None),
    ],
)
def test_parse_retry_after(value: str | None, expected: float | None) -> None:
    assert parse_retry_after(value) == expected


def test_4xx_other_than_408_and_429_is_never_retried() -> None:
    policy = RetryPolicy()
    for status in (400, 401, 402, 403, 404, 409, 422):
        assert retry_delay(policy, safety=Safety.REPEATABLE, retries_done=0, status=status) is None
    assert retry_delay(policy, safety=Safety.REPEATABLE, retries_done=0, status=408) is not None
