"""`AsyncActivitySmith`: the client, a thin executor over the shared core (`_base_client`)."""

from __future__ import annotations

import copy as _copy
import sys
from collections.abc import Mapping, Sequence
from functools import cached_property
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self, TypeVar

import httpx

from .._base_client import AsyncLoopBinding, BaseClient, Timeout, not_json
from .._call_forms import call_body
from .._config import (
    DEFAULT_MAX_RESPONSE_BYTES,
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
    DEFAULT_TOTAL_TIMEOUT,
    mask_key,
)
from .._deadline import AsyncSocketDeadline
from .._errors import ConfigurationError
from .._generated.operations import UPDATE_APP_ICON_BADGE_COUNT
from .._operations import Operation
from .._types import NOT_GIVEN, NotGiven
from ._transport import AsyncClientTransport, AsyncRetryTransport, AsyncSharedTransport

if TYPE_CHECKING:
    from activitysmith_client import AuthenticatedClient

    from .._generated.params import ChannelTargetParams
    from .._generated.results import AppIconBadgeCountUpdateResult
    from .._ratelimit import RateLimit
    from .._results import ResponseInfo
    from ._live_activities import AsyncLiveActivities
    from ._metrics import AsyncMetrics
    from ._notifications import AsyncNotifications
    from ._raw_resources import AsyncActivitySmithWithRawResponse

__all__ = ["AsyncActivitySmith"]

R = TypeVar("R", bound="ResponseInfo")


class AsyncActivitySmith(BaseClient):
    """Asynchronous ActivitySmith client.

    `api_key` defaults to $ACTIVITYSMITH_API_KEY and `base_url` to $ACTIVITYSMITH_BASE_URL
    (else https://activitysmith.com/api). `timeout` applies to each attempt; `total_timeout`
    (seconds, default 120; None for none) bounds the whole call: connecting, sending, every
    byte of the answer, retries, backoff and rate-limit waits. `max_response_bytes` caps an
    answer, counted before and after decompression.

    Proxies come from the environment (HTTPS_PROXY, HTTP_PROXY, ALL_PROXY, NO_PROXY) exactly
    as in httpx, or from `proxy=` (a URL or `httpx.Proxy`). Pass `http_client` to send through
    your own `httpx.AsyncClient`: its headers, params, cookies, auth, hooks, mounts, proxies and
    TLS settings all apply, and its headers win over the SDK's own `Authorization` and
    `User-Agent` (only `default_headers` and per-call `extra_headers` win over it). It is
    never closed by this client, and its `follow_redirects` never applies (the SDK never
    follows a redirect).
    `rate_limit` makes every request, retries included, wait for its turn instead of
    collecting 429s. By default it keeps to the API's budget of each feature
    (notifications, live-activities, metrics, badges; see `RateLimiter().budgets`); a
    number gives every feature that budget, a mapping changes some (`{"metrics": 600}`),
    a `RateLimiter` shares one set of budgets between clients, and None switches it off.
    """

    def __init__(
        self,
        api_key: str | None = None,
        *,
        base_url: str | None = None,
        timeout: Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        total_timeout: float | None = DEFAULT_TOTAL_TIMEOUT,
        http_client: httpx.AsyncClient | None = None,
        proxy: str | httpx.Proxy | httpx.URL | None = None,
        default_headers: Mapping[str, str] | None = None,
        allow_insecure_http: bool = False,
        rate_limit: RateLimit | NotGiven = NOT_GIVEN,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
    ) -> None:
        if http_client is not None and not isinstance(http_client, httpx.AsyncClient):
            raise ConfigurationError(
                "http_client must be an httpx.AsyncClient, got "
                f"{type(http_client).__module__}.{type(http_client).__name__}",
                field="http_client",
            )
        super().__init__(
            api_key=api_key,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            total_timeout=total_timeout,
            default_headers=default_headers,
            allow_insecure_http=allow_insecure_http,
            rate_limit=rate_limit,
            max_response_bytes=max_response_bytes,
        )
        if http_client is not None and proxy is not None:
            raise ConfigurationError(
                "Pass proxy= or http_client=, not both: set the proxy on your http_client."
            )
        self._loop = AsyncLoopBinding()
        if http_client is None:
            own = httpx.AsyncClient(proxy=proxy, timeout=self._config.timeout)
            AsyncSocketDeadline.install_on_client(own)
            pool = AsyncClientTransport(own, owned=True)
        else:
            AsyncSocketDeadline.install_on_client(http_client)
            pool = AsyncClientTransport(http_client)
        self._connect(pool)

    def _connect(self, pool: httpx.AsyncBaseTransport) -> None:
        self._pool = pool
        self._transport = AsyncRetryTransport(
            pool,
            self._config.retry,
            path_prefix=self._config.path_prefix,
            limiter=self._limiter,
            max_response_bytes=self._config.max_response_bytes,
        )
        self._http = httpx.AsyncClient(
            base_url=self._config.base_url,
            headers=dict(self._config.headers),
            timeout=self._config.timeout,
            transport=self._transport,
        )
        self._low_level: AuthenticatedClient | None = None

    # The resources are built, and their modules imported, on first use.
    _RESOURCES = ("notifications", "live_activities", "metrics")

    @cached_property
    def notifications(self) -> AsyncNotifications:
        """Push notifications: `send()`, `replace()`."""
        from ._notifications import AsyncNotifications

        return AsyncNotifications(self)

    @cached_property
    def live_activities(self) -> AsyncLiveActivities:
        """Live Activities: `stream()`, `end_stream()`, `progress()`, `track()`, and the manual
        `start()`, `update()`, `end()`."""
        from ._live_activities import AsyncLiveActivities

        return AsyncLiveActivities(self)

    @cached_property
    def metrics(self) -> AsyncMetrics:
        """Lock-screen widget metrics: `update()`."""
        from ._metrics import AsyncMetrics

        return AsyncMetrics(self)

    def _share_connections(self, other: Self) -> None:
        self._loop = other._loop  # the same connections, so the same event loop
        self._connect(AsyncSharedTransport(other._pool))

    @property
    def with_raw_response(self) -> AsyncActivitySmithWithRawResponse:
        """This client's API methods, each returning an `APIResponse` (status, headers, bytes,
        `parse()` to the typed result) instead of the result:
        `client.with_raw_response.notifications.send(...)`.

        Error statuses still raise. It shares this client's connections and settings.
        """
        from ._raw_resources import AsyncActivitySmithWithRawResponse

        view = _copy.copy(self)
        view._raw_response = True
        for name in self._RESOURCES:  # the view's own, built for it on first use
            view.__dict__.pop(name, None)
        return AsyncActivitySmithWithRawResponse(view)

    async def badge_count(
        self,
        value: int,
        channels: Sequence[str] | str | None = None,
        *,
        target: ChannelTargetParams | NotGiven = NOT_GIVEN,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        total_timeout: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str | None] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> AppIconBadgeCountUpdateResult:
        """Set the number on the ActivitySmith app icon (0 clears it), optionally per channel."""
        fields: dict[str, Any] = {"badge": value}
        if channels is not None:
            fields["channels"] = channels
        if not isinstance(target, NotGiven):
            fields["target"] = target
        return await self._request(
            UPDATE_APP_ICON_BADGE_COUNT, (), None, fields, timeout, max_retries,
            total_timeout, extra_headers, extra_query, extra_body,
        )  # fmt: skip

    @property
    def low_level(self) -> AuthenticatedClient:
        """The generated client (its `asyncio_detailed` calls), sharing this client's key,
        headers, timeout, retries, rate limit and connections.

        It has its own `httpx.AsyncClient`, so `with_headers()` on it never changes this client.
        """
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

    async def _call(
        self,
        op: Operation[R],
        path: tuple[Any, ...],
        request: Any,
        fields: Mapping[str, Any],
        timeout: Timeout | NotGiven,
        max_retries: int | NotGiven,
        total_timeout: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str | None] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> R:
        """A resource method's call: its request argument and keywords, in every form the
        resources accept (`_call_forms`), then `_request`."""
        params, body_fields = call_body(op, request, fields)
        return await self._request(
            op, path, params, body_fields, timeout, max_retries, total_timeout,
            extra_headers, extra_query, extra_body,
        )  # fmt: skip

    async def _request(
        self,
        op: Operation[R],
        path: tuple[Any, ...],
        params: Mapping[str, Any] | None,
        fields: Mapping[str, Any],
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        total_timeout: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str | None] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> R:
        """Validate, send and map one call of `op`; every failure is an SDK exception."""
        self._loop.check(self)
        kwargs, removed = self._prepare(
            op, path, params, fields, timeout, max_retries, total_timeout,
            extra_headers, extra_query, extra_body,
        )  # fmt: skip
        try:
            request = self._http.build_request(**kwargs)
        except (TypeError, ValueError) as exc:
            raise not_json(exc) from None
        for name in removed:
            request.headers.pop(name, None)
        try:
            response = await self._http.send(request)
        except httpx.HTTPError as exc:
            raise self._connection_error(exc, request) from exc
        return self._result(op, response, path)

    async def close(self) -> None:
        """Close the connections this client opened (never a caller-supplied http_client).

        First waits (within each one's `flush_timeout`) for trackers still delivering a
        final state, e.g. after a loop over `progress()` was left by an exception.
        """
        trackers = sys.modules.get(f"{__package__}._tracker")  # not loaded: no tracker ran
        if trackers is not None:
            await trackers.drain(self)
        self._closed = True
        try:
            if self._low_level is not None:
                await self._low_level.get_async_httpx_client().aclose()
            await self._http.aclose()
        except RuntimeError:
            if not self._loop.foreign():
                raise
            # Its connections belong to an event loop that is gone: nothing is left to close.

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()
