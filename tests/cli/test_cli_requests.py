"""Each command puts exactly the flags the user set on the wire: method, path and JSON body."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from activitysmith import ActivitySmith
from activitysmith.testing import ActivitySmithServer

from .conftest import Cli


def only_request(server: ActivitySmithServer) -> tuple[str, str, Any]:
    [request] = server.requests
    return request.method, request.path, request.json


def exact(value: Any) -> str:
    """JSON text that tells 42 from 42.0 (dict equality would not)."""
    return json.dumps(value, sort_keys=True)


def test_push_with_only_a_title_sends_only_the_title(
    cli: Cli, activitysmith_server: ActivitySmithServer
) -> None:
    result = cli("push", "--title", "Deploy finished")

    assert result.returncode == 0, result.stderr
    assert only_request(activitysmith_server) == (
        "POST",
        "/api/push-notification",
        {"title": "Deploy finished"},
    )
    notification_id = activitysmith_server.notifications[0].notification_id
    assert result.stdout == f"Push sent to 3 devices (notification {notification_id}).\n"
    assert result.stderr == ""


def test_push_sends_every_flag_given(
    cli_in_process: Cli, activitysmith_server: ActivitySmithServer, tmp_path: Path
) -> None:
    actions = tmp_path / "actions.json"
    actions.write_text('[{"title": "Logs", "type": "open_url", "url": "https://ci.example/1"}]')

    result = cli_in_process(
        "push",
        "--title=Deploy failed",
        "--message",
        "api v42 rolled back",
        "--subtitle",
        "production",
        "--redirection",
        "https://ci.example/runs/1",
        "--actions",
        f"@{actions}",
        "--action",
        "Rollback=https://ci.example/rollback",
        "--action",
        '{"title": "Ack", "type": "webhook", "url": "https://hooks.example/ack", "method": "POST"}',
        "--channels",
        "ops,devs",
        "--icon",
        "https://cdn.example/logo.png",
        "--interruption-level",
        "time-sensitive",
        "--badge",
        "2",
        "--sound",
        "default",
        "--payload",
        '{"run": 1}',
        "--tag",
        "deploy",
        "--tag",
        "api",
        "--metadata",
        "sha=0042",
        "--metadata",
        "attempt:=3",
        "--metadata",
        "canary:=false",
    )

    assert result.returncode == 0, result.stderr
    method, path, body = only_request(activitysmith_server)
    assert (method, path) == ("POST", "/api/push-notification")
    assert exact(body) == exact(
        {
            "title": "Deploy failed",
            "message": "api v42 rolled back",
            "subtitle": "production",
            "redirection": "https://ci.example/runs/1",
            "actions": [
                {"title": "Logs", "type": "open_url", "url": "https://ci.example/1"},
                {"title": "Rollback", "type": "open_url", "url": "https://ci.example/rollback"},
                {
                    "title": "Ack",
                    "type": "webhook",
                    "url": "https://hooks.example/ack",
                    "method": "POST",
                },
            ],
            "target": {"channels": ["ops", "devs"]},
            "icon": "https://cdn.example/logo.png",
            "interruption_level": "time-sensitive",
            "badge": 2,
            "sound": "default",
            "payload": {"run": 1},
            "tags": ["deploy", "api"],
            "metadata": {"sha": "0042", "attempt": 3, "canary": False},
        }
    )


@pytest.mark.parametrize(
    ("flags", "content_state"),
    [
        pytest.param(
            [
                "--type=segmented_progress",
                "--title=Deploy api",
                "--subtitle=step 2: migrate",
                "--number-of-steps=4",
                "--current-step=2",
                "--color=blue",
                "--step-color=orange",
                "--step-colors=green,green",
                "--icon=shippingbox.fill:cyan",
                "--badge=PROD:red",
            ],
            {
                "type": "segmented_progress",
                "title": "Deploy api",
                "subtitle": "step 2: migrate",
                "number_of_steps": 4,
                "current_step": 2,
                "color": "blue",
                "step_color": "orange",
                "step_colors": ["green", "green"],
                "icon": {"symbol": "shippingbox.fill", "color": "cyan"},
                "badge": {"title": "PROD", "color": "red"},
            },
            id="segmented_progress",
        ),
        pytest.param(
            ["--type=progress", "--title=Import", "--value=30", "--upper-limit=120.5"],
            {"type": "progress", "title": "Import", "value": 30, "upper_limit": 120.5},
            id="progress-value",
        ),
        pytest.param(
            ["--type=progress", "--title=Import", "--percentage=42.5", "--icon=tray"],
            {"type": "progress", "title": "Import", "percentage": 42.5, "icon": {"symbol": "tray"}},
            id="progress-percentage",
        ),
        pytest.param(
            [
                "--type=metrics",
                "--title=web-1",
                "--metric",
                "CPU=9%",
                "--metric",
                "Latency=120 ms:orange",
                "--metric",
                "Requests=1200",
            ],
            {
                "type": "metrics",
                "title": "web-1",
                "metrics": [
                    {"label": "CPU", "value": 9, "unit": "%"},
                    {"label": "Latency", "value": 120, "unit": "ms", "color": "orange"},
                    {"label": "Requests", "value": 1200},
                ],
            },
            id="metrics",
        ),
        pytest.param(
            [
                "--type=stats",
                "--title=Sales",
                "--metric=Revenue=$2430:green",
                "--metric=Trend=4.8%",
            ],
            {
                "type": "stats",
                "title": "Sales",
                "metrics": [
                    {"label": "Revenue", "value": "$2430", "color": "green"},
                    {"label": "Trend", "value": 4.8, "unit": "%"},
                ],
            },
            id="stats",
        ),
        pytest.param(
            ["--type=timer", "--title=Tea", "--duration-seconds=180", "--counts-down"],
            {"type": "timer", "title": "Tea", "duration_seconds": 180, "counts_down": True},
            id="timer-countdown",
        ),
        pytest.param(
            ["--type=timer", "--title=Build", "--no-counts-down", "--no-is-running"],
            {"type": "timer", "title": "Build", "counts_down": False, "is_running": False},
            id="timer-elapsed-paused",
        ),
        pytest.param(
            ["--type=alert", "--title=Disk", "--message=Disk 91% full", "--badge=SEV-2"],
            {
                "type": "alert",
                "title": "Disk",
                "message": "Disk 91% full",
                "badge": {"title": "SEV-2"},
            },
            id="alert",
        ),
        pytest.param(
            ["--type=value", "--title=Balance", "--value=$1,234.50"],
            {"type": "value", "title": "Balance", "value": "$1,234.50"},
            id="value-text",
        ),
    ],
)
def test_stream_sends_each_content_state_flag_as_its_field(
    cli_in_process: Cli,
    activitysmith_server: ActivitySmithServer,
    flags: list[str],
    content_state: dict[str, Any],
) -> None:
    result = cli_in_process("stream", "deploy-api", *flags)

    assert result.returncode == 0, result.stderr
    method, path, body = only_request(activitysmith_server)
    assert (method, path) == ("PUT", "/api/live-activity/stream/deploy-api")
    assert exact(body) == exact({"content_state": content_state})
    activity_id = activitysmith_server.streams["deploy-api"]
    assert result.stdout == f"Stream deploy-api: started (activity {activity_id}).\n"


def test_stream_flags_override_the_content_state_json_from_a_file(
    cli_in_process: Cli, activitysmith_server: ActivitySmithServer, tmp_path: Path
) -> None:
    state = tmp_path / "state.json"
    state.write_text('{"title": "Import", "type": "progress", "percentage": 5}')

    result = cli_in_process(
        "stream", "import", "--content-state", f"@{state}", "--percentage", "50"
    )

    assert result.returncode == 0, result.stderr
    assert exact(only_request(activitysmith_server)[2]) == exact(
        {"content_state": {"title": "Import", "type": "progress", "percentage": 50}}
    )


def test_stream_sends_buttons_alert_channels_and_history(
    cli_in_process: Cli, activitysmith_server: ActivitySmithServer
) -> None:
    result = cli_in_process(
        "stream",
        "incident",
        "--type=alert",
        "--title=API down",
        "--message=5xx above 20%",
        "--action",
        '{"title": "Runbook", "type": "open_url", "url": "https://wiki.example/runbook"}',
        "--secondary-action",
        "Status=https://status.example",
        "--alert-title=Incident",
        "--alert-body=API down",
        "--channels=ops",
        "--tag=sev1",
        "--metadata=region=eu",
    )

    assert result.returncode == 0, result.stderr
    assert exact(only_request(activitysmith_server)[2]) == exact(
        {
            "content_state": {"type": "alert", "title": "API down", "message": "5xx above 20%"},
            "action": {
                "title": "Runbook",
                "type": "open_url",
                "url": "https://wiki.example/runbook",
            },
            "secondary_action": {
                "title": "Status",
                "type": "open_url",
                "url": "https://status.example",
            },
            "alert": {"title": "Incident", "body": "API down"},
            "channels": ["ops"],
            "tags": ["sev1"],
            "metadata": {"region": "eu"},
        }
    )


def test_end_stream_without_flags_sends_no_body(
    cli: Cli, activitysmith_server: ActivitySmithServer, activitysmith_client: ActivitySmith
) -> None:
    started = activitysmith_client.live_activities.stream(
        "backup", content_state={"title": "Backup", "type": "timer", "counts_down": False}
    )

    result = cli("end-stream", "backup")

    assert result.returncode == 0, result.stderr
    request = activitysmith_server.requests[-1]
    assert (request.method, request.path, request.body) == (
        "DELETE",
        "/api/live-activity/stream/backup",
        b"",
    )
    assert result.stdout == f"Stream backup: ended (activity {started.activity_id}).\n"


def test_end_stream_sends_the_final_state_and_dismissal(
    cli_in_process: Cli,
    activitysmith_server: ActivitySmithServer,
    activitysmith_client: ActivitySmith,
) -> None:
    activitysmith_client.live_activities.stream(
        "deploy",
        content_state={
            "title": "Deploy",
            "type": "segmented_progress",
            "number_of_steps": 3,
            "current_step": 1,
        },
    )

    result = cli_in_process(
        "end-stream",
        "deploy",
        "--title=Deploy",
        "--current-step=3",
        "--color=green",
        "--auto-dismiss-minutes=5",
        "--auto-dismiss-seconds=0",
        "--tag=done",
    )

    assert result.returncode == 0, result.stderr
    request = activitysmith_server.requests[-1]
    assert (request.method, request.path) == ("DELETE", "/api/live-activity/stream/deploy")
    assert exact(request.json) == exact(
        {
            "content_state": {
                "title": "Deploy",
                "current_step": 3,
                "color": "green",
                "auto_dismiss_minutes": 5,
                "auto_dismiss_seconds": 0,
            },
            "tags": ["done"],
        }
    )


@pytest.mark.parametrize(
    "activity_id", ["-pLArHnq9ZFW4sxlk43Lhbuok4GLh7UW", "--LArHnq9ZFW4sxlk43Lhbuok4GLh7UW"]
)
def test_an_activity_id_that_begins_with_a_dash_is_still_the_options_value(
    cli: Cli,
    activitysmith_server: ActivitySmithServer,
    monkeypatch: pytest.MonkeyPatch,
    activity_id: str,
) -> None:
    # Ids are URL-safe base64: one in 64 begins with "-", which argparse takes for an option.
    from activitysmith.testing import _live_activities

    monkeypatch.setattr(_live_activities, "new_activity_id", lambda: activity_id)
    started = cli("start", "--type=progress", "--title=Import", "--percentage=0", "--channels=ops")
    updated = cli("update", "--activity-id", activity_id, "--title=Import", "--percentage=60")
    ended = cli("end", "--activity-id", activity_id, "--title=Import", "--percentage=100")

    assert [started.returncode, updated.returncode, ended.returncode] == [0, 0, 0], updated.stderr
    assert started.stdout == f"{activity_id}\n"
    assert [r.json["activity_id"] for r in activitysmith_server.requests[1:]] == [activity_id] * 2


def test_start_update_end_round_trip_by_the_printed_activity_id(
    cli: Cli, activitysmith_server: ActivitySmithServer
) -> None:
    started = cli("start", "--type=progress", "--title=Import", "--percentage=0", "--channels=ops")
    activity_id = activitysmith_server.live_activities[0].activity_id
    updated = cli("update", "--activity-id", activity_id, "--title=Import", "--percentage=60")
    ended = cli(
        "end",
        "--activity-id",
        activity_id,
        "--title=Import",
        "--percentage=100",
        "--auto-dismiss-minutes=0",
    )

    assert [started.returncode, updated.returncode, ended.returncode] == [0, 0, 0]
    assert started.stdout == f"{activity_id}\n"
    assert updated.stdout == f"Live Activity {activity_id}: updated.\n"
    assert ended.stdout == f"Live Activity {activity_id}: ended.\n"
    wire = [(r.method, r.path, exact(r.json)) for r in activitysmith_server.requests]
    assert wire == [
        (
            "POST",
            "/api/live-activity/start",
            exact(
                {
                    "content_state": {"type": "progress", "title": "Import", "percentage": 0},
                    "target": {"channels": ["ops"]},
                }
            ),
        ),
        (
            "POST",
            "/api/live-activity/update",
            exact(
                {"activity_id": activity_id, "content_state": {"title": "Import", "percentage": 60}}
            ),
        ),
        (
            "POST",
            "/api/live-activity/end",
            exact(
                {
                    "activity_id": activity_id,
                    "content_state": {
                        "title": "Import",
                        "percentage": 100,
                        "auto_dismiss_minutes": 0,
                    },
                }
            ),
        ),
    ]


@pytest.mark.parametrize(
    ("text", "sent"),
    [
        ("42", "42"),
        ("99.9", "99.9"),
        ("-3", "-3"),
        ("007", '"007"'),
        ("Operational", '"Operational"'),
    ],
)
def test_metric_value_numbers_stay_numbers_and_other_text_is_a_string(
    cli_in_process: Cli, activitysmith_server: ActivitySmithServer, text: str, sent: str
) -> None:
    result = cli_in_process("metric", "prod.status", text)

    assert result.returncode == 0, result.stderr
    request = activitysmith_server.requests[0]
    assert (request.method, request.path) == ("POST", "/api/metrics/prod.status/value")
    assert json.dumps(request.json) == '{"value": ' + sent + "}"
    assert result.stdout == "Metric prod.status updated.\n"


def test_metric_timestamp_is_sent_as_given(
    cli_in_process: Cli, activitysmith_server: ActivitySmithServer
) -> None:
    result = cli_in_process("metric", "uptime", "99.98", "--timestamp", "2026-01-31T12:00:00Z")

    assert result.returncode == 0, result.stderr
    assert exact(only_request(activitysmith_server)[2]) == exact(
        {"value": 99.98, "timestamp": "2026-01-31T12:00:00Z"}
    )


def test_badge_sends_the_count_and_channels_as_target(
    cli: Cli, activitysmith_server: ActivitySmithServer
) -> None:
    result = cli("badge", "3", "--channels", "ops")

    assert result.returncode == 0, result.stderr
    assert only_request(activitysmith_server) == (
        "POST",
        "/api/badge",
        {"badge": 3, "target": {"channels": ["ops"]}},
    )
    assert result.stdout == "Badge set to 3 on 2 devices.\n"
    assert activitysmith_server.badge == 3


def test_json_prints_the_api_answer_as_one_line(
    cli: Cli, activitysmith_server: ActivitySmithServer
) -> None:
    result = cli(
        "stream", "servers", "--type=metrics", "--title=web-1", "--metric=CPU=9%", "--json"
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.count("\n") == 1
    answer = json.loads(result.stdout)
    assert answer["operation"] == "started"
    assert answer["stream_key"] == "servers"
    assert answer["activity_id"] == activitysmith_server.streams["servers"]


@pytest.mark.parametrize("where", ["before", "after"])
def test_global_options_work_before_and_after_the_command(
    activitysmith_server: ActivitySmithServer, where: str
) -> None:
    from .conftest import clean_env, run_cli

    options = [
        "--api-key",
        activitysmith_server.api_key,
        "--base-url",
        activitysmith_server.base_url,
        "--timeout=5",
        "--retries=0",
        "--json",
    ]
    command = ["badge", "0"]
    args = options + command if where == "before" else command + options

    result = run_cli(*args, env=clean_env())

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["badge"] == 0
    assert activitysmith_server.requests[0].headers["authorization"] == "Bearer ***"
