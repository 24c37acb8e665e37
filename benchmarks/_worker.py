"""One contender in its own process: our SDK, raw httpx, or the official `activitysmith` package.

Run as a script by the harness with the contender's interpreter (the official package shares
our package's name, so it lives in its own virtualenv). It reads one JSON command per line on
stdin and answers one JSON line on stdout; it imports only the standard library and the
contender's package, so any of the benchmark virtualenvs can run it.
"""

from __future__ import annotations

import asyncio
import cProfile
import inspect
import json
import pstats
import sys
import time
import traceback
from collections.abc import Awaitable, Callable
from typing import Any

Call = Callable[[], Any]
AsyncCall = Callable[[], Awaitable[Any]]

TIMEOUT = 30.0


class Contender:
    """The calls one contender makes, built from the harness's `setup` command."""

    def __init__(self, setup: dict[str, Any]) -> None:
        self.name: str = setup["contender"]
        self.base_url: str = setup["base_url"]
        self.key: str = setup["api_key"]
        self.stream_key: str = setup["stream_key"]
        self.state: dict[str, Any] = setup["content_state"]
        self.push: dict[str, Any] = setup["push"]
        self.headers: dict[str, str] = setup["headers"]
        self.info: dict[str, Any] = {"python": sys.version.split()[0]}
        self.client: Any = None
        self.calls: dict[str, Call] = {}

    # --- sync -----------------------------------------------------------------------------

    def open(self) -> tuple[Any, dict[str, Call]]:
        """A new client and its calls: {"stream": ..., "push": ...}."""
        opener = {
            "ours": self._open_ours,
            "httpx": self._open_httpx,
            "official": self._open_official,
        }.get(self.name)
        if opener is None:
            raise ValueError(f"unknown contender {self.name!r}")
        return opener()

    def _open_ours(self) -> tuple[Any, dict[str, Call]]:
        import activitysmith

        options: dict[str, Any] = {"api_key": self.key, "base_url": self.base_url}
        if "rate_limit" in inspect.signature(activitysmith.ActivitySmith).parameters:
            options["rate_limit"] = None
        sdk = activitysmith.ActivitySmith(**options)
        self.info.update(
            version=activitysmith.__version__,
            rate_limit_disabled="rate_limit" in options,
            httpx=_version("httpx"),
        )

        def stream() -> Any:
            return sdk.live_activities.stream(self.stream_key, content_state=self.state)

        def push() -> Any:
            return sdk.notifications.send(**self.push)

        return sdk, {"stream": stream, "push": push}

    def _open_httpx(self) -> tuple[Any, dict[str, Call]]:
        import httpx

        raw = httpx.Client(
            base_url=self.base_url,
            headers=self.headers,
            timeout=httpx.Timeout(TIMEOUT, connect=5.0),
        )
        self.info.update(version=httpx.__version__)
        path = f"/live-activity/stream/{self.stream_key}"
        stream_body = {"content_state": self.state}

        def stream() -> Any:
            response = raw.put(path, json=stream_body)
            if response.status_code != 200:
                raise RuntimeError(f"HTTP {response.status_code}")
            return response.json()

        def push() -> Any:
            response = raw.post("/push-notification", json=self.push)
            if response.status_code != 200:
                raise RuntimeError(f"HTTP {response.status_code}")
            return response.json()

        return raw, {"stream": stream, "push": push}

    def _open_official(self) -> tuple[Any, dict[str, Call]]:
        import activitysmith  # the PyPI package, in its own venv

        official: Any = activitysmith.ActivitySmith(api_key=self.key)
        # Its facade takes no base URL; all of its API objects share one generated ApiClient,
        # whose configuration.host is read on every request.
        official.notifications._api.api_client.configuration.host = self.base_url
        self.info.update(version=_version("activitysmith"), urllib3=_version("urllib3"))
        self.info.update(pydantic=_version("pydantic"))

        def stream() -> Any:
            return official.live_activities.stream(self.stream_key, content_state=self.state)

        def push() -> Any:
            return official.notifications.send(**self.push)

        return official, {"stream": stream, "push": push}

    def close(self, client: Any) -> None:
        if self.name == "official":
            client.notifications._api.api_client.rest_client.pool_manager.clear()
        else:
            client.close()

    # --- async ----------------------------------------------------------------------------

    async def open_async(self) -> tuple[Any, AsyncCall]:
        if self.name == "ours":
            return self._open_ours_async()
        if self.name == "httpx":
            return self._open_httpx_async()
        raise ValueError(f"{self.name} has no async client")

    def _open_ours_async(self) -> tuple[Any, AsyncCall]:
        import activitysmith

        options: dict[str, Any] = {"api_key": self.key, "base_url": self.base_url}
        if "rate_limit" in inspect.signature(activitysmith.AsyncActivitySmith).parameters:
            options["rate_limit"] = None
        sdk = activitysmith.AsyncActivitySmith(**options)

        async def stream() -> Any:
            return await sdk.live_activities.stream(self.stream_key, content_state=self.state)

        return sdk, stream

    def _open_httpx_async(self) -> tuple[Any, AsyncCall]:
        import httpx

        raw = httpx.AsyncClient(
            base_url=self.base_url,
            headers=self.headers,
            timeout=httpx.Timeout(TIMEOUT, connect=5.0),
        )
        path = f"/live-activity/stream/{self.stream_key}"
        body = {"content_state": self.state}

        async def stream() -> Any:
            response = await raw.put(path, json=body)
            if response.status_code != 200:
                raise RuntimeError(f"HTTP {response.status_code}")
            return response.json()

        return raw, stream

    async def run_async(self, n: int, concurrency: int) -> dict[str, float]:
        client, call = await self.open_async()
        try:
            await _concurrently(call, concurrency * 2, concurrency)  # open the connections
            cpu0, wall0 = time.process_time(), time.perf_counter()
            await _concurrently(call, n, concurrency)
            wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
        finally:
            await (client.aclose() if self.name == "httpx" else client.close())
        return {"wall": wall, "cpu": cpu}


async def _concurrently(call: AsyncCall, n: int, concurrency: int) -> None:
    remaining = n

    async def lane() -> None:
        nonlocal remaining
        while remaining > 0:
            remaining -= 1
            await call()

    await asyncio.gather(*(lane() for _ in range(min(concurrency, n))))


def _version(dist: str) -> str | None:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(dist)
    except PackageNotFoundError:
        return None


def _time_calls(call: Call, n: int) -> dict[str, float]:
    cpu0, wall0 = time.process_time(), time.perf_counter()
    for _ in range(n):
        call()
    return {"wall": time.perf_counter() - wall0, "cpu": time.process_time() - cpu0}


# --- profile ----------------------------------------------------------------------------------

LAYERS = (
    # (substring of the code's file path, layer); the first match wins.
    ("activitysmith/_rules.py", "ours: request validation"),
    ("activitysmith/_operations.py", "ours: body building (merge, copy, channels)"),
    ("activitysmith/_responses.py", "ours: result parsing"),
    ("activitysmith/_results.py", "ours: result parsing"),
    ("activitysmith/_transport.py", "ours: retry transport"),
    ("activitysmith/_sync/_transport.py", "ours: retry transport"),
    ("activitysmith/_retries.py", "ours: retry transport"),
    ("activitysmith/_ratelimit.py", "ours: rate limiter"),
    ("activitysmith/", "ours: facade call path"),
    ("activitysmith_client/models/", "generated: models from_dict/to_dict"),
    ("activitysmith_client/", "generated: endpoint _get_kwargs"),
    ("/attr/", "attrs (generated models' __init__)"),
    ("/httpx/", "httpx: client layer (URL, headers, request/response models)"),
    ("/httpcore/", "httpcore: connection pool"),
    ("/h11/", "h11: HTTP/1.1 parsing"),
    ("/json/", "json encode/decode"),
    ("/pydantic", "pydantic"),
    ("/urllib3/", "urllib3"),
    ("activitysmith_openapi/", "official: generated layer"),
)
SOCKET_WAITS = ("recv_into", "recv", "sendall", "send", "poll", "select", "connect")


def _layer(filename: str, name: str, contender: str) -> str:
    path = filename.replace("\\", "/")
    if contender == "official" and "activitysmith/" in path:
        return "official: facade (activitysmith/client.py)"
    if path == "~":
        if any(f"'{w}'" in name or f"method '{w}'" in name for w in SOCKET_WAITS):
            return "socket I/O (send, wait, receive)"
        return "C builtins (str, dict, isinstance...)"
    for marker, layer in LAYERS:
        if marker in path:
            return layer
    return "other standard library"


def profile(contender: Contender, call: Call, n: int, top: int) -> dict[str, Any]:
    """cProfile `n` calls: own time per layer and the costliest functions (per call, in us)."""
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(n):
        call()
    profiler.disable()
    stats = pstats.Stats(profiler)
    table: dict[Any, Any] = stats.stats  # type: ignore[attr-defined]
    layers: dict[str, float] = {}
    functions = []
    for (filename, line, name), (_cc, ncalls, tottime, cumtime, _callers) in table.items():
        layer = _layer(filename, name, contender.name)
        layers[layer] = layers.get(layer, 0.0) + tottime
        where = name if filename == "~" else f"{_short(filename)}:{line}({name})"
        functions.append((tottime, cumtime, ncalls, where))
    functions.sort(reverse=True)
    total = sum(layers.values())
    return {
        "n": n,
        "total_us_per_call": total / n * 1e6,
        "layers": sorted(
            (
                {"layer": k, "us_per_call": v / n * 1e6, "share": v / total}
                for k, v in layers.items()
            ),
            key=lambda row: -row["us_per_call"],
        ),
        "top": [
            {
                "function": where,
                "tottime_us_per_call": tot / n * 1e6,
                "cumtime_us_per_call": cum / n * 1e6,
                "calls_per_call": calls / n,
            }
            for tot, cum, calls, where in functions[:top]
        ],
    }


def _short(filename: str) -> str:
    path = filename.replace("\\", "/")
    for marker in ("site-packages/", "/work/main/", "/lib/python3"):
        if marker in path:
            return path.split(marker, 1)[1]
    return path


def breakdown(contender: Contender, n: int) -> dict[str, float]:
    """Our call split into its steps, each timed alone without the profiler (us per call).

    Uses private internals (the facade's `_prepare`, `_http`, `parse_result`), so it may need
    updating when they change; it is a diagnostic, not part of the comparison.
    """
    import httpx

    from activitysmith import NOT_GIVEN
    from activitysmith._generated.operations import RECONCILE_LIVE_ACTIVITY_STREAM as STREAM
    from activitysmith._operations import build_body
    from activitysmith._responses import parse_result

    client = contender.client
    state = {"content_state": contender.state}
    key = contender.stream_key

    def prepare() -> Any:
        return client._prepare(STREAM, (key,), None, state, NOT_GIVEN, NOT_GIVEN, NOT_GIVEN)

    def build() -> Any:
        STREAM.check_path(key)
        return build_body(STREAM, None, state)

    kwargs, _removed = prepare()
    request = client._http.build_request(**kwargs)
    response = client._http.send(request)
    response.read()
    canned = httpx.Response(
        200, content=response.content, headers=response.headers, request=request
    )

    def timed(fn: Call) -> float:
        """The best of 5 rounds (a micro-benchmark: the minimum is the least disturbed)."""
        rounds = []
        for _ in range(5):
            start = time.process_time()
            for _ in range(max(1, n // 5)):
                fn()
            rounds.append((time.process_time() - start) / max(1, n // 5) * 1e6)
        return min(rounds)

    steps = {
        "check path + build and validate body (_operations)": build,
        "prepare: validation + generated from_dict/to_dict + _get_kwargs": prepare,
        "httpx build_request": lambda: client._http.build_request(**kwargs),
        "httpx send (transport, connection, server round trip)": lambda: client._http.send(
            client._http.build_request(**kwargs)
        ),
        "parse_result (json + generated from_dict + result class)": lambda: parse_result(
            STREAM, canned
        ),
        "whole call: client.live_activities.stream(...)": contender.calls["stream"],
    }
    return {name: timed(fn) for name, fn in steps.items()}


# --- protocol ---------------------------------------------------------------------------------


def handle(contender: Contender | None, command: dict[str, Any]) -> tuple[Contender | None, Any]:
    cmd = command["cmd"]
    if cmd == "setup":
        contender = Contender(command)
        contender.client, contender.calls = contender.open()
        for call in contender.calls.values():
            for _ in range(command.get("warmup", 20)):
                call()
        return contender, contender.info
    assert contender is not None, "setup first"
    if cmd == "sync":
        return contender, _time_calls(contender.calls[command["op"]], command["n"])
    if cmd == "async":
        return contender, asyncio.run(contender.run_async(command["n"], command["concurrency"]))
    if cmd == "fresh_client":
        client, calls = contender.open()
        try:
            for _ in range(command["n"]):
                calls["stream"]()
        finally:
            contender.close(client)
        return contender, {"calls": command["n"]}
    if cmd == "profile":
        call = contender.calls[command.get("op", "stream")]
        return contender, profile(contender, call, command["n"], command.get("top", 15))
    if cmd == "breakdown":
        return contender, breakdown(contender, command["n"])
    raise ValueError(f"unknown command {cmd!r}")


def main() -> None:
    out = sys.stdout
    sys.stdout = sys.stderr  # the protocol owns the real stdout
    contender: Contender | None = None
    for line in sys.stdin:
        if not line.strip():
            continue
        command = json.loads(line)
        if command["cmd"] == "quit":
            break
        try:
            contender, result = handle(contender, command)
            reply = {"ok": True, "result": result}
        except Exception as exc:
            reply = {"ok": False, "error": f"{type(exc).__name__}: {exc}"}
            traceback.print_exc()
        out.write(json.dumps(reply) + "\n")
        out.flush()
    if contender is not None and contender.client is not None:
        contender.close(contender.client)


if __name__ == "__main__":
    main()
