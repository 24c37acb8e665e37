"""`make demo` (python -m activitysmith.demo) runs every scenario offline, without a key."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys

import httpx


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
        "`make demo PREVIEW=1` keeps it open",
    ):
        assert expected in out, expected
    assert done.stderr == ""


def test_demo_preview_prints_the_page_and_keeps_the_server_running_until_stopped() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ACTIVITYSMITH_")}
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "activitysmith.demo",
            "--preview",
            "--pace",
            "0",
            "--wait-for-page",
            "0",
        ],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert process.stdout is not None
        lines = []
        while not lines or "press Ctrl-C to stop" not in lines[-1]:
            line = process.stdout.readline()
            assert line, "".join(lines)
            lines.append(line)
        printed = "".join(lines)
        match = re.search(r"Lock Screen preview: (http://127\.0\.0\.1:\d+/)", printed)
        assert match is not None, printed
        state = httpx.get(match.group(1) + "_preview/state").json()
        assert len(state["notifications"]) >= 3  # still serving, with what the demo sent
        assert {a["type"] for a in state["activities"]} >= {"metrics", "progress", "timer"}
        assert process.poll() is None
    finally:
        process.send_signal(signal.SIGTERM)
        process.communicate(timeout=10)
    assert process.returncode == 0
