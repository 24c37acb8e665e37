"""Live Activities: managed streams (stream / end_stream) and the manual start / update / end."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Unpack

from .._operations import END, END_STREAM, START, STREAM, UPDATE
from .._types import NOT_GIVEN, NotGiven
from ._base import AsyncResource, SyncResource

if TYPE_CHECKING:
    from .._base_client import Timeout
    from .._params import (
        LiveActivityEndParams,
        LiveActivityStartParams,
        LiveActivityUpdateParams,
        StreamEndParams,
        StreamParams,
    )
    from .._results import (
        LiveActivityEndResult,
        LiveActivityStartResult,
        LiveActivityUpdateResult,
        StreamEndResult,
        StreamResult,
    )


class LiveActivities(SyncResource):
    """`client.live_activities`."""

    def stream(
        self,
        stream_key: str,
        params: StreamParams | Mapping[str, Any] | None = None,
        /,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        **fields: Unpack[StreamParams],
    ) -> StreamResult:
        """Send the latest state for `stream_key`; ActivitySmith starts, updates or rotates it."""
        return self._call(  # type: ignore[no-any-return]
            STREAM, params, fields, path=stream_key, timeout=timeout, max_retries=max_retries
        )

    def end_stream(
        self,
        stream_key: str,
        params: StreamEndParams | Mapping[str, Any] | None = None,
        /,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        **fields: Unpack[StreamEndParams],
    ) -> StreamEndResult:
        """End the stream's Live Activity (optionally with a final state); sends no body if given nothing."""
        return self._call(  # type: ignore[no-any-return]
            END_STREAM, params, fields, path=stream_key, timeout=timeout, max_retries=max_retries
        )

    def start(
        self,
        params: LiveActivityStartParams | Mapping[str, Any] | None = None,
        /,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        **fields: Unpack[LiveActivityStartParams],
    ) -> LiveActivityStartResult:
        """Start a Live Activity you manage yourself; keep `result.activity_id`."""
        return self._call(START, params, fields, timeout=timeout, max_retries=max_retries)  # type: ignore[no-any-return]

    def update(
        self,
        params: LiveActivityUpdateParams | Mapping[str, Any] | None = None,
        /,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        **fields: Unpack[LiveActivityUpdateParams],
    ) -> LiveActivityUpdateResult:
        """Update a started Live Activity by `activity_id`."""
        return self._call(UPDATE, params, fields, timeout=timeout, max_retries=max_retries)  # type: ignore[no-any-return]

    def end(
        self,
        params: LiveActivityEndParams | Mapping[str, Any] | None = None,
        /,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        **fields: Unpack[LiveActivityEndParams],
    ) -> LiveActivityEndResult:
        """End a started Live Activity by `activity_id` with its final state."""
        return self._call(END, params, fields, timeout=timeout, max_retries=max_retries)  # type: ignore[no-any-return]


class AsyncLiveActivities(AsyncResource):
    """`client.live_activities` of `AsyncActivitySmith`."""

    async def stream(
        self,
        stream_key: str,
        params: StreamParams | Mapping[str, Any] | None = None,
        /,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        **fields: Unpack[StreamParams],
    ) -> StreamResult:
        """Send the latest state for `stream_key` (see `ActivitySmith.live_activities.stream`)."""
        return await self._call(  # type: ignore[no-any-return]
            STREAM, params, fields, path=stream_key, timeout=timeout, max_retries=max_retries
        )

    async def end_stream(
        self,
        stream_key: str,
        params: StreamEndParams | Mapping[str, Any] | None = None,
        /,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        **fields: Unpack[StreamEndParams],
    ) -> StreamEndResult:
        """End the stream's Live Activity (see `ActivitySmith.live_activities.end_stream`)."""
        return await self._call(  # type: ignore[no-any-return]
            END_STREAM, params, fields, path=stream_key, timeout=timeout, max_retries=max_retries
        )

    async def start(
        self,
        params: LiveActivityStartParams | Mapping[str, Any] | None = None,
        /,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        **fields: Unpack[LiveActivityStartParams],
    ) -> LiveActivityStartResult:
        """Start a Live Activity you manage yourself."""
        return await self._call(  # type: ignore[no-any-return]
            START, params, fields, timeout=timeout, max_retries=max_retries
        )

    async def update(
        self,
        params: LiveActivityUpdateParams | Mapping[str, Any] | None = None,
        /,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        **fields: Unpack[LiveActivityUpdateParams],
    ) -> LiveActivityUpdateResult:
        """Update a started Live Activity by `activity_id`."""
        return await self._call(  # type: ignore[no-any-return]
            UPDATE, params, fields, timeout=timeout, max_retries=max_retries
        )

    async def end(
        self,
        params: LiveActivityEndParams | Mapping[str, Any] | None = None,
        /,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        **fields: Unpack[LiveActivityEndParams],
    ) -> LiveActivityEndResult:
        """End a started Live Activity by `activity_id`."""
        return await self._call(  # type: ignore[no-any-return]
            END, params, fields, timeout=timeout, max_retries=max_retries
        )
