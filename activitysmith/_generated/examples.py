"""What the local server takes from the spec: the success answer of every operation as the spec shows it (sent for operations it has no behaviour for), and the per-device Live Activity limit.

Generated from openapi.yaml by `make generate` (scripts/codegen); do not edit.
"""

from typing import Any, Final

SUCCESS: Final[dict[str, tuple[int, Any]]] = {
    "sendPushNotification": (
        200,
        {
            "success": True,
            "notification_id": "ntf_8Jk2LmQ4pR7sT9vW",
            "devices_notified": 2,
            "devices_targeted": 2,
            "users_notified": 1,
            "effective_channel_slugs": ["ops"],
            "tags": ["backup", "db-primary"],
            "timestamp": "2026-07-20T09:30:00.000Z",
        },
    ),
    "replacePushNotification": (
        200,
        {
            "success": True,
            "notification_id": "ntf_8Jk2LmQ4pR7sT9vW",
            "devices_notified": 2,
            "users_notified": 1,
            "tags": ["deploy"],
            "timestamp": "2026-07-20T09:30:00.000Z",
        },
    ),
    "reconcileLiveActivityStream": (
        200,
        {
            "success": True,
            "operation": "started",
            "stream_key": "deploy-api-prod",
            "activity_id": "pLAr-Hnq9ZFW4sxlk43Lhbuok4GLh7UW",
            "devices_notified": 2,
            "users_notified": 1,
            "effective_channel_slugs": ["ops"],
            "timestamp": "2026-07-20T09:30:00.000Z",
        },
    ),
    "endLiveActivityStream": (
        200,
        {
            "success": True,
            "operation": "ended",
            "stream_key": "deploy-api-prod",
            "activity_id": "pLAr-Hnq9ZFW4sxlk43Lhbuok4GLh7UW",
            "devices_notified": 2,
            "timestamp": "2026-07-20T09:30:00.000Z",
        },
    ),
    "startLiveActivity": (
        200,
        {
            "success": True,
            "activity_id": "pLAr-Hnq9ZFW4sxlk43Lhbuok4GLh7UW",
            "devices_notified": 2,
            "users_notified": 1,
            "effective_channel_slugs": ["ops"],
            "tags": ["deploy"],
            "timestamp": "2026-07-20T09:30:00.000Z",
        },
    ),
    "updateLiveActivity": (
        200,
        {
            "success": True,
            "activity_id": "pLAr-Hnq9ZFW4sxlk43Lhbuok4GLh7UW",
            "devices_notified": 1,
            "devices_queued": 1,
            "timestamp": "2026-07-20T09:30:00.000Z",
        },
    ),
    "endLiveActivity": (
        200,
        {
            "success": True,
            "activity_id": "pLAr-Hnq9ZFW4sxlk43Lhbuok4GLh7UW",
            "devices_notified": 2,
            "devices_queued": 0,
            "end_reason": None,
            "timestamp": "2026-07-20T09:30:00.000Z",
        },
    ),
    "updateMetricValue": (200, {"success": True}),
    "updateAppIconBadgeCount": (
        200,
        {
            "success": True,
            "badge": 3,
            "devices_updated": 2,
            "users_updated": 1,
            "devices_targeted": 2,
            "devices_notified": 2,
            "users_notified": 1,
            "effective_channel_slugs": ["ops"],
            "timestamp": "2026-07-20T09:30:00.000Z",
        },
    ),
}

LIVE_ACTIVITY_LIMIT: Final = 5
"""Concurrent Live Activities per device (x-activitysmith-live-activity-limit)."""
