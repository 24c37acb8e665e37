# Generated from activitysmith/_async/_metrics.py by scripts/unasync.py; do not edit.
"""Lock Screen widget metrics."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any

from .._call_forms import is_request, operation_alias
from .._generated.operations import UPDATE_METRIC_VALUE
from .._types import NOT_GIVEN, NotGiven

if TYPE_CHECKING:
    from .._base_client import Timeout
    from .._call_forms import RequestObject
    from .._generated.params import MetricValueUpdateParams
    from .._generated.results import MetricValueUpdateResult
    from ._client import ActivitySmith

__all__ = ["Metrics"]


class Metrics:
    """`client.metrics`."""

    def __init__(self, client: ActivitySmith) -> None:
        self._client = client

    def update(
        self,
        key: str,
        value_or_request: float | str | MetricValueUpdateParams | Mapping[str, Any] | RequestObject,
        timestamp: str | datetime | None = None,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        total_timeout: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str | None] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> MetricValueUpdateResult:
        """Set a metric's latest value: a number, or a string shown as written (1-64 chars).

        The whole request as a dict works too (`{"value": 42, "timestamp": ...}`); a
        `timestamp` argument wins over the dict's.
        """
        fields: dict[str, Any] = {}
        # A bare value goes in as a dict, not a keyword: a None value is refused, not dropped.
        request: Any = (
            value_or_request if is_request(value_or_request) else {"value": value_or_request}
        )
        if timestamp is not None:
            fields["timestamp"] = timestamp
        return self._client._call(
            UPDATE_METRIC_VALUE,
            (key,),
            request,
            fields,
            timeout,
            max_retries,
            total_timeout,
            extra_headers,
            extra_query,
            extra_body,
        )

    # The official package's generated-style name (OpenAPI-Generator's), for code written for it.
    update_metric_value = operation_alias(update, UPDATE_METRIC_VALUE)
