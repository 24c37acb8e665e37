"""Starting and stopping, inspection, the pytest plugin and `python -m activitysmith.testing`."""

from __future__ import annotations

import functools
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

import anyio
import httpx
import pytest

import activitysmith
from activitysmith.testing import (
    DEFAULT_API_KEY,
    ActivitySmithServer,
    Device,
    MissingTestingExtra,
)
from activitysmith.testing import __main__ as testing_main
from activitysmith.testing._routes import ROUTES
from activitysmith.testing._validation import INSTALL_HINT, spec_validator

AUTH = {"Authorization": f"Bearer {DEFAULT_API_KEY}"}


def test_context_manager_serves_on_an_ephemeral_port() -> None:
    with ActivitySmithServer() as server:
        response = httpx.post(f"{server.base_url}/badge", json={"badge": 1}, headers=AUTH)
        assert server.url == f"http://127.0.0.1:{server.port}"
        assert server.base_url == server.url + "/api"
        assert server.port > 0
        assert server.api_key == "ask_test_local"
        assert response.status_code == 200
        url = server.base_url

    with pytest.raises(httpx.ConnectError):
        httpx.post(f"{url}/badge", json={"badge": 1}, headers=AUTH)
    with pytest.raises(RuntimeError, match="not running"):
        _ = server.base_url


def test_start_and_stop_explicitly_and_twice() -> None:
    server = ActivitySmithServer(api_key="ask_custom").start()
    try:
        with pytest.raises(RuntimeError, match="already running"):
            server.start()
        response = httpx.post(
            f"{server.base_url}/badge",
            json={"badge": 1},
            headers={"Authorization": "Bearer ask_custom"},
        )
        assert response.status_code == 200
    finally:
        server.stop()
    server.stop()  # idempotent


def test_stop_closes_idle_keep_alive_connections_quickly(server: ActivitySmithServer) -> None:
    with httpx.Client(
        base_url=server.base_url, headers={"Authorization": f"Bearer {server.api_key}"}
    ) as client:
        for _ in range(3):
            client.post("/badge", json={"badge": 1})
        started = time.monotonic()
        server.stop()

    assert time.monotonic() - started < 1


def test_two_servers_are_independent() -> None:
    with ActivitySmithServer() as first, ActivitySmithServer() as second:
        httpx.post(f"{first.base_url}/badge", json={"badge": 5}, headers=AUTH)

        assert first.port != second.port
        assert (first.badge, second.badge) == (5, None)


@pytest.mark.anyio
async def test_async_clients_are_served_concurrently(server: ActivitySmithServer) -> None:
    async with (
        httpx.AsyncClient(
            base_url=server.base_url, headers={"Authorization": f"Bearer {server.api_key}"}
        ) as client,
        anyio.create_task_group() as group,
    ):
        for n in range(20):
            group.start_soon(
                functools.partial(client.post, "/push-notification", json={"title": f"n{n}"})
            )

    assert len(server.notifications) == 20


def test_requests_are_recorded_with_the_key_masked(
    api: httpx.Client, server: ActivitySmithServer
) -> None:
    api.post("/push-notification", json={"title": "x"}, headers={"X-Trace": "abc"})

    [request] = server.requests
    assert (request.method, request.path, request.status) == ("POST", "/api/push-notification", 200)
    assert request.operation == "sendPushNotification"
    assert request.headers["authorization"] == "Bearer ***"
    assert request.headers["X-TRACE"] == "abc"
    assert request.body == b'{"title":"x"}'
    assert request.json == {"title": "x"}
    assert request.fault is None
    assert server.api_key not in repr(server.requests)


def test_unknown_routes_are_recorded_without_an_operation(
    api: httpx.Client, server: ActivitySmithServer
) -> None:
    api.get("/nowhere")

    assert server.last_request is not None
    assert (server.last_request.operation, server.last_request.status) == (None, 404)


def test_inspection_returns_copies(api: httpx.Client, server: ActivitySmithServer) -> None:
    api.post("/push-notification", json={"title": "x", "payload": {"n": 1}})
    api.put(
        "/live-activity/stream/a",
        json={"content_state": {"title": "x", "type": "alert", "message": "m"}},
    )

    server.requests[0].json["title"] = "changed"
    server.notifications[0].payload["payload"]["n"] = 2  # type: ignore[index]
    server.live_activities[0].state["title"] = "changed"  # type: ignore[index]
    server.streams["b"] = "x"

    assert server.requests[0].json["title"] == "x"
    assert server.notifications[0].payload == {"title": "x", "payload": {"n": 1}}
    assert server.live_activities[0].state["title"] == "x"
    assert list(server.streams) == ["a"]


def test_activity_lookup_raises_for_unknown_ids(server: ActivitySmithServer) -> None:
    with pytest.raises(KeyError):
        server.activity("missing")


def test_reset_forgets_everything(api: httpx.Client, server: ActivitySmithServer) -> None:
    api.post("/push-notification", json={"title": "x"})
    api.put(
        "/live-activity/stream/a",
        json={"content_state": {"title": "x", "type": "alert", "message": "m"}},
    )
    api.post("/metrics/prod.status/value", json={"value": "ok"})
    api.post("/badge", json={"badge": 2})

    server.reset()

    assert server.requests == []
    assert server.last_request is None
    assert server.notifications == []
    assert server.live_activities == []
    assert server.streams == {}
    assert server.metrics == {}
    assert server.badge is None
    assert api.delete("/live-activity/stream/a").status_code == 404


def test_routes_match_the_spec_operations() -> None:
    document = spec_validator()._openapi.spec  # the parsed, packaged spec
    in_spec = {
        (method.upper(), path, (document / "paths" / path / method / "operationId").read_str())
        for path in (document / "paths").str_keys()
        for method in (document / "paths" / path).str_keys()
        if method in {"get", "put", "post", "delete", "patch"}
    }

    assert set(ROUTES) == in_spec


def test_spec_is_package_data() -> None:
    from importlib.resources import files

    assert (files("activitysmith.testing") / "openapi.yaml").is_file()


# -- the testing extra -------------------------------------------------------------------------


# What the `testing` extra brings: the server's request validators are built with these.
EXTRA_MODULES = ("jsonschema", "openapi_schema_validator", "referencing", "yaml")


@pytest.mark.parametrize("missing", EXTRA_MODULES)
def test_import_and_plugin_load_without_the_testing_extra(missing: str) -> None:
    code = (
        f"import sys; sys.modules[{missing!r}] = None\n"
        "import activitysmith.testing, activitysmith.testing.pytest_plugin\n"
        "from activitysmith.testing import ActivitySmithServer, MissingTestingExtra\n"
        "try:\n"
        "    ActivitySmithServer().start()\n"
        "except MissingTestingExtra as exc:\n"
        "    print(exc)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )

    assert result.stdout.strip() == INSTALL_HINT
    assert INSTALL_HINT == (
        "activitysmith.testing needs the 'testing' extra: pip install 'activitysmith[testing]'"
    )


def test_importing_the_package_does_not_import_the_validators() -> None:
    code = (
        "import sys, activitysmith.testing, activitysmith.testing.pytest_plugin\n"
        f"loaded = {{'openapi_core', *{EXTRA_MODULES!r}}} & set(sys.modules)\n"
        "assert not loaded, loaded\n"
    )
    subprocess.run([sys.executable, "-c", code], timeout=60, check=True)


def run_pytest(directory: Path, files: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Run pytest in a fresh directory holding `files`; the plugin loads by its entry point."""
    for name, text in files.items():
        (directory / name).write_text(textwrap.dedent(text))
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(directory)],
        cwd=directory,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_missing_extra_fails_the_fixture_with_the_install_hint(tmp_path: Path) -> None:
    result = run_pytest(
        tmp_path,
        {
            "conftest.py": """
                import sys

                def pytest_configure(config):
                    sys.modules["jsonschema"] = None
            """,
            "test_x.py": """
                def test_x(activitysmith_server):
                    pass
            """,
        },
    )

    assert result.returncode == 1
    assert "1 error" in result.stdout
    assert INSTALL_HINT in result.stdout


def test_missing_extra_is_an_import_error() -> None:
    assert issubclass(MissingTestingExtra, ImportError)


# -- the pytest plugin ---------------------------------------------------------------------------


def test_plugin_fixture_is_one_line_away(tmp_path: Path) -> None:
    result = run_pytest(
        tmp_path,
        {
            "test_deploy.py": """
                import httpx

                def test_deploy_notifies(activitysmith_server):
                    httpx.post(
                        activitysmith_server.base_url + "/push-notification",
                        json={"title": "Deploy finished"},
                        headers={"Authorization": "Bearer " + activitysmith_server.api_key},
                    )
                    assert activitysmith_server.notifications[0].title == "Deploy finished"
            """
        },
    )

    assert result.returncode == 0, result.stdout
    assert "1 passed" in result.stdout


def test_plugin_options_fixture_configures_the_server(tmp_path: Path) -> None:
    result = run_pytest(
        tmp_path,
        {
            "test_options.py": """
                import pytest

                @pytest.fixture
                def activitysmith_server_options():
                    return {"api_key": "ask_ci", "rate_limit": None}

                def test_key(activitysmith_server):
                    assert activitysmith_server.api_key == "ask_ci"
            """
        },
    )

    assert result.returncode == 0, result.stdout


# -- python -m activitysmith.testing ---------------------------------------------------------------


def test_module_runs_the_server_until_sigterm() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "activitysmith.testing", "--api-key", "ask_cli", "--no-rate-limit"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        base_url = process.stdout.readline().strip().removeprefix("ACTIVITYSMITH_BASE_URL=")
        api_key = process.stdout.readline().strip().removeprefix("ACTIVITYSMITH_API_KEY=")
        response = httpx.post(
            f"{base_url}/badge", json={"badge": 1}, headers={"Authorization": f"Bearer {api_key}"}
        )
        assert base_url.startswith("http://127.0.0.1:")
        assert base_url.endswith("/api")
        assert api_key == "ask_cli"
        assert response.status_code == 200
    finally:
        process.send_signal(signal.SIGTERM)
        returncode = process.wait(10)

    assert returncode == 0


def test_module_serves_the_declared_recipients_and_limit() -> None:
    """The command line's recipients, key scope and limit, seen through the SDK."""
    process = subprocess.Popen(
        [
            *(sys.executable, "-m", "activitysmith.testing", "--no-rate-limit", "--no-preview"),
            *("--device", "dana:payments,ops", "--device", "lee:payments"),
            *("--key-channels", "payments", "--live-activity-limit", "1"),
            *("--when-limit-reached", "reject"),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        base_url = process.stdout.readline().strip().removeprefix("ACTIVITYSMITH_BASE_URL=")
        api_key = process.stdout.readline().strip().removeprefix("ACTIVITYSMITH_API_KEY=")
        with activitysmith.ActivitySmith(api_key, base_url=base_url, max_retries=0) as client:
            sent = client.notifications.send(title="Payout failed", channels=["payments"])
            with pytest.raises(activitysmith.PermissionDeniedError):
                client.notifications.send(title="x", channels=["ops"])  # outside the key
            client.live_activities.stream("payout", title="Payout", type="alert", message="m")
            with pytest.raises(activitysmith.LiveActivityLimitError) as refused:
                client.live_activities.stream("other", title="Other", type="alert", message="m")
    finally:
        process.send_signal(signal.SIGTERM)
        returncode = process.wait(10)

    assert (sent.users_notified, sent.devices_notified) == (2, 2)
    assert sent.effective_channel_slugs == ["payments"]
    assert (refused.value.limit, refused.value.active) == (1, 1)
    assert returncode == 0


def test_module_help_lists_the_options() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "activitysmith.testing", "--help"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
        env={**os.environ, "COLUMNS": "200"},
    )

    for option in (
        "--host",
        "--port",
        "--api-key",
        "--no-rate-limit",
        "--auto-create-metrics",
        "--device",
        "--key-channels",
        "--live-activity-limit",
        "--when-limit-reached",
    ):
        assert option in result.stdout


def test_module_options_declare_recipients_and_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, Any] = {}
    monkeypatch.setattr(testing_main, "serve", lambda **options: seen.update(options))

    code = testing_main.main(
        [
            "--device",
            "alice:ops,ios-builds",
            "--device",
            "bob:",
            "--key-channels",
            "ops, ios-builds",
            "--live-activity-limit",
            "2",
            "--when-limit-reached",
            "reject",
        ]
    )

    assert code == 0
    assert seen["devices"] == [
        Device("alice's device (ops, ios-builds)", "alice", ["ops", "ios-builds"]),
        Device("bob's device (no channels)", "bob", []),
    ]
    assert seen["key_channels"] == ["ops", "ios-builds"]
    assert (seen["live_activity_limit"], seen["when_limit_reached"]) == (2, "reject")


def test_module_defaults_keep_the_default_directory_and_limit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: dict[str, Any] = {}
    monkeypatch.setattr(testing_main, "serve", lambda **options: seen.update(options))

    assert testing_main.main([]) == 0
    assert "devices" not in seen
    assert seen["key_channels"] is None
    assert (seen["live_activity_limit"], seen["when_limit_reached"]) == (5, "end_oldest")


@pytest.mark.parametrize(
    "argv", [["--device", "nobody"], ["--device", ":ops"], ["--key-channels", " , "]]
)
def test_module_refuses_malformed_recipients(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as info:
        testing_main.main(argv)
    assert info.value.code == 2
    assert "error:" in capsys.readouterr().err


def test_module_refuses_a_limit_below_one(capsys: pytest.CaptureFixture[str]) -> None:
    assert testing_main.main(["--live-activity-limit", "0", "--port", "0"]) == 2
    assert "live_activity_limit must be a positive integer" in capsys.readouterr().err
