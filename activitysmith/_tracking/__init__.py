"""Long jobs on the lock screen: `live_activities.progress()` and `live_activities.track()`.

- `_states`: what the Live Activity shows (pure);
- `_session`: when to send and what (pure coalescing and pacing);
- `_options`: the keyword arguments and their checks;
- `_sync` / `_async`: the background thread or task that sends.
"""

from __future__ import annotations

from collections.abc import AsyncIterable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from ._async import AsyncProgress, AsyncTracker, drain
from ._options import ProgressOptions, TrackOptions, TrackUpdate, plan_progress, plan_track
from ._session import DEFAULT_FLUSH_TIMEOUT
from ._sync import Progress, Tracker

if TYPE_CHECKING:
    from .._client import ActivitySmith, AsyncActivitySmith

__all__ = [
    "DEFAULT_FLUSH_TIMEOUT",
    "AsyncProgress",
    "AsyncTracker",
    "Progress",
    "ProgressOptions",
    "TrackOptions",
    "TrackUpdate",
    "Tracker",
    "drain",
    "new_async_progress",
    "new_async_tracker",
    "new_progress",
    "new_tracker",
]

T = TypeVar("T")


def new_progress(
    client: ActivitySmith, iterable: Iterable[T], stream_key: str, options: Mapping[str, Any]
) -> Progress[T]:
    plan, view = plan_progress(iterable, stream_key, options)
    return Progress(client, iterable, plan, view, options.get("subtitle"))


def new_async_progress(
    client: AsyncActivitySmith,
    iterable: Iterable[T] | AsyncIterable[T],
    stream_key: str,
    options: Mapping[str, Any],
) -> AsyncProgress[T]:
    plan, view = plan_progress(iterable, stream_key, options)
    return AsyncProgress(client, iterable, plan, view, options.get("subtitle"))


def new_tracker(client: ActivitySmith, stream_key: str, options: Mapping[str, Any]) -> Tracker:
    return Tracker(client, *plan_track(stream_key, options))


def new_async_tracker(
    client: AsyncActivitySmith, stream_key: str, options: Mapping[str, Any]
) -> AsyncTracker:
    return AsyncTracker(client, *plan_track(stream_key, options))
