"""What the sync and async retry transports share: per-request settings and attempt state.

Retries live in the transport so that the facade and the low-level generated client share
them: both send through the same `httpx.Client`. The transports themselves are in
`_async/_transport.py` (and its generated sync twin); everything here is free of I/O,
except the two sleeps, which tests replace.

Every answer is read here, whole, through the bounded reader (`_body`), within the call's
deadline (`_deadline`); a redirect is never followed.
"""

from __future__ import annotations

import dataclasses
import logging
import time
from typing import TYPE_CHECKING, Any

import httpx

from ._body import BodyReader, Unreadable
from ._config import DEFAULT_MAX_RESPONSE_BYTES
from ._deadline import expired
from ._operations import Operation, find
from ._responses import redirect_error, unreadable
from ._retries import (
    Failure,
    RetryPolicy,
    classify_exception,
    is_live_activity_limit,
    parse_retry_after,
    retry_delay,
    safety_of,
)

if TYPE_CHECKING:
    from ._ratelimit import RateLimiter

__all__ = [
    "EXT_DEADLINE",
    "EXT_ENDED_BEFORE",
    "EXT_MAX_RETRIES",
    "EXT_OPERATION",
    "EXT_TOTAL_TIMEOUT",
    "Attempts",
    "api_path",
]

logger = logging.getLogger("activitysmith")

# Per-request settings travel in request.extensions under these keys.
EXT_MAX_RETRIES = "activitysmith.max_retries"
EXT_DEADLINE = "activitysmith.deadline"  # absolute time.monotonic() value
EXT_TOTAL_TIMEOUT = "activitysmith.total_timeout"  # its length in seconds, for messages
EXT_OPERATION = "activitysmith.operation"  # the facade's Operation (else found by route)
EXT_ENDED_BEFORE = "activitysmith.ended_before"
"""On a response: a DELETE answered 404 after an earlier attempt that may have been carried
out, so what it was to end is gone (the facade reports the end as done)."""


def api_path(request: httpx.Request, prefix: str) -> str:
    """The request path relative to the API base (e.g. `/badge`)."""
    path = request.url.path
    return path[len(prefix) :] if prefix and path.startswith(prefix) else path


def _sleep(seconds: float) -> None:
    time.sleep(seconds)


async def _async_sleep(seconds: float) -> None:
    import anyio

    await anyio.sleep(seconds)


def _wants_status_check(response: httpx.Response) -> bool:
    """Whether a response's status could call for a retry."""
    return response.status_code in (408, 429) or response.status_code >= 500


class Attempts:
    """State of one request's attempts; decides what follows each outcome."""

    def __init__(
        self,
        request: httpx.Request,
        policy: RetryPolicy,
        prefix: str,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
    ) -> None:
        extensions = request.extensions
        max_retries = extensions.get(EXT_MAX_RETRIES)
        self.policy = (
            policy if max_retries is None else dataclasses.replace(policy, max_retries=max_retries)
        )
        self.request = request
        self.path = api_path(request, prefix)
        op: Operation[Any] | None = extensions.get(EXT_OPERATION)
        if op is None:  # a low-level call: find its operation by route
            found = find(request.method, self.path)
            op = found[0] if found is not None else None
        self.feature = op.feature if op is not None else None
        self.safety = safety_of(op, request.method)
        self.deadline: float | None = extensions.get(EXT_DEADLINE)
        self.total_timeout: float | None = extensions.get(EXT_TOTAL_TIMEOUT)
        self.max_response_bytes = max_response_bytes
        self.retries = 0
        self.maybe_applied = False  # an earlier attempt may have been carried out

    @property
    def expired(self) -> str:
        """The message of this call's timeout."""
        return expired(self.total_timeout)

    def remaining(self) -> float | None:
        return None if self.deadline is None else self.deadline - time.monotonic()

    def check_expired(self) -> None:
        """Raise once the deadline has passed (between the chunks of an answer)."""
        if self.deadline is not None and self.deadline <= time.monotonic():
            raise httpx.TimeoutException(self.expired, request=self.request)

    def check_deadline(self) -> None:
        """Raise once the deadline has passed; else cap the attempt's timeouts to what is left."""
        remaining = self.remaining()
        if remaining is None:
            return
        if remaining <= 0:
            raise httpx.TimeoutException(self.expired, request=self.request)
        # Never let one attempt outlive the caller's deadline.
        timeout = dict(self.request.extensions.get("timeout") or {})
        for key in ("connect", "read", "write", "pool"):
            current = timeout.get(key)
            timeout[key] = remaining if current is None else min(current, remaining)
        self.request.extensions["timeout"] = timeout

    def rate_limit_timeout(self) -> httpx.TimeoutException:
        return httpx.TimeoutException(
            f"{self.expired} waiting for the client rate limit (rate_limit)",
            request=self.request,
        )

    # -- reading an answer -----------------------------------------------------------

    def reader(self, response: httpx.Response) -> BodyReader | None:
        """The bounded reader for `response`'s body; None when it is in memory already."""
        if response.is_stream_consumed:  # e.g. read by a caller's event hook
            if len(response.content) > self.max_response_bytes:
                raise unreadable(
                    response,
                    self.request,
                    f"its body is larger than max_response_bytes ({self.max_response_bytes:,}"
                    " bytes)",
                    response.content[:1024],
                )
            return None
        try:
            return BodyReader(response.headers, self.max_response_bytes)
        except Unreadable as exc:
            raise unreadable(response, self.request, exc.reason, exc.head) from None

    def refused(self, response: httpx.Response, exc: Unreadable) -> Exception:
        return unreadable(response, self.request, exc.reason, exc.head)

    def answer(self, response: httpx.Response, raw: bytes) -> httpx.Response:
        """A response carrying the whole raw body read (httpx decodes it, within the limit)."""
        return httpx.Response(
            response.status_code,
            headers=response.headers,
            stream=httpx.ByteStream(raw),
            request=self.request,
            extensions=dict(response.extensions),
        )

    # -- what follows an outcome ---------------------------------------------------------

    def after_response(self, response: httpx.Response) -> float | None:
        status = response.status_code
        if 300 <= status < 400:
            raise redirect_error(response)
        if not _wants_status_check(response):
            return None
        delay = retry_delay(
            self.policy,
            safety=self.safety,
            retries_done=self.retries,
            status=status,
            retry_after=response.headers.get("retry-after"),
            body=response.content,
            remaining=self.remaining(),
        )
        if delay is not None and status != 429:
            self.maybe_applied = True
        return delay

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
        delay = retry_delay(
            self.policy,
            safety=self.safety,
            retries_done=self.retries,
            failure=failure,
            remaining=self.remaining(),
        )
        if delay is not None and failure is not Failure.NOT_SENT:
            self.maybe_applied = True
        return delay

    def final(self, response: httpx.Response) -> httpx.Response:
        """The response to return, marked when it says an earlier attempt already did the job."""
        if self.maybe_applied and response.status_code == 404 and self.request.method == "DELETE":
            response.extensions[EXT_ENDED_BEFORE] = True
        return response

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
