"""What the API answers: a status, a JSON body and extra headers, and the error that carries one."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Reply:
    """A JSON answer before it is written to the wire."""

    status: int
    body: Mapping[str, Any]
    headers: Mapping[str, str] = field(default_factory=dict)


class ApiError(Exception):
    """Raised by the service to answer with an error body instead of a success."""

    def __init__(
        self,
        status: int,
        error: str,
        message: str | None,
        *,
        headers: Mapping[str, str] | None = None,
        **extra: Any,
    ) -> None:
        super().__init__(f"{status} {error}: {message}")
        body: dict[str, Any] = {"error": error}
        if message is not None:
            body["message"] = message
        body.update(extra)
        self.reply = Reply(status, body, dict(headers or {}))


def bad_request(message: str, error: str = "Invalid request") -> ApiError:
    """A 400 in the BadRequestError shape."""
    return ApiError(400, error, message)
