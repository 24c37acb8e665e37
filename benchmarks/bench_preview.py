"""What the Lock Screen preview costs the local server, and how fast a request reaches the page.

- `hook_us`: microseconds the per-request hook adds (journal entry + change announcement),
  measured on `Preview.record` directly, best of 5 runs.
- `request_ms`: median wall time of one validated request with the preview on and off, in
  one process, alternating, so the difference is the hook's share of a real request.
- `event_ms`: request answered -> the state event read by an open event stream (httpx).
- `page_ms`: request answered -> the new notification in Chromium's DOM (when Chromium and
  Playwright are installed), read with a MutationObserver inside the page.

Run it alone: `python -m benchmarks.bench_preview [N]`. Target: page within 200 ms.
"""

from __future__ import annotations

import json
import statistics
import sys
import threading
import time
import timeit
from typing import Any

import httpx

TARGET_PAGE_MS = 200.0


def _percentiles(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    return {
        "median": round(statistics.median(ordered), 2),
        "p95": round(ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))], 2),
        "max": round(ordered[-1], 2),
    }


def measure_hook(n: int = 100_000) -> float:
    """Microseconds per call of the hook the server runs after every request."""
    from activitysmith.testing import ActivitySmithServer, RecordedRequest

    preview = ActivitySmithServer()._preview
    assert preview is not None
    request = RecordedRequest(
        method="POST", path="/api/badge", query="", headers={}, body=b'{"badge":1}',
        json={"badge": 1}, status=200, operation="updateAppIconBadgeCount",
    )  # fmt: skip
    answer = {"success": True}

    def once() -> None:
        preview.record(1, request, api_status=200, response=answer, problems=())

    return min(timeit.repeat(once, number=n, repeat=5)) / n * 1e6


def measure_requests(n: int = 200) -> dict[str, dict[str, float]]:
    """Median milliseconds per validated badge request, preview on and off."""
    from activitysmith.testing import ActivitySmithServer

    timings: dict[str, list[float]] = {"on": [], "off": []}
    with (
        ActivitySmithServer(rate_limit=None) as on,
        ActivitySmithServer(rate_limit=None, preview=False) as off,
    ):
        clients = {
            name: httpx.Client(
                base_url=server.base_url, headers={"Authorization": f"Bearer {server.api_key}"}
            )
            for name, server in (("on", on), ("off", off))
        }
        for _ in range(n):
            for name, client in clients.items():
                started = time.perf_counter()
                client.post("/badge", json={"badge": 1})
                timings[name].append((time.perf_counter() - started) * 1000)
        for client in clients.values():
            client.close()
    return {name: _percentiles(values) for name, values in timings.items()}


def measure_events(n: int = 50) -> dict[str, float]:
    """Milliseconds from a request's answer to its state event on an open stream."""
    from activitysmith.testing import ActivitySmithServer

    arrivals: list[float] = []
    seen = threading.Condition()
    with ActivitySmithServer(rate_limit=None) as server:

        def read() -> None:
            with httpx.stream("GET", server.url + "/_preview/events", timeout=None) as stream:
                for line in stream.iter_lines():
                    if line.startswith("data: "):
                        with seen:
                            arrivals.append(time.perf_counter())
                            seen.notify_all()

        threading.Thread(target=read, daemon=True).start()
        with seen:
            seen.wait_for(lambda: arrivals, timeout=5)
        latencies = []
        with httpx.Client(
            base_url=server.base_url, headers={"Authorization": f"Bearer {server.api_key}"}
        ) as client:
            for _ in range(n):
                before = len(arrivals)
                client.post("/badge", json={"badge": 1})
                answered = time.perf_counter()
                with seen:
                    seen.wait_for(lambda: len(arrivals) > before, timeout=5)  # noqa: B023
                latencies.append(max(0.0, (arrivals[before] - answered) * 1000))
                time.sleep(0.03)  # let the stream's coalescing window pass
    return _percentiles(latencies)


# Resolves with the wall-clock time (ms since the epoch) at which a new card is drawn.
_ARM = """() => {
  const list = document.getElementById('notifications');
  const seen = list.childElementCount;
  window.__drawnAt = null;
  new MutationObserver((_, observer) => {
    if (list.childElementCount > seen) {
      window.__drawnAt = performance.timeOrigin + performance.now();
      observer.disconnect();
    }
  }).observe(list, {childList: true});
}"""


def measure_page(n: int = 30) -> dict[str, float] | str:
    """Milliseconds from a push's answer to its card in Chromium's DOM (or why not measured).

    Both ends read the same wall clock: the page's `performance.timeOrigin + now()` and
    Python's `time.time()`.
    """
    try:
        from tests.preview.chromium import BrowserMissing, chromium_context
    except ImportError as exc:
        return f"not measured: {exc}"
    from activitysmith import ActivitySmith
    from activitysmith.testing import ActivitySmithServer

    latencies: list[float] = []
    try:
        with (
            ActivitySmithServer(rate_limit=None) as server,
            ActivitySmith(api_key=server.api_key, base_url=server.base_url) as client,
            chromium_context() as context,
        ):
            page = context.pages[0] if context.pages else context.new_page()
            page.goto(server.preview_url)
            page.wait_for_selector("#connection[data-state=live]")
            for i in range(n):
                page.evaluate(_ARM)
                client.notifications.send(title=f"Latency {i}")
                answered = time.time() * 1000
                drawn = page.wait_for_function("() => window.__drawnAt").json_value()
                latencies.append(max(0.0, drawn - answered))
    except BrowserMissing as exc:
        return f"not measured: {exc}"
    return _percentiles(latencies)


def main(argv: list[str]) -> int:
    n = int(argv[1]) if len(argv) > 1 else 200
    results: dict[str, Any] = {
        "python": sys.version.split()[0],
        "hook_us": round(measure_hook(), 2),
        "request_ms": measure_requests(n),
        "event_ms": measure_events(max(10, n // 4)),
        "page_ms": measure_page(max(10, n // 6)),
        "target_page_ms": TARGET_PAGE_MS,
    }
    print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
