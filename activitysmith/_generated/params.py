"""TypedDicts of every request body and nested object, from the spec's schemas.

Generated from openapi.yaml by `make generate` (scripts/codegen); do not edit.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any, Final, Literal, Required, TypeAlias, TypedDict

if TYPE_CHECKING:
    from activitysmith_client.models.action_type import ActionType
    from activitysmith_client.models.live_activity_color import LiveActivityColor
    from activitysmith_client.models.live_activity_type import LiveActivityType
    from activitysmith_client.models.push_interruption_level import PushInterruptionLevel
    from activitysmith_client.models.webhook_method import WebhookMethod

    ActionTypeValue: TypeAlias = ActionType | Literal["open_url", "webhook"]
    """A member of `ActionType`, or its value."""

    LiveActivityColorValue: TypeAlias = (
        LiveActivityColor
        | Literal[
            "lime", "green", "cyan", "blue", "purple", "magenta", "red", "orange", "yellow", "gray"
        ]
    )
    """A member of `LiveActivityColor`, or its value."""

    LiveActivityTypeValue: TypeAlias = (
        LiveActivityType
        | Literal["segmented_progress", "progress", "metrics", "stats", "alert", "timer", "value"]
    )
    """A member of `LiveActivityType`, or its value."""

    PushInterruptionLevelValue: TypeAlias = (
        PushInterruptionLevel | Literal["passive", "active", "time-sensitive"]
    )
    """A member of `PushInterruptionLevel`, or its value."""

    WebhookMethodValue: TypeAlias = WebhookMethod | Literal["GET", "POST"]
    """A member of `WebhookMethod`, or its value."""


class PushNotificationParams(TypedDict, total=False):
    """Body of POST /push-notification (sendPushNotification), as keywords or a dict."""

    title: str
    message: str
    subtitle: str
    media: str
    redirection: str
    actions: Sequence[PushNotificationActionParams]
    payload: Mapping[str, Any]
    badge: int
    sound: str
    target: ChannelTargetParams
    icon: str
    interruption_level: PushInterruptionLevelValue
    tags: Sequence[str]
    metadata: Mapping[str, str | float | bool]
    channels: Sequence[str] | str


class PushNotificationReplaceParams(TypedDict, total=False):
    """Body of PUT /push-notification/{notification_id} (replacePushNotification), as keywords or a dict."""

    title: str
    message: str
    subtitle: str
    media: str
    redirection: str
    actions: Sequence[PushNotificationActionParams]
    payload: Mapping[str, Any]
    badge: int
    icon: str
    tags: Sequence[str]
    metadata: Mapping[str, str | float | bool]


class LiveActivityStreamParams(TypedDict, total=False):
    """Body of PUT /live-activity/stream/{stream_key} (reconcileLiveActivityStream), as keywords or a dict."""

    content_state: StreamContentStateParams | ContentStateParams
    action: LiveActivityActionParams
    secondary_action: LiveActivityActionParams
    alert: AlertPayloadParams
    channels: Sequence[str] | str
    target: ChannelTargetParams
    tags: Sequence[str]
    metadata: Mapping[str, str | float | bool]


class LiveActivityStreamKeywords(LiveActivityStreamParams, total=False):
    """Keywords of reconcileLiveActivityStream: its body's fields, and its content state's fields at the top level (moved into `content_state`)."""

    title: str
    subtitle: str
    type: LiveActivityTypeValue
    number_of_steps: int
    current_step: int
    percentage: float
    value: str | float
    upper_limit: float
    duration_seconds: float
    counts_down: bool
    is_running: bool
    metrics: Sequence[ActivityMetricParams]
    message: str
    icon: LiveActivityAlertIconParams
    badge: LiveActivityAlertBadgeParams
    color: LiveActivityColorValue
    step_color: LiveActivityColorValue
    step_colors: Sequence[LiveActivityColorValue]
    auto_dismiss_minutes: int
    auto_dismiss_seconds: int


class LiveActivityStreamDeleteParams(TypedDict, total=False):
    """Body of DELETE /live-activity/stream/{stream_key} (endLiveActivityStream), as keywords or a dict."""

    content_state: StreamContentStateParams | ContentStateParams
    action: LiveActivityActionParams
    secondary_action: LiveActivityActionParams
    alert: AlertPayloadParams
    tags: Sequence[str]
    metadata: Mapping[str, str | float | bool]


class LiveActivityStreamDeleteKeywords(LiveActivityStreamDeleteParams, total=False):
    """Keywords of endLiveActivityStream: its body's fields, and its content state's fields at the top level (moved into `content_state`)."""

    title: str
    subtitle: str
    type: LiveActivityTypeValue
    number_of_steps: int
    current_step: int
    percentage: float
    value: str | float
    upper_limit: float
    duration_seconds: float
    counts_down: bool
    is_running: bool
    metrics: Sequence[ActivityMetricParams]
    message: str
    icon: LiveActivityAlertIconParams
    badge: LiveActivityAlertBadgeParams
    color: LiveActivityColorValue
    step_color: LiveActivityColorValue
    step_colors: Sequence[LiveActivityColorValue]
    auto_dismiss_minutes: int
    auto_dismiss_seconds: int


class LiveActivityStartParams(TypedDict, total=False):
    """Body of POST /live-activity/start (startLiveActivity), as keywords or a dict."""

    content_state: ContentStateStartParams | ContentStateParams
    action: LiveActivityActionParams
    secondary_action: LiveActivityActionParams
    alert: AlertPayloadParams
    target: ChannelTargetParams
    tags: Sequence[str]
    metadata: Mapping[str, str | float | bool]
    channels: Sequence[str] | str


class LiveActivityStartKeywords(LiveActivityStartParams, total=False):
    """Keywords of startLiveActivity: its body's fields, and its content state's fields at the top level (moved into `content_state`)."""

    title: str
    subtitle: str
    type: LiveActivityTypeValue
    number_of_steps: int
    current_step: int
    percentage: float
    value: str | float
    upper_limit: float
    duration_seconds: float
    counts_down: bool
    is_running: bool
    metrics: Sequence[ActivityMetricParams]
    message: str
    icon: LiveActivityAlertIconParams
    badge: LiveActivityAlertBadgeParams
    color: LiveActivityColorValue
    step_color: LiveActivityColorValue
    step_colors: Sequence[LiveActivityColorValue]


class LiveActivityUpdateParams(TypedDict, total=False):
    """Body of POST /live-activity/update (updateLiveActivity), as keywords or a dict."""

    activity_id: str
    content_state: ContentStateUpdateParams | ContentStateParams
    action: LiveActivityActionParams
    secondary_action: LiveActivityActionParams
    tags: Sequence[str]
    metadata: Mapping[str, str | float | bool]


class LiveActivityUpdateKeywords(LiveActivityUpdateParams, total=False):
    """Keywords of updateLiveActivity: its body's fields, and its content state's fields at the top level (moved into `content_state`)."""

    title: str
    subtitle: str
    type: LiveActivityTypeValue
    number_of_steps: int
    current_step: int
    percentage: float
    value: str | float
    upper_limit: float
    duration_seconds: float
    counts_down: bool
    is_running: bool
    metrics: Sequence[ActivityMetricParams]
    message: str
    icon: LiveActivityAlertIconParams
    badge: LiveActivityAlertBadgeParams
    color: LiveActivityColorValue
    step_color: LiveActivityColorValue
    step_colors: Sequence[LiveActivityColorValue]


class LiveActivityEndParams(TypedDict, total=False):
    """Body of POST /live-activity/end (endLiveActivity), as keywords or a dict."""

    activity_id: str
    content_state: ContentStateEndParams | ContentStateParams
    action: LiveActivityActionParams
    secondary_action: LiveActivityActionParams
    tags: Sequence[str]
    metadata: Mapping[str, str | float | bool]


class LiveActivityEndKeywords(LiveActivityEndParams, total=False):
    """Keywords of endLiveActivity: its body's fields, and its content state's fields at the top level (moved into `content_state`)."""

    title: str
    subtitle: str
    type: LiveActivityTypeValue
    number_of_steps: int
    current_step: int
    percentage: float
    value: str | float
    upper_limit: float
    duration_seconds: float
    counts_down: bool
    is_running: bool
    metrics: Sequence[ActivityMetricParams]
    message: str
    icon: LiveActivityAlertIconParams
    badge: LiveActivityAlertBadgeParams
    color: LiveActivityColorValue
    step_color: LiveActivityColorValue
    step_colors: Sequence[LiveActivityColorValue]
    auto_dismiss_minutes: int


class MetricValueUpdateParams(TypedDict, total=False):
    """Body of POST /metrics/{key}/value (updateMetricValue), as keywords or a dict."""

    value: float | str
    timestamp: str | datetime


class AppIconBadgeCountUpdateParams(TypedDict, total=False):
    """Body of POST /badge (updateAppIconBadgeCount), as keywords or a dict."""

    badge: int
    target: ChannelTargetParams
    channels: Sequence[str] | str


class ActivityMetricParams(TypedDict, total=False):
    """One labelled value in a `metrics` or `stats` Live Activity."""

    label: Required[str]
    value: Required[float | str]
    unit: str
    color: LiveActivityColorValue


class AlertPayloadParams(TypedDict, total=False):
    """Alert title and body sent along with the Live Activity push."""

    title: str
    body: str


class ChannelTargetParams(TypedDict, total=False):
    """Restricts recipients to the listed channels."""

    channels: Required[Sequence[str]]


class ContentStateEndParams(TypedDict, total=False):
    """Final state shown when a legacy activity ends, plus how long it stays visible."""

    title: Required[str]
    subtitle: str
    type: LiveActivityTypeValue
    number_of_steps: int
    current_step: int
    percentage: float
    value: str | float
    upper_limit: float
    duration_seconds: float
    counts_down: bool
    is_running: bool
    metrics: Sequence[ActivityMetricParams]
    message: str
    icon: LiveActivityAlertIconParams
    badge: LiveActivityAlertBadgeParams
    color: LiveActivityColorValue
    step_color: LiveActivityColorValue
    step_colors: Sequence[LiveActivityColorValue]
    auto_dismiss_minutes: int


class ContentStateStartParams(TypedDict, total=False):
    """Initial state of a Live Activity started with the legacy start call."""

    title: Required[str]
    subtitle: str
    type: Required[LiveActivityTypeValue]
    number_of_steps: int
    current_step: int
    percentage: float
    value: str | float
    upper_limit: float
    duration_seconds: float
    counts_down: bool
    is_running: bool
    metrics: Sequence[ActivityMetricParams]
    message: str
    icon: LiveActivityAlertIconParams
    badge: LiveActivityAlertBadgeParams
    color: LiveActivityColorValue
    step_color: LiveActivityColorValue
    step_colors: Sequence[LiveActivityColorValue]


class ContentStateUpdateParams(TypedDict, total=False):
    """New state for a legacy update."""

    title: Required[str]
    subtitle: str
    type: LiveActivityTypeValue
    number_of_steps: int
    current_step: int
    percentage: float
    value: str | float
    upper_limit: float
    duration_seconds: float
    counts_down: bool
    is_running: bool
    metrics: Sequence[ActivityMetricParams]
    message: str
    icon: LiveActivityAlertIconParams
    badge: LiveActivityAlertBadgeParams
    color: LiveActivityColorValue
    step_color: LiveActivityColorValue
    step_colors: Sequence[LiveActivityColorValue]


class LiveActivityActionParams(TypedDict, total=False):
    """Button shown in the Live Activity."""

    title: Required[str]
    type: Required[ActionTypeValue]
    url: Required[str]
    method: WebhookMethodValue
    body: Mapping[str, Any]


class LiveActivityAlertBadgeParams(TypedDict, total=False):
    """Small text badge shown in the Live Activity."""

    title: Required[str]
    color: LiveActivityColorValue


class LiveActivityAlertIconParams(TypedDict, total=False):
    """SF Symbol shown in the Live Activity."""

    symbol: Required[str]
    color: LiveActivityColorValue


class PushNotificationActionParams(TypedDict, total=False):
    """Button shown when the user expands the push notification."""

    title: Required[str]
    type: Required[ActionTypeValue]
    url: Required[str]
    method: WebhookMethodValue
    body: Mapping[str, Any]


class StreamContentStateParams(TypedDict, total=False):
    """Latest full visible state of a managed stream (PUT), or its final state (DELETE)."""

    title: Required[str]
    subtitle: str
    type: LiveActivityTypeValue
    number_of_steps: int
    current_step: int
    percentage: float
    value: str | float
    upper_limit: float
    duration_seconds: float
    counts_down: bool
    is_running: bool
    metrics: Sequence[ActivityMetricParams]
    message: str
    icon: LiveActivityAlertIconParams
    badge: LiveActivityAlertBadgeParams
    color: LiveActivityColorValue
    step_color: LiveActivityColorValue
    step_colors: Sequence[LiveActivityColorValue]
    auto_dismiss_minutes: int
    auto_dismiss_seconds: int


class ContentStateParams(TypedDict, total=False):
    """Any content state: every field of every content-state schema (what `content_state()` returns)."""

    title: Required[str]
    subtitle: str
    type: LiveActivityTypeValue
    number_of_steps: int
    current_step: int
    percentage: float
    value: str | float
    upper_limit: float
    duration_seconds: float
    counts_down: bool
    is_running: bool
    metrics: Sequence[ActivityMetricParams]
    message: str
    icon: LiveActivityAlertIconParams
    badge: LiveActivityAlertBadgeParams
    color: LiveActivityColorValue
    step_color: LiveActivityColorValue
    step_colors: Sequence[LiveActivityColorValue]
    auto_dismiss_minutes: int
    auto_dismiss_seconds: int


class TrackExtrasParams(TypedDict, total=False):
    """Stream PUT fields `track()` and `progress()` send with every update."""

    action: LiveActivityActionParams
    secondary_action: LiveActivityActionParams
    channels: Sequence[str] | str
    target: ChannelTargetParams
    tags: Sequence[str]
    metadata: Mapping[str, str | float | bool]


TRACK_EXTRAS: Final = ("action", "secondary_action", "channels", "target", "tags", "metadata")
TRACK_END_EXTRAS: Final = ("action", "secondary_action", "tags", "metadata")
"""Of TRACK_EXTRAS, those the final stream DELETE accepts too."""


class TrackStateParams(TypedDict, total=False):
    """Content-state fields of a tracked stream besides title and type (None removes one)."""

    subtitle: str | None
    number_of_steps: int | None
    current_step: int | None
    percentage: float | None
    value: str | float | None
    upper_limit: float | None
    duration_seconds: float | None
    counts_down: bool | None
    is_running: bool | None
    metrics: Sequence[ActivityMetricParams] | None
    message: str | None
    icon: LiveActivityAlertIconParams | None
    badge: LiveActivityAlertBadgeParams | None
    color: LiveActivityColorValue | None
    step_color: LiveActivityColorValue | None
    step_colors: Sequence[LiveActivityColorValue] | None
    auto_dismiss_minutes: int | None
    auto_dismiss_seconds: int | None


class ProgressStyleParams(TypedDict, total=False):
    """Content-state fields `progress()` passes through (it draws the others itself)."""

    duration_seconds: float
    counts_down: bool
    is_running: bool
    message: str
    icon: LiveActivityAlertIconParams
    badge: LiveActivityAlertBadgeParams
    color: LiveActivityColorValue
    step_color: LiveActivityColorValue
    step_colors: Sequence[LiveActivityColorValue]
    auto_dismiss_minutes: int
    auto_dismiss_seconds: int


PROGRESS_STYLE: Final = (
    "duration_seconds",
    "counts_down",
    "is_running",
    "message",
    "icon",
    "badge",
    "color",
    "step_color",
    "step_colors",
    "auto_dismiss_minutes",
    "auto_dismiss_seconds",
)
