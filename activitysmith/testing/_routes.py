"""Which operation a method and path address: the spec's paths under `/api`.

The routes are the generated operation table's (`activitysmith/_generated/operations.py`),
so every operation in openapi.yaml has one after `make generate`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .._generated.operations import OPERATIONS
from .._operations import Operation, find, methods_at

API_PREFIX = "/api"

ROUTES: tuple[tuple[str, str, str], ...] = tuple(
    (op.method, op.path, op.operation_id) for op in OPERATIONS
)
"""(method, path template, operationId) of every operation, as in openapi.yaml."""


@dataclass(frozen=True)
class Match:
    """A path that matched a template: the operation (None when only the method is wrong)."""

    operation: str | None
    params: dict[str, str]
    allowed: tuple[str, ...]
    op: Operation[Any] | None = None


def match(method: str, path: str) -> Match | None:
    """The route for `path` (the raw, still percent-encoded path), or None when none exists."""
    if not path.startswith(API_PREFIX + "/"):
        return None
    api_path = path[len(API_PREFIX) :]
    found = find(method, api_path)
    if found is not None:
        op, params = found
        return Match(op.operation_id, params, (), op)
    allowed = methods_at(api_path)
    if allowed:
        return Match(None, {}, allowed)
    return None


def operation_path(path: str) -> str:
    """`path` without the `/api` prefix, for matching fault rules."""
    return path[len(API_PREFIX) :] if path.startswith(API_PREFIX + "/") else path
