"""API operations as the facade sees them, and how a request body is built and checked.

The operations themselves (one per operation of openapi.yaml) are generated into
`_generated/operations.py`; this module holds their type, the route lookup that the
retry transport, the rate limiter and the local server share, and `build_body`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar
from urllib.parse import unquote

from ._errors import ValidationError

if TYPE_CHECKING:
    from ._rules import Checker

__all__ = [
    "Binding",
    "Operation",
    "build_body",
    "find",
    "first_parse",
    "lazy_model",
    "methods_at",
]

R = TypeVar("R")


def lazy_model(module: str, name: str) -> Callable[[Mapping[str, Any]], Any]:
    """The `from_dict` of a generated model, imported on its first call."""

    def parse(data: Mapping[str, Any]) -> Any:
        import importlib

        model = getattr(importlib.import_module(f"activitysmith_client.models.{module}"), name)
        return model.from_dict(data)

    return parse


@dataclass(frozen=True)
class Binding(Generic[R]):
    """The generated classes of one operation, imported on its first request."""

    get_kwargs: Callable[..., dict[str, Any]]
    """The generated module's request builder: path parameters, then `body=`."""
    request_model: Callable[[Mapping[str, Any]], Any] | None
    """The generated request model's `from_dict` (imported on its first call), or None for an
    operation without body."""
    parse: Callable[[Mapping[str, Any]], R] | None
    """The result class's `from_dict`; None when the success answer is not JSON."""
    errors: Mapping[str, Callable[[Mapping[str, Any]], Any]]
    """Status (`"404"`, `"5XX"`, `"DEFAULT"`) -> the generated error model's `from_dict`."""

    def error_parser(self, status: int) -> Callable[[Mapping[str, Any]], Any] | None:
        """The declared error model for `status` (exact, then `4XX`/`5XX`, then default)."""
        errors = self.errors
        return errors.get(str(status)) or errors.get(f"{str(status)[0]}XX") or errors.get("DEFAULT")


def first_parse(*parsers: Callable[[Mapping[str, Any]], Any]) -> Callable[[Mapping[str, Any]], Any]:
    """A body of several possible schemas (`oneOf`): the first model that reads it, in the spec's
    order, as the generated client does (each branch's required fields are kept)."""

    def parse(body: Mapping[str, Any]) -> Any:
        for parser in parsers[:-1]:
            try:
                return parser(body)
            except (KeyError, ValueError, TypeError, AttributeError):
                continue
        return parsers[-1](body)

    return parse


class Operation(Generic[R]):
    """One API operation: route, body rules, key, retry safety, rate budget, classes."""

    __slots__ = (
        "_bind",
        "_binding",
        "_body_rules",
        "_param_rules",
        "_pattern",
        "body_required",
        "channels",
        "feature",
        "method",
        "name",
        "needs_key",
        "operation_id",
        "param_schemas",
        "path",
        "path_params",
        "repeat_visible",
        "request",
    )

    def __init__(
        self,
        *,
        operation_id: str,
        name: str,
        method: str,
        path: str,
        path_params: Mapping[str, Any],
        request: Any,
        body_required: bool,
        channels: Literal["target", "field"] | None,
        needs_key: bool,
        repeat_visible: bool,
        feature: str,
        bind: Callable[[], Binding[R]],
    ) -> None:
        self.operation_id = operation_id
        self.name = name  # the generated module's name, e.g. send_push_notification
        self.method = method
        self.path = path  # template, e.g. /live-activity/stream/{stream_key}
        self.path_params = tuple(path_params)
        self.param_schemas = dict(path_params)
        self.request = request  # the body's schema, or None without a body
        self.body_required = body_required
        self.channels = channels  # how `channels=` applies: into `target`, its own field, or not
        self.needs_key = needs_key  # from `security`
        self.repeat_visible = repeat_visible  # a repeat could show twice: never retry once sent
        self.feature = feature  # the rate budget it spends
        self._pattern: re.Pattern[str] | None = None
        self._bind = bind
        self._binding: Binding[R] | None = None
        self._body_rules: Checker | None = None
        self._param_rules: dict[str, Checker] | None = None

    @property
    def pattern(self) -> re.Pattern[str]:
        """The path template as a regular expression (compiled on first use)."""
        if self._pattern is None:
            self._pattern = _route_pattern(self.path)
        return self._pattern

    @property
    def binding(self) -> Binding[R]:
        """The generated classes, imported once on first use (keeps `import` fast)."""
        if self._binding is None:
            self._binding = self._bind()
        return self._binding

    @property
    def body_rules(self) -> Checker:
        if self._body_rules is None:
            from ._rules import compile_schema

            self._body_rules = compile_schema(self.request or True, _schema_checker)
        return self._body_rules

    def check_path(self, *values: Any) -> None:
        """Validate the path parameters, in template order; each error names the parameter.

        Beyond the spec's rules, a value can never change the route: `.` and `..` (which
        URL normalisation would resolve) and values holding `/` or `\\` are refused.
        """
        if self._param_rules is None:
            from ._rules import compile_schema

            self._param_rules = {
                name: compile_schema(schema, _schema_checker)
                for name, schema in self.param_schemas.items()
            }
        for name, value in zip(self.path_params, values, strict=True):
            if value is None:
                raise ValidationError(name, "is required")
            if type(value) is not str:
                from ._rules import normalise

                value = normalise(value, name)
            elif not value.isascii():
                from ._rules import normalise

                normalise(value, name)  # refuses lone surrogates
            self._param_rules[name].check(value, name)
            if isinstance(value, str) and (value in (".", "..") or "/" in value or "\\" in value):
                raise ValidationError(
                    name, f"must not be '.' or '..' or contain '/' or '\\', got {value!r}"
                )

    def __repr__(self) -> str:
        return f"<Operation {self.operation_id}: {self.method} {self.path}>"


_COMPILED: dict[str, Checker] = {}
_COMPILING: set[str] = set()


def _schema_checker(name: str) -> Checker:
    """The compiled rules of the component schema `name` (shared by every operation)."""
    found = _COMPILED.get(name)
    if found is not None:
        return found
    from ._generated.schemas import SCHEMAS
    from ._rules import compile_schema, lazy_ref

    if name in _COMPILING:  # a schema that contains itself: resolve it on first use
        return lazy_ref(name, _schema_checker)
    _COMPILING.add(name)
    try:
        checker = compile_schema(SCHEMAS[name], _schema_checker)
    finally:
        _COMPILING.discard(name)
    _COMPILED[name] = checker
    return checker


def _route_pattern(template: str) -> re.Pattern[str]:
    parts = re.split(r"\{(\w+)\}", template)
    regex = "".join(
        re.escape(part) if i % 2 == 0 else f"(?P<{part}>[^/]+)" for i, part in enumerate(parts)
    )
    return re.compile(regex)


def _operations() -> tuple[Operation[Any], ...]:
    from ._generated.operations import OPERATIONS

    return OPERATIONS


def find(method: str, path: str) -> tuple[Operation[Any], dict[str, str]] | None:
    """The operation a method and API path (after the base URL) address, with its path values."""
    method = method.upper()
    for op in _operations():
        if op.method != method:
            continue
        found = op.pattern.fullmatch(path)
        if found is not None:
            return op, {name: unquote(value) for name, value in found.groupdict().items()}
    return None


def methods_at(path: str) -> tuple[str, ...]:
    """The methods some operation accepts on `path` (empty: no such route)."""
    return tuple(op.method for op in _operations() if op.pattern.fullmatch(path))


def _channel_list(value: Any) -> Any:
    """`"a,b"` or `["a", "b"]` -> `["a", "b"]`; anything else is left for validation to reject."""
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    if isinstance(value, list | tuple):
        return list(value)
    return value


def build_body(
    op: Operation[Any], params: Mapping[str, Any] | None, fields: Mapping[str, Any]
) -> dict[str, Any] | None:
    """Merge the dict form and keywords (keywords win), apply `channels`, and validate.

    Returns None when an operation without a required body was given nothing at all.
    """
    if params is not None and not isinstance(params, Mapping):
        raise ValidationError("params", f"must be a dict, got {type(params).__name__}")
    if op.request is None:
        if params or fields:
            name = next(iter({**(params or {}), **fields}))
            raise ValidationError(str(name), "is not a field of this request (it has no body)")
        return None
    if not op.body_required and not params and not fields:
        return None
    from ._rules import normalise

    body: dict[str, Any] = normalise({**(params or {}), **fields})
    if "channels" in body and op.channels is not None:
        channels = _channel_list(body["channels"])
        if op.channels == "target":
            # The `channels=` shorthand of bodies that only have `target.channels`.
            del body["channels"]
            target = body.get("target")
            if isinstance(target, Mapping) and _channel_list(target.get("channels")) != channels:
                raise ValidationError(
                    "channels", "conflicts with target.channels; give one of them"
                )
            body["target"] = {"channels": channels}
        else:
            body["channels"] = channels
    op.body_rules.check(body, "")
    return body
