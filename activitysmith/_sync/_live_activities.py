# Generated from activitysmith/_async/_live_activities.py by scripts/unasync.py; do not edit.
"""Live Activities: managed streams (stream / end_stream) and the manual start / update / end."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, Unpack

from .._call_forms import operation_alias
from .._generated.enum_names import LiveActivityTypeNames
from .._generated.helpers import alert_badge, alert_icon, metric
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
    from .._call_forms import RequestObject
    from .._generated.params import (
        LiveActivityEndKeywords,
        LiveActivityEndParams,
        LiveActivityStartKeywords,
        LiveActivityStartParams,
        LiveActivityStreamDeleteKeywords,
        LiveActivityStreamDeleteParams,
        LiveActivityStreamKeywords,
        LiveActivityStreamParams,
        LiveActivityUpdateKeywords,
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
    from .._tracking._progress import Progress
    from ._client import ActivitySmith
    from ._primitives import Items
    from ._tracker import Tracker

__all__ = ["LiveActivities"]

T = TypeVar("T")


class LiveActivities(LiveActivityTypeNames):
    """`client.live_activities`.

    Content-state fields may also be given at the top level (`stream("k", title="Import",
    type="progress", percentage=60)`): they go into `content_state`; the request's own
    fields (`metadata`, `tags`, `action`, ...) keep their meaning. `TYPE_METRICS` ...
    name the types, and `metric()`, `alert_icon()`, `alert_badge()` build nested values.
    """

    metric = staticmethod(metric)
    alert_icon = staticmethod(alert_icon)
    alert_badge = staticmethod(alert_badge)

    def __init__(self, client: ActivitySmith) -> None:
        self._client = client

    def stream(
        self,
        stream_key: str,
        request: LiveActivityStreamParams | Mapping[str, Any] | RequestObject | None = None,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        total_timeout: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str | None] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        **fields: Unpack[LiveActivityStreamKeywords],
    ) -> LiveActivityStreamPutResult:
        """Send the latest state for `stream_key`; ActivitySmith starts, updates or rotates it."""
        return self._client._call(
            RECONCILE_LIVE_ACTIVITY_STREAM,
            (stream_key,),
            request,
            fields,
            timeout,
            max_retries,
            total_timeout,
            extra_headers,
            extra_query,
            extra_body,
        )

    def end_stream(
        self,
        stream_key: str,
        request: LiveActivityStreamDeleteParams | Mapping[str, Any] | RequestObject | None = None,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        total_timeout: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str | None] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        **fields: Unpack[LiveActivityStreamDeleteKeywords],
    ) -> LiveActivityStreamDeleteResult:
        """End the stream's Live Activity (optionally with a final state); sends no body if given nothing."""
        return self._client._call(
            END_LIVE_ACTIVITY_STREAM,
            (stream_key,),
            request,
            fields,
            timeout,
            max_retries,
            total_timeout,
            extra_headers,
            extra_query,
            extra_body,
        )

    def start(
        self,
        request: LiveActivityStartParams | Mapping[str, Any] | RequestObject | None = None,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        total_timeout: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str | None] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        **fields: Unpack[LiveActivityStartKeywords],
    ) -> LiveActivityStartResult:
        """Start a Live Activity you manage yourself; keep `result.activity_id`."""
        return self._client._call(
            START_LIVE_ACTIVITY,
            (),
            request,
            fields,
            timeout,
            max_retries,
            total_timeout,
            extra_headers,
            extra_query,
            extra_body,
        )

    def update(
        self,
        request: LiveActivityUpdateParams | Mapping[str, Any] | RequestObject | None = None,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        total_timeout: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str | None] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        **fields: Unpack[LiveActivityUpdateKeywords],
    ) -> LiveActivityUpdateResult:
        """Update a started Live Activity by `activity_id`."""
        return self._client._call(
            UPDATE_LIVE_ACTIVITY,
            (),
            request,
            fields,
            timeout,
            max_retries,
            total_timeout,
            extra_headers,
            extra_query,
            extra_body,
        )

    def end(
        self,
        request: LiveActivityEndParams | Mapping[str, Any] | RequestObject | None = None,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        total_timeout: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str | None] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        **fields: Unpack[LiveActivityEndKeywords],
    ) -> LiveActivityEndResult:
        """End a started Live Activity by `activity_id` with its final state."""
        return self._client._call(
            END_LIVE_ACTIVITY,
            (),
            request,
            fields,
            timeout,
            max_retries,
            total_timeout,
            extra_headers,
            extra_query,
            extra_body,
        )

    def progress(
        self, iterable: Items[T], stream_key: str, **options: Unpack[ProgressOptions]
    ) -> Progress[T]:
        """Iterate `iterable` while a Live Activity shows how far along it is (like tqdm).

        `for row in client.live_activities.progress(rows, "reindex", title="Reindex"):`

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
        from .._tracking._progress import new_progress  # loaded on first use

        return new_progress(self._client, iterable, stream_key, options)

    def track(self, stream_key: str, **options: Unpack[TrackOptions]) -> Tracker:
        """A context manager whose Live Activity follows a block of work.

        `with client.live_activities.track("deploy", type="segmented_progress",
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
        from ._tracker import new_tracker  # loaded on first use: keeps `import` fast

        return new_tracker(self._client, stream_key, options)

    # The official package's generated-style names (OpenAPI-Generator's), for code written for it.
    reconcile_live_activity_stream = operation_alias(stream, RECONCILE_LIVE_ACTIVITY_STREAM)
    end_live_activity_stream = operation_alias(end_stream, END_LIVE_ACTIVITY_STREAM)
    start_live_activity = operation_alias(start, START_LIVE_ACTIVITY)
    update_live_activity = operation_alias(update, UPDATE_LIVE_ACTIVITY)
    end_live_activity = operation_alias(end, END_LIVE_ACTIVITY)
