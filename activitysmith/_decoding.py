"""Decoding the API's answers: strict, finite, valid Unicode, nested at most MAX_DEPTH deep.

The one place where a body that cannot be read becomes an `Undecodable` (which
`_responses` reports as `APIResponseValidationError`, or as the text of an error body).
"""

from __future__ import annotations

import json
import math
from typing import Any

__all__ = ["MAX_DEPTH", "Undecodable", "loads"]

MAX_DEPTH = 100
"""How deep JSON may nest, in requests and in answers (the document itself is level 1).

The API's answers nest four levels at most; requests nest only in free-form `payload`,
`metadata` and webhook bodies. 100 is the default limit of common JSON parsers (Ruby's
among them), so the SDK, the local server and, we expect, the API agree on it."""


class Undecodable(ValueError):
    """A body that is not strict JSON the SDK can hold; `reason` says why, in a few words."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _reject_constant(name: str) -> Any:
    raise Undecodable(f"it holds {name}, which is not a JSON number")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise Undecodable("it holds a number too large for a double")
    return value


_DECODER = json.JSONDecoder(parse_constant=_reject_constant, parse_float=_finite_float)
"""What `json.loads` would build on every call with these hooks, built once."""


def loads(content: bytes) -> Any:
    """The JSON value of `content`, or Undecodable."""
    try:
        # As json.loads decodes bytes (UTF-8, -16 or -32, found from the first bytes).
        text = content.decode(json.detect_encoding(content), "surrogatepass")
        value = _DECODER.decode(text)
    except Undecodable:
        raise
    except RecursionError:
        raise Undecodable(f"it is nested more than {MAX_DEPTH} levels deep") from None
    except UnicodeDecodeError:
        raise Undecodable("it is not valid UTF-8") from None
    except ValueError as exc:
        raise Undecodable(f"it is not valid JSON ({exc})") from None
    # Only containers can nest, and only \u escapes can make lone surrogates: most answers
    # need no walk at all.
    if content.count(b"[") + content.count(b"{") > MAX_DEPTH or b"\\u" in content:
        _walk(value)
    return value


def _walk(value: Any) -> None:
    """Refuse nesting deeper than MAX_DEPTH and strings with lone surrogates (no recursion)."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, str):
            _check_text(item)
        elif isinstance(item, dict | list):
            if depth > MAX_DEPTH:
                raise Undecodable(f"it is nested more than {MAX_DEPTH} levels deep")
            if isinstance(item, dict):
                for key, child in item.items():
                    _check_text(key)
                    stack.append((child, depth + 1))
            else:
                stack.extend((child, depth + 1) for child in item)


def _check_text(text: str) -> None:
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            raise Undecodable("it holds a lone surrogate (\\ud800-\\udfff), not text") from None
