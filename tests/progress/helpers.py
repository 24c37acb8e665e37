"""Helpers for the progress()/track() and rate limiter tests."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from activitysmith.testing import ActivitySmithServer, RecordedRequest


def stream_calls(server: ActivitySmithServer, stream_key: str) -> list[RecordedRequest]:
    """The PUTs and DELETEs the server received for `stream_key`, oldest first."""
    path = f"/api/live-activity/stream/{stream_key}"
    return [r for r in server.requests if r.path == path]


def wait_until(condition: Callable[[], Any], timeout: float = 10.0) -> None:
    """Poll `condition` until it holds (for effects that land on another thread)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        time.sleep(0.01)


class FakeClock:
    """A monotonic clock that moves only when something sleeps on it."""

    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(round(seconds, 6))
        self.now += seconds

    async def async_sleep(self, seconds: float) -> None:
        self.sleep(seconds)
