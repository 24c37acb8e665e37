"""`activitysmith run -- CMD`: the command's streams and exit code are its own; the phone is told."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from typing import Any

import pytest

from activitysmith.testing import ActivitySmithServer, Fault

from .conftest import CLI, Cli, clean_env, run_cli

PY = sys.executable
RUNNING = {"content_state": {"title": "Backup", "type": "timer", "counts_down": False}}


def wire(server: ActivitySmithServer) -> list[tuple[str, str]]:
    return [(r.method, r.path) for r in server.requests]


def final_state(server: ActivitySmithServer) -> dict[str, Any]:
    [end] = [r for r in server.requests if r.method == "DELETE"]
    state: dict[str, Any] = end.json["content_state"]
    return state


def wait_until(condition: Callable[[], object], timeout: float = 10) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        time.sleep(0.02)


def test_success_keeps_the_commands_streams_and_ends_the_activity_green(
    cli: Cli, activitysmith_server: ActivitySmithServer
) -> None:
    script = (
        "import sys; data = sys.stdin.read(); print('out:' + data); print('err', file=sys.stderr)"
    )

    result = cli(
        "run", "--stream-key", "backup", "--title", "Backup", "--", PY, "-c", script, input="piped"
    )

    assert result.returncode == 0
    assert result.stdout == "out:piped\n"
    assert result.stderr == "err\n"
    assert wire(activitysmith_server) == [
        ("PUT", "/api/live-activity/stream/backup"),
        ("DELETE", "/api/live-activity/stream/backup"),
    ]
    assert activitysmith_server.requests[0].json == RUNNING
    state = final_state(activitysmith_server)
    assert re.fullmatch(r"Succeeded in \d+\.\ds", state.pop("subtitle"))
    assert state == {
        "title": "Backup",
        "color": "green",
        "is_running": False,
        "icon": {"symbol": "checkmark.circle.fill", "color": "green"},
    }


def test_failure_keeps_the_exit_code_ends_red_and_pushes(
    cli: Cli, activitysmith_server: ActivitySmithServer
) -> None:
    result = cli(
        "run",
        "--stream-key",
        "backup",
        "--title",
        "Backup",
        "--channels",
        "ops",
        "--",
        "sh",
        "-c",
        "echo partial; exit 3",
    )

    assert (result.returncode, result.stdout, result.stderr) == (3, "partial\n", "")
    assert wire(activitysmith_server) == [
        ("PUT", "/api/live-activity/stream/backup"),
        ("DELETE", "/api/live-activity/stream/backup"),
        ("POST", "/api/push-notification"),
    ]
    assert activitysmith_server.requests[0].json == {**RUNNING, "channels": ["ops"]}
    state = final_state(activitysmith_server)
    assert re.fullmatch(r"Failed with exit code 3 after \d+\.\ds", state["subtitle"])
    assert (state["color"], state["icon"]) == (
        "red",
        {"symbol": "xmark.octagon.fill", "color": "red"},
    )
    push = activitysmith_server.requests[2].json
    assert push == {
        "title": "Backup failed",
        "message": state["subtitle"] + ".",
        "target": {"channels": ["ops"]},
    }


@pytest.mark.parametrize(
    ("push_on", "command", "pushed"),
    [("always", "true", ["Backup succeeded"]), ("never", "false", [])],
)
def test_push_on_chooses_when_a_push_is_sent(
    cli: Cli,
    activitysmith_server: ActivitySmithServer,
    push_on: str,
    command: str,
    pushed: list[str],
) -> None:
    cli("run", "--stream-key", "backup", "--title", "Backup", "--push-on", push_on, "--", command)

    assert [n.payload["title"] for n in activitysmith_server.notifications] == pushed


def test_a_command_killed_by_a_signal_exits_128_plus_the_signal(
    cli: Cli, activitysmith_server: ActivitySmithServer
) -> None:
    result = cli(
        "run", "--stream-key", "job", "--push-on", "never", "--", "sh", "-c", "kill -TERM $$"
    )

    assert result.returncode == 128 + signal.SIGTERM
    assert re.fullmatch(
        r"Killed by SIGTERM after \d+\.\ds", final_state(activitysmith_server)["subtitle"]
    )
    assert final_state(activitysmith_server)["title"] == "sh"  # the program, never its argv


def _start_run(server_env: dict[str, str], child: str) -> subprocess.Popen[str]:
    """The CLI running `child` in a new session (no controlling terminal), once it is ready."""
    proc = subprocess.Popen(
        [*CLI, "run", "--stream-key", "job", "--push-on", "never", "--", PY, "-c", child],
        env=server_env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline() == "ready\n"
    return proc


def test_sigterm_to_the_cli_is_forwarded_to_the_command(
    server_env: dict[str, str], activitysmith_server: ActivitySmithServer
) -> None:
    proc = _start_run(server_env, "import time; print('ready', flush=True); time.sleep(30)")
    wait_until(lambda: "job" in activitysmith_server.streams)

    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=20)

    assert proc.returncode == 128 + signal.SIGTERM  # the CLI itself was not killed (-15)
    assert err == ""
    assert final_state(activitysmith_server)["subtitle"].startswith("Killed by SIGTERM after ")


def test_sigint_to_the_cli_without_a_terminal_is_forwarded_to_the_command(
    server_env: dict[str, str],
) -> None:
    child = (
        "import signal, sys, time\n"
        "signal.signal(signal.SIGINT, lambda *_: sys.exit(42))\n"
        "print('ready', flush=True)\n"
        "time.sleep(30)\n"
    )
    proc = _start_run(server_env, child)

    proc.send_signal(signal.SIGINT)
    proc.communicate(timeout=20)

    assert proc.returncode == 42


# Runs in a fresh, single-threaded interpreter: forking the test process itself, which has
# server threads, could deadlock the child (Python 3.12+ warns about exactly that).
_TERMINAL = """
import os, pty, sys
pid, master = pty.fork()
if pid == 0:  # the CLI, with the pty as its controlling terminal
    os.execv(sys.argv[1], sys.argv[1:])
seen = b""
while b"ready" not in seen:
    seen += os.read(master, 1024)
os.write(master, b"\\x03")  # Ctrl-C: the terminal signals its foreground group
_, status = os.waitpid(pid, 0)
sys.exit(os.waitstatus_to_exitcode(status))
"""


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_ctrl_c_in_a_terminal_reaches_the_command_once(server_env: dict[str, str]) -> None:
    child = (
        "import signal, sys, time\n"
        "hits = []\n"
        "signal.signal(signal.SIGINT, lambda *_: hits.append(1))\n"
        "print('ready', flush=True)\n"
        "while not hits: time.sleep(0.01)\n"
        "time.sleep(0.5)\n"
        "sys.exit(10 + len(hits))\n"
    )
    cli = [*CLI, "run", "--stream-key", "job", "--push-on", "never", "--", PY, "-c", child]

    result = subprocess.run([PY, "-c", _TERMINAL, *cli], env=server_env, timeout=60, check=False)

    assert result.returncode == 11  # one SIGINT, not two


def test_unreachable_api_changes_nothing_but_one_warning(closed_port_url: str) -> None:
    env = clean_env(ACTIVITYSMITH_API_KEY="ask_k", ACTIVITYSMITH_BASE_URL=closed_port_url)
    began = time.monotonic()

    result = run_cli(
        "run",
        "--stream-key",
        "backup",
        "--push-on",
        "always",
        "--",
        "sh",
        "-c",
        "echo done; exit 5",
        env=env,
    )

    assert time.monotonic() - began < 5
    assert (result.returncode, result.stdout) == (5, "done\n")
    [warning] = result.stderr.splitlines()
    assert warning.startswith(
        "activitysmith: warning: ActivitySmith is unreachable (Connection failed: "
    )
    assert warning.endswith("); the command is not affected")


def test_api_errors_during_a_run_are_one_warning_each_and_keep_the_exit_code(
    cli: Cli, activitysmith_server: ActivitySmithServer
) -> None:
    activitysmith_server.inject(Fault.server_error(500), times=2, method="PUT")

    result = cli("run", "--stream-key", "backup", "--title", "Backup", "--", "sh", "-c", "exit 7")

    assert result.returncode == 7
    assert result.stderr == (
        "activitysmith: warning: API error 500: Internal Server Error: "
        "Injected server error; the command is not affected\n"
    )
    # No activity was started, so none is ended; the failure push still goes out.
    assert wire(activitysmith_server)[-1] == ("POST", "/api/push-notification")
    assert "DELETE" not in [method for method, _ in wire(activitysmith_server)]


def test_missing_api_key_still_runs_the_command_with_one_warning() -> None:
    result = run_cli("run", "--stream-key", "backup", "--", "sh", "-c", "exit 4", env=clean_env())

    assert result.returncode == 4
    assert result.stderr == (
        "activitysmith: warning: no API key: set ACTIVITYSMITH_API_KEY or pass --api-key "
        "(create a key in the ActivitySmith web app); running the command without a "
        "Live Activity\n"
    )


def test_a_missing_command_exits_127(cli: Cli, activitysmith_server: ActivitySmithServer) -> None:
    result = cli("run", "--stream-key", "backup", "--push-on", "never", "--", "no-such-command-x")

    assert result.returncode == 127
    assert result.stderr == "activitysmith: no-such-command-x: command not found\n"
    assert activitysmith_server.requests == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--stream-key", "backup"],
            "activitysmith run: error: no command given (put it after --)",
        ),
        (
            ["--stream-key", "night backup", "--", "true"],
            "activitysmith run: error: invalid --stream-key: may contain only letters, digits, "
            "'_' and '-'",
        ),
    ],
)
def test_run_usage_errors_exit_2_without_running_anything(
    cli: Cli, activitysmith_server: ActivitySmithServer, args: list[str], message: str
) -> None:
    result = cli("run", *args)

    assert result.returncode == 2
    assert result.stderr.endswith(message + "\n")
    assert activitysmith_server.requests == []


def test_a_command_faster_than_the_api_still_gets_its_activity_ended(
    cli: Cli, activitysmith_server: ActivitySmithServer
) -> None:
    activitysmith_server.inject(Fault.hang(0.3), method="PUT")

    result = cli("run", "--stream-key", "quick", "--", "true")

    assert (result.returncode, result.stderr) == (0, "")
    assert wire(activitysmith_server) == [
        ("PUT", "/api/live-activity/stream/quick"),
        ("DELETE", "/api/live-activity/stream/quick"),
    ]


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(0.04, "0.0s"), (3.25, "3.2s"), (42.4, "42s"), (65, "1m 05s"), (7389, "2h 03m 09s")],
)
def test_durations_read_like_a_stopwatch(seconds: float, text: str) -> None:
    from activitysmith._durations import format_duration

    assert format_duration(seconds, stopwatch=True) == text
