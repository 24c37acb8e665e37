"""A Live Activity's clock from its requests: how far a timer has run, and when an ended one goes.

Everything here reads the activity's own fields and the server's timestamps (its start, each
request's answer, its end), so the page can tick a timer without asking the server again.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from .._models import LiveActivity
from ._links import Touch

DEFAULT_DISMISS_SECONDS = 180
"""An ended activity without `auto_dismiss_*` stays 3 minutes (the API's default for an end)."""

MAX_DISMISS_SECONDS = 4 * 60 * 60
"""iOS removes an ended Live Activity after about four hours at most."""


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


def dismissal(activity: LiveActivity, touches: Sequence[Touch]) -> dict[str, Any] | None:
    """When an ended activity leaves the Lock Screen, and which field (or default) said so."""
    if not activity.ended or activity.ended_at is None:
        return None
    ends = [touch for touch in touches if touch.kind in ("end", "replaced")]
    if ends and ends[-1].kind == "replaced":
        seconds, source = 0, "replaced by its stream's new activity"
    else:
        seconds, source = _requested_delay(ends[-1].content_state if ends else {})
    seconds = min(seconds, MAX_DISMISS_SECONDS)
    return {"seconds": seconds, "at": _after(activity.ended_at, seconds), "source": source}


def _requested_delay(sent: Mapping[str, Any]) -> tuple[int, str]:
    for name, unit in (("auto_dismiss_seconds", 1), ("auto_dismiss_minutes", 60)):
        value = sent.get(name)
        if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
            return value * unit, f"{name}: {value}"
    return DEFAULT_DISMISS_SECONDS, "default: 3 minutes"


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


def _after(stamp: str, seconds: int) -> str:
    parsed = _parse(stamp)
    if parsed is None:
        return stamp
    later = parsed.astimezone(UTC) + timedelta(seconds=seconds)
    return later.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)
