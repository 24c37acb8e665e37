# Generated from activitysmith/_async/_tracker.py by scripts/unasync.py; do not edit.
"""The worker that sends a tracked stream's states in the background, and `Tracker`.

What to send and when is decided by the pure `Session` (`_tracking/_session.py`); this
module only waits, sends and reports outcomes back. How it waits and runs (an asyncio
task here, a thread in the generated sync form) comes from `_primitives`.
"""

from __future__ import annotations

import logging
import time
import weakref
from collections.abc import Callable, Mapping, Sequence
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self, Unpack

from .._generated.operations import END_LIVE_ACTIVITY_STREAM, RECONCILE_LIVE_ACTIVITY_STREAM
from .._tracking._options import Plan, TrackUpdate, plan_track
from .._tracking._session import POLL, Call, Session
from .._tracking._states import Ending, LiveState, ending_for, failure
from .._types import NOT_GIVEN
from ._primitives import Cancelled, Runner, Signal, uncancel

if TYPE_CHECKING:
    from .._operations import Operation
    from ._client import ActivitySmith

__all__ = ["Tracker", "Worker", "drain", "new_tracker"]

logger = logging.getLogger("activitysmith")

JOIN_GRACE = 0.25
"""Seconds a caller waits past the flush deadline for the worker to log its outcome."""

# Workers still running, per client: keeps them alive, and lets `client.close()` wait for
# final states that are on their way (a loop left by an exception).
_WORKERS: weakref.WeakKeyDictionary[ActivitySmith, set[Worker]] = weakref.WeakKeyDictionary()


def drain(client: ActivitySmith) -> None:
    """Wait for `client`'s trackers that are delivering a final state (each within its budget)."""
    for worker in list(_WORKERS.get(client, ())):
        if worker.ending:
            worker.wait()


class Worker:
    """Sends one stream's states in the background, at the pace its Session decides.

    `source()` returns the latest state; it is called with `lock` held. The caller never
    waits on the network, except in `finish()`, for at most the flush budget. A worker
    that is cancelled (the event loop shutting down, say) still delivers a final state,
    within the flush budget, before it lets the cancellation through.
    """

    def __init__(
        self,
        client: ActivitySmith,
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
        self.lock = Signal()
        self._runner = Runner(f"activitysmith-live-activity-{plan.stream_key}")

    @property
    def started(self) -> bool:
        return self._runner.started

    @property
    def ending(self) -> bool:
        """Whether the final state has been handed over."""
        return self._ending is not None

    def start(self) -> None:
        workers = _WORKERS.setdefault(self._client, set())
        workers.add(self)
        self._runner.start(self._run, lambda: workers.discard(self))

    def wake(self) -> None:
        """Tell the worker the state changed (call with `lock` held)."""
        self.lock.notify()

    def hand_over(self, ending: Ending) -> bool:
        """Make `ending` the final state without waiting; False if one was already given."""
        with self.lock:
            if self._ending is not None:
                return False
            self._ending = ending
            self._session.close(self._clock())
            self.lock.notify()
        if not self.started:
            self.start()
        return True

    def hand_over_soon(self, ending: Ending) -> None:
        """`hand_over` from a finalizer, which may run on any thread."""
        self._runner.call_soon(lambda: self.hand_over(ending))

    def finish(self, ending: Ending) -> None:
        """Deliver `ending` as the final state, waiting at most the flush budget. Idempotent."""
        if self.hand_over(ending):
            self.wait()

    def wait(self) -> None:
        """Wait until the final state is delivered or the flush budget is spent."""
        self._runner.join(max(0.0, self._session.remaining(self._clock())) + JOIN_GRACE)

    def _run(self) -> None:
        cancelled: BaseException | None = None
        try:
            while (call := self._next_update()) is not None:
                self._send(call)
        except Cancelled as exc:
            cancelled = self._absorb(exc)
        except Exception as exc:  # a bug must not take the user's job down
            self._crashed(exc)
            return
        while True:
            try:
                self._deliver_final()
                break
            except Cancelled as exc:
                if cancelled is not None:  # cancelled again: stop trying
                    self._session.gave_up()
                    raise
                cancelled = self._absorb(exc)
            except Exception as exc:
                self._crashed(exc)
                break
        if cancelled is not None:
            raise cancelled

    def _absorb(self, exc: BaseException) -> BaseException:
        """Hold back a cancellation (once) until the final state is delivered."""
        uncancel()
        if self._ending is None:
            self._ending = self._abandoned(exc)
            self._session.close(self._clock())
        return exc

    def _crashed(self, exc: Exception) -> None:
        logger.warning(
            "Live Activity %r: tracking stopped (%s)", self._session.stream_key, type(exc).__name__
        )

    def _deliver_final(self) -> None:
        assert self._ending is not None
        for call in self._session.final_calls(self._ending):
            remaining = self._session.remaining(self._clock())
            if remaining <= 0:
                self._session.gave_up()
                return
            self._send(call, remaining)

    def _next_update(self) -> Call | None:
        """Wait until an update is due and return it; None once the work has ended."""
        with self.lock:
            while self._ending is None:
                now = self._clock()
                wait = self._session.wait_time(now)
                if wait <= 0:
                    call = self._session.update(self._source(), now)
                    if call is not None:
                        return call
                    wait = self._poll
                self.lock.wait(wait)
            return None

    def _send(self, call: Call, total_timeout: float | None = None) -> None:
        op: Operation[Any] = (
            RECONCILE_LIVE_ACTIVITY_STREAM if call.kind == "put" else END_LIVE_ACTIVITY_STREAM
        )
        try:
            self._client._request(
                op,
                (self._session.stream_key,),
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


class Tracker:
    """A Live Activity that follows a block of work; see `live_activities.track()`.

    `update`, `step` and `metrics` only record the new state and return at once (they
    are plain methods, never awaited); the worker sends the latest one at most every
    `min_interval`. They never raise for network trouble.
    """

    def __init__(self, client: ActivitySmith, plan: Plan, state: Mapping[str, Any]) -> None:
        self._live = LiveState(state)
        self._worker = Worker(client, plan, self._snapshot, self._abandoned)

    @property
    def state(self) -> dict[str, Any]:
        """The latest content state (a copy)."""
        with self._worker.lock:
            return dict(self._live.current)

    def update(self, **fields: Unpack[TrackUpdate]) -> None:
        """Change what the Live Activity shows, e.g. `update(percentage=40, subtitle="...")`."""
        with self._worker.lock:
            self._live.update(fields)
            self._worker.wake()

    def step(self, count: int = 1, *, subtitle: str | None = None) -> None:
        """Mark `count` more steps done (segmented_progress), optionally with a new subtitle."""
        with self._worker.lock:
            self._live.step(count, subtitle)
            self._worker.wake()

    def metrics(self, metrics: Sequence[Mapping[str, Any]] | Mapping[str, Any]) -> None:
        """Replace the readouts: `metrics({"CPU": 9, "Queue": 120})` or a list of `metric(...)`."""
        with self._worker.lock:
            self._live.set_metrics(metrics)
            self._worker.wake()

    def close(self) -> None:
        """End the Live Activity with the latest state (what leaving the block does)."""
        self._worker.finish(self._ending(None))

    def _snapshot(self) -> Mapping[str, Any]:
        return self._live.current

    def _abandoned(self, error: BaseException) -> Ending:
        return failure(self._live.current, error=error)

    def _ending(self, error: BaseException | None) -> Ending:
        with self._worker.lock:
            return ending_for(self._live.current, error)

    def __enter__(self) -> Self:
        if not self._worker.started:
            self._worker.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._worker.finish(self._ending(exc))  # the exception, if any, propagates


def new_tracker(client: ActivitySmith, stream_key: str, options: Mapping[str, Any]) -> Tracker:
    """The tracker of `live_activities.track(stream_key, **options)`, options checked."""
    return Tracker(client, *plan_track(stream_key, options))
