"""Typed results: the generated response models, plus the HTTP details of the call.

The result class of each operation is generated (`_generated/results.py`) as a subclass
of its generated response model and of `ResponseInfo`. So each result *is* its model
(attribute access, `to_dict()`, `to_json()`, unknown fields kept in `additional_properties` and
readable as `result["field"]`), extended with `http_status`, `headers`, `request_id` and
`rate_limit`. Fields the API left out are `UNSET` (falsy), as in the generated layer;
`result.get("field")` gives None instead.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from activitysmith_client.types import Unset

if TYPE_CHECKING:
    from ._ratelimit_headers import RateLimitState

__all__ = ["ResponseInfo"]


class ResponseInfo:
    """HTTP details shared by every result."""

    __slots__ = ()
    _http: tuple[int, Mapping[str, str]]

    @property
    def http_status(self) -> int:
        """The HTTP status code (200)."""
        return self._http[0]

    @property
    def headers(self) -> Mapping[str, str]:
        """The response headers (lower-case names)."""
        return self._http[1]

    @property
    def request_id(self) -> str | None:
        """The server's request id header, when it sent one (quote it to support)."""
        headers = self._http[1]
        return headers.get("x-request-id") or headers.get("request-id")

    @property
    def rate_limit(self) -> RateLimitState | None:
        """What the response's RateLimit headers say (`remaining`, `reset`, `limit`, `policy`),
        or None when it had none."""
        from ._ratelimit_headers import parse_rate_limit

        return parse_rate_limit(self._http[1])

    def __repr__(self) -> str:
        fields = ", ".join(f"{k}={v!r}" for k, v in self.to_dict().items())  # type: ignore[attr-defined]
        return f"{type(self).__name__}({fields})"

    def to_json(self, *, indent: int | None = 2) -> str:
        """The result as JSON text with the API's field names (new fields included)."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)  # type: ignore[attr-defined]

    def get(self, name: str, default: Any = None) -> Any:
        """A field by its JSON name, known or new; `default` when the API left it out."""
        value = getattr(self, name, None) if not name.startswith("_") else None
        if value is None or isinstance(value, Unset):
            additional = getattr(self, "additional_properties", {})
            return additional.get(name, default) if name in additional else default
        return value
