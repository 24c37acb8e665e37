"""The benchmark harness keeps working: a tiny offline run prints every row (no timing checks)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from benchmarks._report import ROW_LABELS

REPO = Path(__file__).resolve().parents[2]


def test_bench_quick_run_reports_every_row(tmp_path: Path) -> None:
    results_path = tmp_path / "bench.json"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "benchmarks",
            "--quick",
            "--no-official",
            "--python",
            sys.executable,
            "--profile",
            "--json",
            str(results_path),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    table = [line for line in done.stdout.splitlines() if line.startswith("| ")]
    for label in ROW_LABELS:
        assert any(line.startswith(f"| {label} |") for line in table), label

    results = json.loads(results_path.read_text())
    assert results["errors"] == []
    assert set(results["sync"]) == {"stream", "push"}
    assert set(results["sync"]["stream"]) == {"ours", "httpx"}
    assert results["connections"]["ours"]["requests"] == results["counts"]["sequential_calls"]
    assert "ours" in results["profile"]
    assert "error" not in results["profile"]["breakdown"]
    testing = results["testing"]
    assert set(testing["per_test"]["runs"]) == {"empty", "ours", "respx", "pytest-httpserver"}
    assert set(testing["per_request"]["samples"]) == {"push", "stream", "metric"}
    assert set(testing["per_request"]["samples"]["push"]) == {
        "ours, SDK client",
        "ours, http.client",
        "ours, server handling",
        "respx, SDK client",
        "pytest-httpserver, SDK client",
    }
    for suite in ("ours", "respx", "pytest-httpserver"):
        assert any(line.startswith(f"| {suite} |") for line in table), suite


def test_bench_floor_reports_every_client() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.floor", "--reps", "1", "--calls", "3"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    for client in (
        "our SDK",
        "raw httpx.Client",
        "httpx.Client over http.client",
        "bare http.client",
    ):
        assert f"| {client} |" in done.stdout, client


def test_bench_fresh_only_runs_just_the_fresh_process_rows(tmp_path: Path) -> None:
    results_path = tmp_path / "bench.json"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "benchmarks",
            "--quick",
            "--no-official",
            "--fresh-only",
            "--python",
            sys.executable,
            "--json",
            str(results_path),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    results = json.loads(results_path.read_text())
    assert results["errors"] == []
    assert {"sync", "async", "connections", "cli", "progress", "testing"}.isdisjoint(results)
    samples = results["imports"]["samples"]
    assert set(samples) == {"ours", "httpx"}
    assert len(samples["ours"]["first_push_ms"]) == results["counts"]["first_push_reps"]
    row = next(line for line in done.stdout.splitlines() if line.startswith("| first push, whole"))
    cells = [cell.strip() for cell in row.split("|")]
    assert cells[2].endswith(" ms") and cells[3].endswith(" ms"), row  # ours, raw httpx
