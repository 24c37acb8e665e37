"""What the CLI prints and which exit code it returns, for results and for every failure.

Errors always go to stderr; with --json an error object also goes to stdout. The SDK's
exception classes are imported only once an exception is being reported.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from ._parser import PROG, UsageError

__all__ = [
    "EXIT_API",
    "EXIT_NETWORK",
    "EXIT_OK",
    "EXIT_USAGE",
    "delivered_anyway",
    "describe_error",
    "print_json",
    "report_crash",
    "report_error",
    "report_result",
    "report_usage",
    "warn",
]

EXIT_OK = 0
EXIT_API = 1
EXIT_USAGE = 2
EXIT_NETWORK = 3


def print_json(value: Any) -> None:
    """One line of JSON on stdout."""
    sys.stdout.write(json.dumps(value, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def _stderr(line: str) -> None:
    sys.stderr.write(line + "\n")
    sys.stderr.flush()


def warn(message: str) -> None:
    """`activitysmith: warning: ...` on stderr."""
    _stderr(f"{PROG}: warning: {message}")


def _count(value: Any, noun: str) -> str:
    n = value if isinstance(value, int) else 0
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _summary(command: str, subject: str | None, result: Any) -> str:
    """The one line a person reads after a successful call."""
    get = result.get
    if command == "push":
        line = f"Push sent to {_count(get('devices_notified'), 'device')}"
        nid = get("notification_id")
        return f"{line} (notification {nid})." if nid else f"{line}."
    if command in ("stream", "end-stream"):
        line = f"Stream {subject}: {get('operation')}"
        aid = get("activity_id")
        return f"{line} (activity {aid})." if aid else f"{line}."
    if command == "start":
        return str(get("activity_id"))  # bare, for ID=$(activitysmith start ...)
    if command in ("update", "end"):
        return (
            f"Live Activity {get('activity_id')}: {'updated' if command == 'update' else 'ended'}."
        )
    if command == "metric":
        return f"Metric {subject} updated."
    if command == "badge":
        devices = get("devices_updated")
        if devices is None:
            devices = get("devices_notified")
        return f"Badge set to {get('badge')} on {_count(devices, 'device')}."
    return "Done."


def report_result(command: str, subject: str | None, result: Any, *, as_json: bool) -> int:
    """Print a successful result (summary line, or the API's answer as JSON); returns 0."""
    if as_json:
        print_json(result.to_dict())
    else:
        sys.stdout.write(_summary(command, subject, result) + "\n")
        sys.stdout.flush()
    warning = result.get("warning")
    if isinstance(warning, str) and warning:
        warn(warning)
    return EXIT_OK


def report_usage(exc: UsageError, *, as_json: bool) -> int:
    """argparse-style usage error; returns 2."""
    sys.stderr.write(exc.usage)
    _stderr(exc.message)
    if as_json:
        message = exc.message.split(": error: ", 1)[-1]
        print_json({"error": {"type": "usage", "message": message, "exit_code": EXIT_USAGE}})
    return EXIT_USAGE


def describe_error(exc: BaseException) -> tuple[int, str, dict[str, Any]] | None:
    """(exit code, stderr line, JSON error object) for an SDK exception; None for others."""
    from .. import _errors as e

    if isinstance(exc, e.ValidationError):
        line = f"invalid {exc.field}: {exc.message}" if exc.field else exc.message
        detail: dict[str, Any] = {"type": "validation", "field": exc.field or None}
        return EXIT_USAGE, line, {**detail, "message": exc.message}
    if isinstance(exc, e.ConfigurationError):
        return EXIT_USAGE, str(exc), {"type": "configuration", "message": str(exc)}
    if isinstance(exc, e.APIConnectionError):
        kind = "timeout" if isinstance(exc, e.APITimeoutError) else "network"
        where = f" ({exc.method} {exc.url})" if exc.method and exc.url else ""
        return EXIT_NETWORK, exc.message + where, {"type": kind, "message": exc.message}
    if isinstance(exc, e.APIStatusError):
        said = (
            f"{exc.error}: {exc.message}" if exc.error and exc.error != exc.message else exc.message
        )
        line = f"API error {exc.status_code}: {said}"
        if isinstance(exc, e.BillingError) and exc.upgrade_url:
            line += f" (upgrade: {exc.upgrade_url})"
        obj = {
            "type": "api",
            "status": exc.status_code,
            "error": exc.error,
            "message": exc.message,
            "body": exc.body,
        }
        return EXIT_API, line, obj
    if isinstance(exc, e.APIError):  # e.g. a 200 whose body breaks the contract
        status = exc.status_code
        obj = {"type": "api", "status": status, "error": None, "message": exc.message}
        return EXIT_API, f"API error: {exc.message}", obj
    return None


def delivered_anyway(exc: BaseException) -> bool:
    """A 2xx whose answer could not be read: the request was carried out (a push delivered),
    so the command succeeded; a script that read a failure would send it again."""
    from .. import _errors as e

    status = getattr(exc, "status_code", None)
    return (
        isinstance(exc, e.APIResponseValidationError)
        and isinstance(status, int)
        and 200 <= status < 300
    )


def report_error(exc: BaseException, *, as_json: bool) -> int:
    """Print an SDK exception and return its exit code; re-raises anything else."""
    if delivered_anyway(exc):
        message = getattr(exc, "message", str(exc))
        warn(f"the request was carried out, but its answer could not be read: {message}")
        if as_json:
            status = getattr(exc, "status_code", None)
            print_json({"delivered": True, "status": status, "warning": message})
        return EXIT_OK
    described = describe_error(exc)
    if described is None:
        raise exc
    code, line, obj = described
    _stderr(f"{PROG}: error: {line}")
    if as_json:
        print_json({"error": {**obj, "exit_code": code}})
    return code


def report_crash(exc: BaseException, secret: str | None) -> int:
    """One line for a failure that is a bug of ours (no traceback unless ACTIVITYSMITH_LOG=debug)."""
    import os
    import traceback

    text = f"{type(exc).__name__}: {exc}"
    if os.environ.get("ACTIVITYSMITH_LOG", "").strip().lower() == "debug":
        text = "".join(traceback.format_exception(exc)).rstrip()
    if secret:
        text = text.replace(secret, "ask_***")
    _stderr(f"{PROG}: internal error (please report it): {text}")
    return EXIT_API
