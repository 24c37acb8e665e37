"""The README's command-line examples work: shell blocks against `activitysmith sandbox`,
the crontab line and the GitHub Actions steps against the local server."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from activitysmith.testing import ActivitySmithServer

from .conftest import clean_env

README = Path(__file__).resolve().parents[2] / "README.md"
SECTION = "## Command line"
_FENCE = re.compile(r"^```(\w+)\n(.*?)^```", re.MULTILINE | re.DOTALL)
_BIN = os.path.dirname(sys.executable)  # where `activitysmith` and `python3` are installed


def cli_section(path: Path = README) -> str | None:
    """The README's command-line section, up to the next top-level heading."""
    text = path.read_text(encoding="utf-8")
    start = text.find(f"\n{SECTION}\n")
    if start < 0:
        return None
    end = text.find("\n## ", start + len(SECTION) + 2)
    return text[start : end if end >= 0 else None]


def blocks(section: str, language: str) -> list[str]:
    return [code for lang, code in _FENCE.findall(section) if lang == language]


def shell_script(sh_blocks: list[str], port: int) -> str:
    """All shell blocks in order, as one script; the sandbox gets a free port."""
    lines = ["set -euo pipefail", "trap 'kill $(jobs -p) 2>/dev/null || true' EXIT"]
    for block in sh_blocks:
        lines.append(block.replace("8787", str(port)))
        if "activitysmith sandbox" in block:
            lines.append(f"until (: </dev/tcp/127.0.0.1/{port}) 2>/dev/null; do sleep 0.05; done")
    return "\n".join(lines) + "\n"


def _env(**extra: str) -> dict[str, str]:
    return clean_env(PATH=_BIN + os.pathsep + os.environ.get("PATH", ""), **extra)


@pytest.fixture(scope="module")
def section() -> str:
    found = cli_section()
    if found is None:
        pytest.skip(f"README.md has no {SECTION!r} section yet")
    return found


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_readme_shell_examples_run_against_the_sandbox(section: str) -> None:
    script = shell_script(blocks(section, "sh"), _free_port())

    result = subprocess.run(
        ["bash", "-c", script], env=_env(), capture_output=True, text=True, timeout=120
    )

    assert result.returncode == 0, result.stderr
    # The one error is the example that shows an error object and exit code 1.
    assert result.stderr.splitlines() == [
        "activitysmith: error: API error 404: Metric not found: No metric with key "
        "'no.such.metric'; create it in the web app first"
    ]
    assert '"operation": "updated"' in result.stdout
    assert "exit code 1\n" in result.stdout


def test_readme_crontab_line_runs_the_job_under_activitysmith_run(
    section: str, activitysmith_server: ActivitySmithServer, tmp_path: Path
) -> None:
    job = tmp_path / "bin" / "backup.sh"
    job.parent.mkdir()
    job.write_text("#!/bin/sh\necho backed up\n")
    job.chmod(0o755)
    [crontab] = blocks(section, "crontab")
    commands = [
        line.split(maxsplit=5)[5]
        for line in crontab.splitlines()
        if line.strip() and not line.startswith("#") and not re.match(r"[A-Z_]+=", line)
    ]
    env = _env(
        HOME=str(tmp_path),
        ACTIVITYSMITH_BASE_URL=activitysmith_server.base_url,
        ACTIVITYSMITH_API_KEY=activitysmith_server.api_key,
    )

    results = [
        subprocess.run(["sh", "-c", c], env=env, capture_output=True, text=True, timeout=60)
        for c in commands
    ]

    assert [(r.returncode, r.stdout, r.stderr) for r in results] == [(0, "backed up\n", "")]
    assert [(r.method, r.path) for r in activitysmith_server.requests] == [
        ("PUT", "/api/live-activity/stream/nightly-backup"),
        ("DELETE", "/api/live-activity/stream/nightly-backup"),
    ]
    assert activitysmith_server.requests[1].json["content_state"]["color"] == "green"


def test_readme_github_actions_steps_run_and_push_on_failure(
    section: str, activitysmith_server: ActivitySmithServer, tmp_path: Path
) -> None:
    yaml = pytest.importorskip("yaml")
    [workflow] = blocks(section, "yaml")
    steps = yaml.safe_load(workflow)["jobs"]["test"]["steps"]
    scripts = [s["run"] for s in steps if "run" in s and not s["run"].startswith("pip install")]
    (tmp_path / "test_ok.py").write_text("def test_ok():\n    pass\n")
    env = _env(
        PYTEST_DISABLE_PLUGIN_AUTOLOAD="1",  # the nested pytest of the example: fast start
        GITHUB_RUN_ID="4242",
        GITHUB_REPOSITORY="acme/api",
        GITHUB_WORKFLOW="CI",
        GITHUB_REF_NAME="main",
        GITHUB_SERVER_URL="https://github.com",
        ACTIVITYSMITH_BASE_URL=activitysmith_server.base_url,
        ACTIVITYSMITH_API_KEY=activitysmith_server.api_key,
    )

    results = [
        subprocess.run(
            ["bash", "-e", "-c", script],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        for script in scripts
    ]

    assert [r.returncode for r in results] == [0, 0], [r.stderr for r in results]
    assert [(r.method, r.path) for r in activitysmith_server.requests] == [
        ("PUT", "/api/live-activity/stream/ci-4242"),
        ("DELETE", "/api/live-activity/stream/ci-4242"),
        ("POST", "/api/push-notification"),
    ]
    assert activitysmith_server.requests[2].json == {
        "title": "CI failed: acme/api",
        "message": "CI on main",
        "actions": [
            {
                "title": "Open run",
                "type": "open_url",
                "url": "https://github.com/acme/api/actions/runs/4242",
            }
        ],
        "interruption_level": "time-sensitive",
        "tags": ["ci"],
    }
