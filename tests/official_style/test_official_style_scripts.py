"""Scripts written as users of the official `activitysmith` package write them run unchanged.

Each script in `scripts/` imports and calls the SDK the way code for the official 1.14.0
package does (`from activitysmith import ActivitySmith, action, ...`, `activitysmith =
ActivitySmith(api_key=...)`, `activitysmith.live_activities.TYPE_METRICS`, ...), and knows
nothing about this SDK or its local server: it runs in its own process, pointed at the local
server only by the environment (`ACTIVITYSMITH_BASE_URL`). Together they use every call form
of the official facade.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from activitysmith._generated.operations import OPERATIONS
from activitysmith.testing import ActivitySmithServer, RecordedRequest

SCRIPTS = sorted((Path(__file__).parent / "scripts").glob("*.py"))


@pytest.fixture(scope="module")
def server() -> Iterator[ActivitySmithServer]:
    """A server with every default: devices, channels, limits, rate budgets."""
    with ActivitySmithServer() as server:
        yield server


def run(script: Path, server: ActivitySmithServer) -> list[RecordedRequest]:
    server.reset()
    environment = {
        **os.environ,
        "ACTIVITYSMITH_API_KEY": server.api_key,
        "ACTIVITYSMITH_BASE_URL": server.base_url,
    }
    done = subprocess.run(
        [sys.executable, str(script)],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    return server.requests


@pytest.mark.parametrize("script", SCRIPTS, ids=[script.stem for script in SCRIPTS])
def test_script_runs_unchanged_and_every_request_succeeds(
    script: Path, server: ActivitySmithServer
) -> None:
    requests = run(script, server)

    failed = [(r.method, r.path, r.status, r.json) for r in requests if r.status != 200]
    assert failed == []
    assert len(requests) >= 10
    # Nothing the scripts did not set was added: no timer defaults, no webhook method.
    for request in requests:
        assert b"is_running" not in request.body
        if b'"counts_down"' in request.body:
            assert request.json["content_state"]["counts_down"] is False
    assert server.internal_errors == []


def test_the_scripts_together_reach_every_operation(server: ActivitySmithServer) -> None:
    seen: Counter[str] = Counter()
    ended_to_make_room = []
    for script in SCRIPTS:
        requests = run(script, server)
        seen.update(r.operation for r in requests if r.operation)
        ended_to_make_room += [
            a for a in server.live_activities if "make room" in (a.dismiss_reason or "")
        ]

    assert set(seen) == {op.operation_id for op in OPERATIONS}
    # The streams script opens more Live Activities than a device shows at once, without
    # ending them: the server made room instead of refusing.
    assert ended_to_make_room


def test_the_scripts_write_the_official_packages_imports() -> None:
    for script in SCRIPTS:
        source = script.read_text(encoding="utf-8")
        assert "from activitysmith import" in source, script.name
        assert "activitysmith = ActivitySmith(" in source, script.name
        assert "activitysmith.testing" not in source, script.name
        assert "base_url" not in source, script.name
