"""What the sync and async clients share: settings, request preparation, result mapping.

Everything here is free of I/O; `ActivitySmith` and `AsyncActivitySmith` only send and close.
"""

from __future__ import annotations

import sys
import time
import weakref
from collections.abc import Mapping
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Self, TypeVar

import httpx

from ._config import (
    DEFAULT_MAX_RESPONSE_BYTES,
    DEFAULT_TOTAL_TIMEOUT,
    ClientConfig,
    configure_logging_from_env,
    mask_key,
    max_retries_from,
    resolve_config,
    timeout_from,
    total_timeout_from,
)
from ._errors import APIError, APIResponseValidationError, ClientStateError, ValidationError
from ._operations import Operation, build_body
from ._ratelimit import RateLimit, rate_limiter_from
from ._request_options import EXT_EXPLICIT_HEADERS, apply_extras
from ._responses import ended_before, error_from_exception, error_from_response, parse_result
from ._secrets import register_secret
from ._transport import (
    EXT_DEADLINE,
    EXT_ENDED_BEFORE,
    EXT_MAX_RETRIES,
    EXT_OPERATION,
    EXT_TOTAL_TIMEOUT,
)
from ._types import NOT_GIVEN, NotGiven

if TYPE_CHECKING:
    from ._results import ResponseInfo

__all__ = ["AsyncLoopBinding", "BaseClient", "LoopBinding", "Timeout", "not_json"]

Timeout = float | httpx.Timeout | None
R = TypeVar("R", bound="ResponseInfo")


@lru_cache(maxsize=256)
def _parsed_url(url: str) -> httpx.URL:
    """`url` parsed once (httpx.URL is immutable, so requests can share it)."""
    return httpx.URL(url)


def _built(op: Operation[Any], path: tuple[Any, ...], body: Any, base_url: str) -> dict[str, Any]:
    """The `build_request` keywords the generated request builder makes for `path` and `body`."""
    # The body goes out exactly as validated, through the generated request builder: the
    # caller's values, strings verbatim (a round trip through the generated model would
    # rewrite date-time strings, "...00.002Z" into "...00.002000+00:00").
    call = {} if body is None else {"body": _Verbatim(body)}
    kwargs: dict[str, Any] = op.binding.get_kwargs(*path, **call)
    kwargs.pop("headers", None)  # httpx sets the JSON Content-Type for `json=` itself
    # An absolute, already parsed URL spares httpx parsing and merging it on every request
    # (a tenth of a call).
    kwargs["url"] = _parsed_url(base_url + kwargs["url"])
    return kwargs


_BODY: Any = object()
"""Stands for the body in a cached request (`_template`)."""


@lru_cache(maxsize=256)
def _checked_path(op: Operation[Any], path: tuple[str, ...]) -> None:
    """`op.check_path(*path)`, remembered once it passed."""
    op.check_path(*path)


@lru_cache(maxsize=256)
def _template(
    op: Operation[Any], path: tuple[str, ...], has_body: bool, base_url: str
) -> tuple[dict[str, Any], str | None] | None:
    """`_built` for `path`, with the key that takes the body (None without one).

    None when the builder does not put the body as it is under one key (then each call
    builds its own request).
    """
    kwargs = _built(op, path, _BODY if has_body else None, base_url)
    if not has_body:
        return kwargs, None
    keys = [key for key, value in kwargs.items() if value is _BODY]
    return (kwargs, keys[0]) if len(keys) == 1 else None


class BaseClient:
    """Settings and pure request/response logic of a client."""

    _config: ClientConfig

    def __init__(
        self,
        *,
        api_key: str | None,
        base_url: str | None,
        timeout: Timeout,
        max_retries: int,
        total_timeout: float | None = DEFAULT_TOTAL_TIMEOUT,
        default_headers: Mapping[str, str] | None,
        allow_insecure_http: bool,
        rate_limit: RateLimit | NotGiven = NOT_GIVEN,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
    ) -> None:
        self._closed = False
        self._config = resolve_config(
            api_key=api_key,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            allow_insecure_http=allow_insecure_http,
            total_timeout=total_timeout,
            max_response_bytes=max_response_bytes,
        )
        # What copy() starts from (checked by resolve_config above).
        self._settings: dict[str, Any] = {
            "api_key": self._config.api_key,
            "base_url": self._config.base_url,
            "timeout": timeout,
            "max_retries": max_retries,
            "total_timeout": total_timeout,
            "default_headers": dict(default_headers or {}),
            "allow_insecure_http": allow_insecure_http,
            "max_response_bytes": max_response_bytes,
        }
        self._total_timeout = self._config.total_timeout
        self._limiter = rate_limiter_from(rate_limit)
        register_secret(self, self._config.api_key)
        self._explicit_headers = frozenset(name.lower() for name in default_headers or ())
        self._raw_response = False
        configure_logging_from_env()

    def copy(
        self,
        *,
        api_key: str | NotGiven = NOT_GIVEN,
        base_url: str | NotGiven = NOT_GIVEN,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        total_timeout: float | NotGiven | None = NOT_GIVEN,
        default_headers: Mapping[str, str] | NotGiven = NOT_GIVEN,
        allow_insecure_http: bool | NotGiven = NOT_GIVEN,
        rate_limit: RateLimit | NotGiven = NOT_GIVEN,
    ) -> Self:
        """A client with some settings changed, sharing this one's connection pool
        (`with_options()` is the same method).

        It also shares the rate budget unless `rate_limit` is given. `default_headers` are
        added to this client's (a None-free mapping; use `extra_headers` per call to remove
        one). Closing either client closes the shared connections; close the original.
        """
        settings = dict(self._settings)
        given = {
            "api_key": api_key,
            "base_url": base_url,
            "timeout": timeout,
            "max_retries": max_retries,
            "total_timeout": total_timeout,
            "allow_insecure_http": allow_insecure_http,
        }
        settings.update({k: v for k, v in given.items() if not isinstance(v, NotGiven)})
        if not isinstance(default_headers, NotGiven):
            settings["default_headers"] = {**settings["default_headers"], **default_headers}
        clone = object.__new__(type(self))
        BaseClient.__init__(
            clone,
            **settings,
            rate_limit=self._limiter if isinstance(rate_limit, NotGiven) else rate_limit,
        )
        clone._share_connections(self)
        return clone

    with_options = copy
    """The same as `copy()`: `client.with_options(timeout=5).notifications.send(...)`."""

    def _share_connections(self, other: Self) -> None:
        """Send through `other`'s connection pool (set up by each client)."""
        raise NotImplementedError

    @property
    def base_url(self) -> str:
        """The API base URL requests go to."""
        return self._config.base_url

    @property
    def timeout(self) -> httpx.Timeout:
        """The default per-attempt timeout."""
        return self._config.timeout

    @property
    def total_timeout(self) -> float | None:
        """Seconds a whole call may take, retries, backoff and rate-limit waits included."""
        return self._config.total_timeout

    @property
    def max_retries(self) -> int:
        """How many times a failed request that is safe to repeat is retried."""
        return self._config.retry.max_retries

    @property
    def max_response_bytes(self) -> int:
        """The largest answer read, counted before and after decompression."""
        return self._config.max_response_bytes

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(base_url={self._config.base_url!r}, "
            f"api_key={mask_key(self._config.api_key)!r}, max_retries={self.max_retries})"
        )

    __str__ = __repr__

    def _prepare(
        self,
        op: Operation[Any],
        path: tuple[Any, ...],
        params: Mapping[str, Any] | None,
        fields: Mapping[str, Any],
        timeout: Timeout | NotGiven,
        max_retries: int | NotGiven,
        total_timeout: float | NotGiven | None,
        extra_headers: Mapping[str, str | None] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> tuple[dict[str, Any], tuple[str, ...]]:
        """Validate and build the keyword arguments of `httpx.Client.build_request`.

        Also returns the header names the caller asked to remove (`extra_headers` set to None).
        """
        if self._closed:
            raise ClientStateError(
                f"this {type(self).__name__} is closed; create a new client to send more requests"
            )
        # Programs repeat a few routes (one per stream or metric key): text path values are
        # checked, and their request built, once per route (a failed check is never kept).
        cached = all(type(value) is str for value in path)
        if cached:
            _checked_path(op, path)
        else:
            op.check_path(*path)
        body = build_body(op, params, fields)
        template = _template(op, path, body is not None, self._config.base_url) if cached else None
        if template is not None:
            kwargs: dict[str, Any] = dict(template[0])
            if template[1] is not None:
                kwargs[template[1]] = body
        else:
            kwargs = _built(op, path, body, self._config.base_url)
        if not isinstance(timeout, NotGiven):
            timeout_from(timeout, per_call=True)
            kwargs["timeout"] = timeout
        extensions: dict[str, Any] = {EXT_OPERATION: op}
        if not isinstance(max_retries, NotGiven):
            extensions[EXT_MAX_RETRIES] = max_retries_from(max_retries, per_call=True)
        total = (
            self._total_timeout
            if isinstance(total_timeout, NotGiven)
            else total_timeout_from(total_timeout, per_call=True)
        )
        if total is not None:
            extensions[EXT_DEADLINE] = time.monotonic() + total
            extensions[EXT_TOTAL_TIMEOUT] = total
        if self._explicit_headers:
            extensions[EXT_EXPLICIT_HEADERS] = self._explicit_headers
        kwargs["extensions"] = extensions
        removed: tuple[str, ...] = ()
        if extra_headers is not None or extra_query is not None or extra_body is not None:
            removed = apply_extras(kwargs, extra_headers, extra_query, extra_body)
        return kwargs, removed

    @staticmethod
    def _finish(op: Operation[R], response: httpx.Response, path: tuple[Any, ...] = ()) -> R:
        """The result for a 2xx response; raises the mapped exception otherwise.

        The exception carries the response and the request as `.response` and `.request`.
        """
        status = response.status_code
        if 200 <= status < 300:
            try:
                return parse_result(op, response)
            except APIResponseValidationError as exc:
                exc.response, exc.request = response, response.request
                raise
        if status == 404 and response.extensions.get(EXT_ENDED_BEFORE):
            return ended_before(op, response, path)
        error = error_from_response(response, op)
        error.response, error.request = response, response.request
        raise error

    def _result(self, op: Operation[R], response: httpx.Response, path: tuple[Any, ...] = ()) -> R:
        """`_finish`, or the raw response when this is the `with_raw_response` view."""
        if self._raw_response:
            from ._raw_response import APIResponse

            if not 200 <= response.status_code < 300:
                return self._finish(op, response, path)  # raises (or an ended stream's result)
            raw: Any = APIResponse(op, response, self._finish)
            return raw  # type: ignore[no-any-return]
        return self._finish(op, response, path)

    @staticmethod
    def _connection_error(exc: httpx.HTTPError, request: httpx.Request) -> APIError:
        """The SDK exception for an httpx failure, carrying the request as `.request`."""
        error = error_from_exception(exc, request)
        error.request = request
        return error


class _Verbatim:
    """A validated body in the place of a generated request model: `to_dict()` is the body."""

    __slots__ = ("body",)

    def __init__(self, body: dict[str, Any]) -> None:
        self.body = body

    def to_dict(self) -> dict[str, Any]:
        return self.body


def not_json(exc: Exception) -> ValidationError:
    """The error for a body httpx could not encode (nothing reaches it that validation let by)."""
    return ValidationError("params", f"cannot be sent as JSON ({type(exc).__name__}: {exc})")


class LoopBinding:
    """Sync clients have no event loop to be bound to."""

    __slots__ = ()

    def check(self, client: object) -> None:
        return None

    def foreign(self) -> bool:
        return False


class AsyncLoopBinding:
    """Remembers the event loop an async client first ran in; refuses any other.

    Its connections belong to that loop: used from a second `asyncio.run()`, httpx would
    fail with "Event loop is closed" (or hang) instead.
    """

    __slots__ = ("_loop",)

    def __init__(self) -> None:
        self._loop: weakref.ref[Any] | None = None

    def check(self, client: object) -> None:
        current = _running_loop()
        if current is None:
            return
        if self._loop is None:
            self._loop = weakref.ref(current)
            return
        if self.foreign():
            raise ClientStateError(
                f"this {type(client).__name__} was first used in another event loop, and its "
                "connections belong to that loop; create a client in each event loop "
                "(e.g. inside the coroutine given to asyncio.run())"
            )

    def foreign(self) -> bool:
        """Whether the client is bound to an event loop other than the running one."""
        return self._loop is not None and self._loop() is not _running_loop()


def _running_loop() -> Any:
    """The running asyncio loop (or trio's run token), None outside of one."""
    import asyncio

    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        pass
    trio = sys.modules.get("trio")
    if trio is not None:
        try:
            return trio.lowlevel.current_trio_token()
        except RuntimeError:
            return None
    return None
