"""The API commands: build the client from the global options, send one request.

The SDK is imported here, inside the functions, so `--help` never pays for it.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ._body import body_fields
from ._parser import OPERATIONS

if TYPE_CHECKING:
    from activitysmith import ActivitySmith

__all__ = ["COMMANDS", "make_client", "run_command", "subject_of"]


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


def run_command(client: ActivitySmith, ns: argparse.Namespace) -> Any:
    """Send the request of the parsed command; its result."""
    from .._generated.operations import OPERATIONS as TABLE

    name: str = ns.command_name
    operation = next(op for op in TABLE if op.operation_id == OPERATIONS[name])
    fields = body_fields(ns, name)
    path: tuple[Any, ...] = ()
    if name in ("stream", "end-stream"):
        path = (ns.stream_key,)
    elif name == "metric":
        path = (ns.key,)
        fields["value"] = ns.value
    elif name == "badge":
        fields["badge"] = ns.count
    return client._request(operation, path, None, fields)


COMMANDS: dict[str, Callable[[ActivitySmith, argparse.Namespace], Any]] = dict.fromkeys(
    OPERATIONS, run_command
)


def subject_of(ns: argparse.Namespace) -> str | None:
    """What the command acted on, for the summary line (stream key or metric key)."""
    return getattr(ns, "stream_key", None) or getattr(ns, "key", None)
