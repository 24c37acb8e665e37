"""`ActivitySmith` and `AsyncActivitySmith`: the two thin executors over the shared core."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self

import httpx

from ._base_client import BaseClient, Timeout
from ._config import DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT, mask_key
from ._operations import BADGE, Operation
from ._ratelimit import DEFAULT_RATE_LIMIT, RateLimiter
from ._resources.live_activities import AsyncLiveActivities, LiveActivities
from ._resources.metrics import AsyncMetrics, Metrics
from ._resources.notifications import AsyncNotifications, Notifications
from ._transport import (
    AsyncClientTransport,
    AsyncRetryTransport,
    AsyncSharedTransport,
    ClientTransport,
    RetryTransport,
    SharedTransport,
)
from ._types import NOT_GIVEN, NotGiven

if TYPE_CHECKING:
    from activitysmith_client import AuthenticatedClient

    from ._results import BadgeCountResult

__all__ = ["ActivitySmith", "AsyncActivitySmith"]


def _badge_fields(
    count: int, channels: Sequence[str] | str | None, target: Mapping[str, Any] | NotGiven
) -> dict[str, Any]:
    fields: dict[str, Any] = {"badge": count}
    if channels is not None:
        fields["channels"] = channels
    if not isinstance(target, NotGiven):
        fields["target"] = target
    return fields


class ActivitySmith(BaseClient):
    """Synchronous ActivitySmith client.

    `api_key` defaults to $ACTIVITYSMITH_API_KEY and `base_url` to $ACTIVITYSMITH_BASE_URL
    (else https://activitysmith.com/api). `timeout` applies to each attempt, `total_timeout`
    (seconds) to the whole call including retries. Pass `http_client` to send through your
    own `httpx.Client` (proxies, TLS, hooks); it is never closed by this client.
    `rate_limit` (requests per minute, default 60 like the API's account budget) makes
    every request, retries included, wait for its turn instead of collecting 429s; pass a
    `RateLimiter` to share one budget between clients, or None to switch it off.
    """

    notifications: Notifications
    live_activities: LiveActivities
    metrics: Metrics

    def __init__(
        self,
        api_key: str | None = None,
        *,
        base_url: str | None = None,
        timeout: Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        total_timeout: float | None = None,
        http_client: httpx.Client | None = None,
        default_headers: Mapping[str, str] | None = None,
        allow_insecure_http: bool = False,
        rate_limit: float | RateLimiter | None = DEFAULT_RATE_LIMIT,
    ) -> None:
        super().__init__(
            api_key=api_key,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            total_timeout=total_timeout,
            default_headers=default_headers,
            allow_insecure_http=allow_insecure_http,
            rate_limit=rate_limit,
        )
        inner = httpx.HTTPTransport() if http_client is None else ClientTransport(http_client)
        self._transport = RetryTransport(
            inner, self._config.retry, path_prefix=self._config.path_prefix, limiter=self._limiter
        )
        self._http = httpx.Client(
            base_url=self._config.base_url,
            headers=dict(self._config.headers),
            timeout=self._config.timeout,
            transport=self._transport,
        )
        self._low_level: AuthenticatedClient | None = None
        self.notifications = Notifications(self)
        self.live_activities = LiveActivities(self)
        self.metrics = Metrics(self)

    def badge_count(
        self,
        count: int,
        channels: Sequence[str] | str | None = None,
        *,
        target: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> BadgeCountResult:
        """Set the number on the ActivitySmith app icon (0 clears it), optionally per channel."""
        return self._request(  # type: ignore[no-any-return]
            BADGE, None, None, _badge_fields(count, channels, target), timeout, max_retries
        )

    @property
    def low_level(self) -> AuthenticatedClient:
        """The generated client, sharing this client's key, headers, timeout, retries and pool.

        It has its own `httpx.Client`, so `with_headers()` on it never changes this client.
        """
        if self._low_level is None:
            from activitysmith_client import AuthenticatedClient

            http = httpx.Client(
                base_url=self._config.base_url,
                headers=dict(self._config.headers),
                timeout=self._config.timeout,
                transport=SharedTransport(self._transport),
            )
            self._low_level = AuthenticatedClient(
                base_url=self._config.base_url,
                token=mask_key(self._config.api_key),
                timeout=self._config.timeout,
                raise_on_unexpected_status=False,
            ).set_httpx_client(http)
        return self._low_level

    def _request(
        self,
        op: Operation,
        path_value: Any,
        params: Mapping[str, Any] | None,
        fields: Mapping[str, Any],
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        total_timeout: float | NotGiven | None = NOT_GIVEN,
    ) -> Any:
        kwargs = self._prepare(op, path_value, params, fields, timeout, max_retries, total_timeout)
        request = self._http.build_request(**kwargs)
        try:
            response = self._http.send(request)
        except httpx.HTTPError as exc:
            raise self._failure(exc, request) from exc
        return self._finish(op, response)

    def close(self) -> None:
        """Close the connections this client opened (never a caller-supplied http_client)."""
        if self._low_level is not None:
            self._low_level.get_httpx_client().close()
        self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


class AsyncActivitySmith(BaseClient):
    """Asynchronous ActivitySmith client; the same surface as `ActivitySmith`, awaitable."""

    notifications: AsyncNotifications
    live_activities: AsyncLiveActivities
    metrics: AsyncMetrics

    def __init__(
        self,
        api_key: str | None = None,
        *,
        base_url: str | None = None,
        timeout: Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        total_timeout: float | None = None,
        http_client: httpx.AsyncClient | None = None,
        default_headers: Mapping[str, str] | None = None,
        allow_insecure_http: bool = False,
        rate_limit: float | RateLimiter | None = DEFAULT_RATE_LIMIT,
    ) -> None:
        super().__init__(
            api_key=api_key,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            total_timeout=total_timeout,
            default_headers=default_headers,
            allow_insecure_http=allow_insecure_http,
            rate_limit=rate_limit,
        )
        inner = (
            httpx.AsyncHTTPTransport() if http_client is None else AsyncClientTransport(http_client)
        )
        self._transport = AsyncRetryTransport(
            inner, self._config.retry, path_prefix=self._config.path_prefix, limiter=self._limiter
        )
        self._http = httpx.AsyncClient(
            base_url=self._config.base_url,
            headers=dict(self._config.headers),
            timeout=self._config.timeout,
            transport=self._transport,
        )
        self._low_level: AuthenticatedClient | None = None
        self.notifications = AsyncNotifications(self)
        self.live_activities = AsyncLiveActivities(self)
        self.metrics = AsyncMetrics(self)

    async def badge_count(
        self,
        count: int,
        channels: Sequence[str] | str | None = None,
        *,
        target: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> BadgeCountResult:
        """Set the number on the ActivitySmith app icon (0 clears it), optionally per channel."""
        return await self._request(  # type: ignore[no-any-return]
            BADGE, None, None, _badge_fields(count, channels, target), timeout, max_retries
        )

    @property
    def low_level(self) -> AuthenticatedClient:
        """The generated client for `asyncio_detailed` calls, configured like this client."""
        if self._low_level is None:
            from activitysmith_client import AuthenticatedClient

            http = httpx.AsyncClient(
                base_url=self._config.base_url,
                headers=dict(self._config.headers),
                timeout=self._config.timeout,
                transport=AsyncSharedTransport(self._transport),
            )
            self._low_level = AuthenticatedClient(
                base_url=self._config.base_url,
                token=mask_key(self._config.api_key),
                timeout=self._config.timeout,
                raise_on_unexpected_status=False,
            ).set_async_httpx_client(http)
        return self._low_level

    async def _request(
        self,
        op: Operation,
        path_value: Any,
        params: Mapping[str, Any] | None,
        fields: Mapping[str, Any],
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        total_timeout: float | NotGiven | None = NOT_GIVEN,
    ) -> Any:
        kwargs = self._prepare(op, path_value, params, fields, timeout, max_retries, total_timeout)
        request = self._http.build_request(**kwargs)
        try:
            response = await self._http.send(request)
        except httpx.HTTPError as exc:
            raise self._failure(exc, request) from exc
        return self._finish(op, response)

    async def close(self) -> None:
        """Close the connections this client opened (never a caller-supplied http_client).

        First waits (within each one's `flush_timeout`) for trackers still delivering a
        final state, e.g. after an `async for` over `progress()` was left by an exception.
        """
        from ._tracking import drain  # loaded on first use: keeps `import` fast

        await drain(self)
        if self._low_level is not None:
            await self._low_level.get_async_httpx_client().aclose()
        await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()
