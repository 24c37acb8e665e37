"""Flag values from text: numbers, JSON (inline or @file), metrics, `key=value` pairs.

Each converter is an argparse `type=`: it raises `argparse.ArgumentTypeError`, which the
parser reports as a usage error (exit 2). Stdlib only, so `--help` stays fast.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from collections.abc import Callable
from typing import Any

from ._generated import ENUMS

__all__ = [
    "COLORS",
    "NAMED",
    "action",
    "channels",
    "integer",
    "json_object",
    "json_objects",
    "key_value",
    "labelled",
    "metric",
    "named",
    "non_negative_integer",
    "number",
    "port",
    "positive_number",
    "scalar",
]

COLORS = ENUMS["LiveActivityColor"]
"""The spec's colours, for `NAME:color` suffixes."""

NAMED = {"icon": "symbol", "badge": "title"}
"""Content-state objects written `NAME[:COLOR]`: the field that NAME fills."""

_INT = re.compile(r"-?(?:0|[1-9][0-9]*)")
_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?")
# A number followed by a unit without digits: "9%", "120 ms", "4.8GB".
_NUMBER_UNIT = re.compile(r"(-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?)\s*([^\s0-9.,][^0-9]*)")


def scalar(text: str) -> int | float | str:
    """Text written as a JSON number becomes that number ("42" -> 42, "99.9" -> 99.9); else the text."""
    if _INT.fullmatch(text) and len(text) <= 4000:  # past that, Python refuses int(text)
        return int(text)
    if _NUMBER.fullmatch(text):
        value = float(text)
        if math.isfinite(value):
            return value
    return text


def number(text: str) -> int | float:
    """A JSON number: "42" -> 42, "2.5" -> 2.5."""
    value = scalar(text)
    if isinstance(value, str):
        raise argparse.ArgumentTypeError(f"expected a number, got {text!r}")
    return value


def positive_number(text: str) -> int | float:
    """A number greater than 0."""
    value = number(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"expected a number greater than 0, got {text!r}")
    return value


def integer(text: str) -> int:
    """A whole number written without decimals."""
    if not _INT.fullmatch(text) or len(text) > 4000:  # past Python's int-from-text limit
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text[:40]!r}")
    return int(text)


def non_negative_integer(text: str) -> int:
    """A whole number >= 0."""
    value = integer(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"expected a whole number >= 0, got {text!r}")
    return value


def port(text: str) -> int:
    """A TCP port: 0 (any free port) to 65535."""
    if not _INT.fullmatch(text) or not 0 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"expected a port from 0 to 65535, got {text[:20]!r}")
    return int(text)


def _json(text: str) -> Any:
    """Inline JSON, `@path` (a file's JSON) or `@-` (JSON from stdin)."""
    if text.startswith("@"):
        path = text[1:]
        try:
            if path == "-":
                source = sys.stdin.read()
            else:
                with open(path, encoding="utf-8") as file:
                    source = file.read()
        except OSError as exc:
            raise argparse.ArgumentTypeError(
                f"cannot read {path!r}: {exc.strerror or exc}"
            ) from None
        where = "stdin" if path == "-" else path
    else:
        source, where = text, "the value"
    try:
        return json.loads(source)
    except RecursionError:
        raise argparse.ArgumentTypeError(f"{where} is nested too deep to be read") from None
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{where} is not valid JSON: {exc}") from None


def json_object(text: str) -> dict[str, Any]:
    """A JSON object, inline or from `@file`."""
    value = _json(text)
    if not isinstance(value, dict):
        raise argparse.ArgumentTypeError("expected a JSON object ({...})")
    return value


def json_objects(text: str) -> list[dict[str, Any]]:
    """A JSON array of objects, inline or from `@file`."""
    value = _json(text)
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise argparse.ArgumentTypeError("expected a JSON array of objects ([{...}, ...])")
    return value


def action(text: str) -> dict[str, Any]:
    """A button: a JSON object (inline or @file), or `TITLE=URL` for an open_url button."""
    if text.startswith(("{", "@")):
        return json_object(text)
    title, sep, url = text.partition("=")
    if not sep or not title or not url:
        raise argparse.ArgumentTypeError(f"expected a JSON object or TITLE=URL, got {text!r}")
    return {"title": title, "type": "open_url", "url": url}


def channels(text: str) -> list[str]:
    """Comma-separated channel slugs: "ops,devs" -> ["ops", "devs"]."""
    slugs = [part.strip() for part in text.split(",") if part.strip()]
    if not slugs:
        raise argparse.ArgumentTypeError("expected one or more channel slugs, e.g. ops,devs")
    return slugs


def _split_color(text: str) -> tuple[str, str | None]:
    """`TEXT:color` -> (TEXT, color) when the suffix is a known colour; else (text, None)."""
    head, sep, tail = text.rpartition(":")
    if sep and head and tail in COLORS:
        return head, tail
    return text, None


def labelled(text: str) -> tuple[str, str | None]:
    """`NAME[:color]`, e.g. "bolt.fill:yellow" -> ("bolt.fill", "yellow")."""
    name, color = _split_color(text)
    if not name:
        raise argparse.ArgumentTypeError(f"expected NAME or NAME:COLOR, got {text!r}")
    return name, color


def named(field: str) -> Callable[[str], dict[str, Any]]:
    """The converter of `--icon bolt.fill:yellow` (or `--badge SEV-2:red`) to its object."""
    key = NAMED[field]

    def convert(text: str) -> dict[str, Any]:
        name, color = labelled(text)
        return {key: name} if color is None else {key: name, "color": color}

    convert.__name__ = field  # argparse names the converter in its error messages
    return convert


def metric(text: str) -> dict[str, Any]:
    """`LABEL=VALUE[:color]`: "CPU=9%" -> {label: CPU, value: 9, unit: "%"}.

    A number followed by a unit is split into value and unit; any other value is sent as
    written ("Revenue=$2430" keeps "$2430").
    """
    label, sep, rest = text.partition("=")
    label = label.strip()
    if not sep or not label or not rest.strip():
        raise argparse.ArgumentTypeError(f"expected LABEL=VALUE, e.g. CPU=9%, got {text!r}")
    raw, color = _split_color(rest.strip())
    item: dict[str, Any] = {"label": label}
    value = scalar(raw)
    with_unit = _NUMBER_UNIT.fullmatch(raw) if isinstance(value, str) else None
    if with_unit is not None:
        item["value"] = scalar(with_unit.group(1))
        item["unit"] = with_unit.group(2).strip()
    else:
        item["value"] = value
    if color is not None:
        item["color"] = color
    return item


def key_value(text: str) -> tuple[str, Any]:
    """`key=value` (a string) or `key:=JSON` (a number, true/false, ...), as in HTTPie."""
    key, sep, raw = text.partition("=")
    if not sep or not key or key == ":":
        raise argparse.ArgumentTypeError(f"expected key=value or key:=JSON, got {text!r}")
    if key.endswith(":"):
        try:
            return key[:-1], json.loads(raw)
        except ValueError:
            raise argparse.ArgumentTypeError(
                f"the value of {key[:-1]!r} is not valid JSON: {raw!r}"
            ) from None
    return key, raw
