"""Typed results: the generated response models, plus the HTTP details of the call.

Each result *is* its generated model (attribute access, `to_dict()`, unknown fields kept in
`additional_properties` and readable as `result["field"]`), extended with `http_status`,
`headers` and `request_id`. Fields the API left out are `UNSET` (falsy), as in the generated
layer; `result.get("field")` gives None instead.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

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
from activitysmith_client.types import Unset

__all__ = [
    "BadgeCountResult",
    "LiveActivityEndResult",
    "LiveActivityStartResult",
    "LiveActivityUpdateResult",
    "MetricValueResult",
    "PushNotificationReplaceResult",
    "PushNotificationResult",
    "ResponseInfo",
    "StreamEndResult",
    "StreamResult",
]


class ResponseInfo:
    """HTTP details shared by every result."""

    __slots__ = ()
    _http: tuple[int, Mapping[str, str]]

    @property
    def http_status(self) -> int:
        """The HTTP status code (200)."""
        return self._http[0]

    @property
    def headers(self) -> Mapping[str, str]:
        """The response headers (lower-case names)."""
        return self._http[1]

    @property
    def request_id(self) -> str | None:
        """The server's request id header, when it sent one (quote it to support)."""
        headers = self._http[1]
        return headers.get("x-request-id") or headers.get("request-id")

    def __repr__(self) -> str:
        fields = ", ".join(f"{k}={v!r}" for k, v in self.to_dict().items())  # type: ignore[attr-defined]
        return f"{type(self).__name__}({fields})"

    def get(self, name: str, default: Any = None) -> Any:
        """A field by its JSON name, known or new; `default` when the API left it out."""
        value = getattr(self, name, None) if not name.startswith("_") else None
        if value is None or isinstance(value, Unset):
            additional = getattr(self, "additional_properties", {})
            return additional.get(name, default) if name in additional else default
        return value


class PushNotificationResult(ResponseInfo, PushNotificationResponse):
    """Result of `notifications.send`."""

    __slots__ = ("_http",)


class PushNotificationReplaceResult(ResponseInfo, PushNotificationReplaceResponse):
    """Result of `notifications.replace`."""

    __slots__ = ("_http",)


class StreamResult(ResponseInfo, LiveActivityStreamPutResponse):
    """Result of `live_activities.stream`: `operation` says what ActivitySmith did."""

    __slots__ = ("_http",)


class StreamEndResult(ResponseInfo, LiveActivityStreamDeleteResponse):
    """Result of `live_activities.end_stream`."""

    __slots__ = ("_http",)


class LiveActivityStartResult(ResponseInfo, LiveActivityStartResponse):
    """Result of `live_activities.start`: keep `activity_id` for update and end."""

    __slots__ = ("_http",)


class LiveActivityUpdateResult(ResponseInfo, LiveActivityUpdateResponse):
    """Result of `live_activities.update`."""

    __slots__ = ("_http",)


class LiveActivityEndResult(ResponseInfo, LiveActivityEndResponse):
    """Result of `live_activities.end`."""

    __slots__ = ("_http",)


class MetricValueResult(ResponseInfo, MetricValueUpdateResponse):
    """Result of `metrics.update`."""

    __slots__ = ("_http",)


class BadgeCountResult(ResponseInfo, AppIconBadgeCountUpdateResponse):
    """Result of `badge_count`."""

    __slots__ = ("_http",)
