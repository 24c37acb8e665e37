"""Which operation a method and path address, mirroring the spec's paths under `/api`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote

API_PREFIX = "/api"

# (method, path template, operationId), as in openapi.yaml; a test keeps them in sync.
ROUTES: tuple[tuple[str, str, str], ...] = (
    ("POST", "/push-notification", "sendPushNotification"),
    ("PUT", "/push-notification/{notification_id}", "replacePushNotification"),
    ("PUT", "/live-activity/stream/{stream_key}", "reconcileLiveActivityStream"),
    ("DELETE", "/live-activity/stream/{stream_key}", "endLiveActivityStream"),
    ("POST", "/live-activity/start", "startLiveActivity"),
    ("POST", "/live-activity/update", "updateLiveActivity"),
    ("POST", "/live-activity/end", "endLiveActivity"),
    ("POST", "/metrics/{key}/value", "updateMetricValue"),
    ("POST", "/badge", "updateAppIconBadgeCount"),
)


@dataclass(frozen=True)
class Match:
    """A path that matched a template: the operation (None when only the method is wrong)."""

    operation: str | None
    params: dict[str, str]
    allowed: tuple[str, ...]


def _compile(template: str) -> re.Pattern[str]:
    pattern = re.sub(r"\{(\w+)\}", r"(?P<\1>[^/]+)", template)
    return re.compile(f"{re.escape(API_PREFIX)}{pattern}")


_COMPILED = tuple((method, _compile(template), op) for method, template, op in ROUTES)


def match(method: str, path: str) -> Match | None:
    """The route for `path` (the raw, still percent-encoded path), or None when none exists."""
    allowed: list[str] = []
    for route_method, pattern, operation in _COMPILED:
        found = pattern.fullmatch(path)
        if found is None:
            continue
        params = {name: unquote(value) for name, value in found.groupdict().items()}
        if route_method == method:
            return Match(operation, params, ())
        allowed.append(route_method)
    if allowed:
        return Match(None, {}, tuple(allowed))
    return None


def operation_path(path: str) -> str:
    """`path` without the `/api` prefix, for matching fault rules."""
    return path[len(API_PREFIX) :] if path.startswith(API_PREFIX + "/") else path
