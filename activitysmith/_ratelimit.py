"""The client-side rate limiter: a token bucket shared by every request of one client.

`TokenBucket` is the pure arithmetic (it is given the time, never reads a clock or sleeps);
`RateLimiter` adds the lock, the clock and the sync/async waiting.
"""

from __future__ import annotations

import logging
import math
import threading
import time
from collections import deque
from collections.abc import Awaitable, Callable

from ._errors import ConfigurationError

__all__ = ["DEFAULT_RATE_LIMIT", "RateLimiter", "TokenBucket", "rate_limiter_from"]

logger = logging.getLogger("activitysmith")

DEFAULT_RATE_LIMIT = 60.0
"""Requests per minute: the API's shared account budget (push, streams, metrics)."""

_SLACK = 1.02
"""A token comes back 2% later than the exact period, so network jitter cannot push a
request into the API's previous window (for the default: 61.2 s instead of 60 s)."""


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


class RateLimiter:
    """At most `per_minute` requests per minute, in bursts of at most `burst` (default: all).

    Thread-safe and safe to share between sync and async clients: pass one instance as
    `rate_limit=` to several clients that use the same account, and they share its budget.
    `clock`, `sleep` and `async_sleep` exist for tests.
    """

    def __init__(
        self,
        per_minute: float = DEFAULT_RATE_LIMIT,
        *,
        burst: int | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        async_sleep: Callable[[float], Awaitable[None]] = _anyio_sleep,
    ) -> None:
        if (
            isinstance(per_minute, bool)
            or not isinstance(per_minute, int | float)
            or not math.isfinite(per_minute)
            or per_minute <= 0
        ):
            raise ConfigurationError(
                f"rate_limit must be a positive number of requests per minute, got {per_minute!r}"
            )
        capacity = max(1, int(per_minute)) if burst is None else burst
        if isinstance(capacity, bool) or not isinstance(capacity, int) or capacity < 1:
            raise ConfigurationError(f"burst must be an integer >= 1, got {burst!r}")
        self.per_minute = float(per_minute)
        self.burst = capacity
        self._bucket = TokenBucket(capacity, capacity * 60.0 / self.per_minute * _SLACK)
        self._lock = threading.Lock()
        self._clock = clock
        self._sleep = sleep
        self._async_sleep = async_sleep

    def reserve(self, max_wait: float | None = None) -> float | None:
        """Take a token now; seconds to wait before using it, or None if over `max_wait`."""
        with self._lock:
            return self._bucket.reserve(self._clock(), max_wait)

    def acquire(self, max_wait: float | None = None) -> bool:
        """Wait for a token (sleeping); False, without waiting, if it would take over `max_wait`."""
        wait = self.reserve(max_wait)
        if wait is None:
            return False
        if wait > 0:
            logger.debug("waiting %.2fs for the client rate limit", wait)
            self._sleep(wait)
        return True

    async def acquire_async(self, max_wait: float | None = None) -> bool:
        """Async twin of `acquire`."""
        wait = self.reserve(max_wait)
        if wait is None:
            return False
        if wait > 0:
            logger.debug("waiting %.2fs for the client rate limit", wait)
            await self._async_sleep(wait)
        return True

    def __repr__(self) -> str:
        return f"RateLimiter(per_minute={self.per_minute:g}, burst={self.burst})"


def rate_limiter_from(rate_limit: float | RateLimiter | None) -> RateLimiter | None:
    """The limiter for a client's `rate_limit=` argument (None switches limiting off)."""
    if rate_limit is None or isinstance(rate_limit, RateLimiter):
        return rate_limit
    return RateLimiter(rate_limit)
