"""What the generated builders (`content_state()`, `metric()`, ...) share.

The builders themselves are generated from the spec into `_generated/helpers.py`, so their
parameters are exactly the fields of the schema they build.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._errors import ValidationError
from ._types import NOT_GIVEN

if TYPE_CHECKING:
    from ._rules import Checker

__all__ = ["given"]

_RULES: dict[tuple[tuple[str, ...], str], Checker | None] = {}


def _rules_of(schemas: tuple[str, ...], name: str) -> Checker | None:
    """The rules of property `name` in the first of `schemas` that has it (None: none has)."""
    key = (schemas, name)
    if key not in _RULES:
        from ._generated.schemas import SCHEMAS
        from ._operations import _schema_checker
        from ._rules import compile_schema

        found = next(
            (
                SCHEMAS[schema]["properties"][name]
                for schema in schemas
                if name in (SCHEMAS[schema].get("properties") or {})
            ),
            None,
        )
        _RULES[key] = None if found is None else compile_schema(found, _schema_checker)
    return _RULES[key]


def given(schemas: tuple[str, ...], /, **fields: Any) -> dict[str, Any]:
    """Only the fields the caller actually gave (NOT_GIVEN is dropped; None, 0, False are kept).

    Each is checked by its property's rules in `schemas` (ValidationError naming it); rules
    between fields (required ones, combinations) are left to the request that sends them.
    Nested dicts and lists are copied, so the result shares nothing with the arguments.
    """
    from ._rules import normalise

    chosen = {name: value for name, value in fields.items() if value is not NOT_GIVEN}
    copy: dict[str, Any] = normalise(chosen)
    for name, value in copy.items():
        rules = _rules_of(schemas, name)
        if rules is None:
            what = schemas[0] if len(schemas) == 1 else "a content state"
            raise ValidationError(name, f"is not a field of {what}")
        if value is not None:
            rules.check(value, name)
    return copy
