"""Exit codes 0/1/2/3, what goes to stderr, the --json error object, and the key never shown."""

from __future__ import annotations

import json

import pytest

from activitysmith import __version__
from activitysmith.testing import ActivitySmithServer, Fault

from .conftest import Cli, clean_env, run_cli


def test_api_error_exits_1_with_status_and_message_on_stderr(cli: Cli) -> None:
    result = cli("end-stream", "ghost")

    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == (
        "activitysmith: error: API error 404: Live Activity stream not found: "
        "No Live Activity stream with key 'ghost'\n"
    )


def test_api_error_with_json_prints_an_error_object_on_stdout(cli: Cli) -> None:
    result = cli("metric", "no.such.metric", "1", "--json")

    assert result.returncode == 1
    assert json.loads(result.stdout) == {
        "error": {
            "type": "api",
            "status": 404,
            "error": "Metric not found",
            "message": "No metric with key 'no.such.metric'; create it in the web app first",
            "body": {
                "error": "Metric not found",
                "message": "No metric with key 'no.such.metric'; create it in the web app first",
            },
            "exit_code": 1,
        }
    }
    assert result.stderr.startswith("activitysmith: error: API error 404: Metric not found: ")


def test_server_error_exits_1_after_the_retries_it_was_given(
    cli: Cli, activitysmith_server: ActivitySmithServer
) -> None:
    activitysmith_server.inject(Fault.server_error(503), times=2, path="/badge")

    result = cli("badge", "1", "--retries", "0")

    assert result.returncode == 1
    assert result.stderr == (
        "activitysmith: error: API error 503: Service Unavailable: Injected server error\n"
    )
    assert [r.status for r in activitysmith_server.requests] == [503]


def test_usage_error_exits_2_with_argparse_usage_and_sends_nothing(
    cli: Cli, activitysmith_server: ActivitySmithServer
) -> None:
    result = cli("push", "--message", "no title")

    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith("usage: activitysmith push ")
    assert result.stderr.endswith(
        "activitysmith push: error: the following arguments are required: --title\n"
    )
    assert activitysmith_server.requests == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["stream", "k", "--metric", "CPU"],
            "argument --metric: expected LABEL=VALUE, e.g. CPU=9%, got 'CPU'",
        ),
        (
            ["stream", "k", "--content-state", "{not json"],
            "argument --content-state: the value is not valid JSON: "
            "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)",
        ),
        (["badge", "many"], "argument COUNT: expected a whole number, got 'many'"),
        (
            ["push", "--title=x", "--metadata", "nokey"],
            "argument --metadata: expected key=value or key:=JSON, got 'nokey'",
        ),
    ],
)
def test_usage_error_with_json_prints_an_error_object(
    cli_in_process: Cli, args: list[str], message: str
) -> None:
    result = cli_in_process("--json", *args)

    assert result.returncode == 2
    assert json.loads(result.stdout) == {
        "error": {"type": "usage", "message": message, "exit_code": 2}
    }
    assert result.stderr.endswith(f"error: {message}\n")


def test_sdk_validation_error_exits_2_naming_the_field_and_sends_nothing(
    cli_in_process: Cli, activitysmith_server: ActivitySmithServer
) -> None:
    result = cli_in_process(
        "stream", "import", "--type=progress", "--title=Import", "--percentage=140"
    )
    as_json = cli_in_process(
        "stream", "import", "--type=progress", "--title=Import", "--percentage=140", "--json"
    )

    assert (result.returncode, as_json.returncode) == (2, 2)
    assert result.stdout == ""
    assert result.stderr == (
        "activitysmith: error: invalid content_state.percentage: must be <= 100, got 140\n"
    )
    assert json.loads(as_json.stdout) == {
        "error": {
            "type": "validation",
            "field": "content_state.percentage",
            "message": "must be <= 100, got 140",
            "exit_code": 2,
        }
    }
    assert activitysmith_server.requests == []


def test_missing_api_key_exits_2_and_says_how_to_set_it() -> None:
    result = run_cli("badge", "1", env=clean_env(), timeout=30)

    assert result.returncode == 2
    assert result.stderr == (
        "activitysmith: error: no API key: set ACTIVITYSMITH_API_KEY or pass --api-key "
        "(create a key in the ActivitySmith web app)\n"
    )


def test_unreachable_api_exits_3_with_a_network_error_object(closed_port_url: str) -> None:
    env = clean_env(ACTIVITYSMITH_API_KEY="ask_k", ACTIVITYSMITH_BASE_URL=closed_port_url)

    result = run_cli("badge", "1", "--retries", "0", "--json", env=env)

    assert result.returncode == 3
    error = json.loads(result.stdout)["error"]
    assert error["type"] == "network"
    assert error["exit_code"] == 3
    assert "Connection refused" in error["message"]
    assert result.stderr.startswith("activitysmith: error: Connection failed: ")
    assert result.stderr.endswith(f" (POST {closed_port_url}/badge)\n")


def test_timeout_exits_3_with_a_timeout_error_object(
    cli: Cli, activitysmith_server: ActivitySmithServer
) -> None:
    activitysmith_server.inject(Fault.hang(3), path="/badge")

    result = cli("badge", "1", "--timeout", "0.3", "--retries", "0", "--json")

    assert result.returncode == 3
    error = json.loads(result.stdout)["error"]
    assert (error["type"], error["exit_code"]) == ("timeout", 3)
    assert error["message"].startswith("Request timed out")


def test_the_api_key_is_never_printed(
    activitysmith_server: ActivitySmithServer, closed_port_url: str
) -> None:
    secret = "ask_live_s3cr3t_value_never_shown"
    wrong_key = clean_env(ACTIVITYSMITH_BASE_URL=activitysmith_server.base_url)
    outputs = [
        run_cli("push", "--title", "x", "--api-key", secret, env=wrong_key),
        run_cli("push", "--title", "x", "--api-key", secret, "--json", env=wrong_key),
        run_cli(
            "badge",
            "1",
            "--retries=0",
            "--json",
            "--api-key",
            secret,
            "--base-url",
            closed_port_url,
            env=clean_env(),
        ),
    ]

    assert [r.returncode for r in outputs] == [1, 1, 3]
    assert (
        outputs[0].stderr == "activitysmith: error: API error 401: Unauthorized: Invalid API key\n"
    )
    for result in outputs:
        assert secret not in result.stdout + result.stderr
        assert "s3cr3t" not in result.stdout + result.stderr


def test_version_prints_the_package_version() -> None:
    result = run_cli("--version", env=clean_env())

    assert (result.returncode, result.stdout) == (0, f"activitysmith {__version__}\n")
