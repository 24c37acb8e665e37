"""httpx transports that retry by the rules in `_retries`; the I/O half of retrying.

Each call runs within its deadline (`_deadline`), and each answer is read whole through the
bounded reader (`_body`) before anything decides on it: a retry never re-downloads a body
that was too large, and a redirect is an error, never followed.
"""

from __future__ import annotations

import httpx

from .. import _transport
from .._body import Unreadable
from .._config import DEFAULT_MAX_RESPONSE_BYTES
from .._deadline import AsyncDeadline
from .._ratelimit import RateLimiter
from .._request_options import join_client_settings
from .._retries import RetryPolicy
from .._transport import Attempts

__all__ = ["AsyncClientTransport", "AsyncRetryTransport", "AsyncSharedTransport"]


class AsyncRetryTransport(httpx.AsyncBaseTransport):
    """Wraps a transport; retries failed attempts that are safe to repeat.

    With a `limiter`, every attempt (retries too) first waits for a token of the
    operation's rate-limit feature, and every response tells it what the server counted.
    """

    def __init__(
        self,
        wrapped: httpx.AsyncBaseTransport,
        policy: RetryPolicy,
        *,
        path_prefix: str = "",
        limiter: RateLimiter | None = None,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
    ) -> None:
        self.wrapped = wrapped
        self.policy = policy
        self.path_prefix = path_prefix
        self.limiter = limiter
        self.max_response_bytes = max_response_bytes

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        attempts = Attempts(request, self.policy, self.path_prefix, self.max_response_bytes)
        with AsyncDeadline(attempts.deadline, attempts.total_timeout, request):
            return await self._attempts(request, attempts)

    async def _attempts(self, request: httpx.Request, attempts: Attempts) -> httpx.Response:
        while True:
            attempts.check_deadline()
            if self.limiter is not None:
                if not await self.limiter.acquire_async(attempts.feature, attempts.remaining()):
                    raise attempts.rate_limit_timeout()
                attempts.check_deadline()
            try:
                response = await self._read(
                    await self.wrapped.handle_async_request(request), attempts
                )
            except httpx.TransportError as exc:
                delay = attempts.after_exception(exc)
                if delay is None:
                    raise
                attempts.log_retry(delay, type(exc).__name__)
                await _transport._async_sleep(delay)
                continue
            attempts.report(self.limiter, response)
            delay = attempts.after_response(response)
            if delay is None:
                return attempts.final(response)
            attempts.log_retry(delay, f"HTTP {response.status_code}")
            await _transport._async_sleep(delay)

    async def _read(self, response: httpx.Response, attempts: Attempts) -> httpx.Response:
        """`response` with its whole body read through the bounded reader."""
        try:
            reader = attempts.reader(response)
            if reader is None:
                return response
            async for chunk in response.aiter_raw():
                reader.feed(chunk)
                attempts.check_expired()
            raw = reader.finish()
        except Unreadable as exc:
            raise attempts.refused(response, exc) from None
        finally:
            await response.aclose()
        answer = attempts.answer(response, raw)
        await answer.aread()
        return answer

    async def aclose(self) -> None:
        await self.wrapped.aclose()


class AsyncClientTransport(httpx.AsyncBaseTransport):
    """Sends through an httpx.AsyncClient: its auth, hooks, mounts, proxies and TLS apply.

    Never follows redirects, whatever the client's `follow_redirects`. A caller-supplied
    client (`owned=False`) also lends its headers, query params and cookies to each request,
    and is never closed here: the caller owns it. The SDK's own client (`owned=True`,
    environment proxies and `proxy=`) is closed with the SDK client.
    """

    def __init__(self, client: httpx.AsyncClient, *, owned: bool = False) -> None:
        self.client = client
        self.owned = owned
        # The SDK's own client has no auth, hooks or cookies to apply: send straight through
        # the transport its mounts pick for the origin (a proxy or the pool), found once per
        # origin, so the default path costs what a bare transport costs.
        self._route = getattr(client, "_transport_for_url", None) if owned else None
        self._routes: dict[tuple[bytes, bytes, int | None], httpx.AsyncBaseTransport] = {}

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if self._route is not None:
            url = request.url
            origin = (url.raw_scheme, url.raw_host, url.port)
            transport = self._routes.get(origin)
            if transport is None:
                transport = self._routes[origin] = self._route(url)
            return await transport.handle_async_request(request)
        if not self.owned:
            join_client_settings(request, self.client)
        return await self.client.send(request, stream=True, follow_redirects=False)

    async def aclose(self) -> None:
        if self.owned:
            await self.client.aclose()


class AsyncSharedTransport(httpx.AsyncBaseTransport):
    """Lends a transport to a second client without letting that client close it."""

    def __init__(self, wrapped: httpx.AsyncBaseTransport) -> None:
        self.wrapped = wrapped

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return await self.wrapped.handle_async_request(request)

    async def aclose(self) -> None:
        """The owner closes the wrapped transport."""
