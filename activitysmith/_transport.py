"""What the sync and async retry transports share: per-request settings and attempt state.

Retries live in the transport so that the facade and the low-level generated client share
them: both send through the same `httpx.Client`. The transports themselves are in
`_async/_transport.py` (and its generated sync twin); everything here is free of I/O,
except the two sleeps, which tests replace.
"""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING, Any

import httpx

if TYPE_CHECKING:
    from ._ratelimit import RateLimiter

from ._operations import Operation, find
from ._retries import (
    RetryPolicy,
    classify_exception,
    is_live_activity_limit,
    parse_retry_after,
    retry_delay,
    safety_of,
)

__all__ = ["EXT_DEADLINE", "EXT_MAX_RETRIES", "EXT_OPERATION", "Attempts", "api_path"]

logger = logging.getLogger("activitysmith")

# Per-request settings travel in request.extensions under these keys.
EXT_MAX_RETRIES = "activitysmith.max_retries"
EXT_DEADLINE = "activitysmith.deadline"  # absolute time.monotonic() value
EXT_OPERATION = "activitysmith.operation"  # the facade's Operation (else found by route)


def api_path(request: httpx.Request, prefix: str) -> str:
    """The request path relative to the API base (e.g. `/badge`)."""
    path = request.url.path
    return path[len(prefix) :] if prefix and path.startswith(prefix) else path


def _sleep(seconds: float) -> None:
    time.sleep(seconds)


async def _async_sleep(seconds: float) -> None:
    import anyio

    await anyio.sleep(seconds)


def _rate_limit_timeout(request: httpx.Request) -> httpx.TimeoutException:
    return httpx.TimeoutException(
        "total deadline exceeded while waiting for the client rate limit", request=request
    )


def _wants_status_check(response: httpx.Response) -> bool:
    """Whether a response's status could call for a retry (its body is then read)."""
    return response.status_code in (408, 429) or response.status_code >= 500


class Attempts:
    """State of one request's attempts; decides what follows each outcome."""

    def __init__(self, request: httpx.Request, policy: RetryPolicy, prefix: str) -> None:
        max_retries = request.extensions.get(EXT_MAX_RETRIES)
        self.policy = (
            policy
            if max_retries is None
            else RetryPolicy(
                max_retries=max_retries,
                initial_delay=policy.initial_delay,
                max_delay=policy.max_delay,
                max_retry_after=policy.max_retry_after,
                jitter=policy.jitter,
            )
        )
        self.request = request
        self.path = api_path(request, prefix)
        op: Operation[Any] | None = request.extensions.get(EXT_OPERATION)
        if op is None:  # a low-level call: find its operation by route
            found = find(request.method, self.path)
            op = found[0] if found is not None else None
        self.feature = op.feature if op is not None else None
        self.safety = safety_of(op, request.method)
        self.deadline: float | None = request.extensions.get(EXT_DEADLINE)
        self.retries = 0

    def remaining(self) -> float | None:
        return None if self.deadline is None else self.deadline - time.monotonic()

    def check_deadline(self) -> None:
        remaining = self.remaining()
        if remaining is not None and remaining <= 0:
            raise httpx.TimeoutException("total deadline exceeded", request=self.request)
        if remaining is not None:
            # Never let one attempt outlive the caller's deadline.
            timeout = dict(self.request.extensions.get("timeout") or {})
            for key in ("connect", "read", "write", "pool"):
                current = timeout.get(key)
                timeout[key] = remaining if current is None else min(current, remaining)
            self.request.extensions["timeout"] = timeout

    def after_response(self, response: httpx.Response) -> float | None:
        return retry_delay(
            self.policy,
            safety=self.safety,
            retries_done=self.retries,
            status=response.status_code,
            retry_after=response.headers.get("retry-after"),
            body=response.content,
            remaining=self.remaining(),
        )

    def report(self, limiter: RateLimiter | None, response: httpx.Response) -> None:
        """Tell the limiter what the response says about the feature's budgets: its
        RateLimit headers, and the Retry-After of a request-rate 429 (whose body, like that
        of every 429, has been read)."""
        if limiter is None:
            return
        retry_after = None
        if response.status_code == 429 and not is_live_activity_limit(response.content):
            retry_after = parse_retry_after(response.headers.get("retry-after"))
        limiter.observe(self.feature, response.headers, retry_after=retry_after)

    def after_exception(self, exc: Exception) -> float | None:
        failure = classify_exception(exc)
        if failure is None:
            return None
        return retry_delay(
            self.policy,
            safety=self.safety,
            retries_done=self.retries,
            failure=failure,
            remaining=self.remaining(),
        )

    def log_retry(self, delay: float, reason: str) -> None:
        self.retries += 1
        logger.info(
            "retrying %s %s in %.2fs (retry %d of %d): %s",
            self.request.method,
            self.path,
            delay,
            self.retries,
            self.policy.max_retries,
            reason,
        )
