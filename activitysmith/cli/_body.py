"""Request fields from parsed flags: exactly the flags the user set, nothing else.

Pure data shaping (stdlib only); the SDK validates the result before anything is sent.
"""

from __future__ import annotations

import argparse
from typing import Any

__all__ = ["content_state", "live_activity_fields", "push_fields"]

_PREFIX = "cs_"
_NAMED = {"cs_icon": "symbol", "cs_badge": "title"}  # (text, colour) flags -> {name, color}


def _given(ns: argparse.Namespace, name: str) -> Any:
    return getattr(ns, name, None)


def content_state(ns: argparse.Namespace) -> dict[str, Any] | None:
    """`--content-state` overlaid with every content-state flag that was set; None if neither."""
    state: dict[str, Any] = dict(_given(ns, "content_state") or {})
    for dest, value in vars(ns).items():
        if not dest.startswith(_PREFIX) or value is None:
            continue
        if dest in _NAMED:
            name, color = value
            value = {_NAMED[dest]: name} if color is None else {_NAMED[dest]: name, "color": color}
        state[dest[len(_PREFIX) :]] = value
    return state or None


def _history(ns: argparse.Namespace, fields: dict[str, Any]) -> None:
    if ns.tags is not None:
        fields["tags"] = list(ns.tags)
    if ns.metadata is not None:
        fields["metadata"] = dict(ns.metadata)


def live_activity_fields(ns: argparse.Namespace) -> dict[str, Any]:
    """Fields of stream, end-stream, start, update and end requests."""
    fields: dict[str, Any] = {}
    if (activity_id := _given(ns, "activity_id")) is not None:
        fields["activity_id"] = activity_id
    state = content_state(ns)
    if state is not None:
        fields["content_state"] = state
    for name in ("action", "secondary_action", "channels"):
        if (value := _given(ns, name)) is not None:
            fields[name] = value
    alert = {
        key: value
        for key, value in (("title", _given(ns, "alert_title")), ("body", _given(ns, "alert_body")))
        if value is not None
    }
    if alert:
        fields["alert"] = alert
    _history(ns, fields)
    return fields


def push_fields(ns: argparse.Namespace) -> dict[str, Any]:
    """Fields of a push notification request."""
    fields: dict[str, Any] = {}
    for name in (
        "title",
        "message",
        "subtitle",
        "media",
        "redirection",
        "channels",
        "icon",
        "interruption_level",
        "badge",
        "sound",
        "payload",
    ):
        if (value := getattr(ns, name)) is not None:
            fields[name] = value
    actions = list(ns.actions or []) + list(ns.push_actions or [])
    if ns.actions is not None or ns.push_actions is not None:
        fields["actions"] = actions
    _history(ns, fields)
    return fields
