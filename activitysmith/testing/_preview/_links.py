"""Which request drew which item: the API's answers tie requests to notifications and activities."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote

from ._journal import Entry


@dataclass(frozen=True)
class Touch:
    """One request that acted on a Live Activity, and how."""

    entry: Entry
    kind: str
    """`start`, `update`, `noop`, `end`, `ignored` or `replaced` (ended by its stream's rotation)."""

    @property
    def at(self) -> str:
        """The server's timestamp of the change (its answer's, else when it arrived)."""
        response = self.entry.response or {}
        stamp = response.get("timestamp")
        return stamp if isinstance(stamp, str) else self.entry.received_at

    @property
    def content_state(self) -> Mapping[str, Any]:
        """The content state the request sent (empty when it sent none)."""
        body = self.entry.request.json
        state = body.get("content_state") if isinstance(body, dict) else None
        return state if isinstance(state, dict) else {}


@dataclass
class Links:
    """Requests per drawn item, each list oldest first."""

    notifications: dict[str, list[int]] = field(default_factory=dict)
    activities: dict[str, list[Touch]] = field(default_factory=dict)
    metrics: dict[str, list[int]] = field(default_factory=dict)
    badges: list[tuple[Entry, int]] = field(default_factory=list)
    """Requests that set the app icon badge, with the count they set."""
    targets: dict[int, list[tuple[str, str]]] = field(default_factory=dict)
    """Request number -> the (kind, id) of every item it drew, for links from the log."""


_STREAM_KINDS = {"started": "start", "rotated": "start", "updated": "update", "noop": "noop"}


def link(entries: Iterable[Entry]) -> Links:
    """Read every request the API performed and note what it acted on."""
    links = Links()
    for entry in entries:
        if entry.api_status != 200 or entry.response is None:
            continue
        _link_one(links, entry, entry.request.operation, entry.response)
    return links


def _link_one(links: Links, entry: Entry, operation: str | None, answer: Mapping[str, Any]) -> None:
    body = entry.request.json if isinstance(entry.request.json, dict) else {}
    if operation in ("sendPushNotification", "replacePushNotification"):
        notification_id = answer.get("notification_id")
        if isinstance(notification_id, str):
            _add(links, "notification", notification_id, entry)
            links.notifications.setdefault(notification_id, []).append(entry.number)
        if operation == "sendPushNotification" and _is_count(body.get("badge")):
            links.badges.append((entry, body["badge"]))
    elif operation == "updateAppIconBadgeCount" and _is_count(body.get("badge")):
        links.badges.append((entry, body["badge"]))
        _add(links, "badge", "badge", entry)
    elif operation == "updateMetricValue":
        key = _metric_key(entry.request.path)
        if key is not None:
            links.metrics.setdefault(key, []).append(entry.number)
            _add(links, "metric", key, entry)
    elif operation is not None:
        kind = _activity_kind(operation, answer)
        if kind is None:
            return
        activity_id = answer.get("activity_id")
        if isinstance(activity_id, str):
            _touch(links, activity_id, Touch(entry, kind))
        previous = answer.get("previous_activity_id")
        if answer.get("operation") == "rotated" and isinstance(previous, str):
            _touch(links, previous, Touch(entry, "replaced"))


def _activity_kind(operation: str, answer: Mapping[str, Any]) -> str | None:
    if operation == "reconcileLiveActivityStream":
        return _STREAM_KINDS.get(str(answer.get("operation")))
    if operation == "startLiveActivity":
        return "start"
    if operation == "updateLiveActivity":
        return "update"
    if operation in ("endLiveActivity", "endLiveActivityStream"):
        return "ignored" if answer.get("ignored") else "end"
    return None


def _touch(links: Links, activity_id: str, touch: Touch) -> None:
    links.activities.setdefault(activity_id, []).append(touch)
    _add(links, "activity", activity_id, touch.entry)


def _add(links: Links, kind: str, item_id: str, entry: Entry) -> None:
    targets = links.targets.setdefault(entry.number, [])
    if (kind, item_id) not in targets:
        targets.append((kind, item_id))


def _metric_key(path: str) -> str | None:
    """`deploy.success_rate` from `/api/metrics/deploy.success_rate/value`."""
    prefix, suffix = "/api/metrics/", "/value"
    if not (path.startswith(prefix) and path.endswith(suffix)):
        return None
    return unquote(path[len(prefix) : -len(suffix)]) or None


def _is_count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)
