"""httpx transports that retry by the rules in `_retries`; the I/O half of retrying.

Retries live in the transport so that the facade and the low-level generated client share
them: both send through the same `httpx.Client`.
"""

from __future__ import annotations

import logging
import time

import httpx

from ._ratelimit import RateLimiter
from ._retries import RetryPolicy, classify_exception, retry_delay, safety_of

__all__ = ["AsyncRetryTransport", "RetryTransport", "api_path"]

logger = logging.getLogger("activitysmith")

# Per-request settings travel in request.extensions under these keys.
EXT_MAX_RETRIES = "activitysmith.max_retries"
EXT_DEADLINE = "activitysmith.deadline"  # absolute time.monotonic() value


def api_path(request: httpx.Request, prefix: str) -> str:
    """The request path relative to the API base (e.g. `/badge`)."""
    path = request.url.path
    return path[len(prefix) :] if prefix and path.startswith(prefix) else path


def _sleep(seconds: float) -> None:
    time.sleep(seconds)


async def _async_sleep(seconds: float) -> None:
    import anyio

    await anyio.sleep(seconds)


class _Attempts:
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
        self.safety = safety_of(request.method, self.path)
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


def _rate_limit_timeout(request: httpx.Request) -> httpx.TimeoutException:
    return httpx.TimeoutException(
        "total deadline exceeded while waiting for the client rate limit", request=request
    )


def _wants_status_check(response: httpx.Response) -> bool:
    return response.status_code in (408, 429) or response.status_code >= 500


class RetryTransport(httpx.BaseTransport):
    """Wraps a transport; retries failed attempts that are safe to repeat.

    With a `limiter`, every attempt (retries too) first waits for a token.
    """

    def __init__(
        self,
        wrapped: httpx.BaseTransport,
        policy: RetryPolicy,
        *,
        path_prefix: str = "",
        limiter: RateLimiter | None = None,
    ) -> None:
        self.wrapped = wrapped
        self.policy = policy
        self.path_prefix = path_prefix
        self.limiter = limiter

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        attempts = _Attempts(request, self.policy, self.path_prefix)
        while True:
            attempts.check_deadline()
            if self.limiter is not None:
                if not self.limiter.acquire(attempts.remaining()):
                    raise _rate_limit_timeout(request)
                attempts.check_deadline()
            try:
                response = self.wrapped.handle_request(request)
            except httpx.TransportError as exc:
                delay = attempts.after_exception(exc)
                if delay is None:
                    raise
                attempts.log_retry(delay, type(exc).__name__)
                _sleep(delay)
                continue
            if not _wants_status_check(response):
                return response
            response.read()
            delay = attempts.after_response(response)
            if delay is None:
                return response
            response.close()
            attempts.log_retry(delay, f"HTTP {response.status_code}")
            _sleep(delay)

    def close(self) -> None:
        self.wrapped.close()


class AsyncRetryTransport(httpx.AsyncBaseTransport):
    """Async twin of RetryTransport."""

    def __init__(
        self,
        wrapped: httpx.AsyncBaseTransport,
        policy: RetryPolicy,
        *,
        path_prefix: str = "",
        limiter: RateLimiter | None = None,
    ) -> None:
        self.wrapped = wrapped
        self.policy = policy
        self.path_prefix = path_prefix
        self.limiter = limiter

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        attempts = _Attempts(request, self.policy, self.path_prefix)
        while True:
            attempts.check_deadline()
            if self.limiter is not None:
                if not await self.limiter.acquire_async(attempts.remaining()):
                    raise _rate_limit_timeout(request)
                attempts.check_deadline()
            try:
                response = await self.wrapped.handle_async_request(request)
            except httpx.TransportError as exc:
                delay = attempts.after_exception(exc)
                if delay is None:
                    raise
                attempts.log_retry(delay, type(exc).__name__)
                await _async_sleep(delay)
                continue
            if not _wants_status_check(response):
                return response
            await response.aread()
            delay = attempts.after_response(response)
            if delay is None:
                return response
            await response.aclose()
            attempts.log_retry(delay, f"HTTP {response.status_code}")
            await _async_sleep(delay)

    async def aclose(self) -> None:
        await self.wrapped.aclose()


class ClientTransport(httpx.BaseTransport):
    """Sends through a caller-supplied httpx.Client (its proxies, TLS and hooks apply); never closes it."""

    def __init__(self, client: httpx.Client) -> None:
        self.client = client

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return self.client.send(request, stream=True)

    def close(self) -> None:
        """The caller owns the client."""


class AsyncClientTransport(httpx.AsyncBaseTransport):
    """Async twin of ClientTransport."""

    def __init__(self, client: httpx.AsyncClient) -> None:
        self.client = client

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return await self.client.send(request, stream=True)

    async def aclose(self) -> None:
        """The caller owns the client."""


class SharedTransport(httpx.BaseTransport):
    """Lends a transport to a second client without letting that client close it."""

    def __init__(self, wrapped: httpx.BaseTransport) -> None:
        self.wrapped = wrapped

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return self.wrapped.handle_request(request)

    def close(self) -> None:
        """The owner closes the wrapped transport."""


class AsyncSharedTransport(httpx.AsyncBaseTransport):
    """Async twin of SharedTransport."""

    def __init__(self, wrapped: httpx.AsyncBaseTransport) -> None:
        self.wrapped = wrapped

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return await self.wrapped.handle_async_request(request)

    async def aclose(self) -> None:
        """The owner closes the wrapped transport."""
