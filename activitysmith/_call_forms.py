"""How a resource call's arguments become a request, beyond the dict and the keywords.

Every form here is one the official `activitysmith` package accepts, so code written for it
runs unchanged:

- A request object: anything with `to_dict()` (OpenAPI-Generator and attrs models, the
  official package's `activitysmith_openapi` models among them) or pydantic's
  `model_dump()`, as the request or anywhere inside an argument, is sent as its dict.
- Content-state fields at the top level, `stream("k", title="Import", percentage=60)`: a
  name that is not a property of the request body but is one of the body's
  `content_state` schema goes into `content_state`. The body's own properties (and the
  `channels` shorthand) are looked up first, so `metadata`, `tags`, `action` ... keep their
  request meaning even if a content state ever gains a field of that name. A name given
  both at the top level and inside `content_state` is a ValidationError naming it.
- `content_state` in the dict and as a keyword: one state, the keyword's fields winning
  (the rule "keywords win over the dict", one level down).
- A keyword argument of None is left out, as the official signatures' `None` defaults
  mean (`send(title=t, subtitle=maybe)`), unless the spec lets that field be null. None
  inside a dict the caller built is still a ValidationError: data is never dropped.
- Generated-style method names (`send_push_notification(push_notification_request=...)`):
  `operation_alias`.

Every names list comes from the spec (`_generated/schemas.py`); nothing is listed by hand.
"""

from __future__ import annotations

import functools
import inspect
import re
from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Generic, Protocol, Self, TypeVar, overload

from ._errors import ValidationError

if TYPE_CHECKING:
    from ._operations import Operation

__all__ = [
    "RequestObject",
    "call_body",
    "is_request",
    "liftable_fields",
    "nullable_fields",
    "operation_alias",
]

R = TypeVar("R")

_SCALARS = (str, int, float, bool, type(None), datetime, date)
_PLAIN = frozenset({str, int, float, bool, type(None)})  # the common case, checked first
_MAX_VALUES = 100_000


class RequestObject(Protocol):
    """A model object sent as the dict its `to_dict()` returns (or pydantic's `model_dump()`)."""

    def to_dict(self) -> Mapping[str, Any]: ...


def is_request(value: Any) -> bool:
    """Whether `value` is a whole request (a mapping or a model object), not a field's value."""
    return isinstance(value, Mapping) or _converter(value) is not None


def _converter(value: Any) -> Callable[[], Any] | None:
    to_dict: Callable[[], Any] | None = getattr(value, "to_dict", None)
    if callable(to_dict):
        return to_dict
    model_dump = getattr(value, "model_dump", None)
    if callable(model_dump):
        return functools.partial(model_dump, mode="json", by_alias=True, exclude_unset=True)
    return None


def _only_plain(value: Any) -> bool:
    """Whether `value` is plain dicts, lists and scalars all through (the common case,
    checked without recursion: a call costs a few microseconds for it).

    Raises ValidationError past `_MAX_VALUES` values: no request is that big, and a dict or
    list that contains itself would otherwise never end.
    """
    stack = [value]
    pop, extend = stack.pop, stack.extend
    budget = _MAX_VALUES
    while stack:
        item = pop()
        kind = type(item)
        if kind is dict:
            extend(item.values())
        elif kind is list or kind is tuple:
            extend(item)
        elif kind not in _PLAIN:
            return False
        budget -= 1
        if budget < 0:
            raise _TooMany
    return True


class _TooMany(Exception):
    """More than `_MAX_VALUES` values: `_as_json` finds the field holding them."""


_TOO_MANY = f"more than {_MAX_VALUES:,} values (or a dict or list inside itself)"


def _as_json(value: Any) -> Any:
    """`value` with every model object in it replaced by its dict (the same object if none)."""
    try:
        plain = _only_plain(value)
    except _TooMany:
        raise ValidationError(_culprit(value), _TOO_MANY) from None
    if plain:
        return value
    return _converted(value)


def _culprit(value: Any) -> str:
    """The top-level field of `value` that holds too many values ("" if none alone does)."""
    if isinstance(value, Mapping):
        for key, item in value.items():
            try:
                _only_plain(item)
            except _TooMany:
                return str(key)
    return ""


def _converted(value: Any) -> Any:
    kind = type(value)
    if kind in _PLAIN or isinstance(value, _SCALARS):
        return value
    if kind is dict or isinstance(value, Mapping):
        copied: dict[Any, Any] | None = None
        for key, item in value.items():
            if type(item) in _PLAIN:
                continue
            new = _within(key, item)
            if new is not item:
                copied = dict(value) if copied is None else copied
                copied[key] = new
        return value if copied is None else copied
    if kind is list or isinstance(value, list | tuple):
        items = [_within(n, item) for n, item in enumerate(value)]
        return value if all(a is b for a, b in zip(items, value, strict=True)) else items
    convert = _converter(value)
    if convert is None:
        return value  # left for validation to name and reject
    try:
        data = convert()
    except Exception as exc:  # a foreign object's own failure is bad input, not our crash
        raise ValidationError("", f"{type(value).__name__}.to_dict() failed: {exc}") from None
    if not isinstance(data, (Mapping, list, tuple, *_SCALARS)):
        raise ValidationError("", f"{type(value).__name__} did not turn into JSON data")
    return _converted(data)


def _within(key: Any, item: Any) -> Any:
    """`_as_json(item)`, an error's field prefixed with `key` (dict key or list index)."""
    if type(item) in _PLAIN:
        return item
    try:
        return _converted(item)
    except ValidationError as exc:
        part = f"[{key}]" if isinstance(key, int) else str(key)
        joined = part + ("." if exc.field and not exc.field.startswith("[") else "") + exc.field
        raise ValidationError(joined, exc.message) from None


def _request_mapping(request: Any) -> Mapping[str, Any] | None:
    if request is None or isinstance(request, Mapping):
        return None if request is None else _as_json(request)
    if _converter(request) is None:
        raise ValidationError(
            "request", f"must be a dict or a model object, got {type(request).__name__}"
        )
    converted = _within("request", request)
    if not isinstance(converted, Mapping):
        raise ValidationError("request", f"{type(request).__name__} did not turn into a dict")
    return converted


def _per_operation(
    compute: Callable[[Operation[Any]], frozenset[str]],
) -> Callable[[Operation[Any]], frozenset[str]]:
    """`compute(op)`, worked out once per operation (the spec does not change at run time)."""
    cache: dict[str, frozenset[str]] = {}

    @functools.wraps(compute)
    def cached(op: Operation[Any]) -> frozenset[str]:
        found = cache.get(op.operation_id)
        if found is None:
            found = cache[op.operation_id] = compute(op)
        return found

    return cached


@_per_operation
def liftable_fields(op: Operation[Any]) -> frozenset[str]:
    """The content-state fields `op` accepts at the top level (empty: it has no content state)."""
    from ._generated.schemas import SCHEMAS

    body = _properties(op.request, SCHEMAS)
    state = body.get("content_state")
    if state is None:
        return frozenset()
    request_names = set(body) | ({"channels"} if op.channels is not None else set())
    return frozenset(name for name in _properties(state, SCHEMAS) if name not in request_names)


@_per_operation
def nullable_fields(op: Operation[Any]) -> frozenset[str]:
    """The keywords of `op` (body and top-level content-state fields) whose schema takes null."""
    from ._generated.schemas import SCHEMAS

    body = _properties(op.request, SCHEMAS)
    state = _properties(body.get("content_state"), SCHEMAS)
    liftable = liftable_fields(op)
    fields = {**{n: s for n, s in state.items() if n in liftable}, **body}
    return frozenset(name for name, schema in fields.items() if _allows_null(schema, SCHEMAS))


def _allows_null(schema: Any, schemas: Mapping[str, Any]) -> bool:
    seen: set[str] = set()
    while isinstance(schema, Mapping) and "$ref" in schema and schema["$ref"] not in seen:
        seen.add(schema["$ref"])
        schema = schemas[schema["$ref"]]
    if not isinstance(schema, Mapping):
        return False
    kind = schema.get("type")
    if kind == "null" or (isinstance(kind, list) and "null" in kind) or schema.get("nullable"):
        return True
    return any(
        _allows_null(part, schemas) for key in ("anyOf", "oneOf") for part in schema.get(key) or ()
    )


def _without_none(op: Operation[Any], fields: Mapping[str, Any]) -> Mapping[str, Any]:
    """`fields` less the keywords given as None (the same object when there are none)."""
    for value in fields.values():
        if value is None:
            break
    else:
        return fields
    nullable = nullable_fields(op)
    return {name: v for name, v in fields.items() if v is not None or name in nullable}


def _properties(schema: Any, schemas: Mapping[str, Any]) -> dict[str, Any]:
    """The properties of an object schema, following `$ref`s and `allOf`."""
    seen: set[str] = set()
    while isinstance(schema, Mapping) and "$ref" in schema and schema["$ref"] not in seen:
        seen.add(schema["$ref"])
        schema = schemas[schema["$ref"]]
    if not isinstance(schema, Mapping):
        return {}
    found = dict(schema.get("properties") or {})
    for part in schema.get("allOf") or ():
        found.update(_properties(part, schemas))
    return found


def call_body(
    op: Operation[Any], request: Any, fields: Mapping[str, Any]
) -> tuple[Mapping[str, Any] | None, Mapping[str, Any]]:
    """The `(params, fields)` pair the request builder takes, from a resource call's
    `request` argument and keywords (see the module docstring for the forms)."""
    params = _request_mapping(request)
    converted = _as_json(_without_none(op, fields))
    liftable = liftable_fields(op)
    if not liftable:
        return params, converted
    given = params or {}
    if not (
        any(name in liftable for name in converted)
        or any(name in liftable for name in given)
        or ("content_state" in converted and "content_state" in given)
    ):
        return params, converted
    return _lifted(given, converted, liftable), {}


def _lifted(
    params: Mapping[str, Any], fields: Mapping[str, Any], liftable: frozenset[str]
) -> dict[str, Any]:
    """One body from the dict and the keywords, top-level content-state fields moved in."""
    body: dict[str, Any] = {}
    state: dict[str, Any] = {}
    lifted: dict[str, Any] = {}
    for source in (params, fields):
        for name, value in source.items():
            if name == "content_state":
                if not isinstance(value, Mapping):
                    raise ValidationError(
                        "content_state",
                        f"must be a dict to combine with other content-state fields, "
                        f"got {type(value).__name__}",
                    )
                body.setdefault("content_state", state)
                state.update(value)
            elif name in liftable:
                body.setdefault("content_state", state)
                lifted[name] = value
            else:
                body[name] = value
    for name, value in lifted.items():
        if name in state:
            raise ValidationError(
                name, "is given both at the top level and inside content_state; give it once"
            )
        state[name] = value
    return body


def _snake(name: str) -> str:
    """`PushNotificationRequest` -> `push_notification_request` (OpenAPI-Generator's names)."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", "_", name).lower()


class operation_alias(Generic[R]):
    """A resource method under its operation's generated name, as OpenAPI-Generator names it.

    `send_push_notification = operation_alias(send, SEND_PUSH_NOTIFICATION)` in a resource
    class: the attribute must be named after the operationId (checked when the class is
    created), takes the method's arguments, and also takes the request under the name of
    the body's schema (`push_notification_request=`).
    """

    def __init__(self, method: Callable[..., R], op: Operation[Any]) -> None:
        self.method = method
        self.op = op
        ref = (op.request or {}).get("$ref")
        self.request_keyword = _snake(str(ref)) if ref else None
        self._function: Callable[..., R] | None = None

    def __set_name__(self, owner: type, name: str) -> None:
        if name != self.op.name:
            raise TypeError(
                f"{owner.__name__}.{name}: an alias of {self.op.operation_id} must be named "
                f"{self.op.name}"
            )

    @overload
    def __get__(self, instance: None, owner: type | None = None) -> Self: ...
    @overload
    def __get__(self, instance: object, owner: type | None = None) -> Callable[..., R]: ...
    def __get__(self, instance: object | None, owner: type | None = None) -> Any:
        if instance is None:
            return self
        if self._function is None:
            self._function = self._build()
        return self._function.__get__(instance, owner)

    def _build(self) -> Callable[..., R]:
        method = self.method
        keyword = self.request_keyword
        target = _request_parameter(method, self.op)

        def renamed(kwargs: dict[str, Any]) -> dict[str, Any]:
            if keyword is not None and keyword in kwargs:
                if target in kwargs:
                    raise TypeError(f"{self.op.name}() got both {keyword} and {target}")
                kwargs[target] = kwargs.pop(keyword)
            return kwargs

        if inspect.iscoroutinefunction(method):

            async def alias_coroutine(self_: Any, /, *args: Any, **kwargs: Any) -> Any:
                return await method(self_, *args, **renamed(kwargs))

            function: Callable[..., Any] = alias_coroutine
        else:

            def alias(self_: Any, /, *args: Any, **kwargs: Any) -> Any:
                return method(self_, *args, **renamed(kwargs))

            function = alias
        function.__name__ = function.__qualname__ = self.op.name
        function.__doc__ = (
            f"`{method.__name__}()` under the operation's generated name (see there)."
        )
        return function


def _request_parameter(method: Callable[..., Any], op: Operation[Any]) -> str:
    """The method's parameter that takes the request: the one after the path parameters."""
    names = [
        p.name
        for p in inspect.signature(method).parameters.values()
        if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
    ][1:]  # after self
    path = list(op.path_params)
    if names[: len(path)] != path or len(names) <= len(path):
        raise TypeError(
            f"{method.__qualname__}{tuple(names)} must take {op.operation_id}'s path "
            f"parameters {tuple(path)} first, then the request"
        )
    return names[len(path)]
