"""The server's clock: real time by default; `advance()` moves rate windows, timers, dismissal,
the throttling warning and every timestamp, without waiting."""

from __future__ import annotations

import email.utils
import time
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from activitysmith.testing import ActivitySmithServer, Clock, RateLimits
from activitysmith.testing._live_activities import _TimerState

ALERT = {"content_state": {"title": "x", "type": "alert", "message": "m"}}


def timer(**fields: Any) -> dict[str, Any]:
    return {"content_state": {"title": "Backup", "type": "timer", **fields}}


def at(timestamp: str) -> datetime:
    return datetime.fromisoformat(timestamp.replace("Z", "+00:00"))


# -- the clock itself ------------------------------------------------------------------------


def test_the_clock_follows_real_time_by_default() -> None:
    clock = Clock()
    before = clock.monotonic()
    time.sleep(0.02)

    assert clock.monotonic() - before >= 0.02
    assert abs(clock.time() - time.time()) < 1
    assert not clock.frozen


def test_advance_moves_every_reading_forward() -> None:
    clock = Clock()
    mono, wall = clock.monotonic(), clock.time()

    clock.advance(90)
    clock.advance(timedelta(minutes=1))

    assert clock.monotonic() - mono >= 150
    assert clock.time() - wall >= 150
    assert clock.advanced == 150
    assert at(clock.timestamp()) - datetime.now(UTC) > timedelta(seconds=149)


@pytest.mark.parametrize("bad", [-1, float("nan"), float("inf"), timedelta(seconds=-1)])
def test_the_clock_never_goes_back(bad: float | timedelta) -> None:
    with pytest.raises(ValueError, match=r"forward|infinite"):
        Clock().advance(bad)


def test_a_frozen_clock_moves_only_when_advanced() -> None:
    clock = Clock(frozen=True)
    start = clock.monotonic()
    time.sleep(0.02)
    assert clock.monotonic() == start

    clock.advance(5)
    assert clock.monotonic() == start + 5

    clock.unfreeze()
    time.sleep(0.02)
    assert clock.monotonic() > start + 5.01


def test_reset_goes_back_to_real_time_and_to_its_frozen_start() -> None:
    running, frozen = Clock(), Clock(frozen=True)
    for clock in (running, frozen):
        clock.advance(3600)
        clock.reset()
        assert clock.advanced == 0
        assert abs(clock.time() - time.time()) < 1
    running.freeze()
    running.reset()

    assert not running.frozen
    assert frozen.frozen


def test_the_server_has_a_clock_and_reset_rewinds_it(server: ActivitySmithServer) -> None:
    server.clock.advance(600)
    server.reset()

    assert server.clock.advanced == 0


# -- rate limits ------------------------------------------------------------------------------


def test_a_429_and_its_recovery_without_waiting(
    api: httpx.Client, server: ActivitySmithServer
) -> None:
    server.clock.freeze()  # only advance() moves it: exact Retry-After values below
    for _ in range(60):
        api.post("/push-notification", json={"title": "x"})

    limited = api.post("/push-notification", json={"title": "x"})
    server.clock.advance(59)
    still = api.post("/push-notification", json={"title": "x"})
    server.clock.advance(1)
    recovered = api.post("/push-notification", json={"title": "x"})

    assert limited.status_code == still.status_code == 429
    assert limited.headers["retry-after"] == "60"
    assert still.headers["retry-after"] == "1"
    assert recovered.status_code == 200


@pytest.mark.parametrize(
    "activitysmith_server_options",
    [{"rate_limit": RateLimits(requests=1, features={"metrics": 1})}],
)
def test_each_budget_refills_on_the_servers_clock(
    api: httpx.Client, server: ActivitySmithServer
) -> None:
    first = api.post("/metrics/uptime/value", json={"value": 1})
    second = api.post("/metrics/uptime/value", json={"value": 2})
    server.clock.advance(60)
    third = api.post("/metrics/uptime/value", json={"value": 3})

    assert [first.status_code, second.status_code, third.status_code] == [200, 429, 200]


# -- timestamps ----------------------------------------------------------------------------------


def test_answers_and_records_carry_the_servers_time(
    api: httpx.Client, server: ActivitySmithServer
) -> None:
    server.clock.advance(timedelta(days=2))
    sent = api.post("/push-notification", json={"title": "x"})
    api.post("/metrics/uptime/value", json={"value": 99})
    started = api.post("/live-activity/start", json=ALERT)

    for stamp in (
        sent.json()["timestamp"],
        started.json()["timestamp"],
        server.notifications[0].sent_at,
        server.metrics["uptime"].timestamp or "",
    ):
        assert at(stamp) - datetime.now(UTC) > timedelta(days=1, hours=23)
    header = email.utils.parsedate_to_datetime(sent.headers["date"])
    assert header - datetime.now(UTC) > timedelta(days=1, hours=23)


# -- Live Activity timers -------------------------------------------------------------------


def test_a_countdown_runs_on_the_servers_clock(
    api: httpx.Client, server: ActivitySmithServer
) -> None:
    server.clock.freeze()
    api.put("/live-activity/stream/backup", json=timer(duration_seconds=600))
    server.clock.advance(570)

    countdown = server.activity(server.streams["backup"]).timer
    assert countdown is not None
    assert (countdown.counts_down, countdown.running, countdown.duration) == (True, True, 600)
    assert countdown.remaining == 30
    assert countdown.shown == 30
    assert not countdown.finished

    server.clock.advance(60)
    finished = server.activity(server.streams["backup"]).timer
    assert finished is not None
    assert (finished.remaining, finished.finished) == (0, True)


def test_a_timer_pauses_resumes_resets_and_freezes_at_the_end(
    api: httpx.Client, server: ActivitySmithServer
) -> None:
    server.clock.freeze()
    api.put("/live-activity/stream/t", json=timer(duration_seconds=300))
    server.clock.advance(100)
    api.put("/live-activity/stream/t", json=timer(is_running=False))
    server.clock.advance(1000)
    paused = server.activity(server.streams["t"]).timer
    api.put("/live-activity/stream/t", json=timer(is_running=True))
    server.clock.advance(50)
    resumed = server.activity(server.streams["t"]).timer
    api.put("/live-activity/stream/t", json=timer(duration_seconds=120))
    server.clock.advance(20)
    restarted = server.activity(server.streams["t"]).timer
    activity_id = server.streams["t"]
    api.delete("/live-activity/stream/t")
    server.clock.advance(1000)
    ended = server.activity(activity_id).timer

    assert paused is not None and (paused.running, paused.remaining) == (False, 200)
    assert resumed is not None and (resumed.running, resumed.remaining) == (True, 150)
    assert restarted is not None and restarted.remaining == 100
    assert ended is not None and (ended.running, ended.remaining) == (False, 100)


def test_a_count_up_timer_shows_the_elapsed_time(
    api: httpx.Client, server: ActivitySmithServer
) -> None:
    server.clock.freeze()
    started = api.post("/live-activity/start", json=timer(counts_down=False)).json()
    server.clock.advance(42)

    elapsed = server.activity(started["activity_id"]).timer
    assert elapsed is not None
    assert (elapsed.counts_down, elapsed.remaining, elapsed.shown) == (False, None, 42)


def test_other_types_have_no_timer(api: httpx.Client, server: ActivitySmithServer) -> None:
    api.put("/live-activity/stream/a", json=ALERT)

    assert server.live_activities[0].timer is None


# -- dismissal -----------------------------------------------------------------------------------


def test_a_legacy_end_dismisses_after_three_minutes_by_default(
    api: httpx.Client, server: ActivitySmithServer
) -> None:
    server.clock.freeze()
    activity_id = api.post("/live-activity/start", json=ALERT).json()["activity_id"]
    end = {"activity_id": activity_id, "content_state": {"title": "done"}}
    api.post("/live-activity/end", json=end)

    ended = server.activity(activity_id)
    server.clock.advance(179)
    almost = server.activity(activity_id)
    server.clock.advance(1)
    gone = server.activity(activity_id)

    assert ended.ended and not ended.dismissed
    assert ended.dismiss_at is not None and ended.ended_at is not None
    assert at(ended.dismiss_at) - at(ended.ended_at) == timedelta(minutes=3)
    assert ended.dismiss_reason == "default: 3 minutes"
    assert not almost.dismissed
    assert gone.dismissed


@pytest.mark.parametrize(
    ("final", "seconds", "reason"),
    [
        ({"auto_dismiss_minutes": 1}, 60, "auto_dismiss_minutes: 1"),
        # seconds win
        ({"auto_dismiss_seconds": 10, "auto_dismiss_minutes": 5}, 10, "auto_dismiss_seconds: 10"),
        ({"auto_dismiss_seconds": 0}, 0, "auto_dismiss_seconds: 0"),
        # iOS keeps ended activities 4 hours at most
        ({"auto_dismiss_minutes": 600}, 4 * 3600, "auto_dismiss_minutes: 600"),
        ({}, 180, "default: 3 minutes"),
    ],
)
def test_a_stream_end_dismisses_after_the_delay_it_names(
    api: httpx.Client,
    server: ActivitySmithServer,
    final: dict[str, int],
    seconds: int,
    reason: str,
) -> None:
    server.clock.freeze()
    api.put("/live-activity/stream/job", json=ALERT)
    activity_id = server.streams["job"]
    assert server.activity(activity_id).dismiss_reason is None
    api.request(
        "DELETE", "/live-activity/stream/job", json={"content_state": {"title": "done", **final}}
    )
    ended = server.activity(activity_id)
    assert ended.dismiss_reason == reason
    assert ended.dismiss_at is not None and ended.ended_at is not None
    assert at(ended.dismiss_at) - at(ended.ended_at) == timedelta(seconds=seconds)

    if seconds:
        server.clock.advance(seconds - 1)
        assert not server.activity(activity_id).dismissed
        server.clock.advance(1)
    assert server.activity(activity_id).dismissed


def test_a_rotated_activity_leaves_at_once(api: httpx.Client, server: ActivitySmithServer) -> None:
    api.put("/live-activity/stream/s", json=ALERT)
    first = server.streams["s"]
    api.put("/live-activity/stream/s", json=timer(duration_seconds=60))

    assert server.activity(first).dismissed
    assert server.activity(first).dismiss_reason == "replaced by its stream's new activity"
    assert server.activity(first).dismiss_at == server.activity(first).ended_at
    assert not server.activity(server.streams["s"]).dismissed


# -- the throttling warning -------------------------------------------------------------------


def test_updates_spread_over_the_servers_clock_carry_no_warning(
    api: httpx.Client, server: ActivitySmithServer
) -> None:
    def state(n: int) -> dict[str, Any]:
        return {"content_state": {"title": "Deploy", "type": "progress", "percentage": n}}

    api.put("/live-activity/stream/slow", json=state(0))
    answers = []
    for n in range(1, 15):
        server.clock.advance(121)
        answers.append(api.put("/live-activity/stream/slow", json=state(n)).json())

    assert [a["operation"] for a in answers] == ["updated"] * 14
    assert all("warning" not in answer for answer in answers)


def test_timer_seconds_carry_no_float_noise_from_large_clock_readings() -> None:
    start = 15845.03494819458 + 0.5812182910675443  # (start + 570) - start != 570 in floats
    state = _TimerState.begin({"duration_seconds": 600}, now=start)
    countdown = state.snapshot(start + 570)
    assert (countdown.elapsed, countdown.remaining) == (570, 30)
