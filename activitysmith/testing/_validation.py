"""Checks requests against the shipped `openapi.yaml` with jsonschema, compiled per operation.

The spec is read once per process; every operation's parameter and body validators are
built from it up front (`jsonschema`'s OpenAPI 3.1 validator from openapi-schema-validator,
with `$ref`s resolved through a `referencing` registry holding the whole document). The
facade's own validation is never used here, so the server stays an independent check of
the SDK; only the spec's extensions that count something (`x-activitysmith-max-json-bytes`,
`-max-unique-items`) are checked with the facade's own definition of what they count, so
the two can never count differently. The libraries are imported lazily: `import activitysmith.testing` works without
the `testing` extra, and building a validator without it raises `MissingTestingExtra`.
"""

from __future__ import annotations

import contextlib
import fnmatch
import functools
import importlib.resources
import json
import re
import threading
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl

if TYPE_CHECKING:
    from ._reference import ReferenceValidator

Validator = Any
"""A jsonschema validator (`iter_errors(instance)`); jsonschema ships no type hints."""

INSTALL_HINT = (
    "activitysmith.testing needs the 'testing' extra: pip install 'activitysmith[testing]'"
)

SPEC_URI = "urn:activitysmith:openapi.yaml"
"""Where the whole spec sits in the `referencing` registry."""

SCHEMA_URI = "urn:activitysmith:schema:"
"""Each `components/schemas` entry is also a resource of its own, at this prefix + its name."""

_METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")


class MissingTestingExtra(ImportError):
    """Raised when the local server starts without the `testing` extra installed."""


_lock = threading.Lock()
_validator: SpecValidator | None = None


def spec_validator() -> SpecValidator:
    """The process-wide validator for the packaged spec (built on first use)."""
    global _validator
    with _lock:
        if _validator is None:
            _validator = SpecValidator(load_spec())
        return _validator


def load_spec() -> dict[str, Any]:
    """The packaged `openapi.yaml` as plain data."""
    try:
        import yaml
    except ImportError as exc:
        raise MissingTestingExtra(INSTALL_HINT) from exc
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    text = (importlib.resources.files("activitysmith.testing") / "openapi.yaml").read_text("utf-8")
    document: dict[str, Any] = yaml.load(text, Loader=loader)
    return document


@dataclass(frozen=True)
class _Parameter:
    name: str
    location: str  # path, query or header
    required: bool
    schema_type: str | None
    validator: Validator | None


@dataclass(frozen=True)
class _Body:
    required: bool
    media_types: tuple[str, ...]
    validators: Mapping[str, Validator | None]  # media type -> its schema's validator


@dataclass(frozen=True)
class _Operation:
    parameters: tuple[_Parameter, ...]
    body: _Body | None


class SpecValidator:
    """Every operation's request validators, compiled once from one spec document."""

    def __init__(self, document: Mapping[str, Any]) -> None:
        try:
            from openapi_schema_validator import OAS30ReadValidator, OAS31Validator
            from referencing import Registry
            from referencing.jsonschema import DRAFT202012
        except ImportError as exc:
            raise MissingTestingExtra(INSTALL_HINT) from exc
        self.document = document
        self._refusals = _refusals(document)
        # Every local `$ref` is made absolute: one to a component schema names that schema's
        # own resource (a dictionary hit when validating), any other one points into the
        # whole document. `referencing` then resolves them all.
        linked = _absolute_refs(document)
        resources = [(SPEC_URI, DRAFT202012.create_resource(linked))]
        for name, schema in linked.get("components", {}).get("schemas", {}).items():
            resources.append((SCHEMA_URI + name, DRAFT202012.create_resource(schema)))
        registry = Registry().with_resources(resources).crawl()
        # openapi-core's choice for OpenAPI 3.1: the 3.1 keywords with the 3.0 format checker,
        # with `pattern` read as JSON Schema means it (ECMA-262), not as Python's `re` would.
        format_checker = OAS30ReadValidator.FORMAT_CHECKER
        checker_class = with_extensions(OAS31Validator)

        def compile_at(pointer: str) -> Validator:
            # The schema itself: every `$ref` in it is absolute now, so none needs a base.
            validator: Validator = checker_class(
                _node(linked, pointer), registry=registry, format_checker=format_checker
            )
            return validator

        self._operations = {
            operation_id: _compile_operation(document, path, method, compile_at)
            for path, method, operation_id in _operations(document)
        }
        self._field_errors = {
            operation_id: _field_errors(document, document["paths"][path][method])
            for path, method, operation_id in _operations(document)
        }

    @property
    def operations(self) -> frozenset[str]:
        """The operationIds it has validators for."""
        return frozenset(self._operations)

    def request_errors(
        self,
        operation: str,
        path_params: Mapping[str, str],
        query: str,
        headers: Sequence[tuple[str, str]],
        body: bytes,
        parsed: Any,
    ) -> list[str]:
        """Every problem with a request to `operation`, each naming the field (empty when valid).

        `parsed` is the body already decoded as strict JSON (None when `body` is empty).
        Parameter problems come first, then the body's, as openapi-core reports them.
        """
        rules = self._operations[operation]
        problems = _parameter_errors(rules.parameters, path_params, query, headers)
        if rules.body is not None:
            problem = _body_error(rules.body, headers, body, parsed, self._refusals)
            if problem is not None:
                problems.append(problem)
        return problems

    def field_error(self, operation: str, problem: str) -> tuple[str, str | None] | None:
        """The `error` and `code` the spec gives a 400 for the body field `problem` names
        (`x-activitysmith-error`: "Invalid tags" and `invalid_tags` for `tags[0]: ...`)."""
        found = _FIELD.match(problem)
        return None if found is None else self._field_errors[operation].get(found.group(0))

    # -- openapi-core, for the server's own tests ------------------------------------------

    @functools.cached_property
    def reference(self) -> ReferenceValidator:
        """openapi-core over the same spec (a development dependency; loaded on first use)."""
        from ._reference import ReferenceValidator, load_openapi

        return ReferenceValidator(load_openapi(), self._refusals)

    @property
    def _openapi(self) -> Any:
        return self.reference.openapi

    def response_errors(
        self,
        method: str,
        path: str,
        status: int,
        body: bytes,
        content_type: str = "application/json",
    ) -> list[str]:
        """Every way a response differs from the operation's declared response (openapi-core)."""
        return self.reference.response_errors(method, path, status, body, content_type)


_FIELD = re.compile(r"[^.\[:;\s]+")
"""The body field a problem names: `tags` in `tags[0]: ...`, `target` in `target.channels: ...`."""


def with_extensions(base: Any) -> Any:
    """`base` (a jsonschema validator class) that also checks the extensions which count."""
    from jsonschema import ValidationError, validators  # type: ignore[import-untyped]

    from .._measures import distinct_count, json_size

    def max_json_bytes(validator: Any, limit: int, instance: Any, schema: Any) -> Any:
        if validator.is_type(instance, "object"):
            size = json_size(instance)
            if size > limit:
                shown = f"{limit // 1024} KB" if limit % 1024 == 0 else f"{limit} bytes"
                yield ValidationError(f"{size} bytes of JSON, more than the {shown} allowed")

    def max_unique_items(validator: Any, limit: int, instance: Any, schema: Any) -> Any:
        if validator.is_type(instance, "array") and distinct_count(instance, limit) > limit:
            yield ValidationError(f"more than {limit} different values")

    return validators.extend(
        base,
        {
            "x-activitysmith-max-json-bytes": max_json_bytes,
            "x-activitysmith-max-unique-items": max_unique_items,
            "pattern": _ecma_pattern,
        },
    )


def _resolved(document: Mapping[str, Any], node: Any) -> Any:
    """`node` with component `$ref`s followed (for reading extensions, not for validating)."""
    while isinstance(node, Mapping) and isinstance(node.get("$ref"), str):
        node = _node(document, node["$ref"][1:])
    return node


def _refusals(document: Mapping[str, Any]) -> dict[str, str]:
    """`$ref` (local and absolute) of each component with `x-activitysmith-refusal` -> that
    message, for the problem of a value refused by a `not` around that component."""
    found: dict[str, str] = {}
    for name, schema in document.get("components", {}).get("schemas", {}).items():
        if isinstance(schema, Mapping) and "x-activitysmith-refusal" in schema:
            refusal = str(schema["x-activitysmith-refusal"])
            found[SCHEMA_URI + name] = found["#/components/schemas/" + name] = refusal
    return found


def _field_errors(
    document: Mapping[str, Any], operation: Mapping[str, Any]
) -> dict[str, tuple[str, str | None]]:
    """Body field -> the (`error`, `code`) of its `x-activitysmith-error`: on the property, the
    schema it refers to, or its items' schema."""
    media = operation.get("requestBody", {}).get("content", {}).get("application/json", {})
    body = _resolved(document, media.get("schema"))
    found: dict[str, tuple[str, str | None]] = {}
    for name, prop in ((body or {}).get("properties") or {}).items():
        for node in (prop, _resolved(document, prop), _resolved(document, prop.get("items"))):
            error = node.get("x-activitysmith-error") if isinstance(node, Mapping) else None
            if isinstance(error, Mapping) and "error" in error:
                code = error.get("code")
                found[name] = (str(error["error"]), None if code is None else str(code))
                break
    return found


@functools.lru_cache(maxsize=256)
def _ecma(pattern: str) -> re.Pattern[str]:
    """`pattern` with ECMA-262's meaning where Python's differs for the spec's patterns: a
    final `$` matches only at the very end (Python's also before a final newline, which let
    `abc\\n` pass as a stream key), and `\\d`, `\\w` are ASCII."""
    if pattern.endswith("$") and not pattern.endswith("\\$"):
        pattern = pattern[:-1] + r"\Z"
    return re.compile(pattern, re.ASCII)


def _ecma_pattern(validator: Any, pattern: str, instance: Any, schema: Any) -> Iterable[Any]:
    """jsonschema's `pattern` keyword, matching as ECMA-262 does."""
    if validator.is_type(instance, "string") and not _ecma(pattern).search(instance):
        from jsonschema.exceptions import ValidationError  # type: ignore[import-untyped]

        yield ValidationError(f"{instance!r} does not match {pattern!r}")


def _operations(document: Mapping[str, Any]) -> Iterable[tuple[str, str, str]]:
    for path, item in document.get("paths", {}).items():
        for method, operation in item.items():
            if method in _METHODS and "operationId" in operation:
                yield path, method, operation["operationId"]


def _absolute_refs(node: Any) -> Any:
    """A copy of `node` whose local `$ref`s name absolute URIs (see `SpecValidator`)."""
    if isinstance(node, Mapping):
        copied = {key: _absolute_refs(value) for key, value in node.items()}
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#"):
            prefix = "#/components/schemas/"
            name = ref[len(prefix) :]
            if ref.startswith(prefix) and "/" not in name:
                copied["$ref"] = SCHEMA_URI + name.replace("~1", "/").replace("~0", "~")
            else:
                copied["$ref"] = SPEC_URI + ref
        return copied
    if isinstance(node, list):
        return [_absolute_refs(item) for item in node]
    return node


def _node(document: Any, pointer: str) -> Any:
    """The node at a JSON pointer (`/paths/~1badge/post`)."""
    for part in pointer.split("/")[1:]:
        key = part.replace("~1", "/").replace("~0", "~")
        document = document[int(key)] if isinstance(document, list) else document[key]
    return document


def _pointer(*parts: str) -> str:
    return "".join("/" + part.replace("~", "~0").replace("/", "~1") for part in parts)


def _resolve(document: Mapping[str, Any], node: Any, pointer: str) -> tuple[Any, str]:
    """Follow a local `$ref` (as on parameters and request bodies) to the node and its pointer."""
    while isinstance(node, Mapping) and isinstance(node.get("$ref"), str):
        ref = node["$ref"]
        if not ref.startswith("#/"):
            raise ValueError(f"only local references are supported: {ref}")
        pointer = ref[1:]
        node = _node(document, pointer)
    return node, pointer


def _compile_operation(
    document: Mapping[str, Any], path: str, method: str, compile_at: Any
) -> _Operation:
    item = document["paths"][path]
    operation = item[method]
    parameters: list[_Parameter] = []
    seen: set[tuple[str, str]] = set()
    # Operation parameters first; a path-level one with the same name and place is overridden.
    sources = [(operation, _pointer("paths", path, method)), (item, _pointer("paths", path))]
    for owner, owner_pointer in sources:
        for index, raw in enumerate(owner.get("parameters", ())):
            parameter, pointer = _resolve(document, raw, f"{owner_pointer}/parameters/{index}")
            key = (parameter["name"], parameter["in"])
            if key in seen:
                continue
            seen.add(key)
            schema = parameter.get("schema")
            parameters.append(
                _Parameter(
                    name=parameter["name"],
                    location=parameter["in"],
                    required=bool(parameter.get("required", False)),
                    schema_type=schema.get("type") if isinstance(schema, Mapping) else None,
                    validator=None if schema is None else compile_at(f"{pointer}/schema"),
                )
            )
    body = None
    if "requestBody" in operation:
        request_body, pointer = _resolve(
            document, operation["requestBody"], _pointer("paths", path, method, "requestBody")
        )
        content = request_body.get("content", {})
        body = _Body(
            required=bool(request_body.get("required", False)),
            media_types=tuple(content),
            validators={
                media_type: (
                    compile_at(f"{pointer}{_pointer('content', media_type, 'schema')}")
                    if "schema" in media
                    else None
                )
                for media_type, media in content.items()
            },
        )
    return _Operation(tuple(parameters), body)


# -- checking one request ----------------------------------------------------------------------


def _parameter_errors(
    parameters: Sequence[_Parameter],
    path_params: Mapping[str, str],
    query: str,
    headers: Sequence[tuple[str, str]],
) -> list[str]:
    problems: list[str] = []
    if not parameters:
        return problems
    query_values = dict(reversed(parse_qsl(query, keep_blank_values=True))) if query else {}
    header_values = {name.lower(): value for name, value in reversed(headers)}
    for parameter in parameters:
        if parameter.location == "path":
            value = path_params.get(parameter.name)
        elif parameter.location == "query":
            value = query_values.get(parameter.name)
        elif parameter.location == "header":
            value = header_values.get(parameter.name.lower())
        else:
            continue  # cookies: the API has none
        if value is None:
            if parameter.required:
                problems.append(
                    f"Missing required {parameter.location} parameter: {parameter.name}"
                )
            continue
        if parameter.validator is None:
            continue
        errors = list(parameter.validator.iter_errors(_cast(value, parameter.schema_type)))
        if errors:
            problems.append("; ".join(f"{parameter.name}: {json_message(e)}" for e in errors))
    return problems


def _cast(value: str, schema_type: str | None) -> Any:
    """A parameter's text as the type its schema declares, when it reads as one."""
    with contextlib.suppress(ValueError):
        if schema_type == "integer":
            return int(value)
        if schema_type == "number":
            return float(value)
        if schema_type == "boolean" and value.lower() in ("true", "false"):
            return value.lower() == "true"
    return value


def _body_error(
    body_rules: _Body,
    headers: Sequence[tuple[str, str]],
    body: bytes,
    parsed: Any,
    refusals: Mapping[str, str],
) -> str | None:
    if not body:
        return "request body: a JSON object is required" if body_rules.required else None
    declared = next((value for name, value in headers if name.lower() == "content-type"), "")
    mimetype = content_type(declared, body)
    media_type = _find_media_type(mimetype, body_rules.media_types)
    if media_type is None:
        return (
            f"Content for the following mimetype not found: {mimetype}. "
            f"Valid mimetypes: {list(body_rules.media_types)}"
        )
    validator = body_rules.validators[media_type]
    if validator is None:
        return None
    errors = list(validator.iter_errors(parsed))
    if not errors:
        return None
    return "; ".join(located(error, refusals) for error in relevant(errors))


def _find_media_type(mimetype: str, media_types: Sequence[str]) -> str | None:
    """The request body media type that `mimetype` selects: exact, then its base, then a range."""
    base = mimetype.split(";")[0].lower().rstrip()
    for candidate in (mimetype, base):
        if candidate in media_types:
            return candidate
    if base:
        for media_type in media_types:
            if fnmatch.fnmatch(base, media_type):
                return media_type
    return None


def content_type(header: str, body: bytes) -> str:
    """The Content-Type in a form that parses, lower-cased.

    A parameter without `=` (`application/json; charset`) is dropped; a body without a
    type counts as JSON.
    """
    media, *parameters = header.split(";")
    if not media.strip():
        return "application/json" if body else ""
    kept = [p.strip() for p in parameters if p.count("=") == 1 and p.split("=")[0].strip()]
    return "; ".join([media.strip(), *kept]).lower()


# -- wording -----------------------------------------------------------------------------------


def relevant(errors: Sequence[Any]) -> list[Any]:
    """The errors worth reporting, by location; a wrong type hides the rest at its spot."""
    mistyped = {tuple(e.absolute_path) for e in errors if e.validator == "type"}
    kept = [e for e in errors if e.validator == "type" or tuple(e.absolute_path) not in mistyped]
    return sorted(kept, key=lambda e: [str(p) for p in e.absolute_path])


def located(error: Any, refusals: Mapping[str, str] | None = None) -> str:
    """`field.path: message`, or the message alone for the body itself."""
    location = _dotted(error.absolute_path)
    message = json_message(error, refusals)
    return f"{location}: {message}" if location else message


def _dotted(path: Iterable[str | int]) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def json_message(error: Any, refusals: Mapping[str, str] | None = None) -> str:
    """jsonschema's message with the offending value written as JSON (`true`, not `True`)."""
    message = str(error.message)
    if error.validator == "not" and isinstance(error.validator_value, dict):
        together = error.validator_value.get("required")
        if together:
            return f"{' and '.join(together)} cannot be sent together"
        refusal = (refusals or {}).get(str(error.validator_value.get("$ref")))
        if refusal:
            return refusal
    if error.validator in ("oneOf", "anyOf") and error.context:
        types = [e.validator_value for e in error.context if e.validator == "type"]
        if len(types) == len(error.context):
            message = f"{error.instance!r} is not of type {' or '.join(map(str, types))}"
    prefix = repr(error.instance)
    if message.startswith(prefix):
        with contextlib.suppress(TypeError, ValueError):
            return json.dumps(error.instance)[:200] + message[len(prefix) :]
    return message
