"""The client-side rate limiter: one token bucket per rate-limit feature of the API.

The API counts requests per feature (notifications, Live Activities, metrics, badges),
each with its own budget per minute; the spec names each operation's feature and the
budgets (`x-activitysmith-rate-limit`), and the generated operation table carries them.
`TokenBucket` is the pure arithmetic (it is given the time, never reads a clock or
sleeps); `RateLimiter` adds the lock, the clock and the sync/async waiting.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from collections.abc import Awaitable, Callable, Mapping
from typing import TypeAlias

from ._errors import ConfigurationError, safe_repr
from ._types import NotGiven

__all__ = ["RateLimit", "RateLimiter", "TokenBucket", "rate_limiter_from"]

logger = logging.getLogger("activitysmith")

_SLACK = 1.02
"""A token comes back 2% later than the exact period, so network jitter cannot push a
request into the API's previous window (for a 60 s window: 61.2 s instead of 60 s)."""


class TokenBucket:
    """`capacity` tokens; a token spent at time t is back in the bucket at t + `period`.

    Tokens return one by one, a period after they were spent, rather than trickling back
    continuously. So no window of `period` seconds ever holds more than `capacity` requests,
    which is exactly how the API counts (60 per sliding minute). A continuously refilled
    bucket of 60 would let a program spend 60 at once and 60 more over the next minute,
    and collect 429s for the second half.

    Waiting is by reservation: `reserve` hands out the earliest free slot, in call order,
    and says how long to wait for it, so callers sleep without holding any lock.
    """

    def __init__(self, capacity: int, period: float) -> None:
        if capacity < 1 or not period > 0:
            raise ValueError("capacity must be >= 1 and period > 0")
        self.capacity = capacity
        self.period = period
        # Times of the last `capacity` reservations (some may lie in the future), ascending.
        self._slots: deque[float] = deque(maxlen=capacity)

    def reserve(self, now: float, max_wait: float | None = None) -> float | None:
        """Take a token; the seconds to wait before using it (0: now).

        Returns None and takes nothing when the wait would exceed `max_wait`.
        """
        slots = self._slots
        at = now if len(slots) < self.capacity else max(now, slots[0] + self.period)
        if slots and slots[-1] > at:  # keep reservations in call order, whatever the clock did
            at = slots[-1]
        wait = at - now
        if max_wait is not None and wait > max_wait:
            return None
        slots.append(at)
        return wait


async def _anyio_sleep(seconds: float) -> None:
    import anyio

    await anyio.sleep(seconds)


def _budgets() -> tuple[dict[str, int], str, int, float]:
    from ._generated.operations import BUDGETS, DEFAULT_BUDGET, DEFAULT_FEATURE, WINDOW_SECONDS

    return dict(BUDGETS), DEFAULT_FEATURE, DEFAULT_BUDGET, WINDOW_SECONDS


MIN_RATE, MAX_RATE = 0.1, 1_000_000.0
"""Budgets accepted, in requests per minute: from one per ten minutes to a million."""
MAX_BURST = 1_000_000


def _rate(name: str, value: object) -> float:
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not MIN_RATE <= value <= MAX_RATE  # False for NaN; never overflows for a huge int
    ):
        raise ConfigurationError(
            f"{name} must be a number of requests per minute from {MIN_RATE:g} to "
            f"{MAX_RATE:,.0f}, got {safe_repr(value)}",
            field="rate_limit",
        )
    return float(value)


class RateLimiter:
    """Paces requests to the API's budgets: a bucket per feature, in bursts of at most `burst`.

    `per_minute` is None for the spec's budgets (`budgets` shows them: requests a minute
    for notifications, live-activities, metrics and badges), a number to give every feature
    that budget, or a mapping of feature -> budget to change some of them. `burst` caps how many
    requests of one feature may go at once (default: a whole window's budget).

    Thread-safe and safe to share between sync and async clients: pass one instance as
    `rate_limit=` to several clients that use the same account, and they share its
    budgets. `clock`, `sleep` and `async_sleep` exist for tests.
    """

    def __init__(
        self,
        per_minute: float | Mapping[str, float] | None = None,
        *,
        burst: int | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        async_sleep: Callable[[float], Awaitable[None]] = _anyio_sleep,
    ) -> None:
        budgets, self._default_feature, default, window = _budgets()
        rates: dict[str, float] = {name: float(value) for name, value in budgets.items()}
        rates[self._default_feature] = float(default)
        if isinstance(per_minute, Mapping):
            unknown = sorted(safe_repr(name) for name in per_minute if name not in rates)
            if unknown:
                raise ConfigurationError(
                    f"rate_limit names no feature of the API: {', '.join(unknown)} "
                    f"(features: {', '.join(sorted(rates))})",
                    field="rate_limit",
                )
            rates.update(
                {name: _rate(f"rate_limit[{name!r}]", v) for name, v in per_minute.items()}
            )
        elif per_minute is not None:
            rate = _rate("rate_limit", per_minute)
            rates = dict.fromkeys(rates, rate)
        if burst is not None and (
            isinstance(burst, bool) or not isinstance(burst, int) or not 1 <= burst <= MAX_BURST
        ):
            raise ConfigurationError(
                f"burst must be an integer from 1 to {MAX_BURST:,}, got {safe_repr(burst)}",
                field="burst",
            )
        self.per_minute = per_minute
        self.burst = burst
        self.budgets: Mapping[str, float] = rates
        """Requests per minute allowed for each feature."""
        self._window = window
        self._buckets: dict[str, TokenBucket] = {}
        self._lock = threading.Lock()
        self._clock = clock
        self._sleep = sleep
        self._async_sleep = async_sleep

    def _bucket(self, feature: str) -> TokenBucket:
        bucket = self._buckets.get(feature)
        if bucket is None:
            rate = self.budgets.get(feature, self.budgets[self._default_feature])
            per_window = rate * self._window / 60.0
            capacity = max(1, int(per_window)) if self.burst is None else self.burst
            bucket = TokenBucket(capacity, capacity * 60.0 / rate * _SLACK)
            self._buckets[feature] = bucket
        return bucket

    def reserve(self, feature: str | None = None, max_wait: float | None = None) -> float | None:
        """Take a token of `feature` now; seconds to wait before using it, or None if over `max_wait`."""
        with self._lock:
            return self._bucket(feature or self._default_feature).reserve(self._clock(), max_wait)

    def acquire(self, feature: str | None = None, max_wait: float | None = None) -> bool:
        """Wait for a token (sleeping); False, without waiting, if it would take over `max_wait`."""
        wait = self.reserve(feature, max_wait)
        if wait is None:
            return False
        if wait > 0:
            logger.debug("waiting %.2fs for the client rate limit of %s", wait, feature)
            self._sleep(wait)
        return True

    async def acquire_async(
        self, feature: str | None = None, max_wait: float | None = None
    ) -> bool:
        """`acquire` for async clients: waits with the async sleep."""
        wait = self.reserve(feature, max_wait)
        if wait is None:
            return False
        if wait > 0:
            logger.debug("waiting %.2fs for the client rate limit of %s", wait, feature)
            await self._async_sleep(wait)
        return True

    def __repr__(self) -> str:
        shown = (
            self.per_minute if not isinstance(self.per_minute, Mapping) else dict(self.per_minute)
        )
        if isinstance(shown, float) and shown.is_integer():
            shown = int(shown)
        return f"RateLimiter(per_minute={shown!r}, burst={self.burst})"


RateLimit: TypeAlias = "float | Mapping[str, float] | RateLimiter | None"
"""What `rate_limit=` accepts: a number or per-feature mapping, a shared limiter, or None (off)."""


def rate_limiter_from(rate_limit: RateLimit | NotGiven) -> RateLimiter | None:
    """The limiter for a client's `rate_limit=` (not given: the spec's budgets; None: off)."""
    if isinstance(rate_limit, NotGiven):
        return RateLimiter()
    if rate_limit is None or isinstance(rate_limit, RateLimiter):
        return rate_limit
    return RateLimiter(rate_limit)
