"""Live Activities: managed streams (stream / end_stream) and the manual start / update / end."""

from __future__ import annotations

from collections.abc import AsyncIterable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar, Unpack

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
    from .._tracking import (
        AsyncProgress,
        AsyncTracker,
        Progress,
        ProgressOptions,
        Tracker,
        TrackOptions,
    )

T = TypeVar("T")


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

    def progress(
        self, iterable: Iterable[T], stream_key: str, **options: Unpack[ProgressOptions]
    ) -> Progress[T]:
        """Iterate `iterable` while a Live Activity shows how far along it is (like tqdm).

        `for row in client.live_activities.progress(rows, "reindex", title="Search reindex"):`

        Options: `title` (required); `total` (default `len(iterable)`; without one the
        Live Activity shows a running count); `steps` (a segmented_progress of that many
        segments instead of a bar); `unit` ("items"); `subtitle` (replaces the automatic
        "370 of 1,000 items · ~2m left"; also settable on the returned object); `color`,
        `icon`, `badge`; `channels` / `target`, `action`, `secondary_action`;
        `min_interval` and `flush_timeout` as for `track()`.

        The loop never waits on the network: a background worker sends the latest count.
        Running out of items ends the Live Activity at 100%; `break` ends it where it
        stopped; an exception ends it red, with a FAILED badge and an alert, and propagates
        unchanged. Network failures are logged (logger "activitysmith"), never raised.
        """
        from .._tracking import new_progress  # loaded on first use: keeps `import` fast

        return new_progress(self._client, iterable, stream_key, options)

    def track(self, stream_key: str, **options: Unpack[TrackOptions]) -> Tracker:
        """A context manager whose Live Activity follows a block of work.

        `with client.live_activities.track("deploy", type="segmented_progress",
        title="Deploy", number_of_steps=3) as t: ... t.step()`

        `title` is required; `type` defaults to "progress" (starting at 0%); other
        keywords are the first content state (`subtitle`, `percentage`, `number_of_steps`,
        `metrics`, `color`, ...) and `channels` / `target`, `action`, `secondary_action`.
        Then `t.update(...)`, `t.step()` and `t.metrics(...)` record the new state and
        return at once. Leaving the block ends the stream with the latest state; an
        exception ends it red, with a FAILED badge and an alert, and propagates unchanged.

        `min_interval`: seconds between updates. The default (None) follows the API's
        limits: the first 12 updates may come every 10 s, later ones every 2 minutes, since
        iOS throttles Live Activities updated more often (short bursts that end are fine).
        Identical states are never sent; the final state always is, waiting at most
        `flush_timeout` seconds (default 10). Network failures are logged, never raised.
        """
        from .._tracking import new_tracker  # loaded on first use: keeps `import` fast

        return new_tracker(self._client, stream_key, options)


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

    def progress(
        self,
        iterable: Iterable[T] | AsyncIterable[T],
        stream_key: str,
        **options: Unpack[ProgressOptions],
    ) -> AsyncProgress[T]:
        """`async for row in client.live_activities.progress(rows, "reindex", title=...)`.

        Wraps a sync or an async iterable; otherwise as `ActivitySmith.live_activities.progress`.
        """
        from .._tracking import new_async_progress  # loaded on first use: keeps `import` fast

        return new_async_progress(self._client, iterable, stream_key, options)

    def track(self, stream_key: str, **options: Unpack[TrackOptions]) -> AsyncTracker:
        """`async with client.live_activities.track("deploy", title=...) as t:`.

        As `ActivitySmith.live_activities.track`; `t.update()` and friends are not awaited.
        """
        from .._tracking import new_async_tracker  # loaded on first use: keeps `import` fast

        return new_async_tracker(self._client, stream_key, options)
