# Generated from activitysmith/_async/_transport.py by scripts/unasync.py; do not edit.
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
from .._deadline import Deadline
from .._ratelimit import RateLimiter
from .._request_options import join_client_settings
from .._retries import RetryPolicy
from .._transport import Attempts

__all__ = ["ClientTransport", "RetryTransport", "SharedTransport"]


class RetryTransport(httpx.BaseTransport):
    """Wraps a transport; retries failed attempts that are safe to repeat.

    With a `limiter`, every attempt (retries too) first waits for a token of the
    operation's rate-limit feature, and every response tells it what the server counted.
    """

    def __init__(
        self,
        wrapped: httpx.BaseTransport,
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

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        attempts = Attempts(request, self.policy, self.path_prefix, self.max_response_bytes)
        with Deadline(attempts.deadline, attempts.total_timeout, request):
            return self._attempts(request, attempts)

    def _attempts(self, request: httpx.Request, attempts: Attempts) -> httpx.Response:
        while True:
            attempts.check_deadline()
            if self.limiter is not None:
                if not self.limiter.acquire(attempts.feature, attempts.remaining()):
                    raise attempts.rate_limit_timeout()
                attempts.check_deadline()
            try:
                response = self._read(self.wrapped.handle_request(request), attempts)
            except httpx.TransportError as exc:
                delay = attempts.after_exception(exc)
                if delay is None:
                    raise
                attempts.log_retry(delay, type(exc).__name__)
                _transport._sleep(delay)
                continue
            attempts.report(self.limiter, response)
            delay = attempts.after_response(response)
            if delay is None:
                return attempts.final(response)
            attempts.log_retry(delay, f"HTTP {response.status_code}")
            _transport._sleep(delay)

    def _read(self, response: httpx.Response, attempts: Attempts) -> httpx.Response:
        """`response` with its whole body read through the bounded reader."""
        try:
            reader = attempts.reader(response)
            if reader is None:
                return response
            for chunk in response.iter_raw():
                reader.feed(chunk)
                attempts.check_expired()
            raw = reader.finish()
        except Unreadable as exc:
            raise attempts.refused(response, exc) from None
        finally:
            response.close()
        answer = attempts.answer(response, raw)
        answer.read()
        return answer

    def close(self) -> None:
        self.wrapped.close()


class ClientTransport(httpx.BaseTransport):
    """Sends through an httpx.Client: its auth, hooks, mounts, proxies and TLS apply.

    Never follows redirects, whatever the client's `follow_redirects`. A caller-supplied
    client (`owned=False`) also lends its headers, query params and cookies to each request,
    and is never closed here: the caller owns it. The SDK's own client (`owned=True`,
    environment proxies and `proxy=`) is closed with the SDK client.
    """

    def __init__(self, client: httpx.Client, *, owned: bool = False) -> None:
        self.client = client
        self.owned = owned
        # The SDK's own client has no auth, hooks or cookies to apply: send straight through
        # the transport its mounts pick for the origin (a proxy or the pool), found once per
        # origin, so the default path costs what a bare transport costs.
        self._route = getattr(client, "_transport_for_url", None) if owned else None
        self._routes: dict[tuple[bytes, bytes, int | None], httpx.BaseTransport] = {}

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if self._route is not None:
            url = request.url
            origin = (url.raw_scheme, url.raw_host, url.port)
            transport = self._routes.get(origin)
            if transport is None:
                transport = self._routes[origin] = self._route(url)
            return transport.handle_request(request)
        if not self.owned:
            join_client_settings(request, self.client)
        return self.client.send(request, stream=True, follow_redirects=False)

    def close(self) -> None:
        if self.owned:
            self.client.close()


class SharedTransport(httpx.BaseTransport):
    """Lends a transport to a second client without letting that client close it."""

    def __init__(self, wrapped: httpx.BaseTransport) -> None:
        self.wrapped = wrapped

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return self.wrapped.handle_request(request)

    def close(self) -> None:
        """The owner closes the wrapped transport."""
