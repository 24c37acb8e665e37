"""The result class of every operation: its generated model plus the HTTP details.

Generated from openapi.yaml by `make generate` (scripts/codegen); do not edit.
"""

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

from .._results import ResponseInfo


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
