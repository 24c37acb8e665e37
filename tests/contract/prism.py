"""Stoplight Prism for the contract check: installed into `build/prism/` on first use, reused after.

The repo carries no package.json: `install()` runs
`npm install --prefix build/prism --no-audit --no-fund @stoplight/prism-cli@5.14.2` when
`build/prism/node_modules/.bin/prism` is missing (or holds another version), so the
first run installs Prism and later runs reuse it. `build/` is git-ignored; delete
`build/prism/` to force a fresh install. `start()` runs `prism mock --errors` on a copy
of `openapi.yaml` whose paths carry the `/api` prefix (Prism serves paths at `/`).
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "openapi.yaml"
PRISM_VERSION = "5.14.2"
"""The last @stoplight/prism-cli release that installs on Node 20."""
PRISM_DIR = ROOT / "build" / "prism"
PRISM_BIN = PRISM_DIR / "node_modules" / ".bin" / "prism"
API_PREFIX = "/api"

INSTALL_TIMEOUT = 600.0
"""Seconds npm may take to install Prism (a cold install downloads ~300 packages)."""
STARTUP_TIMEOUT = 60.0
"""Seconds Prism may take to load the spec and open its port."""


class PrismUnavailable(Exception):
    """Raised when Prism cannot run here because node or npm is not installed."""


class PrismFailed(Exception):
    """Raised when installing or starting Prism failed although node and npm exist."""


def installed_version() -> str | None:
    """The version of the Prism in `build/prism/`, or None when it is not installed."""
    manifest = PRISM_DIR / "node_modules" / "@stoplight" / "prism-cli" / "package.json"
    if not PRISM_BIN.exists() or not manifest.exists():
        return None
    version = json.loads(manifest.read_text(encoding="utf-8")).get("version")
    return str(version) if version is not None else None


def install() -> Path:
    """Install the pinned Prism into `build/prism/` unless it is already there; its binary.

    Concurrent callers (several pytest processes) wait for one another on a lock file.
    """
    if shutil.which("node") is None or shutil.which("npm") is None:
        missing = " and ".join(tool for tool in ("node", "npm") if shutil.which(tool) is None)
        raise PrismUnavailable(f"{missing} not found on PATH; install Node.js 20 to run Prism")
    PRISM_DIR.mkdir(parents=True, exist_ok=True)
    with open(PRISM_DIR / ".install.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if installed_version() == PRISM_VERSION:
            return PRISM_BIN
        command = [
            "npm",
            "install",
            "--prefix",
            str(PRISM_DIR),
            "--no-audit",
            "--no-fund",
            f"@stoplight/prism-cli@{PRISM_VERSION}",
        ]
        try:
            done = subprocess.run(
                command, capture_output=True, text=True, timeout=INSTALL_TIMEOUT, check=False
            )
        except subprocess.TimeoutExpired:
            raise PrismFailed(f"npm install took longer than {INSTALL_TIMEOUT:.0f} s") from None
        if done.returncode != 0 or installed_version() != PRISM_VERSION:
            raise PrismFailed(f"{' '.join(command)} failed:\n{done.stdout}\n{done.stderr}")
    return PRISM_BIN


def require() -> Path:
    """Install Prism for a test; skip the test without node or npm, but fail under `CI=true`."""
    try:
        return install()
    except PrismUnavailable as exc:
        if os.environ.get("CI", "").strip().lower() in ("true", "1"):
            pytest.fail(f"{exc}; CI=true requires the Prism contract check to run", pytrace=False)
        pytest.skip(f"Prism contract check skipped: {exc}")


def prefixed_spec(spec: dict[str, Any], prefix: str = API_PREFIX) -> dict[str, Any]:
    """A copy of the spec whose paths start with `prefix` and whose server is the root."""
    copy = dict(spec)
    copy["paths"] = {prefix + path: item for path, item in spec["paths"].items()}
    copy["servers"] = [{"url": "/"}]
    return copy


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Prism:
    """A running `prism mock` process."""

    process: subprocess.Popen[str]
    port: int
    log_path: Path

    @property
    def base_url(self) -> str:
        """The API root a client uses: `http://127.0.0.1:PORT/api`."""
        return f"http://127.0.0.1:{self.port}{API_PREFIX}"

    def log(self) -> str:
        """Everything Prism printed so far (it logs each request and its violations)."""
        return self.log_path.read_text(encoding="utf-8", errors="replace")


@contextlib.contextmanager
def start(workdir: Path) -> Iterator[Prism]:
    """Run `prism mock --errors` on the `/api`-prefixed spec in `workdir`; stop it on exit.

    Prism gets its own process group, which is killed on exit (the `prism` script is a
    node wrapper that may spawn children).
    """
    binary = install()
    spec = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    spec_copy = workdir / "openapi.api-prefixed.yaml"
    spec_copy.write_text(yaml.safe_dump(prefixed_spec(spec), sort_keys=False), encoding="utf-8")
    port = free_port()
    log_path = workdir / "prism.log"
    command = [
        str(binary),
        "mock",
        str(spec_copy),
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--errors",
    ]
    with open(log_path, "w") as log_file:
        process = subprocess.Popen(
            command,
            stdout=log_file,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            text=True,
            start_new_session=True,
            env={**os.environ, "NO_COLOR": "1", "FORCE_COLOR": "0"},
        )
    prism = Prism(process, port, log_path)
    try:
        _wait_until_listening(prism)
        yield prism
    finally:
        _stop(process)


def _wait_until_listening(prism: Prism) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while time.monotonic() < deadline:
        if prism.process.poll() is not None:
            raise PrismFailed(f"prism exited with {prism.process.returncode}:\n{prism.log()}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", prism.port), 0.5):
            return
        time.sleep(0.1)
    raise PrismFailed(f"prism did not listen within {STARTUP_TIMEOUT:.0f} s:\n{prism.log()}")


def _stop(process: subprocess.Popen[str]) -> None:
    if process.poll() is not None:
        return
    for sig, wait in ((signal.SIGTERM, 5.0), (signal.SIGKILL, 5.0)):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, sig)
        try:
            process.wait(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            continue
