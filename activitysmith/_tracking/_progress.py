"""`Progress`: an iterable whose Live Activity shows how far along it is.

It and `AsyncProgress` (`_async_progress.py`) differ only in how they iterate: this one
is a plain generator (one resume, one add and one store per item), the async one an
async iterator that can wrap sync and async iterables. What they show and how they end
is shared (`_ProgressCore`); sending is the tracker worker's (`_async/_tracker.py` and
its generated sync form).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Generator, Iterable, Iterator, Mapping
from types import TracebackType
from typing import TYPE_CHECKING, Any, Generic, Self, TypeVar

from .._sync._tracker import Worker
from ._loop_exit import left_by_exception
from ._options import Plan, plan_progress
from ._states import Ending, ProgressView, is_failure

if TYPE_CHECKING:
    from .._sync._client import ActivitySmith

__all__ = ["Progress", "new_progress"]

T = TypeVar("T")


class _ProgressCore:
    """The count, the states it draws, and the once-only end shared by both forms."""

    def __init__(self, view: ProgressView, subtitle: str | None) -> None:
        self.n = 0
        self.subtitle = subtitle
        self.total = view.total
        self._view = view
        self._started_at: float | None = None
        self._iterated = False
        self._finished = False
        self._in_with = False

    def _claim_iteration(self) -> None:
        if self._iterated:
            raise RuntimeError("a progress() wrapper can be iterated only once")
        self._iterated = True

    def _elapsed(self) -> float:
        return 0.0 if self._started_at is None else time.monotonic() - self._started_at

    def _snapshot(self) -> Mapping[str, Any]:
        return self._view.state(self.n, self._elapsed(), self.subtitle)

    def _done(self) -> Ending:
        return Ending(self._view.done(self.n, self._elapsed(), self.subtitle))

    def _stopped(self) -> Ending:
        return Ending(self._view.stopped(self.n, self._elapsed(), self.subtitle))

    def _abandoned(self, error: BaseException | None) -> Ending:
        return self._view.failed(self.n, error)

    def _claim(self) -> bool:
        """Whether this call may end the Live Activity (once, and only after it started)."""
        if self._finished or self._started_at is None:
            return False  # already ended, or never started: nothing was shown
        self._finished = True
        return True


class Progress(_ProgressCore, Generic[T]):
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
        super().__init__(view, subtitle)
        self._iterable = iterable
        self._worker = Worker(client, plan, self._snapshot, self._abandoned)

    def __iter__(self) -> Iterator[T]:
        self._claim_iteration()
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
                by_exception = left_by_exception(sys._getframe(1))
                self._end(self._abandoned(None) if by_exception else self._stopped())
            raise
        except BaseException as exc:  # the iterable itself failed
            self._end(self._abandoned(exc))
            raise
        self._end(self._done())

    def close(self) -> None:
        """End the Live Activity now with the current count (as after `break`)."""
        self._end(self._stopped())

    def _end(self, ending: Ending) -> None:
        if self._claim():
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
        self._end(self._abandoned(exc) if is_failure(exc) else self._stopped())


def new_progress(
    client: ActivitySmith, iterable: Iterable[T], stream_key: str, options: Mapping[str, Any]
) -> Progress[T]:
    """The wrapper of `live_activities.progress(iterable, stream_key, **options)`, checked."""
    plan, view = plan_progress(iterable, stream_key, options)
    return Progress(client, iterable, plan, view, options.get("subtitle"))
