"""Where the per-call floor lies: the same stream PUT through lighter and lighter HTTP clients.

`python -m benchmarks.floor` sends the request the harness sends, against the same canned
server, with: our SDK, raw `httpx.Client`, `httpx.Client` over a minimal `http.client`
transport (is httpx's cost in its transport or in its client layer?), bare urllib3 (the
official SDK's HTTP stack, when installed), and bare `http.client` (the standard library's
keep-alive connection). All run in this interpreter, interleaved; CPU time per call, medians.
"""

from __future__ import annotations

import argparse
import http.client
import inspect
import json
import statistics
import time
from collections.abc import Callable
from typing import Any

import httpx

from ._processes import Server
from ._suite import API_KEY, CONTENT_STATE, STREAM_KEY, _headers

Call = Callable[[], Any]


class StdlibTransport(httpx.BaseTransport):
    """httpx's client layer over one keep-alive `http.client` connection (no pool, no h11)."""

    def __init__(self) -> None:
        self.connection: http.client.HTTPConnection | None = None

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if self.connection is None:
            self.connection = http.client.HTTPConnection(
                request.url.host, request.url.port, timeout=30
            )
        self.connection.request(
            request.method,
            request.url.raw_path.decode("ascii"),
            body=request.read(),
            headers=dict(request.headers),
        )
        response = self.connection.getresponse()
        return httpx.Response(
            response.status, headers=response.getheaders(), content=response.read()
        )

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()


def contenders(server: Server) -> dict[str, Call]:
    from activitysmith import ActivitySmith

    base, port = server.base_url, server.port
    headers = _headers()
    body = {"content_state": CONTENT_STATE}
    path = f"/live-activity/stream/{STREAM_KEY}"
    options: dict[str, Any] = {"api_key": API_KEY, "base_url": base}
    if "rate_limit" in inspect.signature(ActivitySmith).parameters:
        options["rate_limit"] = None
    ours = ActivitySmith(**options)
    raw = httpx.Client(base_url=base, headers=headers)
    layered = httpx.Client(base_url=base, headers=headers, transport=StdlibTransport())
    bare = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    bare_headers = {**headers, "Content-Type": "application/json"}

    def checked(response: httpx.Response) -> Any:
        if response.status_code != 200:
            raise RuntimeError(f"HTTP {response.status_code}")
        return response.json()

    def bare_call() -> Any:
        bare.request("PUT", "/api" + path, body=json.dumps(body).encode(), headers=bare_headers)
        response = bare.getresponse()
        data = response.read()
        if response.status != 200:
            raise RuntimeError(f"HTTP {response.status}")
        return json.loads(data)

    calls: dict[str, Call] = {
        "our SDK": lambda: ours.live_activities.stream(STREAM_KEY, content_state=CONTENT_STATE),
        "raw httpx.Client": lambda: checked(raw.put(path, json=body)),
        "httpx.Client over http.client": lambda: checked(layered.put(path, json=body)),
        "bare http.client": bare_call,
    }
    try:
        import urllib3
    except ImportError:
        return calls
    pool = urllib3.HTTPConnectionPool("127.0.0.1", port, maxsize=1)

    def urllib3_call() -> Any:
        response = pool.request(
            "PUT", "/api" + path, body=json.dumps(body).encode(), headers=bare_headers
        )
        if response.status != 200:
            raise RuntimeError(f"HTTP {response.status}")
        return json.loads(response.data)

    calls["bare urllib3"] = urllib3_call
    return calls


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.floor", description=__doc__)
    parser.add_argument("--reps", type=int, default=11)
    parser.add_argument("--calls", type=int, default=400)
    args = parser.parse_args(argv)
    server = Server()
    try:
        calls = contenders(server)
        for call in calls.values():
            for _ in range(min(100, args.calls)):
                call()
        samples: dict[str, list[float]] = {name: [] for name in calls}
        for _ in range(args.reps):
            for name, call in calls.items():
                started = time.process_time()
                for _ in range(args.calls):
                    call()
                samples[name].append((time.process_time() - started) / args.calls * 1e6)
    finally:
        server.stop()
    raw = statistics.median(samples["raw httpx.Client"])
    print("| client | CPU per call | vs raw httpx |")
    print("|---|---:|---:|")
    for name, values in samples.items():
        value = statistics.median(values)
        print(f"| {name} | {value:.0f} us | {value / raw:.2f}x |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
