"""Each example of the reference (Ruby SDK) README puts exactly these bytes on the wire."""

from __future__ import annotations

from typing import Any

from activitysmith import ActivitySmith
from activitysmith.testing import ActivitySmithServer

METRICS_STATE = {
    "title": "Server Health",
    "subtitle": "prod-web-1",
    "type": "metrics",
    "metrics": [
        {"label": "CPU", "value": 9, "unit": "%"},
        {"label": "MEM", "value": 45, "unit": "%"},
    ],
}


def _wire(server: ActivitySmithServer) -> tuple[str, str, bytes]:
    request = server.requests[-1]
    return request.method, request.path, request.body


def test_send_push_notification(
    activitysmith_client: ActivitySmith, activitysmith_server: ActivitySmithServer
) -> None:
    result = activitysmith_client.notifications.send(
        {"title": "New subscription 💸", "message": "Customer upgraded to Pro plan"}
    )
    assert _wire(activitysmith_server) == (
        "POST",
        "/api/push-notification",
        '{"title":"New subscription 💸","message":"Customer upgraded to Pro plan"}'.encode(),
    )
    assert result.success is True
    assert result.http_status == 200
    assert result.notification_id


def test_rich_push_with_media(
    activitysmith_client: ActivitySmith, activitysmith_server: ActivitySmithServer
) -> None:
    activitysmith_client.notifications.send(
        {
            "title": "Homepage ready",
            "message": "Your agent finished the redesign.",
            "media": "https://cdn.example.com/output/homepage-v2.png",
            "redirection": "https://github.com/acme/web/pull/482",
        }
    )
    assert _wire(activitysmith_server)[2] == (
        b'{"title":"Homepage ready","message":"Your agent finished the redesign.",'
        b'"media":"https://cdn.example.com/output/homepage-v2.png",'
        b'"redirection":"https://github.com/acme/web/pull/482"}'
    )


def test_actionable_push(
    activitysmith_client: ActivitySmith, activitysmith_server: ActivitySmithServer
) -> None:
    activitysmith_client.notifications.send(
        {
            "title": "New subscription 💸",
            "message": "Customer upgraded to Pro plan",
            "redirection": "https://crm.example.com/customers/cus_9f3a1d",
            "actions": [
                {
                    "title": "Open CRM Profile",
                    "type": "open_url",
                    "url": "https://crm.example.com/customers/cus_9f3a1d",
                },
                {
                    "title": "Start Onboarding Workflow",
                    "type": "webhook",
                    "url": "https://hooks.example.com/activitysmith/onboarding/start",
                    "method": "POST",
                    "body": {"customer_id": "cus_9f3a1d", "plan": "pro"},
                },
            ],
        }
    )
    assert (
        _wire(activitysmith_server)[2]
        == (
            '{"title":"New subscription 💸","message":"Customer upgraded to Pro plan",'
            '"redirection":"https://crm.example.com/customers/cus_9f3a1d",'
            '"actions":[{"title":"Open CRM Profile","type":"open_url",'
            '"url":"https://crm.example.com/customers/cus_9f3a1d"},'
            '{"title":"Start Onboarding Workflow","type":"webhook",'
            '"url":"https://hooks.example.com/activitysmith/onboarding/start","method":"POST",'
            '"body":{"customer_id":"cus_9f3a1d","plan":"pro"}}]}'
        ).encode()
    )


def test_channels_become_target_channels(
    activitysmith_client: ActivitySmith, activitysmith_server: ActivitySmithServer
) -> None:
    activitysmith_client.notifications.send(
        {
            "title": "New subscription 💸",
            "message": "Customer upgraded to Pro plan",
            "channels": ["sales", "customer-success"],
        }
    )
    assert (
        _wire(activitysmith_server)[2]
        == (
            '{"title":"New subscription 💸","message":"Customer upgraded to Pro plan",'
            '"target":{"channels":["sales","customer-success"]}}'
        ).encode()
    )


def test_stream_each_reference_type(
    activitysmith_client: ActivitySmith, activitysmith_server: ActivitySmithServer
) -> None:
    status = activitysmith_client.live_activities.stream(
        "prod-web-1", {"content_state": METRICS_STATE}
    )
    assert _wire(activitysmith_server) == (
        "PUT",
        "/api/live-activity/stream/prod-web-1",
        b'{"content_state":{"title":"Server Health","subtitle":"prod-web-1","type":"metrics",'
        b'"metrics":[{"label":"CPU","value":9,"unit":"%"},{"label":"MEM","value":45,"unit":"%"}]}}',
    )
    assert status.operation == "started"
    assert status.activity_id

    activitysmith_client.live_activities.stream(
        "nightly-backup",
        {
            "content_state": {
                "title": "Nightly Backup",
                "subtitle": "upload archive",
                "type": "segmented_progress",
                "number_of_steps": 3,
                "current_step": 2,
            }
        },
    )
    assert _wire(activitysmith_server)[2] == (
        b'{"content_state":{"title":"Nightly Backup","subtitle":"upload archive",'
        b'"type":"segmented_progress","number_of_steps":3,"current_step":2}}'
    )
    activitysmith_client.live_activities.stream(
        "search-reindex",
        {
            "content_state": {
                "title": "Search Reindex",
                "subtitle": "catalog-v2",
                "type": "progress",
                "percentage": 42,
            }
        },
    )
    assert _wire(activitysmith_server)[2] == (
        b'{"content_state":{"title":"Search Reindex","subtitle":"catalog-v2",'
        b'"type":"progress","percentage":42}}'
    )


def test_stream_lifecycle_operations(
    activitysmith_client: ActivitySmith, activitysmith_server: ActivitySmithServer
) -> None:
    streams = activitysmith_client.live_activities
    first = streams.stream("prod-web-1", content_state=METRICS_STATE)
    same = streams.stream("prod-web-1", content_state=METRICS_STATE)
    changed = streams.stream(
        "prod-web-1", content_state={**METRICS_STATE, "metrics": [{"label": "CPU", "value": 80}]}
    )
    ended = streams.end_stream("prod-web-1")
    again = streams.stream("prod-web-1", content_state=METRICS_STATE)
    assert [
        first.operation,
        same.operation,
        changed.operation,
        ended.operation,
        again.operation,
    ] == [
        "started",
        "noop",
        "updated",
        "ended",
        "started",
    ]
    assert again.activity_id != first.activity_id


def test_end_stream_with_final_state_and_without_body(
    activitysmith_client: ActivitySmith, activitysmith_server: ActivitySmithServer
) -> None:
    streams = activitysmith_client.live_activities
    streams.stream("prod-web-1", {"content_state": METRICS_STATE})
    final = {
        **METRICS_STATE,
        "metrics": [
            {"label": "CPU", "value": 7, "unit": "%"},
            {"label": "MEM", "value": 38, "unit": "%"},
        ],
    }
    streams.end_stream("prod-web-1", {"content_state": final})
    request = activitysmith_server.requests[-1]
    assert (request.method, request.path) == ("DELETE", "/api/live-activity/stream/prod-web-1")
    assert request.body == (
        b'{"content_state":{"title":"Server Health","subtitle":"prod-web-1","type":"metrics",'
        b'"metrics":[{"label":"CPU","value":7,"unit":"%"},{"label":"MEM","value":38,"unit":"%"}]}}'
    )
    streams.stream("nightly-backup", content_state={**METRICS_STATE})
    streams.end_stream("nightly-backup")
    bare = activitysmith_server.requests[-1]
    assert bare.body == b""
    assert "content-type" not in {name.lower() for name in bare.headers}
    assert bare.headers.get("content-length", "0") == "0"


LIFECYCLES: list[tuple[dict[str, Any], dict[str, Any], dict[str, Any]]] = [
    (
        METRICS_STATE,
        {**METRICS_STATE, "metrics": [{"label": "CPU", "value": 76, "unit": "%"}]},
        {**METRICS_STATE, "auto_dismiss_minutes": 2},
    ),
    (
        {
            "title": "Nightly database backup",
            "subtitle": "create snapshot",
            "number_of_steps": 3,
            "current_step": 1,
            "type": "segmented_progress",
            "color": "yellow",
        },
        {
            "title": "Nightly database backup",
            "subtitle": "upload archive",
            "number_of_steps": 3,
            "current_step": 2,
        },
        {
            "title": "Nightly database backup",
            "subtitle": "verify restore",
            "number_of_steps": 3,
            "current_step": 3,
            "auto_dismiss_minutes": 2,
        },
    ),
    (
        {
            "title": "EV Charging",
            "subtitle": "Added 30 mi range",
            "type": "progress",
            "percentage": 15,
        },
        {"title": "EV Charging", "subtitle": "Added 120 mi range", "percentage": 60},
        {
            "title": "EV Charging",
            "subtitle": "Added 200 mi range",
            "percentage": 100,
            "auto_dismiss_minutes": 2,
        },
    ),
]


def test_full_lifecycle_for_each_type(
    activitysmith_client: ActivitySmith, activitysmith_server: ActivitySmithServer
) -> None:
    import json

    for start_state, update_state, end_state in LIFECYCLES:
        start = activitysmith_client.live_activities.start({"content_state": start_state})
        activity_id = start.activity_id
        assert isinstance(activity_id, str)
        sent = activitysmith_server.requests[-1]
        assert (sent.method, sent.path) == ("POST", "/api/live-activity/start")
        # Keys go out in the API schema's order; the values are exactly the caller's.
        assert json.loads(sent.body) == {"content_state": start_state}
        activitysmith_client.live_activities.update(
            {"activity_id": activity_id, "content_state": update_state}
        )
        assert activitysmith_server.requests[-1].json == {
            "activity_id": activity_id,
            "content_state": update_state,
        }
        ended = activitysmith_client.live_activities.end(
            {"activity_id": activity_id, "content_state": end_state}
        )
        assert json.loads(activitysmith_server.requests[-1].body) == {
            "activity_id": activity_id,
            "content_state": end_state,
        }
        assert ended.success is True
        activity = activitysmith_server.activity(activity_id)
        assert activity.ended


def test_live_activity_actions(
    activitysmith_client: ActivitySmith, activitysmith_server: ActivitySmithServer
) -> None:
    open_url = {
        "title": "Open Dashboard",
        "type": "open_url",
        "url": "https://ops.example.com/servers/prod-web-1",
    }
    start = activitysmith_client.live_activities.start(
        {"content_state": METRICS_STATE, "action": open_url}
    )
    assert activitysmith_server.requests[-1].json == {
        "content_state": METRICS_STATE,
        "action": open_url,
    }
    webhook = {
        "title": "Pause Reindex",
        "type": "webhook",
        "url": "https://ops.example.com/hooks/search/reindex/pause",
        "method": "POST",
        "body": {"job_id": "reindex-2026-03-19", "requested_by": "activitysmith-python"},
    }
    state = {
        "title": "Reindexing product search",
        "subtitle": "Shard 7 of 12",
        "number_of_steps": 12,
        "current_step": 7,
    }
    activitysmith_client.live_activities.update(
        {"activity_id": start.activity_id, "content_state": state, "action": webhook}
    )
    assert (
        activitysmith_server.requests[-1].body
        == (
            f'{{"activity_id":"{start.activity_id}",'
            '"content_state":{"title":"Reindexing product search",'
            '"subtitle":"Shard 7 of 12","number_of_steps":12,"current_step":7},'
            '"action":{"title":"Pause Reindex","type":"webhook",'
            '"url":"https://ops.example.com/hooks/search/reindex/pause","method":"POST",'
            '"body":{"job_id":"reindex-2026-03-19","requested_by":"activitysmith-python"}}}'
        ).encode()
    )


def test_widget_metrics_number_and_string(
    activitysmith_client: ActivitySmith, activitysmith_server: ActivitySmithServer
) -> None:
    activitysmith_client.metrics.update("deploy.success_rate", 99.9)
    assert _wire(activitysmith_server) == (
        "POST",
        "/api/metrics/deploy.success_rate/value",
        b'{"value":99.9}',
    )
    activitysmith_client.metrics.update("prod.status", "healthy")
    assert _wire(activitysmith_server)[2] == b'{"value":"healthy"}'
    activitysmith_client.metrics.update("deploy.success_rate", 100)
    assert _wire(activitysmith_server)[2] == b'{"value":100}'
    assert activitysmith_server.metrics["deploy.success_rate"].value == 100


def test_badge_count(
    activitysmith_client: ActivitySmith, activitysmith_server: ActivitySmithServer
) -> None:
    result = activitysmith_client.badge_count(0, channels="ops,devs")
    assert _wire(activitysmith_server) == (
        "POST",
        "/api/badge",
        b'{"badge":0,"target":{"channels":["ops","devs"]}}',
    )
    assert result.badge == 0
    activitysmith_client.badge_count(7)
    assert _wire(activitysmith_server)[2] == b'{"badge":7}'
    assert activitysmith_server.badge == 7


def test_replace_escapes_the_notification_id(
    activitysmith_client: ActivitySmith, activitysmith_server: ActivitySmithServer
) -> None:
    sent = activitysmith_client.notifications.send(title="Deploy started")
    activitysmith_client.notifications.replace(sent.notification_id, title="Deploy finished")
    request = activitysmith_server.requests[-1]
    assert (request.method, request.path) == (
        "PUT",
        f"/api/push-notification/{sent.notification_id}",
    )
    assert request.body == b'{"title":"Deploy finished"}'
    assert activitysmith_server.notifications[0].payload["title"] == "Deploy finished"
