"""The local server's rate limits at the wire: RateLimit headers on every answer, per-feature
account windows, per-address windows and Retry-After, all on the server clock."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest

from activitysmith._generated.operations import BUDGETS, IP_BUDGETS, OPERATIONS, WINDOW_SECONDS
from activitysmith.testing import ActivitySmithServer, RateLimits
from activitysmith.testing._ratelimit import RequestBudgets
from activitysmith.testing._reply import Reply

STATE = {"title": "Deploy", "type": "progress", "percentage": 10}

# One valid request per operation; legacy update and end first start the activity they change.
CALLS: dict[str, tuple[str, str, Any]] = {
    "sendPushNotification": ("POST", "/push-notification", {"title": "x"}),
    "replacePushNotification": ("PUT", "/push-notification/{notification_id}", {"title": "y"}),
    "reconcileLiveActivityStream": (
        "PUT",
        "/live-activity/stream/deploy",
        {"content_state": STATE},
    ),
    "endLiveActivityStream": ("DELETE", "/live-activity/stream/deploy", None),
    "startLiveActivity": ("POST", "/live-activity/start", {"content_state": STATE}),
    "updateLiveActivity": ("POST", "/live-activity/update", {"content_state": STATE}),
    "endLiveActivity": ("POST", "/live-activity/end", {"content_state": STATE}),
    "updateMetricValue": ("POST", "/metrics/uptime/value", {"value": 99.9}),
    "updateAppIconBadgeCount": ("POST", "/badge", {"badge": 3}),
}
SETUP: dict[str, tuple[str, str, Any]] = {
    "replacePushNotification": CALLS["sendPushNotification"],
    "endLiveActivityStream": CALLS["reconcileLiveActivityStream"],
    "updateLiveActivity": CALLS["startLiveActivity"],
    "endLiveActivity": CALLS["startLiveActivity"],
}


def _expected(feature: str, spent: int) -> dict[str, str]:
    window = int(WINDOW_SECONDS)
    ip, account = f"public-api-ip:{feature}", f"account:{feature}"
    return {
        "ratelimit": (
            f'"{ip}";r={IP_BUDGETS[feature] - spent};t={window}, '
            f'"{account}";r={BUDGETS[feature] - spent};t={window}'
        ),
        "ratelimit-policy": (
            f'"{ip}";q={IP_BUDGETS[feature]};w={window}, '
            f'"{account}";q={BUDGETS[feature]};w={window}'
        ),
    }


def _headers(response: httpx.Response) -> dict[str, str]:
    return {k: v for k, v in response.headers.items() if k.startswith("ratelimit")}


def test_the_table_covers_every_operation() -> None:
    assert set(CALLS) == {op.operation_id for op in OPERATIONS}


@pytest.mark.parametrize("operation", sorted(CALLS))
def test_each_operation_reports_its_features_policies(
    api: httpx.Client, server: ActivitySmithServer, operation: str
) -> None:
    server.clock.freeze()  # exact `t`: every request lands at the window's start
    [op] = [op for op in OPERATIONS if op.operation_id == operation]
    method, path, body = CALLS[operation]
    spent = 0
    ids: dict[str, str] = {}
    if operation in SETUP:
        setup = SETUP[operation]
        answer = api.request(setup[0], setup[1], json=setup[2]).json()
        ids = {"notification_id": answer.get("notification_id", ""), **answer}
        spent += 1
    if isinstance(body, dict) and operation in ("updateLiveActivity", "endLiveActivity"):
        body = {**body, "activity_id": ids["activity_id"]}
    response = api.request(method, path.format(**ids), json=body)
    spent += 1

    assert response.status_code == 200, response.text
    assert _headers(response) == _expected(op.feature, spent)
    assert "retry-after" not in response.headers


def test_errors_report_the_policies_too(api: httpx.Client, server: ActivitySmithServer) -> None:
    server.clock.freeze()
    invalid = api.post("/push-notification", json={"title": 5})
    missing = api.post("/metrics/no.such.metric/value", json={"value": 1})
    nobody = api.post("/push-notification", json={"title": "x", "target": {"channels": ["hr"]}})

    assert (invalid.status_code, missing.status_code, nobody.status_code) == (400, 404, 422)
    assert _headers(invalid) == _expected("notifications", 1)
    assert _headers(missing) == _expected("metrics", 1)
    assert _headers(nobody) == _expected("notifications", 2)


def test_an_unauthenticated_request_meets_only_its_address_policy(
    server: ActivitySmithServer, make_client: Callable[..., httpx.Client]
) -> None:
    server.clock.freeze()
    response = make_client(api_key="ask_wrong").post("/badge", json={"badge": 1})

    assert response.status_code == 401
    assert _headers(response) == {
        "ratelimit": '"public-api-ip:badges";r=599;t=60',
        "ratelimit-policy": '"public-api-ip:badges";q=600;w=60',
    }


def test_unknown_routes_report_no_policy(api: httpx.Client) -> None:
    assert _headers(api.get("/nowhere")) == {}
    assert _headers(api.get("/badge")) == {}  # 405: no operation, no feature


@pytest.mark.parametrize(
    "activitysmith_server_options", [{"rate_limit": RateLimits(features={"badges": 2})}]
)
def test_a_spent_budget_answers_429_with_retry_after_and_r_0(
    api: httpx.Client, server: ActivitySmithServer
) -> None:
    server.clock.freeze()
    api.post("/badge", json={"badge": 1})
    server.clock.advance(15)
    second = api.post("/badge", json={"badge": 2})
    server.clock.advance(10)
    refused = api.post("/badge", json={"badge": 3})
    metric = api.post("/metrics/uptime/value", json={"value": 1})  # a feature of its own

    assert _headers(second)["ratelimit"] == (
        '"public-api-ip:badges";r=598;t=45, "account:badges";r=0;t=45'
    )
    assert refused.status_code == 429
    assert refused.json()["code"] == "rate_limited"
    assert refused.headers["retry-after"] == "35"
    assert _headers(refused) == {
        "ratelimit": '"public-api-ip:badges";r=597;t=35, "account:badges";r=0;t=35',
        "ratelimit-policy": '"public-api-ip:badges";q=600;w=60, "account:badges";q=2;w=60',
    }
    assert metric.status_code == 200
    assert server.badge == 2

    server.clock.advance(35)  # the window ends: a fresh one starts with the next request
    again = api.post("/badge", json={"badge": 4})
    assert again.status_code == 200
    assert _headers(again)["ratelimit"].endswith('"account:badges";r=1;t=60')


@pytest.mark.parametrize(
    "activitysmith_server_options",
    [{"rate_limit": RateLimits(requests=100, per_ip={"notifications": 2})}],
)
def test_each_client_address_has_its_own_window(
    server: ActivitySmithServer, make_client: Callable[..., httpx.Client]
) -> None:
    server.clock.freeze()
    here = make_client()
    there = make_client(transport=httpx.HTTPTransport(local_address="127.0.0.2"))
    statuses = [here.post("/push-notification", json={"title": "x"}).status_code for _ in range(3)]
    other = there.post("/push-notification", json={"title": "x"})

    assert statuses == [200, 200, 429]
    assert other.status_code == 200
    # The third request never reached the account: the address policy stopped it first.
    assert _headers(other)["ratelimit"] == (
        '"public-api-ip:notifications";r=1;t=60, "account:notifications";r=97;t=60'
    )
    refused = here.post("/push-notification", json={"title": "x"})
    assert refused.headers["retry-after"] == "60"
    assert _headers(refused)["ratelimit"] == '"public-api-ip:notifications";r=0;t=60'
    assert "from this address" in refused.json()["message"]


@pytest.mark.parametrize("activitysmith_server_options", [{"rate_limit": RateLimits(per_ip=None)}])
def test_per_address_windows_can_be_switched_off(api: httpx.Client) -> None:
    assert _headers(api.post("/badge", json={"badge": 1}))["ratelimit"].startswith(
        '"account:badges";r=59;'
    )


@pytest.mark.parametrize("activitysmith_server_options", [{"when_limit_reached": "reject"}])
def test_the_concurrent_live_activity_limit_has_no_retry_after(
    api: httpx.Client, server: ActivitySmithServer
) -> None:
    server.clock.freeze()
    for number in range(20):  # the device limit is the server's; start until it answers 429
        response = api.post(
            "/live-activity/start", json={"content_state": {**STATE, "title": f"job {number}"}}
        )
        if response.status_code == 429:
            break
    else:
        pytest.fail("the server never refused a Live Activity")

    body = response.json()
    assert {"limit", "active"} <= body.keys() and "code" not in body
    assert "retry-after" not in response.headers
    assert _headers(response)["ratelimit"].endswith(
        f'"account:live-activities";r={BUDGETS["live-activities"] - number - 1};t=60'
    )


def test_a_402_carries_no_rate_limit_headers() -> None:
    budgets = RequestBudgets(RateLimits(), clock=lambda: 0.0)
    meter = budgets.meter("notifications", "127.0.0.1")
    meter.spend_ip()
    meter.spend_account()

    blocked = meter.stamp(Reply(402, {"error": "trial_expired"}))
    sent = meter.stamp(Reply(200, {"success": True}))

    assert blocked.headers == {}
    assert set(sent.headers) == {"RateLimit", "RateLimit-Policy"}


def test_window_lengths_under_a_second_are_written_as_decimals() -> None:
    meter = RequestBudgets(RateLimits(window=0.25), clock=lambda: 0.0).meter("metrics", "a")
    meter.spend_account()

    assert meter.headers()["RateLimit-Policy"] == '"account:metrics";q=300;w=0.25'
    assert meter.headers()["RateLimit"] == '"account:metrics";r=299;t=1'
