"""Live Activities: managed streams (stream / end_stream) and the manual start / update / end."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, Unpack

from .._generated.operations import (
    END_LIVE_ACTIVITY,
    END_LIVE_ACTIVITY_STREAM,
    RECONCILE_LIVE_ACTIVITY_STREAM,
    START_LIVE_ACTIVITY,
    UPDATE_LIVE_ACTIVITY,
)
from .._types import NOT_GIVEN, NotGiven

if TYPE_CHECKING:
    from .._base_client import Timeout
    from .._generated.params import (
        LiveActivityEndParams,
        LiveActivityStartParams,
        LiveActivityStreamDeleteParams,
        LiveActivityStreamParams,
        LiveActivityUpdateParams,
    )
    from .._generated.results import (
        LiveActivityEndResult,
        LiveActivityStartResult,
        LiveActivityStreamDeleteResult,
        LiveActivityStreamPutResult,
        LiveActivityUpdateResult,
    )
    from .._tracking import ProgressOptions, TrackOptions
    from .._tracking._async_progress import AsyncProgress
    from ._client import AsyncActivitySmith
    from ._primitives import Items
    from ._tracker import AsyncTracker

__all__ = ["AsyncLiveActivities"]

T = TypeVar("T")


class AsyncLiveActivities:
    """`client.live_activities`."""

    def __init__(self, client: AsyncActivitySmith) -> None:
        self._client = client

    async def stream(
        self,
        stream_key: str,
        params: LiveActivityStreamParams | Mapping[str, Any] | None = None,
        /,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        total_timeout: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str | None] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        **fields: Unpack[LiveActivityStreamParams],
    ) -> LiveActivityStreamPutResult:
        """Send the latest state for `stream_key`; ActivitySmith starts, updates or rotates it."""
        return await self._client._request(
            RECONCILE_LIVE_ACTIVITY_STREAM, (stream_key,), params, fields, timeout, max_retries,
            total_timeout, extra_headers, extra_query, extra_body,
        )  # fmt: skip

    async def end_stream(
        self,
        stream_key: str,
        params: LiveActivityStreamDeleteParams | Mapping[str, Any] | None = None,
        /,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        total_timeout: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str | None] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        **fields: Unpack[LiveActivityStreamDeleteParams],
    ) -> LiveActivityStreamDeleteResult:
        """End the stream's Live Activity (optionally with a final state); sends no body if given nothing."""
        return await self._client._request(
            END_LIVE_ACTIVITY_STREAM, (stream_key,), params, fields, timeout, max_retries,
            total_timeout, extra_headers, extra_query, extra_body,
        )  # fmt: skip

    async def start(
        self,
        params: LiveActivityStartParams | Mapping[str, Any] | None = None,
        /,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        total_timeout: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str | None] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        **fields: Unpack[LiveActivityStartParams],
    ) -> LiveActivityStartResult:
        """Start a Live Activity you manage yourself; keep `result.activity_id`."""
        return await self._client._request(
            START_LIVE_ACTIVITY, (), params, fields, timeout, max_retries,
            total_timeout, extra_headers, extra_query, extra_body,
        )  # fmt: skip

    async def update(
        self,
        params: LiveActivityUpdateParams | Mapping[str, Any] | None = None,
        /,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        total_timeout: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str | None] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        **fields: Unpack[LiveActivityUpdateParams],
    ) -> LiveActivityUpdateResult:
        """Update a started Live Activity by `activity_id`."""
        return await self._client._request(
            UPDATE_LIVE_ACTIVITY, (), params, fields, timeout, max_retries,
            total_timeout, extra_headers, extra_query, extra_body,
        )  # fmt: skip

    async def end(
        self,
        params: LiveActivityEndParams | Mapping[str, Any] | None = None,
        /,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        total_timeout: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str | None] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        **fields: Unpack[LiveActivityEndParams],
    ) -> LiveActivityEndResult:
        """End a started Live Activity by `activity_id` with its final state."""
        return await self._client._request(
            END_LIVE_ACTIVITY, (), params, fields, timeout, max_retries,
            total_timeout, extra_headers, extra_query, extra_body,
        )  # fmt: skip

    def progress(
        self, iterable: Items[T], stream_key: str, **options: Unpack[ProgressOptions]
    ) -> AsyncProgress[T]:
        """Iterate `iterable` while a Live Activity shows how far along it is (like tqdm).

        `async for row in client.live_activities.progress(rows, "reindex", title="Reindex"):`

        Options: `title` (required); `total` (default `len(iterable)`; without one the
        Live Activity shows a running count); `steps` (a segmented_progress of that many
        segments instead of a bar); `unit` ("items"); `subtitle` (replaces the automatic
        "370 of 1,000 items · ~2m left"; also settable on the returned object); any other
        content-state field that is not drawn from the count (`color`, `icon`, `badge`,
        ...); the stream PUT's other fields (`channels` / `target`, `action`,
        `secondary_action`, `tags`, `metadata`); `min_interval` and `flush_timeout` as for
        `track()`.

        The loop never waits on the network: a background worker sends the latest count.
        Running out of items ends the Live Activity at 100%; `break` ends it where it
        stopped; an exception ends it red, with a FAILED badge and an alert, and propagates
        unchanged. Network failures are logged (logger "activitysmith"), never raised.
        """
        from .._tracking._async_progress import new_async_progress  # loaded on first use

        return new_async_progress(self._client, iterable, stream_key, options)

    def track(self, stream_key: str, **options: Unpack[TrackOptions]) -> AsyncTracker:
        """A context manager whose Live Activity follows a block of work.

        `async with client.live_activities.track("deploy", type="segmented_progress",
        title="Deploy", number_of_steps=3) as t: ... t.step()`

        `title` is required; `type` defaults to "progress" (starting at 0%); every other
        content-state field (`subtitle`, `percentage`, `number_of_steps`, `metrics`,
        `color`, ...) is the first state, and the stream PUT's other fields (`channels` /
        `target`, `action`, `secondary_action`, `tags`, `metadata`) go with every update.
        Then `t.update(...)`, `t.step()` and `t.metrics(...)` record the new state and
        return at once (never awaited). Leaving the block ends the stream with the latest
        state; an exception ends it red, with a FAILED badge and an alert, and propagates
        unchanged.

        `min_interval`: seconds between updates. The default (None) follows the API's
        limits: the first 12 updates may come every 10 s, later ones every 2 minutes, since
        iOS throttles Live Activities updated more often (short bursts that end are fine).
        Identical states are never sent; the final state always is, waiting at most
        `flush_timeout` seconds (default 10). Network failures are logged, never raised.
        """
        from ._tracker import new_async_tracker  # loaded on first use: keeps `import` fast

        return new_async_tracker(self._client, stream_key, options)
