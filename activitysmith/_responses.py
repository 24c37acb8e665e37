"""Turning an httpx response into a result or an exception: pure, shared by sync and async.

This is the one place where foreign failures (httpx exceptions, undecodable bodies, models
that do not parse) become the SDK's own exceptions, and where what a server sent back is
scrubbed of the API key before any of it reaches a result, an exception or a log.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from http import HTTPStatus
from typing import TYPE_CHECKING, Any, TypeVar

import httpx

from . import _errors as errors
from ._decoding import Undecodable, loads
from ._operations import Operation
from ._retries import parse_retry_after

if TYPE_CHECKING:
    from ._results import ResponseInfo

R = TypeVar("R", bound="ResponseInfo")

__all__ = [
    "Answer",
    "error_from_exception",
    "error_from_response",
    "parse_result",
    "redirect_error",
    "unreadable",
]

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

_MASK = "ask_***"


def _secret(request: httpx.Request | None) -> str | None:
    """The API key this request carried (to scrub from what the server sent back)."""
    if request is None:
        return None
    credentials = request.headers.get("authorization", "")
    return credentials[7:] if credentials[:7].lower() == "bearer " and credentials[7:] else None


def scrub_text(text: str, secret: str | None) -> str:
    """`text` with every copy of the key replaced by `ask_***`."""
    return text.replace(secret, _MASK) if secret and secret in text else text


def _in_headers(secret: str, raw: bytes, headers: httpx.Headers) -> bool:
    """Whether a header value holds `secret`."""
    if secret.isascii():
        # Every encoding httpx decodes headers with keeps ASCII bytes as they are and makes
        # no ASCII out of other bytes: the raw bytes answer it without decoding each value.
        return any(raw in value for _, value in headers.raw)
    return any(secret in value for value in headers.values())


class Answer:
    """A response as the SDK reports it: body and headers scrubbed, JSON decoded (or why not)."""

    __slots__ = ("content", "headers", "json", "problem", "response", "secret")

    def __init__(self, response: httpx.Response) -> None:
        self.response = response
        self.secret = secret = _secret(_request_of(response))
        content = response.content
        headers: Mapping[str, str] = response.headers
        if secret:
            raw = secret.encode()
            if raw in content:
                content = content.replace(raw, _MASK.encode())
            if _in_headers(secret, raw, response.headers):
                headers = httpx.Headers(
                    [
                        (name, scrub_text(value, secret))
                        for name, value in response.headers.multi_items()
                    ]
                )
        self.content = content
        self.headers = headers
        self.problem: str | None = None
        self.json: Any = None
        if content:
            try:
                self.json = loads(content)
            except Undecodable as exc:
                self.problem = exc.reason
        else:
            self.problem = "it is empty"

    @property
    def text(self) -> str:
        """The body as text (undecodable bytes replaced)."""
        return self.content.decode("utf-8", "replace")

    def where(self) -> dict[str, Any]:
        request = _request_of(self.response)
        if request is None:
            return {}
        return {"method": request.method, "url": str(request.url.copy_with(query=None))}


def _request_of(response: httpx.Response) -> httpx.Request | None:
    try:
        return response.request
    except RuntimeError:  # a response built without one (tests)
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
    except Exception:  # untrusted data: any failure means it does not fit the model
        return None


def error_from_response(
    response: httpx.Response, op: Operation[Any] | None = None
) -> errors.APIStatusError:
    """The exception for an error status, whatever the body holds.

    Fields are read through the generated error model the spec declares for `op` and this
    status; a body that model cannot read is still reported, from its raw JSON.
    """
    answer = Answer(response)
    status = response.status_code
    body = answer.json if answer.problem is None else None
    if 300 <= status < 400:
        return redirect_error(response, answer)
    detail = _detail(op.binding.error_parser(status) if op is not None else None, body)
    source: Any = detail if detail is not None else body
    if isinstance(source, dict):
        error, message = source.get("error"), source.get("message")
    else:
        error, message = getattr(source, "error", None), getattr(source, "message", None)
    if not isinstance(message, str) or not message:
        message = error if isinstance(error, str) and error else None
    if message is None:
        kind = answer.headers.get("content-type", "no content type").split(";")[0]
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
        "body": body if body is not None else answer.text,
        "headers": answer.headers,
        "request_id": answer.headers.get("x-request-id") or answer.headers.get("request-id"),
        "detail": detail,
        **answer.where(),
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
            message, retry_after=parse_retry_after(answer.headers.get("retry-after")), **kwargs
        )
    return cls(message, **kwargs)


def redirect_error(response: httpx.Response, answer: Answer | None = None) -> errors.APIStatusError:
    """A 3xx: the SDK never follows redirects for API calls (a push must go exactly once)."""
    answer = answer or Answer(response)
    status = response.status_code
    location = answer.headers.get("location")
    to = f" to {scrub_text(location, answer.secret)[:200]}" if location else ""
    message = (
        f"{_reason(status)}: the API answered with a redirect (HTTP {status}){to}, which the "
        "SDK never follows; check base_url"
    )
    return errors.APIStatusError(
        message,
        status_code=status,
        error=None,
        body=answer.json if answer.problem is None else answer.text,
        headers=answer.headers,
        request_id=answer.headers.get("x-request-id"),
        **answer.where(),
    )


def unreadable(
    response: httpx.Response, request: httpx.Request, reason: str, head: bytes = b""
) -> errors.APIResponseValidationError:
    """The error for an answer the bounded reader stopped reading (too large, broken encoding)."""
    secret = _secret(request)
    if secret:
        head = head.replace(secret.encode(), _MASK.encode())
    status = response.status_code
    return errors.APIResponseValidationError(
        f"ActivitySmith answered {status} but {reason}",
        status_code=status,
        body=head,
        headers=response.headers,
        method=request.method,
        url=str(request.url.copy_with(query=None)),
    )


def parse_result(op: Operation[R], response: httpx.Response) -> R:
    """The typed result of a 2xx response, or APIResponseValidationError if it does not parse."""
    answer = Answer(response)

    def invalid(reason: str) -> errors.APIResponseValidationError:
        return errors.APIResponseValidationError(
            f"ActivitySmith answered {response.status_code} but {reason}",
            status_code=response.status_code,
            body=answer.content,
            headers=answer.headers,
            **answer.where(),
        )

    parse = op.binding.parse
    if parse is None:
        raise TypeError(f"{op.operation_id} answers no JSON body; call it through low_level")
    if answer.problem is not None:
        raise invalid(f"the body cannot be read: {answer.problem}")
    body = answer.json
    if not isinstance(body, dict):
        raise invalid("the body is not a JSON object")
    try:
        result = parse(body)
    except Exception as exc:  # untrusted data: any failure means it breaks the contract
        reason = scrub_text(str(exc), answer.secret)[:300]
        raise invalid(
            f"the body does not match the contract ({type(exc).__name__}: {reason})"
        ) from None
    result._http = (response.status_code, answer.headers)
    return result


def ended_before(op: Operation[R], response: httpx.Response, path: tuple[Any, ...]) -> R:
    """The result of an end whose first attempt was carried out but answered with a failure,
    so that its retry found nothing left to end (a 404): the end succeeded."""
    assert op.binding.parse is not None
    body = {
        "success": True,
        "operation": "ended",
        **dict(zip(op.path_params, (str(value) for value in path), strict=True)),
        "timestamp": datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z"),
        "activity_id": None,
        "message": "Ended by an earlier attempt whose answer was lost; the retry found it ended.",
    }
    result = op.binding.parse(body)
    result._http = (response.status_code, Answer(response).headers)
    return result


def error_from_exception(exc: httpx.HTTPError, request: httpx.Request | None) -> errors.APIError:
    """The SDK exception for an httpx failure (no response, or a broken one)."""
    method = request.method if request is not None else None
    url = str(request.url.copy_with(query=None)) if request is not None else None
    secret = _secret(request)
    text = scrub_text(str(exc), secret)
    if isinstance(exc, httpx.TimeoutException):
        return errors.APITimeoutError(
            f"Request timed out: {text or type(exc).__name__}", method=method, url=url
        )
    if isinstance(exc, httpx.DecodingError):
        return errors.APIConnectionError(
            f"The answer could not be decoded: {text}", method=method, url=url
        )
    return errors.APIConnectionError(
        f"Connection failed: {type(exc).__name__}: {text}", method=method, url=url
    )
