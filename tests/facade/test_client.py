"""Client construction, headers, the key's secrecy, ownership of connections, the low-level client."""

from __future__ import annotations

import logging
import traceback

import httpx
import pytest

import activitysmith
from activitysmith import ActivitySmith, AsyncActivitySmith
from activitysmith.testing import ActivitySmithServer, Fault

SECRET = "ask_live_5b1c0ffee5ecret"


def test_api_key_and_base_url_fall_back_to_the_environment(
    monkeypatch: pytest.MonkeyPatch, activitysmith_server: ActivitySmithServer
) -> None:
    monkeypatch.setenv("ACTIVITYSMITH_API_KEY", activitysmith_server.api_key)
    monkeypatch.setenv("ACTIVITYSMITH_BASE_URL", activitysmith_server.base_url)
    with ActivitySmith() as client:
        client.badge_count(1)
    assert activitysmith_server.requests[-1].status == 200


def test_missing_key_says_how_to_fix_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ACTIVITYSMITH_API_KEY", raising=False)
    with pytest.raises(activitysmith.ConfigurationError, match="ACTIVITYSMITH_API_KEY"):
        ActivitySmith()
    with pytest.raises(activitysmith.ConfigurationError, match="api_key"):
        AsyncActivitySmith(api_key="")


def test_default_base_url_and_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ACTIVITYSMITH_BASE_URL", raising=False)
    client = ActivitySmith(SECRET)
    assert client.base_url == "https://activitysmith.com/api"
    assert client.timeout == httpx.Timeout(30.0, connect=5.0)
    assert client.max_retries == 2
    client.close()


@pytest.mark.parametrize(
    "url", ["http://api.example.com/api", "http://10.0.0.5/api", "ftp://activitysmith.com"]
)
def test_key_is_never_sent_over_plain_http_to_a_remote_host(url: str) -> None:
    with pytest.raises(activitysmith.ConfigurationError):
        ActivitySmith(SECRET, base_url=url)


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:9/api",
        "http://localhost:9/api",
        "http://[::1]:9/api",
        "http://127.3.4.5/api",
    ],
)
def test_plain_http_to_loopback_is_allowed(url: str) -> None:
    ActivitySmith(SECRET, base_url=url).close()


def test_plain_http_remote_needs_explicit_opt_in() -> None:
    ActivitySmith(SECRET, base_url="http://gateway.internal/api", allow_insecure_http=True).close()


def test_headers_identify_the_sdk(
    activitysmith_client: ActivitySmith, activitysmith_server: ActivitySmithServer
) -> None:
    activitysmith_client.badge_count(1)
    headers = {
        name.lower(): value for name, value in activitysmith_server.requests[-1].headers.items()
    }
    assert headers["user-agent"].startswith(f"activitysmith-python/{activitysmith.__version__} (")
    assert headers["x-activitysmith-sdk"] == f"python-v{activitysmith.__version__}"
    assert headers["authorization"] == "Bearer ***"  # the server masks what it records
    assert headers["accept"] == "application/json"
    assert headers["content-type"] == "application/json"


def test_version_matches_the_package_metadata() -> None:
    from importlib.metadata import version

    assert activitysmith.__version__ == version("activitysmith")


def test_default_headers_are_added(activitysmith_server: ActivitySmithServer) -> None:
    with ActivitySmith(
        activitysmith_server.api_key,
        base_url=activitysmith_server.base_url,
        default_headers={"X-Team": "ops"},
    ) as client:
        client.badge_count(1)
    assert activitysmith_server.requests[-1].headers.get("x-team") == "ops"


def test_key_never_appears_in_repr_str_or_config() -> None:
    client = ActivitySmith(SECRET, base_url="http://127.0.0.1:9/api")
    for text in (
        repr(client),
        str(client),
        repr(client._config),
        repr(client._http.headers),
        repr(client.low_level),
    ):
        assert SECRET not in text
        assert "5b1c0ffee5ecret" not in text
    assert "ask_***" in repr(client)
    client.close()


def test_key_never_appears_in_exceptions_or_logs(
    activitysmith_server: ActivitySmithServer,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from activitysmith import _transport

    monkeypatch.setattr(_transport, "_sleep", lambda seconds: None)
    activitysmith_server.inject(Fault.server_error(503), times=3)
    with caplog.at_level(logging.DEBUG):
        with ActivitySmith("ask_wrong_" + SECRET, base_url=activitysmith_server.base_url) as client:
            with pytest.raises(activitysmith.APIError) as server_error:
                client.badge_count(1)
            with pytest.raises(activitysmith.AuthenticationError) as auth_error:
                client.badge_count(1)
    for error in (server_error.value, auth_error.value):
        rendered = "".join(traceback.format_exception(error)) + repr(error) + str(vars(error))
        assert SECRET not in rendered
    assert SECRET not in caplog.text


def test_context_manager_closes_the_client(activitysmith_server: ActivitySmithServer) -> None:
    with ActivitySmith(
        activitysmith_server.api_key, base_url=activitysmith_server.base_url
    ) as client:
        client.badge_count(1)
    assert client._http.is_closed


def test_close_leaves_a_caller_supplied_http_client_open(
    activitysmith_server: ActivitySmithServer,
) -> None:
    seen: list[str] = []
    own = httpx.Client(event_hooks={"request": [lambda request: seen.append(request.url.path)]})
    with ActivitySmith(
        activitysmith_server.api_key, base_url=activitysmith_server.base_url, http_client=own
    ) as client:
        client.badge_count(5)
    assert seen == ["/api/badge"]  # requests went through the caller's client
    assert not own.is_closed
    own.close()


@pytest.mark.anyio
async def test_async_close_leaves_a_caller_supplied_http_client_open(
    activitysmith_server: ActivitySmithServer,
) -> None:
    own = httpx.AsyncClient()
    async with AsyncActivitySmith(
        activitysmith_server.api_key, base_url=activitysmith_server.base_url, http_client=own
    ) as client:
        await client.badge_count(5)
    assert client._http.is_closed
    assert not own.is_closed
    await own.aclose()


def test_sequential_calls_reuse_one_connection(
    activitysmith_server: ActivitySmithServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    import httpcore

    opened: list[object] = []
    original = httpcore.SyncBackend.connect_tcp

    def counting_connect(self: httpcore.SyncBackend, *args: object, **kwargs: object) -> object:
        opened.append(args)
        return original(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(httpcore.SyncBackend, "connect_tcp", counting_connect)
    with ActivitySmith(
        activitysmith_server.api_key, base_url=activitysmith_server.base_url
    ) as client:
        for count in range(20):
            client.badge_count(count)
    assert len(activitysmith_server.requests) == 20
    assert len(opened) == 1


def test_low_level_client_shares_configuration(
    activitysmith_client: ActivitySmith, activitysmith_server: ActivitySmithServer
) -> None:
    from activitysmith_client.api.metrics import update_metric_value
    from activitysmith_client.models import MetricValueUpdateRequest

    response = update_metric_value.sync_detailed(
        "deploy.success_rate",
        client=activitysmith_client.low_level,
        body=MetricValueUpdateRequest(value=98),
    )
    assert response.status_code == 200
    request = activitysmith_server.requests[-1]
    assert request.body == b'{"value":98}'
    assert request.headers["x-activitysmith-sdk"].startswith("python-v")


def test_low_level_client_retries_like_the_facade(
    activitysmith_client: ActivitySmith,
    activitysmith_server: ActivitySmithServer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from activitysmith import _transport
    from activitysmith_client.api.app_icon_badges import update_app_icon_badge_count
    from activitysmith_client.models import AppIconBadgeCountUpdateRequest

    monkeypatch.setattr(_transport, "_sleep", lambda seconds: None)
    activitysmith_server.inject(Fault.server_error(503))
    response = update_app_icon_badge_count.sync_detailed(
        client=activitysmith_client.low_level, body=AppIconBadgeCountUpdateRequest(badge=2)
    )
    assert response.status_code == 200
    assert [r.status for r in activitysmith_server.requests] == [503, 200]


def test_low_level_with_headers_does_not_touch_the_facade(
    activitysmith_client: ActivitySmith, activitysmith_server: ActivitySmithServer
) -> None:
    activitysmith_client.low_level.with_headers({"X-Debug": "1"})
    activitysmith_client.badge_count(1)
    assert "x-debug" not in {name.lower() for name in activitysmith_server.requests[-1].headers}


@pytest.mark.parametrize("value", [0, -1, "fast", True])
def test_bad_client_settings_are_rejected(value: object) -> None:
    with pytest.raises(activitysmith.ConfigurationError):
        ActivitySmith(SECRET, timeout=value)  # type: ignore[arg-type]
    with pytest.raises(activitysmith.ConfigurationError):
        ActivitySmith(SECRET, max_retries=value if value != 0 else -1)  # type: ignore[arg-type]


def test_logging_can_be_switched_on_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    logger = logging.getLogger("activitysmith")
    before = list(logger.handlers), logger.level
    monkeypatch.setenv("ACTIVITYSMITH_LOG", "info")
    try:
        ActivitySmith(SECRET).close()
        ActivitySmith(SECRET).close()
        added = [h for h in logger.handlers if h not in before[0]]
        assert len(added) == 1
        assert logger.level == logging.INFO
    finally:
        logger.handlers[:] = before[0]
        logger.setLevel(before[1])


def test_repeated_routes_send_each_calls_body_and_check_each_path(
    activitysmith_server: ActivitySmithServer,
) -> None:
    # A route's request is built once and reused: every call still sends its own body to
    # its own key, a refused path value is refused every time, and another client's base
    # URL is its own.
    with ActivitySmith(
        activitysmith_server.api_key, base_url=activitysmith_server.base_url
    ) as client:
        for percentage in (10, 20):
            for key in ("deploy-a", "deploy-b"):
                client.live_activities.stream(
                    key, content_state={"title": key, "type": "progress", "percentage": percentage}
                )
        for _ in range(2):
            with pytest.raises(activitysmith.ValidationError, match="stream_key"):
                client.live_activities.stream("a/b", content_state={"title": "x"})
    sent = [(r.method, r.path, r.json) for r in activitysmith_server.requests]
    assert [(method, path.rsplit("/", 1)[1]) for method, path, _ in sent] == [
        ("PUT", "deploy-a"), ("PUT", "deploy-b"), ("PUT", "deploy-a"), ("PUT", "deploy-b"),
    ]  # fmt: skip
    assert [body["content_state"]["percentage"] for _, _, body in sent] == [10, 10, 20, 20]
    assert [body["content_state"]["title"] for _, _, body in sent] == [
        "deploy-a", "deploy-b", "deploy-a", "deploy-b",
    ]  # fmt: skip
    # The same route on another client goes to that client's base URL.
    from activitysmith._generated.operations import RECONCILE_LIVE_ACTIVITY_STREAM as STREAM

    with ActivitySmith(activitysmith_server.api_key, base_url="http://127.0.0.1:9/api") as other:
        kwargs, _ = other._prepare(
            STREAM, ("deploy-a",), None, {"content_state": {"title": "t"}},
            activitysmith.NOT_GIVEN, activitysmith.NOT_GIVEN, activitysmith.NOT_GIVEN,
        )  # fmt: skip
    assert str(kwargs["url"]) == "http://127.0.0.1:9/api/live-activity/stream/deploy-a"
    assert kwargs["json"] == {"content_state": {"title": "t"}}
