"""`AsyncProgress`: `async for item in client.live_activities.progress(...)`.

Shares what it shows and how it ends with `Progress` (`_progress._ProgressCore`); only the
iteration differs: an async iterator that wraps sync and async iterables, and notices a
loop left early from its finalizer.
"""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import AsyncIterable, AsyncIterator, Iterable, Iterator, Mapping
from types import TracebackType
from typing import TYPE_CHECKING, Any, Generic, Self, TypeVar

from .._async._tracker import AsyncWorker
from ._loop_exit import left_by_exception
from ._options import Plan, plan_progress
from ._progress import _ProgressCore
from ._states import Ending, ProgressView, is_failure

if TYPE_CHECKING:
    from .._async._client import AsyncActivitySmith

__all__ = ["AsyncProgress", "new_async_progress"]

T = TypeVar("T")


class AsyncProgress(_ProgressCore, Generic[T]):
    """`async for item in client.live_activities.progress(...)`: as `Progress`, awaitable.

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
        super().__init__(view, subtitle)
        self._iterable = iterable
        self._worker = AsyncWorker(client, plan, self._snapshot, self._abandoned)

    def __aiter__(self) -> AsyncIterator[T]:
        self._claim_iteration()
        return _AsyncProgressIterator(self, self._iterable)

    def _begin(self) -> None:
        self._started_at = time.monotonic()
        self._worker.start()

    async def close(self) -> None:
        """End the Live Activity now with the current count (as after `break`)."""
        await self._end(self._stopped())

    async def _end(self, ending: Ending) -> None:
        if self._claim():
            await self._worker.finish(ending)

    def _left_early(self, by_exception: bool) -> None:
        """The loop dropped its iterator before the end (called from a finalizer)."""
        if self._in_with or not self._claim():
            return
        self._worker.hand_over_soon(self._abandoned(None) if by_exception else self._stopped())

    async def __aenter__(self) -> Self:
        self._in_with = True
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self._end(self._abandoned(exc) if is_failure(exc) else self._stopped())


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
            await owner._end(owner._done())
            raise StopAsyncIteration from None
        except BaseException as exc:  # the iterable itself failed
            self._done = True
            await owner._end(owner._abandoned(exc))
            raise

    def __del__(self) -> None:
        if not self._done:
            self._done = True
            with contextlib.suppress(Exception):  # never raise from a finalizer
                self._owner._left_early(left_by_exception(sys._getframe(1)))


def new_async_progress(
    client: AsyncActivitySmith,
    iterable: Iterable[T] | AsyncIterable[T],
    stream_key: str,
    options: Mapping[str, Any],
) -> AsyncProgress[T]:
    """The async wrapper of `live_activities.progress(...)`, options checked."""
    plan, view = plan_progress(iterable, stream_key, options)
    return AsyncProgress(client, iterable, plan, view, options.get("subtitle"))
