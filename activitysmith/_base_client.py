"""What the sync and async clients share: settings, request preparation, result mapping.

Everything here is free of I/O; `ActivitySmith` and `AsyncActivitySmith` only send and close.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Self, TypeVar

import httpx

from ._config import ClientConfig, configure_logging_from_env, mask_key, resolve_config
from ._errors import APIError, APIResponseValidationError, ValidationError
from ._operations import Operation, build_body
from ._ratelimit import RateLimit, rate_limiter_from
from ._request_options import EXT_EXPLICIT_HEADERS, apply_extras
from ._responses import error_from_exception, error_from_response, parse_result
from ._transport import EXT_DEADLINE, EXT_MAX_RETRIES, EXT_OPERATION
from ._types import NOT_GIVEN, NotGiven

if TYPE_CHECKING:
    from ._results import ResponseInfo

__all__ = ["BaseClient", "Timeout"]

Timeout = float | httpx.Timeout | None
R = TypeVar("R", bound="ResponseInfo")

_JSON_CONTENT_TYPE = {"Content-Type": "application/json"}


@lru_cache(maxsize=256)
def _parsed_url(url: str) -> httpx.URL:
    """`url` parsed once (httpx.URL is immutable, so requests can share it)."""
    return httpx.URL(url)


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
        total_timeout: float | None,
        default_headers: Mapping[str, str] | None,
        allow_insecure_http: bool,
        rate_limit: RateLimit | NotGiven = NOT_GIVEN,
    ) -> None:
        self._settings: dict[str, Any] = {
            "api_key": api_key,
            "base_url": base_url,
            "timeout": timeout,
            "max_retries": max_retries,
            "total_timeout": total_timeout,
            "default_headers": dict(default_headers or {}),
            "allow_insecure_http": allow_insecure_http,
        }
        self._config = resolve_config(
            api_key=api_key,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            allow_insecure_http=allow_insecure_http,
        )
        self._settings["api_key"] = self._config.api_key
        self._settings["base_url"] = self._config.base_url
        if total_timeout is not None and total_timeout <= 0:
            raise ValidationError("total_timeout", "must be a positive number of seconds")
        self._total_timeout = total_timeout
        self._limiter = rate_limiter_from(rate_limit)
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
    def max_retries(self) -> int:
        """How many times a failed request that is safe to repeat is retried."""
        return self._config.retry.max_retries

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
        op.check_path(*path)
        body = build_body(op, params, fields)
        binding = op.binding
        call: dict[str, Any] = {}
        if body is not None:
            try:
                call["body"] = binding.request_model.from_dict(body)
            except (KeyError, ValueError, TypeError, OverflowError) as exc:
                raise ValidationError("", f"invalid request: {exc}") from None
        kwargs: dict[str, Any] = binding.get_kwargs(*path, **call)
        # No body: no Content-Type. A JSON body: httpx sets this very Content-Type for `json=`,
        # and passing it again costs a header merge on every request.
        if "json" not in kwargs or kwargs.get("headers") == _JSON_CONTENT_TYPE:
            kwargs.pop("headers", None)
        # An absolute, already parsed URL spares httpx parsing and merging it on every request
        # (a tenth of a call); programs repeat a few URLs (one per stream or metric key).
        kwargs["url"] = _parsed_url(self._config.base_url + kwargs["url"])
        if not isinstance(timeout, NotGiven):
            kwargs["timeout"] = timeout
        extensions: dict[str, Any] = {EXT_OPERATION: op}
        if not isinstance(max_retries, NotGiven):
            if isinstance(max_retries, bool) or not isinstance(max_retries, int) or max_retries < 0:
                raise ValidationError("max_retries", "must be an integer >= 0")
            extensions[EXT_MAX_RETRIES] = max_retries
        total = self._total_timeout if isinstance(total_timeout, NotGiven) else total_timeout
        if total is not None:
            extensions[EXT_DEADLINE] = time.monotonic() + total
        if self._explicit_headers:
            extensions[EXT_EXPLICIT_HEADERS] = self._explicit_headers
        kwargs["extensions"] = extensions
        removed: tuple[str, ...] = ()
        if extra_headers is not None or extra_query is not None or extra_body is not None:
            removed = apply_extras(kwargs, extra_headers, extra_query, extra_body)
        return kwargs, removed

    @staticmethod
    def _finish(op: Operation[R], response: httpx.Response) -> R:
        """The result for a 2xx response; raises the mapped exception otherwise.

        The exception carries the response and the request as `.response` and `.request`.
        """
        if 200 <= response.status_code < 300:
            try:
                return parse_result(op, response)
            except APIResponseValidationError as exc:
                exc.response, exc.request = response, response.request
                raise
        error = error_from_response(response, op)
        error.response, error.request = response, response.request
        raise error

    def _result(self, op: Operation[R], response: httpx.Response) -> R:
        """`_finish`, or the raw response when this is the `with_raw_response` view."""
        if self._raw_response:
            from ._raw_response import APIResponse

            if not 200 <= response.status_code < 300:
                self._finish(op, response)  # raises
            raw: Any = APIResponse(op, response, self._finish)
            return raw  # type: ignore[no-any-return]
        return self._finish(op, response)

    @staticmethod
    def _connection_error(exc: httpx.HTTPError, request: httpx.Request) -> APIError:
        """The SDK exception for an httpx failure, carrying the request as `.request`."""
        error = error_from_exception(exc, request)
        error.request = request
        return error
