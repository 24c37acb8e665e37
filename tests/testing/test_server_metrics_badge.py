"""Widget metrics and the app icon badge."""

from __future__ import annotations

import httpx
import pytest

from activitysmith.testing import ActivitySmithServer


def test_metric_values_are_stored_with_their_timestamps(
    api: httpx.Client, server: ActivitySmithServer
) -> None:
    first = api.post("/metrics/deploy.success_rate/value", json={"value": 99.9})
    second = api.post(
        "/metrics/deploy.success_rate/value",
        json={"value": 98, "timestamp": "2026-07-20T09:30:00.000Z"},
    )
    text = api.post("/metrics/prod.status/value", json={"value": "healthy"})

    assert [r.status_code for r in (first, second, text)] == [200, 200, 200]
    assert first.json() == {"success": True}
    metric = server.metrics["deploy.success_rate"]
    assert metric.value == 98
    assert metric.timestamp == "2026-07-20T09:30:00.000Z"
    assert [v.value for v in metric.history] == [99.9, 98]
    assert metric.history[0].timestamp.endswith("Z")
    assert server.metrics["prod.status"].value == "healthy"


def test_unknown_metric_is_404(api: httpx.Client, server: ActivitySmithServer) -> None:
    response = api.post("/metrics/revenue.yesterday/value", json={"value": 1})

    assert response.status_code == 404
    assert response.json()["error"] == "Metric not found"
    assert server.metrics == {}


@pytest.mark.parametrize("activitysmith_server_options", [{"auto_create_metrics": True}])
def test_auto_created_metrics_accept_any_key(
    api: httpx.Client, server: ActivitySmithServer
) -> None:
    response = api.post("/metrics/anything.at_all/value", json={"value": 1})

    assert response.status_code == 200
    assert server.metrics["anything.at_all"].value == 1


@pytest.mark.parametrize("activitysmith_server_options", [{"metrics": ["queue.depth"]}])
def test_configured_metrics_replace_the_defaults(api: httpx.Client) -> None:
    assert api.post("/metrics/queue.depth/value", json={"value": 3}).status_code == 200
    assert api.post("/metrics/prod.status/value", json={"value": "ok"}).status_code == 404


def test_badge_is_stored_with_both_counter_pairs(
    api: httpx.Client, server: ActivitySmithServer
) -> None:
    response = api.post("/badge", json={"badge": 7, "target": {"channels": ["sales"]}})

    assert response.status_code == 200
    body = response.json()
    assert body == {
        "success": True,
        "badge": 7,
        "devices_updated": 2,
        "users_updated": 2,
        "devices_notified": 2,
        "users_notified": 2,
        "devices_targeted": 2,
        "effective_channel_slugs": ["sales"],
        "timestamp": body["timestamp"],
    }
    assert server.badge == 7
    assert [u.badge for u in server.badge_updates] == [7]


def test_badge_zero_clears_and_no_recipients_is_422(
    api: httpx.Client, server: ActivitySmithServer
) -> None:
    api.post("/badge", json={"badge": 3})
    cleared = api.post("/badge", json={"badge": 0})
    nobody = api.post("/badge", json={"badge": 1, "target": {"channels": ["finance"]}})

    assert cleared.status_code == 200
    # Without targeting the answer still lists the slugs used: none (the official package
    # cannot parse a badge answer without the field).
    assert cleared.json()["effective_channel_slugs"] == []
    assert nobody.status_code == 422
    assert server.badge == 0
