"""What goes on the wire is exactly what the caller gave, to the route the caller meant."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest

from activitysmith import ActivitySmith, _transport
from activitysmith import _errors as errors
from activitysmith.testing import ActivitySmithServer, Fault

STATE = {"title": "Deploy", "type": "progress", "percentage": 5}


@pytest.fixture
def client(activitysmith_server: ActivitySmithServer) -> Iterator[ActivitySmith]:
    with ActivitySmith(
        activitysmith_server.api_key,
        base_url=activitysmith_server.base_url,
        rate_limit=None,
    ) as client:
        yield client


@pytest.fixture
def no_sleep(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    slept: list[float] = []
    monkeypatch.setattr(_transport, "_sleep", slept.append)
    return slept


@pytest.mark.parametrize("value", ["abc\n", "abc\r", "abc\n\n", "abc/b", "abc%0A"])
def test_stream_keys_with_trailing_newlines_are_refused(
    client: ActivitySmith, activitysmith_server: ActivitySmithServer, value: str
) -> None:
    with pytest.raises(errors.ValidationError) as info:
        client.live_activities.stream(value, content_state=STATE)
    assert info.value.field == "stream_key"
    with pytest.raises(errors.ValidationError):
        client.metrics.update("uptime" + value[3:], 1)
    assert activitysmith_server.requests == []


@pytest.mark.parametrize("value", ["abc%0A", "uptime%0A"])
def test_the_local_server_refuses_them_too(
    activitysmith_server: ActivitySmithServer, value: str
) -> None:
    import httpx

    with httpx.Client(base_url=activitysmith_server.base_url) as http:
        headers = {"Authorization": f"Bearer {activitysmith_server.api_key}"}
        put = http.put(
            f"/live-activity/stream/{value}", json={"content_state": STATE}, headers=headers
        )
        post = http.post(f"/metrics/{value}/value", json={"value": 1}, headers=headers)
    assert (put.status_code, post.status_code) == (400, 400)


@pytest.mark.parametrize("value", [".", "..", "../badge", "a/../../badge", "/", "a\\b", "./"])
def test_path_parameters_can_never_change_the_route(
    client: ActivitySmith, activitysmith_server: ActivitySmithServer, value: str
) -> None:
    with pytest.raises(errors.ValidationError) as info:
        client.notifications.replace(value, title="x")
    assert info.value.field == "notification_id"
    assert activitysmith_server.requests == []


def test_an_opaque_id_is_sent_percent_encoded(
    client: ActivitySmith, activitysmith_server: ActivitySmithServer
) -> None:
    sent = client.notifications.send(title="x")
    client.notifications.replace(sent.notification_id, title="y")
    with pytest.raises(errors.NotFoundError):
        client.notifications.replace("n..1 %2F?#", title="y")
    assert activitysmith_server.requests[-1].path == "/api/push-notification/n..1%20%252F%3F%23"


@pytest.mark.parametrize(
    "timestamp",
    [
        "2026-01-31T12:00:00.002Z",
        "2026-01-31T12:00:00Z",
        "2026-01-31t12:00:00z",
        "2026-01-31T13:00:00.5+01:00",
        "2026-01-31T12:00:00.123456789Z",
    ],
)
def test_timestamp_strings_are_sent_verbatim(
    client: ActivitySmith, activitysmith_server: ActivitySmithServer, timestamp: str
) -> None:
    client.metrics.update("uptime", 99.9, timestamp)
    body = activitysmith_server.requests[-1].body
    assert (
        body == json.dumps({"value": 99.9, "timestamp": timestamp}, separators=(",", ":")).encode()
    )


@pytest.mark.parametrize(
    ("moment", "sent"),
    [
        (datetime(2026, 1, 31, 12, 0, tzinfo=UTC), "2026-01-31T12:00:00+00:00"),
        (
            datetime(2026, 1, 31, 12, 0, 0, 2000, tzinfo=timezone(timedelta(hours=2))),
            "2026-01-31T12:00:00.002000+02:00",
        ),
    ],
)
def test_aware_datetimes_go_out_in_iso_form(
    client: ActivitySmith, activitysmith_server: ActivitySmithServer, moment: datetime, sent: str
) -> None:
    client.metrics.update("uptime", 1, moment)
    assert activitysmith_server.requests[-1].json == {"value": 1, "timestamp": sent}


@pytest.mark.parametrize(
    "timestamp", ["2026-01-01", "2026-01-01T00:00:00", "2026", "2026-01-01T00:00:00 Z"]
)
def test_timestamps_without_a_utc_offset_are_refused(client: ActivitySmith, timestamp: str) -> None:
    with pytest.raises(errors.ValidationError) as info:
        client.metrics.update("uptime", 1, timestamp)
    assert info.value.field == "timestamp"


def test_a_datetime_is_refused_where_the_spec_wants_text(client: ActivitySmith) -> None:
    moment = datetime.now(UTC)
    for call in (
        lambda: client.notifications.send(title=moment),  # type: ignore[arg-type]
        lambda: client.notifications.send(title="x", metadata={"at": moment}),
        lambda: client.live_activities.stream("k", content_state={**STATE, "subtitle": moment}),
    ):
        with pytest.raises(errors.ValidationError, match="datetime"):
            call()


def test_end_stream_whose_first_answer_was_lost_reports_success(
    client: ActivitySmith, activitysmith_server: ActivitySmithServer, no_sleep: list[float]
) -> None:
    client.live_activities.stream("deploy", content_state=STATE)
    activitysmith_server.inject(Fault.server_error(503, applied=True))
    ended = client.live_activities.end_stream("deploy")
    assert ended.success is True
    assert ended.operation == "ended"
    assert ended.stream_key == "deploy"
    assert [r.status for r in activitysmith_server.requests[1:]] == [503, 404]
    assert activitysmith_server.streams == {}


@pytest.mark.anyio
async def test_async_end_stream_whose_first_answer_was_lost_reports_success(
    activitysmith_server: ActivitySmithServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    from activitysmith import AsyncActivitySmith

    async def instant(seconds: float) -> None:
        return None

    monkeypatch.setattr(_transport, "_async_sleep", instant)
    async with AsyncActivitySmith(
        activitysmith_server.api_key, base_url=activitysmith_server.base_url
    ) as client:
        await client.live_activities.stream("deploy", content_state=STATE)
        activitysmith_server.inject(Fault.drop_connection(applied=True))
        ended = await client.live_activities.end_stream("deploy")
    assert ended.operation == "ended"


def test_a_stream_that_never_existed_is_still_not_found(
    client: ActivitySmith, no_sleep: list[float]
) -> None:
    with pytest.raises(errors.NotFoundError):
        client.live_activities.end_stream("never-started")


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda c: c.notifications.send({"": 1, "title": "x"}), '[""]'),
        (lambda c: c.notifications.send({"title": "x", 5: 1}), "5"),
        (lambda c: c.metrics.update("uptime", 1, "2026"), "timestamp"),
        (lambda c: c.notifications.send("title"), "request"),
        (lambda c: c.notifications.send(), "title"),
        (
            lambda c: c.live_activities.start(content_state={"type": "alert", "title": "x"}),
            "content_state",
        ),
    ],
)
def test_every_validation_error_names_a_field(client: ActivitySmith, call: Any, field: str) -> None:
    with pytest.raises(errors.ValidationError) as info:
        call(client)
    assert info.value.field == field
