"""benchmarks/bench_preview.py keeps working (a tiny run; no timing checks)."""

from __future__ import annotations

from benchmarks.bench_preview import measure_events, measure_hook


def test_bench_preview_measures_the_hook_and_the_live_feed() -> None:
    assert measure_hook(n=1000) > 0
    latencies = measure_events(n=3)
    assert set(latencies) == {"median", "p95", "max"}
    assert 0 <= latencies["median"] <= latencies["max"]
