"""`client.with_raw_response`: every API method of the client, answering `APIResponse`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._raw_response import async_to_raw_response_wrapper

if TYPE_CHECKING:
    from ._client import AsyncActivitySmith
    from ._live_activities import AsyncLiveActivities
    from ._metrics import AsyncMetrics
    from ._notifications import AsyncNotifications

__all__ = ["AsyncActivitySmithWithRawResponse"]


class AsyncNotificationsWithRawResponse:
    """`client.with_raw_response.notifications`."""

    def __init__(self, notifications: AsyncNotifications) -> None:
        self.send = async_to_raw_response_wrapper(notifications.send)
        self.replace = async_to_raw_response_wrapper(notifications.replace)


class AsyncLiveActivitiesWithRawResponse:
    """`client.with_raw_response.live_activities` (its API methods; not `progress`/`track`)."""

    def __init__(self, live_activities: AsyncLiveActivities) -> None:
        self.stream = async_to_raw_response_wrapper(live_activities.stream)
        self.end_stream = async_to_raw_response_wrapper(live_activities.end_stream)
        self.start = async_to_raw_response_wrapper(live_activities.start)
        self.update = async_to_raw_response_wrapper(live_activities.update)
        self.end = async_to_raw_response_wrapper(live_activities.end)


class AsyncMetricsWithRawResponse:
    """`client.with_raw_response.metrics`."""

    def __init__(self, metrics: AsyncMetrics) -> None:
        self.update = async_to_raw_response_wrapper(metrics.update)


class AsyncActivitySmithWithRawResponse:
    """The API methods of a client whose calls return the HTTP response (`APIResponse`):
    status, headers, exact bytes, and `parse()` to the typed result.

    `view` is a copy of the client (the same connections, settings and rate budget) that
    builds an `APIResponse` instead of the result.
    """

    def __init__(self, view: AsyncActivitySmith) -> None:
        self.notifications = AsyncNotificationsWithRawResponse(view.notifications)
        self.live_activities = AsyncLiveActivitiesWithRawResponse(view.live_activities)
        self.metrics = AsyncMetricsWithRawResponse(view.metrics)
        self.badge_count = async_to_raw_response_wrapper(view.badge_count)
