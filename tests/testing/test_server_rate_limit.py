"""The account's request budgets."""

from __future__ import annotations

import time

import httpx
import pytest

from activitysmith.testing import ActivitySmithServer, RateLimits


def test_sixty_notifications_a_minute_then_429_with_retry_after(api: httpx.Client) -> None:
    answers = [api.post("/push-notification", json={"title": "x"}) for _ in range(60)]

    limited = api.post("/push-notification", json={"title": "x"})
    stream = api.put(
        "/live-activity/stream/deploy",
        json={"content_state": {"title": "x", "type": "alert", "message": "m"}},
    )

    assert {r.status_code for r in answers} == {200}
    assert stream.status_code == 200  # Live Activities have a budget of their own
    assert limited.status_code == 429
    assert limited.json() == {
        "error": "Rate limit exceeded",
        "message": "Too many requests: the limit is 60 per 60 seconds",
        "code": "rate_limited",
    }
    assert 1 <= int(limited.headers["retry-after"]) <= 60


def test_metrics_have_their_own_budget(api: httpx.Client) -> None:
    for _ in range(60):
        api.post("/push-notification", json={"title": "x"})

    metric = api.post("/metrics/prod.status/value", json={"value": "ok"})
    badge = api.post("/badge", json={"badge": 1})

    assert metric.status_code == 200
    assert badge.status_code == 200


def test_each_feature_has_the_spec_budget(api: httpx.Client) -> None:
    badges = [api.post("/badge", json={"badge": 1}).status_code for _ in range(61)]
    streams = [
        api.put(
            "/live-activity/stream/deploy",
            json={"content_state": {"title": "x", "type": "alert", "message": "m"}},
        ).status_code
        for _ in range(301)
    ]

    assert badges == [200] * 60 + [429]
    assert streams == [200] * 300 + [429]


def test_unknown_features_are_refused() -> None:
    with pytest.raises(ValueError, match="notification"):
        RateLimits(features={"notification": 5})


@pytest.mark.parametrize(
    "activitysmith_server_options",
    [{"rate_limit": RateLimits(requests=2, features={"metrics": 1}, window=0.5)}],
)
def test_budget_refills_after_the_window(api: httpx.Client, server: ActivitySmithServer) -> None:
    statuses = [api.post("/push-notification", json={"title": "x"}).status_code for _ in range(3)]
    metrics = [
        api.post("/metrics/prod.status/value", json={"value": "ok"}).status_code for _ in range(2)
    ]
    time.sleep(0.6)
    refilled = api.post("/push-notification", json={"title": "x"})

    assert statuses == [200, 200, 429]
    assert metrics == [200, 429]
    assert refilled.status_code == 200
    assert len(server.notifications) == 3


@pytest.mark.parametrize("activitysmith_server_options", [{"rate_limit": None}])
def test_rate_limit_none_switches_it_off(api: httpx.Client) -> None:
    statuses = {api.post("/push-notification", json={"title": "x"}).status_code for _ in range(80)}

    assert statuses == {200}


def test_invalid_requests_spend_the_budget_but_unauthenticated_ones_do_not(
    api: httpx.Client, server: ActivitySmithServer
) -> None:
    with httpx.Client(base_url=server.base_url) as anonymous:
        unauthorized = {
            anonymous.post("/push-notification", json={}).status_code for _ in range(70)
        }
    invalid = {api.post("/push-notification", json={}).status_code for _ in range(60)}

    response = api.post("/push-notification", json={"title": "x"})

    assert unauthorized == {401}
    assert invalid == {400}
    assert response.status_code == 429
