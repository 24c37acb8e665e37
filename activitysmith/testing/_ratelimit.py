"""The account's request budgets: a sliding window per bucket, answering 429 when spent."""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

from ._reply import ApiError


@dataclass(frozen=True)
class RateLimits:
    """Requests allowed per window: `requests` for push and streams, `metric_requests` for metrics.

    The window is 60 seconds like the service's; tests shrink it to exercise a refill.
    """

    requests: int = 60
    metric_requests: int = 300
    window: float = 60.0


# Operations (by operationId) that spend each budget. Badge and the legacy Live Activity
# endpoints are not on the service's list.
_BUCKETS: dict[str, str] = {
    "sendPushNotification": "shared",
    "replacePushNotification": "shared",
    "reconcileLiveActivityStream": "shared",
    "endLiveActivityStream": "shared",
    "updateMetricValue": "metrics",
}


class RateLimiter:
    """Counts requests per bucket in a sliding window; thread-safe."""

    def __init__(
        self, limits: RateLimits | None, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._limits = limits
        self._clock = clock
        self._lock = threading.Lock()
        self._hits: dict[str, deque[float]] = {}

    def spend(self, operation: str) -> None:
        """Count one request for `operation`, or raise a 429 when its budget is spent."""
        bucket = _BUCKETS.get(operation)
        if self._limits is None or bucket is None:
            return
        limit = self._limits.metric_requests if bucket == "metrics" else self._limits.requests
        window = self._limits.window
        with self._lock:
            now = self._clock()
            hits = self._hits.setdefault(bucket, deque())
            while hits and hits[0] <= now - window:
                hits.popleft()
            if len(hits) >= limit:
                retry_after = max(1, math.ceil(hits[0] + window - now))
                raise ApiError(
                    429,
                    "Rate limit exceeded",
                    f"Too many requests: the limit is {limit} per {window:g} seconds",
                    headers={"Retry-After": str(retry_after)},
                    code="rate_limited",
                )
            hits.append(now)

    def reset(self) -> None:
        """Forget every request counted so far."""
        with self._lock:
            self._hits.clear()
