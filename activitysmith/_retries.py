"""Retry decisions: pure functions, shared by the sync and async transports.

An operation is either *repeatable* (sending it twice leaves the same state: stream PUT and
DELETE, metric value, badge, legacy update and end, replace) or *delivering* (each request
may buzz a phone: push send, legacy start). The spec says which
(`x-activitysmith-repeat-visible`, carried by the generated operation table); an operation
that does not say, and a route outside the spec, count as delivering unless its method is
GET, HEAD or OPTIONS. Delivering requests are retried only when the server certainly never
saw them, so a retry can never deliver a notification twice.
"""

from __future__ import annotations

import email.utils
import enum
import math
import random
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._operations import Operation

__all__ = [
    "Failure",
    "RetryPolicy",
    "Safety",
    "backoff_delay",
    "classify_exception",
    "is_live_activity_limit",
    "parse_retry_after",
    "retry_delay",
    "safety_of",
]


class Safety(enum.Enum):
    """Whether repeating a request can change what the user sees."""

    REPEATABLE = "repeatable"
    DELIVERING = "delivering"


class Failure(enum.Enum):
    """How an attempt failed before any response arrived."""

    NOT_SENT = "not_sent"  # connection refused, connect or pool timeout: the server saw nothing
    AMBIGUOUS = "ambiguous"  # failed after the request may have reached the server
    TIMEOUT = "timeout"  # read or write timeout: also ambiguous


RETRYABLE_STATUSES = frozenset({408, 429})
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
"""Methods HTTP defines as safe: repeating them changes nothing anyone sees."""


def safety_of(op: Operation[Any] | None, method: str) -> Safety:
    """Classify a request by its operation (None: a route the spec does not have)."""
    if op is not None:
        return Safety.DELIVERING if op.repeat_visible else Safety.REPEATABLE
    return Safety.REPEATABLE if method.upper() in SAFE_METHODS else Safety.DELIVERING


@dataclass(frozen=True)
class RetryPolicy:
    """How often and how long to retry. `max_retries=0` switches retries off."""

    max_retries: int = 2
    initial_delay: float = 0.5
    max_delay: float = 8.0
    max_retry_after: float = 60.0
    jitter: float = 0.25
    min_delay: float = 0.25
    """The floor of every wait, `Retry-After: 0` (or a past date) included: a struggling
    server never gets attempts back to back."""


def classify_exception(exc: BaseException) -> Failure | None:
    """Map an httpx transport exception to a Failure kind (None: not a transport failure)."""
    import httpx

    if isinstance(exc, httpx.ConnectTimeout | httpx.PoolTimeout | httpx.ConnectError):
        return Failure.NOT_SENT
    if isinstance(exc, httpx.TimeoutException):
        return Failure.TIMEOUT
    if isinstance(exc, httpx.TransportError):
        return Failure.AMBIGUOUS
    return None


def parse_retry_after(value: str | None, *, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta seconds or HTTP date); None if absent or bad.

    A negative value or a past date is 0; anything unreadable (a year no clock holds, a
    number too large for a float, garbage) is None, never an exception.
    """
    if not value or not isinstance(value, str):
        return None
    value = value.strip()
    if len(value) > 64:
        return None
    try:
        seconds = float(value)
    except ValueError:
        try:
            parsed = email.utils.parsedate_tz(value)
            if parsed is None:
                return None
            seconds = email.utils.mktime_tz(parsed) - (time.time() if now is None else now)
        except (ValueError, OverflowError, TypeError, IndexError):
            return None
    if math.isnan(seconds) or math.isinf(seconds):
        return None
    return max(0.0, seconds)


def backoff_delay(
    policy: RetryPolicy, retry_number: int, rng: random.Random | None = None
) -> float:
    """Exponential backoff with jitter for the n-th retry (1-based)."""
    base = min(policy.max_delay, policy.initial_delay * 2.0 ** (retry_number - 1))
    spread = base * policy.jitter
    unit: float = (rng or random).random()
    return max(0.0, base - spread + unit * 2 * spread)


def is_live_activity_limit(body: bytes) -> bool:
    """A 429 that carries `limit` is the concurrency limit: waiting seconds will not help."""
    from ._decoding import Undecodable, loads

    try:
        data = loads(body)
    except Undecodable:
        return False
    return isinstance(data, dict) and "limit" in data


def retry_delay(
    policy: RetryPolicy,
    *,
    safety: Safety,
    retries_done: int,
    status: int | None = None,
    failure: Failure | None = None,
    retry_after: str | None = None,
    body: bytes = b"",
    remaining: float | None = None,
    rng: random.Random | None = None,
) -> float | None:
    """Seconds to wait before the next attempt, or None when the outcome must be returned as is.

    Exactly one of `status` (a response arrived) and `failure` (no response) is given.
    `remaining` is the time left before the caller's total deadline, if any.
    """
    if retries_done >= policy.max_retries:
        return None
    if failure is not None:
        if failure is not Failure.NOT_SENT and safety is Safety.DELIVERING:
            return None
        delay = backoff_delay(policy, retries_done + 1, rng)
    elif status is not None:
        if status == 429:
            if is_live_activity_limit(body):
                return None
        elif safety is Safety.DELIVERING or not (status in RETRYABLE_STATUSES or status >= 500):
            return None
        delay = backoff_delay(policy, retries_done + 1, rng)
        hinted = parse_retry_after(retry_after)
        if hinted is not None:
            if hinted > policy.max_retry_after:
                return None
            delay = hinted
    else:
        return None
    delay = max(delay, policy.min_delay)
    if remaining is not None and delay >= remaining:
        return None
    return delay
