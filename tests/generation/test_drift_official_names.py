"""The official package's names and the Live Activity limit come from openapi.yaml.

`TYPE_*` on `live_activities`, the content-state fields accepted at the top level (and their
TypedDicts), the generated-style method names and the local server's per-device limit are
all derived from the spec; these tests walk the spec and compare.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from activitysmith import ActivitySmith
from activitysmith._call_forms import _snake, liftable_fields, operation_alias
from activitysmith._generated.enum_names import LiveActivityTypeNames
from activitysmith._generated.examples import LIVE_ACTIVITY_LIMIT
from activitysmith._generated.operations import OPERATIONS
from activitysmith.testing._live_activities import LiveActivityStore

ROOT = Path(__file__).resolve().parents[2]
SPEC: dict[str, Any] = yaml.safe_load((ROOT / "openapi.yaml").read_text())
SCHEMAS: dict[str, Any] = SPEC["components"]["schemas"]


def test_type_constants_are_the_specs_live_activity_types() -> None:
    names = {name: value for name, value in vars(LiveActivityTypeNames).items() if name.isupper()}

    assert list(names.values()) == SCHEMAS["LiveActivityType"]["enum"]
    assert all(name == "TYPE_" + value.upper() for name, value in names.items())


def test_the_local_servers_limit_is_the_specs_and_the_429_examples_agree() -> None:
    limit = SPEC["x-activitysmith-live-activity-limit"]
    shown = [
        example["value"]
        for item in SPEC["paths"].values()
        for op in item.values()
        if isinstance(op, dict) and "429" in op.get("responses", {})
        for example in op["responses"]["429"]["content"]["application/json"]
        .get("examples", {})
        .values()
        if "limit" in example["value"]
    ]

    assert limit == LIVE_ACTIVITY_LIMIT
    assert LiveActivityStore.__init__.__kwdefaults__["limit"] == limit
    assert shown  # the spec shows the limit's 429
    assert all(value["limit"] == value["active"] == limit for value in shown)


def test_top_level_fields_are_each_content_states_own_fields() -> None:
    for op in OPERATIONS:
        request = SCHEMAS[op.request["$ref"].rsplit("/", 1)[-1]] if op.request else {}
        state = request.get("properties", {}).get("content_state")
        if state is None:
            continue
        state_fields = set(SCHEMAS[state["$ref"].rsplit("/", 1)[-1]]["properties"])
        request_fields = set(request["properties"]) | {"channels"}
        assert liftable_fields(op) == state_fields - request_fields, op.operation_id


def test_alias_names_are_the_operation_ids_and_request_names_the_schemas() -> None:
    client = ActivitySmith("ask_test", base_url="http://127.0.0.1:9/api")
    aliases = {
        alias.op.operation_id: (name, alias.request_keyword)
        for resource in (client.notifications, client.live_activities, client.metrics)
        for name, alias in vars(type(resource)).items()
        if isinstance(alias, operation_alias)
    }
    for op in OPERATIONS:
        if op.operation_id not in aliases:
            continue
        schema = op.request["$ref"].rsplit("/", 1)[-1]
        snake = "".join(f"_{c.lower()}" if c.isupper() else c for c in op.operation_id)
        assert aliases[op.operation_id] == (snake, _snake(schema))
