"""Faults injected on demand: what the next requests suffer instead of a normal answer."""

from __future__ import annotations

import fnmatch
import threading
from dataclasses import dataclass
from enum import StrEnum
from http import HTTPStatus

from ._routes import operation_path


class FaultKind(StrEnum):
    """The kinds of failure the server can simulate."""

    SERVER_ERROR = "server_error"
    RATE_LIMITED = "rate_limited"
    HTML_ERROR = "html_error"
    EDGE_ERROR = "edge_error"
    MALFORMED_JSON = "malformed_json"
    TRUNCATED_BODY = "truncated_body"
    HANG = "hang"
    DROP_CONNECTION = "drop_connection"
    UNKNOWN_FIELDS = "unknown_fields"


# Reason phrases for the non-standard statuses a CDN in front of the API answers with.
EDGE_REASONS: dict[int, str] = {
    520: "Web Server Returned an Unknown Error",
    521: "Web Server Is Down",
    522: "Connection Timed Out",
    523: "Origin Is Unreachable",
    524: "A Timeout Occurred",
    525: "SSL Handshake Failed",
    526: "Invalid SSL Certificate",
    527: "Railgun Error",
    530: "Origin DNS Error",
}


@dataclass(frozen=True)
class Fault:
    """One simulated failure; build it with a class method, e.g. `Fault.server_error(503)`.

    `applied` says whether the API still performs the request (the effect happens, only
    the answer is lost or broken), which is what makes retries dangerous.
    """

    kind: FaultKind
    status: int = 200
    applied: bool = False
    retry_after: int | str | None = None
    seconds: float = 0.0
    operation: str | None = None

    @classmethod
    def server_error(cls, status: int = 500, *, applied: bool = False) -> Fault:
        """A JSON 5xx error (`{"error", "message"}`), like an API outage."""
        return cls(FaultKind.SERVER_ERROR, status=_check_status(status), applied=applied)

    @classmethod
    def rate_limited(cls, retry_after: int | str | None = 1) -> Fault:
        """A 429 `Rate limit exceeded`; `retry_after` is the header (None leaves it out)."""
        return cls(FaultKind.RATE_LIMITED, status=429, retry_after=retry_after)

    @classmethod
    def html_error(cls, status: int = 502, *, applied: bool = False) -> Fault:
        """An HTML error page (text/html), as a proxy in front of the API sends."""
        return cls(FaultKind.HTML_ERROR, status=_check_status(status), applied=applied)

    @classmethod
    def edge_error(cls, status: int = 520, *, applied: bool = False) -> Fault:
        """A CDN's non-standard 52x status (520-530) with an HTML body."""
        return cls(FaultKind.EDGE_ERROR, status=_check_status(status), applied=applied)

    @classmethod
    def malformed_json(cls, status: int = 200) -> Fault:
        """The request is performed, then answered with a body that is not valid JSON."""
        return cls(FaultKind.MALFORMED_JSON, status=_check_status(status), applied=True)

    @classmethod
    def truncated_body(cls) -> Fault:
        """The request is performed; the answer declares its full length, sends half, closes."""
        return cls(FaultKind.TRUNCATED_BODY, applied=True)

    @classmethod
    def hang(cls, seconds: float) -> Fault:
        """Wait `seconds` before handling the request normally (stopping the server ends it)."""
        return cls(FaultKind.HANG, seconds=seconds, applied=True)

    @classmethod
    def drop_connection(cls, *, applied: bool = False) -> Fault:
        """Close the connection without any response."""
        return cls(FaultKind.DROP_CONNECTION, applied=applied)

    @classmethod
    def unknown_fields(cls, operation: str = "deferred") -> Fault:
        """The real answer plus fields the client does not know; an `operation` gets `operation`.

        This is what a newer server looks like; clients must keep parsing it.
        """
        return cls(FaultKind.UNKNOWN_FIELDS, applied=True, operation=operation)


def _check_status(status: int) -> int:
    if not 100 <= status <= 999:
        raise ValueError(f"not an HTTP status code: {status}")
    return status


def reason_phrase(status: int) -> str:
    """The reason phrase for a status line, including the CDN's 52x codes."""
    if status in EDGE_REASONS:
        return EDGE_REASONS[status]
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Unknown"


@dataclass
class _Rule:
    fault: Fault
    remaining: int
    method: str | None
    path: str | None

    def matches(self, method: str, path: str) -> bool:
        if self.method is not None and self.method != method:
            return False
        if self.path is None:
            return True
        return fnmatch.fnmatchcase(operation_path(path), self.path) or fnmatch.fnmatchcase(
            path, self.path
        )


class FaultQueue:
    """Pending faults, consumed one per matching request in the order they were added."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._rules: list[_Rule] = []

    def add(
        self,
        fault: Fault,
        *,
        times: int = 1,
        method: str | None = None,
        path: str | None = None,
    ) -> None:
        """Make the next `times` requests (optionally only `method` and a `path` glob) fail.

        `path` is matched with or without the `/api` prefix, e.g. `"/push-notification"`
        or `"/live-activity/stream/*"`.
        """
        if times < 1:
            raise ValueError("times must be at least 1")
        with self._lock:
            self._rules.append(_Rule(fault, times, method and method.upper(), path))

    def take(self, method: str, path: str) -> Fault | None:
        """The fault for this request, if one is pending; consumes it."""
        with self._lock:
            for rule in self._rules:
                if rule.matches(method, path):
                    rule.remaining -= 1
                    if rule.remaining == 0:
                        self._rules.remove(rule)
                    return rule.fault
        return None

    @property
    def pending(self) -> int:
        """How many requests will still get a fault."""
        with self._lock:
            return sum(rule.remaining for rule in self._rules)

    def clear(self) -> None:
        """Drop every pending fault."""
        with self._lock:
            self._rules.clear()
