"""The async client puts the same bytes on the wire as the sync client, call for call."""

from __future__ import annotations

import pytest

from activitysmith import ActivitySmith, AsyncActivitySmith, ValidationError
from activitysmith.testing import ActivitySmithServer

STATE = {"title": "Deploy", "type": "segmented_progress", "number_of_steps": 4, "current_step": 1}


def _run_sync(client: ActivitySmith) -> None:
    sent = client.notifications.send(title="Deploy started", channels="ops", tags=["deploy"])
    client.notifications.replace(sent.notification_id, title="Deploy finished")
    client.live_activities.stream("deploy", content_state=STATE)
    client.live_activities.end_stream("deploy")
    start = client.live_activities.start({"content_state": STATE})
    client.live_activities.update(
        activity_id=start.activity_id, content_state={"title": "Deploy", "current_step": 2}
    )
    client.live_activities.end(
        activity_id=start.activity_id, content_state={"title": "Deploy", "auto_dismiss_minutes": 0}
    )
    client.metrics.update("deploy.success_rate", 99)
    client.badge_count(0)


async def _run_async(client: AsyncActivitySmith) -> None:
    sent = await client.notifications.send(title="Deploy started", channels="ops", tags=["deploy"])
    await client.notifications.replace(sent.notification_id, title="Deploy finished")
    await client.live_activities.stream("deploy", content_state=STATE)
    await client.live_activities.end_stream("deploy")
    start = await client.live_activities.start({"content_state": STATE})
    await client.live_activities.update(
        activity_id=start.activity_id, content_state={"title": "Deploy", "current_step": 2}
    )
    await client.live_activities.end(
        activity_id=start.activity_id, content_state={"title": "Deploy", "auto_dismiss_minutes": 0}
    )
    await client.metrics.update("deploy.success_rate", 99)
    await client.badge_count(0)


def _normalised(server: ActivitySmithServer) -> list[tuple[str, str, bytes, dict[str, str]]]:
    import re

    def scrub(text: str) -> str:  # ids differ between the two runs; everything else must not
        return re.sub(r"[A-Za-z0-9_-]{20,}", "<id>", text)

    return [
        (
            request.method,
            scrub(request.path),
            scrub(request.body.decode()).encode(),
            {
                k.lower(): v
                for k, v in request.headers.items()
                if k.lower() not in ("host", "content-length")
            },
        )
        for request in server.requests
    ]


@pytest.mark.anyio
async def test_sync_and_async_send_identical_requests() -> None:
    with ActivitySmithServer() as sync_server, ActivitySmithServer() as async_server:
        with ActivitySmith(sync_server.api_key, base_url=sync_server.base_url) as client:
            _run_sync(client)
        async with AsyncActivitySmith(
            async_server.api_key, base_url=async_server.base_url
        ) as aclient:
            await _run_async(aclient)
        sync_requests, async_requests = _normalised(sync_server), _normalised(async_server)
    assert len(sync_requests) == 9
    assert sync_requests == async_requests


@pytest.mark.anyio
async def test_async_validation_sends_nothing(
    async_activitysmith_client: AsyncActivitySmith, activitysmith_server: ActivitySmithServer
) -> None:
    with pytest.raises(ValidationError) as info:
        await async_activitysmith_client.live_activities.stream("bad key", content_state=STATE)
    assert info.value.field == "stream_key"
    assert activitysmith_server.requests == []


@pytest.mark.anyio
async def test_async_results_are_typed(async_activitysmith_client: AsyncActivitySmith) -> None:
    status = await async_activitysmith_client.live_activities.stream("deploy", content_state=STATE)
    assert status.operation == "started"
    assert status.http_status == 200
