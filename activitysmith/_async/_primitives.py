"""How the async trackers wait and run in the background: asyncio (hand-written).

The tracker in `_tracker.py` is written once against these few names; `_sync/_primitives.py`
gives the same names for threads. Only this module imports asyncio, and it is loaded
with the first tracker, not with `import activitysmith`.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterable, Awaitable, Callable, Iterable
from types import TracebackType
from typing import TypeAlias, TypeVar

import anyio

__all__ = ["Cancelled", "Items", "Runner", "Signal", "uncancel"]

T = TypeVar("T")
Items: TypeAlias = Iterable[T] | AsyncIterable[T]
"""What `progress()` can wrap: any iterable, or an async one."""

Cancelled = asyncio.CancelledError
"""Raised into a task that is cancelled (the event loop shutting down, say)."""


def uncancel() -> None:
    """Let the current task go on after a cancellation it has absorbed."""
    task = asyncio.current_task()
    if task is not None:
        task.uncancel()


class Signal:
    """Wakes a waiting worker. Single-threaded, so the lock does nothing here."""

    def __init__(self) -> None:
        self._event = asyncio.Event()

    def __enter__(self) -> None:
        return None

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        return None

    def notify(self) -> None:
        """Wake the worker (call with the lock held)."""
        self._event.set()

    async def wait(self, timeout: float) -> None:
        """Sleep until notified or `timeout` seconds pass."""
        try:
            async with asyncio.timeout(timeout):
                await self._event.wait()
        except TimeoutError:
            pass
        finally:
            self._event.clear()


class Runner:
    """Runs one coroutine function as an asyncio task of the running loop."""

    def __init__(self, name: str) -> None:
        self._name = name
        self._task: asyncio.Task[None] | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    @property
    def started(self) -> bool:
        return self._task is not None

    def start(self, target: Callable[[], Awaitable[None]], on_done: Callable[[], None]) -> None:
        try:
            self._loop = asyncio.get_running_loop()
        except RuntimeError:
            raise RuntimeError(
                "AsyncActivitySmith's progress() and track() run their updates in an asyncio "
                "task; call them inside a running asyncio event loop"
            ) from None

        async def run() -> None:
            await target()

        self._task = self._loop.create_task(run(), name=self._name)
        self._task.add_done_callback(lambda _: on_done())

    async def join(self, timeout: float) -> None:
        """Wait, shielded from cancellation, until the task ends or `timeout` passes."""
        task = self._task
        if task is None or task.done() or task is asyncio.current_task():
            return
        with anyio.CancelScope(shield=True):
            await asyncio.wait({task}, timeout=timeout)

    def call_soon(self, callback: Callable[[], object]) -> None:
        """Run `callback` on the task's loop: at once on its thread, else through the loop.

        For finalizers, which may run on any thread (or after the loop closed).
        """
        loop = self._loop
        if loop is None or loop.is_closed():
            return
        try:
            running = asyncio.get_running_loop()
        except RuntimeError:
            running = None
        if running is loop:
            callback()
            return
        with contextlib.suppress(RuntimeError):  # the loop closed meanwhile
            loop.call_soon_threadsafe(callback)
