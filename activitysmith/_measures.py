"""How the spec's counting extensions count: one definition for the SDK and the local server.

`x-activitysmith-max-json-bytes` limits `json_size`, `x-activitysmith-max-unique-items`
limits `distinct_count`. The facade's validation engine (`_rules`) and the local server's
validators both count with these, so a value one accepts the other accepts too.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

__all__ = ["distinct_count", "json_equal", "json_size"]


def json_size(value: Any) -> int:
    """Bytes of `value` as compact UTF-8 JSON (non-ASCII characters unescaped)."""
    return len(json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode())


def json_equal(a: Any, b: Any) -> bool:
    """Equality as JSON means it: 1 == 1.0, but True != 1 and "1" != 1."""
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if _is_number(a) and _is_number(b):
        return bool(a == b)
    if isinstance(a, str) or isinstance(b, str):
        return isinstance(a, str) and isinstance(b, str) and a == b
    if isinstance(a, Mapping) and isinstance(b, Mapping):
        return a.keys() == b.keys() and all(json_equal(a[k], b[k]) for k in a)
    if isinstance(a, list | tuple) and isinstance(b, list | tuple):
        return len(a) == len(b) and all(json_equal(x, y) for x, y in zip(a, b, strict=True))
    return type(a) is type(b) and bool(a == b)


def distinct_count(values: Sequence[Any], stop_after: int) -> int:
    """How many different values `values` holds (JSON equality).

    Counting stops past `stop_after`, so a huge list costs at most `stop_after` comparisons
    per item.
    """
    seen: list[Any] = []
    for value in values:
        if not any(json_equal(value, earlier) for earlier in seen):
            seen.append(value)
            if len(seen) > stop_after:
                break
    return len(seen)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)
