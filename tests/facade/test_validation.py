"""Invalid input raises ValidationError naming the field, and nothing is sent."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from activitysmith import ActivitySmith, ValidationError
from activitysmith._generated.schemas import SCHEMAS
from activitysmith.testing import ActivitySmithServer

Call = Callable[[ActivitySmith], Any]
PROGRESS = {"title": "Reindex", "type": "progress", "percentage": 10}
MAX_METRICS: int = SCHEMAS["StreamContentState"]["properties"]["metrics"]["maxItems"]

CASES: list[tuple[str, Call, str]] = [
    (
        "stream key pattern",
        lambda c: c.live_activities.stream("prod web 1", content_state=PROGRESS),
        "stream_key",
    ),
    (
        "stream key length",
        lambda c: c.live_activities.stream("k" * 256, content_state=PROGRESS),
        "stream_key",
    ),
    ("stream key empty", lambda c: c.live_activities.end_stream(""), "stream_key"),
    ("metric key uppercase", lambda c: c.metrics.update("Deploy.Rate", 1), "key"),
    ("metric key length", lambda c: c.metrics.update("a" * 65, 1), "key"),
    ("empty title", lambda c: c.notifications.send(title=""), "title"),
    ("blank title", lambda c: c.notifications.send(title="   "), "title"),
    ("missing title", lambda c: c.notifications.send(message="no title"), "title"),
    (
        "media with actions",
        lambda c: c.notifications.send(
            title="x",
            media="https://cdn.example.com/a.png",
            actions=[{"title": "Open", "type": "open_url", "url": "https://example.com"}],
        ),
        "media",
    ),
    (
        "five actions",
        lambda c: c.notifications.send(
            title="x",
            actions=[
                {"title": f"a{i}", "type": "open_url", "url": "https://e.x"} for i in range(5)
            ],
        ),
        "actions",
    ),
    (
        "webhook over http",
        lambda c: c.notifications.send(
            title="x",
            actions=[{"title": "Run", "type": "webhook", "url": "http://hooks.example.com"}],
        ),
        "actions[0].url",
    ),
    (
        "live activity webhook over http",
        lambda c: c.live_activities.stream(
            "k",
            content_state=PROGRESS,
            action={"title": "Pause", "type": "webhook", "url": "http://x.example"},
        ),
        "action.url",
    ),
    (
        "percentage above 100",
        lambda c: c.live_activities.stream("k", content_state={**PROGRESS, "percentage": 101}),
        "content_state.percentage",
    ),
    (
        "percentage below 0",
        lambda c: c.live_activities.stream("k", content_state={**PROGRESS, "percentage": -1}),
        "content_state.percentage",
    ),
    (
        "value without upper_limit",
        lambda c: c.live_activities.stream(
            "k", content_state={"title": "Upload", "type": "progress", "value": 3}
        ),
        "content_state.upper_limit",
    ),
    ("metric value bool", lambda c: c.metrics.update("deploy.success_rate", True), "value"),
    ("metric value list", lambda c: c.metrics.update("deploy.success_rate", [1]), "value"),  # type: ignore[arg-type]
    (
        "metric request without value",
        lambda c: c.metrics.update("deploy.success_rate", {"a": 1}),
        "a",
    ),  # type: ignore[arg-type]
    (
        "metric request dict value",
        lambda c: c.metrics.update("uptime", {"value": {"a": 1}}),
        "value",
    ),  # type: ignore[arg-type]
    ("metric value nan", lambda c: c.metrics.update("deploy.success_rate", float("nan")), "value"),
    ("metric string too long", lambda c: c.metrics.update("prod.status", "x" * 65), "value"),
    (
        "naive timestamp",
        lambda c: c.metrics.update(
            "prod.status", "ok", timestamp=__import__("datetime").datetime(2026, 1, 1)
        ),
        "timestamp",
    ),
    (
        "bad timestamp",
        lambda c: c.metrics.update("prod.status", "ok", timestamp="yesterday"),
        "timestamp",
    ),
    (
        "unknown live activity type",
        lambda c: c.live_activities.stream("k", content_state={"title": "x", "type": "gauge"}),
        "content_state.type",
    ),
    (
        "unknown colour",
        lambda c: c.live_activities.stream("k", content_state={**PROGRESS, "color": "pink"}),
        "content_state.color",
    ),
    (
        "unknown interruption level",
        lambda c: c.notifications.send(title="x", interruption_level="time_sensitive"),
        "interruption_level",
    ),
    ("badge negative", lambda c: c.badge_count(-1), "badge"),
    ("badge too large", lambda c: c.badge_count(2**31), "badge"),
    ("badge float", lambda c: c.badge_count(1.5), "badge"),  # type: ignore[arg-type]
    ("badge bool", lambda c: c.badge_count(True), "badge"),
    (
        "metadata null value",
        lambda c: c.notifications.send(title="x", metadata={"a": None}),
        "metadata.a",
    ),  # type: ignore[dict-item]
    (
        "metadata nested",
        lambda c: c.notifications.send(title="x", metadata={"a": {"b": 1}}),
        "metadata.a",
    ),  # type: ignore[dict-item]
    (
        "metadata 51 entries",
        lambda c: c.notifications.send(title="x", metadata={str(i): i for i in range(51)}),
        "metadata",
    ),
    (
        "metadata long key",
        lambda c: c.notifications.send(title="x", metadata={"k" * 101: 1}),
        "metadata." + "k" * 101,
    ),
    (
        "metadata too big",
        lambda c: c.notifications.send(title="x", metadata={f"k{i}": "v" * 4000 for i in range(5)}),
        "metadata",
    ),
    ("tag empty", lambda c: c.notifications.send(title="x", tags=[""]), "tags[0]"),
    ("tag too long", lambda c: c.notifications.send(title="x", tags=["t" * 65]), "tags[0]"),
    (
        "21 tags on update",
        lambda c: c.live_activities.update(
            activity_id="a", content_state={"title": "x"}, tags=[f"t{i}" for i in range(21)]
        ),
        "tags",
    ),
    ("unknown field", lambda c: c.notifications.send(title="x", titel="typo"), "titel"),  # type: ignore[call-arg]
    (
        "one metric more than the spec allows",
        lambda c: c.live_activities.stream(
            "k",
            content_state={
                "title": "x",
                "type": "metrics",
                "metrics": [{"label": str(i), "value": i} for i in range(MAX_METRICS + 1)],
            },
        ),
        "content_state.metrics",
    ),
    (
        "negative metric readout",
        lambda c: c.live_activities.stream(
            "k",
            content_state={
                "title": "x",
                "type": "metrics",
                "metrics": [{"label": "delta", "value": -1}],
            },
        ),
        "content_state.metrics[0].value",
    ),
    (
        "current step beyond steps",
        lambda c: c.live_activities.stream(
            "k",
            content_state={
                "title": "x",
                "type": "segmented_progress",
                "number_of_steps": 3,
                "current_step": 4,
            },
        ),
        "content_state.current_step",
    ),
    (
        "start without type",
        lambda c: c.live_activities.start(content_state={"title": "x"}),
        "content_state.type",
    ),
    (
        "start alert without message",
        lambda c: c.live_activities.start(content_state={"title": "x", "type": "alert"}),
        "content_state",
    ),
    (
        "update without activity_id",
        lambda c: c.live_activities.update(content_state={"title": "x"}),
        "activity_id",
    ),
    (
        "integer field as float",
        lambda c: c.live_activities.stream(
            "k",
            content_state={
                "title": "x",
                "type": "segmented_progress",
                "number_of_steps": 3.0,
                "current_step": 1,
            },
        ),
        "content_state.number_of_steps",
    ),
    (
        "None in a dict instead of omitting",
        lambda c: c.notifications.send({"title": "x", "message": None}),
        "message",
    ),
    (
        "None in content_state instead of omitting",
        lambda c: c.live_activities.stream("k", content_state={**PROGRESS, "subtitle": None}),
        "content_state.subtitle",
    ),
    ("metric value None", lambda c: c.metrics.update("uptime", None), "value"),  # type: ignore[arg-type]
    (
        "channels mismatch on stream",
        lambda c: c.live_activities.stream(
            "k", content_state=PROGRESS, channels=["ops"], target={"channels": ["devs"]}
        ),
        "channels",
    ),
    (
        "empty channel list",
        lambda c: c.notifications.send(title="x", channels=[]),
        "target.channels",
    ),
    (
        "channels on end_stream",
        lambda c: c.live_activities.end_stream("k", channels=["ops"]),
        "channels",
    ),  # type: ignore[call-arg]
    ("request not a dict", lambda c: c.notifications.send("hello"), "request"),  # type: ignore[arg-type]
    (
        "media not https",
        lambda c: c.notifications.send(title="x", media="http://cdn.example.com/a.png"),
        "media",
    ),
    (
        "redirection without scheme",
        lambda c: c.notifications.send(title="x", redirection="example.com/x"),
        "redirection",
    ),
    ("empty notification id", lambda c: c.notifications.replace("", title="x"), "notification_id"),
]


@pytest.mark.parametrize(("name", "call", "field"), CASES, ids=[case[0] for case in CASES])
def test_invalid_input_names_the_field_and_sends_nothing(
    activitysmith_client: ActivitySmith,
    activitysmith_server: ActivitySmithServer,
    name: str,
    call: Call,
    field: str,
) -> None:
    with pytest.raises(ValidationError) as info:
        call(activitysmith_client)
    assert info.value.field == field, str(info.value)
    assert str(info.value).startswith(f"{field}: ") or not field
    assert isinstance(info.value, ValueError)
    assert activitysmith_server.requests == []


def test_typo_suggests_the_field(activitysmith_client: ActivitySmith) -> None:
    with pytest.raises(ValidationError, match="did you mean 'title'"):
        activitysmith_client.notifications.send(title="x", titel="typo")  # type: ignore[call-arg]


def test_type_value_accepts_a_string_alone(
    activitysmith_client: ActivitySmith, activitysmith_server: ActivitySmithServer
) -> None:
    activitysmith_client.live_activities.stream(
        "mrr", content_state={"title": "MRR", "type": "value", "value": "$48,210"}
    )
    assert activitysmith_server.requests[-1].status == 200


def test_open_url_accepts_http_and_app_schemes(
    activitysmith_client: ActivitySmith, activitysmith_server: ActivitySmithServer
) -> None:
    activitysmith_client.notifications.send(
        title="x",
        actions=[
            {"title": "Intranet", "type": "open_url", "url": "http://intranet.example/x"},
            {"title": "Spotify", "type": "open_url", "url": "spotify:track:4uLU6hMCjMI75M1A2tKUQC"},
        ],
    )
    assert activitysmith_server.requests[-1].status == 200
