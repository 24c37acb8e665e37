"""Typed shapes of request bodies: the dict form and the keyword form share these TypedDicts."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, TypeAlias, TypedDict

__all__ = [
    "ActionParams",
    "AlertParams",
    "BadgeCountParams",
    "BadgeParams",
    "ContentStateParams",
    "IconParams",
    "LiveActivityEndParams",
    "LiveActivityStartParams",
    "LiveActivityUpdateParams",
    "MetricParams",
    "PushNotificationParams",
    "PushNotificationReplaceParams",
    "StreamEndParams",
    "StreamParams",
    "TargetParams",
]

MetadataValue: TypeAlias = str | int | float | bool
Channels: TypeAlias = Sequence[str] | str


class TargetParams(TypedDict):
    channels: Sequence[str]


class ActionParams(TypedDict, total=False):
    title: str
    type: str
    url: str
    method: str
    body: Mapping[str, Any]


class IconParams(TypedDict, total=False):
    symbol: str
    color: str


class BadgeParams(TypedDict, total=False):
    title: str
    color: str


class AlertParams(TypedDict, total=False):
    title: str
    body: str


class MetricParams(TypedDict, total=False):
    label: str
    value: float | str
    unit: str
    color: str


class ContentStateParams(TypedDict, total=False):
    title: str
    subtitle: str
    type: str
    number_of_steps: int
    current_step: int
    percentage: float
    value: float | str
    upper_limit: float
    duration_seconds: float
    counts_down: bool
    is_running: bool
    metrics: Sequence[MetricParams | Mapping[str, Any]]
    message: str
    icon: IconParams | Mapping[str, Any]
    badge: BadgeParams | Mapping[str, Any]
    color: str
    step_color: str
    step_colors: Sequence[str]
    auto_dismiss_minutes: int
    auto_dismiss_seconds: int


class _History(TypedDict, total=False):
    tags: Sequence[str]
    metadata: Mapping[str, MetadataValue]


class PushNotificationReplaceParams(_History, total=False):
    title: str
    message: str
    subtitle: str
    icon: str
    media: str
    redirection: str
    actions: Sequence[ActionParams | Mapping[str, Any]]
    payload: Mapping[str, Any]
    badge: int


class PushNotificationParams(PushNotificationReplaceParams, total=False):
    sound: str
    target: TargetParams | Mapping[str, Any]
    channels: Channels
    interruption_level: str


class _Buttons(_History, total=False):
    action: ActionParams | Mapping[str, Any]
    secondary_action: ActionParams | Mapping[str, Any]


class StreamParams(_Buttons, total=False):
    content_state: ContentStateParams | Mapping[str, Any]
    alert: AlertParams | Mapping[str, Any]
    channels: Channels
    target: TargetParams | Mapping[str, Any]


class StreamEndParams(_Buttons, total=False):
    content_state: ContentStateParams | Mapping[str, Any]
    alert: AlertParams | Mapping[str, Any]


class LiveActivityStartParams(_Buttons, total=False):
    content_state: ContentStateParams | Mapping[str, Any]
    alert: AlertParams | Mapping[str, Any]
    target: TargetParams | Mapping[str, Any]
    channels: Channels


class LiveActivityUpdateParams(_Buttons, total=False):
    activity_id: str
    content_state: ContentStateParams | Mapping[str, Any]


class LiveActivityEndParams(LiveActivityUpdateParams, total=False):
    pass


class BadgeCountParams(TypedDict, total=False):
    target: TargetParams | Mapping[str, Any]
    channels: Channels
