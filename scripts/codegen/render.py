"""Writing generated modules: the header, Python literals, and the pinned ruff's formatting."""

from __future__ import annotations

import difflib
import pprint
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

__all__ = ["docstring", "format_python", "header", "literal", "write_or_check"]

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


def write_or_check(root: Path, outputs: dict[Path, str], *, check: bool, source: str) -> list[Path]:
    """Write each changed output under `root`; with `check`, only report them (with a diff).

    Returns the outputs that differed from what is checked in.
    """
    stale: list[Path] = []
    for relative, text in outputs.items():
        target = root / relative
        current = target.read_text(encoding="utf-8") if target.exists() else ""
        if current == text:
            continue
        stale.append(relative)
        if check:
            sys.stderr.writelines(
                difflib.unified_diff(
                    current.splitlines(keepends=True),
                    text.splitlines(keepends=True),
                    f"{relative} (checked in)",
                    f"{relative} (from {source})",
                )
            )
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
    return stale
