"""Proxies from the environment and `proxy=`, and a caller's http_client keeping its own
settings, through a real forward proxy and the local server on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from activitysmith import ActivitySmith, AsyncActivitySmith, ConfigurationError
from activitysmith.testing import ActivitySmithServer

from .forward_proxy import ForwardProxy

PROXY_VARS = ("HTTPS_PROXY", "HTTP_PROXY", "ALL_PROXY", "NO_PROXY")


@pytest.fixture
def proxy(monkeypatch: pytest.MonkeyPatch) -> Iterator[ForwardProxy]:
    for name in PROXY_VARS:
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)
    with ForwardProxy() as running:
        yield running


def _push(client: ActivitySmith) -> None:
    client.notifications.send(title="through", message="the proxy")


@pytest.mark.parametrize("variable", ["HTTP_PROXY", "ALL_PROXY", "http_proxy"])
def test_environment_proxy_carries_the_request(
    variable: str,
    proxy: ForwardProxy,
    monkeypatch: pytest.MonkeyPatch,
    activitysmith_server: ActivitySmithServer,
) -> None:
    monkeypatch.setenv(variable, proxy.url)
    with ActivitySmith(activitysmith_server.api_key, base_url=activitysmith_server.base_url) as c:
        _push(c)
    [passed] = proxy.passed
    assert passed.method == "POST"
    assert passed.target == f"{activitysmith_server.base_url}/push-notification"
    assert passed.body == b'{"title":"through","message":"the proxy"}'
    assert activitysmith_server.requests[-1].status == 200


def test_no_proxy_bypasses_the_environment_proxy(
    proxy: ForwardProxy, monkeypatch: pytest.MonkeyPatch, activitysmith_server: ActivitySmithServer
) -> None:
    monkeypatch.setenv("HTTP_PROXY", proxy.url)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    with ActivitySmith(activitysmith_server.api_key, base_url=activitysmith_server.base_url) as c:
        _push(c)
    assert proxy.passed == []
    assert activitysmith_server.requests[-1].status == 200


def test_proxy_argument_carries_the_request_and_retries_still_apply(
    proxy: ForwardProxy, activitysmith_server: ActivitySmithServer
) -> None:
    from activitysmith.testing import Fault

    activitysmith_server.inject(Fault.server_error(503), method="PUT")
    with ActivitySmith(
        activitysmith_server.api_key, base_url=activitysmith_server.base_url, proxy=proxy.url
    ) as c:
        c.live_activities.stream(
            "deploy", content_state={"title": "Deploy", "type": "progress", "percentage": 5}
        )
    assert [p.method for p in proxy.passed] == ["PUT", "PUT"]  # one retry, both proxied
    assert [r.status for r in activitysmith_server.requests] == [503, 200]


@pytest.mark.anyio
async def test_async_client_honours_environment_and_argument_proxies(
    proxy: ForwardProxy, monkeypatch: pytest.MonkeyPatch, activitysmith_server: ActivitySmithServer
) -> None:
    monkeypatch.setenv("HTTPS_PROXY", "http://127.0.0.1:9")  # https only: not used for http
    monkeypatch.setenv("HTTP_PROXY", proxy.url)
    key, url = activitysmith_server.api_key, activitysmith_server.base_url
    async with AsyncActivitySmith(key, base_url=url) as client:
        await client.badge_count(3)
    monkeypatch.delenv("HTTP_PROXY")
    async with AsyncActivitySmith(key, base_url=url, proxy=httpx.Proxy(proxy.url)) as client:
        await client.badge_count(4)
    assert [p.body for p in proxy.passed] == [b'{"badge":3}', b'{"badge":4}']
    assert activitysmith_server.badge == 4


def test_proxy_and_http_client_together_is_a_configuration_error() -> None:
    with httpx.Client() as http, pytest.raises(ConfigurationError, match="proxy"):
        ActivitySmith("key", base_url="http://127.0.0.1:9/api", http_client=http, proxy="http://x")


def test_caller_http_client_keeps_its_headers_params_cookies_hooks_and_proxy(
    proxy: ForwardProxy, activitysmith_server: ActivitySmithServer
) -> None:
    seen: list[str] = []
    with httpx.Client(
        headers={"X-Team": "ops", "User-Agent": "cron-runner/2"},
        params={"source": "cron"},
        cookies={"session": "abc"},
        event_hooks={"request": [lambda request: seen.append(request.method)]},
        proxy=proxy.url,
    ) as http:
        client = ActivitySmith(
            activitysmith_server.api_key, base_url=activitysmith_server.base_url, http_client=http
        )
        client.badge_count(1)
        client.close()
        assert not http.is_closed  # the caller owns it
    [passed] = proxy.passed
    recorded = activitysmith_server.requests[-1]
    headers = {k.lower(): v for k, v in recorded.headers.items()}
    assert headers["x-team"] == "ops"
    assert headers["user-agent"] == "cron-runner/2"  # the caller's wins over the SDK's
    assert headers["cookie"] == "session=abc"
    assert headers["accept"] == "application/json"  # httpx's default never replaces ours
    assert headers["x-activitysmith-sdk"].startswith("python-v")
    assert recorded.query == "source=cron"
    assert passed.target.endswith("/badge?source=cron")
    assert seen == ["POST"]
    assert recorded.status == 200


def test_caller_authorization_and_auth_win_where_the_sdk_sets_its_own(
    activitysmith_server: ActivitySmithServer,
) -> None:
    good = f"Bearer {activitysmith_server.api_key}"
    with httpx.Client(headers={"Authorization": good}) as http:
        client = ActivitySmith(
            "wrong-key", base_url=activitysmith_server.base_url, http_client=http
        )
        client.badge_count(2)  # would be 401 with the SDK's key
    assert activitysmith_server.requests[-1].status == 200

    def sign(request: httpx.Request) -> httpx.Request:
        request.headers["Authorization"] = good
        return request

    with httpx.Client(auth=sign) as http:
        ActivitySmith(
            "wrong-key", base_url=activitysmith_server.base_url, http_client=http
        ).badge_count(5)
    assert activitysmith_server.requests[-1].status == 200
    assert activitysmith_server.badge == 5


def test_default_headers_and_extra_headers_win_over_the_caller_client(
    activitysmith_server: ActivitySmithServer,
) -> None:
    with httpx.Client(headers={"X-Env": "client", "X-Job": "client"}) as http:
        client = ActivitySmith(
            activitysmith_server.api_key,
            base_url=activitysmith_server.base_url,
            http_client=http,
            default_headers={"X-Env": "sdk"},
        )
        client.badge_count(1, extra_headers={"X-Job": "call"})
    headers = {k.lower(): v for k, v in activitysmith_server.requests[-1].headers.items()}
    assert (headers["x-env"], headers["x-job"]) == ("sdk", "call")


@pytest.mark.anyio
async def test_async_caller_http_client_keeps_its_headers_and_proxy(
    proxy: ForwardProxy, activitysmith_server: ActivitySmithServer
) -> None:
    async with httpx.AsyncClient(
        headers={"X-Team": "ops"}, params={"run": "7"}, proxy=proxy.url
    ) as http:
        client = AsyncActivitySmith(
            activitysmith_server.api_key, base_url=activitysmith_server.base_url, http_client=http
        )
        await client.notifications.send(title="async", message="via proxy")
        await client.close()
    recorded = activitysmith_server.requests[-1]
    assert {k.lower(): v for k, v in recorded.headers.items()}["x-team"] == "ops"
    assert recorded.query == "run=7"
    assert [p.method for p in proxy.passed] == ["POST"]
    assert activitysmith_server.notifications[-1].payload["message"] == "via proxy"
