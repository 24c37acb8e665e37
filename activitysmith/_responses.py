"""Turning an httpx response into a result or an exception: pure, shared by sync and async.

This is the one place where foreign failures (httpx exceptions, undecodable bodies, models
that do not parse) become the SDK's own exceptions.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from http import HTTPStatus
from typing import TYPE_CHECKING, Any, TypeVar

import httpx

from . import _errors as errors
from ._operations import Operation
from ._retries import parse_retry_after

if TYPE_CHECKING:
    from ._results import ResponseInfo

R = TypeVar("R", bound="ResponseInfo")

__all__ = ["error_from_exception", "error_from_response", "parse_result"]

_STATUS_ERRORS: dict[int, type[errors.APIStatusError]] = {
    400: errors.BadRequestError,
    401: errors.AuthenticationError,
    402: errors.BillingError,
    403: errors.PermissionDeniedError,
    404: errors.NotFoundError,
    409: errors.ConflictError,
    422: errors.UnprocessableEntityError,
    429: errors.RateLimitError,
}


def _json_body(response: httpx.Response) -> Any:
    """The decoded JSON body, or None when the body is not JSON."""
    try:
        return json.loads(response.content)
    except (ValueError, UnicodeDecodeError):
        return None


def _is_no_recipients(body: Any) -> bool:
    return (
        isinstance(body, dict)
        and "code" not in body
        and ("effective_channel_slugs" in body or body.get("error") == "No recipients found")
    )


def _reason(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Unknown status (often a proxy or CDN error)"


def _detail(parse: Callable[[Mapping[str, Any]], Any] | None, body: Any) -> Any:
    """`body` parsed by the declared error model, or None when there is none or it does not fit."""
    if parse is None or not isinstance(body, dict):
        return None
    try:
        return parse(body)
    except (KeyError, ValueError, TypeError, AttributeError):
        return None


def error_from_response(
    response: httpx.Response, op: Operation[Any] | None = None
) -> errors.APIStatusError:
    """The exception for an error status, whatever the body holds.

    Fields are read through the generated error model the spec declares for `op` and this
    status; a body that model cannot read is still reported, from its raw JSON.
    """
    status = response.status_code
    body = _json_body(response)
    detail = _detail(op.binding.error_parser(status) if op is not None else None, body)
    source: Any = detail if detail is not None else body
    if isinstance(source, dict):
        error, message = source.get("error"), source.get("message")
    else:
        error, message = getattr(source, "error", None), getattr(source, "message", None)
    if not isinstance(message, str) or not message:
        message = error if isinstance(error, str) and error else None
    if message is None:
        kind = response.headers.get("content-type", "no content type").split(";")[0]
        message = f"{_reason(status)} (HTTP {status}, non-JSON {kind} body)"
        if isinstance(body, dict | list):
            message = f"{_reason(status)} (HTTP {status})"
    cls = _STATUS_ERRORS.get(status)
    if cls is None:
        cls = errors.InternalServerError if status >= 500 else errors.APIStatusError
    if status in (404, 422) and _is_no_recipients(body):
        cls = errors.NoRecipientsError
    kwargs: dict[str, Any] = {
        "status_code": status,
        "error": error if isinstance(error, str) else None,
        "body": body if body is not None else response.content.decode("utf-8", "replace"),
        "headers": response.headers,
        "request_id": response.headers.get("x-request-id") or response.headers.get("request-id"),
        "method": response.request.method,
        "url": str(response.request.url.copy_with(query=None)),
        "detail": detail,
    }
    if status == 429:
        # The two 429 bodies differ by `limit`: the concurrent Live Activity limit has it.
        limit = body.get("limit") if isinstance(body, dict) else None
        limit_cls = (
            errors.LiveActivityLimitError
            if isinstance(limit, int) and not isinstance(limit, bool)
            else errors.RateLimitError
        )
        return limit_cls(
            message, retry_after=parse_retry_after(response.headers.get("retry-after")), **kwargs
        )
    return cls(message, **kwargs)


def parse_result(op: Operation[R], response: httpx.Response) -> R:
    """The typed result of a 2xx response, or APIResponseValidationError if it does not parse."""

    def invalid(reason: str) -> errors.APIResponseValidationError:
        return errors.APIResponseValidationError(
            f"ActivitySmith answered {response.status_code} but {reason}",
            status_code=response.status_code,
            body=response.content,
            headers=response.headers,
            method=response.request.method,
            url=str(response.request.url),
        )

    parse = op.binding.parse
    if parse is None:
        raise TypeError(f"{op.operation_id} answers no JSON body; call it through low_level")
    body = _json_body(response)
    if not isinstance(body, dict):
        raise invalid("the body is not a JSON object")
    try:
        result = parse(body)
    except (KeyError, ValueError, TypeError, AttributeError) as exc:
        raise invalid(
            f"the body does not match the contract ({type(exc).__name__}: {exc})"
        ) from None
    result._http = (response.status_code, response.headers)
    return result


def error_from_exception(exc: httpx.HTTPError, request: httpx.Request | None) -> errors.APIError:
    """The SDK exception for an httpx failure (no response, or a broken one)."""
    method = request.method if request is not None else None
    url = str(request.url) if request is not None else None
    if isinstance(exc, httpx.TimeoutException):
        return errors.APITimeoutError(
            f"Request timed out: {exc or type(exc).__name__}", method=method, url=url
        )
    return errors.APIConnectionError(
        f"Connection failed: {type(exc).__name__}: {exc}", method=method, url=url
    )
