"""Builders for the nested objects of a request; each returns a plain JSON-ready dict.

Generated from openapi.yaml by `make generate` (scripts/codegen); do not edit.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Never, cast

from .._helpers import given
from .._types import NOT_GIVEN, NotGiven

if TYPE_CHECKING:
    from .params import (
        ActionTypeValue,
        ActivityMetricParams,
        ContentStateParams,
        LiveActivityActionParams,
        LiveActivityAlertBadgeParams,
        LiveActivityAlertIconParams,
        LiveActivityColorValue,
        LiveActivityTypeValue,
        WebhookMethodValue,
    )

__all__ = ["action", "alert_badge", "alert_icon", "content_state", "metric"]


def content_state(
    title: str,
    *,
    subtitle: str | NotGiven = NOT_GIVEN,
    type: LiveActivityTypeValue | NotGiven = NOT_GIVEN,
    number_of_steps: int | NotGiven = NOT_GIVEN,
    current_step: int | NotGiven = NOT_GIVEN,
    percentage: float | NotGiven = NOT_GIVEN,
    value: str | float | NotGiven = NOT_GIVEN,
    upper_limit: float | NotGiven = NOT_GIVEN,
    duration_seconds: float | NotGiven = NOT_GIVEN,
    counts_down: bool | NotGiven = NOT_GIVEN,
    is_running: bool | NotGiven = NOT_GIVEN,
    metrics: Sequence[ActivityMetricParams] | NotGiven = NOT_GIVEN,
    message: str | NotGiven = NOT_GIVEN,
    icon: LiveActivityAlertIconParams | NotGiven = NOT_GIVEN,
    badge: LiveActivityAlertBadgeParams | NotGiven = NOT_GIVEN,
    color: LiveActivityColorValue | NotGiven = NOT_GIVEN,
    step_color: LiveActivityColorValue | NotGiven = NOT_GIVEN,
    step_colors: Sequence[LiveActivityColorValue] | NotGiven = NOT_GIVEN,
    auto_dismiss_minutes: int | NotGiven = NOT_GIVEN,
    auto_dismiss_seconds: int | NotGiven = NOT_GIVEN,
    **unknown: Never,
) -> ContentStateParams:
    """A Live Activity content state with exactly the fields given.

    - `title`: Main line of the Live Activity.
    - `subtitle`: Secondary line under the title.
    - `type`: Layout of the activity.
    - `number_of_steps`: segmented_progress: total number of steps.
    - `current_step`: segmented_progress: steps completed so far (0 = none yet).
    - `percentage`: progress: completion from 0 to 100.
    - `value`: progress: current amount, a number sent together with `upper_limit`.
    - `upper_limit`: progress: the amount that means 100%; must be greater than 0 and sent together with `value`.
    - `duration_seconds`: timer: countdown length in seconds.
    - `counts_down`: timer: true counts down from `duration_seconds`, false counts up (elapsed time).
    - `is_running`: timer: false pauses and freezes the timer, true resumes a paused one.
    - `metrics`: metrics and stats: the values to show, 1 to 8 entries.
    - `message`: alert: the message text (required for alert activities).
    - `icon`: SF Symbol icon; any type.
    - `badge`: Text badge; used by alert, progress, segmented_progress and value.
    - `color`: Accent colour for progress, segmented_progress, metrics, timer and value; tints the buttons of an alert.
    - `step_color`: segmented_progress: colour of the current step.
    - `step_colors`: segmented_progress: colours of the completed steps, in order; its length should equal `current_step`.
    - `auto_dismiss_minutes`: On DELETE: minutes to keep the ended activity visible; 0 removes it at once.
    - `auto_dismiss_seconds`: On DELETE: seconds to keep the ended activity visible; 0 removes it at once.
    """
    return cast(
        "ContentStateParams",
        given(
            ("StreamContentState", "ContentStateStart", "ContentStateUpdate", "ContentStateEnd"),
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
            metrics=metrics,
            message=message,
            icon=icon,
            badge=badge,
            color=color,
            step_color=step_color,
            step_colors=step_colors,
            auto_dismiss_minutes=auto_dismiss_minutes,
            auto_dismiss_seconds=auto_dismiss_seconds,
            **unknown,
        ),
    )


def metric(
    label: str,
    value: float | str,
    *,
    unit: str | NotGiven = NOT_GIVEN,
    color: LiveActivityColorValue | NotGiven = NOT_GIVEN,
    **unknown: Never,
) -> ActivityMetricParams:
    """One readout of a `metrics` or `stats` Live Activity, e.g. `metric("CPU", 9, unit="%")`.

    - `label`: Label shown with the value, e.g. `CPU`.
    - `value`: A non-negative number, or a string of 1-64 characters that is displayed unchanged (e.g. `"4.8%"`).
    - `unit`: Unit appended to a numeric value, e.g. `%` or `ms`.
    - `color`: Colour of this metric.
    """
    return cast(
        "ActivityMetricParams",
        given(("ActivityMetric",), label=label, value=value, unit=unit, color=color, **unknown),
    )


def action(
    title: str,
    url: str,
    type: ActionTypeValue = "open_url",
    *,
    method: WebhookMethodValue | NotGiven = NOT_GIVEN,
    body: Mapping[str, Any] | NotGiven = NOT_GIVEN,
    **unknown: Never,
) -> LiveActivityActionParams:
    """A button: opens `url` (type "open_url") or has ActivitySmith call it (type "webhook").

    The official package's order, `action(title, type, url)`, works too.

    - `title`: Button label.
    - `url`: Target of the button.
    - `type`: Whether the button opens `url` on the device or triggers a webhook.
    - `method`: HTTP method for a webhook action; the server uses POST when omitted.
    - `body`: JSON body sent to the webhook.
    """
    if url in ("open_url", "webhook") and type not in ("open_url", "webhook"):  # (type, url)
        url, type = cast("str", type), cast("ActionTypeValue", url)
    return cast(
        "LiveActivityActionParams",
        given(
            ("LiveActivityAction",),
            title=title,
            url=url,
            type=type,
            method=method,
            body=body,
            **unknown,
        ),
    )


def alert_icon(
    symbol: str, *, color: LiveActivityColorValue | NotGiven = NOT_GIVEN, **unknown: Never
) -> LiveActivityAlertIconParams:
    """An SF Symbol shown on the Live Activity, e.g. `alert_icon("bolt.fill", color="yellow")`.

    - `symbol`: Apple SF Symbol name, e.g. `server.rack`.
    - `color`: Tint of the symbol only.
    """
    return cast(
        "LiveActivityAlertIconParams",
        given(("LiveActivityAlertIcon",), symbol=symbol, color=color, **unknown),
    )


def alert_badge(
    title: str, *, color: LiveActivityColorValue | NotGiven = NOT_GIVEN, **unknown: Never
) -> LiveActivityAlertBadgeParams:
    """A short label shown on the Live Activity, e.g. `alert_badge("SEV-2", color="red")`.

    - `title`: Badge text, e.g. `PROD`.
    - `color`: Colour of the badge only.
    """
    return cast(
        "LiveActivityAlertBadgeParams",
        given(("LiveActivityAlertBadge",), title=title, color=color, **unknown),
    )
