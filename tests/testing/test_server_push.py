"""Push notifications: send, recipients, no-recipients, key scope and replace."""

from __future__ import annotations

import re
from typing import Any

import httpx
import pytest

from activitysmith.testing import ActivitySmithServer, Device

TIMESTAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")


def test_push_is_recorded_and_reports_every_default_device(
    api: httpx.Client, server: ActivitySmithServer
) -> None:
    response = api.post("/push-notification", json={"title": "Deploy finished", "message": "v2"})

    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert body == {
        "success": True,
        "notification_id": body["notification_id"],
        "devices_notified": 3,
        "users_notified": 2,
        "devices_targeted": 3,
        "timestamp": body["timestamp"],
    }
    assert TIMESTAMP.match(body["timestamp"])
    [notification] = server.notifications
    assert notification.notification_id == body["notification_id"]
    assert notification.title == "Deploy finished"
    assert notification.payload == {"title": "Deploy finished", "message": "v2"}
    assert notification.users == ("alice", "bob")
    assert notification.effective_channel_slugs is None


def test_push_to_channels_reaches_only_their_devices(
    api: httpx.Client, server: ActivitySmithServer
) -> None:
    response = api.post(
        "/push-notification",
        json={"title": "Deal closed", "target": {"channels": ["sales", "customer-success"]}},
    )

    body = response.json()
    assert (body["devices_notified"], body["users_notified"]) == (2, 2)
    assert body["effective_channel_slugs"] == ["sales", "customer-success"]
    assert [d.name for d in server.notifications[0].devices] == ["Alice's iPhone", "Bob's iPhone"]


def test_push_echoes_tags_and_stores_metadata(
    api: httpx.Client, server: ActivitySmithServer
) -> None:
    body = api.post(
        "/push-notification",
        json={"title": "Backup", "tags": ["backup", "db"], "metadata": {"attempt": 2}},
    ).json()

    assert body["tags"] == ["backup", "db"]
    assert server.notifications[0].tags == ("backup", "db")
    assert server.notifications[0].metadata == {"attempt": 2}


@pytest.mark.parametrize("channels", [["finance"], ["finance", "legal"]])
def test_push_to_unknown_channel_answers_no_recipients(
    api: httpx.Client, server: ActivitySmithServer, channels: list[str]
) -> None:
    response = api.post("/push-notification", json={"title": "x", "target": {"channels": channels}})

    assert response.status_code == 422
    assert response.json() == {
        "error": "No recipients found",
        "message": response.json()["message"],
        "effective_channel_slugs": channels,
    }
    assert server.notifications == []


@pytest.mark.parametrize("activitysmith_server_options", [{"devices": []}])
def test_push_without_paired_devices_answers_no_recipients(api: httpx.Client) -> None:
    response = api.post("/push-notification", json={"title": "x"})

    assert response.status_code == 422
    assert response.json()["error"] == "No recipients found"


def test_push_with_empty_channel_slug_is_rejected_naming_the_field(api: httpx.Client) -> None:
    response = api.post("/push-notification", json={"title": "x", "target": {"channels": [""]}})

    assert response.status_code == 400
    assert response.json()["message"].startswith("target.channels[0]: ")


@pytest.mark.parametrize("activitysmith_server_options", [{"key_channels": ["ops"]}])
def test_channel_scoped_key_defaults_to_its_channels_and_rejects_others(
    api: httpx.Client,
) -> None:
    scoped = api.post("/push-notification", json={"title": "x"}).json()
    outside = api.post("/push-notification", json={"title": "x", "target": {"channels": ["sales"]}})

    assert scoped["effective_channel_slugs"] == ["ops"]
    assert scoped["devices_notified"] == 2
    assert outside.status_code == 403
    assert outside.json()["error"] == "Invalid channel targeting"


@pytest.mark.parametrize(
    "activitysmith_server_options",
    [{"devices": [Device("Pixel", user="carol", channels=["ops"]), Device("Mac", user="carol")]}],
)
def test_custom_devices_decide_the_counts(api: httpx.Client) -> None:
    everyone = api.post("/push-notification", json={"title": "x"}).json()
    ops = api.post("/push-notification", json={"title": "x", "target": {"channels": ["ops"]}})

    assert (everyone["devices_notified"], everyone["users_notified"]) == (2, 1)
    assert ops.json()["devices_notified"] == 1


def test_replace_swaps_content_and_keeps_recipients_and_tags(
    api: httpx.Client, server: ActivitySmithServer
) -> None:
    sent = api.post(
        "/push-notification",
        json={
            "title": "Deploying",
            "message": "step 1",
            "target": {"channels": ["ops"]},
            "tags": ["deploy"],
        },
    ).json()
    notification_id = sent["notification_id"]

    response = api.put(f"/push-notification/{notification_id}", json={"title": "Deployed"})

    assert response.status_code == 200
    body = response.json()
    assert body == {
        "success": True,
        "notification_id": notification_id,
        "devices_notified": 2,
        "users_notified": 1,
        "effective_channel_slugs": ["ops"],
        "tags": ["deploy"],
        "timestamp": body["timestamp"],
    }
    [notification] = server.notifications
    assert notification.payload == {"title": "Deployed"}  # message not carried over
    assert notification.tags == ("deploy",)
    assert [revision["title"] for revision in notification.revisions] == ["Deploying", "Deployed"]


def test_replace_with_empty_tags_clears_them(
    api: httpx.Client, server: ActivitySmithServer
) -> None:
    sent = api.post("/push-notification", json={"title": "a", "tags": ["x"]}).json()

    body = api.put(
        f"/push-notification/{sent['notification_id']}", json={"title": "b", "tags": []}
    ).json()

    assert body["tags"] == []
    assert server.notifications[0].tags == ()


def test_replace_unknown_notification_is_404(api: httpx.Client) -> None:
    response = api.put("/push-notification/ntf_missing", json={"title": "x"})

    assert response.status_code == 404
    assert response.json()["error"] == "Notification not found"


def test_replace_rejects_push_only_fields(api: httpx.Client) -> None:
    sent: dict[str, Any] = api.post("/push-notification", json={"title": "a"}).json()

    response = api.put(
        f"/push-notification/{sent['notification_id']}", json={"title": "b", "sound": "ping"}
    )

    assert response.status_code == 400
    assert "'sound' was unexpected" in response.json()["message"]


def test_metadata_over_16_kb_is_400(api: httpx.Client, server: ActivitySmithServer) -> None:
    metadata = {f"k{n}": "v" * 4000 for n in range(5)}

    response = api.post("/push-notification", json={"title": "x", "metadata": metadata})

    assert response.status_code == 400
    assert response.json()["message"].startswith("metadata: 20041 bytes of JSON")
    assert server.notifications == []
