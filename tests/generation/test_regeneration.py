"""Changing openapi.yaml and running the generators is all an API change takes.

On a copy of the repository, the spec gains an optional push field (`thread_id`, at most
64 characters) and a stream content-state field (`priority`, 0..10), the `metrics` limit
rises from 8 to 10, tags tighten from 64 to 32 characters, and `GET /health` appears
(`security: []`). The generators run as `make generate` runs them, into that copy only;
then a fresh interpreter drives the copy's facade, helpers, trackers, CLI and local
server, and mypy checks code against the copy's TypedDicts. Nothing is edited by hand.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
CONTENT_STATES = (
    "ContentStateStart",
    "ContentStateUpdate",
    "ContentStateEnd",
    "StreamContentState",
)


def _change_the_spec(path: Path) -> None:
    document = yaml.safe_load(path.read_text())
    schemas = document["components"]["schemas"]
    schemas["PushNotificationRequest"]["properties"]["thread_id"] = {
        "type": "string",
        "maxLength": 64,
        "description": "Groups the notifications of one conversation in Notification Center.",
    }
    schemas["StreamContentState"]["properties"]["priority"] = {
        "type": "integer",
        "minimum": 0,
        "maximum": 10,
        "description": "How prominently the Live Activity is shown, from 0 to 10.",
    }
    for name in CONTENT_STATES:
        schemas[name]["properties"]["metrics"]["maxItems"] = 10
    schemas["PushNotificationRequest"]["properties"]["tags"]["items"]["maxLength"] = 32
    document["paths"]["/health"] = {
        "get": {
            "operationId": "getHealth",
            "summary": "Check that the API is up",
            "tags": ["Health"],
            "security": [],
            "responses": {
                "200": {
                    "description": "The API is up.",
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "required": ["status"],
                                "properties": {"status": {"type": "string"}},
                            },
                            "example": {"status": "ok"},
                        }
                    },
                }
            },
        }
    }
    # An operation as an upstream spec would write it: none of our extensions.
    document["paths"]["/ping"] = {
        "post": {
            "operationId": "sendPing",
            "tags": ["Health"],
            "requestBody": {
                "required": True,
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Ping"}}},
            },
            "responses": {
                "200": {
                    "description": "Pong.",
                    "content": {
                        "application/json": {"schema": {"$ref": "#/components/schemas/Pong"}}
                    },
                }
            },
        }
    }
    schemas["Ping"] = {
        "type": "object",
        "required": ["note"],
        "properties": {"note": {"type": "string", "maxLength": 8}},
        "additionalProperties": False,
    }
    schemas["Pong"] = {
        "type": "object",
        "required": ["ok"],
        "properties": {"ok": {"type": "boolean"}},
    }
    path.write_text(yaml.safe_dump(document, sort_keys=False, allow_unicode=True))


def _run(*args: str | Path, cwd: Path, env: dict[str, str] | None = None) -> str:
    result = subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's sources, regenerated from the changed spec as `make generate` does."""
    root = tmp_path_factory.mktemp("regenerated")
    ignore = shutil.ignore_patterns("__pycache__")
    for name in ("activitysmith", "scripts", "templates"):
        shutil.copytree(ROOT / name, root / name, ignore=ignore)
    for name in ("openapi.yaml", "generator-config.yml", "pyproject.toml"):
        shutil.copy(ROOT / name, root / name)
    _change_the_spec(root / "openapi.yaml")
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"}
    _run(
        BIN / "openapi-python-client", "generate", "--path", "openapi.yaml",
        "--config", "generator-config.yml",
        "--custom-template-path", "templates/openapi-python-client", "--meta", "none",
        "--output-path", "activitysmith_client", "--overwrite", "--fail-on-warning",
        cwd=root, env=env,
    )  # fmt: skip
    _run(sys.executable, "-m", "scripts.codegen", "--root", root, cwd=root)
    _run(sys.executable, "-m", "scripts.unasync", "--root", root, cwd=root)
    shutil.copy(root / "openapi.yaml", root / "activitysmith" / "testing" / "openapi.yaml")
    return root


PROBE = r"""
import contextlib, io, json, os
import httpx
from activitysmith import ActivitySmith, ValidationError, content_state, metric
from activitysmith.testing import ActivitySmithServer

out = {}

def refused(call):
    try:
        call()
    except ValidationError as exc:
        return [exc.field, exc.message]
    return None

with ActivitySmithServer() as server:
    sent = lambda: [r.json for r in server.requests]
    with ActivitySmith(api_key=server.api_key, base_url=server.base_url) as client:
        push = client.notifications
        push.send(title="x", thread_id="t1")
        push.send({"title": "x", "thread_id": "t2"})
        out["thread_id_sent"] = sent()
        out["thread_id_65"] = refused(lambda: push.send(title="x", thread_id="t" * 65))
        out["thread_id_65_dict"] = refused(lambda: push.send({"title": "x", "thread_id": "t" * 65}))
        out["tag_33"] = refused(lambda: push.send(title="x", tags=["t" * 33]))
        out["sent_after_refusals"] = len(server.requests)
        server.reset()

        streams = client.live_activities
        state = content_state("Deploy", type="progress", percentage=5, priority=3)
        streams.stream("k", content_state=state)
        streams.stream("k", {"content_state": {**state, "priority": 10}})
        out["priority_11"] = refused(
            lambda: streams.stream("k", content_state={**state, "priority": 11})
        )
        with streams.track("t", title="Track", priority=4, min_interval=0.01) as tracker:
            tracker.update(priority=5)
        for _ in streams.progress([1, 2], "p", title="Progress", priority=2):
            pass
        out["track_priority_12"] = refused(lambda: streams.track("t2", title="T", priority=12))
        out["progress_priority_12"] = refused(
            lambda: streams.progress([1], "p2", title="P", priority=12)
        )
        out["priority_sent"] = [[r.method, r.path, r.json] for r in server.requests]
        server.reset()

        ten = [metric(str(i), i) for i in range(10)]
        streams.stream("m", content_state=content_state("M", type="metrics", metrics=ten))
        with streams.track("mt", title="M", type="metrics", metrics=ten):
            pass
        out["eleven_metrics"] = refused(
            lambda: streams.stream(
                "m", content_state=content_state("M", type="metrics", metrics=[*ten, metric("x", 1)])
            )
        )
        out["metrics_sent"] = [len(r.json["content_state"]["metrics"]) for r in server.requests]
        server.reset()

        from activitysmith_client.api.health import get_health

        health = get_health.sync_detailed(client=client.low_level)
        out["health_low_level"] = [health.status_code, health.parsed.to_dict()]

    out["health_without_key"] = [
        (r.status_code, r.json()) for r in [httpx.get(server.base_url + "/health")]
    ][0]
    from activitysmith._generated.operations import GET_HEALTH, SEND_PING

    out["defaults"] = {
        op.operation_id: [op.needs_key, op.repeat_visible, op.feature] for op in (GET_HEALTH, SEND_PING)
    }
    with ActivitySmith(api_key=server.api_key, base_url=server.base_url) as client:
        pong = client._request(SEND_PING, (), None, {"note": "hi"})
        out["ping"] = [type(pong).__name__, pong.ok, server.requests[-1].json]
        out["ping_too_long"] = refused(lambda: client._request(SEND_PING, (), None, {"note": "x" * 9}))
    out["push_without_key"] = httpx.post(
        server.base_url + "/push-notification", json={"title": "x"}
    ).status_code
    # The server's own validators, compiled from the copy's spec, check what the facade skips.
    auth = {"Authorization": "Bearer " + server.api_key}
    raw = [
        ("/ping", {"note": "x" * 9}),
        ("/ping", {"note": "x" * 8}),
        ("/push-notification", {"title": "x", "thread_id": "t" * 65}),
        ("/push-notification", {"title": "x", "thread_id": "t" * 64}),
    ]
    out["server_checks"] = []
    for path, body in raw:
        answer = httpx.post(server.base_url + path, json=body, headers=auth)
        out["server_checks"].append([answer.status_code, answer.json().get("message", "")])
    out["internal_errors"] = server.internal_errors
    server.reset()

    from activitysmith.cli import main
    from activitysmith.cli._parser import build_parser

    os.environ["ACTIVITYSMITH_API_KEY"] = server.api_key
    os.environ["ACTIVITYSMITH_BASE_URL"] = server.base_url
    codes = []
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        codes.append(main(["push", "--title", "x", "--thread-id", "t9"]))
        codes.append(main(["stream", "c", "--type", "progress", "--title", "x", "--percentage", "3",
                           "--priority", "7"]))
        codes.append(main(["stream", "c", "--title", "x",
                           *[arg for i in range(10) for arg in ("--metric", f"m{i}={i}")]]))
        codes.append(main(["stream", "c", "--title", "x", "--priority", "11"]))
        codes.append(main(["push", "--title", "x", "--thread-id", "t" * 65]))
    out["cli_codes"] = codes
    out["cli_sent"] = sent()
    helps = {}
    for command in ("push", "stream", "end-stream"):
        parser = build_parser()
        with contextlib.redirect_stdout(io.StringIO()) as text, contextlib.suppress(SystemExit):
            parser.parse_args([command, "--help"])
        helps[command] = text.getvalue()
    out["help"] = helps

print(json.dumps(out))
"""


@pytest.fixture(scope="module")
def probe(copy: Path) -> dict[str, Any]:
    """What the regenerated package does, driven from a fresh interpreter."""
    env = {**os.environ, "PYTHONPATH": str(copy)}
    env.pop("ACTIVITYSMITH_API_KEY", None)
    output = _run(sys.executable, "-c", PROBE, cwd=copy, env=env)
    result: dict[str, Any] = json.loads(output.strip().splitlines()[-1])
    return result


def test_the_generators_write_everything_in_one_pass(copy: Path) -> None:
    _run(sys.executable, "-m", "scripts.codegen", "--root", copy, "--check", cwd=copy)
    _run(sys.executable, "-m", "scripts.unasync", "--root", copy, "--check", cwd=copy)
    assert (copy / "activitysmith_client" / "api" / "health" / "get_health.py").is_file()


def test_a_new_push_field_is_sent_in_the_dict_and_keyword_forms(probe: dict[str, Any]) -> None:
    assert probe["thread_id_sent"] == [
        {"title": "x", "thread_id": "t1"},
        {"title": "x", "thread_id": "t2"},
    ]


def test_out_of_bounds_values_are_refused_before_sending_naming_the_field(
    probe: dict[str, Any],
) -> None:
    assert probe["thread_id_65"] == ["thread_id", "must be at most 64 characters, got 65"]
    assert probe["thread_id_65_dict"] == probe["thread_id_65"]
    assert probe["tag_33"] == ["tags[0]", "must be at most 32 characters, got 33"]
    assert probe["priority_11"] == ["content_state.priority", "must be <= 10, got 11"]
    assert probe["eleven_metrics"] == [  # refused by content_state() itself, before the call
        "metrics",
        "must have at most 10 items, got 11",
    ]
    assert probe["sent_after_refusals"] == 2


def test_a_new_content_state_field_reaches_the_helper_track_and_progress(
    probe: dict[str, Any],
) -> None:
    def priorities(key: str) -> list[tuple[str, int]]:
        return [
            (method, body["content_state"]["priority"])
            for method, path, body in probe["priority_sent"]
            if path == f"/api/live-activity/stream/{key}"
        ]

    first = probe["priority_sent"][0][2]["content_state"]
    assert first == {"title": "Deploy", "type": "progress", "percentage": 5, "priority": 3}
    assert priorities("k") == [("PUT", 3), ("PUT", 10)]
    tracked = priorities("t")
    assert tracked[0] == ("PUT", 4)
    assert tracked[-1] == ("DELETE", 5)  # the final state carries the update
    assert {priority for _, priority in priorities("p")} == {2}
    assert probe["track_priority_12"] == ["content_state.priority", "must be <= 10, got 12"]
    assert probe["progress_priority_12"] == probe["track_priority_12"]


def test_a_raised_limit_is_followed_by_the_facade_and_track(probe: dict[str, Any]) -> None:
    assert probe["metrics_sent"][:2] == [10, 10]


def test_a_new_operation_is_callable_and_answered_without_a_key(probe: dict[str, Any]) -> None:
    assert probe["health_low_level"] == [200, {"status": "ok"}]
    assert probe["health_without_key"] == [200, {"status": "ok"}]
    assert probe["push_without_key"] == 401


def test_an_operation_without_our_extensions_gets_the_safe_defaults(probe: dict[str, Any]) -> None:
    # GET is safe by HTTP's definition; a POST may show twice, so it is never retried once sent.
    assert probe["defaults"] == {
        "getHealth": [False, False, "default"],
        "sendPing": [True, True, "default"],
    }
    assert probe["ping"] == ["PongResult", True, {"note": "hi"}]  # typed, and answered
    assert probe["ping_too_long"] == ["note", "must be at most 8 characters, got 9"]


def test_the_local_server_validates_with_the_changed_spec(probe: dict[str, Any]) -> None:
    [long_ping, ping, long_thread, thread] = probe["server_checks"]
    assert long_ping[0] == 400 and long_ping[1].startswith("note: ")
    assert long_thread[0] == 400 and long_thread[1].startswith("thread_id: ")
    assert [ping[0], thread[0]] == [200, 200]
    assert probe["internal_errors"] == []


def test_the_cli_has_a_flag_for_each_new_field(probe: dict[str, Any]) -> None:
    assert probe["cli_codes"] == [0, 0, 0, 2, 2]
    assert probe["cli_sent"] == [
        {"title": "x", "thread_id": "t9"},
        {"content_state": {"title": "x", "type": "progress", "percentage": 3, "priority": 7}},
        {"content_state": {"title": "x", "metrics": [{"label": f"m{i}", "value": i} for i in range(10)]}},
    ]  # fmt: skip
    assert "--thread-id TEXT" in probe["help"]["push"]
    assert "Groups the notifications of one conversation" in probe["help"]["push"]
    assert "--priority 0-10" in probe["help"]["stream"]
    assert "--priority 0-10" in probe["help"]["end-stream"]
    assert "repeat for up to 10" in probe["help"]["stream"]


def test_the_typeddicts_follow_and_nested_typos_are_type_errors(copy: Path) -> None:
    snippet = copy / "snippet.py"
    snippet.write_text(
        textwrap.dedent(
            """\
            from activitysmith import ActivitySmith, content_state

            client = ActivitySmith(api_key="ask_x")
            client.notifications.send(title="x", thread_id="t1")
            client.live_activities.stream("k", content_state={"title": "x", "priority": 3})
            client.live_activities.stream("k", content_state=content_state("x", priority=3))
            client.live_activities.track("k", title="x", priority=3)
            client.live_activities.stream("k", content_state={"title": "x", "priorty": 3})
            """
        )
    )
    result = subprocess.run(
        [BIN / "mypy", "--strict", "--no-incremental", "--cache-dir", copy / ".mypy", snippet],
        cwd=copy,
        env={**os.environ, "MYPYPATH": str(copy)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    errors = [line for line in result.stdout.splitlines() if ": error:" in line]
    assert [line.split(":")[1] for line in errors] == ["8"], result.stdout
