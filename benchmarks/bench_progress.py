"""Per-item cost of `client.live_activities.progress()` over a bare `for` loop.

`measure_progress_overhead()` runs the same loop body over `range(n)` bare and wrapped, best
of `repeats`, against the in-process local server (`activitysmith.testing`), and reports
nanoseconds per item. The loop is timed up to its last item: starting the background worker
and delivering the final state are one-off costs, reported apart (`start_ms`, `finish_ms`).
Target: <= 100 ns per item. Run it alone: `python -m benchmarks.bench_progress [N]`.
"""

from __future__ import annotations

import json
import platform
import sys
import time
from typing import Any

TARGET_NS_PER_ITEM = 100.0


def _bare(n: int) -> float:
    """Seconds per item of the loop body over `range(n)`."""
    last = n - 1
    mark = 0.0
    started = time.perf_counter()
    for i in range(n):
        if i == last:
            mark = time.perf_counter()
    return (mark - started) / n


def _wrapped(client: Any, n: int, key: str) -> tuple[float, float, float]:
    """(seconds per item, seconds to the first item, seconds to deliver the end)."""
    last = n - 1
    mark = 0.0
    iterator = iter(client.live_activities.progress(range(n), key, title="Benchmark"))
    started = time.perf_counter()
    next(iterator)  # starts the worker thread
    first = time.perf_counter()
    for i in iterator:
        if i == last:
            mark = time.perf_counter()
    finished = time.perf_counter()
    return (mark - first) / (n - 1), first - started, finished - mark


def measure_progress_overhead(n: int = 1_000_000, repeats: int = 5) -> dict[str, Any]:
    """Nanoseconds per item that `progress()` adds to a trivial loop of `n` items."""
    from activitysmith import ActivitySmith
    from activitysmith.testing import ActivitySmithServer

    if n < 2 or repeats < 1:
        raise ValueError("n must be >= 2 and repeats >= 1")
    with ActivitySmithServer(rate_limit=None) as server:
        client = ActivitySmith(api_key=server.api_key, base_url=server.base_url, rate_limit=None)
        with client:
            bare = min(_bare(n) for _ in range(repeats))
            runs = [_wrapped(client, n, f"bench-{r}") for r in range(repeats)]
            requests = len(server.requests)
    wrapped = min(loop for loop, _, _ in runs)
    overhead = (wrapped - bare) * 1e9
    return {
        "n": n,
        "repeats": repeats,
        "bare_ns_per_item": round(bare * 1e9, 2),
        "wrapped_ns_per_item": round(wrapped * 1e9, 2),
        "overhead_ns_per_item": round(overhead, 2),
        "target_ns_per_item": TARGET_NS_PER_ITEM,
        "meets_target": overhead <= TARGET_NS_PER_ITEM,
        "start_ms": round(min(start for _, start, _ in runs) * 1e3, 3),
        "finish_ms": round(min(finish for _, _, finish in runs) * 1e3, 3),
        "requests_per_run": requests / repeats,
        "python": f"{platform.python_implementation()} {platform.python_version()}",
    }


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    print(json.dumps(measure_progress_overhead(count), indent=2))
