"""`break` or exception? How a `for` / `async for` over progress() stopped, in every loop shape.

`_loop_exit` reads the bytecode of the frame that dropped the loop's iterator, and what that
bytecode looks like changes with each CPython (3.14 added POP_ITER, 3.15 keeps two stack
entries per loop, 3.12 points `f_lasti` into a call's inline cache, the specialising
interpreter rewrites hot code, tracers and sys.monitoring instrument it). These tests cover
the shapes a loop can stop in, once cold and once hot, plain, traced and monitored, and then
through the real `progress()` objects against the local server, sync and async; the whole
suite runs on each supported Python (`make check-pythons`).
"""

from __future__ import annotations

import asyncio
import contextlib
import sys
from collections.abc import AsyncIterable, AsyncIterator, Callable, Iterable, Iterator
from types import FrameType
from typing import Any

import pytest

from activitysmith import ActivitySmith, AsyncActivitySmith
from activitysmith._tracking._loop_exit import left_by_exception
from activitysmith.testing import ActivitySmithServer
from tests.progress.helpers import stream_calls


class JobFailed(Exception):
    pass


STOP_AT = 3  # every shape leaves its loop at this item


def _fail_at_stop(i: int) -> None:
    if i == STOP_AT:
        raise JobFailed(i)


# --- loop shapes: each leaves a `for` over `items` at STOP_AT --------------------------------


def break_plain(items: Iterable[int]) -> None:
    for i in items:
        if i == STOP_AT:
            break


def break_then_more_code(items: Iterable[int]) -> int:
    total = 0
    for i in items:
        if i == STOP_AT:
            break
        total += i
    return total * 2


def return_from_loop(items: Iterable[int]) -> int | None:
    for i in items:
        if i == STOP_AT:
            return i
    return None


def return_nothing_from_loop(items: Iterable[int]) -> None:
    for i in items:
        if i == STOP_AT:
            return


def break_in_except(items: Iterable[int]) -> None:
    for i in items:
        try:
            _fail_at_stop(i)
        except JobFailed:
            break


def break_in_finally_block(items: Iterable[int]) -> None:
    for i in items:
        try:
            if i == STOP_AT:
                break
        finally:
            pass


def break_in_with(items: Iterable[int]) -> None:
    for i in items:
        with contextlib.suppress(LookupError):
            if i == STOP_AT:
                break


def break_inner_loop(items: Iterable[int]) -> None:
    for _ in range(1):
        for i in items:
            if i == STOP_AT:
                break


def break_enumerate(items: Iterable[int]) -> None:
    for n, _ in enumerate(items):
        if n == STOP_AT:
            break


def break_zip(items: Iterable[int]) -> None:
    for i, _ in zip(items, range(100), strict=False):
        if i == STOP_AT:
            break


def break_then_delete(items: Iterable[int]) -> None:
    iterator = iter(items)
    for i in iterator:
        if i == STOP_AT:
            break
    del iterator  # the loop's own pop kept it alive; this drops it


def raise_plain(items: Iterable[int]) -> None:
    for i in items:
        if i == STOP_AT:
            raise JobFailed(i)


def raise_from_call(items: Iterable[int]) -> None:
    for i in items:
        _fail_at_stop(i)


def raise_in_with(items: Iterable[int]) -> None:
    for i in items:
        with contextlib.suppress(LookupError):
            if i == STOP_AT:
                raise JobFailed(i)


def raise_through_finally(items: Iterable[int]) -> None:
    for i in items:
        try:
            if i == STOP_AT:
                raise JobFailed(i)
        finally:
            pass


def raise_in_except(items: Iterable[int]) -> None:
    for i in items:
        try:
            if i == STOP_AT:
                raise LookupError(i)
        except LookupError:
            raise JobFailed(i) from None


def raise_from_else_loop(items: Iterable[int]) -> None:
    for i in items:
        if i == STOP_AT:
            raise JobFailed(i)
    else:
        pass


def raise_in_enumerate(items: Iterable[int]) -> None:
    for n, _ in enumerate(items):
        if n == STOP_AT:
            raise JobFailed(n)


def raise_after_delete_of_other_name(items: Iterable[int]) -> None:
    for i in items:
        scratch = i
        del scratch
        if i == STOP_AT:
            raise JobFailed(i)


ORDINARY_EXITS: list[Callable[[Iterable[int]], object]] = [
    break_plain,
    break_then_more_code,
    return_from_loop,
    return_nothing_from_loop,
    break_in_except,
    break_in_finally_block,
    break_in_with,
    break_inner_loop,
    break_enumerate,
    break_zip,
    break_then_delete,
]
EXCEPTIONS: list[Callable[[Iterable[int]], object]] = [
    raise_plain,
    raise_from_call,
    raise_in_with,
    raise_through_finally,
    raise_in_except,
    raise_from_else_loop,
    raise_in_enumerate,
    raise_after_delete_of_other_name,
]
SHAPES = [(shape, False) for shape in ORDINARY_EXITS] + [(shape, True) for shape in EXCEPTIONS]
SHAPE_IDS = [shape.__name__ for shape, _ in SHAPES]


class _Watched:
    """range(10) that records, when a loop closes it early, what left_by_exception says.

    Like Progress, each iteration is a fresh generator that only the loop holds.
    """

    def __init__(self, readings: list[bool]) -> None:
        self._readings = readings

    def __iter__(self) -> Iterator[int]:
        try:
            yield from range(10)
        except GeneratorExit:
            self._readings.append(left_by_exception(sys._getframe(1)))
            raise


def _stop(shape: Callable[[Iterable[int]], object], items: Iterable[int]) -> None:
    with contextlib.suppress(JobFailed):
        shape(items)


@contextlib.contextmanager
def _traced() -> Iterator[None]:
    """A sys.settrace tracer, as coverage.py's or a debugger's (instruments every frame)."""

    def tracer(frame: FrameType, event: str, arg: Any) -> Any:
        return tracer

    previous = sys.gettrace()
    sys.settrace(tracer)
    try:
        yield
    finally:
        sys.settrace(previous)


@contextlib.contextmanager
def _monitored() -> Iterator[None]:
    """sys.monitoring with line, jump, branch and call events on (3.12+ instrumented bytecode)."""
    monitoring: Any = sys.monitoring  # type: ignore[attr-defined,unused-ignore]
    tool = next(t for t in range(6) if monitoring.get_tool(t) is None)
    events = monitoring.events
    wanted = [
        name
        for name in ("LINE", "JUMP", "BRANCH", "BRANCH_LEFT", "BRANCH_RIGHT", "CALL", "PY_START")
        if hasattr(events, name)
    ]
    monitoring.use_tool_id(tool, "activitysmith-tests")
    try:
        for name in wanted:
            monitoring.register_callback(tool, getattr(events, name), lambda *_: None)
        mask = 0
        for name in wanted:
            mask |= getattr(events, name)
        monitoring.set_events(tool, mask)
        yield
    finally:
        monitoring.set_events(tool, 0)
        monitoring.free_tool_id(tool)


INTERPRETER_STATES: dict[str, Callable[[], contextlib.AbstractContextManager[None]]] = {
    "plain": contextlib.nullcontext,
    "traced": _traced,
}
if hasattr(sys, "monitoring"):
    INTERPRETER_STATES["monitored"] = _monitored


@pytest.mark.parametrize("state", list(INTERPRETER_STATES))
@pytest.mark.parametrize(("shape", "by_exception"), SHAPES, ids=SHAPE_IDS)
def test_each_loop_shape_is_read_right_cold_and_hot(
    shape: Callable[[Iterable[int]], object], by_exception: bool, state: str
) -> None:
    readings: list[bool] = []
    with INTERPRETER_STATES[state]():
        _stop(shape, _Watched(readings))  # first run: code not yet specialised
        for _ in range(200):  # hot: the adaptive interpreter has specialised the loop
            _stop(shape, _Watched(readings))
    assert readings == [by_exception] * 201


def test_an_unreadable_frame_counts_as_an_exception() -> None:
    assert left_by_exception(None) is True


# --- the same shapes through the real progress() objects ----------------------------------


def _expect_ending(server: ActivitySmithServer, key: str, by_exception: bool) -> None:
    last = stream_calls(server, key)[-1]
    assert last.method == "DELETE"
    state = last.json["content_state"]
    if by_exception:
        assert state["color"] == "red"
        assert state["subtitle"] == f"Failed at {STOP_AT} of 10 items"
    else:
        assert "color" not in state and "alert" not in last.json
        assert state["subtitle"] == f"Stopped at {STOP_AT} of 10 items"


@pytest.mark.parametrize(("shape", "by_exception"), SHAPES, ids=SHAPE_IDS)
def test_progress_ends_red_only_when_an_exception_left_the_loop(
    activitysmith_server: ActivitySmithServer,
    activitysmith_client: ActivitySmith,
    shape: Callable[[Iterable[int]], object],
    by_exception: bool,
) -> None:
    key = shape.__name__.replace("_", "-")
    bar = activitysmith_client.live_activities.progress(
        range(10), key, title="Job", min_interval=0.01
    )
    _stop(shape, bar)
    _expect_ending(activitysmith_server, key, by_exception)


# --- async for ------------------------------------------------------------------------------


async def _fail_at_stop_later(i: int) -> None:
    await asyncio.sleep(0)
    _fail_at_stop(i)


async def async_break_plain(items: AsyncIterable[int]) -> None:
    async for i in items:
        if i == STOP_AT:
            break


async def async_break_after_await(items: AsyncIterable[int]) -> None:
    async for i in items:
        await asyncio.sleep(0)
        if i == STOP_AT:
            break


async def async_return_from_loop(items: AsyncIterable[int]) -> int | None:
    async for i in items:
        if i == STOP_AT:
            return i
    return None


async def async_break_in_except(items: AsyncIterable[int]) -> None:
    async for i in items:
        try:
            await _fail_at_stop_later(i)
        except JobFailed:
            break


async def async_break_in_with(items: AsyncIterable[int]) -> None:
    async for i in items:
        with contextlib.suppress(LookupError):
            if i == STOP_AT:
                break


async def async_break_inner_loop(items: AsyncIterable[int]) -> None:
    for _ in range(1):
        async for i in items:
            if i == STOP_AT:
                break


async def async_raise_plain(items: AsyncIterable[int]) -> None:
    async for i in items:
        if i == STOP_AT:
            raise JobFailed(i)


async def async_raise_from_await(items: AsyncIterable[int]) -> None:
    async for i in items:
        await _fail_at_stop_later(i)


async def async_raise_in_with(items: AsyncIterable[int]) -> None:
    async for i in items:
        with contextlib.suppress(LookupError):
            if i == STOP_AT:
                raise JobFailed(i)


async def async_raise_through_finally(items: AsyncIterable[int]) -> None:
    async for i in items:
        try:
            if i == STOP_AT:
                raise JobFailed(i)
        finally:
            await asyncio.sleep(0)


ASYNC_SHAPES = [
    (async_break_plain, False),
    (async_break_after_await, False),
    (async_return_from_loop, False),
    (async_break_in_except, False),
    (async_break_in_with, False),
    (async_break_inner_loop, False),
    (async_raise_plain, True),
    (async_raise_from_await, True),
    (async_raise_in_with, True),
    (async_raise_through_finally, True),
]
ASYNC_SHAPE_IDS = [shape.__name__ for shape, _ in ASYNC_SHAPES]


class _WatchedAsync:
    """Like _Watched for `async for`: a fresh iterator each time, read when it is dropped."""

    def __init__(self, readings: list[bool]) -> None:
        self._readings = readings

    def __aiter__(self) -> AsyncIterator[int]:
        return _WatchedAsyncIterator(self._readings)


class _WatchedAsyncIterator:
    def __init__(self, readings: list[bool]) -> None:
        self._readings = readings
        self._next = 0

    def __aiter__(self) -> AsyncIterator[int]:
        return self

    async def __anext__(self) -> int:
        if self._next == 10:
            self._next = -1
            raise StopAsyncIteration
        self._next += 1
        return self._next - 1

    def __del__(self) -> None:
        if self._next != -1:
            self._readings.append(left_by_exception(sys._getframe(1)))


@pytest.mark.anyio
@pytest.mark.parametrize(("shape", "by_exception"), ASYNC_SHAPES, ids=ASYNC_SHAPE_IDS)
async def test_each_async_loop_shape_is_read_right_cold_and_hot(
    shape: Callable[[AsyncIterable[int]], Any], by_exception: bool
) -> None:
    readings: list[bool] = []
    for _ in range(201):
        with contextlib.suppress(JobFailed):
            await shape(_WatchedAsync(readings))
    assert readings == [by_exception] * 201


@pytest.mark.anyio
@pytest.mark.parametrize(("shape", "by_exception"), ASYNC_SHAPES, ids=ASYNC_SHAPE_IDS)
async def test_async_progress_ends_red_only_when_an_exception_left_the_loop(
    activitysmith_server: ActivitySmithServer,
    async_activitysmith_client: AsyncActivitySmith,
    shape: Callable[[AsyncIterable[int]], Any],
    by_exception: bool,
) -> None:
    key = shape.__name__.replace("_", "-")
    bar = async_activitysmith_client.live_activities.progress(
        range(10), key, title="Job", min_interval=0.01
    )
    with contextlib.suppress(JobFailed):
        await shape(bar)
    for _ in range(1000):  # the final state goes out from a task the finalizer scheduled
        if any(a.ended for a in activitysmith_server.live_activities):
            break
        await asyncio.sleep(0.01)
    _expect_ending(activitysmith_server, key, by_exception)
