"""How far a timer has run, from its requests' own fields and timestamps; when an ended activity
leaves, from the server's own answer; and the journal that remembers the requests."""

from __future__ import annotations

import itertools
from typing import Any

from activitysmith.testing import LiveActivity, RecordedRequest
from activitysmith.testing._preview._journal import Entry, Journal
from activitysmith.testing._preview._links import Touch, link
from activitysmith.testing._preview._timeline import dismissal, timer_clock

T0 = "2026-07-20T09:30:00.000Z"
_numbers = itertools.count(1)


def at(seconds: float) -> str:
    minutes, rest = divmod(seconds, 60)
    return f"2026-07-20T09:{30 + int(minutes):02d}:{rest:06.3f}Z"


def request(operation: str, body: Any, path: str = "/api/x") -> RecordedRequest:
    return RecordedRequest(
        method="PUT",
        path=path,
        query="",
        headers={},
        body=b"",
        json=body,
        status=200,
        operation=operation,
    )


def touch(kind: str, seconds: float, content_state: dict[str, Any] | None = None) -> Touch:
    body = {} if content_state is None else {"content_state": content_state}
    entry = Entry(
        next(_numbers),
        at(seconds),
        request("updateLiveActivity", body),
        200,
        {"timestamp": at(seconds)},
        (),
    )
    return Touch(entry, kind)


def timer(
    *states: dict[str, Any],
    ended_at: str | None = None,
    dismiss_at: str | None = None,
    dismiss_reason: str | None = None,
) -> LiveActivity:
    return LiveActivity(
        activity_id="a1",
        type="timer",
        stream_key=None,
        states=tuple(states),
        ended=ended_at is not None,
        action=None,
        secondary_action=None,
        alert=None,
        devices=(),
        effective_channel_slugs=None,
        tags=(),
        metadata={},
        started_at=T0,
        ended_at=ended_at,
        updates=len(states) - 1,
        dismiss_at=dismiss_at,
        dismiss_reason=dismiss_reason,
    )


def test_a_running_timer_counts_from_its_start() -> None:
    clock = timer_clock(timer({"title": "t", "type": "timer", "duration_seconds": 600}), [])
    assert clock == {
        "counts_down": True,
        "duration": 600,
        "elapsed": 0.0,
        "since": T0,
        "running": True,
    }


def test_pause_freezes_resume_goes_on_duration_restarts_and_the_end_freezes() -> None:
    start = {"title": "t", "type": "timer", "counts_down": False}
    touches = [
        touch("update", 10, {"title": "t", "is_running": False}),  # 10 s run
        touch("noop", 15, {"title": "t"}),
        touch("update", 25, {"title": "t", "is_running": True}),  # paused for 15 s
        touch("update", 31.5, {"title": "renamed"}),  # still running: 16.5 s
    ]
    running = timer_clock(timer(start), touches)
    assert running is not None
    assert (running["elapsed"], running["since"], running["running"]) == (16.5, at(31.5), True)
    assert running["counts_down"] is False and running["duration"] is None

    restarted = timer_clock(
        timer(start), [*touches, touch("update", 40, {"title": "t", "duration_seconds": 90})]
    )
    assert restarted is not None
    assert (restarted["elapsed"], restarted["since"]) == (0.0, at(40))

    ended = timer_clock(timer(start, ended_at=at(50)), [*touches, touch("end", 50, None)])
    assert ended is not None
    assert (ended["elapsed"], ended["running"]) == (35.0, False)


def test_a_timer_started_paused_stays_at_zero() -> None:
    clock = timer_clock(
        timer({"title": "t", "type": "timer", "counts_down": False, "is_running": False}), []
    )
    assert clock is not None and (clock["elapsed"], clock["running"]) == (0.0, False)


def test_an_end_missing_from_the_journal_still_freezes_at_the_end_time() -> None:
    clock = timer_clock(
        timer({"title": "t", "type": "timer", "counts_down": False}, ended_at=at(12)), []
    )
    assert clock is not None and (clock["elapsed"], clock["running"]) == (12.0, False)


def test_other_types_have_no_timer_and_running_ones_no_dismissal() -> None:
    activity = timer({"title": "t", "type": "timer", "counts_down": False})
    progress = LiveActivity(**{**activity.__dict__, "type": "progress"})
    assert timer_clock(progress, []) is None
    assert dismissal(activity) is None


def test_dismissal_is_the_servers_dismiss_at_and_reason() -> None:
    def ended(dismiss_at: str, reason: str) -> LiveActivity:
        state = {"title": "t", "type": "timer", "counts_down": False}
        return timer(state, ended_at=at(0), dismiss_at=dismiss_at, dismiss_reason=reason)

    minutes = dismissal(ended(at(120), "auto_dismiss_minutes: 2"))
    assert minutes == {"seconds": 120, "at": at(120), "source": "auto_dismiss_minutes: 2"}
    at_once = dismissal(ended(at(0), "replaced by its stream's new activity"))
    assert at_once is not None and at_once["seconds"] == 0
    assert dismissal(ended(at(1.5), "auto_dismiss_seconds: 1.5")) == {
        "seconds": 1.5,
        "at": at(1.5),
        "source": "auto_dismiss_seconds: 1.5",
    }


def test_links_tie_answers_to_items_and_skip_what_the_api_refused() -> None:
    def entry(
        operation: str, answer: dict[str, Any], status: int = 200, path: str = "/api/x"
    ) -> Entry:
        return Entry(next(_numbers), T0, request(operation, {"badge": 1}, path), status, answer, ())

    links = link(
        [
            entry("sendPushNotification", {"notification_id": "n1"}),
            entry("sendPushNotification", {"error": "No recipients"}, status=422),
            entry(
                "reconcileLiveActivityStream",
                {"operation": "rotated", "activity_id": "b", "previous_activity_id": "a"},
            ),
            entry(
                "endLiveActivityStream",
                {"operation": "ended", "activity_id": None, "ignored": True},
            ),
            entry(
                "updateMetricValue", {"success": True}, path="/api/metrics/revenue%2Etoday/value"
            ),
            entry("updateAppIconBadgeCount", {"success": True}),
        ]
    )
    assert list(links.notifications) == ["n1"]
    assert [t.kind for t in links.activities["a"]] == ["replaced"]
    assert [t.kind for t in links.activities["b"]] == ["start"]
    assert list(links.metrics) == ["revenue.today"]
    assert [count for _, count in links.badges] == [1, 1]  # the push carried a badge too


def test_the_journal_keeps_the_newest_entries_and_counts_every_one() -> None:
    journal = Journal(now=lambda: T0, limit=3)
    for number in range(1, 6):
        journal.add(number, request("updateMetricValue", {}), 200, {}, ())
    epoch, appended, entries = journal.snapshot()
    assert (epoch, appended, [e.number for e in entries]) == (0, 5, [3, 4, 5])
    journal.clear()
    assert journal.snapshot() == (1, 0, [])
