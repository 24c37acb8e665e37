# Generated from activitysmith/_async/_raw_resources.py by scripts/unasync.py; do not edit.
"""`client.with_raw_response`: every API method of the client, answering `APIResponse`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._raw_response import to_raw_response_wrapper

if TYPE_CHECKING:
    from ._client import ActivitySmith
    from ._live_activities import LiveActivities
    from ._metrics import Metrics
    from ._notifications import Notifications

__all__ = ["ActivitySmithWithRawResponse"]


class NotificationsWithRawResponse:
    """`client.with_raw_response.notifications`."""

    def __init__(self, notifications: Notifications) -> None:
        self.send = to_raw_response_wrapper(notifications.send)
        self.replace = to_raw_response_wrapper(notifications.replace)


class LiveActivitiesWithRawResponse:
    """`client.with_raw_response.live_activities` (its API methods; not `progress`/`track`)."""

    def __init__(self, live_activities: LiveActivities) -> None:
        self.stream = to_raw_response_wrapper(live_activities.stream)
        self.end_stream = to_raw_response_wrapper(live_activities.end_stream)
        self.start = to_raw_response_wrapper(live_activities.start)
        self.update = to_raw_response_wrapper(live_activities.update)
        self.end = to_raw_response_wrapper(live_activities.end)


class MetricsWithRawResponse:
    """`client.with_raw_response.metrics`."""

    def __init__(self, metrics: Metrics) -> None:
        self.update = to_raw_response_wrapper(metrics.update)


class ActivitySmithWithRawResponse:
    """The API methods of a client whose calls return the HTTP response (`APIResponse`):
    status, headers, exact bytes, and `parse()` to the typed result.

    `view` is a copy of the client (the same connections, settings and rate budget) that
    builds an `APIResponse` instead of the result.
    """

    def __init__(self, view: ActivitySmith) -> None:
        self.notifications = NotificationsWithRawResponse(view.notifications)
        self.live_activities = LiveActivitiesWithRawResponse(view.live_activities)
        self.metrics = MetricsWithRawResponse(view.metrics)
        self.badge_count = to_raw_response_wrapper(view.badge_count)
