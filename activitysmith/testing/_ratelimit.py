"""The account's request budgets: a sliding window per feature, answering 429 when spent.

Each operation spends the budget of its rate-limit feature, as the spec says
(`x-activitysmith-rate-limit`, carried by the generated operation table).
"""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from .._generated.operations import BUDGETS, DEFAULT_BUDGET, DEFAULT_FEATURE, WINDOW_SECONDS
from ._reply import ApiError


@dataclass(frozen=True)
class RateLimits:
    """Requests allowed per window for each feature (default: the spec's budgets).

    `requests` gives every feature that budget; `features` sets some by name
    (`{"metrics": 2}`) and wins over `requests`. The window is the service's (60 s);
    tests shrink it to exercise a refill.
    """

    requests: int | None = None
    features: Mapping[str, int] = field(default_factory=dict)
    window: float = WINDOW_SECONDS

    def __post_init__(self) -> None:
        unknown = sorted(set(self.features) - {*BUDGETS, DEFAULT_FEATURE})
        if unknown:
            raise ValueError(
                f"unknown rate-limit feature(s) {', '.join(map(repr, unknown))}; the spec's: "
                + ", ".join(sorted(BUDGETS))
            )

    def budget(self, feature: str) -> int:
        """Requests per window allowed for `feature`."""
        if feature in self.features:
            return self.features[feature]
        if self.requests is not None:
            return self.requests
        return BUDGETS.get(feature, DEFAULT_BUDGET)


class RequestBudgets:
    """Counts requests per feature in a sliding window; thread-safe."""

    def __init__(
        self, limits: RateLimits | None, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._limits = limits
        self._clock = clock
        self._lock = threading.Lock()
        self._hits: dict[str, deque[float]] = {}

    def spend(self, feature: str) -> None:
        """Count one request of `feature`, or raise a 429 when its budget is spent."""
        if self._limits is None:
            return
        limit = self._limits.budget(feature)
        window = self._limits.window
        with self._lock:
            now = self._clock()
            hits = self._hits.setdefault(feature, deque())
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
