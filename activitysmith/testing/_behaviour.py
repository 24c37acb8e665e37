"""The API's behaviour without HTTP: what each operation stores and answers.

Requests reach the service already authenticated and validated against the spec; it
applies the rules the spec cannot express (recipients, stream lifecycle, limits). Live
Activities live in `_live_activities`; push, metrics and the badge are here. An operation
of the spec with no behaviour here answers the success example its spec shows.
"""

from __future__ import annotations

import copy
import threading
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .._generated.examples import SUCCESS
from ._clock import Clock
from ._live_activities import LIVE_ACTIVITY_LIMIT, LiveActivityStore, WhenLimitReached
from ._models import (
    JSON,
    BadgeUpdate,
    Device,
    LiveActivity,
    Metric,
    MetricValue,
    Notification,
)
from ._recipients import Directory, Recipients, target_channels
from ._reply import ApiError, Reply


@dataclass
class _Notification:
    notification_id: str
    payload: dict[str, JSON]
    recipients: Recipients
    tags: list[str]
    metadata: dict[str, JSON]
    sent_at: str
    revisions: list[dict[str, JSON]]

    def snapshot(self) -> Notification:
        return Notification(
            notification_id=self.notification_id,
            payload=copy.deepcopy(self.payload),
            devices=self.recipients.devices,
            effective_channel_slugs=self.recipients.effective_channel_slugs,
            tags=tuple(self.tags),
            metadata=copy.deepcopy(self.metadata),
            sent_at=self.sent_at,
            revisions=tuple(copy.deepcopy(self.revisions)),
        )


class Behaviour:
    """The account's state and every operation on it; thread-safe (one lock)."""

    def __init__(
        self,
        *,
        devices: Sequence[Device],
        key_channels: Sequence[str] | None,
        metrics: Iterable[str],
        auto_create_metrics: bool,
        clock: Clock | None = None,
        live_activity_limit: int = LIVE_ACTIVITY_LIMIT,
        when_limit_reached: WhenLimitReached = "end_oldest",
    ) -> None:
        self._clock = clock or Clock()
        self._directory = Directory(devices, key_channels)
        self._initial_metrics = tuple(metrics)
        self._auto_create_metrics = auto_create_metrics
        self._lock = threading.RLock()
        self._live = LiveActivityStore(
            self._directory,
            self._clock,
            limit=live_activity_limit,
            when_limit_reached=when_limit_reached,
        )
        self._operations: dict[str, Callable[[Mapping[str, str], Any], dict[str, Any]]] = {
            "sendPushNotification": self._send_push,
            "replacePushNotification": self._replace_push,
            "reconcileLiveActivityStream": self._live.put_stream,
            "endLiveActivityStream": self._live.delete_stream,
            "startLiveActivity": self._live.start,
            "updateLiveActivity": self._live.update,
            "endLiveActivity": self._live.end,
            "updateMetricValue": self._update_metric,
            "updateAppIconBadgeCount": self._update_badge,
        }
        self.reset()

    # -- entry point ---------------------------------------------------------------

    def handle(self, operation: str, path_params: Mapping[str, str], body: Any) -> Reply:
        """Run one validated request; errors come back as their error reply."""
        behaviour = self._operations.get(operation)
        if behaviour is None:
            status, example = SUCCESS[operation]
            return Reply(status, copy.deepcopy(example) if example is not None else {})
        try:
            with self._lock:
                return Reply(200, behaviour(path_params, body))
        except ApiError as exc:
            return exc.reply

    # -- inspection ----------------------------------------------------------------

    def reset(self) -> None:
        """Forget everything the API stored."""
        with self._lock:
            self._notifications: dict[str, _Notification] = {}
            self._live.reset()
            self._known_metrics: set[str] = set(self._initial_metrics)
            self._metric_values: dict[str, list[MetricValue]] = {}
            self._badges: list[BadgeUpdate] = []

    def notifications(self) -> list[Notification]:
        with self._lock:
            return [n.snapshot() for n in self._notifications.values()]

    def live_activities(self) -> list[LiveActivity]:
        with self._lock:
            return self._live.snapshots()

    def activity(self, activity_id: str) -> LiveActivity | None:
        with self._lock:
            return self._live.snapshot(activity_id)

    def streams(self) -> dict[str, str]:
        with self._lock:
            return self._live.streams()

    def metrics(self) -> dict[str, Metric]:
        with self._lock:
            return {k: Metric(k, tuple(v)) for k, v in self._metric_values.items()}

    def badge_updates(self) -> list[BadgeUpdate]:
        with self._lock:
            return list(self._badges)

    # -- push notifications --------------------------------------------------------

    def _send_push(self, _params: Mapping[str, str], body: dict[str, Any]) -> dict[str, Any]:
        recipients = self._directory.resolve(target_channels(body))
        now = self._clock.timestamp()
        notification = _Notification(
            notification_id=str(uuid.uuid4()),
            payload=body,
            recipients=recipients,
            tags=list(body.get("tags", [])),
            metadata=dict(body.get("metadata", {})),
            sent_at=now,
            revisions=[body],
        )
        self._notifications[notification.notification_id] = notification
        answer = {
            "success": True,
            "notification_id": notification.notification_id,
            **recipients.counts(),
            "devices_targeted": len(recipients.devices),
            **recipients.slugs_field(),
            "timestamp": now,
        }
        if "tags" in body:
            answer["tags"] = list(notification.tags)
        return answer

    def _replace_push(self, params: Mapping[str, str], body: dict[str, Any]) -> dict[str, Any]:
        notification_id = params["notification_id"]
        notification = self._notifications.get(notification_id)
        if notification is None:
            raise ApiError(
                404, "Notification not found", f"No notification with id {notification_id!r}"
            )
        notification.payload = body
        notification.revisions.append(body)
        if "tags" in body:
            notification.tags = list(body["tags"])
        if "metadata" in body:
            notification.metadata = dict(body["metadata"])
        answer = {
            "success": True,
            "notification_id": notification_id,
            **notification.recipients.counts(),
            **notification.recipients.slugs_field(),
            "timestamp": self._clock.timestamp(),
        }
        if notification.tags or "tags" in body:
            answer["tags"] = list(notification.tags)
        return answer

    # -- metrics and badge -----------------------------------------------------------

    def _update_metric(self, params: Mapping[str, str], body: dict[str, Any]) -> dict[str, Any]:
        key = params["key"]
        if key not in self._known_metrics:
            if not self._auto_create_metrics:
                raise ApiError(
                    404,
                    "Metric not found",
                    f"No metric with key {key!r}; create it in the web app first",
                )
            self._known_metrics.add(key)
        value = body["value"]
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            raise ApiError(400, "value must be a finite number", None)
        timestamp = body.get("timestamp") or self._clock.timestamp()
        self._metric_values.setdefault(key, []).append(MetricValue(value, timestamp))
        return {"success": True}

    def _update_badge(self, _params: Mapping[str, str], body: dict[str, Any]) -> dict[str, Any]:
        recipients = self._directory.resolve(target_channels(body))
        now = self._clock.timestamp()
        self._badges.append(
            BadgeUpdate(body["badge"], recipients.devices, recipients.effective_channel_slugs, now)
        )
        devices, users = len(recipients.devices), len(recipients.users)
        return {
            "success": True,
            "badge": body["badge"],
            "devices_updated": devices,
            "users_updated": users,
            "devices_notified": devices,
            "users_notified": users,
            "devices_targeted": devices,
            # Always present on the badge, `[]` without targeting (CONTRACT 7.5): the official
            # package fails to parse a badge answer without it.
            "effective_channel_slugs": list(recipients.effective_channel_slugs or ()),
            "timestamp": now,
        }
