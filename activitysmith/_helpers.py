"""Small builders for the nested objects of a request; each returns a plain JSON-ready dict."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ._types import NOT_GIVEN, NotGiven

__all__ = ["action", "alert_badge", "alert_icon", "content_state", "metric"]


def _set(**fields: Any) -> dict[str, Any]:
    """Only the fields the caller actually gave (NOT_GIVEN is dropped; None, 0, False are kept)."""
    return {name: value for name, value in fields.items() if value is not NOT_GIVEN}


def content_state(
    title: str,
    *,
    type: str | NotGiven = NOT_GIVEN,
    subtitle: str | NotGiven = NOT_GIVEN,
    number_of_steps: int | NotGiven = NOT_GIVEN,
    current_step: int | NotGiven = NOT_GIVEN,
    percentage: float | NotGiven = NOT_GIVEN,
    value: float | str | NotGiven = NOT_GIVEN,
    upper_limit: float | NotGiven = NOT_GIVEN,
    duration_seconds: float | NotGiven = NOT_GIVEN,
    counts_down: bool | NotGiven = NOT_GIVEN,
    is_running: bool | NotGiven = NOT_GIVEN,
    metrics: Sequence[Mapping[str, Any]] | NotGiven = NOT_GIVEN,
    message: str | NotGiven = NOT_GIVEN,
    icon: Mapping[str, Any] | NotGiven = NOT_GIVEN,
    badge: Mapping[str, Any] | NotGiven = NOT_GIVEN,
    color: str | NotGiven = NOT_GIVEN,
    step_color: str | NotGiven = NOT_GIVEN,
    step_colors: Sequence[str] | NotGiven = NOT_GIVEN,
    auto_dismiss_minutes: int | NotGiven = NOT_GIVEN,
    auto_dismiss_seconds: int | NotGiven = NOT_GIVEN,
) -> dict[str, Any]:
    """A Live Activity content state with exactly the fields given."""
    return _set(
        title=title,
        subtitle=subtitle,
        type=type,
        number_of_steps=number_of_steps,
        current_step=current_step,
        percentage=percentage,
        value=value,
        upper_limit=upper_limit,
        duration_seconds=duration_seconds,
        counts_down=counts_down,
        is_running=is_running,
        metrics=[dict(m) for m in metrics] if not isinstance(metrics, NotGiven) else metrics,
        message=message,
        icon=icon,
        badge=badge,
        color=color,
        step_color=step_color,
        step_colors=list(step_colors) if not isinstance(step_colors, NotGiven) else step_colors,
        auto_dismiss_minutes=auto_dismiss_minutes,
        auto_dismiss_seconds=auto_dismiss_seconds,
    )


def metric(
    label: str,
    value: float | str,
    *,
    unit: str | NotGiven = NOT_GIVEN,
    color: str | NotGiven = NOT_GIVEN,
) -> dict[str, Any]:
    """One readout of a `metrics` or `stats` Live Activity, e.g. `metric("CPU", 9, unit="%")`."""
    return _set(label=label, value=value, unit=unit, color=color)


def action(
    title: str,
    url: str,
    *,
    type: str = "open_url",
    method: str | NotGiven = NOT_GIVEN,
    body: Mapping[str, Any] | NotGiven = NOT_GIVEN,
) -> dict[str, Any]:
    """A button: opens `url` (type "open_url") or has ActivitySmith call it (type "webhook")."""
    return _set(title=title, type=type, url=url, method=method, body=body)


def alert_icon(symbol: str, *, color: str | NotGiven = NOT_GIVEN) -> dict[str, Any]:
    """An SF Symbol shown on the Live Activity, e.g. `alert_icon("bolt.fill", color="yellow")`."""
    return _set(symbol=symbol, color=color)


def alert_badge(title: str, *, color: str | NotGiven = NOT_GIVEN) -> dict[str, Any]:
    """A short label shown on the Live Activity, e.g. `alert_badge("SEV-2", color="red")`."""
    return _set(title=title, color=color)
