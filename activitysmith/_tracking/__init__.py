"""Long jobs on the lock screen: `live_activities.progress()` and `live_activities.track()`.

- `_states`: what the Live Activity shows (pure);
- `_session`: when to send and what (pure coalescing and pacing);
- `_options`: the keyword arguments (their fields come from the spec) and their checks;
- `_progress` / `_async_progress`: the iterable wrappers;
- the trackers and the worker that sends live in `activitysmith/_async/_tracker.py` and
  its generated sync form.
"""

from __future__ import annotations

from ._options import ProgressOptions, TrackOptions, TrackUpdate
from ._session import DEFAULT_FLUSH_TIMEOUT

__all__ = ["DEFAULT_FLUSH_TIMEOUT", "ProgressOptions", "TrackOptions", "TrackUpdate"]
