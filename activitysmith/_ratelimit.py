"""The client-side rate limiter: a budget per rate-limit feature, following the server's word.

The API counts requests per feature (notifications, Live Activities, metrics, badges),
each with its own budget per minute; the spec names each operation's feature and the
budgets (`x-activitysmith-rate-limit`), and the generated operation table carries them.
Those budgets are where a client starts. Every response then reports each policy the
request met (`RateLimit` / `RateLimit-Policy`: remaining, reset, quota, window), and the
limiter adopts that view: processes and machines sharing one account each see what all of
them spent, so together they keep to the account's budget with no store of their own.

`TokenBucket` and `ServerWindow` are the pure arithmetic (given the time, never reading a
clock or sleeping); `RateLimiter` adds the lock, the clock and the sync/async waiting.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from collections.abc import Awaitable, Callable, Mapping
from typing import TYPE_CHECKING, TypeAlias

from ._errors import ConfigurationError, safe_repr
from ._types import NotGiven

if TYPE_CHECKING:
    from ._ratelimit_headers import RateLimitPolicy, RateLimitState

__all__ = ["RateLimit", "RateLimiter", "ServerWindow", "TokenBucket", "rate_limiter_from"]

logger = logging.getLogger("activitysmith")

_SLACK = 1.02
"""A token comes back 2% later than the exact period, so network jitter cannot push a
request into the API's previous window (for a 60 s window: 61.2 s instead of 60 s)."""

MAX_SERVER_WAIT = 60.0
"""The longest wait a server's headers can impose on one request (`t`, `Retry-After`), as
retries honour Retry-After up to a minute: a hostile or broken header cannot stall a client."""

_MAX_POLICIES = 64
"""Server policies one limiter follows (the API reports two per feature)."""


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

    def reserve(
        self, now: float, max_wait: float | None = None, *, not_before: float | None = None
    ) -> float | None:
        """Take a token; the seconds to wait before using it (0: now), never before `not_before`.

        Returns None and takes nothing when the wait would exceed `max_wait`.
        """
        slots = self._slots
        at = now if len(slots) < self.capacity else max(now, slots[0] + self.period)
        if slots and slots[-1] > at:  # keep reservations in call order, whatever the clock did
            at = slots[-1]
        if not_before is not None and not_before > at:
            at = not_before
        wait = at - now
        if max_wait is not None and wait > max_wait:
            return None
        slots.append(at)
        return wait

    def resize(self, capacity: int, period: float) -> None:
        """New capacity and period; the most recent reservations still count."""
        if capacity == self.capacity and period == self.period:
            return
        self.capacity, self.period = max(1, capacity), period
        self._slots = deque(self._slots, maxlen=self.capacity)


class ServerWindow:
    """The server's view of one policy: `remaining` requests until `ends`, then `quota` per `window`.

    Built from a response's headers and counted down by each request the client sends, so
    requests still in flight are not spent twice; the next response corrects it. When the
    window ends, the next request is taken to start a fresh one, as the server starts it.

    Other clients of the account spend the same budget: between two answers the count
    drops by more than this client sent. `share` estimates this client's part of the
    spending, and the last requests of a window, which all of them would race for (and
    most lose, with a 429), are left to the others when this client's share of them is
    less than one request.
    """

    def __init__(self, now: float, remaining: int, reset: float, quota: int, window: float) -> None:
        self.remaining = remaining
        self.starts = now  # no request of this view may go before: a window it foresaw starts
        self.ends = now + reset
        self.quota = max(1, quota)
        self.window = window
        self.share = 1.0
        self._reported = remaining  # the server's last count, and this client's requests since
        self._sent = 0

    def earliest(self, at: float) -> float:
        """The first moment from `at` when this policy has room for one more request."""
        at = max(at, self.starts)
        if at >= self.ends or self.remaining * self.share >= 1.0:
            return at
        return self.ends

    def take(self, at: float) -> None:
        """Count a request sent at `at` (no earlier than `earliest(at)`)."""
        if at >= self.ends:
            self.starts, self.ends, self.remaining = at, at + self.window, self.quota
            self._reported, self._sent = self.quota, 0
        self.remaining -= 1
        self._sent += 1

    def update(self, now: float, remaining: int | None, reset: float | None) -> None:
        """What a response says now. Within the window already known, the lower count wins
        (the client's own may hold requests the server has not seen yet)."""
        if remaining is None or reset is None or self.starts > now:
            return  # nothing to go by, or this view already counts on a later window
        ends = now + min(reset, MAX_SERVER_WAIT)
        if now >= self.ends or ends >= self.ends + 1.0:  # a window this view had not counted
            self.remaining = remaining
        else:
            spent = self._reported - remaining
            if spent > 0:  # this client's part of what was spent since the last answer
                self.share = (self.share + min(self._sent, spent) / spent) / 2
            self.remaining = min(self.remaining, remaining)
        self.ends = ends
        self._reported, self._sent = remaining, 0


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
    """Paces requests to the API's budgets: a bucket per feature, in bursts of at most `burst`,
    and the server's own view of each policy once its responses have reported one.

    `per_minute` is None for the spec's budgets (`budgets` shows them: requests a minute
    for notifications, live-activities, metrics and badges), a number to give every feature
    that budget, or a mapping of feature -> budget to change some of them. `burst` caps how many
    requests of one feature may go at once (default: a whole window's budget).

    The spec's budgets are a starting point: once a response reports a feature's policies
    (`RateLimit` / `RateLimit-Policy`), their remaining requests, reset, quota and window
    pace that feature, so several processes sharing an account keep to its budget together;
    a `Retry-After` pauses the feature. Budgets you set (`per_minute`, `burst`) are your own
    ceiling and still apply on top.

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
        # Features whose budget the caller chose: the server's headers never loosen those.
        if burst is not None or (per_minute is not None and not isinstance(per_minute, Mapping)):
            self._chosen: frozenset[str] = frozenset(rates)
        else:
            self._chosen = frozenset(per_minute or ())
        self._window = window
        self._buckets: dict[str, TokenBucket] = {}
        self._views: dict[str, ServerWindow] = {}  # policy name -> the server's view of it
        self._policies: dict[str, dict[str, None]] = {}  # feature -> names of its policies
        self._paused: dict[str, float] = {}  # feature -> until when a Retry-After holds it
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
        feature = feature or self._default_feature
        with self._lock:
            now = self._clock()
            at = max(now, self._paused.get(feature, now))
            views = [self._views[name] for name in self._policies.get(feature, ())]
            for view in views:
                at = max(at, view.earliest(at))
            wait = self._bucket(feature).reserve(now, max_wait, not_before=at)
            if wait is None:
                return None
            for view in views:
                view.take(now + wait)
            return wait

    def observe(
        self,
        feature: str | None,
        headers: Mapping[str, str],
        *,
        retry_after: float | None = None,
    ) -> None:
        """Adopt what a response of `feature` says: its `RateLimit` / `RateLimit-Policy`
        policies and, for a request-rate 429, its `Retry-After` (seconds)."""
        feature = feature or self._default_feature
        state = _rate_limit_state(headers)
        with self._lock:
            now = self._clock()
            if retry_after is not None and retry_after > 0:
                until = now + min(retry_after, MAX_SERVER_WAIT)
                self._paused[feature] = max(self._paused.get(feature, until), until)
            if state is None:
                return
            linked = self._policies.setdefault(feature, {})
            for policy in state.policies:
                if self._follow(now, feature, policy):
                    linked[policy.name] = None
            if feature not in self._chosen and linked:
                self._adopt(feature, [self._views[name] for name in linked])

    def _follow(self, now: float, feature: str, policy: RateLimitPolicy) -> bool:
        """Update (or start) the view of `policy`; False when it cannot be followed."""
        view = self._views.get(policy.name)
        if view is None:
            if (
                policy.remaining is None
                or policy.reset is None
                or len(self._views) >= _MAX_POLICIES
            ):
                return False
            view = ServerWindow(
                now,
                policy.remaining,
                min(policy.reset, MAX_SERVER_WAIT),
                policy.limit if policy.limit is not None else self._bucket(feature).capacity,
                policy.window or self._window,
            )
            self._views[policy.name] = view
        else:
            view.update(now, policy.remaining, policy.reset)
        if policy.limit is not None:
            view.quota = max(1, policy.limit)
        if policy.window is not None:
            view.window = policy.window
        return True

    def _adopt(self, feature: str, views: list[ServerWindow]) -> None:
        """Size the feature's bucket by its tightest server policy instead of the spec's budget."""
        tightest = min(views, key=lambda view: view.quota / view.window)
        self._bucket(feature).resize(tightest.quota, tightest.window * _SLACK)

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


def _rate_limit_state(headers: Mapping[str, str]) -> RateLimitState | None:
    """`parse_rate_limit(headers)`; its module loads with the first response that has them."""
    if (
        type(headers).__module__.startswith("httpx")  # case-insensitive: a lookup answers it
        and "ratelimit" not in headers
        and "ratelimit-policy" not in headers
    ):
        return None
    from ._ratelimit_headers import parse_rate_limit

    return parse_rate_limit(headers)


RateLimit: TypeAlias = "float | Mapping[str, float] | RateLimiter | None"
"""What `rate_limit=` accepts: a number or per-feature mapping, a shared limiter, or None (off)."""


def rate_limiter_from(rate_limit: RateLimit | NotGiven) -> RateLimiter | None:
    """The limiter for a client's `rate_limit=` (not given: the spec's budgets; None: off)."""
    if isinstance(rate_limit, NotGiven):
        return RateLimiter()
    if rate_limit is None or isinstance(rate_limit, RateLimiter):
        return rate_limit
    return RateLimiter(rate_limit)
