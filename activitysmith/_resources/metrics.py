"""Lock Screen widget metrics."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from .._operations import METRIC_VALUE
from .._types import NOT_GIVEN, NotGiven
from ._base import AsyncResource, SyncResource

if TYPE_CHECKING:
    from .._base_client import Timeout
    from .._results import MetricValueResult


def _fields(value: float | str, timestamp: str | datetime | None) -> dict[str, Any]:
    return {"value": value} if timestamp is None else {"value": value, "timestamp": timestamp}


class Metrics(SyncResource):
    """`client.metrics`."""

    def update(
        self,
        key: str,
        value: float | str,
        timestamp: str | datetime | None = None,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> MetricValueResult:
        """Set a metric's latest value: a number, or a string shown as written (1-64 chars)."""
        return self._call(  # type: ignore[no-any-return]
            METRIC_VALUE,
            None,
            _fields(value, timestamp),
            path=key,
            timeout=timeout,
            max_retries=max_retries,
        )


class AsyncMetrics(AsyncResource):
    """`client.metrics` of `AsyncActivitySmith`."""

    async def update(
        self,
        key: str,
        value: float | str,
        timestamp: str | datetime | None = None,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> MetricValueResult:
        """Set a metric's latest value (see `ActivitySmith.metrics.update`)."""
        return await self._call(  # type: ignore[no-any-return]
            METRIC_VALUE,
            None,
            _fields(value, timestamp),
            path=key,
            timeout=timeout,
            max_retries=max_retries,
        )
