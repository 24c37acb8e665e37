"""The facade's effective rules are the spec's: walked from openapi.yaml, checked by behaviour.

For every request body the spec defines, each field's bounds, enums, required list and
closed object are probed through the very code the clients run (`build_body` and the
path checks), so a rule written by hand anywhere on that path, one that disagrees with
openapi.yaml, fails here. The same walk checks the operation table, the local server's
routes and budgets, the helpers' parameters, the tracker options, the TypedDicts, the
public enums and the command line's flags against the spec.
"""

from __future__ import annotations

import copy
import inspect
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator

import activitysmith
from activitysmith import ValidationError
from activitysmith._generated import params
from activitysmith._generated.operations import BUDGETS, DEFAULT_BUDGET, OPERATIONS
from activitysmith._operations import Operation, build_body, find
from activitysmith._ratelimit import RateLimiter
from activitysmith.cli._generated import BODY, CONTENT_STATE
from activitysmith.cli._parser import build_parser
from activitysmith.testing import RateLimits
from activitysmith.testing._routes import match

ROOT = Path(__file__).resolve().parents[2]
SPEC: dict[str, Any] = yaml.safe_load((ROOT / "openapi.yaml").read_text())
SCHEMAS: dict[str, Any] = SPEC["components"]["schemas"]
METHODS = ("get", "put", "post", "delete", "patch", "head", "options")


def _operations() -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (method.upper(), path, op)
        for path, item in SPEC["paths"].items()
        for method, op in item.items()
        if method in METHODS
    ]


def _resolve(schema: Any) -> dict[str, Any]:
    while isinstance(schema, dict) and "$ref" in schema:
        schema = SCHEMAS[schema["$ref"].rsplit("/", 1)[-1]]
    return schema if isinstance(schema, dict) else {}


def _table(operation_id: str) -> Operation[Any]:
    return next(op for op in OPERATIONS if op.operation_id == operation_id)


def _request_examples(op: dict[str, Any]) -> list[Any]:
    media = op["requestBody"]["content"]["application/json"]
    if "example" in media:
        return [media["example"]]
    return [example["value"] for example in media["examples"].values()]


def _minimal(schema: Any) -> Any:
    """A small value of `schema`'s type (its required fields, the least of each bound)."""
    resolved = _resolve(schema)
    if "enum" in resolved:
        return resolved["enum"][0]
    if "oneOf" in resolved or "anyOf" in resolved:
        return _minimal((resolved.get("oneOf") or resolved["anyOf"])[0])
    kind = resolved.get("type")
    if kind == "object" or "properties" in resolved:
        properties = resolved.get("properties", {})
        return {name: _minimal(properties.get(name, {})) for name in resolved.get("required", [])}
    if kind == "array":
        return [_minimal(resolved.get("items", {})) for _ in range(resolved.get("minItems", 0))]
    if kind == "string":
        return "https://example.com/x" if "pattern" in resolved else "a"
    if kind in ("integer", "number"):
        return resolved.get("minimum", 1)
    if kind == "boolean":
        return True
    return "a"


# --- the operation table and the local server's routes ------------------------------------


@pytest.mark.parametrize(("method", "path", "op"), _operations(), ids=lambda v: str(v)[:40])
def test_every_operation_has_a_table_entry_and_a_route(
    method: str, path: str, op: dict[str, Any]
) -> None:
    entry = _table(op["operationId"])
    security = op.get("security", SPEC.get("security", []))
    assert (entry.method, entry.path) == (method, path)
    assert entry.needs_key == (bool(security) and all(security))
    visible = op.get("x-activitysmith-repeat-visible", method not in ("GET", "HEAD", "OPTIONS"))
    assert entry.repeat_visible is visible
    assert entry.feature == op.get("x-activitysmith-rate-limit", "default")
    concrete = path.replace("{", "").replace("}", "")  # each parameter gets its own name
    found = find(method, concrete)
    assert found is not None and found[0] is entry
    route = match(method, "/api" + concrete)
    assert route is not None and route.operation == op["operationId"]
    assert len(OPERATIONS) == len(_operations())


def test_budgets_are_the_specs_in_the_client_and_the_server() -> None:
    limits = SPEC["x-activitysmith-rate-limits"]
    assert limits["features"] == BUDGETS
    assert limits["default"] == DEFAULT_BUDGET
    limiter, server = RateLimiter(), RateLimits()
    for feature, budget in limits["features"].items():
        assert limiter.budgets[feature] == budget
        assert server.budget(feature) == budget


def test_the_readme_states_the_specs_budgets() -> None:
    readme = (ROOT / "README.md").read_text()
    names = {
        "notifications": "notifications",
        "live-activities": "Live Activities",
        "metrics": "metric values",
        "badges": "badge counts",
    }
    for feature, budget in BUDGETS.items():
        assert f"{budget} for {names[feature]}" in readme, feature


def test_retry_safety_is_the_specs() -> None:
    visible = {
        op["operationId"] for _, _, op in _operations() if op.get("x-activitysmith-repeat-visible")
    }
    assert visible == {"sendPushNotification", "startLiveActivity"}
    assert {op.operation_id for op in OPERATIONS if op.repeat_visible} == visible


# --- each field's rules, probed through build_body ------------------------------------------

Case = tuple[str, Any, str | None]  # label, body, the field a refusal must name (None: any)


def _set(body: Any, path: list[str | int], value: Any) -> Any:
    changed = copy.deepcopy(body)
    node = changed
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value
    return changed


def _delete(body: Any, path: list[str | int]) -> Any:
    changed = copy.deepcopy(body)
    node = changed
    for part in path[:-1]:
        node = node[part]
    del node[path[-1]]
    return changed


def _dotted(path: list[str | int]) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def _field_cases(body: Any, schema: Any, path: list[str | int]) -> Iterator[Case]:
    """Boundary values of one field (and of the fields inside it, as far as the example goes)."""
    resolved = _resolve(schema)
    where = _dotted(path)
    if "enum" in resolved:
        for value in resolved["enum"]:
            yield f"{where}={value!r}", _set(body, path, value), None
        yield f"{where} not in the enum", _set(body, path, "not-a-value"), where
        return
    kind = resolved.get("type")
    if kind == "string":
        free = not ({"pattern", "format", "x-activitysmith-not-blank"} & set(resolved))
        if "maxLength" in resolved:
            longest = resolved["maxLength"]
            if free:
                yield f"{where} at maxLength", _set(body, path, "a" * longest), None
            yield f"{where} over maxLength", _set(body, path, "a" * (longest + 1)), where
        if resolved.get("minLength", 0) > 0:
            yield f"{where} under minLength", _set(body, path, ""), where
    elif kind in ("integer", "number"):
        step = 1 if kind == "integer" else 0.5
        for key, inside, outside in (
            ("minimum", 0, -step),
            ("maximum", 0, step),
            ("exclusiveMinimum", step, 0),
            ("exclusiveMaximum", -step, 0),
        ):
            if key in resolved:
                bound = resolved[key]
                yield f"{where} {key} inside", _set(body, path, bound + inside), None
                yield f"{where} {key} outside", _set(body, path, bound + outside), where
    elif kind == "array":
        current = _get(body, path)
        items = current if isinstance(current, list) and current else None
        if items is None:
            items = [_minimal(resolved.get("items", {}))]
            body = _set(body, path, items)
        if "maxItems" in resolved:
            most = resolved["maxItems"]
            yield f"{where} at maxItems", _set(body, path, [items[0]] * most), None
            yield f"{where} over maxItems", _set(body, path, [items[0]] * (most + 1)), where
        if resolved.get("minItems", 0) > 0:
            yield f"{where} under minItems", _set(body, path, []), where
        yield from _field_cases(body, resolved.get("items", {}), [*path, 0])
    elif kind == "object" or "properties" in resolved:
        yield from _object_cases(body, resolved, path)


def _get(body: Any, path: list[str | int]) -> Any:
    node = body
    for part in path:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return None
    return node


def _object_cases(body: Any, schema: dict[str, Any], path: list[str | int]) -> Iterator[Case]:
    value = _get(body, path)
    if not isinstance(value, dict):
        return
    where = _dotted(path)
    for name in schema.get("required", []):
        if name in value:
            yield f"{where} without {name}", _delete(body, [*path, name]), _dotted([*path, name])
    if schema.get("additionalProperties") is False:
        unknown = _dotted([*path, "not_in_the_spec"])
        yield f"{where} with an unknown field", _set(body, [*path, "not_in_the_spec"], 1), unknown
    for name, sub in (schema.get("properties") or {}).items():
        if name in value:
            yield from _field_cases(body, sub, [*path, name])
            continue
        # The field is known: a wrong type is refused as such, not as an unknown field.
        here = _dotted([*path, name])
        yield f"{here} is a field", _set(body, [*path, name], object()), here
        # And its own rules hold when it is added to the example.
        yield from _field_cases(_set(body, [*path, name], _minimal(sub)), sub, [*path, name])


def _body_cases() -> list[Any]:
    cases = []
    for _, _, op in _operations():
        if "requestBody" not in op:
            continue
        schema = op["requestBody"]["content"]["application/json"]["schema"]
        seen: set[str] = set()
        for n, example in enumerate(_request_examples(op)):
            for label, body, field in _object_cases(example, _resolve(schema), []):
                if label in seen:
                    continue
                seen.add(label)
                name = f"{op['operationId']}:{label} (example {n + 1})"
                cases.append(pytest.param(op["operationId"], body, field, id=name))
    return cases


# Rules the spec states as x-activitysmith extensions (JSON Schema cannot): where only they
# refuse a body, a JSON Schema validator accepts it. Each is recognised by its message.
EXTENSION_MESSAGES = ("must be <= number_of_steps", "must not be empty", "as JSON, got")


def _spec_accepts(operation_id: str, body: Any) -> bool:
    """The verdict of a reference JSON Schema validator, on the spec itself."""
    op = next(op for _, _, op in _operations() if op["operationId"] == operation_id)
    schema = op["requestBody"]["content"]["application/json"]["schema"]
    validator = Draft202012Validator(
        {**schema, "components": SPEC["components"]},
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )
    try:
        return validator.is_valid(body)
    except TypeError:  # a value JSON cannot hold
        return False


def _names(refused: str, changed: str | None) -> bool:
    """Whether an error on `refused` is about the changed field (or an object holding it)."""
    if changed is None or refused == changed:
        return True
    return changed.startswith((refused + ".", refused + "[")) or refused == ""


def _refusal(entry: Operation[Any], body: Any) -> ValidationError | None:
    try:
        build_body(entry, None, body)
    except ValidationError as exc:
        return exc
    return None


@pytest.mark.parametrize(("operation_id", "body", "field"), _body_cases())
def test_each_field_is_checked_exactly_as_the_spec_says(
    operation_id: str, body: Any, field: str | None
) -> None:
    spec_accepts = _spec_accepts(operation_id, body)
    refused = _refusal(_table(operation_id), body)
    if refused is None:
        assert spec_accepts, "the facade accepts what the spec refuses"
    elif spec_accepts:
        assert any(text in refused.message for text in EXTENSION_MESSAGES), (
            f"the facade refuses what the spec allows: {refused}"
        )
    else:
        assert _names(refused.field, field), str(refused)
        unknown = field is not None and field.endswith("not_in_the_spec")
        assert ("is not a field" in refused.message) is unknown, str(refused)


def _path_cases() -> list[Any]:
    cases = []
    for _, _, op in _operations():
        for parameter in op.get("parameters", []):
            if parameter["in"] != "path":
                continue
            schema = parameter["schema"]
            name = parameter["name"]
            example = parameter.get("example", "a")
            cases.append(pytest.param(op["operationId"], name, example, None, id=f"{name} example"))
            if "maxLength" in schema:
                long = (example * schema["maxLength"])[: schema["maxLength"] + 1]
                cases.append(pytest.param(op["operationId"], name, long, name, id=f"{name} long"))
            if schema.get("minLength", 0) > 0:
                cases.append(pytest.param(op["operationId"], name, "", name, id=f"{name} empty"))
            if "pattern" in schema:
                cases.append(
                    pytest.param(op["operationId"], name, f"{example}\n", name, id=f"{name} $")
                )
    return cases


@pytest.mark.parametrize(("operation_id", "name", "value", "field"), _path_cases())
def test_path_parameters_are_checked_as_the_spec_says(
    operation_id: str, name: str, value: str, field: str | None
) -> None:
    entry = _table(operation_id)
    assert entry.path_params == (name,)
    if field is None:
        entry.check_path(value)
        return
    with pytest.raises(ValidationError) as info:
        entry.check_path(value)
    assert info.value.field == field


# --- the shapes that must list exactly the spec's fields -------------------------------------


def _properties(schema_name: str) -> list[str]:
    return list(_resolve(SCHEMAS[schema_name]).get("properties", {}))


def _content_state_schemas() -> list[str]:
    found = []
    for _, _, op in _operations():
        if "requestBody" not in op:
            continue
        body = _resolve(op["requestBody"]["content"]["application/json"]["schema"])
        ref = body.get("properties", {}).get("content_state", {}).get("$ref")
        if ref and ref.rsplit("/", 1)[-1] not in found:
            found.append(ref.rsplit("/", 1)[-1])
    return found


def test_typeddicts_list_every_field_of_every_request_and_nested_object() -> None:
    for _, _, op in _operations():
        if "requestBody" not in op:
            continue
        ref = op["requestBody"]["content"]["application/json"]["schema"]["$ref"]
        name = ref.rsplit("/", 1)[-1]
        typed = getattr(params, name.removesuffix("Request") + "Params")
        spec_fields = set(_properties(name))
        if "target" in spec_fields:
            spec_fields.add("channels")  # the shorthand
        assert set(typed.__annotations__) == spec_fields, name
    for name in ("ActivityMetric", "LiveActivityAction", "PushNotificationAction", "ChannelTarget"):
        assert set(getattr(params, f"{name}Params").__annotations__) == set(_properties(name))


def test_the_helpers_take_every_field_of_their_schema() -> None:
    union: list[str] = []
    for name in _content_state_schemas():
        union += [field for field in _properties(name) if field not in union]
    for helper, fields in (
        (activitysmith.content_state, union),
        (activitysmith.metric, _properties("ActivityMetric")),
        (activitysmith.action, _properties("LiveActivityAction")),
        (activitysmith.alert_icon, _properties("LiveActivityAlertIcon")),
        (activitysmith.alert_badge, _properties("LiveActivityAlertBadge")),
    ):
        named = {
            name
            for name, parameter in inspect.signature(helper).parameters.items()
            if parameter.kind is not parameter.VAR_KEYWORD  # `**unknown`: refused, by name
        }
        assert named == set(fields), helper.__name__


def test_track_and_progress_options_are_the_stream_fields() -> None:
    from activitysmith._tracking import ProgressOptions, TrackOptions, TrackUpdate

    stream_body = _properties("LiveActivityStreamRequest")
    state = _properties("StreamContentState")
    tracking = {"min_interval", "flush_timeout"}
    extras = set(stream_body) - {"content_state", "alert"}
    assert set(TrackOptions.__annotations__) == set(state) | extras | tracking
    assert set(TrackUpdate.__annotations__) == set(state) - {"type"}
    drawn = {"type", "number_of_steps", "current_step", "percentage", "value", "upper_limit"}
    own = {"total", "steps", "unit"}
    union = {field for name in _content_state_schemas() for field in _properties(name)}
    assert (
        set(ProgressOptions.__annotations__)
        == (union - drawn - {"metrics"}) | extras | tracking | own
    )


def test_public_enums_are_the_specs() -> None:
    for enum, schema in (
        (activitysmith.Color, "LiveActivityColor"),
        (activitysmith.LiveActivityType, "LiveActivityType"),
        (activitysmith.InterruptionLevel, "PushInterruptionLevel"),
        (activitysmith.ActionType, "ActionType"),
        (activitysmith.WebhookMethod, "WebhookMethod"),
        (activitysmith.StreamOperation, "StreamOperation"),
        (activitysmith.StreamDeleteOperation, "StreamDeleteOperation"),
    ):
        assert sorted(member.value for member in enum) == sorted(SCHEMAS[schema]["enum"])
        assert enum.__module__.startswith("activitysmith_client.models")


# --- the command line ---------------------------------------------------------------------

SHORTHANDS = {"target": "--channels", "tags": "--tag", "content_state": "--content-state"}
STATE_SHORTHANDS = {"metrics": "--metric"}
POSITIONAL = {"updateMetricValue": {"value"}, "updateAppIconBadgeCount": {"badge"}}


def _commands() -> dict[str, Any]:
    import argparse

    parser = build_parser()
    [commands] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(commands.choices)


def test_every_request_and_content_state_field_has_a_flag() -> None:
    from activitysmith.cli._parser import OPERATIONS as COMMANDS

    parsers = _commands()
    for command, operation_id in COMMANDS.items():
        options = {
            option: action
            for action in parsers[command]._actions
            for option in action.option_strings
        }
        op = next(op for _, _, op in _operations() if op["operationId"] == operation_id)
        ref = op["requestBody"]["content"]["application/json"]["schema"]["$ref"]
        body = _resolve(SCHEMAS[ref.rsplit("/", 1)[-1]])
        for name, sub in body["properties"].items():
            if name in POSITIONAL.get(operation_id, ()):
                continue
            resolved = _resolve(sub)
            if set(resolved.get("properties", {})) and all(
                _resolve(p).get("type") in ("string", "number", "integer", "boolean")
                for p in resolved["properties"].values()
            ):  # an object of scalars: a flag per field (`--alert-title`)
                for part in resolved["properties"]:
                    assert f"--{name}-{part}".replace("_", "-") in options, (command, name, part)
                continue
            flag = SHORTHANDS.get(name, "--" + name.replace("_", "-"))
            if name == "actions":
                flag = "--actions"
            assert flag in options, (command, name)
            if "enum" in resolved:
                assert list(options[flag].choices) == resolved["enum"], (command, name)
        state_ref = body["properties"].get("content_state", {}).get("$ref")
        if state_ref is None:
            continue
        state = _resolve(SCHEMAS[state_ref.rsplit("/", 1)[-1]])
        for name, sub in state["properties"].items():
            flag = STATE_SHORTHANDS.get(name, "--" + name.replace("_", "-"))
            assert flag in options, (command, "content_state", name)
            resolved = _resolve(sub)
            if "enum" in resolved:
                assert list(options[flag].choices) == resolved["enum"], (command, name)
            if "maxItems" in resolved:
                assert f"up to {resolved['maxItems']}" in options[flag].help


def test_the_flag_table_is_the_specs() -> None:
    for _, _, op in _operations():
        if "requestBody" not in op:
            continue
        ref = op["requestBody"]["content"]["application/json"]["schema"]["$ref"]
        fields = {flag.field for flag in BODY[op["operationId"]] if "." not in flag.field}
        assert fields == set(_properties(ref.rsplit("/", 1)[-1]))
        if op["operationId"] in CONTENT_STATE:
            state_ref = _resolve(SCHEMAS[ref.rsplit("/", 1)[-1]])["properties"]["content_state"]
            name = state_ref["$ref"].rsplit("/", 1)[-1]
            assert [f.field for f in CONTENT_STATE[op["operationId"]]] == _properties(name)
