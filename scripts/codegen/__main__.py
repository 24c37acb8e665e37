"""`python -m scripts.codegen`: write the facade's generated modules from openapi.yaml.

    python -m scripts.codegen                  # regenerate in place (what `make generate` runs)
    python -m scripts.codegen --check          # fail if a checked-in module is out of date
    python -m scripts.codegen --root DIR       # generate into a copy of the repository

Reads the spec alone (no generated client is imported) and formats the output with the
pinned ruff, so the bytes are the same on every machine.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from .cli_flags import emit_cli_flags
from .render import format_python, header, write_or_check
from .shapes import emit_enum_names, emit_helpers, emit_params
from .spec import Spec, SpecError, load
from .tables import emit_examples, emit_operations, emit_results, emit_schemas

ROOT = Path(__file__).resolve().parents[2]

OUTPUTS: dict[str, Callable[[Spec], str]] = {
    "activitysmith/_generated/__init__.py": lambda spec: header(
        "Modules generated from openapi.yaml for the facade: rules, operations, types, helpers."
    ),
    "activitysmith/_generated/schemas.py": emit_schemas,
    "activitysmith/_generated/operations.py": emit_operations,
    "activitysmith/_generated/results.py": emit_results,
    "activitysmith/_generated/params.py": emit_params,
    "activitysmith/_generated/helpers.py": emit_helpers,
    "activitysmith/_generated/enum_names.py": emit_enum_names,
    "activitysmith/_generated/examples.py": emit_examples,
    "activitysmith/cli/_generated.py": emit_cli_flags,
}


def generate(spec_path: Path, root: Path) -> dict[Path, str]:
    """Every generated module's path (relative to `root`) and formatted source."""
    spec = load(spec_path)
    sources = {Path(path): emit(spec) for path, emit in OUTPUTS.items()}
    return format_python(root, sources)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.codegen", description=__doc__)
    parser.add_argument("--root", type=Path, default=ROOT, help="repository to write into")
    parser.add_argument("--spec", type=Path, help="the spec (default: ROOT/openapi.yaml)")
    parser.add_argument("--check", action="store_true", help="only report differences")
    args = parser.parse_args(argv)
    root: Path = args.root.resolve()
    spec_path: Path = args.spec or root / "openapi.yaml"
    try:
        outputs = generate(spec_path, root)
    except SpecError as exc:
        print(f"scripts.codegen: {spec_path}: {exc}", file=sys.stderr)
        return 2
    stale = write_or_check(root, outputs, check=args.check, source=spec_path.name)
    if stale and args.check:
        print(
            f"{', '.join(map(str, stale))}: out of date with openapi.yaml; run 'make generate'",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
