"""Reading openapi.yaml: operations, their bodies and responses, and the schemas they use."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from openapi_python_client.strings import ClassName, PythonIdentifier

__all__ = ["Operation", "Parameter", "Spec", "load"]

FIELD_PREFIX = "field_"  # openapi-python-client's default, for its module and class names
METHODS = ("get", "put", "post", "delete", "patch", "head", "options")
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})  # RFC 9110: no effect a repeat could show
SCHEMA_PREFIX = "#/components/schemas/"
DEFAULT_BUDGET = 60
DEFAULT_IP_BUDGET = 600
DEFAULT_WINDOW = 60.0
DEFAULT_FEATURE = "default"
DEFAULT_POLICY_NAMES = {"account": "account:{feature}", "per-ip": "public-api-ip:{feature}"}

# JSON Schema keywords that validate; everything else in a schema is an annotation.
VALIDATING = frozenset(
    {
        "type",
        "enum",
        "const",
        "pattern",
        "format",
        "minLength",
        "maxLength",
        "minimum",
        "maximum",
        "exclusiveMinimum",
        "exclusiveMaximum",
        "multipleOf",
        "items",
        "minItems",
        "maxItems",
        "uniqueItems",
        "properties",
        "required",
        "additionalProperties",
        "propertyNames",
        "minProperties",
        "maxProperties",
        "dependentRequired",
        "if",
        "then",
        "else",
        "not",
        "allOf",
        "anyOf",
        "oneOf",
        "$ref",
    }
)
ANNOTATIONS = frozenset(
    {
        "description",
        "title",
        "example",
        "examples",
        "deprecated",
        "readOnly",
        "writeOnly",
        "default",
        "$comment",
        "discriminator",
        "xml",
        "externalDocs",
        "contentMediaType",
        "contentEncoding",
    }
)
EXTENSIONS = frozenset(
    {
        "x-activitysmith-not-blank",
        "x-activitysmith-pattern-hint",
        "x-activitysmith-at-most-field",
        "x-activitysmith-max-json-bytes",
        "x-activitysmith-same-as",
        "x-activitysmith-max-unique-items",
        "x-activitysmith-refusal",
    }
)


class SpecError(ValueError):
    """The spec uses something the facade generator cannot represent faithfully."""


@dataclass(frozen=True)
class Parameter:
    name: str
    location: str
    required: bool
    schema: dict[str, Any]
    description: str


@dataclass
class Operation:
    """One operation of the spec, with everything the facade needs to know about it."""

    operation_id: str
    method: str
    path: str
    tag: str
    summary: str
    raw: dict[str, Any]
    parameters: list[Parameter]
    request_ref: str | None  # components/schemas name of the JSON body, if it is a $ref
    request_schema: dict[str, Any] | None
    body_required: bool
    responses: dict[str, dict[str, Any]]  # status -> resolved response object
    needs_key: bool
    repeat_visible: bool
    feature: str

    @property
    def python_name(self) -> str:
        """openapi-python-client's module name for the operation."""
        return str(PythonIdentifier(self.operation_id, prefix=FIELD_PREFIX))

    @property
    def api_package(self) -> str:
        return str(PythonIdentifier(self.tag, prefix="tag"))

    @property
    def path_params(self) -> list[Parameter]:
        by_name = {p.name: p for p in self.parameters if p.location == "path"}
        return [by_name[name] for name in re.findall(r"\{(\w+)\}", self.path)]

    def success(self) -> tuple[str, dict[str, Any]] | None:
        """The first 2xx response: its status and the response object."""
        for status in sorted(self.responses):
            if status.startswith("2") and status[1:].isdigit():
                return status, self.responses[status]
        return None


@dataclass
class Spec:
    """The parsed document and the facts every emitter needs."""

    document: dict[str, Any]
    operations: list[Operation] = field(default_factory=list)
    budgets: dict[str, int] = field(default_factory=dict)
    default_budget: int = DEFAULT_BUDGET
    ip_budgets: dict[str, int] = field(default_factory=dict)
    default_ip_budget: int = DEFAULT_IP_BUDGET
    window: float = DEFAULT_WINDOW
    policy_names: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_POLICY_NAMES))

    @property
    def schemas(self) -> dict[str, dict[str, Any]]:
        schemas: dict[str, dict[str, Any]] = self.document.get("components", {}).get("schemas", {})
        return schemas

    def schema(self, name: str) -> dict[str, Any]:
        try:
            return self.schemas[name]
        except KeyError:
            raise SpecError(f"unknown schema {name!r}") from None

    def resolve(self, node: dict[str, Any]) -> dict[str, Any]:
        """`node` with a schema `$ref` followed (once per level, until a plain schema)."""
        seen = set()
        while "$ref" in node:
            name = ref_name(node["$ref"])
            if name in seen:
                raise SpecError(f"$ref cycle at {name!r}")
            seen.add(name)
            node = self.schema(name)
        return node

    def operation(self, operation_id: str) -> Operation:
        for op in self.operations:
            if op.operation_id == operation_id:
                return op
        raise SpecError(f"no operation {operation_id!r} in the spec")

    def referenced(self, roots: list[dict[str, Any]]) -> list[str]:
        """Names of every component schema reachable from `roots`, in a stable order."""
        found: dict[str, None] = {}
        stack = list(roots)
        while stack:
            node = stack.pop()
            for ref in _refs(node):
                name = ref_name(ref)
                if name not in found:
                    found[name] = None
                    stack.append(self.schema(name))
        return sorted(found)

    def model_class(self, schema_name: str) -> tuple[str, str]:
        """(module, class) of the generated model for a component schema."""
        cls = ClassName(schema_name, prefix=FIELD_PREFIX)
        return str(PythonIdentifier(cls, prefix=FIELD_PREFIX)), str(cls)


def ref_name(ref: str) -> str:
    if not ref.startswith(SCHEMA_PREFIX):
        raise SpecError(f"only component schema references are supported, got {ref!r}")
    return ref[len(SCHEMA_PREFIX) :]


def _refs(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                yield value
            elif key not in ("example", "examples"):
                yield from _refs(value)
    elif isinstance(node, list):
        for item in node:
            yield from _refs(item)


def _component(document: dict[str, Any], node: dict[str, Any], kind: str) -> dict[str, Any]:
    """A parameter, request body or response object, following a components `$ref`."""
    while isinstance(node, dict) and "$ref" in node:
        prefix = f"#/components/{kind}/"
        ref = node["$ref"]
        if not ref.startswith(prefix):
            raise SpecError(f"unsupported $ref {ref!r} for a {kind} object")
        node = document["components"][kind][ref[len(prefix) :]]
    return node


def _needs_key(document: dict[str, Any], op: dict[str, Any]) -> bool:
    """Whether the operation's `security` demands a credential (`[]` or `[{}]`: it does not)."""
    requirements = op.get("security", document.get("security", []))
    return bool(requirements) and all(bool(requirement) for requirement in requirements)


def _json_media(holder: dict[str, Any]) -> dict[str, Any] | None:
    content = holder.get("content") or {}
    for media, value in content.items():
        if media.split(";")[0].strip() == "application/json" or media.endswith("+json"):
            found: dict[str, Any] = value
            return found
    return None


def load(path: Path) -> Spec:
    """Parse `path` and collect the operations."""
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    spec = Spec(document)
    limits = document.get("x-activitysmith-rate-limits") or {}
    spec.budgets = {str(k): int(v) for k, v in (limits.get("features") or {}).items()}
    spec.default_budget = int(limits.get("default", DEFAULT_BUDGET))
    spec.window = float(limits.get("window-seconds", DEFAULT_WINDOW))
    per_ip = limits.get("per-ip") or {}
    spec.ip_budgets = {str(k): int(v) for k, v in (per_ip.get("features") or {}).items()}
    spec.default_ip_budget = int(per_ip.get("default", DEFAULT_IP_BUDGET))
    spec.policy_names.update(
        {str(k): str(v) for k, v in (limits.get("policy-names") or {}).items()}
    )
    unknown = sorted(set(spec.ip_budgets) - set(spec.budgets))
    if unknown:
        raise SpecError(f"per-ip budgets for features without an account budget: {unknown}")
    for path_template, item in (document.get("paths") or {}).items():
        shared = [_component(document, p, "parameters") for p in item.get("parameters", [])]
        for method in METHODS:
            raw = item.get(method)
            if not isinstance(raw, dict):
                continue
            spec.operations.append(_operation(spec, path_template, method.upper(), raw, shared))
    ids = [op.operation_id for op in spec.operations]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise SpecError(f"duplicate operationId: {', '.join(duplicates)}")
    return spec


def _operation(
    spec: Spec, path: str, method: str, raw: dict[str, Any], shared: list[dict[str, Any]]
) -> Operation:
    document = spec.document
    operation_id = raw.get("operationId")
    if not operation_id:
        raise SpecError(f"{method} {path} has no operationId (the facade names operations by it)")
    parameters: dict[tuple[str, str], Parameter] = {}
    for node in [
        *shared,
        *(_component(document, p, "parameters") for p in raw.get("parameters", [])),
    ]:
        parameter = Parameter(
            name=node["name"],
            location=node["in"],
            required=bool(node.get("required", node["in"] == "path")),
            schema=node.get("schema") or {},
            description=str(node.get("description", "")),
        )
        parameters[(parameter.location, parameter.name)] = parameter
    request_ref, request_schema, body_required = None, None, False
    if "requestBody" in raw:
        body = _component(document, raw["requestBody"], "requestBodies")
        media = _json_media(body)
        if media is None or "schema" not in media:
            raise SpecError(f"{operation_id}: only JSON request bodies are supported")
        request_schema = media["schema"]
        if "$ref" in request_schema:
            request_ref = ref_name(request_schema["$ref"])
        body_required = bool(body.get("required", False))
    responses = {
        str(status): _component(document, response, "responses")
        for status, response in (raw.get("responses") or {}).items()
    }
    visible = raw.get("x-activitysmith-repeat-visible")
    if visible is None:
        visible = method not in SAFE_METHODS
    feature = str(raw.get("x-activitysmith-rate-limit", DEFAULT_FEATURE))
    if feature != DEFAULT_FEATURE and feature not in spec.budgets:
        raise SpecError(f"{operation_id}: rate-limit feature {feature!r} has no budget")
    tags = raw.get("tags") or ["default"]
    return Operation(
        operation_id=str(operation_id),
        method=method,
        path=path,
        tag=str(tags[0]),
        summary=str(raw.get("summary", "")),
        raw=raw,
        parameters=list(parameters.values()),
        request_ref=request_ref,
        request_schema=request_schema,
        body_required=body_required,
        responses=responses,
        needs_key=_needs_key(document, raw),
        repeat_visible=bool(visible),
        feature=feature,
    )


def json_media(holder: dict[str, Any]) -> dict[str, Any] | None:
    """The `application/json` media object of a request body or response, if any."""
    return _json_media(holder)


def first_example(media: dict[str, Any]) -> Any:
    """The media object's `example`, or the value of its first `examples` entry (else None)."""
    if "example" in media:
        return media["example"]
    for example in (media.get("examples") or {}).values():
        if isinstance(example, dict) and "value" in example:
            return example["value"]
    return None
