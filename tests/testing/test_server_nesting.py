"""The local server refuses absurdly nested JSON, and what it accepted stays inspectable."""

from __future__ import annotations

import httpx
import pytest

from activitysmith._rules import MAX_DEPTH
from activitysmith.testing import ActivitySmithServer


def _payload(depth: int) -> bytes:
    """A push body whose `payload` makes the whole document `depth` levels deep."""
    inner = '{"a":' * (depth - 1) + "1" + "}" * (depth - 1)
    return ('{"title":"x","payload":' + inner + "}").encode()


def _post(server: ActivitySmithServer, body: bytes) -> httpx.Response:
    return httpx.post(
        server.base_url + "/push-notification",
        content=body,
        headers={
            "Authorization": f"Bearer {server.api_key}",
            "Content-Type": "application/json",
        },
    )


@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 600, 5000])
def test_nesting_beyond_the_limit_is_a_400(
    activitysmith_server: ActivitySmithServer, depth: int
) -> None:
    answer = _post(activitysmith_server, _payload(depth))
    assert answer.status_code == 400
    assert "nested" in answer.json()["message"]
    assert activitysmith_server.notifications == []
    [request] = activitysmith_server.requests
    assert request.json is None
    assert activitysmith_server.last_request is not None


def test_nesting_at_the_limit_is_accepted_and_inspectable(
    activitysmith_server: ActivitySmithServer,
) -> None:
    answer = _post(activitysmith_server, _payload(MAX_DEPTH))
    assert answer.status_code == 200, answer.text
    assert len(activitysmith_server.requests) == 1
    assert activitysmith_server.last_request is not None
    assert len(activitysmith_server.notifications) == 1
