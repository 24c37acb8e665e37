"""Generate the sync client, resources, transports and trackers from their async originals.

    python -m scripts.unasync           # rewrite activitysmith/_sync/ from activitysmith/_async/
    python -m scripts.unasync --check   # fail (and show the diff) if they differ

Each module of `activitysmith/_async/` except `_primitives.py` (how to wait and how to run
in the background, written by hand for each form) and `__init__.py` becomes the module of the same name in
`activitysmith/_sync/`, through whole-word token renames: `async def` -> `def`, `await`
dropped, `AsyncActivitySmith` -> `ActivitySmith`, `__aenter__` -> `__enter__`, ... The
output is formatted by the pinned ruff, so the check compares exact bytes.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from pathlib import Path

from scripts.codegen.render import format_python, write_or_check

ROOT = Path(__file__).resolve().parents[1]
SOURCE = Path("activitysmith/_async")
TARGET = Path("activitysmith/_sync")
HAND_WRITTEN = frozenset({"__init__.py", "_primitives.py"})

# Applied in order; each pattern matches whole words only.
RENAMES: tuple[tuple[str, str], ...] = (
    (r"async def ", "def "),
    (r"async with ", "with "),
    (r"async for ", "for "),
    (r"await ", ""),
    (r"__aenter__\b", "__enter__"),
    (r"__aexit__\b", "__exit__"),
    (r"__aiter__\b", "__iter__"),
    (r"__anext__\b", "__next__"),
    (r"StopAsyncIteration\b", "StopIteration"),
    (r"handle_async_request\b", "handle_request"),
    (r"set_async_httpx_client\b", "set_httpx_client"),
    (r"get_async_httpx_client\b", "get_httpx_client"),
    (r"asyncio_detailed\b", "sync_detailed"),
    (r"acquire_async\b", "acquire"),
    (r"_async_sleep\b", "_sleep"),
    (r"aclose\b", "close"),
    (r"aread\b", "read"),
    (r"aiter_raw\b", "iter_raw"),
    (r"new_async_(\w+)", r"new_\1"),
    (r"async_to_raw_response_wrapper\b", "to_raw_response_wrapper"),
    (r"_async_progress\b", "_progress"),
    (r"Async([A-Z]\w*)", r"\1"),  # AsyncActivitySmith, httpx.AsyncClient, AsyncIterator, ...
    (r"_async\b", "_sync"),  # the package, in imports
    (r"Asynchronous\b", "Synchronous"),
    (r"asynchronous\b", "synchronous"),
)
_COMPILED = [(re.compile(rf"\b{pattern}"), replacement) for pattern, replacement in RENAMES]


def header(name: str) -> str:
    return f"# Generated from activitysmith/_async/{name} by scripts/unasync.py; do not edit.\n"


def unasync(source: str) -> str:
    for pattern, replacement in _COMPILED:
        source = pattern.sub(replacement, source)
    return source


def outputs(root: Path) -> dict[Path, str]:
    """Every sync module (path relative to `root`) and its generated source."""
    found: dict[Path, str] = {}
    for source in sorted((root / SOURCE).glob("*.py")):
        if source.name in HAND_WRITTEN:
            continue
        found[TARGET / source.name] = header(source.name) + unasync(
            source.read_text(encoding="utf-8")
        )
    return format_python(root, found)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.unasync", description=__doc__)
    parser.add_argument("--check", action="store_true", help="only report differences")
    parser.add_argument("--root", type=Path, default=ROOT, help="repository to work in")
    args = parser.parse_args(argv)
    root: Path = args.root.resolve()
    generated = outputs(root)
    stale: list[str] = []
    expected = {path.name for path in generated} | HAND_WRITTEN
    for extra in sorted((root / TARGET).glob("*.py")):
        if extra.name not in expected:
            stale.append(f"{TARGET / extra.name} has no async original")
            if not args.check:
                extra.unlink()
    stale += map(str, write_or_check(root, generated, check=args.check, source=str(SOURCE)))
    if args.check and stale:
        print(
            f"{', '.join(stale)}: out of date with activitysmith/_async/; run 'make generate'",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
