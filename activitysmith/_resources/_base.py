"""The link from a resource to its client."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .._types import NOT_GIVEN, NotGiven

if TYPE_CHECKING:
    from .._base_client import Timeout
    from .._client import ActivitySmith, AsyncActivitySmith
    from .._operations import Operation


class SyncResource:
    def __init__(self, client: ActivitySmith) -> None:
        self._client = client

    def _call(
        self,
        op: Operation,
        params: Mapping[str, Any] | None,
        fields: Mapping[str, Any],
        *,
        path: Any = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Any:
        return self._client._request(op, path, params, fields, timeout, max_retries)


class AsyncResource:
    def __init__(self, client: AsyncActivitySmith) -> None:
        self._client = client

    async def _call(
        self,
        op: Operation,
        params: Mapping[str, Any] | None,
        fields: Mapping[str, Any],
        *,
        path: Any = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Any:
        return await self._client._request(op, path, params, fields, timeout, max_retries)
