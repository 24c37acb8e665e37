"""`AsyncTracker` and `AsyncProgress` for `AsyncActivitySmith`: updates go out from an asyncio task.

asyncio is imported on first use, not with this module: `import activitysmith` stays fast.
"""

from __future__ import annotations

import contextlib
import logging
import sys
import time
import weakref
from collections.abc import (
    AsyncIterable,
    AsyncIterator,
    Callable,
    Iterable,
    Iterator,
    Mapping,
    Sequence,
)
from types import TracebackType
from typing import TYPE_CHECKING, Any, Generic, Self, TypeVar, Unpack

from .._operations import END_STREAM, STREAM
from .._types import NOT_GIVEN
from ._loop_exit import left_by_exception
from ._options import Plan, TrackUpdate
from ._session import POLL, Call, Session
from ._states import Ending, LiveState, ProgressView, ending_for, failure, is_failure

if TYPE_CHECKING:
    import asyncio

    from .._client import AsyncActivitySmith

__all__ = ["AsyncProgress", "AsyncTracker", "drain"]

T = TypeVar("T")
logger = logging.getLogger("activitysmith")

_JOIN_GRACE = 0.25

# Workers still running, per client: keeps their tasks alive, and lets `client.close()`
# wait for final states that are on their way (a loop left by an exception).
_WORKERS: weakref.WeakKeyDictionary[AsyncActivitySmith, set[_AsyncWorker]] = (
    weakref.WeakKeyDictionary()
)


async def drain(client: AsyncActivitySmith) -> None:
    """Wait for `client`'s trackers that are delivering a final state (each within its budget)."""
    for worker in list(_WORKERS.get(client, ())):
        if worker.ending:
            await worker.wait()


class _AsyncWorker:
    """Sends one stream's states from an asyncio task, at the pace its Session decides.

    If the task is cancelled (the event loop shutting down, say) it still delivers a final
    state, within the flush budget, before it lets the cancellation through.
    """

    def __init__(
        self,
        client: AsyncActivitySmith,
        plan: Plan,
        source: Callable[[], Mapping[str, Any]],
        abandoned: Callable[[BaseException], Ending],
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._client = client
        self._session = Session(
            plan.stream_key,
            min_interval=plan.min_interval,
            flush_timeout=plan.flush_timeout,
            extras=plan.extras,
            end_extras=plan.end_extras,
        )
        self._source = source
        self._abandoned = abandoned
        self._clock = clock
        self._poll = POLL if plan.min_interval is None else min(POLL, plan.min_interval)
        self._ending: Ending | None = None
        self._event: asyncio.Event | None = None
        self._task: asyncio.Task[None] | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    @property
    def started(self) -> bool:
        return self._task is not None

    @property
    def ending(self) -> bool:
        """Whether the final state has been handed over."""
        return self._ending is not None

    def start(self) -> None:
        import asyncio

        try:
            self._loop = asyncio.get_running_loop()
        except RuntimeError:
            raise RuntimeError(
                "AsyncActivitySmith's progress() and track() run their updates in an asyncio "
                "task; call them inside a running asyncio event loop"
            ) from None
        self._event = asyncio.Event()
        self._task = self._loop.create_task(
            self._run(), name=f"activitysmith-live-activity-{self._session.stream_key}"
        )
        workers = _WORKERS.setdefault(self._client, set())
        workers.add(self)
        self._task.add_done_callback(lambda _: workers.discard(self))

    def wake(self) -> None:
        """Tell the worker the state changed."""
        if self._event is not None:
            self._event.set()

    def hand_over(self, ending: Ending) -> bool:
        """Make `ending` the final state without waiting; False if one was already given."""
        if self._ending is not None:
            return False
        self._ending = ending
        self._session.close(self._clock())
        if not self.started:
            self.start()
        self.wake()
        return True

    def hand_over_soon(self, ending: Ending) -> None:
        """`hand_over` from a finalizer: at once on the loop's thread, else through the loop."""
        import asyncio

        loop = self._loop
        if loop is None or loop.is_closed():
            return
        try:
            running = asyncio.get_running_loop()
        except RuntimeError:
            running = None
        if running is loop:
            self.hand_over(ending)  # so that a `client.close()` right after sees it
            return
        with contextlib.suppress(RuntimeError):  # the loop closed meanwhile
            loop.call_soon_threadsafe(self.hand_over, ending)

    async def finish(self, ending: Ending) -> None:
        """Deliver `ending` as the final state, waiting at most the flush budget."""
        if self.hand_over(ending):
            await self.wait()

    async def wait(self) -> None:
        """Wait, shielded from cancellation, until the final state is delivered or the budget is spent."""
        import asyncio

        import anyio

        task = self._task
        if task is None or task.done() or task is asyncio.current_task():
            return
        timeout = max(0.0, self._session.remaining(self._clock())) + _JOIN_GRACE
        with anyio.CancelScope(shield=True):
            await asyncio.wait({task}, timeout=timeout)

    async def _run(self) -> None:
        import asyncio

        cancelled: asyncio.CancelledError | None = None
        try:
            while (call := await self._next_update()) is not None:
                await self._send(call)
        except asyncio.CancelledError as exc:
            cancelled = self._absorb(exc)
        except Exception as exc:  # a bug must not take the user's job down
            self._crashed(exc)
            return
        while True:
            try:
                await self._deliver_final()
                break
            except asyncio.CancelledError as exc:
                if cancelled is not None:  # cancelled again: stop trying
                    self._session.gave_up()
                    raise
                cancelled = self._absorb(exc)
            except Exception as exc:
                self._crashed(exc)
                break
        if cancelled is not None:
            raise cancelled

    def _absorb(self, exc: asyncio.CancelledError) -> asyncio.CancelledError:
        """Hold back a cancellation (once) until the final state is delivered."""
        import asyncio

        current = asyncio.current_task()
        if current is not None:
            current.uncancel()
        if self._ending is None:
            self._ending = self._abandoned(exc)
            self._session.close(self._clock())
        return exc

    def _crashed(self, exc: Exception) -> None:
        logger.warning(
            "Live Activity %r: tracking stopped (%s)", self._session.stream_key, type(exc).__name__
        )

    async def _deliver_final(self) -> None:
        assert self._ending is not None
        for call in self._session.final_calls(self._ending):
            remaining = self._session.remaining(self._clock())
            if remaining <= 0:
                self._session.gave_up()
                return
            await self._send(call, remaining)

    async def _next_update(self) -> Call | None:
        """Wait until an update is due and return it; None once the work has ended."""
        import asyncio

        assert self._event is not None
        while self._ending is None:
            self._event.clear()
            now = self._clock()
            wait = self._session.wait_time(now)
            if wait <= 0:
                call = self._session.update(self._source(), now)
                if call is not None:
                    return call
                wait = self._poll
            try:
                async with asyncio.timeout(wait):
                    await self._event.wait()
            except TimeoutError:
                pass
        return None

    async def _send(self, call: Call, total_timeout: float | None = None) -> None:
        try:
            await self._client._request(
                STREAM if call.kind == "put" else END_STREAM,
                self._session.stream_key,
                None,
                call.fields,
                NOT_GIVEN,
                NOT_GIVEN if call.final else 0,  # a failed update is retried next tick
                NOT_GIVEN if total_timeout is None else total_timeout,
            )
        except Exception as exc:
            self._session.failed(call, exc)
        else:
            self._session.succeeded(call)


class AsyncTracker:
    """Async twin of `Tracker`: `async with client.live_activities.track(...) as t:`.

    `update`, `step` and `metrics` never wait, so they are plain methods here too.
    """

    def __init__(self, client: AsyncActivitySmith, plan: Plan, state: Mapping[str, Any]) -> None:
        self._live = LiveState(state)
        self._worker = _AsyncWorker(client, plan, self._snapshot, self._abandoned)

    @property
    def state(self) -> dict[str, Any]:
        """The latest content state (a copy)."""
        return dict(self._live.current)

    def update(self, **fields: Unpack[TrackUpdate]) -> None:
        """Change what the Live Activity shows, e.g. `update(percentage=40, subtitle="...")`."""
        self._live.update(fields)
        self._worker.wake()

    def step(self, count: int = 1, *, subtitle: str | None = None) -> None:
        """Mark `count` more steps done (segmented_progress), optionally with a new subtitle."""
        self._live.step(count, subtitle)
        self._worker.wake()

    def metrics(self, metrics: Sequence[Mapping[str, Any]] | Mapping[str, Any]) -> None:
        """Replace the readouts: `metrics({"CPU": 9, "Queue": 120})` or a list of `metric(...)`."""
        self._live.set_metrics(metrics)
        self._worker.wake()

    async def close(self) -> None:
        """End the Live Activity with the latest state (what leaving `async with` does)."""
        await self._worker.finish(ending_for(self._live.current, None))

    def _snapshot(self) -> Mapping[str, Any]:
        return self._live.current

    def _abandoned(self, error: BaseException) -> Ending:
        return failure(self._live.current, error=error)

    async def __aenter__(self) -> Self:
        if not self._worker.started:
            self._worker.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self._worker.finish(ending_for(self._live.current, exc))


class AsyncProgress(Generic[T]):
    """Async twin of `Progress`: `async for item in client.live_activities.progress(...)`.

    Wraps a sync or an async iterable.
    """

    def __init__(
        self,
        client: AsyncActivitySmith,
        iterable: Iterable[T] | AsyncIterable[T],
        plan: Plan,
        view: ProgressView,
        subtitle: str | None = None,
    ) -> None:
        self.n = 0
        self.subtitle = subtitle
        self.total = view.total
        self._iterable = iterable
        self._view = view
        self._worker = _AsyncWorker(client, plan, self._snapshot, self._abandoned)
        self._started_at: float | None = None
        self._iterated = False
        self._finished = False
        self._in_with = False

    def __aiter__(self) -> AsyncIterator[T]:
        if self._iterated:
            raise RuntimeError("a progress() wrapper can be iterated only once")
        self._iterated = True
        return _AsyncProgressIterator(self, self._iterable)

    def _begin(self) -> None:
        self._started_at = time.monotonic()
        self._worker.start()

    async def close(self) -> None:
        """End the Live Activity now with the current count (as after `break`)."""
        await self._end(self._stopped())

    def _elapsed(self) -> float:
        return 0.0 if self._started_at is None else time.monotonic() - self._started_at

    def _snapshot(self) -> Mapping[str, Any]:
        return self._view.state(self.n, self._elapsed(), self.subtitle)

    def _stopped(self) -> Ending:
        return Ending(self._view.stopped(self.n, self._elapsed(), self.subtitle))

    def _abandoned(self, error: BaseException) -> Ending:
        return self._view.failed(self.n, error)

    def _claim(self) -> bool:
        if self._finished or self._started_at is None:
            return False  # already ended, or never started: nothing was shown
        self._finished = True
        return True

    async def _end(self, ending: Ending) -> None:
        if self._claim():
            await self._worker.finish(ending)

    def _left_early(self, by_exception: bool) -> None:
        """The loop dropped its iterator before the end (called from a finalizer)."""
        if self._in_with or not self._claim():
            return
        ending = self._view.failed(self.n, None) if by_exception else self._stopped()
        self._worker.hand_over_soon(ending)

    async def __aenter__(self) -> Self:
        self._in_with = True
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self._end(self._view.failed(self.n, exc) if is_failure(exc) else self._stopped())


class _AsyncProgressIterator(Generic[T]):
    """One pass over an AsyncProgress; counts an item done when the next one is asked for."""

    def __init__(self, owner: AsyncProgress[T], iterable: Iterable[T] | AsyncIterable[T]) -> None:
        self._owner = owner
        self._async: AsyncIterator[T] | None = None
        self._sync: Iterator[T] | None = None
        if isinstance(iterable, AsyncIterable):
            self._async = aiter(iterable)
        else:
            self._sync = iter(iterable)
        self._begun = False
        self._done = False

    def __aiter__(self) -> Self:
        return self

    async def __anext__(self) -> T:
        owner = self._owner
        if self._begun:
            owner.n += 1
        else:
            self._begun = True
            owner._begin()
        try:
            if self._async is not None:
                return await anext(self._async)
            assert self._sync is not None
            return next(self._sync)
        except (StopIteration, StopAsyncIteration):
            self._done = True
            await owner._end(Ending(owner._view.done(owner.n, owner._elapsed(), owner.subtitle)))
            raise StopAsyncIteration from None
        except BaseException as exc:  # the iterable itself failed
            self._done = True
            await owner._end(owner._view.failed(owner.n, exc))
            raise

    def __del__(self) -> None:
        if not self._done:
            self._done = True
            with contextlib.suppress(Exception):  # never raise from a finalizer
                self._owner._left_early(left_by_exception(sys._getframe(1)))
