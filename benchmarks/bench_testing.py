"""What `activitysmith.testing` costs a user's test suite, beside respx and pytest-httpserver.

`measure_testing()` reports two things, each contender measured interleaved in one run:

- **Per-test cost.** The same test (send one push through an `ActivitySmith` client, then
  assert on what the fake received) written three ways: with our pytest fixtures, with
  respx (httpx mocked in-process, no server) and with pytest-httpserver (one werkzeug
  server per session, cleared per test). Each runs as `tests` tests in a pytest process of
  its own; a plugin times every test's setup, call and teardown. The cost per test is the
  median minus the median of the same number of empty tests (pytest's own per-test cost).
- **Per-request latency.** One validated request to our in-process server (push, stream,
  metric) through our SDK client and through a bare keep-alive `http.client` connection,
  wall and CPU time (CPU of the whole process: the client and the server thread); the
  server's own handling (routing, auth, rate limit, JSON, spec validation, the service),
  timed without sockets; and the same push through our SDK answered by respx and by
  pytest-httpserver.

Run it alone: `python -m benchmarks.bench_testing [--quick]`. It needs the dev extra
(respx and pytest-httpserver are pinned there) and the `testing` extra. `--tree DIR` measures
the `activitysmith` package of another checkout instead (e.g. an export of an older commit,
for a before-and-after), with the same anchors.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import json
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
PUSH_ANSWER = {
    "success": True,
    "notification_id": "ntf_bench",
    "devices_notified": 3,
    "users_notified": 2,
    "devices_targeted": 3,
    "timestamp": "2026-01-01T00:00:00.000Z",
}
STATE = {
    "title": "Nightly backup",
    "subtitle": "copying files",
    "type": "progress",
    "percentage": 42,
}
TARGET_TEST_MS = 5.0
TARGET_REQUEST_MS = 1.0

# -- per-test cost ----------------------------------------------------------------------------

_TIMING_CONFTEST = """
import json, os, time
import pytest

_durations = []

@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item, nextitem):
    started = time.perf_counter()
    yield
    _durations.append(time.perf_counter() - started)

def pytest_sessionfinish(session, exitstatus):
    with open(os.environ["BENCH_DURATIONS"], "w") as out:
        json.dump(_durations, out)
"""

_SHARED_HTTP = '''
import httpx, pytest, ssl

@pytest.fixture(scope="session")
def http_client():
    """One keep-alive client for the session, as a suite would share it."""
    with httpx.Client(verify=ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)) as client:
        yield client
'''

SUITES: dict[str, str] = {
    "empty": """
        import pytest

        @pytest.mark.parametrize("n", range({tests}))
        def test_nothing(n):
            pass
    """,
    "ours": """
        import pytest

        @pytest.mark.parametrize("n", range({tests}))
        def test_deploy_notifies(activitysmith_server, activitysmith_client, n):
            activitysmith_client.notifications.send(title=f"Deploy {{n}}", message="live")
            [notification] = activitysmith_server.notifications
            assert notification.payload == {{"title": f"Deploy {{n}}", "message": "live"}}
    """,
    "respx": """
        import json
        import pytest
        from activitysmith import ActivitySmith

        BASE = "https://api.example.test/api"

        @pytest.mark.parametrize("n", range({tests}))
        def test_deploy_notifies(respx_mock, http_client, n):
            route = respx_mock.post(BASE + "/push-notification").respond(200, json={answer})
            with ActivitySmith(api_key="ask_bench", base_url=BASE, http_client=http_client) as c:
                c.notifications.send(title=f"Deploy {{n}}", message="live")
            assert route.call_count == 1
            sent = json.loads(route.calls.last.request.content)
            assert sent == {{"title": f"Deploy {{n}}", "message": "live"}}
    """,
    "pytest-httpserver": """
        import json
        import pytest
        from activitysmith import ActivitySmith

        @pytest.mark.parametrize("n", range({tests}))
        def test_deploy_notifies(httpserver, http_client, n):
            httpserver.expect_request("/api/push-notification", method="POST").respond_with_json(
                {answer}
            )
            base = httpserver.url_for("/api")
            with ActivitySmith(api_key="ask_bench", base_url=base, http_client=http_client) as c:
                c.notifications.send(title=f"Deploy {{n}}", message="live")
            [(request, _response)] = httpserver.log
            sent = json.loads(request.data)
            assert sent == {{"title": f"Deploy {{n}}", "message": "live"}}
    """,
}

# The same plugins for every suite, named explicitly: auto-loading every installed plugin
# (hypothesis, schemathesis...) would add seconds of start-up that none of them needs.
PLUGINS = (
    "activitysmith.testing.pytest_plugin",
    "respx.plugin",
    "pytest_httpserver.pytest_plugin",
)


def _run_suite(name: str, tests: int, workdir: Path, tree: Path = REPO) -> list[float]:
    """Per-test durations (ms) of one pytest process running `name`'s suite."""
    suite = workdir / name
    suite.mkdir(exist_ok=True)
    (suite / "conftest.py").write_text(_TIMING_CONFTEST + _SHARED_HTTP)
    code = SUITES[name].format(tests=tests, answer=repr(PUSH_ANSWER))
    (suite / f"test_{name.replace('-', '_')}.py").write_text(textwrap.dedent(code))
    durations = suite / "durations.json"
    plugins = [arg for plugin in PLUGINS for arg in ("-p", plugin)]
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *plugins, str(suite)],
        cwd=suite,
        env={
            **os.environ,
            "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1",
            "BENCH_DURATIONS": str(durations),
            "PYTHONPATH": str(tree),
        },
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    if done.returncode != 0:
        tail = "\n".join(done.stdout.strip().splitlines()[-15:])
        raise RuntimeError(f"the {name} suite failed:\n{tail}")
    return [seconds * 1e3 for seconds in json.loads(durations.read_text())]


def per_test(tests: int, reps: int, tree: Path = REPO) -> dict[str, Any]:
    """Per-test medians (ms) for each suite, one pytest process per suite and repetition."""
    runs: dict[str, list[dict[str, float]]] = {name: [] for name in SUITES}
    with tempfile.TemporaryDirectory(prefix="bench-testing-") as tmp:
        for rep in range(reps):
            names = list(SUITES)
            shift = rep % len(names)
            for name in names[shift:] + names[:shift]:
                durations = _run_suite(name, tests, Path(tmp), tree)
                runs[name].append(
                    {
                        "median_ms": statistics.median(durations[1:]),
                        "first_ms": durations[0],  # includes starting the session's server
                    }
                )
    return {"tests": tests, "reps": reps, "runs": runs}


# -- per-request latency ------------------------------------------------------------------------


def _timed(call: Callable[[], Any], n: int) -> tuple[float, float]:
    """(wall ms, CPU ms) per call over `n` calls."""
    wall0, cpu0 = time.perf_counter(), time.process_time()
    for _ in range(n):
        call()
    return (time.perf_counter() - wall0) / n * 1e3, (time.process_time() - cpu0) / n * 1e3


def per_request(calls: int, reps: int) -> dict[str, Any]:
    """Wall and CPU ms per request, per contender and operation, per repetition."""
    import logging

    import respx
    from pytest_httpserver import HTTPServer

    from activitysmith import ActivitySmith
    from activitysmith.testing import ActivitySmithServer

    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # no line per request on stderr
    server = ActivitySmithServer(rate_limit=None).start()
    anchor = HTTPServer(host="127.0.0.1", port=0)
    anchor.expect_request("/api/push-notification", method="POST").respond_with_json(PUSH_ANSWER)
    anchor.start()
    mocked_base = "https://api.example.test/api"
    router = respx.mock(assert_all_called=False)
    router.post(mocked_base + "/push-notification").respond(200, json=PUSH_ANSWER)
    clients = {
        "ours": ActivitySmith(server.api_key, base_url=server.base_url, rate_limit=None),
        "pytest-httpserver": ActivitySmith(
            "ask_bench", base_url=anchor.url_for("/api"), rate_limit=None
        ),
        "respx": ActivitySmith("ask_bench", base_url=mocked_base, rate_limit=None),
    }
    raw = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    raw_headers = {
        "Authorization": f"Bearer {server.api_key}",
        "Content-Type": "application/json",
    }
    bodies = {
        "push": ("POST", "/api/push-notification", {"title": "Deploy finished"}),
        "stream": ("PUT", "/api/live-activity/stream/nightly", {"content_state": STATE}),
        "metric": ("POST", "/api/metrics/uptime/value", {"value": 99.9}),
    }

    def raw_call(op: str) -> Callable[[], Any]:
        method, path, body = bodies[op]
        data = json.dumps(body).encode()

        def call() -> Any:
            raw.request(method, path, body=data, headers=raw_headers)
            response = raw.getresponse()
            payload = response.read()
            if response.status != 200:
                raise RuntimeError(f"{op}: HTTP {response.status} {payload!r}")
            return payload

        return call

    def sdk_calls(client: ActivitySmith) -> dict[str, Callable[[], Any]]:
        return {
            "push": lambda: client.notifications.send(title="Deploy finished"),
            "stream": lambda: client.live_activities.stream("nightly", content_state=STATE),
            "metric": lambda: client.metrics.update("uptime", 99.9),
        }

    contenders: dict[tuple[str, str], Callable[[], Any]] = {}
    for op, call in sdk_calls(clients["ours"]).items():
        contenders[(op, "ours, SDK client")] = call
        contenders[(op, "ours, http.client")] = raw_call(op)
    contenders[("push", "respx, SDK client")] = sdk_calls(clients["respx"])["push"]
    contenders[("push", "pytest-httpserver, SDK client")] = sdk_calls(clients["pytest-httpserver"])[
        "push"
    ]
    handling = _server_handling(server)
    samples: dict[str, dict[str, dict[str, list[float]]]] = {}

    def mocking(name: str) -> Any:
        """respx patches httpx for everyone while active: only around its own batches."""
        return router if name.startswith("respx") else contextlib.nullcontext()

    try:
        for (_op, name), call in contenders.items():
            with mocking(name):
                for _ in range(20):
                    call()
        for rep in range(reps):
            keys = list(contenders)
            shift = rep % len(keys)
            for op, name in keys[shift:] + keys[:shift]:
                with mocking(name):
                    wall, cpu = _timed(contenders[(op, name)], calls)
                row = samples.setdefault(op, {}).setdefault(name, {"wall": [], "cpu": []})
                row["wall"].append(wall)
                row["cpu"].append(cpu)
                anchor.clear_log()
            for op, call in handling.items():
                wall, cpu = _timed(call, calls)
                row = samples[op].setdefault("ours, server handling", {"wall": [], "cpu": []})
                row["wall"].append(wall)
                row["cpu"].append(cpu)
            server.reset()
    finally:
        for client in clients.values():
            client.close()
        raw.close()
        server.stop()
        anchor.stop()
    return {"calls": calls, "reps": reps, "samples": samples, "requests_checked": len(contenders)}


def _server_handling(server: Any) -> dict[str, Callable[[], Any]]:
    """The server's work for one request, without sockets (a diagnostic on internals)."""
    app = server._context.app
    headers = [
        ("Host", "127.0.0.1"),
        ("Authorization", f"Bearer {server.api_key}"),
        ("Content-Type", "application/json"),
    ]
    requests = {
        "push": ("POST", "/api/push-notification", {"title": "Deploy finished"}),
        "stream": ("PUT", "/api/live-activity/stream/nightly", {"content_state": STATE}),
        "metric": ("POST", "/api/metrics/uptime/value", {"value": 99.9}),
    }

    def one(method: str, path: str, body: dict[str, Any]) -> Callable[[], Any]:
        data = json.dumps(body).encode()

        def call() -> Any:
            handled = app.handle(method, path, headers, data)
            if handled.reply.status != 200:
                raise RuntimeError(f"{path}: {handled.reply}")
            return handled

        return call

    return {op: one(*request) for op, request in requests.items()}


def measure_testing(quick: bool = False, tree: Path = REPO) -> dict[str, Any]:
    """Both measurements, with the machine's load before and after."""
    load_before = os.getloadavg()
    tests, suite_reps, calls, request_reps = (20, 1, 20, 2) if quick else (200, 3, 200, 9)
    result = {
        "tree": str(tree),
        "per_test": per_test(tests, suite_reps, tree),
        "per_request": per_request(calls, request_reps),
        "load_before": [round(x, 2) for x in load_before],
        "load_after": [round(x, 2) for x in os.getloadavg()],
        "target_test_ms": TARGET_TEST_MS,
        "target_request_ms": TARGET_REQUEST_MS,
    }
    return result


# -- report ----------------------------------------------------------------------------------------


def _median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def render(result: dict[str, Any]) -> str:
    """Markdown: per-test cost and per-request latency, with the anchors and the targets."""
    per_test_runs = result["per_test"]["runs"]
    empty = _median([run["median_ms"] for run in per_test_runs["empty"]])
    cost = {
        name: _median([run["median_ms"] for run in runs]) - empty
        for name, runs in per_test_runs.items()
        if name != "empty"
    }
    first = _median([run["first_ms"] for run in per_test_runs["ours"]])
    tests, reps = result["per_test"]["tests"], result["per_test"]["reps"]
    lines = [
        f"Per-test cost: {tests} tests per pytest process, {reps} processes per suite, "
        f"interleaved; median test (setup + call + teardown) minus the median empty test "
        f"({empty:.3f} ms).",
        "",
        "| suite | per test | ours / it | target | status |",
        "|---|---:|---:|---|---|",
    ]
    for name, value in cost.items():
        is_ours = name == "ours"
        status = ("met" if value <= TARGET_TEST_MS else "**MISSED**") if is_ours else ""
        lines.append(
            f"| {name} | {value:.2f} ms | {cost['ours'] / value:.2f}x | "
            f"{'<= 5 ms' if is_ours else ''} | {status} |"
        )
    lines += [
        "",
        f"Our first test of a session (it starts the shared server): {first:.1f} ms.",
        "",
    ]
    calls, request_reps = result["per_request"]["calls"], result["per_request"]["reps"]
    lines += [
        f"Per-request latency: {request_reps} interleaved batches of {calls} calls; medians of "
        "per-batch means. CPU is the whole process (the client and the in-process server).",
        "",
        "| request | contender | wall | CPU | target | status |",
        "|---|---|---:|---:|---|---|",
    ]
    for op, rows in result["per_request"]["samples"].items():
        for name, row in rows.items():
            wall, cpu = _median(row["wall"]), _median(row["cpu"])
            targeted = name.startswith("ours") and "handling" not in name and op != "metric"
            status = ("met" if wall <= TARGET_REQUEST_MS else "**MISSED**") if targeted else ""
            lines.append(
                f"| {op} | {name} | {wall:.3f} ms | {cpu:.3f} ms | "
                f"{'<= 1 ms' if targeted else ''} | {status} |"
            )
    push = result["per_request"]["samples"].get("push", {})
    ours = _median(push.get("ours, SDK client", {}).get("wall", []))
    for anchor in ("respx, SDK client", "pytest-httpserver, SDK client"):
        other = _median(push.get(anchor, {}).get("wall", []))
        lines.append("")
        lines.append(f"Push through the SDK, ours / {anchor.split(',')[0]}: {ours / other:.2f}x.")
    lines.append("")
    lines.append(
        f"Load average before {result['load_before']}, after {result['load_after']} "
        "(1, 5, 15 minutes)."
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_testing")
    parser.add_argument("--quick", action="store_true", help="tiny counts (smoke run)")
    parser.add_argument("--json", action="store_true", help="print the raw results as JSON")
    parser.add_argument(
        "--tree", type=Path, default=REPO, help="the checkout whose activitysmith to measure"
    )
    args = parser.parse_args(argv)
    if args.tree.resolve() != REPO:
        sys.path.insert(0, str(args.tree.resolve()))  # before the installed package
    result = measure_testing(quick=args.quick, tree=args.tree.resolve())
    print(json.dumps(result) if args.json else render(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
