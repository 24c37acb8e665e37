"""The nine API operations: which generated module and model serve each, and how to build its body."""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from types import ModuleType
from typing import Any

from ._errors import ValidationError

__all__ = ["OPERATIONS", "Operation", "build_body"]


@dataclass(frozen=True)
class Operation:
    """One API operation as the facade sees it."""

    name: str  # generated module name, e.g. "send_push_notification"
    tag: str  # generated package under activitysmith_client.api
    request_model: str  # generated request model class
    result: str  # result class in activitysmith._results
    path_param: str | None = None  # name of the path parameter, if any
    channels_into_target: bool = False  # `channels=` shorthand becomes target.channels
    channels_field: bool = False  # the body has its own top-level `channels`
    body_optional: bool = False

    @property
    def module(self) -> ModuleType:
        return _module(f"activitysmith_client.api.{self.tag}.{self.name}")

    @property
    def model(self) -> Any:
        return _model(self.request_model)


@cache
def _module(name: str) -> ModuleType:
    return importlib.import_module(name)


@cache
def _model(name: str) -> Any:
    """The generated model class `name` (looked up once: this runs on every request)."""
    return getattr(_module(f"activitysmith_client.models.{_snake(name)}"), name)


def _snake(name: str) -> str:
    return "".join(f"_{c.lower()}" if c.isupper() else c for c in name).lstrip("_")


SEND_PUSH = Operation(
    "send_push_notification",
    "push_notifications",
    "PushNotificationRequest",
    "PushNotificationResult",
    channels_into_target=True,
)
REPLACE_PUSH = Operation(
    "replace_push_notification",
    "push_notifications",
    "PushNotificationReplaceRequest",
    "PushNotificationReplaceResult",
    path_param="notification_id",
)
STREAM = Operation(
    "reconcile_live_activity_stream",
    "live_activities",
    "LiveActivityStreamRequest",
    "StreamResult",
    path_param="stream_key",
    channels_field=True,
)
END_STREAM = Operation(
    "end_live_activity_stream",
    "live_activities",
    "LiveActivityStreamDeleteRequest",
    "StreamEndResult",
    path_param="stream_key",
    body_optional=True,
)
START = Operation(
    "start_live_activity",
    "live_activities",
    "LiveActivityStartRequest",
    "LiveActivityStartResult",
    channels_into_target=True,
)
UPDATE = Operation(
    "update_live_activity",
    "live_activities",
    "LiveActivityUpdateRequest",
    "LiveActivityUpdateResult",
)
END = Operation(
    "end_live_activity", "live_activities", "LiveActivityEndRequest", "LiveActivityEndResult"
)
METRIC_VALUE = Operation(
    "update_metric_value",
    "metrics",
    "MetricValueUpdateRequest",
    "MetricValueResult",
    path_param="key",
)
BADGE = Operation(
    "update_app_icon_badge_count",
    "app_icon_badges",
    "AppIconBadgeCountUpdateRequest",
    "BadgeCountResult",
    channels_into_target=True,
)

OPERATIONS = {
    op.name: op
    for op in (SEND_PUSH, REPLACE_PUSH, STREAM, END_STREAM, START, UPDATE, END, METRIC_VALUE, BADGE)
}


def _channel_list(value: Any) -> Any:
    """`"a,b"` or `["a", "b"]` -> `["a", "b"]`; anything else is left for validation to reject."""
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    if isinstance(value, list | tuple):
        return list(value)
    return value


def _plain(value: Any) -> Any:
    """Copy nested dicts and lists so the caller's objects are never mutated or aliased."""
    if isinstance(value, Mapping):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.isoformat()  # naive datetimes are left for validation to reject
    return value


def build_body(
    op: Operation, params: Mapping[str, Any] | None, fields: Mapping[str, Any]
) -> dict[str, Any] | None:
    """Merge the dict form and keywords (keywords win), apply `channels`, and validate.

    Returns None when an operation with an optional body was given nothing at all.
    """
    if params is not None and not isinstance(params, Mapping):
        raise ValidationError("params", f"must be a dict, got {type(params).__name__}")
    if op.body_optional and not params and not fields:
        return None
    body: dict[str, Any] = _plain({**(params or {}), **fields})
    if "channels" in body and (op.channels_into_target or op.channels_field):
        channels = _channel_list(body["channels"])
        if op.channels_into_target:
            del body["channels"]
            target = body.get("target")
            if isinstance(target, Mapping) and _channel_list(target.get("channels")) != channels:
                raise ValidationError(
                    "channels", "conflicts with target.channels; give one of them"
                )
            body["target"] = {"channels": channels}
        else:
            body["channels"] = channels
    from ._validation import REQUESTS  # loaded on the first request: keeps `import` fast

    REQUESTS[op.name].check(body, "")
    return body


def check_path(op: Operation, value: Any) -> None:
    """Validate the operation's path parameter."""
    if op.path_param is not None:
        from ._validation import check_path_param

        check_path_param(op.path_param, value)
