"""`activitysmith sandbox`: a local API the other commands can talk to, started from the CLI."""

from __future__ import annotations

import json
import re
import signal
import subprocess

from .conftest import CLI, clean_env, run_cli


def test_sandbox_prints_its_url_and_key_and_serves_the_other_commands() -> None:
    # A real key in the environment must neither be used nor shown by the sandbox.
    env = clean_env(ACTIVITYSMITH_API_KEY="ask_real_secret_key")
    proc = subprocess.Popen(
        [*CLI, "sandbox", "--port", "0"], env=env, stdout=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout is not None
        url_line, key_line = proc.stdout.readline(), proc.stdout.readline()
        match = re.fullmatch(r"ACTIVITYSMITH_BASE_URL=(http://127\.0\.0\.1:\d+/api)\n", url_line)
        assert match is not None, url_line
        assert key_line == "ACTIVITYSMITH_API_KEY=ask_test_local\n"

        client_env = clean_env(
            ACTIVITYSMITH_BASE_URL=match.group(1), ACTIVITYSMITH_API_KEY="ask_test_local"
        )
        pushed = run_cli("push", "--title", "Hello from the sandbox", env=client_env)
        assert (pushed.returncode, pushed.stderr) == (0, "")
        assert pushed.stdout.startswith("Push sent to 3 devices (notification ")
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.communicate(timeout=10)
    assert proc.returncode == 0


def test_sandbox_json_prints_one_object_with_the_explicit_key_and_stops_on_ctrl_c() -> None:
    proc = subprocess.Popen(
        [*CLI, "sandbox", "--json", "--api-key", "ask_demo"],
        env=clean_env(),
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        announced = json.loads(proc.stdout.readline())
        assert announced["api_key"] == "ask_demo"
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+/api", announced["base_url"])
        env = clean_env(ACTIVITYSMITH_BASE_URL=announced["base_url"])
        wrong = run_cli("badge", "1", "--api-key", "ask_test_local", env=env)
        right = run_cli("badge", "1", "--api-key", "ask_demo", env=env)
        assert (wrong.returncode, right.returncode) == (1, 0)
    finally:
        proc.send_signal(signal.SIGINT)
        rest, _ = proc.communicate(timeout=10)
    assert (proc.returncode, rest) == (0, "")
