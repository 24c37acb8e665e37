"""Fixtures of the robustness suite: the hostile server, clients, and the property-test budget.

The property tests run a few hundred examples each in `make check` (derandomized, so CI
is reproducible, and within two minutes in all) and many more under `make fuzz`
(`ACTIVITYSMITH_FUZZ=1`: random, twenty times the examples, a database of failures kept
in build/hypothesis).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import pytest
from hypothesis import HealthCheck, settings
from hypothesis.database import DirectoryBasedExampleDatabase

from tests.robustness.hostile import Hostile

KEY = "ask_live_Sup3rSecretKeyValue0123456789"
"""The key every robustness test uses: it must never appear in anything the SDK produces."""

MARGIN = 0.75
"""Seconds a call may overrun its deadline (thread and event-loop scheduling on a loaded
two-core machine: the deadline itself is exact)."""

FUZZ = os.environ.get("ACTIVITYSMITH_FUZZ", "") not in ("", "0")
SCALE = int(os.environ.get("ACTIVITYSMITH_FUZZ_SCALE", "20")) if FUZZ else 1

_QUIET = [HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large]
_QUIET.append(HealthCheck.function_scoped_fixture)

F = TypeVar("F", bound=Callable[..., Any])


def examples(count: int) -> Callable[[F], F]:
    """The settings of one property family: `count` examples in `make check`, x SCALE in fuzz."""
    if FUZZ:
        return settings(
            max_examples=count * SCALE,
            deadline=None,
            suppress_health_check=_QUIET,
            database=DirectoryBasedExampleDatabase("build/hypothesis"),
            print_blob=True,
        )
    return settings(
        max_examples=count,
        deadline=None,
        suppress_health_check=_QUIET,
        derandomize=True,
        database=None,
    )


# --- how long calls against hostile servers took, reported at the end of the run -------------

CALL_TIMES: list[tuple[float, float, str]] = []
"""(seconds taken, the deadline it had, what the server did), for the terminal summary."""


def record_call(seconds: float, deadline: float, what: str) -> None:
    CALL_TIMES.append((seconds, deadline, what))


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if not CALL_TIMES:
        return
    worst = max(CALL_TIMES, key=lambda entry: entry[0] - entry[1])
    longest = max(CALL_TIMES)
    terminalreporter.write_line(
        f"hostile server: {len(CALL_TIMES)} calls; longest {longest[0]:.2f} s "
        f"(deadline {longest[1]:g} s, {longest[2]}); largest overrun "
        f"{worst[0] - worst[1]:+.2f} s ({worst[2]})"
    )


@pytest.fixture(scope="module")
def hostile_server() -> Iterator[Hostile]:
    with Hostile() as server:
        yield server


@pytest.fixture
def hostile(hostile_server: Hostile) -> Iterator[Hostile]:
    """The module's hostile server, answering a valid 200 until a test says otherwise."""
    hostile_server.drop_connections()
    hostile_server.script()
    yield hostile_server
    hostile_server.drop_connections()


@pytest.fixture
def stopwatch() -> Callable[[], float]:
    began = time.monotonic()
    return lambda: time.monotonic() - began
