"""The request rules, the operation table, the result classes and the example answers."""

from __future__ import annotations

from typing import Any

from .render import docstring, first_sentence, header, literal
from .spec import (
    ANNOTATIONS,
    DEFAULT_FEATURE,
    EXTENSIONS,
    VALIDATING,
    Operation,
    Spec,
    SpecError,
    first_example,
    json_media,
    ref_name,
)

__all__ = ["compact", "emit_examples", "emit_operations", "emit_results", "emit_schemas"]

_SUBSCHEMA_KEYS = ("items", "additionalProperties", "propertyNames", "if", "then", "else", "not")
_SUBSCHEMA_LISTS = ("allOf", "anyOf", "oneOf")


def compact(schema: Any, where: str) -> Any:
    """`schema` with only what validates (keywords and our extensions); refs by name.

    Fails on a keyword the facade's engine does not know, so no rule is dropped silently.
    """
    if isinstance(schema, bool):
        return schema
    if not isinstance(schema, dict):
        raise SpecError(f"{where}: a schema must be an object or a boolean")
    out: dict[str, Any] = {}
    for key, value in schema.items():
        if key in ANNOTATIONS or (key.startswith("x-") and key not in EXTENSIONS):
            continue
        if key not in VALIDATING and key not in EXTENSIONS:
            raise SpecError(
                f"{where}: the facade cannot check the JSON Schema keyword {key!r}; "
                "teach activitysmith/_rules.py and scripts/codegen/spec.py about it"
            )
        if key == "$ref":
            out[key] = ref_name(value)
        elif key == "properties":
            out[key] = {name: compact(sub, f"{where}.{name}") for name, sub in value.items()}
        elif key in _SUBSCHEMA_KEYS:
            out[key] = compact(value, f"{where}/{key}") if isinstance(value, dict | bool) else value
        elif key in _SUBSCHEMA_LISTS:
            out[key] = [compact(sub, f"{where}/{key}[{i}]") for i, sub in enumerate(value)]
        else:
            out[key] = value
    return out


def request_schemas(spec: Spec) -> list[str]:
    """Every component schema a request body or path parameter can reach."""
    roots: list[dict[str, Any]] = []
    for op in spec.operations:
        if op.request_schema is not None:
            roots.append(op.request_schema)
        roots.extend(p.schema for p in op.path_params)
    return spec.referenced(roots)


def emit_schemas(spec: Spec) -> str:
    names = request_schemas(spec)
    table = {name: compact(spec.schema(name), name) for name in names}
    return (
        header(
            "The rules of every request body, as JSON Schema (compiled by `_rules` on first use)."
        )
        + "\nfrom typing import Any, Final\n\n"
        + f"SCHEMAS: Final[dict[str, Any]] = {literal(table)}\n"
    )


def channels_mode(spec: Spec, op: Operation) -> str | None:
    """How the facade's `channels=` shorthand applies to this body, if at all."""
    if op.request_schema is None:
        return None
    body = spec.resolve(op.request_schema)
    properties = body.get("properties") or {}
    if "channels" in properties:
        return "field"
    target = properties.get("target")
    if isinstance(target, dict):
        resolved = spec.resolve(target)
        if "channels" in (resolved.get("properties") or {}):
            return "target"
    return None


def constant_name(op: Operation) -> str:
    return op.python_name.upper()


def result_class(spec: Spec, op: Operation) -> tuple[str, str, str] | None:
    """(result class, model module, model class) of the success response, if it is JSON."""
    found = op.success()
    if found is None:
        return None
    status, response = found
    media = json_media(response)
    if media is None or "schema" not in media:
        return None
    schema = media["schema"]
    if "$ref" in schema:
        name = ref_name(schema["$ref"])
        module, cls = spec.model_class(name)
        result = name[: -len("Response")] if name.endswith("Response") else name
        return f"{result}Result", module, cls
    # openapi-python-client names an inline response model after the operation and status.
    module, cls = spec.model_class(f"{op.python_name}_response_{status}")
    return f"{spec.model_class(op.operation_id)[1]}Result", module, cls


def error_models(spec: Spec, op: Operation) -> dict[str, tuple[tuple[str, str], ...]]:
    """status (or `4XX`, `default`) -> (module, class) of each declared JSON error body.

    A `oneOf` or `anyOf` of references gives every branch, in the spec's order: the generated
    client tries them in that order, and so does the facade.
    """
    found: dict[str, tuple[tuple[str, str], ...]] = {}
    for status, response in op.responses.items():
        if status.startswith("2"):
            continue
        media = json_media(response)
        schema = (media or {}).get("schema")
        if not isinstance(schema, dict):
            continue
        if "$ref" in schema:
            found[status.upper()] = (spec.model_class(ref_name(schema["$ref"])),)
            continue
        branches = schema.get("oneOf") or schema.get("anyOf") or []
        if branches and all(isinstance(b, dict) and set(b) == {"$ref"} for b in branches):
            found[status.upper()] = tuple(spec.model_class(ref_name(b["$ref"])) for b in branches)
    return found


def _parser(models: tuple[tuple[str, str], ...]) -> str:
    """The expression that parses one error body (its models imported on first use): a model's
    `from_dict`, or the first that fits."""
    if len(models) == 1:
        return f"lazy_model({models[0][0]!r}, {models[0][1]!r})"
    return f"first_parse({', '.join(f'lazy_model({m!r}, {c!r})' for m, c in models)})"


def emit_results(spec: Spec) -> str:
    """Result classes, each built on first use so that a call imports only its own model."""
    lines = [
        header("The result class of every operation: its generated model plus the HTTP details."),
        "from __future__ import annotations\n\n",
        "import importlib\nimport threading\n",
        "from typing import TYPE_CHECKING, Any\n\n",
        "from .._results import ResponseInfo\n",
    ]
    typed: list[str] = []
    classes: list[str] = []
    table: list[str] = []
    seen: set[str] = set()
    for op in spec.operations:
        found = result_class(spec, op)
        if found is None or found[0] in seen:
            continue
        seen.add(found[0])
        result, module, cls = found
        typed.append(f"    from activitysmith_client.models.{module} import {cls}\n")
        summary = first_sentence(op.summary) or op.operation_id
        doc = f"Result of {op.method} {op.path} ({op.operation_id}): {summary.rstrip('.')}."
        classes.append(
            f"\n    class {result}(ResponseInfo, {cls}):\n"
            + "".join(
                f"    {line}" if line.strip() else line for line in docstring(doc).splitlines(True)
            )
            + '\n        __slots__ = ("_http",)\n'
        )
        table.append(f"    {result!r}: ({module!r}, {cls!r}, {doc!r}),\n")
    if seen:
        lines.append("\nif TYPE_CHECKING:\n")
        lines.extend(sorted(typed))
        lines.extend(classes)
    lines.append(
        "\n_RESULTS: dict[str, tuple[str, str, str]] = {\n" + "".join(table) + "}\n"
        '"""Result class -> (model module, model class, docstring)."""\n'
        "_lock = threading.Lock()\n\n\n"
        "def __getattr__(name: str) -> Any:\n"
        "    found = _RESULTS.get(name)\n"
        "    if found is None:\n"
        '        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")\n'
        "    module, model, doc = found\n"
        "    with _lock:\n"
        "        if name not in globals():\n"
        '            base = getattr(importlib.import_module(f"activitysmith_client.models.{module}"), model)\n'
        '            namespace = {"__slots__": ("_http",), "__doc__": doc, "__module__": __name__}\n'
        "            globals()[name] = type(name, (ResponseInfo, base), namespace)\n"
        "    return globals()[name]\n"
    )
    return "".join(lines)


def emit_operations(spec: Spec) -> str:
    out = [
        header(
            "Every operation of the API: route, body rules, generated classes, key, retry "
            "safety and rate budget."
        ),
        "from __future__ import annotations\n\n",
        "from typing import TYPE_CHECKING, Any, Final\n\n",
        "from .._operations import Binding, Operation, lazy_model\n\n",
    ]
    results = {op.operation_id: result_class(spec, op) for op in spec.operations}
    typed = sorted({found[0] for found in results.values() if found is not None})
    if typed:
        out.append("if TYPE_CHECKING:\n")
        out.append(f"    from .results import {', '.join(typed)}\n\n")
    names: list[str] = []
    for op in spec.operations:
        found = results[op.operation_id]
        result = found[0] if found else "Any"
        name = constant_name(op)
        names.append(name)
        imports = [
            f"from activitysmith_client.api.{op.api_package}.{op.python_name} import _get_kwargs"
        ]
        request_model = "None"
        if op.request_schema is not None:
            if op.request_ref is None:
                module, cls = spec.model_class(f"{op.python_name}_body")
            else:
                module, cls = spec.model_class(op.request_ref)
            # Nothing on the way to a success reads it: imported on first use only.
            request_model = f"lazy_model({module!r}, {cls!r})"
        errors = error_models(spec, op)
        if any(len(models) > 1 for models in errors.values()):
            imports.append("from .._operations import first_parse")
        parse = "None"
        if found is not None:
            imports.append(f"from .results import {result}")
            parse = f"{result}.from_dict"
        # Error models load on the first error, never on the way to a success.
        error_map = ", ".join(f"{status!r}: {_parser(models)}" for status, models in errors.items())
        binder = f"_bind_{op.python_name}"
        out.append(f"\n\ndef {binder}() -> Binding[{result}]:\n")
        out.extend(f"    {line}\n" for line in sorted(set(imports)))
        out.append(
            f"    return Binding(\n        get_kwargs=_get_kwargs,\n"
            f"        request_model={request_model},\n        parse={parse},\n"
            f"        errors={{{error_map}}},\n    )\n"
        )
        params = {p.name: compact(p.schema, f"{op.operation_id}.{p.name}") for p in op.path_params}
        request: Any = None
        if op.request_schema is not None:
            request = compact(op.request_schema, f"{op.operation_id} body")
        out.append(
            f"\n\n{name}: Final[Operation[{result}]] = Operation(\n"
            f"    operation_id={op.operation_id!r},\n"
            f"    name={op.python_name!r},\n"
            f"    method={op.method!r},\n"
            f"    path={op.path!r},\n"
            f"    path_params={literal(params)},\n"
            f"    request={literal(request)},\n"
            f"    body_required={op.body_required!r},\n"
            f"    channels={channels_mode(spec, op)!r},\n"
            f"    needs_key={op.needs_key!r},\n"
            f"    repeat_visible={op.repeat_visible!r},\n"
            f"    feature={op.feature!r},\n"
            f"    bind={binder},\n"
            ")\n"
        )
    out.append(
        f"\nOPERATIONS: Final[tuple[Operation[Any], ...]] = ({', '.join(names)},)\n"
        f"\nBUDGETS: Final[dict[str, int]] = {literal(spec.budgets)}\n"
        '"""Requests per window, per account, for each feature."""\n'
        f"\nDEFAULT_FEATURE: Final = {DEFAULT_FEATURE!r}\n"
        f"DEFAULT_BUDGET: Final = {spec.default_budget!r}\n"
        '"""The budget of operations that name no feature."""\n'
        f"\nIP_BUDGETS: Final[dict[str, int]] = {literal(spec.ip_budgets)}\n"
        '"""Requests per window, per client IP address, for each feature."""\n'
        f"DEFAULT_IP_BUDGET: Final = {spec.default_ip_budget!r}\n"
        f"WINDOW_SECONDS: Final = {spec.window!r}\n"
        f"\nACCOUNT_POLICY: Final = {spec.policy_names['account']!r}\n"
        f"IP_POLICY: Final = {spec.policy_names['per-ip']!r}\n"
        '"""Names of the policies in the RateLimit headers (`.format(feature=...)`)."""\n'
    )
    return "".join(out)


def minimal_instance(spec: Spec, schema: Any, depth: int = 0) -> Any:
    """A small value that satisfies `schema` (for operations whose spec shows no example)."""
    if depth > 12 or not isinstance(schema, dict):
        return None
    if "$ref" in schema:
        return minimal_instance(spec, spec.schema(ref_name(schema["$ref"])), depth + 1)
    if "const" in schema:
        return schema["const"]
    if schema.get("enum"):
        return schema["enum"][0]
    for key in ("oneOf", "anyOf", "allOf"):
        if schema.get(key):
            return minimal_instance(spec, schema[key][0], depth + 1)
    kind = schema.get("type")
    if isinstance(kind, list):
        kind = next((k for k in kind if k != "null"), "null")
    if kind == "object" or "properties" in schema:
        properties = schema.get("properties") or {}
        return {
            name: minimal_instance(spec, properties.get(name, {}), depth + 1)
            for name in schema.get("required", [])
        }
    if kind == "array":
        count = schema.get("minItems", 0)
        return [minimal_instance(spec, schema.get("items", {}), depth + 1) for _ in range(count)]
    if kind == "string":
        if schema.get("format") == "date-time":
            return "2026-01-01T00:00:00.000Z"
        return "x" * max(1, schema.get("minLength", 1))
    if kind == "integer":
        return int(schema.get("minimum", 0))
    if kind == "number":
        return schema.get("minimum", 0)
    if kind == "boolean":
        return True
    return None


def emit_examples(spec: Spec) -> str:
    answers: dict[str, Any] = {}
    for op in spec.operations:
        found = op.success()
        if found is None:
            answers[op.operation_id] = (200, None)
            continue
        status, response = found
        media = json_media(response)
        if media is None:
            answers[op.operation_id] = (int(status), None)
            continue
        example = first_example(media)
        if example is None:
            example = minimal_instance(spec, media.get("schema", {}))
        answers[op.operation_id] = (int(status), example)
    return (
        header(
            "What the local server takes from the spec: the success answer of every operation "
            "as the spec shows it (sent for operations it has no behaviour for), and the "
            "per-device Live Activity limit."
        )
        + "\nfrom typing import Any, Final\n\n"
        + f"SUCCESS: Final[dict[str, tuple[int, Any]]] = {literal(answers)}\n"
        + f"\nLIVE_ACTIVITY_LIMIT: Final = {live_activity_limit(spec)!r}\n"
        + f'"""Concurrent Live Activities per device ({LIVE_ACTIVITY_LIMIT_KEY})."""\n'
    )


LIVE_ACTIVITY_LIMIT_KEY = "x-activitysmith-live-activity-limit"


def live_activity_limit(spec: Spec) -> int:
    """The spec's concurrent Live Activities per device, a positive integer."""
    value = spec.document.get(LIVE_ACTIVITY_LIMIT_KEY)
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise SpecError(f"{LIVE_ACTIVITY_LIMIT_KEY} must be a positive integer, got {value!r}")
    return value
