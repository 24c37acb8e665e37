"""Lock Screen widget metrics."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any

from .._generated.operations import UPDATE_METRIC_VALUE
from .._types import NOT_GIVEN, NotGiven

if TYPE_CHECKING:
    from .._base_client import Timeout
    from .._generated.results import MetricValueUpdateResult
    from ._client import AsyncActivitySmith

__all__ = ["AsyncMetrics"]


class AsyncMetrics:
    """`client.metrics`."""

    def __init__(self, client: AsyncActivitySmith) -> None:
        self._client = client

    async def update(
        self,
        key: str,
        value: float | str,
        timestamp: str | datetime | None = None,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        total_timeout: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str | None] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> MetricValueUpdateResult:
        """Set a metric's latest value: a number, or a string shown as written (1-64 chars)."""
        fields: dict[str, Any] = {"value": value}
        if timestamp is not None:
            fields["timestamp"] = timestamp
        return await self._client._request(
            UPDATE_METRIC_VALUE, (key,), None, fields, timeout, max_retries,
            total_timeout, extra_headers, extra_query, extra_body,
        )  # fmt: skip
