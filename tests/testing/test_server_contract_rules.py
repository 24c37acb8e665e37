"""The newest contract's request rules, at the wire, on both sides: the local server answers
as the API does, and the SDK refuses the same requests before anything is sent."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from activitysmith import ActivitySmith, ValidationError
from activitysmith._measures import json_size
from activitysmith.testing import ActivitySmithServer

STATE = {"title": "Deploy", "type": "progress", "percentage": 10}
REFUSED_URLS = [
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    "data:text/html,<b>x</b>",
    "file:///etc/passwd",
    "about:blank",
    "activitysmith://settings",
    "app-prefs:root=General",
    "blob:https://example.com/1",
    "itms-services://?action=download-manifest",
    "prefs:root=WIFI",
]


@pytest.fixture
def client(server: ActivitySmithServer) -> ActivitySmith:
    sdk = ActivitySmith(server.api_key, base_url=server.base_url, max_retries=0, rate_limit=None)
    yield sdk
    sdk.close()


# --- unsafe URL schemes -----------------------------------------------------------------------


@pytest.mark.parametrize("url", REFUSED_URLS)
@pytest.mark.parametrize(
    ("path", "method", "body", "field"),
    [
        ("/push-notification", "POST", lambda url: {"title": "x", "redirection": url}, None),
        (
            "/push-notification",
            "POST",
            lambda url: {
                "title": "x",
                "actions": [{"title": "Go", "type": "open_url", "url": url}],
            },
            "actions[0].url",
        ),
    ],
    ids=["redirection", "open_url"],
)
def test_internal_and_executable_schemes_are_refused_by_the_server(
    api: httpx.Client, path: str, method: str, body: Any, field: str | None, url: str
) -> None:
    response = api.request(method, path, json=body(url))

    assert response.status_code == 400
    assert "uses a URL scheme the API refuses" in response.json()["message"]
    assert response.json()["message"].startswith(field or "redirection")


@pytest.mark.parametrize("url", REFUSED_URLS)
def test_the_sdk_refuses_them_before_sending(
    client: ActivitySmith, server: ActivitySmithServer, url: str
) -> None:
    with pytest.raises(ValidationError) as redirection:
        client.notifications.send(title="x", redirection=url)
    with pytest.raises(ValidationError) as action:
        client.notifications.send(
            title="x", actions=[{"title": "Go", "type": "open_url", "url": url}]
        )
    with pytest.raises(ValidationError) as replaced:
        client.notifications.replace("ntf_1", title="x", redirection=url)

    assert (redirection.value.field, action.value.field) == ("redirection", "actions[0].url")
    assert replaced.value.field == "redirection"
    assert "refuses" in redirection.value.message
    assert server.requests == []


@pytest.mark.parametrize(
    "url",
    ["https://status.example.com", "http://intranet/x", "shortcuts://run-shortcut?name=Deploy",
     "spotify:track:4uLU6hMCjMI75M1A2tKUQC", "datadog://dashboards"],
)  # fmt: skip
def test_openable_schemes_still_pass_both(
    client: ActivitySmith, server: ActivitySmithServer, url: str
) -> None:
    sent = client.notifications.send(
        title="x", redirection=url, actions=[{"title": "Go", "type": "open_url", "url": url}]
    )

    assert sent.success is True
    assert server.notifications[0].payload["redirection"] == url


# --- tags ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("tag", ["-deploy", ".x", "env prod", "é", "a" * 65, "", "tag/1", "#1"])
def test_a_tag_breaking_the_rule_gets_invalid_tags(api: httpx.Client, tag: str) -> None:
    push = api.post("/push-notification", json={"title": "x", "tags": ["ok", tag]})
    stream = api.put("/live-activity/stream/k", json={"content_state": STATE, "tags": [tag]})

    for response in (push, stream):
        assert response.status_code == 400
        assert response.json()["error"] == "Invalid tags"
        assert response.json()["code"] == "invalid_tags"


@pytest.mark.parametrize("tag", ["deploy", "env:prod", "v2.14.0", "db_primary", "A-1", "x" * 64])
def test_good_tags_pass_both(client: ActivitySmith, tag: str) -> None:
    sent = client.notifications.send(title="x", tags=[tag])

    assert list(sent.tags) == [tag]


def test_the_sdk_refuses_a_bad_tag_naming_it(
    client: ActivitySmith, server: ActivitySmithServer
) -> None:
    with pytest.raises(ValidationError) as info:
        client.live_activities.stream("k", content_state=STATE, tags=["ok", "env prod"])

    assert info.value.field == "tags[1]"
    assert server.requests == []


def test_at_most_20_different_tags_on_a_live_activity_request(
    api: httpx.Client, client: ActivitySmith, server: ActivitySmithServer
) -> None:
    twenty_one = [f"t{i}" for i in range(21)]
    repeated = ["same"] * 25 + [f"t{i}" for i in range(19)]  # 20 different values

    refused = api.put("/live-activity/stream/k", json={"content_state": STATE, "tags": twenty_one})
    accepted = api.put("/live-activity/stream/k", json={"content_state": STATE, "tags": repeated})
    pushed = api.post("/push-notification", json={"title": "x", "tags": twenty_one})

    assert (refused.status_code, refused.json()["code"]) == (400, "invalid_tags")
    assert accepted.status_code == 200
    assert pushed.status_code == 200  # the rule is per activity
    server.reset()
    with pytest.raises(ValidationError, match="at most 20 different values") as info:
        client.live_activities.stream("k", content_state=STATE, tags=twenty_one)
    assert info.value.field == "tags"
    client.live_activities.stream("k", content_state=STATE, tags=repeated)
    assert len(server.requests) == 1


# --- channel targeting --------------------------------------------------------------------------


@pytest.mark.parametrize("channels", [[], "ops", [""], [1], None, {"ops": True}])
@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("POST", "/push-notification", lambda c: {"title": "x", "target": {"channels": c}}),
        ("POST", "/badge", lambda c: {"badge": 1, "target": {"channels": c}}),
        ("POST", "/live-activity/start", lambda c: {"content_state": STATE, "target": {"channels": c}}),
        ("PUT", "/live-activity/stream/k", lambda c: {"content_state": STATE, "channels": c}),
        ("PUT", "/live-activity/stream/k", lambda c: {"content_state": STATE, "target": {"channels": c}}),
    ],
    ids=["push", "badge", "start", "stream-channels", "stream-target"],
)  # fmt: skip
def test_malformed_channel_targeting_is_invalid_channel_targeting(
    api: httpx.Client, method: str, path: str, body: Any, channels: Any
) -> None:
    response = api.request(method, path, json=body(channels))

    assert response.status_code == 400
    assert response.json()["error"] == "Invalid channel targeting"
    assert "code" not in response.json()


@pytest.mark.parametrize("target", ["ops", [], {}, {"channel": ["ops"]}])
def test_a_malformed_target_is_invalid_channel_targeting_too(
    api: httpx.Client, target: Any
) -> None:
    response = api.post("/push-notification", json={"title": "x", "target": target})

    assert response.json()["error"] == "Invalid channel targeting"


def test_other_invalid_fields_keep_the_generic_title(api: httpx.Client) -> None:
    assert api.post("/push-notification", json={"title": 1}).json()["error"] == "Invalid request"


# --- the badge answer ---------------------------------------------------------------------------


def test_the_badge_answer_always_carries_effective_channel_slugs(api: httpx.Client) -> None:
    everyone = api.post("/badge", json={"badge": 2}).json()
    some = api.post("/badge", json={"badge": 1, "target": {"channels": ["sales"]}}).json()

    assert everyone["effective_channel_slugs"] == []
    assert some["effective_channel_slugs"] == ["sales"]


def test_the_sdk_reads_the_untargeted_badge_answer(client: ActivitySmith) -> None:
    assert list(client.badge_count(0).effective_channel_slugs) == []


# --- the 16 KB metadata rule, counted alike -----------------------------------------------------


def _metadata(characters: int, char: str) -> dict[str, str]:
    """`characters` of `char` spread over values of at most 4000 characters."""
    values = {}
    for index in range(0, characters, 4000):
        values[f"k{index}"] = char * min(4000, characters - index)
    return values


def test_six_thousand_accented_characters_pass_both(
    api: httpx.Client, client: ActivitySmith
) -> None:
    metadata = _metadata(6000, "é")
    assert len(json.dumps(metadata)) > 16384 > json_size(metadata)  # escaped vs UTF-8

    assert api.post("/push-notification", json={"title": "x", "metadata": metadata}).is_success
    assert client.notifications.send(title="x", metadata=metadata).success is True


def _metadata_of_size(size: int, char: str) -> dict[str, str]:
    """Metadata of exactly `size` bytes of UTF-8 JSON, mostly made of `char`."""
    metadata: dict[str, str] = {}
    while json_size({**metadata, f"k{len(metadata)}": char * 4000, "fill": ""}) <= size:
        metadata[f"k{len(metadata)}"] = char * 4000
    metadata["fill"] = ""
    room = size - json_size(metadata)
    width = len(char.encode())
    metadata["fill"] = char * (room // width) + "a" * (room % width)
    assert json_size(metadata) == size
    return metadata


@pytest.mark.parametrize("char", ["a", "é", "€", "😀"])
@pytest.mark.parametrize("size", [16383, 16384, 16385])
def test_both_sides_agree_at_the_limit(
    api: httpx.Client, client: ActivitySmith, char: str, size: int
) -> None:
    metadata = _metadata_of_size(size, char)
    server_accepts = api.post("/push-notification", json={"title": "x", "metadata": metadata})
    refusal: ValidationError | None = None
    try:
        client.notifications.send(title="x", metadata=metadata)
    except ValidationError as exc:
        refusal = exc
    sdk_accepts = refusal is None
    if refusal is not None:
        assert refusal.field == "metadata"

    assert server_accepts.is_success is sdk_accepts is (size <= 16384)
    if not sdk_accepts:
        assert "more than the 16 KB allowed" in server_accepts.json()["message"]
