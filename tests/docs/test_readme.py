"""Every Python block of README.md runs, in order, against the local ActivitySmith server."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from activitysmith import ActivitySmith
from activitysmith.testing import ActivitySmithServer, RateLimits
from tests.docs.readme_blocks import Block, python_blocks, run_blocks


def test_readme_has_the_reference_examples() -> None:
    code = "\n".join(block.code for block in python_blocks())
    for call in (
        "notifications.send(",
        "live_activities.stream(",
        "live_activities.end_stream(",
        "live_activities.start(",
        "live_activities.update(",
        "live_activities.end(",
        "metrics.update(",
        "badge_count(",
        "except activitysmith.APIError as err:",
        "AsyncActivitySmith",
        "client.low_level",
        "extra_body=",
        "with_options(",
        "with_raw_response.",
        "proxy=",
        "http_client=",
        "ActivitySmithHandler(",
        ".to_json(",
    ):
        assert call in code, call


def test_every_readme_block_runs_against_the_local_server(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # The README makes about 60 calls in a few seconds: more than the API's per-minute budget,
    # which the fake enforces by default. Raise it here; the README is not about rate limits.
    with ActivitySmithServer(rate_limit=RateLimits(requests=600)) as server:
        monkeypatch.setenv("ACTIVITYSMITH_API_KEY", server.api_key)
        monkeypatch.setenv("ACTIVITYSMITH_BASE_URL", server.base_url)
        namespace = run_blocks(python_blocks())
        statuses = [request.status for request in server.requests]
        errors = [(r.method, r.path, r.status, r.json) for r in server.requests if r.status != 200]
    printed = capsys.readouterr().out
    # The one request meant to fail is the "no recipients" example; everything else succeeded.
    assert [(method, path, status) for method, path, status, _ in errors] == [
        ("POST", "/api/push-notification", 422)
    ]
    assert "handled: 502" in printed
    assert len(statuses) >= 35
    assert "Nobody is subscribed to ['finance-oncall']" in printed
    assert "oldest made room: True\nTrue\n" in printed
    assert "content_state.percentage - must be <= 100, got 140" in printed
    assert "started" in printed
    assert "['/api/badge']" in printed  # the caller's own httpx client carried the request
    assert namespace["activity_id"]


def pytest_blocks() -> list[Block]:
    """The README's ```python pytest blocks: tests a user would copy into their suite."""
    return [block for block in python_blocks() if "pytest" in block.tags.split()]


def deploy_example() -> Block:
    [block] = [block for block in pytest_blocks() if "def notify_deploy" in block.code]
    return block


def test_every_readme_pytest_block_passes_under_pytest_with_the_plugin(tmp_path: Path) -> None:
    blocks = pytest_blocks()
    for n, block in enumerate(blocks):
        (tmp_path / f"test_readme_{n}.py").write_text(block.code)
    tests = sum(block.code.count("\ndef test_") for block in blocks)

    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tmp_path)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )

    assert len(blocks) >= 2
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"{tests} passed" in done.stdout


def test_readme_pytest_example_passes_with_the_plugin_fixtures(
    activitysmith_server: ActivitySmithServer, activitysmith_client: ActivitySmith
) -> None:
    block = deploy_example()
    namespace: dict[str, Any] = {"__name__": "readme_pytest_example"}
    exec(compile(block.code, block.label, "exec"), namespace)
    tests = [value for name, value in namespace.items() if name.startswith("test_")]
    assert len(tests) == 1
    tests[0](activitysmith_server, activitysmith_client)
    assert len(activitysmith_server.requests) == 1


def test_readme_pytest_example_fails_when_the_code_under_test_is_wrong(
    activitysmith_server: ActivitySmithServer, activitysmith_client: ActivitySmith
) -> None:
    block = deploy_example()
    namespace: dict[str, Any] = {"__name__": "readme_pytest_example"}
    exec(compile(block.code, block.label, "exec"), namespace)
    namespace["notify_deploy"] = lambda client, version: client.notifications.send(
        title="Deploy done"
    )
    with pytest.raises(AssertionError):
        namespace["test_deploy_notifies"](activitysmith_server, activitysmith_client)


def test_every_guarantee_in_the_readme_names_tests_that_exist() -> None:
    """The README's "Guarantees" table is only worth what its tests are: each one it names
    must be a test function in the file it names (a rename or removal fails here)."""
    root = Path(__file__).resolve().parents[2]
    text = (root / "README.md").read_text("utf-8")
    section = text.split("\n## Guarantees\n", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| ") and "`tests/" in line]
    assert len(rows) >= 15, "the Guarantees table lost its rows"
    defined: dict[str, set[str]] = {}
    for row in rows:
        named = re.findall(r"`(tests/[\w/]+\.py)::(test_\w+)`", row)
        assert named, f"a guarantee without a test: {row[:80]}"
        for path, name in named:
            if path not in defined:
                tree = ast.parse((root / path).read_text("utf-8"))
                defined[path] = {
                    node.name
                    for node in tree.body
                    if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
                }
            assert name in defined[path], f"README names {path}::{name}, which does not exist"
