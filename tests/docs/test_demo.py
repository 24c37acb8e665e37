"""`make demo` (python -m activitysmith.demo) runs every scenario offline, without a key."""

from __future__ import annotations

import os
import subprocess
import sys


def test_demo_runs_every_scenario_without_key_or_network() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ACTIVITYSMITH_")}
    done = subprocess.run(
        [sys.executable, "-m", "activitysmith.demo"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    out = done.stdout
    for expected in (
        "Push notification",
        "Rich push with media",
        "Actionable push",
        "operation='started'",
        "operation='noop'",
        "operation='updated'",
        "operation='ended'",
        "Stream: segmented_progress",
        "Stream: progress",
        "Stream: timer",
        "Stream: alert",
        "Stream: value",
        "Stream: stats",
        "Full lifecycle: start",
        "Full lifecycle: update",
        "Full lifecycle: end",
        "POST /api/metrics/deploy.success_rate/value → 200",
        "POST /api/badge → 200",
        "Caught NoRecipientsError: 422",
        "██████████████░░░░░░░░░░ 60%",
    ):
        assert expected in out, expected
    assert done.stderr == ""
