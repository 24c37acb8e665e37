"""The page's picture of the server, built from its inspection snapshots and the journal.

Everything the browser draws comes from here as plain JSON: request data stays data (the
page writes it as text), URLs are split into parts to show, never to follow.
"""

from __future__ import annotations

import json
import posixpath
from collections.abc import Mapping, Sequence
from typing import Any, Protocol
from urllib.parse import unquote, urlsplit

from .._models import BadgeUpdate, Device, LiveActivity, Metric, Notification
from ._journal import Entry
from ._links import Links
from ._timeline import dismissal, timer_clock

NOTIFICATION_LIMIT = 100
"""Newest notifications drawn (iOS groups older ones away too)."""

ENDED_ACTIVITY_LIMIT = 50
"""Newest ended Live Activities kept on the page (running ones are always drawn)."""

TEXT_LIMIT = 16 * 1024
"""Characters of a request or response body shown in the log."""

_MEDIA_KINDS = {
    **dict.fromkeys(("jpg", "jpeg", "png", "gif", "heic", "webp"), "image"),
    **dict.fromkeys(("mp3", "m4a", "wav", "aiff", "aac"), "audio"),
    **dict.fromkeys(("mp4", "mov", "m4v"), "video"),
}


class Snapshots(Protocol):
    """What the page reads of a server: `ActivitySmithServer`'s inspection properties."""

    @property
    def notifications(self) -> list[Notification]: ...

    @property
    def live_activities(self) -> list[LiveActivity]: ...

    @property
    def metrics(self) -> dict[str, Metric]: ...

    @property
    def badge_updates(self) -> list[BadgeUpdate]: ...


def page_state(
    source: Snapshots, devices: Sequence[Device], links: Links, *, now: str, version: int
) -> dict[str, Any]:
    """Everything on the Lock Screen now, in the order the page draws it."""
    notifications = source.notifications[::-1][:NOTIFICATION_LIMIT]
    return {
        "version": version,
        "server_now": now,
        "devices": [device.name for device in devices],
        "notifications": [_notification(n, links) for n in notifications],
        "activities": [_activity(a, links) for a in _kept_activities(source.live_activities)],
        "widgets": [_widget(metric, links) for metric in source.metrics.values() if metric.history],
        "badges": _badges(source.badge_updates, source.notifications, links),
    }


def log_entry(entry: Entry, links: Links) -> dict[str, Any]:
    """One request of the side panel: what was sent, what came back, what the spec said."""
    request = entry.request
    return {
        "number": entry.number,
        "at": entry.received_at,
        "method": request.method,
        "path": request.path,
        "query": request.query,
        "status": request.status,
        "api_status": entry.api_status,
        "operation": request.operation,
        "fault": request.fault,
        "headers": [[name, value] for name, value in request.headers.items()],
        "body": _body_text(request.json, request.body),
        "body_bytes": len(request.body),
        "response": None if entry.response is None else _json_text(entry.response),
        "validation": _validation(entry),
        "targets": [{"kind": k, "id": i} for k, i in links.targets.get(entry.number, [])],
    }


# -- notifications ---------------------------------------------------------------------


def _notification(notification: Notification, links: Links) -> dict[str, Any]:
    payload = notification.payload
    original = notification.revisions[0] if notification.revisions else payload
    level = original.get("interruption_level")
    actions = payload.get("actions")
    return {
        "id": notification.notification_id,
        "title": _text(payload.get("title")),
        "subtitle": _optional_text(payload.get("subtitle")),
        "message": _optional_text(payload.get("message")),
        "icon": _url(payload.get("icon")),
        "media": _media(payload.get("media")),
        "redirection": _url(payload.get("redirection")),
        "actions": [_action(a) for a in actions if isinstance(a, dict)]
        if isinstance(actions, list)
        else [],
        "interruption_level": level if isinstance(level, str) else "active",
        "interruption_level_sent": isinstance(level, str),
        "badge": _count(payload.get("badge")),
        "sound": _optional_text(payload.get("sound")),
        "sent_at": notification.sent_at,
        "replaced": len(notification.revisions) - 1,
        "devices": [device.name for device in notification.devices],
        "requests": links.notifications.get(notification.notification_id, []),
    }


def _action(action: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """A button: what it says and what pressing it would do."""
    if not isinstance(action, Mapping):
        return None
    kind = _text(action.get("type"))
    described: dict[str, Any] = {
        "title": _text(action.get("title")),
        "type": kind,
        "url": _url(action.get("url")),
    }
    if kind == "webhook":
        method = action.get("method")
        described["method"] = method if isinstance(method, str) else "POST"
        if "body" in action:
            described["body"] = _json_text(action["body"])
    return described


# -- Live Activities -------------------------------------------------------------------


def _kept_activities(activities: list[LiveActivity]) -> list[LiveActivity]:
    """Oldest start first (iOS's order for activities of one app); only the newest ended ones."""
    ended = [a.activity_id for a in activities if a.ended]
    dropped = set(ended[:-ENDED_ACTIVITY_LIMIT]) if len(ended) > ENDED_ACTIVITY_LIMIT else set()
    return [a for a in activities if a.activity_id not in dropped]


def _activity(activity: LiveActivity, links: Links) -> dict[str, Any]:
    touches = links.activities.get(activity.activity_id, [])
    return {
        "id": activity.activity_id,
        "type": activity.type,
        "stream_key": activity.stream_key,
        "state": dict(activity.state),
        "action": _action(activity.action),
        "secondary_action": _action(activity.secondary_action),
        "alert": dict(activity.alert) if isinstance(activity.alert, Mapping) else None,
        "started_at": activity.started_at,
        "ended_at": activity.ended_at,
        "ended": activity.ended,
        "updates": activity.updates,
        "previous_activity_id": activity.previous_activity_id,
        "timer": timer_clock(activity, touches),
        "dismiss": dismissal(activity),
        "devices": [device.name for device in activity.devices],
        "requests": list(dict.fromkeys(touch.entry.number for touch in touches)),
    }


# -- widgets and the badge -------------------------------------------------------------


def _widget(metric: Metric, links: Links) -> dict[str, Any]:
    return {
        "key": metric.key,
        "value": metric.value,
        "timestamp": metric.timestamp,
        "values": len(metric.history),
        "requests": links.metrics.get(metric.key, []),
    }


def _badges(
    updates: Sequence[BadgeUpdate], notifications: Sequence[Notification], links: Links
) -> list[dict[str, Any]]:
    """Every badge the app icon was given, oldest first, with the devices it reached."""
    recipients = {n.notification_id: n.devices for n in notifications}
    remaining = list(updates)
    found: list[tuple[int, dict[str, Any]]] = []
    # Newest first: badge requests and badge updates match one to one from the end,
    # even when older requests have left the journal.
    for entry, count in reversed(links.badges):
        answer = entry.response or {}
        if entry.request.operation == "updateAppIconBadgeCount":
            if not remaining:
                continue
            devices: Sequence[Device] = remaining.pop().devices
        else:
            devices = recipients.get(str(answer.get("notification_id")), ())
        found.append((entry.number, _badge(count, devices, entry.number)))
    found += [(0, _badge(update.badge, update.devices, None)) for update in reversed(remaining)]
    return [badge for _, badge in sorted(found, key=lambda pair: pair[0])]


def _badge(count: int, devices: Sequence[Device], number: int | None) -> dict[str, Any]:
    return {"count": count, "devices": [d.name for d in devices], "request": number}


# -- the request log -------------------------------------------------------------------


def _validation(entry: Entry) -> dict[str, Any]:
    answer = entry.response or {}
    outcome = ""
    if entry.api_status is not None and entry.api_status != 200:
        error, message = answer.get("error"), answer.get("message")
        outcome = f"{entry.api_status} {error}" + (f": {message}" if message else "")
    if entry.problems is None:
        if entry.api_status is None:
            note = "not checked: an injected fault answered before the API ran"
        else:
            note = f"not checked: the API answered before the spec check ({outcome})"
        return {"result": "not_checked", "problems": [], "note": note}
    if entry.problems:
        return {"result": "invalid", "problems": list(entry.problems), "note": outcome}
    note = "valid against openapi.yaml" + (f"; then the API answered {outcome}" if outcome else "")
    return {"result": "valid", "problems": [], "note": note}


def _body_text(parsed: Any, raw: bytes) -> str:
    if parsed is not None:
        return _json_text(parsed)
    return _clip(raw[: TEXT_LIMIT * 4].decode("utf-8", errors="replace"))


def _json_text(value: Any) -> str:
    return _clip(json.dumps(value, indent=2, ensure_ascii=False))


def _clip(text: str) -> str:
    if len(text) <= TEXT_LIMIT:
        return text
    return text[:TEXT_LIMIT] + f"\n… ({len(text) - TEXT_LIMIT} more characters)"


# -- values ----------------------------------------------------------------------------


def _url(value: Any) -> dict[str, str] | None:
    """A URL as parts to show: the page never loads or follows it."""
    if not isinstance(value, str) or not value:
        return None
    try:
        parts = urlsplit(value)
        host = parts.hostname or ""
    except ValueError:
        parts, host = None, ""
    path = parts.path if parts is not None else ""
    name = unquote(posixpath.basename(path.rstrip("/"))) if path else ""
    scheme = parts.scheme if parts is not None else ""
    return {"url": value, "scheme": scheme, "host": host, "name": name}


def _media(value: Any) -> dict[str, str] | None:
    url = _url(value)
    if url is None:
        return None
    extension = url["name"].rpartition(".")[2].lower() if "." in url["name"] else ""
    return {**url, "kind": _MEDIA_KINDS.get(extension, "media")}


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _optional_text(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _count(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None
