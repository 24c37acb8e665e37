"""The measurements: each returns plain data (lists of samples), interleaved across contenders.

Contenders take turns batch by batch, with the order rotated every repetition, so a burst of
load from the rest of the machine lands on all of them alike; the report takes medians.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ._envs import REPO
from ._processes import Server, Worker

__all__ = ["Counts", "Setup", "Suite"]

API_KEY = "ask_bench_0123456789abcdef"
STREAM_KEY = "nightly-backup"
CONTENT_STATE = {
    "title": "Nightly backup",
    "subtitle": "copying files",
    "type": "progress",
    "percentage": 42,
}
PUSH = {"title": "Deploy finished", "message": "api v42 is live"}
PROGRESS_MODULE = REPO / "benchmarks" / "bench_progress.py"

# What a program runs to get a client. Our package loads its names lazily (PEP 562), so a bare
# `import activitysmith` would measure almost nothing: import the client class, as users do.
IMPORTS = {
    "ours": "from activitysmith import ActivitySmith",
    "httpx": "import httpx",
    "official": "from activitysmith import ActivitySmith",
}


@dataclass(frozen=True)
class Counts:
    """How much of everything one run measures."""

    reps: int  # interleaved repetitions of each sync and async batch
    calls: int  # sync calls per batch
    warmup: int
    async_reps: int
    async_calls: int
    concurrency: int
    sequential_calls: int  # for the connection count
    import_reps: int
    importtime_reps: int
    rss_reps: int
    first_push_reps: int
    cli_reps: int
    progress_reps: int
    progress_items: int
    profile_calls: int


FULL = Counts(
    reps=21,
    calls=500,
    warmup=50,
    async_reps=7,
    async_calls=1000,
    concurrency=50,
    sequential_calls=1000,
    import_reps=21,
    importtime_reps=11,
    rss_reps=7,
    first_push_reps=21,
    cli_reps=21,
    progress_reps=5,
    progress_items=1_000_000,
    profile_calls=2000,
)
QUICK = Counts(
    reps=2,
    calls=20,
    warmup=3,
    async_reps=1,
    async_calls=40,
    concurrency=10,
    sequential_calls=20,
    import_reps=2,
    importtime_reps=1,
    rss_reps=1,
    first_push_reps=2,
    cli_reps=2,
    progress_reps=1,
    progress_items=10_000,
    profile_calls=20,
)


@dataclass
class Setup:
    """Where each contender runs; `official` is None when it is skipped."""

    runtime: Path | str  # interpreter for our SDK and raw httpx
    official: Path | None
    server: Server
    out: Path


def rotated(items: Sequence[str], rep: int) -> list[str]:
    shift = rep % len(items)
    return [*items[shift:], *items[:shift]]


def _headers() -> dict[str, str]:
    """The headers our SDK sends, for the raw httpx contender."""
    from activitysmith._config import SDK_HEADER, USER_AGENT

    return {
        "Authorization": f"Bearer {API_KEY}",
        "Accept": "application/json",
        "User-Agent": USER_AGENT,
        "X-ActivitySmith-SDK": SDK_HEADER,
    }


def _say(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


class Suite:
    def __init__(self, setup: Setup, counts: Counts) -> None:
        self.setup = setup
        self.counts = counts
        self.contenders = ["ours", "httpx"] + (["official"] if setup.official else [])
        self.workers: dict[str, Worker] = {}

    def python(self, contender: str) -> Path | str:
        if contender == "official":
            assert self.setup.official is not None
            return self.setup.official
        return self.setup.runtime

    # --- in-process calls (persistent workers) ----------------------------------------------

    def start_workers(self) -> dict[str, Any]:
        setup = {
            "base_url": self.setup.server.base_url,
            "api_key": API_KEY,
            "stream_key": STREAM_KEY,
            "content_state": CONTENT_STATE,
            "push": PUSH,
            "headers": _headers(),
            "warmup": self.counts.warmup,
        }
        for name in self.contenders:
            log = self.setup.out / f"worker-{name}.log"
            self.workers[name] = Worker(name, self.python(name), setup, log)
        return {name: worker.info for name, worker in self.workers.items()}

    def stop_workers(self) -> None:
        for worker in self.workers.values():
            worker.stop()
        self.workers.clear()

    def requests_on_the_wire(self) -> dict[str, Any]:
        """The request each contender sends for each call, as the server saw it."""
        seen: dict[str, Any] = {}
        for name, worker in self.workers.items():
            for op in ("stream", "push"):
                self.setup.server.reset()
                worker.ask({"cmd": "sync", "op": op, "n": 1})
                last = self.setup.server.stats()["last"][op]
                seen.setdefault(op, {})[name] = {
                    "request_line": last["request_line"],
                    "headers": last["headers"],
                    "json": json.loads(last["body"]),
                }
        return seen

    def sync_calls(self) -> dict[str, Any]:
        """Per-call wall and CPU time (us) of each contender, per operation, per repetition."""
        samples: dict[str, dict[str, dict[str, list[float]]]] = {}
        n = self.counts.calls
        for rep in range(self.counts.reps):
            _say(f"sync calls: repetition {rep + 1}/{self.counts.reps}")
            for op in ("stream", "push"):
                for name in rotated(self.contenders, rep):
                    timing = self.workers[name].ask({"cmd": "sync", "op": op, "n": n})
                    row = samples.setdefault(op, {}).setdefault(name, {"wall": [], "cpu": []})
                    row["wall"].append(timing["wall"] / n * 1e6)
                    row["cpu"].append(timing["cpu"] / n * 1e6)
        return samples

    def async_calls(self) -> dict[str, Any]:
        """Wall and CPU time (ms) of `async_calls` stream updates at `concurrency`."""
        samples: dict[str, dict[str, list[float]]] = {}
        names = ["ours", "httpx"]
        command = {
            "cmd": "async",
            "n": self.counts.async_calls,
            "concurrency": self.counts.concurrency,
        }
        for rep in range(self.counts.async_reps):
            _say(f"async calls: repetition {rep + 1}/{self.counts.async_reps}")
            for name in rotated(names, rep):
                timing = self.workers[name].ask(command)
                row = samples.setdefault(name, {"wall": [], "cpu": []})
                row["wall"].append(timing["wall"] * 1e3)
                row["cpu"].append(timing["cpu"] * 1e3)
        return samples

    def connections(self) -> dict[str, Any]:
        """TCP connections the server accepted for `sequential_calls` calls of a new client."""
        result = {}
        for name, worker in self.workers.items():
            self.setup.server.reset()
            worker.ask({"cmd": "fresh_client", "n": self.counts.sequential_calls})
            stats = self.setup.server.stats()
            result[name] = {
                "connections": stats["api_connections"],
                "requests": stats["api_requests"],
            }
        return result

    def profile(self) -> dict[str, Any]:
        """cProfile of stream calls (every contender) and our call split into timed steps."""
        _say("profiling stream calls")
        n = self.counts.profile_calls
        result: dict[str, Any] = {}
        for name in self.contenders:
            result[name] = self.workers[name].ask({"cmd": "profile", "op": "stream", "n": n})
        try:
            result["breakdown"] = self.workers["ours"].ask({"cmd": "breakdown", "n": n})
        except Exception as exc:  # a diagnostic on private internals: never fail the run
            result["breakdown"] = {"error": str(exc)}
        return result

    # --- fresh processes ---------------------------------------------------------------------

    def imports(self) -> dict[str, Any]:
        """Cold import in fresh interpreters: in-process time, process wall, -X importtime, RSS."""
        samples: dict[str, dict[str, list[float]]] = {
            name: {
                "import_ms": [],
                "process_ms": [],
                "importtime_ms": [],
                "rss_mb": [],
                "first_push_ms": [],
                "first_push_rss_mb": [],
            }
            for name in self.contenders
        }
        for name in self.contenders:  # untimed: compiles any stale bytecode first
            self._run(name, ["-c", IMPORTS[name]])
        for rep in range(self.counts.import_reps):
            if rep % 5 == 0:
                _say(f"imports: repetition {rep + 1}/{self.counts.import_reps}")
            for name in rotated(self.contenders, rep):
                code = (
                    "import time as _t\n_s = _t.perf_counter()\n"
                    f"{IMPORTS[name]}\n"
                    "print(_t.perf_counter() - _s)\n"
                )
                started = time.perf_counter()
                out = self._run(name, ["-c", code])
                samples[name]["process_ms"].append((time.perf_counter() - started) * 1e3)
                samples[name]["import_ms"].append(float(out) * 1e3)
        for rep in range(self.counts.importtime_reps):
            for name in rotated(self.contenders, rep):
                err = self._run(name, ["-X", "importtime", "-c", IMPORTS[name]], "err")
                samples[name]["importtime_ms"].append(_importtime(err) / 1e3)
        for rep in range(self.counts.rss_reps):
            for name in rotated(self.contenders, rep):
                out = self._run(name, ["-c", _ONE_CALL, self._one_call_args(name)])
                samples[name]["rss_mb"].append(int(out) / 1024)
        for name in self.contenders:  # untimed: compiles any stale bytecode first
            self._run(name, ["-c", _FIRST_PUSH, self._one_call_args(name)])
        for rep in range(self.counts.first_push_reps):
            if rep % 5 == 0:
                _say(f"first push: repetition {rep + 1}/{self.counts.first_push_reps}")
            for name in rotated(self.contenders, rep):
                started = time.perf_counter()
                out = self._run(name, ["-c", _FIRST_PUSH, self._one_call_args(name)])
                samples[name]["first_push_ms"].append((time.perf_counter() - started) * 1e3)
                samples[name]["first_push_rss_mb"].append(int(out) / 1024)
        bare = [
            int(self._run("httpx", ["-c", _BARE_RSS])) / 1024
            for _ in range(max(1, self.counts.rss_reps // 2))
        ]
        return {"samples": samples, "bare_interpreter_rss_mb": bare}

    def _one_call_args(self, name: str) -> str:
        return json.dumps(
            {
                "contender": name,
                "base_url": self.setup.server.base_url,
                "api_key": API_KEY,
                "stream_key": STREAM_KEY,
                "content_state": CONTENT_STATE,
                "headers": _headers(),
            }
        )

    def cli(self) -> dict[str, list[float]]:
        """Process wall (ms) of `python -m activitysmith.cli --help` and `python -c "import httpx"`."""
        commands: dict[str, list[str]] = {
            "cli_help": ["-m", "activitysmith.cli", "--help"],
            "import_httpx": ["-c", "import httpx"],
        }
        samples: dict[str, list[float]] = {name: [] for name in commands}
        self._run("ours", commands["cli_help"])  # untimed: compiles any stale bytecode first
        for rep in range(self.counts.cli_reps):
            for name in rotated(list(commands), rep):
                started = time.perf_counter()
                self._run("ours", commands[name])
                samples[name].append((time.perf_counter() - started) * 1e3)
        return samples

    def progress(self) -> dict[str, Any]:
        """`measure_progress_overhead` from benchmarks/bench_progress.py, when it exists."""
        if not PROGRESS_MODULE.exists():
            return {"skipped": "benchmarks/bench_progress.py does not exist yet"}
        code = (
            "import json, sys\n"
            "from benchmarks.bench_progress import measure_progress_overhead\n"
            "print(json.dumps(measure_progress_overhead(n=int(sys.argv[1]))))\n"
        )
        env = {
            **os.environ,
            "ACTIVITYSMITH_API_KEY": API_KEY,
            "ACTIVITYSMITH_BASE_URL": self.setup.server.base_url,
        }
        runs = []
        for rep in range(self.counts.progress_reps):
            _say(f"progress overhead: repetition {rep + 1}/{self.counts.progress_reps}")
            done = subprocess.run(
                # The harness's interpreter: the function serves `activitysmith.testing`,
                # which needs the `testing` extra that the runtime venv leaves out.
                [sys.executable, "-c", code, str(self.counts.progress_items)],
                capture_output=True,
                text=True,
                cwd=REPO,
                env=env,
                timeout=600,
                check=False,
            )
            if done.returncode != 0:
                tail = " | ".join(done.stderr.strip().splitlines()[-3:])
                return {"error": f"measure_progress_overhead failed: {tail}"}
            runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
        return {"runs": runs, "n": self.counts.progress_items}

    def testing(self) -> dict[str, Any]:
        """`activitysmith.testing` beside respx and pytest-httpserver (benchmarks/bench_testing.py).

        In the harness's interpreter: it needs the `testing` extra and the pinned anchors.
        """
        _say("activitysmith.testing: per-test cost and per-request latency")
        args = ["--json", *(["--quick"] if self.counts is QUICK else [])]
        done = subprocess.run(
            [sys.executable, "-m", "benchmarks.bench_testing", *args],
            capture_output=True,
            text=True,
            cwd=REPO,
            timeout=1800,
            check=False,
        )
        if done.returncode != 0:
            tail = " | ".join(done.stderr.strip().splitlines()[-3:])
            raise RuntimeError(f"bench_testing failed: {tail}")
        result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
        return result

    def _run(self, name: str, args: list[str], want: str = "out") -> str:
        done = subprocess.run(
            [str(self.python(name)), "-I", *args],
            capture_output=True,
            text=True,
            cwd=self.setup.out,
            timeout=120,
            check=False,
        )
        if done.returncode != 0:
            tail = " | ".join(done.stderr.strip().splitlines()[-3:])
            raise RuntimeError(f"{name}: {' '.join(args[:2])} failed: {tail}")
        return done.stdout.strip() if want == "out" else done.stderr


def _importtime(stderr: str) -> float:
    """Cumulative microseconds of what `-c` imported: the top-level entries after `site`.

    Lazily loaded modules show up as top-level entries of their own, so all of them count.
    """
    pattern = re.compile(r"import time:\s*(\d+)\s*\|\s*(\d+)\s*\|( *)(\S+)")
    entries = []
    for line in stderr.splitlines():
        match = pattern.match(line)
        if match and match.group(3) == " ":  # one space: a top-level import
            entries.append((match.group(4), float(match.group(2))))
    names = [name for name, _ in entries]
    if "site" not in names:
        raise RuntimeError("-X importtime printed no `site` entry")
    start = len(names) - names[::-1].index("site")
    return sum(cumulative for _, cumulative in entries[start:])


# Peak RSS (KiB) of this process: VmHWM, since getrusage's ru_maxrss survives exec on Linux
# and would report the harness's own size.
_PEAK_RSS = """
def peak_rss():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
"""
# Import the contender, make one stream call to the local server, print the peak RSS (KiB).
_ONE_CALL = (
    _PEAK_RSS
    + """
import json, sys
a = json.loads(sys.argv[1])
if a["contender"] == "httpx":
    import httpx
    with httpx.Client(base_url=a["base_url"], headers=a["headers"]) as c:
        r = c.put("/live-activity/stream/" + a["stream_key"], json={"content_state": a["content_state"]})
        assert r.status_code == 200, r.status_code
        r.json()
else:
    import activitysmith
    if a["contender"] == "ours":
        c = activitysmith.ActivitySmith(api_key=a["api_key"], base_url=a["base_url"])
    else:
        c = activitysmith.ActivitySmith(api_key=a["api_key"])
        c.notifications._api.api_client.configuration.host = a["base_url"]
    c.live_activities.stream(a["stream_key"], content_state=a["content_state"])
print(peak_rss())
"""
)
# A cron job's whole run: start, import, build a client, send one push, exit. Prints the peak
# RSS (KiB); the harness times the process from outside.
_FIRST_PUSH = (
    _PEAK_RSS
    + """
import json, sys
a = json.loads(sys.argv[1])
push = {"title": "Deploy finished", "message": "api v42 is live"}
if a["contender"] == "httpx":
    import httpx
    with httpx.Client(base_url=a["base_url"], headers=a["headers"]) as c:
        r = c.post("/push-notification", json=push)
        assert r.status_code == 200, r.status_code
        r.json()
elif a["contender"] == "ours":
    from activitysmith import ActivitySmith
    with ActivitySmith(api_key=a["api_key"], base_url=a["base_url"]) as c:
        c.notifications.send(**push)
else:
    import activitysmith
    c = activitysmith.ActivitySmith(api_key=a["api_key"])
    c.notifications._api.api_client.configuration.host = a["base_url"]
    c.notifications.send(push)
print(peak_rss())
"""
)
_BARE_RSS = _PEAK_RSS + "print(peak_rss())"
