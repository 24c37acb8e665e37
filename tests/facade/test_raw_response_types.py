"""`client.with_raw_response` is typed: each method keeps its parameters and returns
`APIResponse[<its result>]`, whose `parse()` is that result (mypy --strict checks a snippet)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from activitysmith import ActivitySmith, APIResponse
from activitysmith.testing import ActivitySmithServer

ROOT = Path(__file__).resolve().parents[2]

SNIPPET = textwrap.dedent(
    """
    from typing import assert_type

    from activitysmith import ActivitySmith, APIResponse, AsyncActivitySmith
    from activitysmith._generated.results import (
        AppIconBadgeCountUpdateResult,
        LiveActivityStreamPutResult,
        MetricValueUpdateResult,
        PushNotificationResult,
    )


    def sync(client: ActivitySmith) -> None:
        raw = client.with_raw_response.notifications.send(title="t", message="m")
        assert_type(raw, APIResponse[PushNotificationResult])
        assert_type(raw.parse(), PushNotificationResult)
        assert_type(client.with_raw_response.badge_count(3), APIResponse[AppIconBadgeCountUpdateResult])
        assert_type(client.with_raw_response.metrics.update("k", 1), APIResponse[MetricValueUpdateResult])
        stream = client.with_raw_response.live_activities.stream("s", content_state={"title": "x"})
        assert_type(stream, APIResponse[LiveActivityStreamPutResult])


    async def asynchronous(client: AsyncActivitySmith) -> None:
        raw = await client.with_raw_response.notifications.send(title="t")
        assert_type(raw, APIResponse[PushNotificationResult])
        assert_type(raw.status_code, int)


    def wrong(client: ActivitySmith) -> None:
        client.with_raw_response.notifications.send(titel="t")  # line 30: not a parameter
    """
)


def test_mypy_sees_the_raw_methods_parameters_and_result_types(tmp_path: Path) -> None:
    snippet = tmp_path / "snippet.py"
    snippet.write_text(SNIPPET, encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--cache-dir",
         str(tmp_path / ".mypy"), str(snippet)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )  # fmt: skip
    errors = [line for line in run.stdout.splitlines() if ": error:" in line]
    assert [line.split(":")[1] for line in errors] == ["30"], run.stdout
    assert "titel" in errors[0]


def test_raw_methods_are_the_clients_methods_answering_api_responses(
    activitysmith_server: ActivitySmithServer, activitysmith_client: ActivitySmith
) -> None:
    raw = activitysmith_client.with_raw_response
    assert not hasattr(raw.live_activities, "progress")  # not an API method
    answers = [
        raw.notifications.send(title="raw"),
        raw.live_activities.stream("raw-s", content_state={"title": "x", "type": "segmented_progress", "number_of_steps": 2, "current_step": 1}),
        raw.metrics.update("uptime", 1),
        raw.badge_count(2),
    ]  # fmt: skip
    assert all(isinstance(answer, APIResponse) for answer in answers)
    assert [answer.status_code for answer in answers] == [200, 200, 200, 200]
    assert [r.operation for r in activitysmith_server.requests[-4:]] == [
        "sendPushNotification",
        "reconcileLiveActivityStream",
        "updateMetricValue",
        "updateAppIconBadgeCount",
    ]
