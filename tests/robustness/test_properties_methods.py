"""Property: every public method, sync and async, on any input, ends in a result or an
`ActivitySmithError`; what it sends is exactly what the caller gave and conforms to the spec;
the key is in nothing it produces."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from activitysmith import NOT_GIVEN, ActivitySmith, AsyncActivitySmith
from activitysmith import _errors as errors
from activitysmith._generated.operations import OPERATIONS
from activitysmith._operations import Operation
from activitysmith.testing import ActivitySmithServer
from tests.robustness.conftest import KEY, examples
from tests.robustness.oracle import as_json, leaks, spec_problems, strictly_equal
from tests.robustness.strategies import body_for, hostile_values, path_value

SECRET = KEY[4:]
BY_ID = {op.operation_id: op for op in OPERATIONS}

Call = Callable[[Any, tuple[Any, ...], dict[str, Any], dict[str, Any]], Any]

_NO_VALUE = object()


def _metric(client: Any, path: tuple[Any, ...], body: dict[str, Any], opts: dict[str, Any]) -> Any:
    return client.metrics.update(path[0], body.get("value"), body.get("timestamp"), **opts)


def _badge(client: Any, path: tuple[Any, ...], body: dict[str, Any], opts: dict[str, Any]) -> Any:
    target = body.get("target", NOT_GIVEN)
    return client.badge_count(body.get("badge"), target=target, **opts)


CALLS: dict[str, Call] = {
    "sendPushNotification": lambda c, p, b, o: c.notifications.send(b, **o),
    "replacePushNotification": lambda c, p, b, o: c.notifications.replace(p[0], b, **o),
    "reconcileLiveActivityStream": lambda c, p, b, o: c.live_activities.stream(p[0], b, **o),
    "endLiveActivityStream": lambda c, p, b, o: c.live_activities.end_stream(p[0], b, **o),
    "startLiveActivity": lambda c, p, b, o: c.live_activities.start(b, **o),
    "updateLiveActivity": lambda c, p, b, o: c.live_activities.update(b, **o),
    "endLiveActivity": lambda c, p, b, o: c.live_activities.end(b, **o),
    "updateMetricValue": _metric,
    "updateAppIconBadgeCount": _badge,
}


def test_every_operation_has_a_call() -> None:
    assert set(CALLS) == set(BY_ID)


def _expected(op: Operation[Any], body: dict[str, Any]) -> Any:
    """The JSON the caller asked for (the metric and badge calls take fields, not a dict)."""
    if op.operation_id == "updateMetricValue":
        fields = {"value": body.get("value")}
        if body.get("timestamp") is not None:
            fields["timestamp"] = body["timestamp"]
        return as_json(fields)
    if op.operation_id == "updateAppIconBadgeCount":
        fields = {"badge": body.get("badge")}
        if "target" in body:
            fields["target"] = body["target"]
        return as_json(fields)
    return as_json(body) if body else None


options = st.fixed_dictionaries(
    {},
    optional={
        "timeout": st.one_of(st.floats(0.5, 5), hostile_values),
        "max_retries": st.one_of(st.integers(0, 2), hostile_values),
        "total_timeout": st.one_of(st.floats(1, 5), hostile_values),
    },
)


@pytest.fixture(scope="module")
def server() -> Iterator[ActivitySmithServer]:
    with ActivitySmithServer(api_key=KEY, rate_limit=None, auto_create_metrics=True) as server:
        yield server


@pytest.fixture(scope="module")
def sync_client(server: ActivitySmithServer) -> Iterator[ActivitySmith]:
    with ActivitySmith(KEY, base_url=server.base_url, rate_limit=None, max_retries=0) as client:
        yield client


@pytest.fixture(scope="module")
def async_runner(server: ActivitySmithServer) -> Iterator[tuple[asyncio.Runner, Any]]:
    with asyncio.Runner() as runner:

        async def make() -> AsyncActivitySmith:
            return AsyncActivitySmith(KEY, base_url=server.base_url, rate_limit=None, max_retries=0)

        client = runner.run(make())
        yield runner, client
        runner.run(client.close())


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


@pytest.fixture(scope="module")
def debug_records() -> Iterator[_Records]:
    """Every record of the SDK, httpx and httpcore at DEBUG, for the whole module."""
    handler = _Records()
    loggers = [logging.getLogger(name) for name in ("activitysmith", "httpx", "httpcore")]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.addHandler(handler)
        logger.setLevel(logging.DEBUG)
    yield handler
    for logger, level in zip(loggers, levels, strict=True):
        logger.removeHandler(handler)
        logger.setLevel(level)


def _check(
    server: ActivitySmithServer,
    before: int,
    op: Operation[Any],
    body: dict[str, Any],
    outcome: Any,
    records: _Records,
) -> None:
    if isinstance(outcome, BaseException):
        assert isinstance(outcome, errors.ActivitySmithError), repr(outcome)
        if isinstance(outcome, errors.ValidationError):
            assert outcome.field, repr(outcome)
            assert len(server.requests) == before, "a refused request reached the server"
        texts = [str(outcome), repr(outcome), repr(vars(outcome))]
    else:
        texts = [repr(outcome), str(outcome.to_dict())]
    assert not leaks(SECRET, *texts, *records.lines)
    records.lines.clear()
    sent = server.requests[before:]
    if sent and not isinstance(outcome, errors.ValidationError):
        request = sent[-1]
        expected = _expected(op, body)
        assert strictly_equal(request.json, expected), (request.json, expected)
        assert spec_problems(op, request.json) == []


def _draw_call(
    data: st.DataObject,
) -> tuple[Operation[Any], tuple[Any, ...], dict[str, Any], dict[str, Any]]:
    op = BY_ID[data.draw(st.sampled_from(sorted(BY_ID)), label="operation")]
    path = tuple(path_value(op, name, data) for name in op.path_params)
    body = body_for(op, data)
    return op, path, body, data.draw(options, label="options")


@given(data=st.data())
@examples(300)
def test_sync_methods(
    data: st.DataObject,
    server: ActivitySmithServer,
    sync_client: ActivitySmith,
    debug_records: _Records,
) -> None:
    op, path, body, opts = _draw_call(data)
    before = len(server.requests)
    try:
        outcome: Any = CALLS[op.operation_id](sync_client, path, body, opts)
    except Exception as exc:
        outcome = exc
    _check(server, before, op, body, outcome, debug_records)


@given(data=st.data())
@examples(200)
def test_async_methods(
    data: st.DataObject,
    server: ActivitySmithServer,
    async_runner: tuple[asyncio.Runner, AsyncActivitySmith],
    debug_records: _Records,
) -> None:
    runner, client = async_runner
    op, path, body, opts = _draw_call(data)
    before = len(server.requests)

    async def call() -> Any:
        return await CALLS[op.operation_id](client, path, body, opts)

    try:
        outcome: Any = runner.run(call())
    except Exception as exc:
        outcome = exc
    _check(server, before, op, body, outcome, debug_records)
