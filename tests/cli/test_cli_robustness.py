"""The command line never prints a traceback: every failure is one line and an exit code.

0 a delivered request (whatever its answer holds), 1 the API answered an error, 2 usage or
validation (nothing sent), 3 network or timeout; `run` exits with the command's own code.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from activitysmith.testing import ActivitySmithServer
from tests.robustness.hostile import Hostile, reply

from .conftest import CLI, clean_env

KEY = "ask_live_Sup3rSecretKeyValue0123456789"


def run_bytes(
    *args: str | bytes, env: dict[str, str], module: str = "activitysmith.cli"
) -> subprocess.CompletedProcess[bytes]:
    """The CLI with argv given as bytes where needed (text that is not UTF-8)."""
    argv = [os.fsencode(a) if isinstance(a, str) else a for a in args]
    command = [os.fsencode(c) for c in (*CLI[:-1], module)]
    return subprocess.run([*command, *argv], env=env, capture_output=True, timeout=60, check=False)


@pytest.fixture
def env(activitysmith_server: ActivitySmithServer) -> dict[str, str]:
    return clean_env(
        ACTIVITYSMITH_BASE_URL=activitysmith_server.base_url,
        ACTIVITYSMITH_API_KEY=activitysmith_server.api_key,
    )


@pytest.fixture
def hostile() -> Iterator[Hostile]:
    with Hostile() as server:
        yield server


def _no_traceback(result: subprocess.CompletedProcess[bytes]) -> None:
    assert b"Traceback" not in result.stderr, result.stderr.decode(errors="replace")
    assert b"Traceback" not in result.stdout


@pytest.mark.parametrize(
    "args",
    [
        ("push", "--title", b"caf\xe9"),
        ("push", "--title", "x", "--tag", b"\xff"),
        ("metric", "uptime", b"\xc3"),
        ("stream", b"k\xff", "--title", "x"),
        ("push", "--title", "x", "--timeout", "1e308"),
        ("push", "--title", "x", "--timeout", "1e-400"),
        ("push", "--title", "x", "--base-url", "http://[::1"),
        ("push", "--title", "x", "--base-url", "https://u:p@example.com/api"),
        ("push", "--title", "x", "--api-key", "ask_a\u200bb"),
        ("push", "--title", "x", "--api-key", b"ask_\xff"),
        ("push", "--title", "x", "--retries", "99999999999999999999999"),
        ("sandbox", "--port", "99999"),
        ("sandbox", "--port", "-5"),
        ("badge", "1" + "0" * 5000),
    ],
)
def test_bad_input_is_a_usage_error_without_a_traceback(
    env: dict[str, str], activitysmith_server: ActivitySmithServer, args: tuple[str | bytes, ...]
) -> None:
    result = run_bytes(*args, env=env)
    _no_traceback(result)
    assert result.returncode == 2, result.stderr
    assert activitysmith_server.requests == []


def test_deep_content_state_file_is_a_usage_error(
    env: dict[str, str], tmp_path: Path, activitysmith_server: ActivitySmithServer
) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text('{"title": "x", "type": "progress", "a": ' + "[" * 5000 + "]" * 5000 + "}")
    result = run_bytes("stream", "k", "--content-state", f"@{deep}", env=env)
    _no_traceback(result)
    assert result.returncode == 2
    assert activitysmith_server.requests == []


def test_the_key_never_appears_in_cli_output(
    env: dict[str, str], activitysmith_server: ActivitySmithServer
) -> None:
    bad = {**env, "ACTIVITYSMITH_API_KEY": KEY + "\x01"}
    result = run_bytes("push", "--title", "x", env=bad)
    _no_traceback(result)
    assert result.returncode == 2
    assert KEY[4:].encode() not in result.stderr + result.stdout


def test_a_delivered_push_exits_0_whatever_its_answer_holds(hostile: Hostile) -> None:
    hostile.answer(
        reply(200, b'{"success": true, "timestamp": "2026-01-31T12:00:00Z", "x": "\\ud800"}')
    )
    env = clean_env(ACTIVITYSMITH_BASE_URL=hostile.base_url, ACTIVITYSMITH_API_KEY=KEY)
    for extra in ((), ("--json",)):
        result = run_bytes("push", "--title", "x", *extra, env=env)
        _no_traceback(result)
        assert result.returncode == 0, result.stderr
        assert b"warning" in result.stderr
    assert len(hostile.requests) == 2


def test_a_delivered_push_with_an_answer_too_large_exits_0(hostile: Hostile) -> None:
    from tests.robustness.hostile import chunked_flood

    hostile.answer(chunked_flood())
    env = clean_env(ACTIVITYSMITH_BASE_URL=hostile.base_url, ACTIVITYSMITH_API_KEY=KEY)
    result = run_bytes("push", "--title", "x", env=env)
    _no_traceback(result)
    assert result.returncode == 0


def test_an_echoed_key_never_reaches_the_terminal(hostile: Hostile) -> None:
    from tests.robustness.hostile import echo_authorization

    hostile.answer(echo_authorization(401))
    env = clean_env(ACTIVITYSMITH_BASE_URL=hostile.base_url, ACTIVITYSMITH_API_KEY=KEY)
    result = run_bytes("push", "--title", "x", "--json", env=env)
    assert result.returncode == 1
    assert KEY[4:].encode() not in result.stdout + result.stderr


@pytest.mark.parametrize("code", [0, 3, 42])
def test_run_exits_with_the_commands_code_whatever_its_argv(
    env: dict[str, str], activitysmith_server: ActivitySmithServer, code: int
) -> None:
    result = run_bytes(
        "run", "--stream-key", "job", "--", "sh", "-c", f"exit {code}", b"\xff", env=env
    )
    _no_traceback(result)
    assert result.returncode == code


def test_run_default_title_is_the_program_name_not_its_arguments(
    env: dict[str, str], activitysmith_server: ActivitySmithServer
) -> None:
    result = run_bytes(
        "run",
        "--stream-key",
        "job",
        "--",
        "/bin/sh",
        "-c",
        "exit 0",
        "--password=hunter2",
        env=env,
    )
    assert result.returncode == 0
    sent = json.dumps([r.json for r in activitysmith_server.requests])
    assert "hunter2" not in sent
    assert activitysmith_server.requests[0].json["content_state"]["title"] == "sh"


def test_run_with_an_unusable_key_still_runs_the_command(env: dict[str, str]) -> None:
    bad = {**env, "ACTIVITYSMITH_API_KEY": "ask_\u200bx"}
    result = run_bytes("run", "--stream-key", "job", "--", "sh", "-c", "exit 5", env=bad)
    _no_traceback(result)
    assert result.returncode == 5


@pytest.mark.parametrize(
    "args", [("--port", "99999"), ("--port", "-5"), ("--api-key", ""), ("--port", "x")]
)
def test_the_testing_server_command_line_gives_usage_errors(args: tuple[str, ...]) -> None:
    result = run_bytes(*args, env=clean_env(), module="activitysmith.testing")
    _no_traceback(result)
    assert result.returncode == 2
    assert result.stderr.startswith(b"usage: ")


def test_in_process_main_returns_codes_instead_of_raising(
    env: dict[str, str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from activitysmith.cli import main

    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert main(["push", "--title", "caf\udce9"]) == 2
    assert main(["badge", "3"]) == 0
    assert sys.exc_info() == (None, None, None)
