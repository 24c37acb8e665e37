"""The result class of every operation: its generated model plus the HTTP details.

Generated from openapi.yaml by `make generate` (scripts/codegen); do not edit.
"""

from __future__ import annotations

import importlib
import threading
from typing import TYPE_CHECKING, Any

from .._results import ResponseInfo

if TYPE_CHECKING:
    from activitysmith_client.models.app_icon_badge_count_update_response import (
        AppIconBadgeCountUpdateResponse,
    )
    from activitysmith_client.models.live_activity_end_response import LiveActivityEndResponse
    from activitysmith_client.models.live_activity_start_response import LiveActivityStartResponse
    from activitysmith_client.models.live_activity_stream_delete_response import (
        LiveActivityStreamDeleteResponse,
    )
    from activitysmith_client.models.live_activity_stream_put_response import (
        LiveActivityStreamPutResponse,
    )
    from activitysmith_client.models.live_activity_update_response import LiveActivityUpdateResponse
    from activitysmith_client.models.metric_value_update_response import MetricValueUpdateResponse
    from activitysmith_client.models.push_notification_replace_response import (
        PushNotificationReplaceResponse,
    )
    from activitysmith_client.models.push_notification_response import PushNotificationResponse

    class PushNotificationResult(ResponseInfo, PushNotificationResponse):
        """Result of POST /push-notification (sendPushNotification): Send a push notification."""

        __slots__ = ("_http",)

    class PushNotificationReplaceResult(ResponseInfo, PushNotificationReplaceResponse):
        """Result of PUT /push-notification/{notification_id} (replacePushNotification): Replace a sent push notification."""

        __slots__ = ("_http",)

    class LiveActivityStreamPutResult(ResponseInfo, LiveActivityStreamPutResponse):
        """Result of PUT /live-activity/stream/{stream_key} (reconcileLiveActivityStream): Reconcile a managed Live Activity stream."""

        __slots__ = ("_http",)

    class LiveActivityStreamDeleteResult(ResponseInfo, LiveActivityStreamDeleteResponse):
        """Result of DELETE /live-activity/stream/{stream_key} (endLiveActivityStream): End a managed Live Activity stream."""

        __slots__ = ("_http",)

    class LiveActivityStartResult(ResponseInfo, LiveActivityStartResponse):
        """Result of POST /live-activity/start (startLiveActivity): Start a Live Activity (legacy)."""

        __slots__ = ("_http",)

    class LiveActivityUpdateResult(ResponseInfo, LiveActivityUpdateResponse):
        """Result of POST /live-activity/update (updateLiveActivity): Update a Live Activity (legacy)."""

        __slots__ = ("_http",)

    class LiveActivityEndResult(ResponseInfo, LiveActivityEndResponse):
        """Result of POST /live-activity/end (endLiveActivity): End a Live Activity (legacy)."""

        __slots__ = ("_http",)

    class MetricValueUpdateResult(ResponseInfo, MetricValueUpdateResponse):
        """Result of POST /metrics/{key}/value (updateMetricValue): Set a widget metric's latest value."""

        __slots__ = ("_http",)

    class AppIconBadgeCountUpdateResult(ResponseInfo, AppIconBadgeCountUpdateResponse):
        """Result of POST /badge (updateAppIconBadgeCount): Set the app icon badge count."""

        __slots__ = ("_http",)


_RESULTS: dict[str, tuple[str, str, str]] = {
    "PushNotificationResult": (
        "push_notification_response",
        "PushNotificationResponse",
        "Result of POST /push-notification (sendPushNotification): Send a push notification.",
    ),
    "PushNotificationReplaceResult": (
        "push_notification_replace_response",
        "PushNotificationReplaceResponse",
        "Result of PUT /push-notification/{notification_id} (replacePushNotification): Replace a sent push notification.",
    ),
    "LiveActivityStreamPutResult": (
        "live_activity_stream_put_response",
        "LiveActivityStreamPutResponse",
        "Result of PUT /live-activity/stream/{stream_key} (reconcileLiveActivityStream): Reconcile a managed Live Activity stream.",
    ),
    "LiveActivityStreamDeleteResult": (
        "live_activity_stream_delete_response",
        "LiveActivityStreamDeleteResponse",
        "Result of DELETE /live-activity/stream/{stream_key} (endLiveActivityStream): End a managed Live Activity stream.",
    ),
    "LiveActivityStartResult": (
        "live_activity_start_response",
        "LiveActivityStartResponse",
        "Result of POST /live-activity/start (startLiveActivity): Start a Live Activity (legacy).",
    ),
    "LiveActivityUpdateResult": (
        "live_activity_update_response",
        "LiveActivityUpdateResponse",
        "Result of POST /live-activity/update (updateLiveActivity): Update a Live Activity (legacy).",
    ),
    "LiveActivityEndResult": (
        "live_activity_end_response",
        "LiveActivityEndResponse",
        "Result of POST /live-activity/end (endLiveActivity): End a Live Activity (legacy).",
    ),
    "MetricValueUpdateResult": (
        "metric_value_update_response",
        "MetricValueUpdateResponse",
        "Result of POST /metrics/{key}/value (updateMetricValue): Set a widget metric's latest value.",
    ),
    "AppIconBadgeCountUpdateResult": (
        "app_icon_badge_count_update_response",
        "AppIconBadgeCountUpdateResponse",
        "Result of POST /badge (updateAppIconBadgeCount): Set the app icon badge count.",
    ),
}
"""Result class -> (model module, model class, docstring)."""
_lock = threading.Lock()


def __getattr__(name: str) -> Any:
    found = _RESULTS.get(name)
    if found is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module, model, doc = found
    with _lock:
        if name not in globals():
            base = getattr(importlib.import_module(f"activitysmith_client.models.{module}"), model)
            namespace = {"__slots__": ("_http",), "__doc__": doc, "__module__": __name__}
            globals()[name] = type(name, (ResponseInfo, base), namespace)
    return globals()[name]
