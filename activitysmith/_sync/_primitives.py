"""How the sync trackers wait and run in the background: threads (hand-written).

The tracker in `_tracker.py` (generated from `_async/_tracker.py`) uses these names;
`_async/_primitives.py` gives the same names for asyncio.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from types import TracebackType
from typing import TypeAlias, TypeVar

__all__ = ["Cancelled", "Items", "Runner", "Signal", "uncancel"]

T = TypeVar("T")
Items: TypeAlias = Iterable[T]
"""What `progress()` can wrap: any iterable."""


class Cancelled(BaseException):
    """Threads are never cancelled: nothing raises this."""


def uncancel() -> None:
    """Nothing to undo for a thread."""


class Signal:
    """Wakes a waiting worker thread: a lock and a condition on it (`with signal:` holds it)."""

    def __init__(self) -> None:
        self._condition = threading.Condition()

    def __enter__(self) -> None:
        self._condition.acquire()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._condition.release()

    def notify(self) -> None:
        """Wake the worker (call with the lock held)."""
        self._condition.notify()

    def wait(self, timeout: float) -> None:
        """Sleep until notified or `timeout` seconds pass (call with the lock held)."""
        self._condition.wait(timeout)


class Runner:
    """Runs one function in a daemon thread."""

    def __init__(self, name: str) -> None:
        self._name = name
        self._thread: threading.Thread | None = None

    @property
    def started(self) -> bool:
        return self._thread is not None

    def start(self, target: Callable[[], None], on_done: Callable[[], None]) -> None:
        def run() -> None:
            try:
                target()
            finally:
                on_done()

        self._thread = threading.Thread(target=run, name=self._name, daemon=True)
        self._thread.start()

    def join(self, timeout: float) -> None:
        """Wait until the thread ends or `timeout` passes (never from the thread itself)."""
        thread = self._thread
        if thread is None or thread is threading.current_thread():
            return
        thread.join(timeout)

    def call_soon(self, callback: Callable[[], object]) -> None:
        """Run `callback` now: the tracker's lock makes it safe from any thread."""
        callback()
