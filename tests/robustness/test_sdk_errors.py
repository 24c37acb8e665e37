"""Every failure is one of the SDK's exceptions, never a raw Python or httpx one.

Bad answers become `APIResponseValidationError` (or the status error, for error statuses);
bad input becomes `ValidationError` naming the field; bad settings `ConfigurationError`
naming the setting; a closed client or a foreign event loop `ClientStateError`.
"""

from __future__ import annotations

import asyncio
import enum
import math
import pickle
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest

import activitysmith
from activitysmith import ActivitySmith, AsyncActivitySmith
from activitysmith import _errors as errors
from activitysmith.testing import ActivitySmithServer
from tests.robustness.conftest import KEY
from tests.robustness.hostile import Hostile, deep_json, reply

STATE = {"title": "Deploy", "type": "progress", "percentage": 5}


@pytest.fixture
def client(activitysmith_server: ActivitySmithServer) -> Iterator[ActivitySmith]:
    with ActivitySmith(
        activitysmith_server.api_key,
        base_url=activitysmith_server.base_url,
        max_retries=0,
        rate_limit=None,
    ) as client:
        yield client


def _nested(depth: int) -> dict[str, Any]:
    root: dict[str, Any] = {}
    node = root
    for _ in range(depth):
        node["a"] = {}
        node = node["a"]
    return root


def _cycle() -> dict[str, Any]:
    loop: dict[str, Any] = {}
    loop["self"] = loop
    return loop


# --- answers ----------------------------------------------------------------------------------


@pytest.mark.parametrize("status", [200, 400, 404, 429, 500, 503])
@pytest.mark.parametrize("kind", ["array", "object"])
def test_deeply_nested_json_in_any_answer(hostile: Hostile, status: int, kind: str) -> None:
    hostile.answer(deep_json(5000, status, kind=kind))
    with ActivitySmith(KEY, base_url=hostile.base_url, max_retries=0, rate_limit=None) as c:
        with pytest.raises(errors.APIError) as info:
            c.badge_count(1)
    if status == 200:
        assert isinstance(info.value, errors.APIResponseValidationError)
    else:
        assert isinstance(info.value, errors.APIStatusError)
        assert info.value.status_code == status


_OK = b'{"success": true, "badge": 1, "timestamp": "2026-01-31T12:00:00Z", '


@pytest.mark.parametrize(
    "body",
    [
        _OK + b'"note": "\\ud800"}',
        _OK + b'"note": "\xff\xfe"}',
        _OK + b'"note": 1e999}',
        _OK + b'"note": ' + b"9" * 5000 + b"}",
    ],
    ids=["lone-surrogate", "bad-utf8", "huge-float", "huge-int"],
)
def test_undecodable_success_answers(hostile: Hostile, body: bytes) -> None:
    hostile.answer(reply(200, body))
    with ActivitySmith(KEY, base_url=hostile.base_url, rate_limit=None) as c:
        with pytest.raises(errors.APIResponseValidationError) as info:
            c.badge_count(1)
    assert info.value.status_code == 200


# --- input ------------------------------------------------------------------------------------


def test_lone_surrogates_anywhere_in_input(client: ActivitySmith) -> None:
    with pytest.raises(errors.ValidationError) as info:
        client.notifications.send(title="\ud800")
    assert info.value.field == "title"
    with pytest.raises(errors.ValidationError) as info:
        client.notifications.send(title="x", metadata={"host": "db-\udc00"})
    assert info.value.field == "metadata.host"
    with pytest.raises(errors.ValidationError) as info:
        client.notifications.replace("\ud800", title="x")
    assert info.value.field == "notification_id"
    with pytest.raises(errors.ValidationError) as info:
        client.notifications.send(title="x", metadata={"\udcff": 1})
    assert info.value.field.startswith("metadata")


@pytest.mark.parametrize(
    "make",
    [
        lambda c: c.notifications.send(title="x", payload=_cycle()),
        lambda c: c.notifications.send(title="x", payload=_nested(1000)),
        lambda c: c.notifications.send(title="x", channels=_self_list()),
        lambda c: c.notifications.send(
            title="x",
            actions=[{"title": "Go", "type": "webhook", "url": "https://e.x", "body": _cycle()}],
        ),
        lambda c: c.live_activities.stream(
            "k",
            content_state=STATE,
            action={"title": "Go", "type": "webhook", "url": "https://e.x", "body": _nested(1000)},
        ),
        lambda c: c.live_activities.track("k", title="x", metadata=_cycle()),
        lambda c: c.live_activities.track("k", title="x", tags=_self_list()),
    ],
    ids=[
        "cyclic-payload",
        "deep-payload",
        "cyclic-channels",
        "cyclic-action-body",
        "deep-action-body",
        "cyclic-track",
        "cyclic-track-tags",
    ],
)
def test_cyclic_or_deep_input_is_refused(client: ActivitySmith, make: Any) -> None:
    with pytest.raises(errors.ValidationError) as info:
        make(client)
    assert info.value.field


def _self_list() -> list[Any]:
    loop: list[Any] = []
    loop.append(loop)
    return loop


def test_payload_nested_within_the_limit_is_sent(
    client: ActivitySmith, activitysmith_server: ActivitySmithServer
) -> None:
    from activitysmith._rules import MAX_DEPTH

    client.notifications.send(title="x", payload=_nested(MAX_DEPTH - 2))
    with pytest.raises(errors.ValidationError, match="nested"):
        client.notifications.send(title="x", payload=_nested(MAX_DEPTH))


@pytest.mark.parametrize(
    "make",
    [
        lambda c: c.live_activities.stream("k", content_state={**STATE, "percentage": 10**5000}),
        lambda c: c.metrics.update("uptime", 10**5000),
        lambda c: c.badge_count(10**5000),
        lambda c: c.notifications.send(title="x", metadata={"n": 10**400}),
        lambda c: c.notifications.send(title="x", payload={"n": -(10**5000)}),
    ],
    ids=["percentage", "metric", "badge", "metadata", "payload"],
)
def test_integers_beyond_json_numbers(client: ActivitySmith, make: Any) -> None:
    with pytest.raises(errors.ValidationError) as info:
        make(client)
    assert info.value.field


class Seconds(enum.Enum):
    FIVE = 5


@pytest.mark.parametrize(
    "timeout", ["5", -1, 0, math.nan, math.inf, 1e308, Seconds.FIVE, True, [1]]
)
def test_bad_per_call_timeouts(client: ActivitySmith, timeout: Any) -> None:
    with pytest.raises(errors.ValidationError) as info:
        client.notifications.send(title="x", timeout=timeout)
    assert info.value.field == "timeout"


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("total_timeout", "3"),
        ("total_timeout", 0),
        ("total_timeout", math.nan),
        ("total_timeout", 1e308),
        ("max_retries", -1),
        ("max_retries", 1.5),
        ("max_retries", "2"),
    ],
)
def test_bad_per_call_options(client: ActivitySmith, option: str, value: Any) -> None:
    with pytest.raises(errors.ValidationError) as info:
        client.badge_count(1, **{option: value})
    assert info.value.field == option


@pytest.mark.parametrize(
    ("setting", "value"),
    [
        ("timeout", math.inf),
        ("timeout", 0),
        ("timeout", "5"),
        ("timeout", httpx.Timeout(5.0, read=-1)),
        ("api_key", 123),
        ("api_key", b"ask_bytes"),
        ("base_url", 5),
        ("base_url", "http://[::1"),
        ("base_url", "http://127.0.0.1:99999/api"),
        ("base_url", "not a url"),
        ("default_headers", 5),
        ("default_headers", {"X-Team": 5}),
        ("default_headers", {"X-Team": "a\r\nInjected: 1"}),
        ("default_headers", {"Bad Name": "x"}),
        ("default_headers", {"Authorization": "Bearer other"}),
        ("total_timeout", "x"),
        ("total_timeout", math.nan),
        ("total_timeout", -1),
        ("rate_limit", 1e308),
        ("rate_limit", 1e-300),
        ("rate_limit", {"metrics": math.inf}),
        ("rate_limit", "60"),
        ("max_retries", -1),
        ("max_retries", True),
        ("max_response_bytes", 0),
        ("max_response_bytes", 2**80),
        ("allow_insecure_http", "yes"),
        ("http_client", "client"),
        ("http_client", httpx.AsyncClient()),
    ],
)
def test_bad_settings_name_the_setting(setting: str, value: Any) -> None:
    options: dict[str, Any] = {"api_key": KEY, setting: value}
    with pytest.raises(errors.ConfigurationError) as info:
        ActivitySmith(**options)
    assert setting in str(info.value)
    assert info.value.field == setting


def test_rate_limit_bounds_on_the_limiter_itself() -> None:
    for value in (1e308, 1e-300, math.nan, -1):
        with pytest.raises(errors.ConfigurationError):
            activitysmith.RateLimiter(value)
    with pytest.raises(errors.ConfigurationError):
        activitysmith.RateLimiter(burst=2**70)


def test_a_closed_client_says_so(activitysmith_server: ActivitySmithServer) -> None:
    client = ActivitySmith(activitysmith_server.api_key, base_url=activitysmith_server.base_url)
    client.close()
    with pytest.raises(errors.ClientStateError, match="closed"):
        client.notifications.send(title="x")


def test_an_async_client_used_on_a_second_event_loop(
    activitysmith_server: ActivitySmithServer,
) -> None:
    client = AsyncActivitySmith(
        activitysmith_server.api_key, base_url=activitysmith_server.base_url
    )
    asyncio.run(client.notifications.send(title="first"))
    with pytest.raises(errors.ClientStateError, match="event loop"):
        asyncio.run(client.notifications.send(title="second"))
    asyncio.run(_close(client))


async def _close(client: AsyncActivitySmith) -> None:
    await client.close()


def test_an_async_client_closed_then_used(activitysmith_server: ActivitySmithServer) -> None:
    async def scenario() -> None:
        client = AsyncActivitySmith(
            activitysmith_server.api_key, base_url=activitysmith_server.base_url
        )
        await client.close()
        with pytest.raises(errors.ClientStateError, match="closed"):
            await client.badge_count(1)

    asyncio.run(scenario())


# --- helpers, progress() and track() ----------------------------------------------------------


@pytest.mark.parametrize(
    ("build", "field"),
    [
        (lambda: activitysmith.content_state("x", metrics=5), "metrics"),
        (lambda: activitysmith.content_state("x", metrics=[5]), "metrics[0]"),
        (
            lambda: activitysmith.content_state("x", metrics=[{"label": {}, "value": 1}]),
            "metrics[0].label",
        ),
        (lambda: activitysmith.content_state("x", percentage="half"), "percentage"),
        (lambda: activitysmith.content_state("\ud800"), "title"),
        (lambda: activitysmith.metric("CPU", math.nan), "value"),
        (lambda: activitysmith.metric("CPU", 10**5000), "value"),
        (lambda: activitysmith.action("Go", "https://e.x", body=_cycle()), "body"),
        (lambda: activitysmith.alert_icon(5), "symbol"),  # type: ignore[arg-type]
        (lambda: activitysmith.content_state("x", bogus=1), "bogus"),  # type: ignore[call-arg]
        (lambda: activitysmith.metric("CPU", 1, colour="red"), "colour"),  # type: ignore[call-arg]
    ],
)
def test_helpers_raise_validation_errors(build: Any, field: str) -> None:
    with pytest.raises(errors.ValidationError) as info:
        build()
    assert info.value.field == field


def test_progress_and_track_refuse_unknown_keywords(client: ActivitySmith) -> None:
    with pytest.raises(errors.ValidationError) as info:
        client.live_activities.progress([1, 2], "k", title="x", bogus=1)  # type: ignore[call-arg]
    assert info.value.field == "bogus"
    with pytest.raises(errors.ValidationError) as info:
        client.live_activities.track("k", title="x", bogus=1)  # type: ignore[call-arg]
    assert info.value.field == "bogus"
    with pytest.raises(errors.ValidationError) as info:
        client.live_activities.progress([1], "k")  # type: ignore[call-arg]
    assert info.value.field == "title"
    with pytest.raises(errors.ValidationError) as info:
        client.live_activities.track("k", title="x", flush_timeout=1e308)
    assert info.value.field == "flush_timeout"


# --- pickling ---------------------------------------------------------------------------------


def _instances() -> list[errors.ActivitySmithError]:
    headers = {"x-request-id": "req_1", "content-type": "application/json"}
    status_kwargs: dict[str, Any] = {
        "error": "Bad",
        "body": {"error": "Bad", "message": "no"},
        "headers": headers,
        "request_id": "req_1",
        "method": "POST",
        "url": "https://e.x/api/badge",
    }
    made: list[errors.ActivitySmithError] = [
        errors.ActivitySmithError("plain"),
        errors.ConfigurationError("timeout must be positive", field="timeout"),
        errors.ValidationError("content_state.percentage", "must be <= 100, got 140"),
        errors.ClientStateError("the client is closed"),
        errors.APIError("failed", method="POST", url="https://e.x/api/badge"),
        errors.APIConnectionError("refused", method="POST", url="https://e.x/api/badge"),
        errors.APITimeoutError("timed out", method="POST", url="https://e.x/api/badge"),
        errors.APIResponseValidationError(
            "not JSON", status_code=200, body=b"<html>", headers=headers, method="POST", url="u"
        ),
    ]
    for cls in (
        errors.APIStatusError,
        errors.BadRequestError,
        errors.AuthenticationError,
        errors.BillingError,
        errors.PermissionDeniedError,
        errors.NotFoundError,
        errors.ConflictError,
        errors.UnprocessableEntityError,
        errors.NoRecipientsError,
        errors.InternalServerError,
    ):
        made.append(cls("no", status_code=418, **status_kwargs))
    made.append(errors.RateLimitError("slow", retry_after=2.5, status_code=429, **status_kwargs))
    made.append(
        errors.LiveActivityLimitError("full", retry_after=None, status_code=429, **status_kwargs)
    )
    return made


def test_every_exception_class_is_covered() -> None:
    covered = {type(e) for e in _instances()}
    exported = {
        getattr(errors, name) for name in errors.__all__ if isinstance(getattr(errors, name), type)
    }
    assert exported <= covered


@pytest.mark.parametrize("error", _instances(), ids=lambda e: type(e).__name__)
def test_exceptions_pickle_with_their_fields(error: errors.ActivitySmithError) -> None:
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is type(error)
    assert copy.args == error.args
    assert str(copy) == str(error)
    assert vars(copy) == vars(error)


def test_a_raised_status_error_pickles_with_its_parsed_detail(
    client: ActivitySmith,
) -> None:
    with pytest.raises(errors.NotFoundError) as info:
        client.live_activities.end_stream("never-started")
    copy = pickle.loads(pickle.dumps(info.value))
    assert copy.status_code == 404
    assert copy.detail == info.value.detail
    assert copy.headers == info.value.headers


def test_naive_and_offsetless_datetimes_name_the_field(client: ActivitySmith) -> None:
    class NoOffset(__import__("datetime").tzinfo):
        def utcoffset(self, dt: datetime | None) -> None:
            return None

    for value in (datetime(2026, 1, 1), datetime(2026, 1, 1, tzinfo=NoOffset())):
        with pytest.raises(errors.ValidationError) as info:
            client.metrics.update("uptime", 1, value)
        assert info.value.field == "timestamp"
        assert "timezone" in info.value.message
    with pytest.raises(errors.ValidationError) as info:
        client.notifications.send(title=datetime.now(UTC))  # type: ignore[arg-type]
    assert info.value.field == "title"
