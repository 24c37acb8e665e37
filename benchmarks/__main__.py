"""`python -m benchmarks`: run every benchmark and print the Markdown table (see BENCHMARKS.md)."""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import Any

from ._envs import OFFICIAL_REQUIREMENT, OUT, EnvError, ensure_official, ensure_runtime
from ._processes import Server
from ._report import render, render_profile
from ._suite import FULL, QUICK, Setup, Suite


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="Our SDK beside raw httpx and the official package, against a local server.",
    )
    parser.add_argument("--quick", action="store_true", help="tiny counts (for the smoke test)")
    parser.add_argument("--json", metavar="PATH", type=Path, help="also write the raw results")
    parser.add_argument(
        "--no-official",
        action="store_true",
        help=f"skip the official SDK ({OFFICIAL_REQUIREMENT}), so nothing is installed",
    )
    parser.add_argument(
        "--python",
        metavar="PATH",
        help="interpreter for our SDK and raw httpx (default: a venv with only our runtime "
        "dependencies, benchmarks/.out/venv-runtime, created on first use)",
    )
    parser.add_argument(
        "--profile", action="store_true", help="also profile stream calls (cProfile, by layer)"
    )
    parser.add_argument(
        "--fresh-only",
        action="store_true",
        help="only the fresh-process rows (import, peak RSS, first push): no per-call, "
        "connection, CLI, progress or activitysmith.testing rows",
    )
    return parser


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def _load() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "n/a"


def _machine() -> dict[str, Any]:
    return {
        "nproc": os.cpu_count(),
        "cpu_model": _cpu_model(),
        "python": platform.python_version(),
        "httpx": metadata.version("httpx"),
        "platform": platform.platform(),
        "load_before": _load(),
    }


def _wire_notes(wire: dict[str, Any]) -> list[str]:
    """Whether the contenders put the same request on the wire."""
    notes = []
    for op, seen in wire.items():
        ours, raw = seen.get("ours"), seen.get("httpx")
        if ours and raw:
            same_body = ours["json"] == raw["json"]
            same_headers = ours["headers"] == raw["headers"]
            notes.append(
                f"{op}: raw httpx sends {'the same' if same_body else 'a DIFFERENT'} JSON body "
                f"and {'the same' if same_headers else 'DIFFERENT'} headers as ours"
                + ("" if same_headers else f" (ours {ours['headers']}, raw {raw['headers']})")
            )
        official = seen.get("official")
        if ours and official and official["json"] != ours["json"]:
            notes.append(f"{op}: the official SDK sends {json.dumps(official['json'])}")
    return notes


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    counts = QUICK if args.quick else FULL
    OUT.mkdir(parents=True, exist_ok=True)
    notes: list[str] = []
    errors: list[str] = []
    started = time.perf_counter()

    runtime: Path | str
    if args.python:
        runtime = args.python
        notes.append(f"our SDK and raw httpx ran in {args.python}")
    else:
        try:
            runtime = ensure_runtime(notes)
        except EnvError as exc:
            runtime = sys.executable
            notes.append(f"runtime venv unavailable ({exc}); used {sys.executable}")
    official = None
    if args.no_official:
        notes.append("official SDK skipped (--no-official)")
    else:
        try:
            official = ensure_official(notes)
        except EnvError as exc:
            errors.append(f"official SDK unavailable: {exc}")

    results: dict[str, Any] = {
        "machine": _machine(),
        "counts": counts.__dict__,
        "argv": sys.argv[1:] if argv is None else argv,
    }

    def phase(name: str, measure: Callable[[], Any]) -> Any:
        try:
            return measure()
        except Exception as exc:
            errors.append(f"{name}: {type(exc).__name__}: {exc}")
            print(f"[bench] {name} failed: {exc}", file=sys.stderr, flush=True)
            return {}

    if args.fresh_only:
        notes.append("fresh-process rows only (--fresh-only)")
    server = Server()
    try:
        suite = Suite(Setup(runtime, official, server, OUT), counts)
        if not args.fresh_only:
            try:
                results["contenders"] = suite.start_workers()
                wire = phase("requests on the wire", suite.requests_on_the_wire)
                results["wire"] = wire
                notes.extend(_wire_notes(wire))
                results["sync"] = phase("sync calls", suite.sync_calls)
                results["async"] = phase("async calls", suite.async_calls)
                results["connections"] = phase("connections", suite.connections)
                if args.profile:
                    results["profile"] = phase("profile", suite.profile)
            finally:
                suite.stop_workers()
        results["imports"] = phase("imports", suite.imports)
        if not args.fresh_only:
            results["cli"] = phase("cli", suite.cli)
            results["progress"] = phase("progress", suite.progress)
    finally:
        server.stop()
    if not args.fresh_only:
        results["testing"] = phase("activitysmith.testing", suite.testing)

    results["machine"]["load_after"] = _load()
    results["seconds"] = round(time.perf_counter() - started, 1)
    results["notes"] = notes + [f"ERROR {e}" for e in errors]
    results["errors"] = errors
    print(render(results))
    if results.get("testing"):
        from .bench_testing import render as render_testing

        print()
        print("### activitysmith.testing beside respx and pytest-httpserver")
        print()
        print(render_testing(results["testing"]))
    if results.get("profile"):
        print()
        print(render_profile(results["profile"]))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2) + "\n")
    print(f"[bench] done in {results['seconds']} s", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
