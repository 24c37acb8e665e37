"""What a tracked Live Activity shows: pure functions from progress to content states.

Nothing here reads a clock or sends anything; callers pass the count and elapsed time.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

from .._durations import format_duration
from .._errors import ValidationError
from .._generated.operations import RECONCILE_LIVE_ACTIVITY_STREAM, START_LIVE_ACTIVITY
from .._operations import build_body

if TYPE_CHECKING:
    from .._rules import Checker

__all__ = [
    "Ending",
    "LiveState",
    "ProgressView",
    "check_start",
    "ending_for",
    "failure",
    "is_failure",
]

_BADGE_TYPES = frozenset({"progress", "segmented_progress", "alert", "value"})


@cache
def _starting_state() -> tuple[Checker, frozenset[str]]:
    """The rules of a content state that starts a Live Activity: the legacy start's.

    A stream PUT that starts an activity needs what a legacy start needs (the fields of
    its type), which the stream's own schema leaves open; so a tracker checks its first
    state against the start schema too, for the fields that schema has.
    """
    from .._generated.schemas import SCHEMAS
    from .._operations import _schema_checker

    body = SCHEMAS[START_LIVE_ACTIVITY.request["$ref"]]
    name = body["properties"]["content_state"]["$ref"]
    return _schema_checker(name), frozenset(SCHEMAS[name]["properties"])


def check_start(stream_key: str, fields: Mapping[str, Any]) -> None:
    """Raise ValidationError unless `fields` (a stream PUT body) can start a Live Activity."""
    RECONCILE_LIVE_ACTIVITY_STREAM.check_path(stream_key)
    build_body(RECONCILE_LIVE_ACTIVITY_STREAM, None, fields)
    rules, known = _starting_state()
    state = {name: value for name, value in fields["content_state"].items() if name in known}
    rules.check(state, "content_state")


def _clamp(value: float, low: float, high: float) -> float:
    return min(high, max(low, value))


@dataclass(frozen=True)
class Ending:
    """The final request's content: the state shown after the end, and an optional alert."""

    content_state: dict[str, Any]
    alert: dict[str, str] | None = None


def failure(
    state: Mapping[str, Any], *, error: BaseException | None, where: str | None = None
) -> Ending:
    """`state` turned red with a FAILED badge, plus an alert so the phone tells the user.

    Only the exception's type is shown, never its message: messages can carry secrets
    (connection strings, paths, tokens) that have no business on a lock screen.
    """
    if isinstance(error, KeyboardInterrupt):
        label = "Interrupted"
    elif "asyncio" in sys.modules and isinstance(error, sys.modules["asyncio"].CancelledError):
        label = "Cancelled"
    else:
        label = "Failed"
    subtitle = label + (f" at {where}" if where else "")
    if error is not None and label == "Failed":
        subtitle += f": {type(error).__name__}"
    ended = {**state, "subtitle": subtitle, "color": "red"}
    if state.get("type") in _BADGE_TYPES:
        ended["badge"] = {"title": label.upper(), "color": "red"}
    title = str(state.get("title", ""))
    return Ending(ended, {"title": f"{title} {label.lower()}".strip(), "body": subtitle})


def is_failure(error: BaseException | None) -> bool:
    """Whether leaving a block with `error` means the work failed (`sys.exit(0)` does not)."""
    return error is not None and not (isinstance(error, SystemExit) and error.code in (None, 0))


def ending_for(state: Mapping[str, Any], error: BaseException | None) -> Ending:
    """How a `track()` block ends: as is after success, red after an exception."""
    return failure(state, error=error) if is_failure(error) else Ending(dict(state))


# --- track(): the latest state, changed by update / step / metrics ---------------------------


class LiveState:
    """The latest content state of a `track()` block. Not thread-safe; callers lock."""

    def __init__(self, initial: Mapping[str, Any]) -> None:
        self.current: dict[str, Any] = dict(initial)

    def update(self, fields: Mapping[str, Any]) -> None:
        """Merge `fields` (None removes a field); out-of-range progress is clamped."""
        merged = {**self.current, **fields}
        if "percentage" in fields and fields["percentage"] is not None:
            merged.pop("value", None)  # the two progress forms replace each other
            merged.pop("upper_limit", None)
        elif (
            "value" in fields and "upper_limit" in fields and self.current.get("type") == "progress"
        ):
            merged.pop("percentage", None)
        merged = {name: value for name, value in merged.items() if value is not None}
        percentage = merged.get("percentage")
        if isinstance(percentage, int | float) and not isinstance(percentage, bool):
            merged["percentage"] = (
                _clamp(percentage, 0, 100) if math.isfinite(percentage) else percentage
            )
        self.current = self._clamp_step(merged)

    def step(self, count: int, subtitle: str | None) -> None:
        """Advance `current_step` by `count` (segmented_progress only), clamped to the steps."""
        if self.current.get("type") != "segmented_progress":
            raise ValidationError(
                "step", "needs a segmented_progress Live Activity; use update() for other types"
            )
        fields: dict[str, Any] = {"current_step": int(self.current.get("current_step", 0)) + count}
        if subtitle is not None:
            fields["subtitle"] = subtitle
        self.update(fields)

    def set_metrics(self, metrics: Sequence[Mapping[str, Any]] | Mapping[str, Any]) -> None:
        """Replace the metrics: a list of `metric(...)` dicts, or `{label: value}`."""
        if isinstance(metrics, Mapping):
            items = [{"label": str(label), "value": value} for label, value in metrics.items()]
        else:
            items = [dict(item) for item in metrics]
        self.update({"metrics": items})

    @staticmethod
    def _clamp_step(state: dict[str, Any]) -> dict[str, Any]:
        steps, current = state.get("number_of_steps"), state.get("current_step")
        if isinstance(current, int) and not isinstance(current, bool):
            high = steps if isinstance(steps, int) and not isinstance(steps, bool) else current
            state["current_step"] = int(_clamp(current, 0, max(0, high)))
        return state


# --- progress(): a content state from a count ------------------------------------------------


@dataclass(frozen=True)
class ProgressView:
    """How `progress()` draws `n` items done after `elapsed` seconds.

    - known total: a `progress` bar (percentage) with "370 of 1,000 items · ~2m 10s left";
    - `steps`: a `segmented_progress` of that many segments;
    - unknown total: a `metrics` readout of the count (a bar needs a percentage).
    """

    title: str
    total: int | None
    steps: int | None = None
    unit: str = "items"
    style: Mapping[str, Any] = field(default_factory=dict)  # color, icon, ... as given

    @property
    def type(self) -> str:
        if self.steps is not None:
            return "segmented_progress"
        return "progress" if self.total is not None else "metrics"

    def state(self, n: int, elapsed: float, subtitle: str | None = None) -> dict[str, Any]:
        """The state while running."""
        return self._draw(n, subtitle or self._running_subtitle(n, elapsed), complete=False)

    def done(self, n: int, elapsed: float, subtitle: str | None = None) -> dict[str, Any]:
        """The final state after the iterable is exhausted: full bar."""
        text = subtitle or f"Done: {n:,} {self.unit} in {format_duration(elapsed)}"
        return self._draw(n, text, complete=True)

    def stopped(self, n: int, elapsed: float, subtitle: str | None = None) -> dict[str, Any]:
        """The final state after the loop was left early without an error (`break`)."""
        return self._draw(n, subtitle or f"Stopped at {self._position(n)}", complete=False)

    def failed(self, n: int, error: BaseException | None) -> Ending:
        """The final state after an error in the loop (`error` None: not known which)."""
        return failure(self._draw(n, None, complete=False), error=error, where=self._position(n))

    def _position(self, n: int) -> str:
        if self.total is None:
            return f"{n:,} {self.unit}"
        return f"{n:,} of {self.total:,} {self.unit}"

    def _running_subtitle(self, n: int, elapsed: float) -> str:
        text = self._position(n)
        if self.total is not None and 0 < n < self.total and elapsed >= 1:
            left = elapsed / n * (self.total - n)
            text += f" · ~{format_duration(left)} left"
        return text

    def _draw(self, n: int, subtitle: str | None, *, complete: bool) -> dict[str, Any]:
        state: dict[str, Any] = {"title": self.title, "type": self.type}
        if subtitle:
            state["subtitle"] = subtitle
        total = self.total
        if self.steps is not None:
            denominator = total if total is not None else self.steps
            done = self.steps if complete else n * self.steps // max(1, denominator)
            state["number_of_steps"] = self.steps
            state["current_step"] = int(_clamp(done, 0, self.steps))
        elif total is not None:
            fraction = 1.0 if complete or total == 0 else n / total
            state["percentage"] = round(_clamp(100 * fraction, 0, 100), 1)
        else:
            state["metrics"] = [{"label": self.unit.capitalize(), "value": n}]
        state.update(self.style)
        return state
