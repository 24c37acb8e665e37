"""What the generated client puts on the wire, for each of the 9 operations.

Every call goes through the generated `sync_detailed` (or `asyncio_detailed`) to a real
HTTP server on 127.0.0.1, the local `ActivitySmithServer`, which records the raw request:
method, raw (still percent-encoded) path, headers with the key masked, and body bytes.
A 200 from that server also proves the `Authorization: Bearer <key>` header arrived
intact, since it answers 401 to anything else. Bodies are compared byte for byte: the
key order follows the generated `to_dict()` and the encoding is httpx's compact UTF-8
JSON, so an unexpected default (`counts_down`, `is_running`, `auto_dismiss_minutes`) or
a changed field order shows up here.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from activitysmith.testing import ActivitySmithServer, Fault
from activitysmith_client import AuthenticatedClient
from activitysmith_client.api.app_icon_badges import update_app_icon_badge_count
from activitysmith_client.api.live_activities import (
    end_live_activity,
    end_live_activity_stream,
    reconcile_live_activity_stream,
    start_live_activity,
    update_live_activity,
)
from activitysmith_client.api.metrics import update_metric_value
from activitysmith_client.api.push_notifications import (
    replace_push_notification,
    send_push_notification,
)
from activitysmith_client.models import (
    AppIconBadgeCountUpdateRequest,
    AppIconBadgeCountUpdateResponse,
    LiveActivityEndRequest,
    LiveActivityEndResponse,
    LiveActivityStartRequest,
    LiveActivityStartResponse,
    LiveActivityStreamDeleteRequest,
    LiveActivityStreamDeleteResponse,
    LiveActivityStreamPutResponse,
    LiveActivityStreamRequest,
    LiveActivityUpdateRequest,
    LiveActivityUpdateResponse,
    MetricValueUpdateRequest,
    MetricValueUpdateResponse,
    PushNotificationReplaceRequest,
    PushNotificationReplaceResponse,
    PushNotificationRequest,
    PushNotificationResponse,
    StreamOperation,
)
from activitysmith_client.types import Response

ID = "@ID@"
"""Stands for the id a case's setup created, in its path and body."""

STREAM_KEY = "deploy-api-prod"

# -- request bodies (the generated models built from plain dicts) ----------------------

PUSH = {
    "title": "Deploy finished",
    "message": "api v2.14.0 is live – all checks ✓",
    "subtitle": "prod",
    "actions": [
        {"title": "Open logs", "type": "open_url", "url": "https://logs.example.com/deploys/981"},
        {
            "title": "Roll back",
            "type": "webhook",
            "url": "https://ops.example.com/hooks/rollback",
            "method": "POST",
            "body": {"deploy": 981, "dry_run": False},
        },
    ],
    "interruption_level": "time-sensitive",
    "target": {"channels": ["ops"]},
    "tags": ["deploy"],
    "metadata": {"deploy_id": "d-981", "attempt": 2, "manual": False},
}
REPLACE = {"title": "Deploy finished", "message": "Health checks pass.", "metadata": {}}
STREAM = {
    "content_state": {
        "title": "web-01 health",
        "type": "metrics",
        "metrics": [
            {"label": "CPU", "value": 37.5, "unit": "%", "color": "green"},
            {"label": "p95", "value": "182 ms"},
        ],
    },
    "channels": ["ops"],
    "tags": ["health"],
}
END_STREAM = {
    "content_state": {
        "title": "Deploy finished",
        "type": "segmented_progress",
        "number_of_steps": 4,
        "current_step": 4,
        "color": "green",
        "auto_dismiss_seconds": 30,
    }
}
START = {
    "content_state": {
        "title": "Maintenance window",
        "type": "timer",
        "duration_seconds": 1800,
        "color": "orange",
    },
    "target": {"channels": ["ops"]},
}
UPDATE = {"activity_id": ID, "content_state": {"title": "Maintenance window", "is_running": False}}
END = {
    "activity_id": ID,
    "content_state": {"title": "Maintenance done", "subtitle": "all hosts patched"},
}
METRIC = {"value": 99.95, "timestamp": "2026-07-20T09:30:00.000Z"}
BADGE = {"badge": 3, "target": {"channels": ["ops"]}}


def _with_id(body: dict[str, Any], activity_id: str) -> dict[str, Any]:
    return {**body, "activity_id": activity_id} if "activity_id" in body else body


# -- setups: what must exist before the call under test answers 200 ---------------------


def _no_setup(client: AuthenticatedClient) -> str:
    return ""


def _sent_notification(client: AuthenticatedClient) -> str:
    sent = send_push_notification.sync_detailed(
        client=client, body=PushNotificationRequest.from_dict({"title": "Deploying"})
    )
    assert isinstance(sent.parsed, PushNotificationResponse), sent.content
    return str(sent.parsed.notification_id)


def _running_stream(client: AuthenticatedClient) -> str:
    started = reconcile_live_activity_stream.sync_detailed(
        STREAM_KEY, client=client, body=LiveActivityStreamRequest.from_dict(STREAM)
    )
    assert started.status_code == 200, started.content
    return ""


def _started_activity(client: AuthenticatedClient) -> str:
    started = start_live_activity.sync_detailed(
        client=client, body=LiveActivityStartRequest.from_dict(START)
    )
    assert isinstance(started.parsed, LiveActivityStartResponse), started.content
    return started.parsed.activity_id


@dataclass(frozen=True)
class Case:
    """One operation: how to call it, and exactly what must arrive."""

    operation: str
    setup: Callable[[AuthenticatedClient], str]
    call: Callable[[AuthenticatedClient, str], Response[Any]]
    method: str
    path: str
    body: bytes
    success: type[Any]

    def __str__(self) -> str:
        return self.operation


CASES = [
    Case(
        "sendPushNotification",
        _no_setup,
        lambda client, _: send_push_notification.sync_detailed(
            client=client, body=PushNotificationRequest.from_dict(PUSH)
        ),
        "POST",
        "/api/push-notification",
        '{"title":"Deploy finished","message":"api v2.14.0 is live – all checks ✓",'
        '"subtitle":"prod","actions":[{"title":"Open logs","type":"open_url",'
        '"url":"https://logs.example.com/deploys/981"},{"title":"Roll back","type":"webhook",'
        '"url":"https://ops.example.com/hooks/rollback","method":"POST",'
        '"body":{"deploy":981,"dry_run":false}}],"target":{"channels":["ops"]},'
        '"interruption_level":"time-sensitive","tags":["deploy"],'
        '"metadata":{"deploy_id":"d-981","attempt":2,"manual":false}}'.encode(),
        PushNotificationResponse,
    ),
    Case(
        "replacePushNotification",
        _sent_notification,
        lambda client, notification_id: replace_push_notification.sync_detailed(
            notification_id, client=client, body=PushNotificationReplaceRequest.from_dict(REPLACE)
        ),
        "PUT",
        f"/api/push-notification/{ID}",
        b'{"title":"Deploy finished","message":"Health checks pass.","metadata":{}}',
        PushNotificationReplaceResponse,
    ),
    Case(
        "reconcileLiveActivityStream",
        _no_setup,
        lambda client, _: reconcile_live_activity_stream.sync_detailed(
            STREAM_KEY, client=client, body=LiveActivityStreamRequest.from_dict(STREAM)
        ),
        "PUT",
        f"/api/live-activity/stream/{STREAM_KEY}",
        b'{"content_state":{"title":"web-01 health","type":"metrics","metrics":['
        b'{"label":"CPU","value":37.5,"unit":"%","color":"green"},{"label":"p95","value":"182 ms"}]},'
        b'"channels":["ops"],"tags":["health"]}',
        LiveActivityStreamPutResponse,
    ),
    Case(
        "endLiveActivityStream",
        _running_stream,
        lambda client, _: end_live_activity_stream.sync_detailed(
            STREAM_KEY, client=client, body=LiveActivityStreamDeleteRequest.from_dict(END_STREAM)
        ),
        "DELETE",
        f"/api/live-activity/stream/{STREAM_KEY}",
        b'{"content_state":{"title":"Deploy finished","type":"segmented_progress",'
        b'"number_of_steps":4,"current_step":4,"color":"green","auto_dismiss_seconds":30}}',
        LiveActivityStreamDeleteResponse,
    ),
    Case(
        "startLiveActivity",
        _no_setup,
        lambda client, _: start_live_activity.sync_detailed(
            client=client, body=LiveActivityStartRequest.from_dict(START)
        ),
        "POST",
        "/api/live-activity/start",
        b'{"content_state":{"title":"Maintenance window","type":"timer","duration_seconds":1800,'
        b'"color":"orange"},"target":{"channels":["ops"]}}',
        LiveActivityStartResponse,
    ),
    Case(
        "updateLiveActivity",
        _started_activity,
        lambda client, activity_id: update_live_activity.sync_detailed(
            client=client, body=LiveActivityUpdateRequest.from_dict(_with_id(UPDATE, activity_id))
        ),
        "POST",
        "/api/live-activity/update",
        b'{"activity_id":"@ID@","content_state":{"title":"Maintenance window","is_running":false}}',
        LiveActivityUpdateResponse,
    ),
    Case(
        "endLiveActivity",
        _started_activity,
        lambda client, activity_id: end_live_activity.sync_detailed(
            client=client, body=LiveActivityEndRequest.from_dict(_with_id(END, activity_id))
        ),
        "POST",
        "/api/live-activity/end",
        b'{"activity_id":"@ID@","content_state":{"title":"Maintenance done",'
        b'"subtitle":"all hosts patched"}}',
        LiveActivityEndResponse,
    ),
    Case(
        "updateMetricValue",
        _no_setup,
        lambda client, _: update_metric_value.sync_detailed(
            "uptime", client=client, body=MetricValueUpdateRequest.from_dict(METRIC)
        ),
        "POST",
        "/api/metrics/uptime/value",
        # The date-time is re-serialised by the model: `.000Z` goes out as `+00:00`.
        b'{"value":99.95,"timestamp":"2026-07-20T09:30:00+00:00"}',
        MetricValueUpdateResponse,
    ),
    Case(
        "updateAppIconBadgeCount",
        _no_setup,
        lambda client, _: update_app_icon_badge_count.sync_detailed(
            client=client, body=AppIconBadgeCountUpdateRequest.from_dict(BADGE)
        ),
        "POST",
        "/api/badge",
        b'{"badge":3,"target":{"channels":["ops"]}}',
        AppIconBadgeCountUpdateResponse,
    ),
]


@pytest.fixture
def client(activitysmith_server: ActivitySmithServer) -> Iterator[AuthenticatedClient]:
    with AuthenticatedClient(
        base_url=activitysmith_server.base_url, token=activitysmith_server.api_key
    ) as client:
        yield client


def test_the_cases_cover_all_nine_operations() -> None:
    from activitysmith.testing._routes import ROUTES

    assert sorted((c.method, c.operation) for c in CASES) == sorted(
        (method, operation) for method, _, operation in ROUTES
    )


@pytest.mark.parametrize("case", CASES, ids=str)
def test_sync_detailed_sends_the_exact_request(
    case: Case, activitysmith_server: ActivitySmithServer, client: AuthenticatedClient
) -> None:
    created = case.setup(client)
    before = len(activitysmith_server.requests)

    response = case.call(client, created)

    received = activitysmith_server.requests[before:]
    assert len(received) == 1
    request = received[0]
    assert (request.method, request.path, request.query) == (
        case.method,
        case.path.replace(ID, created),
        "",
    )
    assert request.operation == case.operation
    assert request.body == case.body.replace(ID.encode(), created.encode())
    assert request.headers["Authorization"] == "Bearer ***"
    assert request.headers["Content-Type"] == "application/json"
    assert request.headers["Content-Length"] == str(len(request.body))
    # The server answers 401 unless it got exactly `Bearer <api_key>`.
    assert (request.status, response.status_code) == (200, 200), response.content
    assert isinstance(response.parsed, case.success)


def test_requests_carry_the_bearer_token_the_client_was_given(
    activitysmith_server: ActivitySmithServer,
) -> None:
    wrong = AuthenticatedClient(base_url=activitysmith_server.base_url, token="ask_wrong")
    body = AppIconBadgeCountUpdateRequest.from_dict({"badge": 0})

    response = update_app_icon_badge_count.sync_detailed(client=wrong, body=body)

    assert response.status_code == 401
    assert activitysmith_server.requests[-1].headers["Authorization"] == "Bearer ***"


ODD = "a/b c?d#e%f"
ODD_ESCAPED = "a%2Fb%20c%3Fd%23e%25f"


@pytest.mark.parametrize(
    ("operation", "call", "path"),
    [
        (
            "replacePushNotification",
            lambda client: replace_push_notification.sync_detailed(
                ODD, client=client, body=PushNotificationReplaceRequest.from_dict(REPLACE)
            ),
            f"/api/push-notification/{ODD_ESCAPED}",
        ),
        (
            "reconcileLiveActivityStream",
            lambda client: reconcile_live_activity_stream.sync_detailed(
                ODD, client=client, body=LiveActivityStreamRequest.from_dict(STREAM)
            ),
            f"/api/live-activity/stream/{ODD_ESCAPED}",
        ),
        (
            "endLiveActivityStream",
            lambda client: end_live_activity_stream.sync_detailed(ODD, client=client),
            f"/api/live-activity/stream/{ODD_ESCAPED}",
        ),
        (
            "updateMetricValue",
            lambda client: update_metric_value.sync_detailed(
                ODD, client=client, body=MetricValueUpdateRequest.from_dict({"value": 1})
            ),
            f"/api/metrics/{ODD_ESCAPED}/value",
        ),
        (
            "replacePushNotification",
            lambda client: replace_push_notification.sync_detailed(
                "ntf_é", client=client, body=PushNotificationReplaceRequest.from_dict(REPLACE)
            ),
            "/api/push-notification/ntf_%C3%A9",
        ),
    ],
    ids=["notification_id", "stream_key-put", "stream_key-delete", "metric-key", "non-ascii"],
)
def test_path_parameters_are_percent_escaped_into_one_segment(
    operation: str,
    call: Callable[[AuthenticatedClient], Response[Any]],
    path: str,
    activitysmith_server: ActivitySmithServer,
    client: AuthenticatedClient,
) -> None:
    response = call(client)

    request = activitysmith_server.requests[-1]
    assert (request.path, request.query) == (path, "")
    assert request.operation == operation  # routed as one path segment, not split on `/`
    # The local API does not know these ids (404) or rejects the pattern (400): fine,
    # what matters is the request that arrived.
    assert response.status_code in (400, 404)


def test_ending_a_stream_without_a_body_sends_no_body(
    activitysmith_server: ActivitySmithServer, client: AuthenticatedClient
) -> None:
    _running_stream(client)

    response = end_live_activity_stream.sync_detailed(STREAM_KEY, client=client)

    request = activitysmith_server.requests[-1]
    assert (request.method, request.path, request.body) == (
        "DELETE",
        f"/api/live-activity/stream/{STREAM_KEY}",
        b"",
    )
    assert "Content-Length" not in request.headers
    # The generated code sets Content-Type even when it sends no body.
    assert request.headers["Content-Type"] == "application/json"
    assert isinstance(response.parsed, LiveActivityStreamDeleteResponse)


@pytest.mark.parametrize("case", CASES, ids=str)
def test_a_200_with_unknown_fields_still_parses(
    case: Case, activitysmith_server: ActivitySmithServer, client: AuthenticatedClient
) -> None:
    created = case.setup(client)
    activitysmith_server.inject(Fault.unknown_fields(operation="deferred"))

    response = case.call(client, created)

    assert activitysmith_server.requests[-1].fault == "unknown_fields"
    assert response.status_code == 200
    parsed = response.parsed
    assert isinstance(parsed, case.success)
    assert parsed.additional_properties["future_field"] == "added by a newer server"
    assert parsed.additional_properties["future_object"] == {
        "nested": [1, "two", None],
        "flag": True,
    }
    # They also survive a round trip through the model (the timestamp is re-serialised
    # with `+00:00`; the model tests compare it as an instant).
    sent = json.loads(response.content)
    kept = parsed.to_dict()
    assert kept.keys() == sent.keys()
    assert _without_timestamp(kept) == _without_timestamp(sent)


def _without_timestamp(body: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in body.items() if key != "timestamp"}


@pytest.mark.parametrize("case", CASES[2:4], ids=str)
def test_an_unknown_stream_operation_parses_as_a_plain_string(
    case: Case, activitysmith_server: ActivitySmithServer, client: AuthenticatedClient
) -> None:
    created = case.setup(client)
    activitysmith_server.inject(Fault.unknown_fields(operation="deferred"))

    response = case.call(client, created)

    assert isinstance(response.parsed, case.success)
    assert response.parsed.operation == "deferred"
    assert not isinstance(response.parsed.operation, StreamOperation)


@pytest.mark.anyio
async def test_asyncio_detailed_sends_the_same_request_as_sync_detailed(
    activitysmith_server: ActivitySmithServer,
) -> None:
    case = CASES[2]  # reconcileLiveActivityStream: path parameter and body
    async with AuthenticatedClient(
        base_url=activitysmith_server.base_url, token=activitysmith_server.api_key
    ) as client:
        response = await reconcile_live_activity_stream.asyncio_detailed(
            STREAM_KEY, client=client, body=LiveActivityStreamRequest.from_dict(STREAM)
        )

    request = activitysmith_server.requests[-1]
    assert (request.method, request.path, request.body) == (case.method, case.path, case.body)
    assert request.headers["Authorization"] == "Bearer ***"
    assert request.headers["Content-Type"] == "application/json"
    assert response.status_code == 200
    assert isinstance(response.parsed, LiveActivityStreamPutResponse)
    assert response.parsed.operation == StreamOperation.STARTED
