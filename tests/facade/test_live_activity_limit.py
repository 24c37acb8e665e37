"""The per-device Live Activity limit as the SDK's callers see it, at the wire.

The local server ends the oldest activity on a full device by default and names it in
`ended_activity_id` (a typed attribute on the start and stream results); with
`when_limit_reached="reject"` it answers 429, a `LiveActivityLimitError`, never retried.
"""

from __future__ import annotations

import pytest

from activitysmith import ActivitySmith, AsyncActivitySmith, LiveActivityLimitError
from activitysmith._generated.examples import LIVE_ACTIVITY_LIMIT
from activitysmith.testing import ActivitySmithServer, Device

REJECT = {"when_limit_reached": "reject"}


def test_a_start_over_the_limit_names_the_activity_it_ended(
    activitysmith_client: ActivitySmith, activitysmith_server: ActivitySmithServer
) -> None:
    live_activities = activitysmith_client.live_activities
    started = [
        live_activities.start(title=f"Job {n}", type="progress", percentage=n)
        for n in range(LIVE_ACTIVITY_LIMIT)
    ]

    over = live_activities.start(title="Job new", type="progress", percentage=0)

    assert [bool(result.ended_activity_id) for result in started] == [False] * LIVE_ACTIVITY_LIMIT
    assert all(result.get("ended_activity_id") is None for result in started)
    assert over.ended_activity_id == started[0].activity_id
    assert over.to_dict()["ended_activity_id"] == started[0].activity_id
    # What was sent is what the caller set, top-level fields moved into content_state.
    assert activitysmith_server.requests[-1].body == (
        b'{"content_state":{"title":"Job new","type":"progress","percentage":0}}'
    )
    assert activitysmith_server.activity(started[0].activity_id).ended
    assert not activitysmith_server.activity(started[1].activity_id).ended
    assert sum(not a.ended for a in activitysmith_server.live_activities) == LIVE_ACTIVITY_LIMIT


def test_a_stream_put_over_the_limit_names_it_too(
    activitysmith_client: ActivitySmith, activitysmith_server: ActivitySmithServer
) -> None:
    live_activities = activitysmith_client.live_activities
    first = [
        live_activities.stream(f"job-{n}", title="Job", type="alert", message="Running")
        for n in range(LIVE_ACTIVITY_LIMIT)
    ]

    over = live_activities.stream("job-new", title="Job", type="alert", message="Running")
    again = live_activities.stream("job-new", title="Job", type="alert", message="Done")

    assert over.operation == "started"
    assert over.ended_activity_id == first[0].activity_id
    assert again.operation == "updated"
    assert again.get("ended_activity_id") is None
    # The stream whose activity made room starts a new one when it is next sent.
    restarted = live_activities.stream("job-0", title="Job", type="alert", message="Back")
    assert restarted.operation == "started"
    assert restarted.ended_activity_id == first[1].activity_id
    assert activitysmith_server.activity(first[0].activity_id).ended


@pytest.mark.anyio
async def test_async_results_carry_ended_activity_id(
    async_activitysmith_client: AsyncActivitySmith,
) -> None:
    live_activities = async_activitysmith_client.live_activities
    first = await live_activities.start_live_activity(
        {"content_state": {"title": "A", "type": "alert", "message": "m"}}
    )
    for n in range(LIVE_ACTIVITY_LIMIT - 1):
        await live_activities.stream(f"k{n}", title="B", type="alert", message="m")

    over = await live_activities.reconcile_live_activity_stream(
        "k-new", title="C", type="alert", message="m"
    )

    assert over.ended_activity_id == first.activity_id


@pytest.mark.parametrize("activitysmith_server_options", [REJECT])
def test_rejecting_raises_live_activity_limit_error_without_a_retry(
    activitysmith_client: ActivitySmith, activitysmith_server: ActivitySmithServer
) -> None:
    live_activities = activitysmith_client.live_activities
    for n in range(LIVE_ACTIVITY_LIMIT):
        live_activities.start(title=f"Job {n}", type="alert", message="m")

    with pytest.raises(LiveActivityLimitError) as info:
        live_activities.start(title="Job over", type="alert", message="m")

    error = info.value
    assert (error.status_code, error.limit, error.active) == (
        429,
        LIVE_ACTIVITY_LIMIT,
        LIVE_ACTIVITY_LIMIT,
    )
    assert error.blocked_devices is None
    assert len(activitysmith_server.requests) == LIVE_ACTIVITY_LIMIT + 1
    assert activitysmith_server.requests[-1].status == 429


@pytest.mark.parametrize(
    "activitysmith_server_options",
    [
        {
            **REJECT,
            "devices": [Device("iPhone", "dana", ["ops"]), Device("iPad", "dana", ["sales"])],
        }
    ],
)
def test_rejecting_reports_mixed_capacity(activitysmith_client: ActivitySmith) -> None:
    live_activities = activitysmith_client.live_activities
    for n in range(LIVE_ACTIVITY_LIMIT):
        live_activities.stream(f"ops-{n}", title="Ops", type="alert", message="m", channels="ops")

    with pytest.raises(LiveActivityLimitError) as info:
        live_activities.stream("both", title="Both", type="alert", message="m")

    assert (info.value.blocked_devices, info.value.active) == (1, LIVE_ACTIVITY_LIMIT)
