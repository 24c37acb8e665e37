"""The progress() overhead benchmark runs and reports what the benchmarks harness reads."""

from __future__ import annotations

from benchmarks.bench_progress import measure_progress_overhead


def test_overhead_benchmark_reports_per_item_figures() -> None:
    result = measure_progress_overhead(n=20_000, repeats=1)
    assert result["n"] == 20_000
    assert result["requests_per_run"] == 2  # one PUT to start, one DELETE to end
    for key in ("bare_ns_per_item", "wrapped_ns_per_item", "overhead_ns_per_item"):
        assert isinstance(result[key], float)
    assert result["target_ns_per_item"] == 100.0
