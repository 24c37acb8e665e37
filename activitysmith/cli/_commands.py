"""The API commands: build the client from the global options, send one request.

The SDK is imported here, inside the functions, so `--help` never pays for it.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from . import _body

if TYPE_CHECKING:
    from activitysmith import ActivitySmith

__all__ = ["COMMANDS", "make_client", "subject_of"]


def make_client(
    ns: argparse.Namespace,
    *,
    timeout: float | None = None,
    max_retries: int | None = None,
    total_timeout: float | None = None,
) -> ActivitySmith:
    """A client from --api-key/--base-url/--timeout/--retries (or the given defaults).

    Raises ConfigurationError, worded for the command line, when there is no API key.
    """
    from activitysmith import ActivitySmith, ConfigurationError

    api_key = getattr(ns, "api_key", None)
    if api_key is None and not os.environ.get("ACTIVITYSMITH_API_KEY", "").strip():
        raise ConfigurationError(
            "no API key: set ACTIVITYSMITH_API_KEY or pass --api-key "
            "(create a key in the ActivitySmith web app)"
        )

    options: dict[str, Any] = {}
    if (value := getattr(ns, "timeout", timeout)) is not None:
        options["timeout"] = value
    if (value := getattr(ns, "retries", max_retries)) is not None:
        options["max_retries"] = value
    if total_timeout is not None:
        options["total_timeout"] = total_timeout
    return ActivitySmith(api_key=api_key, base_url=getattr(ns, "base_url", None), **options)


def _push(client: ActivitySmith, ns: argparse.Namespace) -> Any:
    return client.notifications.send(_body.push_fields(ns))


def _stream(client: ActivitySmith, ns: argparse.Namespace) -> Any:
    return client.live_activities.stream(ns.stream_key, _body.live_activity_fields(ns))


def _end_stream(client: ActivitySmith, ns: argparse.Namespace) -> Any:
    return client.live_activities.end_stream(ns.stream_key, _body.live_activity_fields(ns))


def _start(client: ActivitySmith, ns: argparse.Namespace) -> Any:
    return client.live_activities.start(_body.live_activity_fields(ns))


def _update(client: ActivitySmith, ns: argparse.Namespace) -> Any:
    return client.live_activities.update(_body.live_activity_fields(ns))


def _end(client: ActivitySmith, ns: argparse.Namespace) -> Any:
    return client.live_activities.end(_body.live_activity_fields(ns))


def _metric(client: ActivitySmith, ns: argparse.Namespace) -> Any:
    return client.metrics.update(ns.key, ns.value, ns.timestamp)


def _badge(client: ActivitySmith, ns: argparse.Namespace) -> Any:
    return client.badge_count(ns.count, ns.channels)


COMMANDS: dict[str, Callable[[ActivitySmith, argparse.Namespace], Any]] = {
    "push": _push,
    "stream": _stream,
    "end-stream": _end_stream,
    "start": _start,
    "update": _update,
    "end": _end,
    "metric": _metric,
    "badge": _badge,
}


def subject_of(ns: argparse.Namespace) -> str | None:
    """What the command acted on, for the summary line (stream key or metric key)."""
    return getattr(ns, "stream_key", None) or getattr(ns, "key", None)
