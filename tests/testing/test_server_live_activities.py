"""Live Activities: the managed stream lifecycle, the legacy calls and the concurrency limit."""

from __future__ import annotations

import re
from typing import Any

import httpx
import pytest

from activitysmith._generated.examples import LIVE_ACTIVITY_LIMIT
from activitysmith.testing import ActivitySmithServer, Device
from activitysmith.testing._validation import load_spec

SPEC = load_spec()

ACTIVITY_ID = re.compile(r"^[A-Za-z0-9_-]{32}$")


def progress(percentage: float, **extra: Any) -> dict[str, Any]:
    return {
        "content_state": {"title": "Deploy", "type": "progress", "percentage": percentage},
        **extra,
    }


def put(api: httpx.Client, key: str, body: dict[str, Any]) -> httpx.Response:
    return api.put(f"/live-activity/stream/{key}", json=body)


def test_first_put_starts_an_activity(api: httpx.Client, server: ActivitySmithServer) -> None:
    response = put(api, "deploy", progress(10))

    assert response.status_code == 200
    body = response.json()
    assert body == {
        "success": True,
        "operation": "started",
        "stream_key": "deploy",
        "activity_id": body["activity_id"],
        "devices_notified": 3,
        "users_notified": 2,
        "timestamp": body["timestamp"],
    }
    assert ACTIVITY_ID.match(body["activity_id"])
    assert server.streams == {"deploy": body["activity_id"]}
    activity = server.activity(body["activity_id"])
    assert (activity.type, activity.stream_key, activity.ended) == ("progress", "deploy", False)
    assert activity.state == {"title": "Deploy", "type": "progress", "percentage": 10}


def test_first_put_without_type_is_400(api: httpx.Client, server: ActivitySmithServer) -> None:
    response = put(api, "deploy", {"content_state": {"title": "Deploy", "percentage": 10}})

    assert response.status_code == 400
    assert response.json()["message"].startswith("content_state.type: required")
    assert server.streams == {}


def test_same_state_again_is_noop(api: httpx.Client, server: ActivitySmithServer) -> None:
    started = put(api, "deploy", progress(10)).json()

    body = put(api, "deploy", progress(10)).json()

    assert body["operation"] == "noop"
    assert body["activity_id"] == started["activity_id"]
    assert body["devices_notified"] == 0
    assert len(server.activity(started["activity_id"]).states) == 1


def test_changed_state_updates_and_merges_omitted_fields(
    api: httpx.Client, server: ActivitySmithServer
) -> None:
    started = put(
        api,
        "deploy",
        progress(10, action={"title": "Open", "type": "open_url", "url": "https://ci.example.com"}),
    ).json()

    body = put(api, "deploy", {"content_state": {"title": "Deploy", "percentage": 60}}).json()

    assert body["operation"] == "updated"
    assert body["activity_id"] == started["activity_id"]
    activity = server.activity(started["activity_id"])
    assert [state["percentage"] for state in activity.states] == [10, 60]
    assert activity.state["type"] == "progress"  # kept from the first PUT
    assert activity.action == {"title": "Open", "type": "open_url", "url": "https://ci.example.com"}
    assert activity.updates == 1


def test_new_button_alone_is_an_update(api: httpx.Client) -> None:
    put(api, "deploy", progress(10))

    body = put(
        api,
        "deploy",
        progress(10, action={"title": "Logs", "type": "open_url", "url": "https://x.example"}),
    ).json()

    assert body["operation"] == "updated"


def test_different_type_rotates_to_a_new_activity(
    api: httpx.Client, server: ActivitySmithServer
) -> None:
    started = put(api, "deploy", progress(100)).json()

    body = put(
        api,
        "deploy",
        {"content_state": {"title": "Deploy failed", "type": "alert", "message": "rollback"}},
    ).json()

    assert body["operation"] == "rotated"
    assert body["previous_activity_id"] == started["activity_id"]
    assert body["activity_id"] != started["activity_id"]
    assert server.activity(started["activity_id"]).ended
    new = server.activity(body["activity_id"])
    assert (new.type, new.previous_activity_id, new.ended) == (
        "alert",
        started["activity_id"],
        False,
    )
    assert server.streams == {"deploy": body["activity_id"]}


def test_delete_ends_with_the_final_state(api: httpx.Client, server: ActivitySmithServer) -> None:
    started = put(api, "deploy", progress(90)).json()

    response = api.request(
        "DELETE",
        "/live-activity/stream/deploy",
        json={"content_state": {"title": "Deployed", "percentage": 100, "auto_dismiss_seconds": 0}},
    )

    assert response.status_code == 200
    body = response.json()
    assert body == {
        "success": True,
        "operation": "ended",
        "stream_key": "deploy",
        "activity_id": started["activity_id"],
        "devices_notified": 3,
        "devices_queued": 0,
        "timestamp": body["timestamp"],
    }
    activity = server.activity(started["activity_id"])
    assert activity.ended
    assert activity.ended_at is not None
    assert activity.state == {
        "title": "Deployed",
        "type": "progress",
        "percentage": 100,
        "auto_dismiss_seconds": 0,
    }
    assert server.streams == {}


@pytest.mark.parametrize("body", [None, {}])
def test_delete_without_a_body_keeps_the_latest_state(
    api: httpx.Client, server: ActivitySmithServer, body: dict[str, Any] | None
) -> None:
    started = put(api, "deploy", progress(40)).json()

    response = api.request("DELETE", "/live-activity/stream/deploy", json=body)

    assert response.status_code == 200
    activity = server.activity(started["activity_id"])
    assert activity.ended
    assert activity.states == ({"title": "Deploy", "type": "progress", "percentage": 40},)


def test_delete_unknown_stream_is_404(api: httpx.Client) -> None:
    response = api.delete("/live-activity/stream/never-started")

    assert response.status_code == 404
    assert response.json() == {
        "error": "Live Activity stream not found",
        "message": "No Live Activity stream with key 'never-started'",
    }


def test_put_after_delete_starts_a_new_activity(api: httpx.Client) -> None:
    first = put(api, "deploy", progress(100)).json()
    api.delete("/live-activity/stream/deploy")

    body = put(api, "deploy", progress(5)).json()

    assert body["operation"] == "started"
    assert body["activity_id"] != first["activity_id"]


def test_channels_and_target_must_match(api: httpx.Client, server: ActivitySmithServer) -> None:
    mismatch = put(api, "deploy", progress(1, channels=["ops"], target={"channels": ["sales"]}))
    same = put(
        api, "deploy", progress(1, channels=["ops", "devs"], target={"channels": ["devs", "ops"]})
    )

    assert mismatch.status_code == 400
    assert mismatch.json()["error"] == "Invalid channel targeting"
    assert same.status_code == 200
    assert same.json()["effective_channel_slugs"] == ["ops", "devs"]
    assert same.json()["devices_notified"] == 2


def test_stream_tags_are_kept_replaced_and_cleared(
    api: httpx.Client, server: ActivitySmithServer
) -> None:
    started = put(api, "deploy", progress(1, tags=["deploy"])).json()
    kept = put(api, "deploy", progress(2)).json()
    replaced = put(api, "deploy", progress(3, tags=["prod"])).json()
    cleared = put(api, "deploy", progress(4, tags=[])).json()

    assert started["tags"] == ["deploy"]
    assert kept["tags"] == ["deploy"]
    assert replaced["tags"] == ["prod"]
    assert cleared["tags"] == []
    assert server.activity(started["activity_id"]).tags == ()


def test_many_fast_updates_carry_a_throttling_warning(api: httpx.Client) -> None:
    put(api, "counter", progress(0))
    answers = [put(api, "counter", progress(step)).json() for step in range(1, 14)]

    assert all("warning" not in answer for answer in answers[:12])
    assert "iOS may throttle" in answers[12]["warning"]


def test_starting_a_type_without_its_fields_is_400(api: httpx.Client) -> None:
    response = put(
        api, "steps", {"content_state": {"title": "Deploy", "type": "segmented_progress"}}
    )

    assert response.status_code == 400
    assert response.json()["message"] == (
        "content_state.number_of_steps: required for type 'segmented_progress'"
    )


def test_current_step_beyond_number_of_steps_is_400(api: httpx.Client) -> None:
    state = {
        "title": "Deploy",
        "type": "segmented_progress",
        "number_of_steps": 3,
        "current_step": 1,
    }
    put(api, "steps", {"content_state": state})

    response = put(api, "steps", {"content_state": {"title": "Deploy", "current_step": 4}})

    assert response.status_code == 400
    assert response.json()["message"].startswith("content_state.current_step: 4")


# -- legacy start / update / end ----------------------------------------------------------


def start(api: httpx.Client, **extra: Any) -> dict[str, Any]:
    response = api.post(
        "/live-activity/start",
        json={
            "content_state": {
                "title": "Backup",
                "type": "segmented_progress",
                "number_of_steps": 3,
                "current_step": 1,
            },
            **extra,
        },
    )
    assert response.status_code == 200, response.text
    return dict(response.json())


def test_legacy_lifecycle(api: httpx.Client, server: ActivitySmithServer) -> None:
    started = start(api, target={"channels": ["ops"]}, tags=["backup"])
    activity_id = started["activity_id"]

    updated = api.post(
        "/live-activity/update",
        json={"activity_id": activity_id, "content_state": {"title": "Backup", "current_step": 2}},
    )
    ended = api.post(
        "/live-activity/end",
        json={
            "activity_id": activity_id,
            "content_state": {"title": "Backup done", "current_step": 3},
        },
    )

    assert ACTIVITY_ID.match(activity_id)
    assert started["effective_channel_slugs"] == ["ops"]
    assert started["tags"] == ["backup"]
    assert updated.status_code == 200
    assert updated.json()["activity_id"] == activity_id
    assert ended.status_code == 200
    assert ended.json() == {
        "success": True,
        "activity_id": activity_id,
        "devices_notified": 2,
        "devices_queued": 0,
        "timestamp": ended.json()["timestamp"],
    }
    activity = server.activity(activity_id)
    assert activity.stream_key is None
    assert [state["current_step"] for state in activity.states] == [1, 2, 3]
    assert activity.state["title"] == "Backup done"
    assert activity.ended
    assert activity.tags == ("backup",)


def test_legacy_end_twice_is_ignored(api: httpx.Client) -> None:
    activity_id = start(api)["activity_id"]
    end = {"activity_id": activity_id, "content_state": {"title": "Done"}}
    api.post("/live-activity/end", json=end)

    again = api.post("/live-activity/end", json=end)

    assert again.status_code == 200
    assert again.json()["ignored"] is True


@pytest.mark.parametrize("operation", ["update", "end"])
def test_legacy_call_on_unknown_activity_is_404(api: httpx.Client, operation: str) -> None:
    response = api.post(
        f"/live-activity/{operation}",
        json={"activity_id": "pLAr-Hnq9ZFW4sxlk43Lhbuok4GLh7UW", "content_state": {"title": "x"}},
    )

    assert response.status_code == 404
    assert response.json()["error"] == "Live Activity not found"


def test_legacy_update_after_end_is_400(api: httpx.Client) -> None:
    activity_id = start(api)["activity_id"]
    api.post(
        "/live-activity/end", json={"activity_id": activity_id, "content_state": {"title": "x"}}
    )

    response = api.post(
        "/live-activity/update", json={"activity_id": activity_id, "content_state": {"title": "y"}}
    )

    assert response.status_code == 400
    assert response.json()["error"] == "Live Activity ended"


def test_stream_ended_by_legacy_end_is_deleted_as_ignored(
    api: httpx.Client, server: ActivitySmithServer
) -> None:
    activity_id = put(api, "deploy", progress(1)).json()["activity_id"]
    api.post(
        "/live-activity/end", json={"activity_id": activity_id, "content_state": {"title": "x"}}
    )

    body = api.delete("/live-activity/stream/deploy").json()

    assert (body["operation"], body["activity_id"], body["ignored"]) == ("ended", None, True)
    assert server.streams == {}


# -- the concurrency limit -----------------------------------------------------------------

LIMIT = LIVE_ACTIVITY_LIMIT
REJECT = pytest.mark.parametrize("activitysmith_server_options", [{"when_limit_reached": "reject"}])
ALERT = {"content_state": {"title": "x", "type": "alert", "message": "m"}}


def test_the_default_limit_is_the_specs() -> None:
    assert LIMIT == SPEC["x-activitysmith-live-activity-limit"] == 5


def test_a_start_over_the_limit_ends_the_oldest_and_says_which(
    api: httpx.Client, server: ActivitySmithServer
) -> None:
    ids = [put(api, f"job-{n}", progress(n)).json()["activity_id"] for n in range(LIMIT)]

    over = put(api, "job-new", progress(50))
    legacy = api.post("/live-activity/start", json=ALERT)
    again = put(api, "job-0", progress(1))  # its activity was ended: a new one starts

    assert over.status_code == 200
    assert over.json()["operation"] == "started"
    assert over.json()["ended_activity_id"] == ids[0]
    assert legacy.status_code == 200
    assert legacy.json()["ended_activity_id"] == ids[1]
    assert again.json()["operation"] == "started"
    assert again.json()["ended_activity_id"] == ids[2]
    oldest = server.activity(ids[0])
    assert (oldest.ended, oldest.dismissed, oldest.dismiss_at) == (True, True, oldest.ended_at)
    assert "make room" in (oldest.dismiss_reason or "")
    assert sum(not a.ended for a in server.live_activities) == LIMIT


def test_a_start_within_the_limit_reports_no_ended_activity(api: httpx.Client) -> None:
    answers = [put(api, f"job-{n}", progress(n)).json() for n in range(LIMIT)]
    legacy = api.post("/live-activity/start", json=ALERT).json()  # the limit + 1: room made
    updated = put(api, "job-4", progress(90)).json()

    assert all("ended_activity_id" not in answer for answer in answers)
    assert "ended_activity_id" in legacy
    assert updated["operation"] == "updated"
    assert "ended_activity_id" not in updated


def test_rotation_does_not_count_against_the_limit(api: httpx.Client) -> None:
    for n in range(LIMIT):
        put(api, f"job-{n}", progress(n))

    rotated = put(api, "job-0", ALERT)

    assert rotated.json()["operation"] == "rotated"
    assert "ended_activity_id" not in rotated.json()


@pytest.mark.parametrize(
    "activitysmith_server_options",
    [{"devices": [Device("iPhone", "alice", ["ops"]), Device("iPad", "alice", ["sales"])]}],
)
def test_only_full_devices_make_room(api: httpx.Client, server: ActivitySmithServer) -> None:
    sales = put(api, "sales-0", progress(0, channels=["sales"])).json()["activity_id"]
    ops = [put(api, f"ops-{n}", progress(n, channels=["ops"])).json() for n in range(LIMIT)]

    both = put(api, "all-0", progress(0)).json()

    # The iPhone was full: its oldest activity (ops-0) ended; the iPad's (sales-0) stayed.
    assert both["ended_activity_id"] == ops[0]["activity_id"]
    assert not server.activity(sales).ended


@pytest.mark.parametrize("activitysmith_server_options", [{"live_activity_limit": 2}])
def test_the_limit_is_configurable(api: httpx.Client, server: ActivitySmithServer) -> None:
    first, second, third = (put(api, f"job-{n}", progress(n)).json() for n in range(3))

    assert "ended_activity_id" not in second
    assert third["ended_activity_id"] == first["activity_id"]


@REJECT
def test_rejecting_answers_429_over_the_limit_until_one_ends(
    api: httpx.Client, server: ActivitySmithServer
) -> None:
    ids = [put(api, f"job-{n}", progress(n)).json()["activity_id"] for n in range(LIMIT)]

    over = put(api, "job-new", progress(50))
    legacy = api.post("/live-activity/start", json=ALERT)
    api.delete("/live-activity/stream/job-0")
    after_end = put(api, "job-new", progress(50))

    assert len(set(ids)) == LIMIT
    assert over.status_code == 429
    assert over.json() == {
        "error": "Live Activity limit reached",
        "message": over.json()["message"],
        "limit": LIMIT,
        "active": LIMIT,
    }
    assert "retry-after" not in over.headers
    assert legacy.status_code == 429
    assert after_end.json()["operation"] == "started"
    assert "ended_activity_id" not in after_end.json()
    assert [a.ended for a in server.live_activities] == [True] + [False] * LIMIT


@REJECT
def test_rejecting_still_lets_a_stream_rotate(api: httpx.Client) -> None:
    for n in range(LIMIT):
        put(api, f"job-{n}", progress(n))

    assert put(api, "job-0", ALERT).json()["operation"] == "rotated"


@pytest.mark.parametrize(
    "activitysmith_server_options",
    [
        {
            "devices": [Device("iPhone", "alice", ["ops"]), Device("iPad", "alice", ["sales"])],
            "when_limit_reached": "reject",
        }
    ],
)
def test_rejecting_counts_per_device_and_reports_mixed_capacity(api: httpx.Client) -> None:
    for n in range(LIMIT):
        put(api, f"ops-{n}", progress(n, channels=["ops"]))

    sales = put(api, "sales-0", progress(0, channels=["sales"]))
    both = put(api, "all-0", progress(0))

    assert sales.json()["operation"] == "started"
    assert both.status_code == 429
    assert both.json()["blocked_devices"] == 1
    assert both.json()["targeted_devices"] == 2
    assert both.json()["active"] == LIMIT
    assert "retry-after" not in both.headers


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"live_activity_limit": 0}, "live_activity_limit must be a positive integer"),
        ({"live_activity_limit": True}, "live_activity_limit must be a positive integer"),
        ({"when_limit_reached": "wait"}, "when_limit_reached must be one of end_oldest, reject"),
    ],
)
def test_bad_limit_options_are_refused(options: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        ActivitySmithServer(**options)
