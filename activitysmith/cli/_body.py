"""Request bodies from parsed flags: exactly the flags the user set, nothing else.

Pure data shaping (stdlib only); the SDK validates the result before anything is sent.
"""

from __future__ import annotations

import argparse
from typing import Any

from ._generated import BODY
from ._parser import BODY_DEST, OPERATIONS, PUSH_ACTIONS, STATE_DEST

__all__ = ["body_fields"]


def _put(body: dict[str, Any], path: str, value: Any) -> None:
    """Set the dotted `path` (`alert.title`) in `body`."""
    *parents, name = path.split(".")
    for parent in parents:
        body = body.setdefault(parent, {})
    body[name] = value


def body_fields(ns: argparse.Namespace, command: str) -> dict[str, Any]:
    """The body of `command` from the flags that were set (`--content-state` under its flags)."""
    pairs = {flag.field for flag in BODY[OPERATIONS[command]] if flag.kind == "pairs"}
    body: dict[str, Any] = {}
    state: dict[str, Any] = dict(getattr(ns, "content_state", None) or {})
    for dest, value in vars(ns).items():
        if value is None:
            continue
        if dest.startswith(BODY_DEST):
            field = dest[len(BODY_DEST) :]
            _put(body, field, dict(value) if field in pairs else value)
        elif dest.startswith(STATE_DEST):
            state[dest[len(STATE_DEST) :]] = value
    if state:
        body["content_state"] = state
    extra = getattr(ns, PUSH_ACTIONS, None)
    if extra is not None:
        body["actions"] = list(body.get("actions") or []) + list(extra)
    return body
