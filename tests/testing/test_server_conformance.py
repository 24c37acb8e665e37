"""Every answer the server gives conforms to the spec's declared responses.

The `api` fixture validates each response it receives with openapi-core; these tests make
sure every operation is exercised with each status the server can produce, and run
schemathesis with generated valid requests.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib.resources import as_file, files

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from activitysmith._generated.examples import LIVE_ACTIVITY_LIMIT
from activitysmith._generated.operations import OPERATIONS
from activitysmith.testing import ActivitySmithServer, RateLimits

ALERT = {"content_state": {"title": "x", "type": "alert", "message": "m"}}


@pytest.mark.parametrize(
    "activitysmith_server_options",
    [
        {
            "rate_limit": RateLimits(features={"notifications": 6, "metrics": 2}),
            "when_limit_reached": "reject",
        }
    ],
)
def test_every_operation_and_status_conforms(
    make_client: Callable[..., httpx.Client], server: ActivitySmithServer
) -> None:
    api, stranger = make_client(), make_client(api_key="ask_wrong")
    nobody = {"channels": ["finance"]}

    sent = api.post("/push-notification", json={"title": "x", "tags": ["t"]}).json()
    api.post("/push-notification", json={"title": "x", "target": nobody})
    api.post("/push-notification", json={"title": 1})
    stranger.post("/push-notification", json={"title": "x"})
    api.put(f"/push-notification/{sent['notification_id']}", json={"title": "y"})
    api.put("/push-notification/unknown", json={"title": "y"})
    api.put("/push-notification/unknown", json={})
    for n in range(LIVE_ACTIVITY_LIMIT):
        api.put(f"/live-activity/stream/s{n}", json=ALERT)
    api.put("/live-activity/stream/over", json=ALERT)  # 429 limit
    started = api.post("/live-activity/start", json=ALERT)  # 429 limit
    api.put("/live-activity/stream/s0", json=ALERT)  # noop
    api.put("/live-activity/stream/nobody", json={**ALERT, "channels": ["finance"]})  # 422
    api.delete("/live-activity/stream/s0")
    api.delete("/live-activity/stream/never")
    api.delete("/live-activity/stream/bad%20key")
    api.delete("/live-activity/stream/s1")
    activity_id = api.post("/live-activity/start", json=ALERT).json()["activity_id"]
    api.post("/live-activity/start", json={**ALERT, "target": nobody})
    api.post(
        "/live-activity/update", json={"activity_id": activity_id, "content_state": {"title": "u"}}
    )
    api.post("/live-activity/update", json={"activity_id": "nope", "content_state": {"title": "u"}})
    api.post(
        "/live-activity/end", json={"activity_id": activity_id, "content_state": {"title": "e"}}
    )
    api.post(
        "/live-activity/end", json={"activity_id": activity_id, "content_state": {"title": "e"}}
    )
    api.post("/live-activity/end", json={"activity_id": "nope"})
    api.post("/metrics/prod.status/value", json={"value": "ok"})
    api.post("/metrics/unknown.metric/value", json={"value": 1})
    api.post("/metrics/prod.status/value", json={"value": 2})  # 429 (metrics budget is 2)
    api.post("/badge", json={"badge": 1})
    api.post("/badge", json={"badge": 1, "target": nobody})
    api.post("/badge", json={"badge": "one"})
    api.post("/push-notification", json={"title": "x"})  # 429: the 7th push or replace call

    seen = {(r.operation, r.status) for r in server.requests}
    assert started.status_code == 429
    assert seen >= {
        ("sendPushNotification", 200),
        ("sendPushNotification", 400),
        ("sendPushNotification", 401),
        ("sendPushNotification", 422),
        ("sendPushNotification", 429),
        ("replacePushNotification", 200),
        ("replacePushNotification", 400),
        ("replacePushNotification", 404),
        ("reconcileLiveActivityStream", 200),
        ("reconcileLiveActivityStream", 422),
        ("reconcileLiveActivityStream", 429),
        ("endLiveActivityStream", 200),
        ("endLiveActivityStream", 400),
        ("endLiveActivityStream", 404),
        ("startLiveActivity", 200),
        ("startLiveActivity", 422),
        ("startLiveActivity", 429),
        ("updateLiveActivity", 200),
        ("updateLiveActivity", 404),
        ("endLiveActivity", 200),
        ("endLiveActivity", 400),
        ("updateMetricValue", 200),
        ("updateMetricValue", 404),
        ("updateMetricValue", 429),
        ("updateAppIconBadgeCount", 200),
        ("updateAppIconBadgeCount", 400),
        ("updateAppIconBadgeCount", 422),
    }


@pytest.mark.parametrize(
    "activitysmith_server_options",
    [{"rate_limit": None, "auto_create_metrics": True, "key_channels": None}],
)
def test_schemathesis_valid_requests_find_no_failures(server: ActivitySmithServer) -> None:
    with as_file(files("activitysmith.testing") / "openapi.yaml") as path:
        schema = schemathesis.openapi.from_path(path)
    headers = {"Authorization": f"Bearer {server.api_key}"}
    checks = [
        not_a_server_error,
        status_code_conformance,
        content_type_conformance,
        response_schema_conformance,
    ]
    operations = [result.ok() for result in schema.get_all_operations()]

    for operation in operations:

        @settings(
            max_examples=25,
            deadline=None,
            database=None,
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        @given(case=operation.as_strategy(generation_mode=GenerationMode.POSITIVE))
        def check(case: schemathesis.Case) -> None:
            response = case.call(base_url=server.base_url, headers=headers)
            case.validate_response(response, checks=checks)

        check()

    assert len(operations) == len(OPERATIONS)  # every operation of the spec was exercised
    assert len(server.requests) >= len(operations) * 10
    assert {r.status for r in server.requests} <= {200, 400, 404, 422, 429}
    assert server.internal_errors == []
