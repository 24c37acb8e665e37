"""The exceptions the SDK raises: every failure a caller sees is one of these."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import httpx

    from ._ratelimit_headers import RateLimitState

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "ActivitySmithError",
    "AuthenticationError",
    "BadRequestError",
    "BillingError",
    "ClientStateError",
    "ConfigurationError",
    "ConflictError",
    "InternalServerError",
    "LiveActivityLimitError",
    "NoRecipientsError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "UnprocessableEntityError",
    "ValidationError",
]


def safe_repr(value: object) -> str:
    """A short description of a bad value for an error message: never a huge or failing repr."""
    if isinstance(value, bool) or value is None or isinstance(value, float):
        return repr(value)
    if isinstance(value, int):
        return repr(value) if value.bit_length() <= 64 else "a very large integer"
    if isinstance(value, str):
        return repr(value) if len(value) <= 40 else f"a string of {len(value)} characters"
    return f"a value of type {type(value).__name__}"


def _rebuild(cls: type[ActivitySmithError], args: tuple[Any, ...], state: dict[str, Any]) -> Any:
    """Unpickle an SDK exception: its class, its `args` and every attribute, without __init__."""
    error = cls.__new__(cls)
    error.args = args
    error.__dict__.update(state)
    return error


class ActivitySmithError(Exception):
    """Base class of every exception raised by the SDK.

    Every SDK exception pickles with its fields (for multiprocessing and
    `ProcessPoolExecutor`), whatever its constructor's signature.
    """

    def __reduce__(self) -> tuple[Any, ...]:
        return _rebuild, (type(self), self.args, dict(self.__dict__))


# --- raised before anything leaves the machine -------------------------------------------


class ConfigurationError(ActivitySmithError, ValueError):
    """The client was built with settings it cannot use (no API key, insecure base URL).

    `field` names the setting (`api_key`, `base_url`, `timeout`, ...) when there is one.
    """

    def __init__(self, message: str, *, field: str | None = None) -> None:
        self.field = field
        self.message = message
        super().__init__(message)


class ValidationError(ActivitySmithError, ValueError):
    """A request argument is invalid; `field` names it (dotted path, e.g. `content_state.percentage`)."""

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        self.message = message
        super().__init__(f"{field}: {message}" if field else message)


class ClientStateError(ActivitySmithError, RuntimeError):
    """The client cannot send in its state: it was closed, or (async) it is used from another
    event loop than the one it first ran in. Nothing was sent."""


# --- raised for a request that was sent ----------------------------------------------------


class APIError(ActivitySmithError):
    """A request was sent and did not succeed: the API answered an error or never answered."""

    status_code: int | None = None
    request: httpx.Request | None = None
    """The request as it was last sent (set by the client)."""
    response: httpx.Response | None = None
    """The HTTP response, when one arrived (set by the client; its body is already read)."""

    def __init__(self, message: str, *, method: str | None = None, url: str | None = None) -> None:
        self.message = message
        self.method = method
        self.url = url
        super().__init__(message)


class APIConnectionError(APIError):
    """The API could not be reached, or the connection failed before a full response arrived."""


class APITimeoutError(APIConnectionError):
    """The request timed out (connect, read, write, pool, or the total deadline)."""


class APIResponseValidationError(APIError):
    """The API answered, but its body cannot be read as the contract promises.

    It is not the JSON promised, cannot be decoded (bad UTF-8, lone surrogates, nesting
    deeper than the SDK reads, broken compression), or is larger than the client's
    `max_response_bytes`. `status_code` is what the API answered: a 2xx means the request
    was carried out (a push was delivered), so do not simply send it again.
    """

    def __init__(
        self,
        message: str,
        *,
        status_code: int,
        body: bytes,
        headers: Mapping[str, str],
        method: str | None = None,
        url: str | None = None,
    ) -> None:
        super().__init__(message, method=method, url=url)
        self.status_code = status_code
        self.body = body
        self.headers = dict(headers)


class APIStatusError(APIError):
    """The API answered with an error status (4xx or 5xx).

    `body` is the decoded JSON body (or the text of a non-JSON one); `detail` is that body
    parsed by the generated error model the spec declares for this operation and status
    (e.g. `BillingBlockedError`), or None when it does not parse. Typed fields such as
    `upgrade_url` or `limit` are read through `detail`.
    """

    status_code: int

    def __init__(
        self,
        message: str,
        *,
        status_code: int,
        error: str | None,
        body: Any,
        headers: Mapping[str, str],
        request_id: str | None = None,
        method: str | None = None,
        url: str | None = None,
        detail: Any = None,
    ) -> None:
        super().__init__(message, method=method, url=url)
        self.status_code = status_code
        self.error = error
        self.body = body
        self.headers = dict(headers)
        self.request_id = request_id
        self.detail = detail

    def _detail(self, name: str, kind: type) -> Any:
        """A field of `detail` (else of the raw JSON body) when it holds a value of `kind`
        (never a bool for int)."""
        value = getattr(self.detail, name, None)
        if value is None and isinstance(self.body, dict):
            value = self.body.get(name)
        if isinstance(value, bool) and kind is not bool:
            return None
        return value if isinstance(value, kind) else None

    @property
    def rate_limit(self) -> RateLimitState | None:
        """What the response's RateLimit headers say (`remaining`, `reset`, `limit`, `policy`),
        or None when it had none."""
        from ._ratelimit_headers import parse_rate_limit

        return parse_rate_limit(self.headers)

    def __str__(self) -> str:
        where = f" ({self.method} {self.url})" if self.method and self.url else ""
        return f"{self.status_code} {self.message}{where}"


class BadRequestError(APIStatusError):
    """400: the API rejected the payload, a path parameter or the channel targeting."""

    @property
    def code(self) -> str | None:
        """Machine-readable reason, when the API gives one (e.g. `invalid_tags`)."""
        value: str | None = self._detail("code", str)
        return value


class AuthenticationError(APIStatusError):
    """401: the API key is missing, wrong or revoked."""


class BillingError(APIStatusError):
    """402: the account's trial or billing cap blocks sending; see `upgrade_url`."""

    @property
    def upgrade_url(self) -> str | None:
        """Where to upgrade the plan, when the API says."""
        value: str | None = self._detail("upgrade_url", str)
        return value


class PermissionDeniedError(APIStatusError):
    """403: the key's scope does not cover these channels, or the activity is not yours."""


class NotFoundError(APIStatusError):
    """404: the stream, activity, notification or metric does not exist."""


class ConflictError(APIStatusError):
    """409: the notification is in a state in which it cannot be replaced."""


class UnprocessableEntityError(APIStatusError):
    """422: the request was understood but cannot be carried out."""


class NoRecipientsError(UnprocessableEntityError):
    """No device or user matched the targeting (422; older deployments answered 404)."""

    @property
    def effective_channel_slugs(self) -> list[str] | None:
        """The channel slugs the API resolved the targeting to."""
        value = self._detail("effective_channel_slugs", list)
        return [str(v) for v in value] if value is not None else None


class RateLimitError(APIStatusError):
    """429: too many requests; `retry_after` says how long to wait, when the API said."""

    def __init__(self, message: str, *, retry_after: float | None = None, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.retry_after = retry_after

    @property
    def code(self) -> str | None:
        """Machine-readable reason, e.g. `rate_limited`."""
        value: str | None = self._detail("code", str)
        return value

    @property
    def limit(self) -> int | None:
        """How many Live Activities may run at once (Live Activity limit only)."""
        value: int | None = self._detail("limit", int)
        return value

    @property
    def active(self) -> int | None:
        """How many Live Activities are running on the busiest targeted device."""
        value: int | None = self._detail("active", int)
        return value

    @property
    def blocked_devices(self) -> int | None:
        """Targeted devices that are at their limit, when capacity is mixed."""
        value: int | None = self._detail("blocked_devices", int)
        return value

    @property
    def targeted_devices(self) -> int | None:
        """Devices the request targeted, when capacity is mixed."""
        value: int | None = self._detail("targeted_devices", int)
        return value


class LiveActivityLimitError(RateLimitError):
    """429: the targeted devices already run the maximum number of Live Activities."""


class InternalServerError(APIStatusError):
    """5xx: ActivitySmith or a proxy in front of it failed."""
