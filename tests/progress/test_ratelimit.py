"""The client-wide rate limiter: the pure bucket, the locked limiter, and at the wire."""

from __future__ import annotations

import random
import threading
from collections import Counter
from typing import Any

import httpx
import pytest

from activitysmith import (
    ActivitySmith,
    APITimeoutError,
    AsyncActivitySmith,
    ConfigurationError,
    RateLimiter,
)
from activitysmith._ratelimit import TokenBucket
from activitysmith.testing import ActivitySmithServer, Fault, RateLimits
from tests.progress.helpers import FakeClock

# --- the pure bucket ------------------------------------------------------------------------


def test_bucket_spends_a_full_burst_then_returns_each_token_a_period_after_its_use() -> None:
    bucket = TokenBucket(3, 10.0)
    assert [bucket.reserve(0.0) for _ in range(3)] == [0.0, 0.0, 0.0]
    assert bucket.reserve(0.0) == 10.0  # the first token is back at t=10
    assert bucket.reserve(4.0) == 6.0  # the second one too; waiting from t=4
    assert bucket.reserve(25.0) == 0.0  # long idle: free again


def test_bucket_never_lets_a_window_of_one_period_hold_more_than_capacity() -> None:
    rng = random.Random(7)
    bucket = TokenBucket(5, 1.0)
    now, used = 0.0, []
    for _ in range(500):
        now += rng.choice([0.0, 0.0, 0.01, 0.1, 0.5])
        wait = bucket.reserve(now)
        assert wait is not None
        used.append(now + wait)
    assert used == sorted(used)  # tokens are handed out in call order
    for i, start in enumerate(used):
        in_window = [t for t in used[i:] if t < start + 1.0]
        assert len(in_window) <= 5


def test_bucket_over_max_wait_takes_nothing() -> None:
    bucket = TokenBucket(1, 60.0)
    assert bucket.reserve(0.0) == 0.0
    assert bucket.reserve(1.0, max_wait=5.0) is None
    assert bucket.reserve(1.0, max_wait=59.0) == 59.0  # the refused call reserved nothing


def test_bucket_rejects_an_empty_bucket() -> None:
    with pytest.raises(ValueError, match="capacity"):
        TokenBucket(0, 1.0)


# --- the limiter ------------------------------------------------------------------------------


def test_default_limiter_keeps_each_features_budget_from_the_spec() -> None:
    clock = FakeClock()
    limiter = RateLimiter(clock=clock, sleep=clock.sleep)
    assert dict(limiter.budgets) == {
        "notifications": 60,
        "live-activities": 300,
        "metrics": 300,
        "badges": 60,
        "default": 60,
    }
    pushes = [limiter.reserve("notifications") for _ in range(61)]
    assert pushes[:60] == [0.0] * 60
    assert pushes[60] == pytest.approx(61.2)  # a token is back a minute (+2% slack) after use
    streams = [limiter.reserve("live-activities") for _ in range(301)]
    assert streams[:300] == [0.0] * 300  # a bucket of its own, untouched by the pushes
    assert streams[300] == pytest.approx(61.2)


def test_a_number_sets_every_budget_and_a_mapping_some() -> None:
    every = RateLimiter(30)
    assert set(every.budgets.values()) == {30.0}
    some = RateLimiter({"metrics": 600})
    assert (some.budgets["metrics"], some.budgets["notifications"]) == (600.0, 60.0)
    with pytest.raises(ConfigurationError, match="no feature"):
        RateLimiter({"metric": 600})


@pytest.mark.parametrize(
    ("per_minute", "burst"),
    [(0, None), (-5, None), (float("nan"), None), (float("inf"), None), (True, None), (60, 0)],
)
def test_limiter_rejects_unusable_settings(per_minute: float, burst: int | None) -> None:
    with pytest.raises(ConfigurationError):
        RateLimiter(per_minute, burst=burst)


def test_client_rejects_an_unusable_rate_limit() -> None:
    with pytest.raises(ConfigurationError, match="rate_limit"):
        ActivitySmith(api_key="ask_test", base_url="http://127.0.0.1:9/api", rate_limit=0)


def test_limiter_sleeps_without_holding_its_lock() -> None:
    clock = FakeClock()
    held: list[bool] = []

    def sleep(seconds: float) -> None:
        free = limiter._lock.acquire(blocking=False)
        held.append(not free)
        if free:
            limiter._lock.release()
        clock.sleep(seconds)

    limiter = RateLimiter(60, burst=1, clock=clock, sleep=sleep)
    assert limiter.acquire() and limiter.acquire()
    assert held == [False]


def test_limiter_hands_out_each_slot_once_across_threads() -> None:
    limiter = RateLimiter(60, burst=4, clock=lambda: 0.0)
    waits: list[float | None] = []
    lock = threading.Lock()

    def take() -> None:
        for _ in range(25):
            wait = limiter.reserve()
            with lock:
                waits.append(wait)

    threads = [threading.Thread(target=take) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    period = 4 * 60 / 60 * 1.02
    slots = Counter(round((w or 0.0) / period) for w in waits)
    assert slots == {k: 4 for k in range(50)}  # 200 requests, 4 per period, none lost


@pytest.mark.anyio
async def test_async_acquire_waits_with_the_async_sleep() -> None:
    clock = FakeClock()

    def forbidden(seconds: float) -> None:
        raise AssertionError("the async path must not block the event loop")

    limiter = RateLimiter(120, burst=1, clock=clock, sleep=forbidden, async_sleep=clock.async_sleep)
    assert await limiter.acquire_async()
    assert await limiter.acquire_async()
    assert clock.sleeps == [0.51]
    assert not await limiter.acquire_async(max_wait=0.1)


# --- at the wire --------------------------------------------------------------------------


def _client(server: ActivitySmithServer, limiter: RateLimiter | None, **kw: Any) -> ActivitySmith:
    return ActivitySmith(api_key=server.api_key, base_url=server.base_url, rate_limit=limiter, **kw)


def test_every_request_of_a_client_waits_for_its_token(
    activitysmith_server: ActivitySmithServer,
) -> None:
    clock = FakeClock()
    limiter = RateLimiter(120, burst=2, clock=clock, sleep=clock.sleep)
    with _client(activitysmith_server, limiter) as client:
        for count in range(6):
            client.badge_count(count)
    assert len(activitysmith_server.requests) == 6
    # 2 at once, then one token back every 1.02 s (2 per second, +2% slack).
    assert clock.sleeps == [1.02, 1.02]
    assert clock.now == pytest.approx(2.04)


def test_the_low_level_client_shares_the_budget(activitysmith_server: ActivitySmithServer) -> None:
    clock = FakeClock()
    limiter = RateLimiter(60, burst=1, clock=clock, sleep=clock.sleep)
    with _client(activitysmith_server, limiter) as client:
        client.badge_count(1)
        response = client.low_level.get_httpx_client().post("/badge", json={"badge": 2})
    assert response.status_code == 200
    assert clock.sleeps == [1.02]


def test_retries_wait_for_a_token_too(
    activitysmith_server: ActivitySmithServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("activitysmith._transport._sleep", lambda seconds: None)  # no backoff
    activitysmith_server.inject(Fault.server_error(503), times=2)
    clock = FakeClock()
    limiter = RateLimiter(60, burst=1, clock=clock, sleep=clock.sleep)
    with _client(activitysmith_server, limiter) as client:
        client.badge_count(3)
    assert [r.status for r in activitysmith_server.requests] == [503, 503, 200]
    assert clock.sleeps == [1.02, 1.02]


def test_a_wait_past_the_total_timeout_fails_at_once(
    activitysmith_server: ActivitySmithServer,
) -> None:
    clock = FakeClock()
    limiter = RateLimiter(60, burst=1, clock=clock, sleep=clock.sleep)
    with _client(activitysmith_server, limiter, total_timeout=0.5) as client:
        client.badge_count(1)
        with pytest.raises(APITimeoutError, match="rate limit"):
            client.badge_count(2)
    assert clock.sleeps == []
    assert len(activitysmith_server.requests) == 1


def test_rate_limit_none_switches_it_off(activitysmith_server: ActivitySmithServer) -> None:
    with _client(activitysmith_server, None) as client:
        assert client._transport.limiter is None
    with ActivitySmith(api_key="ask_test", base_url=activitysmith_server.base_url) as client:
        assert client._transport.limiter is not None
        assert client._transport.limiter.budgets["notifications"] == 60


def test_clients_given_one_limiter_share_one_budget(
    activitysmith_server: ActivitySmithServer,
) -> None:
    clock = FakeClock()
    limiter = RateLimiter(60, burst=1, clock=clock, sleep=clock.sleep)
    with (
        _client(activitysmith_server, limiter) as one,
        _client(activitysmith_server, limiter) as two,
    ):
        one.badge_count(1)
        two.badge_count(2)
    assert clock.sleeps == [1.02]


@pytest.mark.anyio
async def test_async_client_waits_for_its_tokens(activitysmith_server: ActivitySmithServer) -> None:
    clock = FakeClock()
    limiter = RateLimiter(120, burst=1, clock=clock, async_sleep=clock.async_sleep)
    async with AsyncActivitySmith(
        api_key=activitysmith_server.api_key,
        base_url=activitysmith_server.base_url,
        rate_limit=limiter,
    ) as client:
        for count in range(3):
            await client.badge_count(count)
    assert clock.sleeps == [0.51, 0.51]


@pytest.mark.parametrize(
    "activitysmith_server_options", [{"rate_limit": RateLimits(requests=3, window=1.0)}]
)
def test_a_busy_program_waits_instead_of_collecting_429s(
    activitysmith_server: ActivitySmithServer,
) -> None:
    # The server allows 3 stream calls per second; a client allowed 120/min in bursts of 3
    # (a token back after 1.53 s) stays under it, where one without a limiter does not.
    body = {"content_state": {"title": "Busy", "type": "progress", "percentage": 1}}
    with _client(activitysmith_server, None, max_retries=0) as client:
        statuses = []
        for _ in range(5):
            try:
                client.live_activities.stream("unlimited", body)
                statuses.append(200)
            except Exception as exc:
                statuses.append(getattr(exc, "status_code", 0))
        assert 429 in statuses
    activitysmith_server.reset()
    with _client(activitysmith_server, RateLimiter(120, burst=3), max_retries=0) as client:
        for _ in range(5):
            client.live_activities.stream("limited", body)
    assert [r.status for r in activitysmith_server.requests] == [200] * 5


def test_limiter_repr_shows_its_settings() -> None:
    assert repr(RateLimiter(90, burst=10)) == "RateLimiter(per_minute=90, burst=10)"


def test_transport_limit_error_is_a_timeout() -> None:
    from activitysmith._retries import RetryPolicy
    from activitysmith._transport import Attempts

    request = httpx.Request("GET", "http://127.0.0.1/")
    error = Attempts(request, RetryPolicy(), "").rate_limit_timeout()
    assert isinstance(error, httpx.TimeoutException)
