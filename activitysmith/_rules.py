"""Request validation: the spec's JSON Schema rules, compiled once, checked before sending.

`make generate` writes the rules of every request (`_generated/schemas.py`) from
openapi.yaml; this module turns each schema into a tree of small checkers on first use.
Checks run on the plain JSON-ready value the facade is about to send and raise
ValidationError naming the field (a dotted path), so no invalid request leaves the machine.

Keywords: type, enum, const, pattern (ECMA-262 semantics), format (date-time, uri),
min/maxLength, minimum/maximum and the exclusive bounds, multipleOf, items,
min/maxItems, uniqueItems, properties, required, additionalProperties, propertyNames,
min/maxProperties, dependentRequired, if/then/else, not, allOf/anyOf/oneOf, $ref. And the
spec's extensions for what JSON Schema cannot state: x-activitysmith-not-blank,
-pattern-hint, -at-most-field, -max-json-bytes, -max-unique-items, -same-as and -refusal.
Two of them count with `_measures`, as the local server does.

Python types map onto JSON ones strictly: `integer` is an int (not 3.0, never a bool),
`number` an int or a finite float, `boolean` only True or False.

Before the rules, `normalise` turns caller input into that plain JSON value, once, so the
rules (and the wire) never meet what JSON cannot say: cycles, nesting deeper than
`MAX_DEPTH`, lone surrogates, integers no JSON number holds, non-finite floats, datetimes
without a UTC offset. An aware datetime becomes its ISO 8601 text, accepted only where the
spec says `format: date-time`; strings are kept verbatim.
"""

from __future__ import annotations

import json
import math
import re
import sys
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import Any

from ._decoding import MAX_DEPTH
from ._errors import ValidationError, safe_repr
from ._measures import distinct_count, json_equal, json_size

__all__ = [
    "MAX_DEPTH",
    "Checker",
    "DateTimeText",
    "compile_schema",
    "ecma_pattern",
    "field_name",
    "lazy_ref",
    "normalise",
]

Schema = Mapping[str, Any]
Resolve = Callable[[str], "Checker"]


def _join(path: str, name: str | int) -> str:
    if isinstance(name, int):
        return f"{path}[{name}]"
    return f"{path}.{name}" if path else name


def field_name(name: object) -> str:
    """A key as it appears in a field path: printable, and visible when empty (`[""]`)."""
    if not isinstance(name, str):
        return safe_repr(name)
    if not name:
        return '[""]'
    if not name.isascii() and _SURROGATE.search(name):
        return name.encode("utf-8", "backslashreplace").decode("ascii", "replace")
    return name


# --- normalising caller input ------------------------------------------------------------------


class DateTimeText(str):
    """An aware datetime the caller gave, as ISO 8601 text; only date-time fields take one."""

    __slots__ = ()


_SURROGATE = re.compile("[\ud800-\udfff]")
_MAX_INT = int(sys.float_info.max)
"""The largest integer a JSON number can carry: the API reads numbers as doubles."""


class _Refused(Exception):
    """A value `normalise` refuses; `parts` collects the path on the way out."""

    def __init__(self, message: str, keep: int | None = None) -> None:
        self.message = message
        self.parts: list[str | int] = []
        self.keep = keep  # name only the first `keep` parts of the path (a cycle's start)


def _surrogate_message(text: str) -> str:
    found = _SURROGATE.search(text)
    assert found is not None
    return (
        f"contains a lone surrogate (U+{ord(found.group()):04X}), which is not valid Unicode "
        "text (bytes that were not UTF-8, decoded with surrogateescape, arrive like this)"
    )


def _normal(value: Any, depth: int, ancestors: list[int]) -> Any:
    kind = type(value)
    if kind is str:
        if not value.isascii() and _SURROGATE.search(value):
            raise _Refused(_surrogate_message(value))
        return value
    if kind is bool or value is None:
        return value
    if kind is int:
        if -_MAX_INT <= value <= _MAX_INT:
            return value
        raise _Refused("is an integer too large for a JSON number")
    if kind is float:
        if math.isfinite(value):
            return value
        raise _Refused(f"must be a finite number, got {value!r}")
    if kind is dict or isinstance(value, Mapping):
        if depth > MAX_DEPTH:
            raise _too_deep(value, ancestors)
        ancestors.append(id(value))
        copy: dict[str, Any] = {}
        for key, item in value.items():
            if type(key) is not str and not isinstance(key, str):
                refused = _Refused(f"keys must be strings, got {safe_repr(key)}")
                refused.parts.append(field_name(key))
                raise refused
            if not key.isascii() and _SURROGATE.search(key):
                refused = _Refused(f"key {_surrogate_message(key)}")
                refused.parts.append(field_name(key))
                raise refused
            try:
                copy[key] = _normal(item, depth + 1, ancestors)
            except _Refused as refused:
                refused.parts.append(key)
                raise
        ancestors.pop()
        return copy
    if kind is list or kind is tuple:
        return _sequence(value, depth, ancestors)
    return _normal_other(value, depth, ancestors)


def _sequence(value: Sequence[Any], depth: int, ancestors: list[int]) -> list[Any]:
    if depth > MAX_DEPTH:
        raise _too_deep(value, ancestors)
    ancestors.append(id(value))
    items = []
    for index, item in enumerate(value):
        try:
            items.append(_normal(item, depth + 1, ancestors))
        except _Refused as refused:
            refused.parts.append(index)
            raise
    ancestors.pop()
    return items


def _normal_other(value: Any, depth: int, ancestors: list[int]) -> Any:
    """Subclasses of the JSON types, enums, datetimes; anything else is left to the rules."""
    if isinstance(value, str):  # e.g. a StrEnum member: the text is what JSON carries
        return _normal(str.__str__(value), depth, ancestors)
    if isinstance(value, bool):
        return bool(value)
    if isinstance(value, int):
        return _normal(int(value), depth, ancestors)
    if isinstance(value, float):
        return _normal(float(value), depth, ancestors)
    if isinstance(value, list | tuple):
        return _sequence(value, depth, ancestors)
    if isinstance(value, datetime):
        try:
            offset = value.utcoffset()
        except Exception:
            offset = None
        if offset is None:
            raise _Refused("must be timezone-aware (e.g. datetime.now(UTC))")
        return DateTimeText(value.isoformat())
    return value  # not JSON (a set, bytes, an object): the rules refuse it, naming its kind


def _too_deep(value: Any, ancestors: list[int]) -> _Refused:
    chain = [*ancestors, id(value)]
    for depth, container in enumerate(chain):
        if container in chain[depth + 1 :]:
            return _Refused("contains itself (a cycle); JSON can only nest copies", keep=depth)
    return _Refused(f"is nested more than {MAX_DEPTH} levels deep", keep=3)


def normalise(value: Any, path: str = "") -> Any:
    """`value` as a plain JSON value (fresh dicts and lists); ValidationError naming the field.

    Cycles, nesting beyond MAX_DEPTH, lone surrogates (in text or keys), non-string keys,
    integers beyond a double, NaN and infinities, and naive datetimes are refused; an aware
    datetime becomes DateTimeText; anything else that is not JSON is left for the rules.
    """
    try:
        return _normal(value, 1, [])
    except _Refused as refused:
        parts = list(reversed(refused.parts))
        if refused.keep is not None:
            parts = parts[: refused.keep]
        field = path
        for part in parts:
            field = _join(field, part if isinstance(part, int) else field_name(part))
        raise ValidationError(field or "params", refused.message) from None


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, Mapping):
        return "an object"
    if isinstance(value, list | tuple):
        return "an array"
    return type(value).__name__


def _got(value: Any) -> str:
    """`got a number 3.0`: the kind, and the value when it is short and scalar."""
    if isinstance(value, bool | int | float) or value is None:
        return f"got {_kind(value)} {json.dumps(value) if value is not None else ''}".rstrip()
    if isinstance(value, str) and len(value) <= 40:
        return f"got a string {value!r}"
    return f"got {_kind(value)}"


def _is_integer(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


_PYTHON_KINDS: dict[str, Callable[[Any], bool]] = {
    "string": lambda v: isinstance(v, str),
    "integer": _is_integer,
    "number": _is_number,
    "boolean": lambda v: isinstance(v, bool),
    "object": lambda v: isinstance(v, Mapping),
    "array": lambda v: isinstance(v, list | tuple),
    "null": lambda v: v is None,
}
_TYPE_WORDS = {
    "string": "a string",
    "integer": "an integer",
    "number": "a number",
    "boolean": "true or false",
    "object": "an object (dict)",
    "array": "a list",
    "null": "null",
}


def _words(items: Sequence[str]) -> str:
    items = list(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]


def _number_text(value: float) -> str:
    return json.dumps(value) if isinstance(value, int) else f"{value:g}"


def ecma_pattern(pattern: str) -> re.Pattern[str]:
    """Compile an ECMA-262 regular expression (JSON Schema's dialect) for `search`.

    Outside character classes, `$` becomes `\\Z` (ECMA's `$` matches only at the end;
    Python's also before a final newline), and `\\d`, `\\w`, `\\s` and their negations keep
    ECMA's meaning (ASCII digits and word characters) instead of Python's Unicode one.
    """
    out: list[str] = []
    i, in_class = 0, False
    ascii_classes = {"d": "0-9", "w": "A-Za-z0-9_", "D": "^0-9", "W": "^A-Za-z0-9_"}
    while i < len(pattern):
        char = pattern[i]
        if char == "\\" and i + 1 < len(pattern):
            escaped = pattern[i + 1]
            if escaped in ascii_classes and not in_class:
                out.append(f"[{ascii_classes[escaped]}]")
            elif escaped in "dw" and in_class:
                out.append(ascii_classes[escaped])
            else:
                out.append(pattern[i : i + 2])
            i += 2
            continue
        if in_class:
            if char == "]":
                in_class = False
        elif char == "[":
            in_class = True
            out.append(char)
            if pattern[i + 1 : i + 2] == "]":  # a leading ] is literal in Python, not in ECMA
                raise ValueError(f"unsupported pattern {pattern!r}")
            i += 1
            continue
        elif char == "$":
            out.append(r"\Z")
            i += 1
            continue
        out.append(char)
        i += 1
    return re.compile("".join(out))


def _pattern_message(pattern: str) -> str:
    literal = re.fullmatch(r"\^((?:[A-Za-z0-9:/._-]|\\.)+)", pattern)
    if literal:
        prefix = re.sub(r"\\(.)", r"\1", literal.group(1))
        return f"must start with {prefix}"
    return f"must match the pattern {pattern}"


_DATE_TIME = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})\Z", re.ASCII
)
_URI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s\x00-\x1f\x7f]*\Z")


def _check_date_time(value: Any, path: str) -> None:
    found = _DATE_TIME.match(value)
    if found is not None:
        try:
            datetime.fromisoformat(value.replace("z", "Z").replace("t", "T").replace("Z", "+00:00"))
            return
        except ValueError:
            pass
    raise ValidationError(
        path, f"must be an RFC 3339 date-time like 2026-01-31T12:00:00Z, got {value!r}"
    )


def _check_uri(value: Any, path: str) -> None:
    if not _URI.match(value):
        raise ValidationError(path, f"must be an absolute URI with a scheme, got {value!r}")


_FORMATS: dict[str, Callable[[Any, str], None]] = {"date-time": _check_date_time, "uri": _check_uri}


class Checker:
    """Checks one JSON value; raises ValidationError (naming `path`) when it breaks a rule."""

    __slots__ = ()

    def check(self, value: Any, path: str) -> None:
        raise NotImplementedError

    def allows_null(self) -> bool:
        """Whether None is a value here (else a None field means "leave it out")."""
        return False

    def refusal(self) -> str | None:
        """What to say when a `not` around this schema refuses a value (`x-activitysmith-refusal`)."""
        return None

    def accepts(self, value: Any) -> bool:
        try:
            self.check(value, "")
        except ValidationError:
            return False
        return True


class _Anything(Checker):
    __slots__ = ()

    def allows_null(self) -> bool:
        return True

    def check(self, value: Any, path: str) -> None:
        _check_json(value, path)


class _Nothing(Checker):
    __slots__ = ()

    def check(self, value: Any, path: str) -> None:
        raise ValidationError(path, "is not allowed here")


_NOT_A_DATETIME = "must be text, got a datetime (only date-time fields take one)"


def _check_json(value: Any, path: str) -> None:
    """Any JSON value: dicts with string keys, lists, strings, finite numbers, booleans, None."""
    if type(value) is DateTimeText:
        raise ValidationError(path, _NOT_A_DATETIME)
    if value is None or isinstance(value, str | bool | int):
        return
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValidationError(path, f"must be a finite number, got {value!r}")
        return
    if isinstance(value, Mapping):
        for key, item in value.items():
            if not isinstance(key, str):
                raise ValidationError(path, f"keys must be strings, got {key!r}")
            _check_json(item, _join(path, key))
        return
    if isinstance(value, list | tuple):
        for index, item in enumerate(value):
            _check_json(item, _join(path, index))
        return
    raise ValidationError(path, f"must be a JSON value, got {type(value).__name__}")


def lazy_ref(name: str, resolve: Resolve) -> Checker:
    """A `$ref` to a schema still being compiled (a schema that contains itself)."""
    return _Ref(name, resolve)


class _Ref(Checker):
    """A `$ref`, resolved on first use."""

    __slots__ = ("_name", "_resolve", "_target")

    def __init__(self, name: str, resolve: Resolve) -> None:
        self._name, self._resolve = name, resolve
        self._target: Checker | None = None

    @property
    def target(self) -> Checker:
        if self._target is None:
            self._target = self._resolve(self._name)
        return self._target

    def allows_null(self) -> bool:
        return self.target.allows_null()

    def check(self, value: Any, path: str) -> None:
        self.target.check(value, path)

    def accepts(self, value: Any) -> bool:
        return self.target.accepts(value)

    def refusal(self) -> str | None:
        return self.target.refusal()


class _String(Checker):
    __slots__ = ("fmt", "hint", "max_len", "min_len", "not_blank", "pattern", "refused", "source")

    def __init__(self, schema: Schema) -> None:
        self.min_len: int | None = schema.get("minLength")
        self.max_len: int | None = schema.get("maxLength")
        self.source: str | None = schema.get("pattern")
        # Compiled on the first value checked: most fields of a request are not sent, and a
        # regular expression costs far more to compile than to run.
        self.pattern: re.Pattern[str] | None = None
        self.hint: str | None = schema.get("x-activitysmith-pattern-hint")
        self.fmt = _FORMATS.get(schema.get("format", ""))
        self.not_blank = bool(schema.get("x-activitysmith-not-blank"))
        self.refused: str | None = schema.get("x-activitysmith-refusal")

    def check(self, value: Any, path: str) -> None:
        if not isinstance(value, str):
            if isinstance(value, datetime) and self.fmt is _check_date_time:
                raise ValidationError(path, "must be timezone-aware (e.g. datetime.now(UTC))")
            raise ValidationError(path, f"must be a string, got {_kind(value)}")
        if type(value) is DateTimeText and self.fmt is not _check_date_time:
            raise ValidationError(path, _NOT_A_DATETIME)
        if self.min_len is not None and len(value) < self.min_len:
            raise ValidationError(
                path,
                "must not be empty"
                if self.min_len == 1
                else f"must be at least {self.min_len} characters, got {len(value)}",
            )
        if self.max_len is not None and len(value) > self.max_len:
            raise ValidationError(
                path, f"must be at most {self.max_len} characters, got {len(value)}"
            )
        if self.not_blank and not value.strip():
            raise ValidationError(path, "must not be empty")
        if self.source is not None and not self._matches(value):
            raise ValidationError(path, self.hint or _pattern_message(self.source))
        if self.fmt is not None:
            self.fmt(value, path)

    def refusal(self) -> str | None:
        return self.refused

    def accepts(self, value: Any) -> bool:
        return (
            isinstance(value, str)
            and (type(value) is not DateTimeText or self.fmt is _check_date_time)
            and (self.min_len is None or len(value) >= self.min_len)
            and (self.max_len is None or len(value) <= self.max_len)
            and (not self.not_blank or bool(value.strip()))
            and (self.source is None or self._matches(value))
            and (self.fmt is None or super().accepts(value))
        )

    def _matches(self, value: str) -> bool:
        pattern = self.pattern
        if pattern is None:
            assert self.source is not None
            pattern = self.pattern = ecma_pattern(self.source)
        return pattern.search(value) is not None


class _Number(Checker):
    __slots__ = ("above", "below", "integer", "maximum", "minimum", "multiple_of")

    def __init__(self, schema: Schema, *, integer: bool) -> None:
        self.integer = integer
        self.minimum: float | None = schema.get("minimum")
        self.maximum: float | None = schema.get("maximum")
        self.above: float | None = schema.get("exclusiveMinimum")
        self.below: float | None = schema.get("exclusiveMaximum")
        self.multiple_of: float | None = schema.get("multipleOf")

    def check(self, value: Any, path: str) -> None:
        if self.integer:
            if not _is_integer(value):
                raise ValidationError(path, f"must be an integer, {_got(value)}")
        elif not _is_number(value):
            raise ValidationError(path, f"must be a number, {_got(value)}")
        elif isinstance(value, float) and not math.isfinite(value):
            raise ValidationError(path, f"must be a finite number, got {value!r}")
        if self.minimum is not None and value < self.minimum:
            self._refuse(path, f"must be >= {_number_text(self.minimum)}", value)
        if self.maximum is not None and value > self.maximum:
            self._refuse(path, f"must be <= {_number_text(self.maximum)}", value)
        if self.above is not None and value <= self.above:
            self._refuse(path, f"must be greater than {_number_text(self.above)}", value)
        if self.below is not None and value >= self.below:
            self._refuse(path, f"must be less than {_number_text(self.below)}", value)
        if self.multiple_of is not None and (value / self.multiple_of) % 1:
            self._refuse(path, f"must be a multiple of {_number_text(self.multiple_of)}", value)

    @staticmethod
    def _refuse(path: str, rule: str, value: Any) -> None:
        raise ValidationError(path, f"{rule}, got {json.dumps(value)}")


class _Boolean(Checker):
    __slots__ = ()

    def check(self, value: Any, path: str) -> None:
        if not isinstance(value, bool):
            raise ValidationError(path, f"must be true or false, {_got(value)}")

    def accepts(self, value: Any) -> bool:
        return isinstance(value, bool)


class _Null(Checker):
    __slots__ = ()

    def allows_null(self) -> bool:
        return True

    def check(self, value: Any, path: str) -> None:
        if value is not None:
            raise ValidationError(path, f"must be null, {_got(value)}")


class _Enum(Checker):
    __slots__ = ("strings", "values")

    def __init__(self, values: Sequence[Any]) -> None:
        self.values = tuple(values)
        self.strings = frozenset(v for v in self.values if isinstance(v, str))

    def allows_null(self) -> bool:
        return None in self.values

    def check(self, value: Any, path: str) -> None:
        if not self.accepts(value):
            listed = ", ".join(v if isinstance(v, str) else json.dumps(v) for v in self.values)
            raise ValidationError(path, f"must be one of {listed}; got {value!r}")

    def accepts(self, value: Any) -> bool:
        if isinstance(value, str):  # str enums (Color.RED) included
            return value in self.strings
        return any(json_equal(v, value) for v in self.values)


class _Const(Checker):
    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value

    def allows_null(self) -> bool:
        return self.value is None

    def check(self, value: Any, path: str) -> None:
        if not self.accepts(value):
            raise ValidationError(path, f"must be {json.dumps(self.value)}, got {value!r}")

    def accepts(self, value: Any) -> bool:
        return json_equal(value, self.value)


class _Array(Checker):
    __slots__ = ("item", "max_distinct", "max_items", "min_items", "unique")

    def __init__(self, schema: Schema, item: Checker | None) -> None:
        self.item = item
        self.min_items: int | None = schema.get("minItems")
        self.max_items: int | None = schema.get("maxItems")
        self.max_distinct: int | None = schema.get("x-activitysmith-max-unique-items")
        self.unique = bool(schema.get("uniqueItems"))

    def check(self, value: Any, path: str) -> None:
        if not isinstance(value, list | tuple):
            raise ValidationError(path, f"must be a list, got {_kind(value)}")
        if self.min_items is not None and len(value) < self.min_items:
            raise ValidationError(
                path, f"must have at least {self.min_items} item(s), got {len(value)}"
            )
        if self.max_items is not None and len(value) > self.max_items:
            raise ValidationError(
                path, f"must have at most {self.max_items} items, got {len(value)}"
            )
        item = self.item
        if item is not None:
            for index, element in enumerate(value):
                if element is None and not item.allows_null():
                    raise ValidationError(_join(path, index), "must not be None")
                item.check(element, _join(path, index))
        if self.unique:
            for index, element in enumerate(value):
                if any(json_equal(element, earlier) for earlier in value[:index]):
                    raise ValidationError(_join(path, index), "repeats an earlier item")
        limit = self.max_distinct
        if limit is not None and distinct_count(value, limit) > limit:
            raise ValidationError(path, f"must have at most {limit} different values")


class _Object(Checker):
    """An object: its properties, what else it may hold, and the rules between its fields."""

    __slots__ = (
        "additional",
        "at_most",
        "check_json",
        "closed",
        "dependent",
        "items",
        "max_bytes",
        "max_props",
        "min_props",
        "mode",
        "names",
        "properties",
        "required",
        "rules",
        "same_as",
    )

    def __init__(
        self,
        schema: Schema,
        properties: dict[str, Checker],
        additional: Checker | None,
        names: Checker | None,
    ) -> None:
        self.properties = properties
        self.items = tuple(properties.items())
        self.required: tuple[str, ...] = tuple(schema.get("required", ()))
        extra = schema.get("additionalProperties")
        self.closed = extra is False
        self.additional = additional  # the schema of other keys (None: any JSON value)
        # Other keys of a free-form object must still be JSON; in a schema that lists its
        # properties and says nothing about the rest (a `then` branch), they are left alone.
        self.check_json = extra is True or (extra is None and not schema.get("properties"))
        self.names = names
        self.min_props: int | None = schema.get("minProperties")
        self.max_props: int | None = schema.get("maxProperties")
        self.dependent: tuple[tuple[str, tuple[str, ...]], ...] = tuple(
            (name, tuple(needs)) for name, needs in (schema.get("dependentRequired") or {}).items()
        )
        self.max_bytes: int | None = schema.get("x-activitysmith-max-json-bytes")
        props = schema.get("properties") or {}
        self.at_most = tuple(
            (name, sub["x-activitysmith-at-most-field"])
            for name, sub in props.items()
            if isinstance(sub, Mapping) and "x-activitysmith-at-most-field" in sub
        )
        self.same_as = tuple(
            (name, tuple(sub["x-activitysmith-same-as"].split(".")))
            for name, sub in props.items()
            if isinstance(sub, Mapping) and "x-activitysmith-same-as" in sub
        )
        rules: list[Callable[[Mapping[str, Any], str], None]] = []
        if self.min_props is not None or self.max_props is not None:
            rules.append(self._count)
        if self.dependent:
            rules.append(self._dependent)
        if self.at_most:
            rules.append(self._at_most)
        if self.same_as:
            rules.append(self._same_as)
        if self.max_bytes is not None:
            rules.append(self._size)
        self.rules = tuple(rules)
        # How to walk the value's keys: "known" (closed, every key is a property), "declared"
        # (only the properties matter), or "every" (other keys have rules of their own).
        if names is None and self.closed:
            self.mode = "known"
        elif names is None and additional is None and not self.check_json:
            self.mode = "declared"
        else:
            self.mode = "every"

    def check(self, value: Any, path: str) -> None:
        if type(value) is not dict and not isinstance(value, Mapping):
            raise ValidationError(path, f"must be an object (dict), got {_kind(value)}")
        properties = self.properties
        if self.closed:
            for name in value:
                if name not in properties:
                    self._unknown(name, path)
        for name in self.required:
            if name not in value:
                raise ValidationError(_join(path, name), "is required")
        mode = self.mode
        if mode == "known":
            for name, item in value.items():
                checker = properties[name]
                if item is None and not checker.allows_null():
                    raise ValidationError(
                        _join(path, name), "must not be None (leave it out to omit the field)"
                    )
                checker.check(item, f"{path}.{name}" if path else name)
        elif mode == "declared":
            for name, checker in self.items:
                if name in value:
                    item = value[name]
                    if item is None and not checker.allows_null():
                        raise ValidationError(
                            _join(path, name), "must not be None (leave it out to omit the field)"
                        )
                    checker.check(item, f"{path}.{name}" if path else name)
        else:
            self._every(value, path)
        for rule in self.rules:
            rule(value, path)

    def accepts(self, value: Any) -> bool:
        if not isinstance(value, Mapping):
            return False
        for name in self.required:  # the common way not to match, without an exception
            if name not in value:
                return False
        return super().accepts(value)

    def _unknown(self, name: Any, path: str) -> None:
        import difflib  # only on the error path: keeps `import` fast

        close = difflib.get_close_matches(str(name), self.properties, n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        raise ValidationError(
            _join(path, field_name(name)), f"is not a field of this request{hint}"
        )

    def _every(self, value: Mapping[Any, Any], path: str) -> None:
        properties, additional, names = self.properties, self.additional, self.names
        for name, item in value.items():
            if names is not None:
                try:
                    names.check(name, _join(path, str(name)))
                except ValidationError as exc:
                    raise ValidationError(exc.field, f"key {exc.message}") from None
            checker = properties.get(name)
            if checker is None:
                if not isinstance(name, str):
                    raise ValidationError(path, f"keys must be strings, got {name!r}")
                checker = additional
                if checker is None:
                    if self.check_json:
                        _check_json(item, _join(path, name))
                    continue
            if item is None and not checker.allows_null():
                raise ValidationError(
                    _join(path, name), "must not be None (leave it out to omit the field)"
                )
            checker.check(item, _join(path, name))

    def _count(self, value: Mapping[str, Any], path: str) -> None:
        if self.min_props is not None and len(value) < self.min_props:
            raise ValidationError(
                path, f"must have at least {self.min_props} entries, got {len(value)}"
            )
        if self.max_props is not None and len(value) > self.max_props:
            raise ValidationError(
                path, f"must have at most {self.max_props} entries, got {len(value)}"
            )

    def _dependent(self, value: Mapping[str, Any], path: str) -> None:
        for name, needs in self.dependent:
            if name in value:
                for needed in needs:
                    if needed not in value:
                        raise ValidationError(
                            _join(path, needed), f"is required when {name} is set"
                        )

    def _at_most(self, value: Mapping[str, Any], path: str) -> None:
        for name, bound in self.at_most:
            if name not in value or bound not in value:
                continue
            low: Any = value[name]
            high: Any = value[bound]
            if _is_number(low) and _is_number(high) and low > high:
                raise ValidationError(_join(path, name), f"must be <= {bound} ({high}), got {low}")

    def _same_as(self, value: Mapping[str, Any], path: str) -> None:
        for name, other in self.same_as:
            if name in value:
                found: Any = value
                for part in other:
                    found = found.get(part) if isinstance(found, Mapping) else None
                if found is not None and list(found) != list(value[name]):
                    raise ValidationError(
                        _join(path, name), f"must match {'.'.join(other)} when both are given"
                    )

    def _size(self, value: Mapping[str, Any], path: str) -> None:
        assert self.max_bytes is not None
        size = json_size(value)
        if size > self.max_bytes:
            limit = (
                f"{self.max_bytes // 1024} KB"
                if self.max_bytes % 1024 == 0
                else f"{self.max_bytes} bytes"
            )
            raise ValidationError(path, f"must be at most {limit} as JSON, got {size} bytes")


class _Switch(Checker):
    """Alternatives that each take one kind of JSON value (`oneOf` string | number, `type` lists)."""

    __slots__ = ("kinds", "options")

    def __init__(self, options: Sequence[tuple[str, Checker]]) -> None:
        self.options = tuple(options)
        self.kinds = _words([_TYPE_WORDS[kind] for kind, _ in self.options])

    def allows_null(self) -> bool:
        return any(kind == "null" for kind, _ in self.options)

    def check(self, value: Any, path: str) -> None:
        for kind, checker in self.options:
            if _PYTHON_KINDS[kind](value):
                checker.check(value, path)
                return
        raise ValidationError(path, f"must be {self.kinds}, {_got(value)}")


def _requirement(schema: Schema) -> str | None:
    """`value + upper_limit` for `{required: [value, upper_limit]}` (None: not a plain requirement)."""
    required = schema.get("required")
    if not required or set(schema) - {"required", "properties"}:
        return None
    consts = {
        name: sub["const"]
        for name, sub in (schema.get("properties") or {}).items()
        if isinstance(sub, Mapping) and set(sub) == {"const"}
    }
    if set(schema.get("properties") or {}) - set(consts):
        return None
    return " + ".join(
        f"{name}: {json.dumps(consts[name])}" if name in consts else name for name in required
    )


class _AnyOf(Checker):
    __slots__ = ("alternatives", "needs")

    def __init__(self, alternatives: Sequence[Checker], schemas: Sequence[Schema]) -> None:
        self.alternatives = tuple(alternatives)
        needs = [_requirement(schema) for schema in schemas]
        self.needs = " or ".join(n for n in needs if n) if all(needs) else None

    def allows_null(self) -> bool:
        return any(alt.allows_null() for alt in self.alternatives)

    def check(self, value: Any, path: str) -> None:
        first: ValidationError | None = None
        for alternative in self.alternatives:
            try:
                alternative.check(value, path)
                return
            except ValidationError as exc:
                first = first or exc
        if self.needs is not None:
            raise ValidationError(path, f"needs {self.needs}")
        assert first is not None
        raise first


class _OneOf(Checker):
    __slots__ = ("alternatives",)

    def __init__(self, alternatives: Sequence[Checker]) -> None:
        self.alternatives = tuple(alternatives)

    def allows_null(self) -> bool:
        return any(alt.allows_null() for alt in self.alternatives)

    def check(self, value: Any, path: str) -> None:
        errors: list[ValidationError] = []
        for alternative in self.alternatives:
            try:
                alternative.check(value, path)
            except ValidationError as exc:
                errors.append(exc)
        matched = len(self.alternatives) - len(errors)
        if matched == 1:
            return
        if matched == 0:
            raise errors[0]
        raise ValidationError(path, "matches more than one of the allowed forms")


class _Not(Checker):
    __slots__ = ("inner", "together")

    def __init__(self, inner: Checker, schema: Schema) -> None:
        self.inner = inner
        required = schema.get("required") or ()
        self.together = tuple(required) if len(required) >= 2 else None

    def check(self, value: Any, path: str) -> None:
        if not self.inner.accepts(value):
            return
        refusal = self.inner.refusal()
        if refusal:
            raise ValidationError(path, refusal)
        if self.together is not None:
            first, *others = self.together
            raise ValidationError(
                _join(path, first),
                f"cannot be combined with {_words(others)}; send one or the other",
            )
        raise ValidationError(path, "has a form that is not allowed")


class _Condition(Checker):
    """`if` / `then` / `else`: the `then` rules apply to values the `if` schema matches.

    A failure in `then` says which condition applied: "needs message (when type is
    'alert')". A `then` that only lists required fields is one message about the object.
    """

    __slots__ = ("condition", "fields", "needs", "otherwise", "then")

    def __init__(
        self,
        condition: Checker,
        fields: tuple[str, ...],
        then: tuple[Checker, Schema] | None,
        otherwise: Checker | None,
    ) -> None:
        self.condition, self.fields, self.otherwise = condition, fields, otherwise
        self.then = None if then is None else then[0]
        needs = None if then is None else then[1]
        self.needs = (
            tuple(needs["required"])
            if isinstance(needs, Mapping) and set(needs) == {"required"}
            else None
        )

    def check(self, value: Any, path: str) -> None:
        if not self.condition.accepts(value):
            if self.otherwise is not None:
                self.otherwise.check(value, path)
            return
        if self.then is None:
            return
        if self.needs is not None:
            if isinstance(value, Mapping) and all(name in value for name in self.needs):
                return
            raise ValidationError(path, f"needs {' + '.join(self.needs)}{self._when(value)}")
        try:
            self.then.check(value, path)
        except ValidationError as exc:
            raise ValidationError(exc.field, f"{exc.message}{self._when(value)}") from None

    def _when(self, value: Any) -> str:
        if not isinstance(value, Mapping):
            return ""
        parts = [f"{name} is {value[name]!r}" for name in self.fields if name in value]
        return f" (when {' and '.join(parts)})" if parts else ""


class _All(Checker):
    __slots__ = ("parts",)

    def __init__(self, parts: Sequence[Checker]) -> None:
        self.parts = tuple(parts)

    def allows_null(self) -> bool:
        return all(part.allows_null() for part in self.parts)

    def check(self, value: Any, path: str) -> None:
        for part in self.parts:
            part.check(value, path)

    def accepts(self, value: Any) -> bool:
        return all(part.accepts(value) for part in self.parts)


class _FastCondition(Checker):
    """`if: {properties: {f: {const: v}}, required: [f]}` and kin, tested without exceptions."""

    __slots__ = ("name", "others", "required", "strings", "values")

    def __init__(self, name: str, values: tuple[Any, ...], required: bool) -> None:
        self.name, self.values, self.required = name, values, required
        self.strings = frozenset(v for v in values if isinstance(v, str))
        self.others = tuple(v for v in values if not isinstance(v, str))

    def check(self, value: Any, path: str) -> None:
        if not self.accepts(value):
            raise ValidationError(path, f"{self.name} is not one of {self.values!r}")

    def accepts(self, value: Any) -> bool:
        if type(value) is not dict and not isinstance(value, Mapping):
            return True  # `if` only constrains objects
        found = value.get(self.name, _ABSENT)
        if found is _ABSENT:
            return not self.required
        if isinstance(found, str):
            return found in self.strings
        return any(json_equal(found, v) for v in self.others)


_ABSENT = object()


def _constants(schema: Any) -> tuple[Any, ...] | None:
    """The values `{const: v}`, `{enum: [...]}` or `{anyOf: [{const: v}, ...]}` allow."""
    if not isinstance(schema, Mapping):
        return None
    if set(schema) == {"const"}:
        return (schema["const"],)
    if set(schema) == {"enum"}:
        return tuple(schema["enum"])
    if set(schema) == {"anyOf"}:
        found: list[Any] = []
        for alternative in schema["anyOf"]:
            values = _constants(alternative)
            if values is None:
                return None
            found.extend(values)
        return tuple(found)
    return None


def _fast_condition(schema: Schema) -> Checker | None:
    props = schema.get("properties") or {}
    if not (set(schema) <= {"properties", "required"} and len(props) == 1):
        return None
    ((name, sub),) = props.items()
    values = _constants(sub)
    required = schema.get("required") or []
    if values is None or required not in ([], [name]):
        return None
    return _FastCondition(name, values, bool(required))


def compile_schema(schema: Schema | bool, resolve: Resolve) -> Checker:
    """The checker of one schema; `resolve(name)` gives the checker of a `$ref` target."""
    if schema is True:
        return _Anything()
    if schema is False:
        return _Nothing()
    parts: list[Checker] = []
    if "$ref" in schema:
        parts.append(resolve(schema["$ref"]))
    base = _base(schema, resolve)
    if base is not None:
        parts.append(base)
    if "allOf" in schema:
        parts.extend(compile_schema(sub, resolve) for sub in schema["allOf"])
    if "anyOf" in schema:
        parts.append(
            _typed_switch(schema["anyOf"], resolve)
            or _AnyOf([compile_schema(s, resolve) for s in schema["anyOf"]], schema["anyOf"])
        )
    if "oneOf" in schema:
        parts.append(
            _typed_switch(schema["oneOf"], resolve)
            or _OneOf([compile_schema(s, resolve) for s in schema["oneOf"]])
        )
    if "not" in schema:
        parts.append(_Not(compile_schema(schema["not"], resolve), schema["not"]))
    if "if" in schema:
        condition = schema["if"]
        fields = tuple(
            (condition.get("properties") or {}) if isinstance(condition, Mapping) else ()
        )
        then = (
            (compile_schema(schema["then"], resolve), schema["then"]) if "then" in schema else None
        )
        otherwise = compile_schema(schema["else"], resolve) if "else" in schema else None
        parts.append(
            _Condition(
                _fast_condition(condition) or compile_schema(condition, resolve),
                fields,
                then,
                otherwise,
            )
        )
    if not parts:
        return _Anything()
    return parts[0] if len(parts) == 1 else _All(parts)


def _typed_switch(alternatives: Sequence[Schema], resolve: Resolve) -> Checker | None:
    """Alternatives of distinct single JSON types: dispatch on the value's type."""
    options: list[tuple[str, Checker]] = []
    for alternative in alternatives:
        kind = alternative.get("type") if isinstance(alternative, Mapping) else None
        if not isinstance(kind, str) or any(k == kind for k, _ in options):
            return None
        if kind == "number" and any(k == "integer" for k, _ in options):
            return None
        options.append((kind, compile_schema(alternative, resolve)))
    if any(k == "integer" for k, _ in options) and any(k == "number" for k, _ in options):
        return None
    return _Switch(options)


def _base(schema: Schema, resolve: Resolve) -> Checker | None:
    """The checker of the schema's own keywords (type, bounds, properties...), if any."""
    if "enum" in schema:
        return _Enum(schema["enum"])
    if "const" in schema:
        return _Const(schema["const"])
    kind = schema.get("type")
    if isinstance(kind, list):
        return _Switch([(k, _typed(k, schema, resolve)) for k in kind])
    if kind is None:
        kind = _implied_type(schema)
        if kind is None:
            return None
        return _Implied(kind, _typed(kind, schema, resolve))
    return _typed(kind, schema, resolve)


def _implied_type(schema: Schema) -> str | None:
    """Keywords of one type without `type:` constrain only values of that type."""
    if any(
        k in schema
        for k in (
            "properties",
            "required",
            "additionalProperties",
            "propertyNames",
            "minProperties",
            "maxProperties",
            "dependentRequired",
            "x-activitysmith-max-json-bytes",
        )
    ):
        return "object"
    if any(
        k in schema
        for k in (
            "items",
            "minItems",
            "maxItems",
            "uniqueItems",
            "x-activitysmith-max-unique-items",
        )
    ):
        return "array"
    if any(
        k in schema
        for k in ("minLength", "maxLength", "pattern", "format", "x-activitysmith-not-blank")
    ):
        return "string"
    if any(
        k in schema
        for k in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf")
    ):
        return "number"
    return None


class _Implied(Checker):
    """Type-specific keywords without a `type`: other kinds of value pass untouched."""

    __slots__ = ("inner", "kind")

    def __init__(self, kind: str, inner: Checker) -> None:
        self.kind, self.inner = kind, inner

    def allows_null(self) -> bool:
        return True

    def check(self, value: Any, path: str) -> None:
        if (type(value) is dict and self.kind == "object") or _PYTHON_KINDS[self.kind](value):
            self.inner.check(value, path)

    def accepts(self, value: Any) -> bool:
        return not _PYTHON_KINDS[self.kind](value) or self.inner.accepts(value)


def _typed(kind: str, schema: Schema, resolve: Resolve) -> Checker:
    if kind == "string":
        return _String(schema)
    if kind in ("integer", "number"):
        return _Number(schema, integer=kind == "integer")
    if kind == "boolean":
        return _Boolean()
    if kind == "null":
        return _Null()
    if kind == "array":
        items = schema.get("items")
        return _Array(schema, None if items is None else compile_schema(items, resolve))
    if kind == "object":
        properties = {
            name: compile_schema(sub, resolve)
            for name, sub in (schema.get("properties") or {}).items()
        }
        extra = schema.get("additionalProperties", True)
        additional = compile_schema(extra, resolve) if isinstance(extra, Mapping) else None
        names = schema.get("propertyNames")
        return _Object(
            schema,
            properties,
            additional,
            compile_schema(names, resolve) if isinstance(names, Mapping) else None,
        )
    raise ValueError(f"unknown JSON Schema type {kind!r}")
