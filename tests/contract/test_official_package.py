"""The official `activitysmith` package (1.14.0, from the package index, in its own throwaway
virtualenv) parses every answer the local server gives to the README's examples.

Skipped only when the package index cannot be reached; any other install failure fails."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import httpx
import pytest

from activitysmith.testing import ActivitySmithServer, RateLimits
from benchmarks._envs import OFFICIAL_REQUIREMENT, EnvError, ensure_official

SCRIPT = Path(__file__).with_name("official_examples.py")
DEFAULT_INDEX = "https://pypi.org/simple"

EXPECTED = {
    "push": "PushNotificationResponse",
    "push_media": "PushNotificationResponse",
    "push_actions": "PushNotificationResponse",
    "push_channels": "PushNotificationResponse",
    "stream_metrics": "LiveActivityStreamPutResponse",
    "stream_segmented": "LiveActivityStreamPutResponse",
    "stream_progress": "LiveActivityStreamPutResponse",
    "stream_end": "LiveActivityStreamDeleteResponse",
    **{f"start_{kind}": "LiveActivityStartResponse" for kind in ("metrics", "segmented")},
    **{f"update_{kind}": "LiveActivityUpdateResponse" for kind in ("metrics", "segmented")},
    **{f"end_{kind}": "LiveActivityEndResponse" for kind in ("metrics", "segmented")},
    "start_progress": "LiveActivityStartResponse",
    "update_progress": "LiveActivityUpdateResponse",
    "end_progress": "LiveActivityEndResponse",
    "start_action": "LiveActivityStartResponse",
    "update_webhook_action": "LiveActivityUpdateResponse",
    "metric_number": "MetricValueUpdateResponse",
    "metric_string": "MetricValueUpdateResponse",
    "badge": "AppIconBadgeCountUpdateResponse",
    "badge_channels": "AppIconBadgeCountUpdateResponse",
    "error_no_recipients": "NoRecipientsError",
}


def _index_reachable() -> bool:
    index = os.environ.get("PIP_INDEX_URL") or DEFAULT_INDEX
    try:
        return httpx.get(f"{index.rstrip('/')}/activitysmith/", timeout=15).is_success
    except httpx.HTTPError:
        return False


@pytest.fixture(scope="module")
def official_python() -> Path:
    try:
        return ensure_official([])
    except EnvError as exc:
        if not _index_reachable():
            pytest.skip(f"the package index cannot be reached to install {OFFICIAL_REQUIREMENT}")
        raise AssertionError(f"{OFFICIAL_REQUIREMENT} could not be installed: {exc}") from exc


def _run(python: Path, server: ActivitySmithServer, *only: str) -> dict[str, dict[str, Any]]:
    done = subprocess.run(
        [str(python), str(SCRIPT), server.base_url, server.api_key, *only],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    return {line.pop("name"): line for line in lines}


def test_the_official_package_parses_every_answer_to_the_readme_examples(
    official_python: Path,
) -> None:
    with ActivitySmithServer() as server:
        answers = _run(official_python, server)
        started = {a.activity_id for a in server.live_activities}

    assert {name: a.get("parsed") for name, a in answers.items() if name in EXPECTED} == EXPECTED
    assert not [a for name, a in answers.items() if name in EXPECTED and "raised" in a]
    assert answers["badge"]["fields"]["effective_channel_slugs"] == []
    assert answers["badge_channels"]["fields"]["effective_channel_slugs"] == ["sales"]
    assert answers["stream_metrics"]["fields"]["operation"] == "started"
    assert answers["stream_end"]["fields"]["operation"] == "ended"
    assert answers["start_metrics"]["fields"]["activity_id"] in started
    assert answers["error_no_recipients"]["status"] == 422
    assert answers["error_no_recipients"]["fields"]["effective_channel_slugs"] == ["nobody"]


def test_the_official_package_cannot_parse_the_concurrent_limit_429(official_python: Path) -> None:
    with ActivitySmithServer(when_limit_reached="reject") as server:
        answers = _run(official_python, server, "error_live_activity_limit")

    # 1.14.0 cannot tell its two 429 bodies apart when `limit` and `active` are there (its
    # RateLimitError accepts them too, and its oneOf wants exactly one match): the concurrent
    # limit surfaces as a plain ApiException carrying our body, whatever a server sends.
    limited = answers["error_live_activity_limit"]
    assert limited["status"] == 429 and "raised" in limited
    assert '"limit":' in limited["raised"] and '"active":' in limited["raised"]


def test_the_official_package_parses_the_rate_limit_429(official_python: Path) -> None:
    with ActivitySmithServer(rate_limit=RateLimits(features={"notifications": 1})) as server:
        answers = _run(official_python, server, "error_rate_limited")

    assert answers == {
        "error_rate_limited": {
            "status": 429,
            "parsed": "RateLimitError",
            "fields": {
                "error": "Rate limit exceeded",
                "message": answers["error_rate_limited"]["fields"]["message"],
                "code": "rate_limited",
            },
        }
    }


def test_its_oneof_refuses_any_concurrent_limit_body_without_a_server(
    official_python: Path,
) -> None:
    body = {"error": "Live Activity limit reached", "message": "m", "limit": 5, "active": 5}
    probe = (
        "import json, sys\n"
        "from activitysmith_openapi.models.send_push_notification429_response import "
        "SendPushNotification429Response as R\n"
        "try:\n    R.from_json(sys.argv[1])\nexcept ValueError as e:\n    print(e)\n"
    )
    done = subprocess.run(
        [str(official_python), "-c", probe, json.dumps(body)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert "Multiple matches" in done.stdout
