"""The pure half of tracking: pacing and coalescing (Session), content states, loop exits."""

from __future__ import annotations

import itertools
import math
import sys
from collections.abc import Iterator
from typing import Any

import pytest

from activitysmith import APIConnectionError, NotFoundError, ValidationError
from activitysmith._tracking._loop_exit import left_by_exception
from activitysmith._tracking._options import plan_progress, plan_track
from activitysmith._tracking._session import Session, interval_after
from activitysmith._tracking._states import (
    Ending,
    LiveState,
    ProgressView,
    failure,
    format_duration,
)

# --- pacing and coalescing -------------------------------------------------------------------


def test_default_pace_is_twelve_quick_updates_then_one_every_two_minutes() -> None:
    assert [interval_after(n, None) for n in range(1, 13)] == [10.0] * 11 + [120.0]
    assert interval_after(50, None) == 120.0
    assert interval_after(50, 0.25) == 0.25  # a number fixes it


def _state(n: int) -> dict[str, Any]:
    return {"title": "Job", "type": "progress", "percentage": n}


def test_latest_state_goes_out_at_most_once_per_interval() -> None:
    session = Session("job", min_interval=1.0, flush_timeout=5)
    sent_at = []
    for tick in range(10_001):  # a state change every millisecond for 10 s
        now = tick / 1000
        call = session.update(_state(tick), now)
        if call is not None:
            session.succeeded(call)
            sent_at.append(now)
    assert len(sent_at) <= math.ceil(10.0 / 1.0) + 1
    assert all(b - a >= 1.0 for a, b in itertools.pairwise(sent_at))


def test_identical_states_are_not_sent() -> None:
    session = Session("job", min_interval=1.0, flush_timeout=5)
    first = session.update(_state(5), 0.0)
    assert first is not None
    session.succeeded(first)
    assert session.update(_state(5), 10.0) is None
    assert session.update(_state(6), 10.0) is not None


def test_a_failed_update_is_retried_on_the_next_tick() -> None:
    session = Session("job", min_interval=1.0, flush_timeout=5)
    call = session.update(_state(5), 0.0)
    assert call is not None
    session.failed(call, APIConnectionError("down"))
    assert session.update(_state(5), 0.5) is None  # not before the next tick
    assert session.update(_state(5), 1.0) is not None


def test_a_state_the_api_would_reject_is_skipped_not_retried() -> None:
    session = Session("job", min_interval=1.0, flush_timeout=5)
    call = session.update(_state(5), 0.0)
    assert call is not None
    session.failed(call, ValidationError("content_state.color", "bad"))
    assert session.update(_state(5), 1.0) is None


def _ending() -> Ending:
    return Ending({"title": "Job", "type": "progress", "percentage": 100}, {"title": "Job done"})


def _drive(session: Session, outcomes: dict[str, list[BaseException | None]]) -> list[str]:
    kinds: list[str] = []
    for call in session.final_calls(_ending()):
        kinds.append(call.kind)
        error = outcomes[call.kind].pop(0) if outcomes.get(call.kind) else None
        if error is None:
            session.succeeded(call)
        else:
            session.failed(call, error)
    return kinds


def test_a_stream_that_never_started_is_started_with_the_final_state_then_ended() -> None:
    session = Session("job", min_interval=1.0, flush_timeout=5)
    assert _drive(session, {}) == ["put", "delete"]


def test_a_started_stream_is_ended_with_one_delete_carrying_the_final_state() -> None:
    session = Session("job", min_interval=1.0, flush_timeout=5, end_extras={"action": {"x": 1}})
    call = session.update(_state(1), 0.0)
    assert call is not None
    session.succeeded(call)
    (delete,) = list(session.final_calls(_ending()))
    assert delete.kind == "delete" and delete.final
    assert delete.fields == {
        "content_state": _ending().content_state,
        "action": {"x": 1},
        "alert": {"title": "Job done"},
    }


def test_a_stream_gone_at_the_end_is_restarted_to_be_ended() -> None:
    session = Session("job", min_interval=1.0, flush_timeout=5)
    session.started = True
    gone = NotFoundError("gone", status_code=404, error=None, body=None, headers={})
    assert _drive(session, {"delete": [gone]}) == ["delete", "put", "delete"]


def test_no_delete_after_the_start_failed() -> None:
    session = Session("job", min_interval=1.0, flush_timeout=5)
    assert _drive(session, {"put": [APIConnectionError("down")]}) == ["put"]


def test_flush_budget_counts_from_close() -> None:
    session = Session("job", min_interval=1.0, flush_timeout=5)
    assert session.remaining(100.0) == math.inf
    session.close(100.0)
    assert session.remaining(103.0) == 2.0


# --- content states ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("seconds", "text"), [(0, "0s"), (42.9, "42s"), (185, "3m 05s"), (7620, "2h 07m")]
)
def test_durations_are_short(seconds: float, text: str) -> None:
    assert format_duration(seconds) == text


def test_progress_bar_shows_percentage_count_and_time_left() -> None:
    view = ProgressView("Reindex", total=1000)
    assert view.state(370, 60.0) == {
        "title": "Reindex",
        "type": "progress",
        "percentage": 37.0,
        "subtitle": "370 of 1,000 items · ~1m 42s left",
    }
    assert view.state(0, 0.0)["subtitle"] == "0 of 1,000 items"
    assert view.done(1000, 125.0)["percentage"] == 100
    assert view.done(1000, 125.0)["subtitle"] == "Done: 1,000 items in 2m 05s"
    assert view.stopped(370, 60.0)["subtitle"] == "Stopped at 370 of 1,000 items"


def test_progress_percentage_stays_within_the_contract() -> None:
    view = ProgressView("Job", total=3)
    assert view.state(1, 0.0)["percentage"] == 33.3
    assert view.state(7, 0.0)["percentage"] == 100  # more items than the total said
    assert ProgressView("Job", total=0).done(0, 0.0)["percentage"] == 100


def test_unknown_total_shows_a_running_count() -> None:
    view = ProgressView("Export", total=None, unit="rows")
    state = view.state(12_345, 30.0)
    assert state["type"] == "metrics"
    assert state["metrics"] == [{"label": "Rows", "value": 12_345}]
    assert state["subtitle"] == "12,345 rows"


def test_steps_give_segmented_progress() -> None:
    view = ProgressView("Deploy", total=10, steps=4)
    state = view.state(5, 1.0)
    assert (state["type"], state["number_of_steps"], state["current_step"]) == (
        "segmented_progress",
        4,
        2,
    )
    assert view.done(10, 1.0)["current_step"] == 4
    assert ProgressView("Deploy", total=None, steps=3).state(2, 0.0)["current_step"] == 2


def test_failure_is_red_with_a_badge_and_an_alert_but_no_exception_message() -> None:
    error = RuntimeError("postgres://admin:hunter2@db/prod is down")
    ending = failure({"title": "Backup", "type": "progress", "percentage": 40}, error=error)
    assert ending.content_state["color"] == "red"
    assert ending.content_state["badge"] == {"title": "FAILED", "color": "red"}
    assert ending.content_state["subtitle"] == "Failed: RuntimeError"
    assert ending.alert == {"title": "Backup failed", "body": "Failed: RuntimeError"}
    assert "hunter2" not in repr(ending)


def test_interrupt_and_cancel_are_named_as_such() -> None:
    import asyncio

    state = {"title": "Train", "type": "metrics", "metrics": [{"label": "Loss", "value": 1}]}
    interrupted = failure(state, error=KeyboardInterrupt())
    assert interrupted.content_state["subtitle"] == "Interrupted"
    assert "badge" not in interrupted.content_state  # metrics layouts have no badge
    assert failure(state, error=asyncio.CancelledError()).alert == {
        "title": "Train cancelled",
        "body": "Cancelled",
    }


def test_live_state_clamps_progress_and_switches_between_its_two_forms() -> None:
    live = LiveState({"title": "Job", "type": "progress", "percentage": 0})
    live.update({"percentage": 100.0000001})
    assert live.current["percentage"] == 100
    live.update({"value": 3, "upper_limit": 8})
    assert "percentage" not in live.current
    live.update({"percentage": 50})
    assert "value" not in live.current and "upper_limit" not in live.current
    live.update({"subtitle": "x"})
    live.update({"subtitle": None})
    assert "subtitle" not in live.current


def test_steps_are_clamped_and_only_for_segmented_progress() -> None:
    live = LiveState({"title": "Deploy", "type": "segmented_progress", "number_of_steps": 2})
    live.step(1, "build")
    live.step(5, None)
    assert (live.current["current_step"], live.current["subtitle"]) == (2, "build")
    with pytest.raises(ValidationError, match="segmented_progress"):
        LiveState({"title": "Job", "type": "progress", "percentage": 0}).step(1, None)


def test_metrics_take_a_mapping_or_metric_dicts() -> None:
    live = LiveState({"title": "Train", "type": "metrics", "metrics": [{"label": "a", "value": 1}]})
    live.set_metrics({"Loss": 0.4, "Epoch": 3})
    assert live.current["metrics"] == [
        {"label": "Loss", "value": 0.4},
        {"label": "Epoch", "value": 3},
    ]
    live.set_metrics([{"label": "GPU", "value": 91, "unit": "%"}])
    assert live.current["metrics"] == [{"label": "GPU", "value": 91, "unit": "%"}]


# --- options --------------------------------------------------------------------------------


def test_track_fills_in_a_sensible_first_state() -> None:
    assert plan_track("job", {"title": "Job"})[1] == {
        "title": "Job",
        "type": "progress",
        "percentage": 0,
    }
    assert plan_track("t", {"title": "T", "type": "timer"})[1]["counts_down"] is False
    steps = plan_track("d", {"title": "D", "type": "segmented_progress", "number_of_steps": 3})
    assert steps[1]["current_step"] == 0


@pytest.mark.parametrize(
    "options",
    [
        {"title": "M", "type": "metrics"},
        {"title": "A", "type": "alert"},
        {"title": "S", "type": "segmented_progress"},
        {"title": "P", "color": "pink"},
        {"title": "P", "min_interval": 0},
        {"title": "P", "flush_timeout": -1},
        {"title": "P", "channels": []},
    ],
)
def test_track_rejects_a_first_state_the_api_would_reject(options: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        plan_track("job", options)


@pytest.mark.parametrize(
    ("key", "options", "error"),
    [
        ("bad key!", {"title": "P"}, ValidationError),
        ("job", {"title": "P", "steps": 0}, ValidationError),
        ("job", {"title": "P", "total": -1}, ValidationError),
        ("job", {"title": "P", "total": True}, ValidationError),
        ("job", {"title": "P", "unit": ""}, ValidationError),
        ("job", {"title": ""}, ValidationError),
        ("job", {}, ValidationError),  # title is required
        ("job", {"title": "P", "percentage": 3}, ValidationError),  # progress() draws it
    ],
)
def test_progress_rejects_bad_arguments(
    key: str, options: dict[str, Any], error: type[Exception]
) -> None:
    with pytest.raises(error):
        plan_progress([1, 2], key, options)


def test_progress_takes_the_total_from_len_when_it_can() -> None:
    assert plan_progress([1, 2, 3], "job", {"title": "P"})[1].total == 3
    assert plan_progress(iter([1]), "job", {"title": "P"})[1].total is None
    assert plan_progress(iter([1]), "job", {"title": "P", "total": 9})[1].total == 9


# --- why a loop stopped ---------------------------------------------------------------------


def _watched(record: list[bool]) -> Iterator[int]:
    try:
        yield from range(10)
    except GeneratorExit:
        record.append(left_by_exception(sys._getframe(1)))
        raise


def test_break_and_return_are_ordinary_exits() -> None:
    record: list[bool] = []
    for i in _watched(record):
        if i == 2:
            break

    def early() -> int:
        for i in _watched(record):
            if i == 3:
                return i
        return -1

    assert early() == 3
    assert record == [False, False]


def test_an_exception_in_the_loop_body_is_told_apart() -> None:
    record: list[bool] = []

    def fails() -> None:
        for i in _watched(record):
            if i == 2:
                raise KeyError(i)

    def fails_in_with() -> None:
        import contextlib

        for i in _watched(record):
            with contextlib.suppress(ZeroDivisionError):
                if i == 2:
                    raise KeyError(i)

    for job in (fails, fails_in_with):
        with pytest.raises(KeyError):
            job()
    assert record == [True, True]


def test_an_unreadable_frame_counts_as_an_exception() -> None:
    assert left_by_exception(None) is True
