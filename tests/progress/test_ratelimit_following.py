"""The limiter follows the server: its view of each policy, Retry-After, and the spec's budgets
until a response says more. At the wire, on an injected client clock kept in step with the
server's (no test waits a minute), and one short real-time test."""

from __future__ import annotations

import random
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from activitysmith import (
    ActivitySmith,
    APIStatusError,
    AsyncActivitySmith,
    RateLimiter,
    RateLimitError,
)
from activitysmith._ratelimit import MAX_SERVER_WAIT, ServerWindow
from activitysmith.testing import ActivitySmithServer, Fault, RateLimits
from tests.progress.helpers import FakeClock

# --- the server's view of one policy, as pure arithmetic ----------------------------------------


def test_a_window_spends_what_remains_then_waits_for_its_reset() -> None:
    view = ServerWindow(now=0.0, remaining=2, reset=10.0, quota=3, window=10.0)
    times = []
    for _ in range(6):
        at = view.earliest(0.0)
        view.take(at)
        times.append(at)

    # Two left in this window; then windows of three, each starting with its first request.
    assert times == [0.0, 0.0, 10.0, 10.0, 10.0, 20.0]


def test_within_a_known_window_the_lower_count_wins() -> None:
    view = ServerWindow(now=0.0, remaining=10, reset=30.0, quota=60, window=60.0)
    for _ in range(4):
        view.take(0.0)  # four requests in flight: 6 left by this client's count

    view.update(1.0, remaining=8, reset=29.0)  # an answer to the first of them
    assert view.remaining == 6
    view.update(2.0, remaining=2, reset=28.0)  # other processes spent more
    assert view.remaining == 2
    view.update(31.0, remaining=59, reset=60.0)  # a window this view had not counted
    assert (view.remaining, view.ends) == (59, 91.0)


@pytest.mark.parametrize("seed", range(5))
def test_clients_sharing_a_budget_leave_its_last_requests_rather_than_race_for_them(
    seed: int,
) -> None:
    rng = random.Random(seed)
    left = 60  # the account's window, as the server counts it
    views = [ServerWindow(now=0.0, remaining=60, reset=60.0, quota=60, window=60.0) for _ in "abcd"]
    refused = 0
    while any(view.earliest(1.0) == 1.0 for view in views):
        view = rng.choice([v for v in views if v.earliest(1.0) == 1.0])
        view.take(1.0)
        if left == 0:
            refused += 1  # a 429
        left = max(0, left - 1)
        view.update(1.0, remaining=left, reset=59.0)

    # Without the shares all four would race for the last requests: three 429s a window.
    assert refused <= 2
    assert left < len(views)  # at most a few requests of the window went unused
    assert all(view.share < 0.6 for view in views)


def test_alone_a_client_spends_the_whole_window() -> None:
    view = ServerWindow(now=0.0, remaining=5, reset=60.0, quota=5, window=60.0)
    for left in range(4, -1, -1):
        assert view.earliest(0.0) == 0.0
        view.take(0.0)
        view.update(0.0, remaining=left, reset=60.0)

    assert view.share == 1.0 and view.remaining == 0


def test_a_servers_wait_is_capped() -> None:
    view = ServerWindow(now=0.0, remaining=0, reset=5.0, quota=1, window=60.0)
    view.update(1.0, remaining=0, reset=10**9)

    assert view.earliest(1.0) == 1.0 + MAX_SERVER_WAIT


# --- the limiter adopting what responses say -----------------------------------------------------


def _policy(name: str, r: int, t: int, q: int, w: int) -> dict[str, str]:
    return {"RateLimit": f'"{name}";r={r};t={t}', "RateLimit-Policy": f'"{name}";q={q};w={w}'}


def test_without_headers_the_specs_budgets_pace_each_feature() -> None:
    clock = FakeClock()
    limiter = RateLimiter(clock=clock, sleep=clock.sleep)
    limiter.observe("metrics", {})

    assert [limiter.reserve("metrics") for _ in range(300)] == [0.0] * 300
    assert limiter.reserve("metrics") == pytest.approx(61.2)


def test_the_servers_quota_and_window_replace_the_specs_budget() -> None:
    clock = FakeClock()
    limiter = RateLimiter(clock=clock, sleep=clock.sleep)
    limiter.observe("notifications", _policy("account:notifications", 119, 60, 120, 60))

    waits = [limiter.reserve("notifications") for _ in range(120)]

    assert waits[:119] == [0.0] * 119  # a larger plan: 120 a minute, not the spec's 60
    assert waits[119] == pytest.approx(60.0)  # the window's reset, then a fresh window


def test_a_budget_the_caller_chose_stays_a_ceiling() -> None:
    clock = FakeClock()
    limiter = RateLimiter({"notifications": 10}, clock=clock, sleep=clock.sleep)
    limiter.observe("notifications", _policy("account:notifications", 119, 60, 120, 60))

    waits = [limiter.reserve("notifications") for _ in range(11)]

    assert waits[:10] == [0.0] * 10
    assert waits[10] == pytest.approx(61.2)


def test_a_policy_named_in_two_features_answers_is_one_budget() -> None:
    clock = FakeClock()
    limiter = RateLimiter(clock=clock, sleep=clock.sleep)
    shared = _policy("account:all", 2, 30, 100, 60)
    limiter.observe("metrics", shared)
    limiter.observe("badges", shared)

    assert [limiter.reserve("metrics"), limiter.reserve("badges")] == [0.0, 0.0]
    assert limiter.reserve("metrics") == pytest.approx(30.0)


def test_retry_after_pauses_only_its_feature() -> None:
    clock = FakeClock()
    limiter = RateLimiter(clock=clock, sleep=clock.sleep)
    limiter.observe("badges", {}, retry_after=4.0)

    assert limiter.reserve("metrics") == 0.0
    assert limiter.reserve("badges") == pytest.approx(4.0)
    assert limiter.reserve("badges") == pytest.approx(4.0)  # every request waits it out
    assert limiter.reserve("badges", max_wait=1.0) is None


def test_hostile_headers_cannot_stall_or_bloat_the_limiter() -> None:
    clock = FakeClock()
    limiter = RateLimiter(clock=clock, sleep=clock.sleep)
    many = ", ".join(f"p{i};r=0;t=999999999" for i in range(500))
    limiter.observe("metrics", {"RateLimit": many}, retry_after=10.0**12)
    limiter.observe("metrics", {"RateLimit": "\x00;;,=,\ufffd" * 100})

    assert len(limiter._views) <= 64
    assert limiter.reserve("metrics") == pytest.approx(MAX_SERVER_WAIT)


# --- at the wire --------------------------------------------------------------------------------


@pytest.fixture
def clock(activitysmith_server: ActivitySmithServer) -> FakeClock:
    """A client clock; each of its sleeps moves the server clock as far (frozen otherwise)."""
    activitysmith_server.clock.freeze()
    fake = FakeClock()
    plain = fake.sleep

    def sleep(seconds: float) -> None:
        plain(seconds)
        activitysmith_server.clock.advance(seconds)

    fake.sleep = sleep  # type: ignore[method-assign]
    return fake


@pytest.fixture
def client(activitysmith_server: ActivitySmithServer, clock: FakeClock) -> Iterator[ActivitySmith]:
    limiter = RateLimiter(clock=clock, sleep=clock.sleep)
    with ActivitySmith(
        activitysmith_server.api_key,
        base_url=activitysmith_server.base_url,
        rate_limit=limiter,
        max_retries=0,
    ) as sdk:
        yield sdk


def test_120_metric_updates_go_at_once_while_the_61st_push_waits(
    client: ActivitySmith, clock: FakeClock, activitysmith_server: ActivitySmithServer
) -> None:
    for value in range(120):
        client.metrics.update("uptime", value)
    assert clock.sleeps == []

    for number in range(60):
        client.notifications.send(title=f"push {number}")
    assert clock.sleeps == []
    last = client.notifications.send(title="push 60")

    assert clock.sleeps == [pytest.approx(61.2)]  # the window's minute, plus 2% of slack
    assert last.rate_limit is not None
    assert (last.rate_limit.policy, last.rate_limit.remaining) == ("account:notifications", 59)
    assert {r.status for r in activitysmith_server.requests} == {200}


@pytest.mark.parametrize(
    "activitysmith_server_options",
    [{"rate_limit": RateLimits(features={"metrics": 1}, window=5)}],
)
def test_a_client_that_sees_r_0_t_5_waits_5_s_on_that_feature_only(
    client: ActivitySmith, clock: FakeClock, activitysmith_server: ActivitySmithServer
) -> None:
    first = client.metrics.update("uptime", 1)
    assert first.rate_limit is not None
    assert (first.rate_limit.remaining, first.rate_limit.reset) == (0, 5.0)

    client.notifications.send(title="not paced by metrics")
    client.badge_count(2)
    assert clock.sleeps == []
    client.metrics.update("uptime", 2)

    [wait] = clock.sleeps
    assert 5.0 <= wait <= 5.2
    assert [r.status for r in activitysmith_server.requests] == [200] * 4


@pytest.mark.anyio
@pytest.mark.parametrize(
    "activitysmith_server_options",
    [{"rate_limit": RateLimits(features={"metrics": 1}, window=5)}],
)
async def test_the_async_client_follows_the_server_too(
    clock: FakeClock, activitysmith_server: ActivitySmithServer
) -> None:
    async def sleep(seconds: float) -> None:
        clock.sleep(seconds)

    limiter = RateLimiter(clock=clock, async_sleep=sleep)
    async with AsyncActivitySmith(
        activitysmith_server.api_key, base_url=activitysmith_server.base_url, rate_limit=limiter
    ) as sdk:
        await sdk.metrics.update("uptime", 1)
        await sdk.notifications.send(title="x")
        await sdk.metrics.update("uptime", 2)

    [wait] = clock.sleeps
    assert 5.0 <= wait <= 5.2


def test_a_retry_after_paces_the_feature_for_the_whole_client(
    client: ActivitySmith, clock: FakeClock, activitysmith_server: ActivitySmithServer
) -> None:
    activitysmith_server.inject(Fault.rate_limited(retry_after=3), path="/badge")
    with pytest.raises(RateLimitError) as refused:
        client.badge_count(1)  # max_retries=0: raised, and the feature is paused
    assert refused.value.retry_after == 3.0

    client.metrics.update("uptime", 1)  # another feature: no wait
    assert clock.sleeps == []
    client.badge_count(2)  # the next badge call waits out the Retry-After

    assert clock.sleeps == [3.0]
    assert activitysmith_server.badge == 2


def test_a_push_turned_away_by_a_429_is_retried_after_it_and_delivered_once(
    activitysmith_server: ActivitySmithServer, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    backoffs: list[float] = []
    monkeypatch.setattr("activitysmith._transport._sleep", backoffs.append)
    activitysmith_server.inject(Fault.rate_limited(retry_after=2), path="/push-notification")
    limiter = RateLimiter(clock=clock, sleep=clock.sleep)
    with ActivitySmith(
        activitysmith_server.api_key, base_url=activitysmith_server.base_url, rate_limit=limiter
    ) as sdk:
        sdk.notifications.send(title="Deploy finished")

    assert backoffs == [2.0]  # the retry waits the Retry-After...
    assert [r.status for r in activitysmith_server.requests] == [429, 200]
    assert len(activitysmith_server.notifications) == 1


def test_a_push_that_may_have_been_delivered_is_still_never_retried(
    activitysmith_server: ActivitySmithServer, clock: FakeClock
) -> None:
    activitysmith_server.inject(Fault.server_error(503, applied=True), path="/push-notification")
    limiter = RateLimiter(clock=clock, sleep=clock.sleep)
    with (
        ActivitySmith(
            activitysmith_server.api_key, base_url=activitysmith_server.base_url, rate_limit=limiter
        ) as sdk,
        pytest.raises(APIStatusError),
    ):
        sdk.notifications.send(title="Deploy finished")

    assert len(activitysmith_server.requests) == 1


def test_the_low_level_client_reports_to_the_same_limiter(
    client: ActivitySmith, clock: FakeClock
) -> None:
    response = client.low_level.get_httpx_client().post("/metrics/uptime/value", json={"value": 1})

    assert response.status_code == 200
    limiter: Any = client._transport.limiter
    assert limiter._views["account:metrics"].remaining == 299


def test_rate_limit_errors_expose_the_parsed_state(
    client: ActivitySmith, activitysmith_server: ActivitySmithServer
) -> None:
    for count in range(60):
        activitysmith_server.clock.advance(0)
        client.badge_count(count)
    limiter: Any = client._transport.limiter
    limiter._views.clear()  # forget the server's view: the next request goes out and is refused
    limiter._policies.clear()
    limiter._buckets.clear()
    with pytest.raises(RateLimitError) as info:
        client.badge_count(61)

    state = info.value.rate_limit
    assert state is not None
    assert (state.policy, state.remaining, state.limit, state.window) == (
        "account:badges",
        0,
        60,
        60.0,
    )
    assert state.reset == info.value.retry_after == 60.0


@pytest.mark.parametrize(
    "activitysmith_server_options",
    [{"rate_limit": RateLimits(features={"metrics": 1}, window=1)}],
)
def test_in_real_time_the_next_update_waits_for_the_reset(
    activitysmith_server: ActivitySmithServer,
) -> None:
    with ActivitySmith(activitysmith_server.api_key, base_url=activitysmith_server.base_url) as sdk:
        sdk.metrics.update("uptime", 1)
        started = time.monotonic()
        sdk.notifications.send(title="not paced by metrics")
        other = time.monotonic() - started
        sdk.metrics.update("uptime", 2)
        waited = time.monotonic() - started

    assert other < 0.5
    assert 0.8 <= waited < 5.0
    assert [r.status for r in activitysmith_server.requests] == [200, 200, 200]


def test_results_say_nothing_when_the_server_sends_no_headers() -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"success": True})

    http = httpx.Client(transport=httpx.MockTransport(answer))
    with ActivitySmith("ask_x", base_url="http://127.0.0.1:9/api", http_client=http) as sdk:
        assert sdk.metrics.update("uptime", 1).rate_limit is None
