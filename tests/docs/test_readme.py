"""Every Python block of README.md runs, in order, against the local ActivitySmith server."""

from __future__ import annotations

import pytest

from activitysmith.testing import ActivitySmithServer
from tests.docs.readme_blocks import python_blocks, run_blocks


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
    ):
        assert call in code, call


def test_every_readme_block_runs_against_the_local_server(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with ActivitySmithServer() as server:
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
    assert len(statuses) >= 35
    assert "Nobody is subscribed to ['finance-oncall']" in printed
    assert "content_state.percentage - must be <= 100, got 140" in printed
    assert "started" in printed
    assert namespace["activity_id"]
