"""`client.with_raw_response`: the HTTP response of a call, parsed to its result on demand."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any, Generic, ParamSpec, TypeVar, cast

if TYPE_CHECKING:
    import httpx

    from ._operations import Operation
    from ._results import ResponseInfo

__all__ = ["APIResponse", "async_to_raw_response_wrapper", "to_raw_response_wrapper"]

R = TypeVar("R", bound="ResponseInfo")
P = ParamSpec("P")


class APIResponse(Generic[R]):
    """What a `client.with_raw_response.<resource>.<method>(...)` call returns.

    The status, headers and exact bytes of the API's 2xx answer; `parse()` gives the typed
    result the plain call returns. Error statuses still raise, as in a plain call (the
    exception's `.response` holds the response).
    """

    __slots__ = ("_op", "_parse", "_parsed", "http_response")

    def __init__(
        self,
        op: Operation[R],
        response: httpx.Response,
        parse: Callable[[Operation[R], httpx.Response], R],
    ) -> None:
        self._op = op
        self._parse = parse
        self._parsed: R | None = None
        self.http_response = response
        """The `httpx.Response` itself (already read)."""

    @property
    def status_code(self) -> int:
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        return self.http_response.headers

    @property
    def content(self) -> bytes:
        """The body exactly as it arrived (decompressed)."""
        return self.http_response.content

    @property
    def text(self) -> str:
        return self.http_response.text

    @property
    def request(self) -> httpx.Request:
        """The request as it was sent (the last attempt, when it was retried)."""
        return self.http_response.request

    @property
    def url(self) -> httpx.URL:
        return self.http_response.request.url

    @property
    def method(self) -> str:
        return self.http_response.request.method

    @property
    def request_id(self) -> str | None:
        headers = self.http_response.headers
        value: str | None = headers.get("x-request-id") or headers.get("request-id")
        return value

    def json(self) -> Any:
        """The body decoded as JSON, untyped."""
        return json.loads(self.http_response.content)

    def parse(self) -> R:
        """The typed result (the same object a plain call returns); parsed once."""
        if self._parsed is None:
            self._parsed = self._parse(self._op, self.http_response)
        return self._parsed

    def __repr__(self) -> str:
        return (
            f"<APIResponse [{self.status_code}] {self.method} {self.url.copy_with(query=None)} "
            f"-> {self._op.operation_id}>"
        )


# A method of the raw-response view already answers an APIResponse at run time (its client
# builds one instead of the result); these only tell the type checker so, keeping the
# method's exact parameters.


def to_raw_response_wrapper(method: Callable[P, R]) -> Callable[P, APIResponse[R]]:
    """`method`, of a raw-response view, typed as returning `APIResponse[result]`."""
    return cast("Callable[P, APIResponse[R]]", method)


def async_to_raw_response_wrapper(
    method: Callable[P, Awaitable[R]],
) -> Callable[P, Awaitable[APIResponse[R]]]:
    """`to_raw_response_wrapper` for coroutine methods."""
    return cast("Callable[P, Awaitable[APIResponse[R]]]", method)
