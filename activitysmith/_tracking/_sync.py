"""`Tracker` and `Progress` for `ActivitySmith`: updates go out from a background thread."""

from __future__ import annotations

import logging
import sys
import threading
import time
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping, Sequence
from types import TracebackType
from typing import TYPE_CHECKING, Any, Generic, Self, TypeVar, Unpack

from .._operations import END_STREAM, STREAM
from .._types import NOT_GIVEN
from ._loop_exit import left_by_exception
from ._options import Plan, TrackUpdate
from ._session import POLL, Call, Session
from ._states import Ending, LiveState, ProgressView, ending_for, is_failure

if TYPE_CHECKING:
    from .._client import ActivitySmith

__all__ = ["Progress", "Tracker"]

T = TypeVar("T")
logger = logging.getLogger("activitysmith")

_JOIN_GRACE = 0.25  # seconds a caller waits past the flush deadline for the worker to log


class _Worker:
    """Sends one stream's states from a daemon thread, at the pace its Session decides.

    `source()` returns the latest state; it is called with the worker's lock held. The
    caller's thread never waits on the network, except in `finish()`, for at most the
    flush budget.
    """

    def __init__(
        self,
        client: ActivitySmith,
        plan: Plan,
        source: Callable[[], Mapping[str, Any]],
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.lock = threading.Condition()
        self._client = client
        self._session = Session(
            plan.stream_key,
            min_interval=plan.min_interval,
            flush_timeout=plan.flush_timeout,
            extras=plan.extras,
            end_extras=plan.end_extras,
        )
        self._source = source
        self._clock = clock
        self._poll = POLL if plan.min_interval is None else min(POLL, plan.min_interval)
        self._ending: Ending | None = None
        self._thread = threading.Thread(
            target=self._run, name=f"activitysmith-live-activity-{plan.stream_key}", daemon=True
        )

    @property
    def started(self) -> bool:
        return self._thread.ident is not None

    def start(self) -> None:
        self._thread.start()

    def wake(self) -> None:
        """Tell the worker the state changed (call with `lock` held)."""
        self.lock.notify()

    def finish(self, ending: Ending) -> None:
        """Deliver `ending` as the final state, waiting at most the flush budget. Idempotent."""
        with self.lock:
            if self._ending is not None:
                return
            self._ending = ending
            self._session.close(self._clock())
            self.lock.notify()
        if not self.started:
            self.start()
        if self._thread is not threading.current_thread():
            self._thread.join(max(0.0, self._session.remaining(self._clock())) + _JOIN_GRACE)

    def _run(self) -> None:
        try:
            while (call := self._next_update()) is not None:
                self._send(call)
            assert self._ending is not None
            for call in self._session.final_calls(self._ending):
                remaining = self._session.remaining(self._clock())
                if remaining <= 0:
                    self._session.gave_up()
                    return
                self._send(call, remaining)
        except Exception as exc:  # a bug must not kill the thread noisily or the user's job
            logger.warning(
                "Live Activity %r: tracking stopped (%s)",
                self._session.stream_key,
                type(exc).__name__,
            )

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
        try:
            self._client._request(
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


class Tracker:
    """A Live Activity that follows a block of work; see `live_activities.track()`.

    Methods only record the new state and return at once; a background thread sends the
    latest one at most every `min_interval`. They never raise for network trouble.
    """

    def __init__(self, client: ActivitySmith, plan: Plan, state: Mapping[str, Any]) -> None:
        self._live = LiveState(state)
        self._worker = _Worker(client, plan, self._snapshot)

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
        """End the Live Activity with the latest state (what leaving the `with` block does)."""
        self._end(None)

    def _snapshot(self) -> Mapping[str, Any]:
        return self._live.current

    def _end(self, error: BaseException | None) -> None:
        with self._worker.lock:
            ending = ending_for(self._live.current, error)
        self._worker.finish(ending)

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
        self._end(exc)  # the exception, if any, propagates unchanged


class Progress(Generic[T]):
    """An iterable that shows its progress as a Live Activity; see `live_activities.progress()`.

    `n` is the number of items done. Set `subtitle` at any time to replace the automatic
    "370 of 1,000 items" line (None brings it back).
    """

    def __init__(
        self,
        client: ActivitySmith,
        iterable: Iterable[T],
        plan: Plan,
        view: ProgressView,
        subtitle: str | None = None,
    ) -> None:
        self.n = 0
        self.subtitle = subtitle
        self.total = view.total
        self._iterable = iterable
        self._view = view
        self._worker = _Worker(client, plan, self._snapshot)
        self._started_at: float | None = None
        self._iterated = False
        self._finished = False
        self._in_with = False

    def __iter__(self) -> Iterator[T]:
        if self._iterated:
            raise RuntimeError("a progress() wrapper can be iterated only once")
        self._iterated = True
        return self._iterate()

    def _iterate(self) -> Generator[T, None, None]:
        self._started_at = time.monotonic()  # on the first next(), so an unused one sends nothing
        self._worker.start()
        # The per-item cost is this loop: one resume, one add, one attribute store.
        n = 0
        try:
            for item in self._iterable:
                yield item
                n += 1
                self.n = n
        except GeneratorExit:
            # The loop stopped early. Inside `with`, __exit__ knows why; otherwise tell
            # `break` from an exception by where the loop's frame released us.
            if not self._in_with:
                self._stop(by_exception=left_by_exception(sys._getframe(1)))
            raise
        except BaseException as exc:  # the iterable itself failed
            self._end(self._view.failed(self.n, exc))
            raise
        self._end(Ending(self._view.done(n, self._elapsed(), self.subtitle)))

    def close(self) -> None:
        """End the Live Activity now with the current count (as after `break`)."""
        self._stop(by_exception=False)

    def _elapsed(self) -> float:
        return 0.0 if self._started_at is None else time.monotonic() - self._started_at

    def _snapshot(self) -> Mapping[str, Any]:
        return self._view.state(self.n, self._elapsed(), self.subtitle)

    def _stop(self, *, by_exception: bool) -> None:
        if by_exception:
            self._end(self._view.failed(self.n, None))
        else:
            self._end(Ending(self._view.stopped(self.n, self._elapsed(), self.subtitle)))

    def _end(self, ending: Ending) -> None:
        if self._finished or self._started_at is None:
            return  # already ended, or never started: nothing was shown
        self._finished = True
        self._worker.finish(ending)

    def __enter__(self) -> Self:
        self._in_with = True
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if is_failure(exc):
            self._end(self._view.failed(self.n, exc))
        else:
            self._stop(by_exception=False)
