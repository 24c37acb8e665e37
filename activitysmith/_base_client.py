"""What the sync and async clients share: settings, request preparation, result mapping.

Everything here is free of I/O; `ActivitySmith` and `AsyncActivitySmith` only send and close.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from functools import lru_cache
from typing import TYPE_CHECKING, Any, TypeVar

import httpx

from ._config import ClientConfig, configure_logging_from_env, mask_key, resolve_config
from ._errors import ValidationError
from ._operations import Operation, build_body
from ._ratelimit import RateLimit, rate_limiter_from
from ._responses import error_from_response, parse_result
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
        self._config = resolve_config(
            api_key=api_key,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            allow_insecure_http=allow_insecure_http,
        )
        if total_timeout is not None and total_timeout <= 0:
            raise ValidationError("total_timeout", "must be a positive number of seconds")
        self._total_timeout = total_timeout
        self._limiter = rate_limiter_from(rate_limit)
        configure_logging_from_env()

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
    ) -> dict[str, Any]:
        """Validate and build the keyword arguments of `httpx.Client.build_request`."""
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
        kwargs["extensions"] = extensions
        return kwargs

    @staticmethod
    def _finish(op: Operation[R], response: httpx.Response) -> R:
        """The result for a 2xx response; raises the mapped exception otherwise."""
        if 200 <= response.status_code < 300:
            return parse_result(op, response)
        raise error_from_response(response, op)
