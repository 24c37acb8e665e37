"""TypedDicts of every request and nested object, the builder helpers, and track()'s shapes."""

from __future__ import annotations

import keyword
import re
from typing import Any

from .facade import (
    CONTENT_STATES,
    ENUM_NAMES,
    HELPERS,
    PROGRESS_DRAWN,
    STREAM_DELETE,
    STREAM_PUT,
    TRACK_EXCLUDED,
    Helper,
)
from .render import docstring, first_sentence, header, literal
from .spec import Spec, SpecError, ref_name
from .tables import channels_mode

__all__ = ["content_state_schemas", "emit_enum_names", "emit_helpers", "emit_params"]

CHANNELS_SHORTHAND = "Sequence[str] | str"


def params_name(schema_name: str) -> str:
    """`PushNotificationRequest` -> `PushNotificationParams`, `ActivityMetric` -> `ActivityMetricParams`."""
    base = schema_name.removesuffix("Request")
    return f"{base}Params"


def keywords_name(schema_name: str) -> str:
    """`LiveActivityStreamRequest` -> `LiveActivityStreamKeywords`."""
    return f"{schema_name.removesuffix('Request')}Keywords"


def content_state_schemas(spec: Spec) -> list[str]:
    """The schemas request bodies use for `content_state`, in operation order."""
    found: list[str] = []
    for op in spec.operations:
        if op.request_schema is None:
            continue
        prop = (spec.resolve(op.request_schema).get("properties") or {}).get("content_state")
        if isinstance(prop, dict) and "$ref" in prop:
            name = ref_name(prop["$ref"])
            if name not in found:
                found.append(name)
    return found


class Typer:
    """Python annotations for schemas; remembers the TypedDicts and enums they need."""

    def __init__(self, spec: Spec) -> None:
        self.spec = spec
        self.enums: dict[str, tuple[str, str, str]] = {}  # alias -> (module, class, values)
        self.nested: dict[str, str] = {}  # TypedDict name -> schema name
        self.content_states = set(content_state_schemas(spec))

    def annotation(self, schema: Any) -> str:
        if schema is True or schema == {}:
            return "Any"
        if not isinstance(schema, dict):
            return "Any"
        if "$ref" in schema:
            return self._ref(ref_name(schema["$ref"]))
        if "const" in schema:
            return f"Literal[{schema['const']!r}]"
        if "enum" in schema:
            return "Literal[" + ", ".join(repr(v) for v in schema["enum"]) + "]"
        for key in ("oneOf", "anyOf"):
            if key in schema:
                return self._union([self.annotation(s) for s in schema[key]])
        kind = schema.get("type")
        if isinstance(kind, list):
            return self._union([self.annotation({**schema, "type": k}) for k in kind])
        if kind == "string":
            return "str | datetime" if schema.get("format") == "date-time" else "str"
        if kind == "integer":
            return "int"
        if kind == "number":
            return "float"
        if kind == "boolean":
            return "bool"
        if kind == "null":
            return "None"
        if kind == "array":
            return f"Sequence[{self.annotation(schema.get('items', True))}]"
        if kind == "object" or "properties" in schema:
            if schema.get("properties"):
                raise SpecError("inline objects with properties need a components schema")
            extra = schema.get("additionalProperties", True)
            return f"Mapping[str, {self.annotation(extra) if isinstance(extra, dict) else 'Any'}]"
        return "Any"

    def _ref(self, name: str) -> str:
        target = self.spec.schema(name)
        if "enum" in target and target.get("type", "string") == "string":
            module, cls = self.spec.model_class(name)
            values = "Literal[" + ", ".join(repr(v) for v in target["enum"]) + "]"
            self.enums[f"{cls}Value"] = (module, cls, values)
            return f"{cls}Value"
        if target.get("properties"):
            td = params_name(name)
            self.nested[td] = name
            if name in self.content_states:
                return f"{td} | ContentStateParams"
            return td
        return self.annotation(target)

    @staticmethod
    def _union(parts: list[str]) -> str:
        seen: list[str] = []
        for part in parts:
            for piece in part.split(" | "):
                if piece not in seen:
                    seen.append(piece)
        return " | ".join(seen)


def _fields(spec: Spec, schema_name: str) -> tuple[dict[str, Any], set[str]]:
    schema = spec.resolve(spec.schema(schema_name))
    return dict(schema.get("properties") or {}), set(schema.get("required") or [])


def _typed_dict(
    name: str,
    doc: str,
    fields: list[tuple[str, str, bool]],
    bases: str = "TypedDict",
) -> str:
    """A TypedDict (class syntax when every key is an identifier), total=False."""
    if all(key.isidentifier() and not keyword.iskeyword(key) for key, _, _ in fields):
        body = "".join(
            f"    {key}: {f'Required[{ann}]' if required else ann}\n"
            for key, ann, required in fields
        )
        return f"\n\nclass {name}({bases}, total=False):\n{docstring(doc)}\n{body}"
    items = ", ".join(
        f"{key!r}: {f'Required[{ann}]' if required else ann}" for key, ann, required in fields
    )
    return f'\n\n{name} = TypedDict("{name}", {{{items}}}, total=False)\n'


def _content_state_union(spec: Spec, typer: Typer) -> list[tuple[str, str, bool, str]]:
    """(field, annotation, required, description) over every content-state schema."""
    names = content_state_schemas(spec)
    union: dict[str, tuple[str, str]] = {}
    required_everywhere: set[str] | None = None
    for name in names:
        properties, required = _fields(spec, name)
        required_everywhere = (
            required if required_everywhere is None else required_everywhere & required
        )
        for field_name, sub in properties.items():
            ann = typer.annotation(sub)
            if field_name in union and union[field_name][0] != ann:
                raise SpecError(
                    f"content_state.{field_name} has different types in different schemas"
                )
            union.setdefault(field_name, (ann, str(sub.get("description", ""))))
    required = required_everywhere or set()
    return [(field, ann, field in required, desc) for field, (ann, desc) in union.items()]


def emit_params(spec: Spec) -> str:
    typer = Typer(spec)
    blocks: list[str] = []
    # Top-level request bodies: every key optional (the dict form may supply it).
    for op in spec.operations:
        if op.request_ref is None:
            continue
        properties, _ = _fields(spec, op.request_ref)
        fields = [(name, typer.annotation(sub), False) for name, sub in properties.items()]
        mode = channels_mode(spec, op)
        if mode == "target":
            fields.append(("channels", CHANNELS_SHORTHAND, False))
        elif mode == "field":
            fields = [(n, CHANNELS_SHORTHAND if n == "channels" else a, r) for n, a, r in fields]
        blocks.append(
            _typed_dict(
                params_name(op.request_ref),
                f"Body of {op.method} {op.path} ({op.operation_id}), as keywords or a dict.",
                fields,
            )
        )
        state_ref = (properties.get("content_state") or {}).get("$ref")
        if state_ref is not None:
            taken = {name for name, _, _ in fields}
            state_fields, _ = _fields(spec, ref_name(state_ref))
            blocks.append(
                _typed_dict(
                    keywords_name(op.request_ref),
                    f"Keywords of {op.operation_id}: its body's fields, and its content "
                    "state's fields at the top level (moved into `content_state`).",
                    [
                        (name, typer.annotation(sub), False)
                        for name, sub in state_fields.items()
                        if name not in taken
                    ],
                    bases=params_name(op.request_ref),
                )
            )
    # Nested objects: strict, their required keys required.
    done: set[str] = set()
    while set(typer.nested) - done:
        for td in sorted(set(typer.nested) - done):
            done.add(td)
            schema_name = typer.nested[td]
            properties, required = _fields(spec, schema_name)
            description = first_sentence(spec.schema(schema_name).get("description", schema_name))
            fields = [(n, typer.annotation(s), n in required) for n, s in properties.items()]
            blocks.append(_typed_dict(td, description, fields))
    union = _content_state_union(spec, typer)
    blocks.append(
        _typed_dict(
            "ContentStateParams",
            "Any content state: every field of every content-state schema (what "
            "`content_state()` returns).",
            [(f, a, r) for f, a, r, _ in union],
        )
    )
    blocks.extend(_tracking_shapes(spec, typer, union))
    enum_imports = "".join(
        f"    from activitysmith_client.models.{module} import {cls}\n"
        for module, cls, _ in sorted(typer.enums.values())
    )
    aliases = "".join(
        f"\n    {alias}: TypeAlias = {cls} | {values}\n"
        f'    """A member of `{cls}`, or its value."""\n'
        for alias, (_, cls, values) in sorted(typer.enums.items())
    )
    return (
        header("TypedDicts of every request body and nested object, from the spec's schemas.")
        + "\nfrom __future__ import annotations\n\n"
        + "from collections.abc import Mapping, Sequence\n"
        + "from datetime import datetime\n"
        + "from typing import TYPE_CHECKING, Any, Final, Literal, Required, TypeAlias, TypedDict\n\n"
        + ("if TYPE_CHECKING:\n" + enum_imports + aliases + "\n" if enum_imports else "")
        + "".join(blocks)
    )


def _tracking_shapes(
    spec: Spec, typer: Typer, union: list[tuple[str, str, bool, str]]
) -> list[str]:
    put = spec.operation(STREAM_PUT)
    delete = spec.operation(STREAM_DELETE)
    if put.request_ref is None:
        raise SpecError(f"{STREAM_PUT} needs a components schema body")
    put_fields, _ = _fields(spec, put.request_ref)
    delete_fields = _fields(spec, delete.request_ref)[0] if delete.request_ref is not None else {}
    extras = [name for name in put_fields if name not in TRACK_EXCLUDED]
    end_extras = [name for name in extras if name in delete_fields]
    extra_fields = [
        (n, CHANNELS_SHORTHAND if n == "channels" else typer.annotation(put_fields[n]), False)
        for n in extras
    ]
    state_ref = (put_fields.get("content_state") or {}).get("$ref")
    if state_ref is None:
        raise SpecError(f"{STREAM_PUT}: content_state must be a components schema")
    state_fields, _ = _fields(spec, ref_name(state_ref))
    track_state = [
        (n, f"{typer.annotation(s)} | None", False)
        for n, s in state_fields.items()
        if n not in ("title", "type")
    ]
    style = [(f, a, False) for f, a, _, _ in union if f not in PROGRESS_DRAWN]
    return [
        _typed_dict(
            "TrackExtrasParams",
            "Stream PUT fields `track()` and `progress()` send with every update.",
            extra_fields,
        ),
        f"\n\nTRACK_EXTRAS: Final = {literal(tuple(extras))}\n"
        f"TRACK_END_EXTRAS: Final = {literal(tuple(end_extras))}\n"
        '"""Of TRACK_EXTRAS, those the final stream DELETE accepts too."""\n',
        _typed_dict(
            "TrackStateParams",
            "Content-state fields of a tracked stream besides title and type (None removes one).",
            track_state,
        ),
        _typed_dict(
            "ProgressStyleParams",
            "Content-state fields `progress()` passes through (it draws the others itself).",
            style,
        ),
        f"\n\nPROGRESS_STYLE: Final = {literal(tuple(f for f, _, _ in style))}\n",
    ]


def _helper_fields(spec: Spec, typer: Typer, helper: Helper) -> list[tuple[str, str, bool, str]]:
    if helper.schema == CONTENT_STATES:
        return _content_state_union(spec, typer)
    properties, required = _fields(spec, helper.schema)
    return [
        (n, typer.annotation(s), n in required, str(s.get("description", "")))
        for n, s in properties.items()
    ]


def _swap(spec: Spec, helper: Helper, by_name: dict[str, tuple[str, bool, str]]) -> str:
    """The statement that puts `helper.swapped`'s two arguments back in order, if any."""
    if helper.swapped is None:
        return ""
    first, second = helper.swapped
    if not {first, second} <= set(helper.positional):
        raise SpecError(f"{helper.name}(): {first} and {second} must both be positional")
    properties, _ = _fields(spec, helper.schema)
    values = spec.resolve(properties[second]).get("enum")
    if not values:
        raise SpecError(f"{helper.name}(): {second} must be an enum to tell the orders apart")
    choices = literal(tuple(values))
    return (
        f"    if {first} in {choices} and {second} not in {choices}:  # ({second}, {first})\n"
        f'        {first}, {second} = cast("str", {second}), cast("{by_name[second][0]}", {first})\n'
    )


def emit_helpers(spec: Spec) -> str:
    typer = Typer(spec)
    functions: list[str] = []
    returns: set[str] = {"ContentStateParams"}
    for helper in HELPERS:
        fields = _helper_fields(spec, typer, helper)
        names = [f for f, _, _, _ in fields]
        missing = [p for p in helper.positional if p not in names]
        if missing:
            raise SpecError(f"{helper.name}(): {', '.join(missing)} not in {helper.schema}")
        by_name = {f: (a, r, d) for f, a, r, d in fields}
        params = [
            f"{p}: {by_name[p][0]} = {helper.defaults[p]!r}"
            if p in helper.defaults
            else f"{p}: {by_name[p][0]}"
            for p in helper.positional
        ]
        keyword_only = [f for f in names if f not in helper.positional]
        if keyword_only:
            params.append("*")
        for name in keyword_only:
            ann, required, _ = by_name[name]
            if name in helper.defaults:
                params.append(f"{name}: {ann} = {helper.defaults[name]!r}")
            elif required:
                params.append(f"{name}: {ann}")
            else:
                params.append(f"{name}: {ann} | NotGiven = NOT_GIVEN")
        params.append("**unknown: Never")  # a misspelt field: ValidationError (and a type error)
        returned = (
            "ContentStateParams" if helper.schema == CONTENT_STATES else params_name(helper.schema)
        )
        schemas = (
            tuple(content_state_schemas(spec))
            if helper.schema == CONTENT_STATES
            else (helper.schema,)
        )
        returns.add(returned)
        lines = [helper.doc, ""]
        for name in [*helper.positional, *keyword_only]:
            text = first_sentence(by_name[name][2])
            lines.append(f"- `{name}`: {text}" if text else f"- `{name}`")
        arguments = ", ".join(
            [
                literal(schemas),
                *(f"{n}={n}" for n in [*helper.positional, *keyword_only]),
                "**unknown",
            ]
        )
        functions.append(
            f"\n\ndef {helper.name}({', '.join(params)}) -> {returned}:\n"
            + docstring("\n".join(lines))
            + _swap(spec, helper, by_name)
            + f'    return cast("{returned}", given({arguments}))\n'
        )
    imported = sorted(returns | set(typer.enums))
    return (
        header(
            "Builders for the nested objects of a request; each returns a plain JSON-ready dict."
        )
        + "\nfrom __future__ import annotations\n\n"
        + "from collections.abc import Mapping, Sequence\n"
        + "from typing import TYPE_CHECKING, Any, Never, cast\n\n"
        + "from .._helpers import given\n"
        + "from .._types import NOT_GIVEN, NotGiven\n\n"
        + "if TYPE_CHECKING:\n"
        + f"    from .params import {', '.join(imported)}\n\n"
        + f"__all__ = {literal(sorted(h.name for h in HELPERS))}\n"
        + "".join(functions)
    )


def constant_name(value: str) -> str:
    """`segmented_progress` -> `SEGMENTED_PROGRESS`, `time-sensitive` -> `TIME_SENSITIVE`."""
    name = re.sub(r"[^0-9A-Za-z]+", "_", value).strip("_").upper()
    if not name or not name.isidentifier():
        raise SpecError(f"enum value {value!r} has no constant name")
    return name


def emit_enum_names(spec: Spec) -> str:
    classes: list[str] = []
    for names in ENUM_NAMES:
        values = spec.schema(names.schema).get("enum")
        if not values or not all(isinstance(v, str) for v in values):
            raise SpecError(f"{names.name}: {names.schema} is not an enum of strings")
        body = "".join(
            f"    {names.prefix}{constant_name(value)}: Final = {value!r}\n" for value in values
        )
        classes.append(
            f"\n\nclass {names.name}:\n{docstring(names.doc)}\n    __slots__ = ()\n\n{body}"
        )
    return (
        header("Constants named after the values of the spec's enums, for the resources.")
        + "\nfrom typing import Final\n\n"
        + f"__all__ = {literal(sorted(n.name for n in ENUM_NAMES))}\n"
        + "".join(classes)
    )
