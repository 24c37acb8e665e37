"""Hypothesis strategies: request bodies guided by the spec, and the values an attacker sends.

`body_for(op)` draws bodies from the operation's JSON Schema (the generated `SCHEMAS`, as
the SDK validates them): mostly valid, so they go out and the wire can be checked, with
hostile values mixed in so that the refusals are exercised too.
"""

from __future__ import annotations

import enum
import math
import string
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from hypothesis import strategies as st

from activitysmith._generated.schemas import SCHEMAS
from activitysmith._operations import Operation

__all__ = ["body_for", "hostile_values", "json_values", "path_value", "schema_values"]


class Colour(enum.StrEnum):
    RED = "red"


class Plain(enum.Enum):
    ONE = 1


def _cycle() -> dict[str, Any]:
    loop: dict[str, Any] = {"title": "x"}
    loop["self"] = loop
    return loop


def _deep(depth: int) -> Any:
    node: Any = 1
    for _ in range(depth):
        node = {"a": node}
    return node


_SURROGATE_TEXT = st.builds(
    lambda head, code, tail: head + chr(code) + tail,
    st.text(max_size=5),
    st.integers(0xD800, 0xDFFF),
    st.text(max_size=5),
)

hostile_values: st.SearchStrategy[Any] = st.one_of(
    _SURROGATE_TEXT,
    st.integers(min_value=2**1024, max_value=2**1100),
    st.sampled_from([10**5000, -(10**400), math.nan, math.inf, -math.inf, 1e308, -0.0]),
    st.builds(_deep, st.integers(95, 1200)),
    st.builds(_cycle),
    st.just(datetime(2026, 1, 31, 12)),
    st.datetimes(timezones=st.just(UTC)),
    st.builds(lambda: {1, 2}),
    st.binary(max_size=8),
    st.builds(object),
    st.tuples(st.integers(), st.text(max_size=3)),
    st.just(Colour.RED),
    st.just(Plain.ONE),
    st.just(True),
    st.none(),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=20),
    st.text(alphabet="\x00\x1b\n\r\t \u200b\ufeff", max_size=5),
    st.dictionaries(
        st.one_of(st.integers(), st.just(""), _SURROGATE_TEXT), st.integers(), max_size=2
    ),
)
"""What a careless or hostile caller passes: none of it may escape as a raw exception."""

json_values: st.SearchStrategy[Any] = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**63), 2**63)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=8,
)

_URLS = st.sampled_from(
    ["https://example.com/a", "https://grafana.example.com/d/x?y=1", "app://open", "https://e.x"]
)
_RFC3339 = st.builds(
    lambda moment, style: moment.strftime(style),
    st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1)),
    st.sampled_from(["%Y-%m-%dT%H:%M:%SZ", "%Y-%m-%dT%H:%M:%S.%fZ", "%Y-%m-%dT%H:%M:%S+02:00"]),
)


def _resolve(schema: Any) -> Any:
    while isinstance(schema, dict) and set(schema) <= {"$ref", "description"} and "$ref" in schema:
        schema = SCHEMAS[schema["$ref"]]
    return schema


def _string(schema: dict[str, Any]) -> st.SearchStrategy[Any]:
    if schema.get("format") == "date-time":
        return st.one_of(_RFC3339, st.datetimes(timezones=st.just(timezone(timedelta(hours=1)))))
    if schema.get("format") == "uri" or str(schema.get("pattern", "")).startswith("^https"):
        return _URLS
    low, high = schema.get("minLength", 0), schema.get("maxLength")
    pattern = schema.get("pattern")
    if pattern is not None:
        return st.from_regex(pattern.replace("$", r"\Z"), fullmatch=True).filter(
            lambda text: low <= len(text) <= (high or 10**6)
        )
    alphabet = string.ascii_letters + string.digits + " -_.é☃"
    return st.text(alphabet=alphabet, min_size=max(low, 1), max_size=min(high or 30, 30))


_BUILT: dict[tuple[int, int], st.SearchStrategy[Any]] = {}


def schema_values(schema: Any, depth: int = 0) -> st.SearchStrategy[Any]:
    """Values for a JSON Schema of the spec (mostly valid; composition rules are not solved)."""
    key = (id(schema), min(depth, 6))
    if key not in _BUILT:
        _BUILT[key] = _build(schema, depth)
    return _BUILT[key]


def _build(schema: Any, depth: int) -> st.SearchStrategy[Any]:
    schema = _resolve(schema)
    if schema is True or not isinstance(schema, dict):
        return json_values
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    if "const" in schema:
        return st.just(schema["const"])
    for key in ("oneOf", "anyOf"):
        if key in schema:
            return st.one_of([schema_values(sub, depth + 1) for sub in schema[key]])
    if "$ref" in schema and "type" not in schema:
        return schema_values(SCHEMAS[schema["$ref"]], depth + 1)
    kind = schema.get("type")
    if isinstance(kind, list):
        return st.one_of([schema_values({**schema, "type": k}, depth + 1) for k in kind])
    if kind == "string":
        return _string(schema)
    if kind in ("integer", "number"):
        low = schema.get("minimum", schema.get("exclusiveMinimum", -(10**6)))
        high = schema.get("maximum", 10**6)
        ints = st.integers(math.ceil(low), int(high))
        if kind == "integer":
            return ints
        return ints | st.floats(low, high, allow_nan=False, allow_infinity=False)
    if kind == "boolean":
        return st.booleans()
    if kind == "null":
        return st.none()
    if kind == "array":
        return st.lists(
            schema_values(schema.get("items", True), depth + 1),
            min_size=schema.get("minItems", 0),
            max_size=min(schema.get("maxItems", 3), 3),
        )
    if kind == "object" or "properties" in schema:
        return _object(schema, depth)
    return json_values


def _object(schema: dict[str, Any], depth: int) -> st.SearchStrategy[dict[str, Any]]:
    properties: dict[str, Any] = schema.get("properties") or {}
    if not properties:
        return st.dictionaries(
            st.text(string.ascii_lowercase, min_size=1, max_size=6),
            st.integers() | st.text(max_size=10) | st.booleans(),
            max_size=3,
        )
    required = [name for name in schema.get("required", ()) if name in properties]
    optional = [name for name in properties if name not in required]
    if depth > 4:
        optional = []
    return st.fixed_dictionaries(
        {name: schema_values(properties[name], depth + 1) for name in required},
        optional={name: schema_values(properties[name], depth + 1) for name in optional},
    )


def _mutate(body: dict[str, Any], data: st.DataObject) -> dict[str, Any]:
    """Sometimes a hostile value at a random place, an unknown key, or a missing field."""
    choice = data.draw(st.integers(0, 9), label="mutation")
    if choice >= 6 or not body:
        return body
    name = data.draw(st.sampled_from(sorted(body)), label="field")
    if choice in (0, 1, 2):
        body[name] = data.draw(hostile_values, label="hostile")
    elif choice == 3:
        body[data.draw(st.text(max_size=6), label="unknown")] = 1
    elif choice == 4:
        del body[name]
    elif isinstance(body[name], dict) and body[name]:
        inner = data.draw(st.sampled_from(sorted(body[name])), label="inner")
        body[name][inner] = data.draw(hostile_values, label="hostile inner")
    return body


def body_for(op: Operation[Any], data: st.DataObject) -> dict[str, Any]:
    """A request body for `op` (mostly valid, sometimes hostile)."""
    if op.request is None:
        return {}
    body: dict[str, Any] = data.draw(schema_values(op.request), label="body")
    return _mutate(dict(body), data)


def path_value(op: Operation[Any], name: str, data: st.DataObject) -> Any:
    """A path parameter: as the spec says, or one of the route tricks."""
    tricks = st.sampled_from([".", "..", "../badge", "a/b", "%2e%2e", "a\\b", "\ud800", "", 5])
    good = schema_values(op.param_schemas[name])
    return data.draw(st.one_of(good, good, good, tricks), label=name)
