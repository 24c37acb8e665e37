"""Per-call options, with_options()/copy(), raw responses, errors' .response/.request and
to_json(), at the wire against the local server."""

from __future__ import annotations

import json
import time
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import activitysmith
from activitysmith import ActivitySmith, AsyncActivitySmith
from activitysmith.testing import ActivitySmithServer, Fault


def _headers(server: ActivitySmithServer) -> dict[str, str]:
    last = server.requests[-1]
    return {k.lower(): v for k, v in last.headers.items()}


def test_extra_body_is_merged_after_validation_and_sent_verbatim(
    activitysmith_client: ActivitySmith, activitysmith_server: ActivitySmithServer
) -> None:
    activitysmith_client.notifications.send(
        title="Deploy", message="done", extra_body={"message": "overridden", "badge": 0}
    )
    assert activitysmith_server.requests[-1].body == (
        b'{"title":"Deploy","message":"overridden","badge":0}'
    )
    # A field this SDK does not know is not refused here: the API decides (this one refuses).
    with pytest.raises(activitysmith.BadRequestError):
        activitysmith_client.notifications.send(title="New", extra_body={"future_field": 1})
    assert activitysmith_server.requests[-1].body == b'{"title":"New","future_field":1}'


def test_extra_body_gives_a_body_to_a_call_that_had_none(
    activitysmith_client: ActivitySmith, activitysmith_server: ActivitySmithServer
) -> None:
    activitysmith_client.live_activities.stream(
        "job", content_state={"title": "Job", "type": "progress", "percentage": 1}
    )
    activitysmith_client.live_activities.end_stream("job", extra_body={})
    assert activitysmith_server.requests[-1].method == "DELETE"
    assert activitysmith_server.requests[-1].body == b"{}"


def test_extra_body_skips_validation_but_not_json_encoding(
    activitysmith_client: ActivitySmith, activitysmith_server: ActivitySmithServer
) -> None:
    with pytest.raises(activitysmith.ValidationError) as caught:
        activitysmith_client.notifications.send(title="x", extra_body={"when": object()})
    assert caught.value.field == "extra_body"
    assert activitysmith_server.requests == []


def test_extra_headers_add_override_and_remove(
    activitysmith_client: ActivitySmith, activitysmith_server: ActivitySmithServer
) -> None:
    activitysmith_client.badge_count(
        1,
        extra_headers={
            "X-Trace": "t-1",
            "Accept": "application/json; v=2",
            "X-ActivitySmith-SDK": None,
        },
    )
    headers = _headers(activitysmith_server)
    assert headers["x-trace"] == "t-1"
    assert headers["accept"] == "application/json; v=2"
    assert "x-activitysmith-sdk" not in headers
    activitysmith_client.badge_count(2)  # nothing sticks to the client
    assert "x-trace" not in _headers(activitysmith_server)


def test_extra_headers_reject_line_breaks_before_sending(
    activitysmith_client: ActivitySmith, activitysmith_server: ActivitySmithServer
) -> None:
    with pytest.raises(activitysmith.ValidationError, match=r"extra_headers\.X-A"):
        activitysmith_client.badge_count(1, extra_headers={"X-A": "a\r\nX-B: b"})
    assert activitysmith_server.requests == []


def test_extra_query_is_sent(
    activitysmith_client: ActivitySmith, activitysmith_server: ActivitySmithServer
) -> None:
    activitysmith_client.notifications.send(title="q", extra_query={"dry_run": "1", "n": 0})
    assert activitysmith_server.requests[-1].query == "dry_run=1&n=0"


def test_per_call_max_retries_and_timeout(
    activitysmith_client: ActivitySmith, activitysmith_server: ActivitySmithServer
) -> None:
    activitysmith_server.inject(Fault.server_error(503), times=3)
    with pytest.raises(activitysmith.InternalServerError):
        activitysmith_client.badge_count(1, max_retries=0)
    assert len(activitysmith_server.requests) == 1
    activitysmith_client.badge_count(1, max_retries=2)
    assert [r.status for r in activitysmith_server.requests] == [503, 503, 503, 200]
    activitysmith_server.inject(Fault.hang(2.0))
    with pytest.raises(activitysmith.APITimeoutError):
        activitysmith_client.badge_count(1, timeout=0.2, max_retries=0)


def test_per_call_total_timeout_bounds_the_retries(
    activitysmith_client: ActivitySmith, activitysmith_server: ActivitySmithServer
) -> None:
    activitysmith_server.inject(Fault.hang(5.0), times=5)
    started = time.monotonic()
    with pytest.raises(activitysmith.APITimeoutError):
        activitysmith_client.badge_count(1, total_timeout=0.3)
    assert time.monotonic() - started < 3.0  # 30 s per attempt and 2 retries otherwise


def test_with_options_changes_settings_and_shares_pool_and_budget(
    activitysmith_client: ActivitySmith, activitysmith_server: ActivitySmithServer
) -> None:
    quick = activitysmith_client.with_options(
        max_retries=0, timeout=3.0, default_headers={"X-Job": "nightly"}
    )
    assert quick.max_retries == 0 and quick.timeout == httpx.Timeout(3.0)
    assert activitysmith_client.max_retries == 2  # the original is unchanged
    assert quick._limiter is activitysmith_client._limiter
    assert quick._pool.wrapped is activitysmith_client._pool  # type: ignore[attr-defined]
    activitysmith_server.inject(Fault.server_error(503))
    with pytest.raises(activitysmith.InternalServerError):
        quick.badge_count(1)
    assert len(activitysmith_server.requests) == 1
    quick.badge_count(2)
    assert _headers(activitysmith_server)["x-job"] == "nightly"
    quick.close()  # a copy never closes the connections it borrowed
    activitysmith_client.badge_count(3)
    assert "x-job" not in _headers(activitysmith_server)
    assert activitysmith_server.badge == 3


def test_copy_can_change_the_key_and_keeps_it_secret(
    activitysmith_client: ActivitySmith, activitysmith_server: ActivitySmithServer
) -> None:
    wrong = activitysmith_client.copy(api_key="ask_wrong_secret_value")
    assert "ask_wrong_secret_value" not in repr(wrong)
    with pytest.raises(activitysmith.AuthenticationError):
        wrong.badge_count(1)
    assert activitysmith_server.requests[-1].status == 401


def test_raw_response_gives_status_headers_bytes_and_parse(
    activitysmith_client: ActivitySmith, activitysmith_server: ActivitySmithServer
) -> None:
    raw = activitysmith_client.with_raw_response.notifications.send(title="raw", message="bytes")
    assert raw.status_code == 200
    assert raw.headers["content-type"].startswith("application/json")
    assert raw.content == activitysmith_server_body(raw)
    assert raw.request.method == "POST" and raw.url.path.endswith("/push-notification")
    result = raw.parse()
    assert result is raw.parse()
    assert type(result).__name__ == "PushNotificationResult"
    assert result.notification_id == raw.json()["notification_id"]
    assert set(result.to_dict()) == set(raw.json())
    badge = activitysmith_client.with_raw_response.badge_count(4)
    assert badge.status_code == 200 and activitysmith_server.badge == 4
    assert type(activitysmith_client.badge_count(1)).__name__.endswith("Result")


def activitysmith_server_body(raw: object) -> bytes:
    """The exact body bytes the server answered (the raw response is read once, as sent)."""
    http_response = raw.http_response  # type: ignore[attr-defined]
    assert isinstance(http_response, httpx.Response)
    return http_response.content


def test_raw_response_still_raises_error_statuses(
    activitysmith_client: ActivitySmith, activitysmith_server: ActivitySmithServer
) -> None:
    with pytest.raises(activitysmith.NotFoundError) as caught:
        activitysmith_client.with_raw_response.metrics.update("missing", 1)
    assert caught.value.response is not None and caught.value.response.status_code == 404


def test_status_errors_carry_response_and_request(
    activitysmith_client: ActivitySmith, activitysmith_server: ActivitySmithServer
) -> None:
    with pytest.raises(activitysmith.NotFoundError) as caught:
        activitysmith_client.metrics.update("missing", 1, extra_headers={"X-Trace": "e-1"})
    error = caught.value
    assert isinstance(error.response, httpx.Response) and error.response.status_code == 404
    assert json.loads(error.response.content) == error.body
    assert isinstance(error.request, httpx.Request)
    assert error.request.method == "POST" and error.request.headers["x-trace"] == "e-1"
    assert error.request is error.response.request


def test_response_validation_and_connection_errors_carry_the_request(
    activitysmith_client: ActivitySmith, activitysmith_server: ActivitySmithServer
) -> None:
    activitysmith_server.inject(Fault.malformed_json())
    with pytest.raises(activitysmith.APIResponseValidationError) as caught:
        activitysmith_client.badge_count(1)
    assert caught.value.response is not None and caught.value.response.status_code == 200
    assert caught.value.request is not None and caught.value.request.url.path.endswith("/badge")
    activitysmith_server.inject(Fault.hang(2.0))
    with pytest.raises(activitysmith.APITimeoutError) as timed_out:
        activitysmith_client.badge_count(1, timeout=0.2, max_retries=0)
    assert timed_out.value.response is None
    assert timed_out.value.request is not None and timed_out.value.request.method == "POST"


def test_to_json_is_the_results_dict_as_json(activitysmith_client: ActivitySmith) -> None:
    result = activitysmith_client.notifications.send(title="json", message="out")
    assert json.loads(result.to_json()) == result.to_dict()
    assert result.to_json(indent=None) == json.dumps(result.to_dict(), ensure_ascii=False)
    assert "\n" in result.to_json()


@pytest.mark.anyio
async def test_async_per_call_options_with_options_and_raw_response(
    async_activitysmith_client: AsyncActivitySmith, activitysmith_server: ActivitySmithServer
) -> None:
    client = async_activitysmith_client
    await client.notifications.send(
        title="a", extra_body={"message": "m"}, extra_headers={"X-A": "1"}, extra_query={"q": "v"}
    )
    last = activitysmith_server.requests[-1]
    assert last.body == b'{"title":"a","message":"m"}' and last.query == "q=v"
    assert _headers(activitysmith_server)["x-a"] == "1"
    quick = client.with_options(max_retries=0)
    activitysmith_server.inject(Fault.server_error(500))
    with pytest.raises(activitysmith.InternalServerError) as caught:
        await quick.badge_count(1)
    assert caught.value.response is not None and caught.value.request is not None
    raw = await client.with_raw_response.badge_count(6)
    assert raw.status_code == 200 and raw.parse().http_status == 200
    assert activitysmith_server.badge == 6


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**53), 2**53) | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    extra_body=st.dictionaries(st.text(min_size=1, max_size=12), _JSON, max_size=4),
    extra_query=st.dictionaries(
        st.text(st.characters(categories=["L", "N"]), min_size=1, max_size=8),
        st.text(st.characters(categories=["L", "N"]), max_size=8),
        max_size=3,
    ),
)
def test_any_extras_reach_the_wire_exactly_or_fail_cleanly(
    extra_body: dict[str, Any],
    extra_query: dict[str, str],
    activitysmith_client: ActivitySmith,
    activitysmith_server: ActivitySmithServer,
) -> None:
    before = len(activitysmith_server.requests)
    status = 200
    try:
        activitysmith_client.notifications.send(
            title="t", extra_body=extra_body, extra_query=extra_query, max_retries=0
        )
    except activitysmith.APIStatusError as err:  # the API may refuse unknown fields
        status = err.status_code
    assert status in (200, 400)
    recorded = activitysmith_server.requests[before:]
    assert len(recorded) == 1
    assert json.loads(recorded[0].body) == {"title": "t", **extra_body}
    assert httpx.QueryParams(recorded[0].query) == httpx.QueryParams(extra_query)
