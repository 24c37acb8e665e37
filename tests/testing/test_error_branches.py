"""The two bodies of the 429 and of the badge 422 parse, each to its own schema with every
field, in the generated client and in the facade: from the local server where it sends them,
from a plain loopback server for the badge update failure it never sends."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

import activitysmith
from activitysmith import ActivitySmith
from activitysmith.testing import ActivitySmithServer, RateLimits
from activitysmith_client import AuthenticatedClient
from activitysmith_client.api.app_icon_badges import update_app_icon_badge_count
from activitysmith_client.api.live_activities import start_live_activity
from activitysmith_client.api.push_notifications import send_push_notification
from activitysmith_client.models import (
    AppIconBadgeCountUpdateError,
    AppIconBadgeCountUpdateRequest,
    LiveActivityLimitError,
    LiveActivityStartRequest,
    NoRecipientsError,
    PushNotificationRequest,
    RateLimitError,
)
from tests.facade.test_errors import Canned

STATE = {"title": "Deploy", "type": "progress", "percentage": 10}

RATE_LIMITED = {"error": "Rate limit exceeded", "message": "Slow down", "code": "rate_limited"}
LIVE_ACTIVITY_LIMITED = {
    "error": "Live Activity limit reached",
    "message": "End one first",
    "limit": 5,
    "active": 5,
    "blocked_devices": 2,
    "targeted_devices": 3,
}
NO_RECIPIENTS = {
    "error": "No recipients found",
    "message": "Nobody subscribes to these channels",
    "effective_channel_slugs": ["finance-oncall"],
}
BADGE_FAILED = {
    "error": "Badge update failed",
    "code": "badge_update_failed",
    "message": "No device accepted the badge",
    "badge": 7,
    "devices_updated": 0,
    "devices_targeted": 2,
    "users_updated": 0,
    "devices_notified": 0,
    "effective_channel_slugs": ["ops"],
}


@pytest.fixture
def low_level(activitysmith_server: ActivitySmithServer) -> Iterator[AuthenticatedClient]:
    client = ActivitySmith(
        activitysmith_server.api_key,
        base_url=activitysmith_server.base_url,
        rate_limit=None,
        max_retries=0,
    )
    yield client.low_level
    client.close()


@pytest.fixture(scope="module")
def canned() -> Iterator[Canned]:
    server = Canned()
    yield server
    server.server.shutdown()
    server.server.server_close()


def _every_field(model: Any, body: dict[str, Any]) -> None:
    assert model.to_dict() == body
    assert model.additional_properties == {}


@pytest.mark.parametrize(
    "activitysmith_server_options", [{"rate_limit": RateLimits(features={"notifications": 1})}]
)
def test_the_servers_rate_429_is_a_rate_limit_error_in_both_clients(
    activitysmith_server: ActivitySmithServer, low_level: AuthenticatedClient
) -> None:
    activitysmith_server.clock.freeze()
    body = PushNotificationRequest(title="x")
    assert send_push_notification.sync_detailed(client=low_level, body=body).status_code == 200

    refused = send_push_notification.sync_detailed(client=low_level, body=body)

    assert refused.status_code == 429
    assert type(refused.parsed) is RateLimitError
    _every_field(refused.parsed, json.loads(refused.content))
    assert refused.parsed.code == "rate_limited"
    facade = ActivitySmith(
        activitysmith_server.api_key,
        base_url=activitysmith_server.base_url,
        rate_limit=None,
        max_retries=0,
    )
    with facade, pytest.raises(activitysmith.RateLimitError) as info:
        facade.notifications.send(title="x")
    assert type(info.value) is activitysmith.RateLimitError
    assert (info.value.code, info.value.limit, info.value.active) == ("rate_limited", None, None)
    assert info.value.retry_after == 60.0
    assert info.value.rate_limit is not None and info.value.rate_limit.remaining == 0


@pytest.mark.parametrize("activitysmith_server_options", [{"when_limit_reached": "reject"}])
def test_the_servers_concurrent_limit_429_is_a_live_activity_limit_error_in_both_clients(
    activitysmith_server: ActivitySmithServer, low_level: AuthenticatedClient
) -> None:
    activitysmith_server.clock.freeze()
    for number in range(20):  # the device limit is the server's to set: start until refused
        answer = start_live_activity.sync_detailed(
            client=low_level,
            body=LiveActivityStartRequest.from_dict(
                {"content_state": {**STATE, "title": f"{number}"}}
            ),
        )
        if answer.status_code == 429:
            break
    else:
        pytest.fail("the server never refused a Live Activity")

    assert type(answer.parsed) is LiveActivityLimitError
    _every_field(answer.parsed, json.loads(answer.content))
    assert answer.parsed.limit == answer.parsed.active == number
    assert "retry-after" not in answer.headers
    facade = ActivitySmith(
        activitysmith_server.api_key, base_url=activitysmith_server.base_url, max_retries=0
    )
    with facade, pytest.raises(activitysmith.LiveActivityLimitError) as info:
        facade.live_activities.start(content_state=STATE)
    assert (info.value.limit, info.value.active, info.value.retry_after) == (number, number, None)


def test_the_servers_badge_no_recipients_422_is_a_no_recipients_error_in_both_clients(
    activitysmith_server: ActivitySmithServer, low_level: AuthenticatedClient
) -> None:
    body = AppIconBadgeCountUpdateRequest.from_dict(
        {"badge": 3, "target": {"channels": ["nobody-here"]}}
    )

    answer = update_app_icon_badge_count.sync_detailed(client=low_level, body=body)

    assert answer.status_code == 422
    assert type(answer.parsed) is NoRecipientsError
    _every_field(answer.parsed, json.loads(answer.content))
    assert answer.parsed.effective_channel_slugs == ["nobody-here"]
    facade = ActivitySmith(
        activitysmith_server.api_key, base_url=activitysmith_server.base_url, max_retries=0
    )
    with facade, pytest.raises(activitysmith.NoRecipientsError) as info:
        facade.badge_count(3, channels=["nobody-here"])
    assert info.value.effective_channel_slugs == ["nobody-here"]


def _low_level_for(canned: Canned, status: int, body: dict[str, Any]) -> AuthenticatedClient:
    return canned.answer(status, json.dumps(body).encode()).low_level


@pytest.mark.parametrize(
    ("body", "model"),
    [(BADGE_FAILED, AppIconBadgeCountUpdateError), (NO_RECIPIENTS, NoRecipientsError)],
    ids=["badge-update-failed", "no-recipients"],
)
def test_each_badge_422_body_parses_to_its_schema_with_every_field(
    canned: Canned, body: dict[str, Any], model: type
) -> None:
    answer = update_app_icon_badge_count.sync_detailed(
        client=_low_level_for(canned, 422, body),
        body=AppIconBadgeCountUpdateRequest.from_dict({"badge": 7}),
    )

    assert type(answer.parsed) is model
    _every_field(answer.parsed, body)


def test_the_facade_reads_a_badge_update_failure_with_every_field(canned: Canned) -> None:
    client = canned.answer(422, json.dumps(BADGE_FAILED).encode())
    with client, pytest.raises(activitysmith.UnprocessableEntityError) as info:
        client.badge_count(7)

    assert type(info.value) is activitysmith.UnprocessableEntityError
    assert type(info.value.detail) is AppIconBadgeCountUpdateError
    _every_field(info.value.detail, BADGE_FAILED)
    assert (info.value.detail.badge, info.value.detail.devices_updated) == (7, 0)


@pytest.mark.parametrize(
    ("body", "model", "error"),
    [
        (RATE_LIMITED, RateLimitError, activitysmith.RateLimitError),
        (LIVE_ACTIVITY_LIMITED, LiveActivityLimitError, activitysmith.LiveActivityLimitError),
    ],
    ids=["rate-limited", "live-activity-limit"],
)
def test_each_429_body_parses_to_its_schema_with_every_field(
    canned: Canned, body: dict[str, Any], model: type, error: type[Exception]
) -> None:
    answer = send_push_notification.sync_detailed(
        client=_low_level_for(canned, 429, body), body=PushNotificationRequest(title="x")
    )
    assert type(answer.parsed) is model
    _every_field(answer.parsed, body)

    client = canned.answer(429, json.dumps(body).encode())
    with client, pytest.raises(error) as info:
        client.notifications.send(title="x")
    assert type(info.value) is error
    assert type(info.value.detail) is model  # type: ignore[attr-defined]
    _every_field(info.value.detail, body)  # type: ignore[attr-defined]
