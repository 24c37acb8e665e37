"""What the generated builders (`content_state()`, `metric()`, ...) share.

The builders themselves are generated from the spec into `_generated/helpers.py`, so their
parameters are exactly the fields of the schema they build.
"""

from __future__ import annotations

from typing import Any

from ._operations import _plain
from ._types import NOT_GIVEN

__all__ = ["given"]


def given(**fields: Any) -> dict[str, Any]:
    """Only the fields the caller actually gave (NOT_GIVEN is dropped; None, 0, False are kept).

    Nested dicts and lists are copied, so the result shares nothing with the arguments.
    """
    return {name: _plain(value) for name, value in fields.items() if value is not NOT_GIVEN}
