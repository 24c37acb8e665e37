"""A Live Activity's clock: how far a timer has run, and when an ended one goes.

A timer is read from the activity's own fields and the server's timestamps (its start, each
request's answer, its end), so the page can tick it without asking the server again. When an
ended activity leaves is the server's own answer (`LiveActivity.dismiss_at`), so the page and
`server.activity(...).dismissed` never disagree.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from .._models import LiveActivity
from ._links import Touch


def timer_clock(activity: LiveActivity, touches: Sequence[Touch]) -> dict[str, Any] | None:
    """For a `timer`: seconds run at the instant `since`, and whether it runs on from there.

    Sending `duration_seconds` restarts the window at that request; `is_running: false`
    freezes the timer and `true` resumes it from where it stood; an end freezes it.
    """
    if activity.type != "timer":
        return None
    state = activity.state
    running = activity.states[0].get("is_running", True) is not False
    elapsed, since = 0.0, activity.started_at
    for touch in touches:
        if touch.kind not in ("update", "end", "replaced"):
            continue
        if running:
            elapsed += _between(since, touch.at)
        since = touch.at
        sent = touch.content_state
        if "duration_seconds" in sent:
            elapsed = 0.0
        if "is_running" in sent:
            running = sent["is_running"] is not False
        if touch.kind != "update":
            running = False
    if activity.ended and running and activity.ended_at is not None:
        elapsed += _between(since, activity.ended_at)  # its end fell out of the journal
        since, running = activity.ended_at, False
    duration = state.get("duration_seconds")
    return {
        "counts_down": state.get("counts_down", True) is not False,
        "duration": duration if _is_number(duration) else None,
        "elapsed": elapsed,
        "since": since,
        "running": running,
    }


def dismissal(activity: LiveActivity) -> dict[str, Any] | None:
    """When an ended activity leaves the Lock Screen, and which field (or default) said so:
    the server's `dismiss_at` and `dismiss_reason`, with the seconds between its end and then."""
    if not activity.ended or activity.ended_at is None or activity.dismiss_at is None:
        return None
    seconds = _between(activity.ended_at, activity.dismiss_at)
    return {
        "seconds": int(seconds) if seconds.is_integer() else seconds,
        "at": activity.dismiss_at,
        "source": activity.dismiss_reason,
    }


def _parse(stamp: str) -> datetime | None:
    try:
        parsed = datetime.fromisoformat(stamp)
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=UTC)


def _between(start: str, end: str) -> float:
    first, last = _parse(start), _parse(end)
    if first is None or last is None:
        return 0.0
    return max(0.0, (last - first).total_seconds())


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)
