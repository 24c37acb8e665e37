"""Dict and keyword forms, explicit falsy values, and nothing added that the caller did not set."""

from __future__ import annotations

import pytest

from activitysmith import ActivitySmith, action, alert_badge, alert_icon, content_state, metric
from activitysmith.testing import ActivitySmithServer


def test_dict_and_keyword_forms_send_identical_bytes(
    activitysmith_client: ActivitySmith, activitysmith_server: ActivitySmithServer
) -> None:
    payload = {
        "title": "Build passed",
        "message": "main @ 3f2a91c",
        "tags": ["ci"],
        "metadata": {"sha": "3f2a91c", "duration_s": 81, "green": True},
    }
    activitysmith_client.notifications.send(payload)
    activitysmith_client.notifications.send(**payload)  # type: ignore[arg-type]
    activitysmith_client.notifications.send(
        {"title": "Build passed"}, **{k: v for k, v in payload.items() if k != "title"}
    )  # type: ignore[arg-type]
    bodies = [request.body for request in activitysmith_server.requests]
    assert len(bodies) == 3
    assert bodies[0] == bodies[1] == bodies[2]


def test_keywords_win_over_the_dict(
    activitysmith_client: ActivitySmith, activitysmith_server: ActivitySmithServer
) -> None:
    activitysmith_client.notifications.send({"title": "old", "message": "kept"}, title="new")
    assert activitysmith_server.requests[-1].body == b'{"title":"new","message":"kept"}'


def test_explicit_zero_false_and_empty_values_are_sent(
    activitysmith_client: ActivitySmith, activitysmith_server: ActivitySmithServer
) -> None:
    activitysmith_client.live_activities.stream(
        "deploy-timer",
        content_state={
            "title": "Deploy",
            "type": "timer",
            "counts_down": False,
            "is_running": False,
        },
        tags=[],
        metadata={},
    )
    assert activitysmith_server.requests[-1].body == (
        b'{"content_state":{"title":"Deploy","type":"timer","counts_down":false,'
        b'"is_running":false},"tags":[],"metadata":{}}'
    )
    activitysmith_client.live_activities.stream(
        "steps",
        content_state={
            "title": "Steps",
            "type": "segmented_progress",
            "number_of_steps": 3,
            "current_step": 0,
        },
    )
    assert b'"current_step":0' in activitysmith_server.requests[-1].body


def test_nothing_is_added_to_a_timer_update(
    activitysmith_client: ActivitySmith, activitysmith_server: ActivitySmithServer
) -> None:
    """No counts_down / is_running defaults: resending them could resume a paused timer."""
    activitysmith_client.live_activities.stream(
        "t", content_state={"title": "Backup", "type": "timer", "duration_seconds": 600}
    )
    activitysmith_client.live_activities.stream("t", content_state={"title": "Backup (paused)"})
    assert (
        activitysmith_server.requests[-1].body == b'{"content_state":{"title":"Backup (paused)"}}'
    )


def test_ints_stay_ints_and_floats_stay_floats(
    activitysmith_client: ActivitySmith, activitysmith_server: ActivitySmithServer
) -> None:
    activitysmith_client.live_activities.stream(
        "p",
        content_state={"title": "Upload", "type": "progress", "value": 1240, "upper_limit": 2048.5},
    )
    assert activitysmith_server.requests[-1].body == (
        b'{"content_state":{"title":"Upload","type":"progress","value":1240,"upper_limit":2048.5}}'
    )


def test_strings_are_sent_verbatim(
    activitysmith_client: ActivitySmith, activitysmith_server: ActivitySmithServer
) -> None:
    text = '  Ünïcødé "quoted" \\ tab\t 💸  '
    activitysmith_client.notifications.send(title=text)
    assert activitysmith_server.requests[-1].json == {"title": text}


def test_channels_as_comma_separated_string(
    activitysmith_client: ActivitySmith, activitysmith_server: ActivitySmithServer
) -> None:
    activitysmith_client.notifications.send(title="x", channels="sales, customer-success")
    assert activitysmith_server.requests[-1].body == (
        b'{"title":"x","target":{"channels":["sales","customer-success"]}}'
    )


def test_stream_keeps_its_own_channels_field(
    activitysmith_client: ActivitySmith, activitysmith_server: ActivitySmithServer
) -> None:
    activitysmith_client.live_activities.stream(
        "ops-deploy",
        content_state={"title": "Deploy", "type": "progress", "percentage": 5},
        channels="ops",
    )
    assert activitysmith_server.requests[-1].json == {
        "content_state": {"title": "Deploy", "type": "progress", "percentage": 5},
        "channels": ["ops"],
    }


def test_helpers_build_only_the_given_fields(
    activitysmith_client: ActivitySmith, activitysmith_server: ActivitySmithServer
) -> None:
    state = content_state(
        "Incident",
        type="alert",
        message="p99 latency 2.3 s",
        icon=alert_icon("bolt.fill", color="yellow"),
        badge=alert_badge("SEV-2"),
    )
    assert state == {
        "title": "Incident",
        "type": "alert",
        "message": "p99 latency 2.3 s",
        "icon": {"symbol": "bolt.fill", "color": "yellow"},
        "badge": {"title": "SEV-2"},
    }
    assert metric("CPU", 9, unit="%") == {"label": "CPU", "value": 9, "unit": "%"}
    assert action("Open", "https://x.example") == {
        "title": "Open",
        "type": "open_url",
        "url": "https://x.example",
    }
    activitysmith_client.live_activities.stream("incident", content_state=state)
    assert activitysmith_server.requests[-1].json == {"content_state": state}


def test_callers_dict_is_not_mutated(activitysmith_client: ActivitySmith) -> None:
    params = {"title": "x", "channels": ["ops"]}
    activitysmith_client.notifications.send(params)
    assert params == {"title": "x", "channels": ["ops"]}


@pytest.mark.parametrize("value", [0, 0.0, 42, -3.5, "$2,430", "healthy"])
def test_metric_values_are_sent_as_given(
    activitysmith_client: ActivitySmith,
    activitysmith_server: ActivitySmithServer,
    value: float | str,
) -> None:
    import json

    activitysmith_client.metrics.update("deploy.success_rate", value)
    assert (
        activitysmith_server.requests[-1].body
        == json.dumps({"value": value}, ensure_ascii=False, separators=(",", ":")).encode()
    )
