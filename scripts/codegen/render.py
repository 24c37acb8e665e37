"""Writing generated modules: the header, Python literals, and the pinned ruff's formatting."""

from __future__ import annotations

import pprint
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

__all__ = ["docstring", "format_python", "header", "literal"]

GENERATED = "Generated from openapi.yaml by `make generate` (scripts/codegen); do not edit."


def header(summary: str) -> str:
    """The module docstring of a generated file."""
    return f'"""{summary}\n\n{GENERATED}\n"""\n'


def literal(value: Any) -> str:
    """`value` as Python source (dicts keep their order; ruff formats it afterwards)."""
    return pprint.pformat(value, width=100, sort_dicts=False, compact=False)


def docstring(text: str, indent: str = "    ") -> str:
    """A docstring literal for `text` (backslashes and triple quotes made safe)."""
    text = text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"').rstrip()
    lines = text.splitlines()
    if len(lines) == 1 and not text.endswith('"'):
        return f'{indent}"""{text}"""\n'
    body = "\n".join(f"{indent}{line}".rstrip() for line in lines)
    return f'{indent}"""{body.lstrip()}\n{indent}"""\n'


_ABBREVIATIONS = ("e.g.", "i.e.", "etc.", "vs.")


def first_sentence(text: str) -> str:
    """The first sentence of a description, on one line (`e.g.` does not end one)."""
    flat = " ".join(str(text).split())
    for i, abbreviation in enumerate(_ABBREVIATIONS):
        flat = flat.replace(abbreviation, f"\x00{i}\x00")
    match = re.match(r"(.+?[.!?])(?=\s|$)", flat)
    sentence = (match.group(1) if match else flat).strip()
    for i, abbreviation in enumerate(_ABBREVIATIONS):
        sentence = sentence.replace(f"\x00{i}\x00", abbreviation)
    return sentence


def format_python(root: Path, sources: dict[Path, str]) -> dict[Path, str]:
    """Each source (keyed by its path under `root`) formatted by the pinned ruff, byte-stable.

    ruff runs with the repository's own settings (`root`'s pyproject.toml), so the output
    is exactly what `make lint` expects.
    """
    ruff = str(Path(sys.executable).with_name("ruff"))
    formatted: dict[Path, str] = {}
    for path, source in sources.items():
        name = ["--stdin-filename", str(path)]
        fixed = subprocess.run(
            [ruff, "check", *name, "--select", "I,F401", "--fix-only", "--quiet", "-"],
            input=source,
            capture_output=True,
            text=True,
            check=True,
            cwd=root,
        ).stdout
        formatted[path] = subprocess.run(
            [ruff, "format", *name, "--quiet", "-"],
            input=fixed,
            capture_output=True,
            text=True,
            check=True,
            cwd=root,
        ).stdout
    return formatted
