"""The keyword arguments of `progress()` and `track()`, typed once for the sync and async clients.

Their content-state and stream fields are the spec's (generated `TrackStateParams`,
`TrackExtrasParams`, `ProgressStyleParams`); only the tracking options are declared here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sized
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Required, TypedDict

from .._errors import ValidationError
from .._generated.params import (
    PROGRESS_STYLE,
    TRACK_END_EXTRAS,
    TRACK_EXTRAS,
    ProgressStyleParams,
    TrackExtrasParams,
    TrackStateParams,
)
from ._session import DEFAULT_FLUSH_TIMEOUT, check_timing
from ._states import ProgressView, check_start

if TYPE_CHECKING:
    from .._generated.params import LiveActivityTypeValue

__all__ = [
    "Plan",
    "ProgressOptions",
    "TrackOptions",
    "TrackUpdate",
    "plan_progress",
    "plan_track",
]


class _Delivery(TypedDict, total=False):
    min_interval: float | None
    flush_timeout: float


class ProgressOptions(_Delivery, TrackExtrasParams, ProgressStyleParams, total=False):
    """Keywords of `live_activities.progress(iterable, stream_key, **options)`."""

    title: Required[str]
    total: int | None
    steps: int | None
    unit: str
    subtitle: str | None


class TrackUpdate(TrackStateParams, total=False):
    """Content-state fields `Tracker.update()` accepts (None removes one)."""

    title: str


class TrackOptions(_Delivery, TrackExtrasParams, TrackStateParams, total=False):
    """Keywords of `live_activities.track(stream_key, **options)`."""

    title: Required[str]
    type: LiveActivityTypeValue


_DELIVERY = ("min_interval", "flush_timeout")
_EXTRAS: tuple[str, ...] = TRACK_EXTRAS  # on every PUT
_END_EXTRAS: tuple[str, ...] = TRACK_END_EXTRAS  # of those, what the final DELETE accepts
_STYLE: tuple[str, ...] = PROGRESS_STYLE
_PROGRESS = ("title", "total", "steps", "unit", "subtitle", *_STYLE, *_DELIVERY, *_EXTRAS)
_TRACK = frozenset(
    {"title", "type", *_DELIVERY, *_EXTRAS}
    | TrackStateParams.__required_keys__
    | TrackStateParams.__optional_keys__
)


@dataclass(frozen=True)
class Plan:
    """What a tracker needs besides its content: checked options, ready to send."""

    stream_key: str
    min_interval: float | None
    flush_timeout: float
    extras: dict[str, Any] = field(default_factory=dict)  # on every PUT
    end_extras: dict[str, Any] = field(default_factory=dict)  # on the final DELETE


def _plan(stream_key: str, options: Mapping[str, Any]) -> Plan:
    min_interval = options.get("min_interval")
    flush_timeout = options.get("flush_timeout", DEFAULT_FLUSH_TIMEOUT)
    check_timing(min_interval, flush_timeout)
    extras = {name: options[name] for name in _EXTRAS if name in options}
    end_extras = {name: extras[name] for name in _END_EXTRAS if name in extras}
    return Plan(stream_key, min_interval, float(flush_timeout), extras, end_extras)


def plan_track(stream_key: str, options: Mapping[str, Any]) -> tuple[Plan, dict[str, Any]]:
    """Check `track()` options; the plan and the first content state.

    Fills in what a job tracker starts with when it is not given: 0% for a progress bar,
    step 0 for segmented progress, an elapsed (count-up) clock for a timer.
    """
    _require_title(options)
    unknown = sorted(set(options) - _TRACK)
    if unknown:
        raise ValidationError(unknown[0], "is not an option of track()")
    plan = _plan(stream_key, options)
    skip = {*_DELIVERY, *_EXTRAS}
    state = {name: value for name, value in options.items() if name not in skip}
    state.setdefault("type", "progress")
    kind = state["type"]
    if kind == "progress" and "percentage" not in state and "value" not in state:
        state["percentage"] = 0
    elif kind == "segmented_progress":
        state.setdefault("current_step", 0)
    elif kind == "timer" and "duration_seconds" not in state:
        state.setdefault("counts_down", False)
    state = {name: value for name, value in state.items() if value is not None}
    check_start(stream_key, {"content_state": state, **plan.extras})
    return plan, state


def _require_title(options: Mapping[str, Any]) -> None:
    if "title" not in options:
        raise ValidationError("title", "is required")


def _count(name: str, value: Any, minimum: int) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise ValidationError(name, f"must be an integer >= {minimum}, got {value!r}")
    return value


def plan_progress(
    iterable: Iterable[Any] | Any, stream_key: str, options: Mapping[str, Any]
) -> tuple[Plan, ProgressView]:
    """Check `progress()` options; the plan and how to draw the count."""
    unknown = sorted(set(options) - set(_PROGRESS))
    if unknown:
        raise ValidationError(unknown[0], "is not an option of progress()")
    plan = _plan(stream_key, options)
    _require_title(options)
    total = _count("total", options.get("total"), 0)
    if total is None and isinstance(iterable, Sized):
        try:
            total = len(iterable)
        except TypeError:
            total = None
    unit = options.get("unit", "items")
    if not isinstance(unit, str) or not unit.strip():
        raise ValidationError("unit", "must be a non-empty string")
    view = ProgressView(
        title=options.get("title"),  # type: ignore[arg-type]  # checked by check_start
        total=total,
        steps=_count("steps", options.get("steps"), 1),
        unit=unit,
        style={name: options[name] for name in _STYLE if name in options},
    )
    subtitle = options.get("subtitle")
    check_start(stream_key, {"content_state": view.state(0, 0.0, subtitle), **plan.extras})
    return plan, view
