"""The independent judges of a property test: the spec (through jsonschema), exact JSON
equality, and a search for the key in everything the SDK produced."""

from __future__ import annotations

import functools
import json
import math
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from activitysmith._operations import Operation

SPEC = Path(__file__).resolve().parents[2] / "openapi.yaml"
_URI = "urn:openapi"


@functools.cache
def _registry() -> tuple[dict[str, Any], Registry]:
    document = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    resource: Resource[Any] = DRAFT202012.create_resource(document)
    return document, Registry().with_resource(_URI, resource)


@functools.cache
def request_validator(operation_id: str, schema_name: str) -> Draft202012Validator:
    """jsonschema's validator of an operation's request body, straight from openapi.yaml."""
    _, registry = _registry()
    schema = {"$ref": f"{_URI}#/components/schemas/{schema_name}"}
    return Draft202012Validator(schema, registry=registry, format_checker=FormatChecker())


def spec_problems(op: Operation[Any], body: Any) -> list[str]:
    """Why `body` breaks the spec's request schema of `op` (empty: it conforms)."""
    if op.request is None:
        return [] if body is None else ["a body on an operation without one"]
    if body is None and not op.body_required:
        return []
    name = op.request["$ref"]
    validator = request_validator(op.operation_id, name)
    return [
        f"{list(error.absolute_path)}: {error.message}" for error in validator.iter_errors(body)
    ]


def strictly_equal(a: Any, b: Any) -> bool:
    """JSON equality that tells 1 from 1.0 and True from 1 (what the caller typed, exactly)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(strictly_equal(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(strictly_equal(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float):
        return a == b or (math.isnan(a) and math.isnan(b))
    return bool(a == b)


def as_json(value: Any) -> Any:
    """What the caller's value means as JSON (tuples are lists, datetimes their ISO text)."""
    return json.loads(json.dumps(value, default=_default))


def _default(value: Any) -> Any:
    if hasattr(value, "isoformat"):
        return value.isoformat()
    raise TypeError(type(value).__name__)


def leaks(secret: str, *texts: str) -> list[str]:
    """The texts that contain `secret`."""
    return [text[:200] for text in texts if secret in text]
