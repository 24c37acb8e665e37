"""The command line's body flags: one per request and content-state field, as plain data."""

from __future__ import annotations

import re
from typing import Any

from .render import first_sentence, header, literal
from .spec import Operation, Spec, ref_name

__all__ = ["emit_cli_flags"]

_SCALARS = ("text", "choice", "integer", "number", "scalar", "boolean")


def _resolve(spec: Spec, schema: Any) -> tuple[dict[str, Any], str | None]:
    """The schema behind `$ref`s, and the name of the last component schema on the way."""
    name = None
    while isinstance(schema, dict) and "$ref" in schema:
        name = ref_name(schema["$ref"])
        schema = spec.schema(name)
    return (schema if isinstance(schema, dict) else {}), name


def _enum_metavar(schema_name: str | None, field: str) -> str:
    if schema_name:
        words = re.findall(r"[A-Z][a-z0-9]*", schema_name)
        if words:
            last: str = words[-1]
            return last.upper()
    return field.upper()


def _kind(spec: Spec, schema: Any, field: str) -> tuple[str, str, tuple[str, ...]]:
    """(kind, metavar, choices) of one field's flag."""
    resolved, name = _resolve(spec, schema)
    if "enum" in resolved and all(isinstance(v, str) for v in resolved["enum"]):
        return "choice", _enum_metavar(name, field), tuple(resolved["enum"])
    alternatives = resolved.get("oneOf") or resolved.get("anyOf")
    if alternatives:
        kinds = {(_resolve(spec, a)[0].get("type")) for a in alternatives}
        if kinds <= {"string", "number", "integer"}:
            return "scalar", "VALUE", ()
        return "json", "JSON|@FILE", ()
    kind = resolved.get("type")
    if kind == "string":
        if resolved.get("format") == "date-time":
            return "text", "ISO8601", ()
        if resolved.get("format") == "uri":
            return "text", "URL", ()
        return "text", "TEXT", ()
    if kind in ("integer", "number"):
        low, high = resolved.get("minimum"), resolved.get("maximum")
        metavar = f"{low}-{high}" if low is not None and high is not None else "N"
        return kind, metavar, ()
    if kind == "boolean":
        return "boolean", "", ()
    if kind == "array":
        item, _ = _resolve(spec, resolved.get("items", {}))
        if item.get("type") == "string":
            return "list", "A,B", ()
        return "json_list", "JSON|@FILE", ()
    if kind == "object" or "properties" in resolved:
        if not resolved.get("properties") and isinstance(
            resolved.get("additionalProperties"), dict
        ):
            return "pairs", "KEY=VALUE", ()
        return "json", "JSON|@FILE", ()
    return "scalar", "VALUE", ()


def _help(schema: Any, spec: Spec) -> str:
    text = schema.get("description") if isinstance(schema, dict) else None
    if not text:
        text = _resolve(spec, schema)[0].get("description", "")
    return first_sentence(text).replace("%", "%%") or "see the API reference"


def _flatten(spec: Spec, schema: Any) -> dict[str, Any] | None:
    """The properties of an object whose fields are all scalars (an alert: title, body)."""
    resolved, _ = _resolve(spec, schema)
    properties = resolved.get("properties")
    if not properties or resolved.get("type") not in (None, "object"):
        return None
    for name, sub in properties.items():
        if _kind(spec, sub, name)[0] not in _SCALARS:
            return None
    scalars: dict[str, Any] = properties
    return scalars


def _flags(
    spec: Spec, schema: Any, *, prefix: str = "", top: bool, flatten: bool = True
) -> list[dict[str, Any]]:
    resolved, _ = _resolve(spec, schema)
    required = set(resolved.get("required") or [])
    flags: list[dict[str, Any]] = []
    for name, sub in (resolved.get("properties") or {}).items():
        field = f"{prefix}{name}"
        nested = _flatten(spec, sub) if flatten else None
        kind, metavar, choices = _kind(spec, sub, name)
        resolved_sub, _ = _resolve(spec, sub)
        flags.append(
            {
                "field": field,
                "option": "--" + field.replace("_", "-").replace(".", "-"),
                "kind": kind,
                "metavar": metavar,
                "choices": choices,
                "required": top and name in required and kind in _SCALARS,
                "help": _help(sub, spec),
                "max_items": resolved_sub.get("maxItems"),
                "parts": tuple(f"{field}.{part}" for part in (nested or {})),
            }
        )
        if nested is not None:
            flags.extend(_flags(spec, sub, prefix=f"{field}.", top=False, flatten=False))
    return flags


def _state_schema(spec: Spec, op: Operation) -> Any:
    if op.request_schema is None:
        return None
    prop = (spec.resolve(op.request_schema).get("properties") or {}).get("content_state")
    return prop


def emit_cli_flags(spec: Spec) -> str:
    body: dict[str, tuple[Any, ...]] = {}
    state: dict[str, tuple[Any, ...]] = {}
    enums: dict[str, tuple[str, ...]] = {}
    for op in spec.operations:
        if op.request_schema is None:
            continue
        body[op.operation_id] = tuple(
            _flag_tuple(f) for f in _flags(spec, op.request_schema, top=True)
        )
        content = _state_schema(spec, op)
        if content is not None:
            state[op.operation_id] = tuple(
                _flag_tuple(f) for f in _flags(spec, content, top=False, flatten=False)
            )
    for name, schema in spec.schemas.items():
        if "enum" in schema and all(isinstance(v, str) for v in schema["enum"]):
            enums[name] = tuple(schema["enum"])
    return (
        header(
            "Flags for every request field and content-state field, from the spec (stdlib only, "
            "so `activitysmith --help` stays fast)."
        )
        + "\nfrom typing import Final\n\n\n"
        + _FLAG_CLASS
        + "\n\ndef _flags(*rows: tuple[Any, ...]) -> tuple[Flag, ...]:\n"
        + "    return tuple(map(Flag, rows))\n\n\n"
        + f"BODY: Final[dict[str, tuple[Flag, ...]]] = {_table(body)}\n"
        + '"""operationId -> a flag per body field (objects of scalars also flattened)."""\n\n'
        + f"CONTENT_STATE: Final[dict[str, tuple[Flag, ...]]] = {_table(state)}\n"
        + '"""operationId -> a flag per field of its `content_state`."""\n\n'
        + f"ENUMS: Final[dict[str, tuple[str, ...]]] = {literal(enums)}\n"
    ).replace("from typing import Final", "from typing import Any, Final")


_FIELDS = (
    "field",
    "option",
    "kind",
    "metavar",
    "choices",
    "required",
    "help",
    "max_items",
    "parts",
)
_TYPES = {
    "choices": "tuple[str, ...]",
    "required": "bool",
    "max_items": "int | None",
    "parts": "tuple[str, ...]",
}
_DOCS = {
    "field": "Dotted path in the body, e.g. `alert.title`.",
    "kind": "text, choice, integer, number, scalar, boolean, list, pairs, json or json_list.",
    "parts": "For an object of scalars, the fields of its own flags (`alert.title`, ...).",
}
# A tuple with named fields, cheaper to load than a NamedTuple: the rows are constants.
_FLAG_CLASS = (
    "class Flag(tuple[Any, ...]):\n"
    '    """One body field\'s flag: its JSON path, option, value kind, choices and help."""\n\n'
    "    __slots__ = ()\n"
    + "".join(
        f"\n    @property\n    def {name}(self) -> {_TYPES.get(name, 'str')}:\n"
        + (f'        """{_DOCS[name]}"""\n' if name in _DOCS else "")
        + f"        return self[{index}]  # type: ignore[no-any-return]\n"
        for index, name in enumerate(_FIELDS)
    )
)


def _table(table: dict[str, tuple[Any, ...]]) -> str:
    rows = {
        operation: _Raw("_flags(" + ", ".join(repr(row) for row in flags) + ")")
        for operation, flags in table.items()
    }
    return literal(rows)


class _Raw(str):
    """Source text that `literal` writes as is."""

    def __repr__(self) -> str:
        return str(self)


def _flag_tuple(flag: dict[str, Any]) -> tuple[Any, ...]:
    return tuple(flag[key] for key in _FIELDS)
