"""Fixtures for driving `python -m activitysmith.cli` as a subprocess against the local server."""

from __future__ import annotations

import contextlib
import io
import os
import socket
import subprocess
import sys
from collections.abc import Callable, Mapping
from typing import Any

import pytest

from activitysmith.testing import ActivitySmithServer

CLI = [sys.executable, "-m", "activitysmith.cli"]
Cli = Callable[..., subprocess.CompletedProcess[str]]


def clean_env(**extra: str) -> dict[str, str]:
    """The test process's environment without any ACTIVITYSMITH_* variable, plus `extra`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("ACTIVITYSMITH_")}
    env.update(extra)
    return env


def run_cli(
    *args: str,
    env: Mapping[str, str],
    input: str | None = None,
    timeout: float = 30,
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*CLI, *args],
        env=dict(env),
        input=input,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


@pytest.fixture
def server_env(activitysmith_server: ActivitySmithServer) -> dict[str, str]:
    """An environment pointing the CLI at the local server."""
    return clean_env(
        ACTIVITYSMITH_BASE_URL=activitysmith_server.base_url,
        ACTIVITYSMITH_API_KEY=activitysmith_server.api_key,
    )


@pytest.fixture
def cli(server_env: dict[str, str]) -> Cli:
    """Run the CLI with the local server's URL and key in the environment."""

    def call(*args: str, **kwargs: Any) -> subprocess.CompletedProcess[str]:
        return run_cli(*args, env=server_env, **kwargs)

    return call


@pytest.fixture
def cli_in_process(server_env: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> Cli:
    """Call `activitysmith.cli.main` in this process (same code as the subprocess, faster).

    For the exhaustive flag matrices; every command also has subprocess tests.
    """
    from activitysmith.cli import main

    for name in [k for k in os.environ if k.startswith("ACTIVITYSMITH_")]:
        monkeypatch.delenv(name)
    for name in ("ACTIVITYSMITH_BASE_URL", "ACTIVITYSMITH_API_KEY"):
        monkeypatch.setenv(name, server_env[name])

    def call(*args: str) -> subprocess.CompletedProcess[str]:
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(list(args))
        return subprocess.CompletedProcess(list(args), code, out.getvalue(), err.getvalue())

    return call


@pytest.fixture
def closed_port_url() -> str:
    """A base URL on 127.0.0.1 where nothing listens (connections are refused)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/api"
