"""A first push imports only what it uses: the generated models, result classes and error
models load on first use (custom generator templates and the facade's generated tables), the
client's resources on first use, and no attrs at all (the models are plain classes); string
patterns compile when first checked."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from activitysmith import ActivitySmith
from activitysmith._rules import compile_schema, ecma_pattern
from activitysmith.testing import ActivitySmithServer

PROBE = """
import json, sys
from activitysmith import ActivitySmith
with ActivitySmith(api_key=sys.argv[1], base_url=sys.argv[2]) as client:
    sent = client.notifications.send(title="lazy", message="imports")
loaded = sorted(m for m in sys.modules if m.startswith("activitysmith_client"))
attrs_loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("attr", "attrs"))
import activitysmith_client.models as models
print(json.dumps({
    "loaded": loaded,
    "attrs_loaded": attrs_loaded,
    "ours": sorted(m for m in sys.modules if m.startswith("activitysmith.")),
    "result": type(sent).__name__,
    "eager_names": sorted(n for n in ("ActionType", "ServerError") if n in vars(models)),
}))
"""


def test_a_first_push_imports_only_its_own_models(
    activitysmith_server: ActivitySmithServer,
) -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, activitysmith_server.api_key, activitysmith_server.base_url],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    loaded = set(found["loaded"])
    assert found["result"] == "PushNotificationResult"
    assert "activitysmith_client.models.push_notification_response" in loaded
    # Neither the request model (the body is sent as validated), nor other operations'
    # models, nor error models (no error happened), nor the generated client classes were
    # imported.
    # Nor the resources the push did not use.
    for absent in ("activitysmith._sync._live_activities", "activitysmith._sync._metrics"):
        assert absent not in found["ours"], absent
    assert "activitysmith._sync._notifications" in found["ours"]
    for absent in (
        "activitysmith_client.models.push_notification_request",
        "activitysmith_client.models.live_activity_end_response",
        "activitysmith_client.models.metric_value_update_response",
        "activitysmith_client.models.server_error",
        "activitysmith_client.models.bad_request_error",
        "activitysmith_client.client",
    ):
        assert absent not in loaded, absent
    assert found["eager_names"] == []
    # The generated models are plain classes: attrs (about 20 ms to import) is left for the
    # generated client classes behind `client.low_level`.
    assert found["attrs_loaded"] == []


def test_lazy_names_still_resolve_and_errors_still_parse(
    activitysmith_server: ActivitySmithServer,
) -> None:
    import activitysmith_client
    import activitysmith_client.models as models

    assert models.ServerError.__name__ == "ServerError"
    assert "ServerError" in dir(models)
    assert activitysmith_client.AuthenticatedClient.__name__ == "AuthenticatedClient"
    from activitysmith._generated import results

    assert results.PushNotificationResult is results.PushNotificationResult
    assert results.PushNotificationResult.__module__ == "activitysmith._generated.results"


def _no_refs(name: str) -> Any:
    raise AssertionError(f"no $ref expected, got {name}")


def test_every_pattern_of_the_spec_compiles() -> None:
    """Patterns are compiled when a value is first checked against them; one the engine
    cannot read must still fail here, not when a user first sends that field."""
    spec = yaml.safe_load((Path(__file__).resolve().parents[2] / "openapi.yaml").read_text())
    patterns: list[str] = []

    def collect(node: object) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("pattern"), str) and node.get("type", "string") == "string":
                patterns.append(node["pattern"])
            for value in node.values():
                collect(value)
        elif isinstance(node, list):
            for value in node:
                collect(value)

    collect(spec["components"])
    collect(spec["paths"])
    assert len(patterns) >= 10
    for pattern in patterns:
        ecma_pattern(pattern)
    unreadable = compile_schema({"type": "string", "pattern": "[]a]"}, resolve=_no_refs)
    with pytest.raises(ValueError, match="unsupported pattern"):
        unreadable.check("a", "v")


def test_the_resources_of_a_raw_response_view_are_its_own(
    activitysmith_server: ActivitySmithServer,
) -> None:
    with ActivitySmith(
        api_key=activitysmith_server.api_key, base_url=activitysmith_server.base_url
    ) as client:
        assert client.notifications is client.notifications
        raw = client.with_raw_response
        assert raw.notifications is not client.notifications
        answer = raw.notifications.send(title="raw", message="view")
        assert answer.status_code == 200
        assert type(answer.parse()).__name__ == "PushNotificationResult"
        sent = client.notifications.send(title="typed", message="result")
        assert type(sent).__name__ == "PushNotificationResult"
        assert client.with_options(timeout=5).live_activities is not client.live_activities
