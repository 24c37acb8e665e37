"""Extract and run the README's Python code blocks, in order, in one shared namespace."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

README = Path(__file__).resolve().parents[2] / "README.md"
_BLOCK = re.compile(r"^```python[^\n]*\n(.*?)^```", re.DOTALL | re.MULTILINE)


@dataclass(frozen=True)
class Block:
    """One fenced ```python block: its source and the README line it starts on."""

    code: str
    line: int
    tags: str

    @property
    def label(self) -> str:
        return f"README.md:{self.line}"

    @property
    def runnable(self) -> bool:
        """Run in sequence with the others (```python pytest blocks are tests, run on their own)."""
        return not {"skip", "pytest"} & set(self.tags.split())


def python_blocks(path: Path = README) -> list[Block]:
    """Every ```python block of the file, with the words after `python` as its tags."""
    text = path.read_text(encoding="utf-8")
    blocks = []
    for match in _BLOCK.finditer(text):
        header = text[match.start() : text.index("\n", match.start())]
        tags = header.removeprefix("```python").strip()
        line = text.count("\n", 0, match.start()) + 2
        blocks.append(Block(match.group(1), line, tags))
    return blocks


def run_blocks(blocks: list[Block], namespace: dict[str, Any] | None = None) -> dict[str, Any]:
    """Execute blocks in order in one namespace (later blocks use names earlier ones set)."""
    namespace = {"__name__": "readme"} if namespace is None else namespace
    for block in blocks:
        if not block.runnable:
            continue
        code = compile(block.code, block.label, "exec")
        exec(code, namespace)
    return namespace
