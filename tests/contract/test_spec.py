"""openapi.yaml is a valid OpenAPI 3.1 document that covers the whole API."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    return yaml.safe_load((ROOT / "openapi.yaml").read_text())


def test_spec_is_valid_openapi_3_1(spec: dict[str, Any]) -> None:
    assert spec["openapi"].startswith("3.1")
    validate(spec)


def test_spec_declares_the_nine_operations(spec: dict[str, Any]) -> None:
    operations = {
        (method.upper(), path): op["operationId"]
        for path, item in spec["paths"].items()
        for method, op in item.items()
        if isinstance(op, dict) and "operationId" in op
    }
    assert operations == {
        ("POST", "/push-notification"): "sendPushNotification",
        ("PUT", "/push-notification/{notification_id}"): "replacePushNotification",
        ("PUT", "/live-activity/stream/{stream_key}"): "reconcileLiveActivityStream",
        ("DELETE", "/live-activity/stream/{stream_key}"): "endLiveActivityStream",
        ("POST", "/live-activity/start"): "startLiveActivity",
        ("POST", "/live-activity/update"): "updateLiveActivity",
        ("POST", "/live-activity/end"): "endLiveActivity",
        ("POST", "/metrics/{key}/value"): "updateMetricValue",
        ("POST", "/badge"): "updateAppIconBadgeCount",
    }
    assert [server["url"] for server in spec["servers"]] == ["https://activitysmith.com/api"]
    assert spec["security"] == [{"apiKeyAuth": []}]


def _operations(spec: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (method, path, op)
        for path, item in spec["paths"].items()
        for method, op in item.items()
        if isinstance(op, dict) and "operationId" in op
    ]


def test_every_operation_has_one_tag_and_every_documented_status(spec: dict[str, Any]) -> None:
    for method, path, op in _operations(spec):
        assert len(op["tags"]) == 1, (method, path)
        statuses = set(op["responses"])
        assert {"200", "400", "401", "403", "404", "429", "5XX"} <= statuses, (method, path)
        for status, response in op["responses"].items():
            schema = response["content"]["application/json"]["schema"]
            branches = schema.get("oneOf", [schema])
            assert all(set(branch) == {"$ref"} for branch in branches), (method, path, status)


@pytest.mark.parametrize(
    ("path", "method", "extra"),
    [
        ("/push-notification", "post", {"402", "422"}),
        ("/push-notification/{notification_id}", "put", {"402", "409", "422"}),
        ("/live-activity/stream/{stream_key}", "put", {"402", "422"}),
        ("/live-activity/start", "post", {"402", "422"}),
        ("/badge", "post", {"402", "422", "502"}),
    ],
)
def test_newer_statuses_are_declared(
    spec: dict[str, Any], path: str, method: str, extra: set[str]
) -> None:
    assert extra <= set(spec["paths"][path][method]["responses"])


def _walk(node: Any) -> Any:
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)


def test_no_request_property_carries_a_default(spec: dict[str, Any]) -> None:
    assert not [node for node in _walk(spec["components"]["schemas"]) if "default" in node]


def test_shared_enums_are_defined_once(spec: dict[str, Any]) -> None:
    schemas = spec["components"]["schemas"]
    inline_enums = [
        node["enum"]
        for name, schema in schemas.items()
        for node in _walk(schema)
        if "enum" in node and node is not schema
    ]
    assert inline_enums == []
    assert schemas["LiveActivityColor"]["enum"] == [
        "lime", "green", "cyan", "blue", "purple", "magenta", "red", "orange", "yellow", "gray",
    ]  # fmt: skip
    assert schemas["PushInterruptionLevel"]["enum"] == ["passive", "active", "time-sensitive"]
    assert "value" in schemas["LiveActivityType"]["enum"]


def test_response_schemas_tolerate_new_fields(spec: dict[str, Any]) -> None:
    schemas = spec["components"]["schemas"]
    for name, schema in schemas.items():
        if name.endswith(("Response", "Error")):
            assert schema.get("additionalProperties", True) is not False, name


def _resolve(spec: dict[str, Any], ref: str) -> dict[str, Any]:
    node: Any = spec
    for part in ref.removeprefix("#/").split("/"):
        node = node[part]
    return node


def _examples(spec: dict[str, Any]) -> list[tuple[str, dict[str, Any], Any]]:
    found = []
    for method, path, op in _operations(spec):
        bodies = [("request", op.get("requestBody", {})), *op["responses"].items()]
        for where, holder in bodies:
            media = holder.get("content", {}).get("application/json", {})
            for name, example in media.get("examples", {}).items():
                label = f"{method} {path} {where} {name}"
                found.append((label, media["schema"], example["value"]))
    return found


def test_every_example_matches_its_schema(spec: dict[str, Any]) -> None:
    examples = _examples(spec)
    assert len(examples) >= 30
    for label, schema, value in examples:
        full = {**schema, "components": spec["components"]}
        errors = [e.message for e in Draft202012Validator(full).iter_errors(value)]
        assert errors == [], label


def test_every_operation_has_a_request_and_success_example(spec: dict[str, Any]) -> None:
    for method, path, op in _operations(spec):
        if "requestBody" in op:
            assert op["requestBody"]["content"]["application/json"].get("examples"), (method, path)
        assert op["responses"]["200"]["content"]["application/json"].get("examples"), (method, path)
