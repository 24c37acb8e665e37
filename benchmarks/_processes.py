"""The harness's child processes: the canned API server and the contender workers."""

from __future__ import annotations

import http.client
import json
import select
import subprocess
import sys
from pathlib import Path
from typing import IO, Any

__all__ = ["Server", "Worker", "WorkerError"]

HERE = Path(__file__).resolve().parent
SERVER_SCRIPT = HERE / "_server.py"
WORKER_SCRIPT = HERE / "_worker.py"
REPLY_TIMEOUT = 600.0


class WorkerError(RuntimeError):
    """A worker failed a command, died, or did not answer in time."""


def _read_line(stream: IO[str], timeout: float, what: str) -> str:
    ready, _, _ = select.select([stream], [], [], timeout)
    if not ready:
        raise WorkerError(f"{what} did not answer within {timeout:.0f}s")
    line = stream.readline()
    if not line:
        raise WorkerError(f"{what} exited")
    return line


class Server:
    """The canned API server (`_server.py`) in its own process, on 127.0.0.1."""

    def __init__(self, python: str = sys.executable) -> None:
        self.process = subprocess.Popen(
            [python, "-I", str(SERVER_SCRIPT), "--port", "0"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout is not None
        self.port = int(_read_line(self.process.stdout, 30.0, "the benchmark server"))
        self.base_url = f"http://127.0.0.1:{self.port}/api"

    def _control(self, method: str, path: str) -> Any:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            connection.request(method, path)
            return json.loads(connection.getresponse().read())
        finally:
            connection.close()

    def reset(self) -> None:
        """Zero the connection and request counters."""
        self._control("POST", "/__bench/reset")

    def stats(self) -> dict[str, Any]:
        """Counters since the last reset, and the last request seen on each API route."""
        result: dict[str, Any] = self._control("GET", "/__bench/stats")
        return result

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


class Worker:
    """One contender (`_worker.py`) in its own interpreter, driven by JSON lines."""

    def __init__(self, name: str, python: Path | str, setup: dict[str, Any], log: Path) -> None:
        self.name = name
        self._log = log.open("w")
        self.process = subprocess.Popen(
            [str(python), "-I", str(WORKER_SCRIPT)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._log,
            text=True,
            cwd=log.parent,
        )
        self.info: dict[str, Any] = self.ask({"cmd": "setup", "contender": name, **setup})

    def ask(self, command: dict[str, Any], timeout: float = REPLY_TIMEOUT) -> Any:
        """Send one command; its result (raises WorkerError when the worker reports a failure)."""
        assert self.process.stdin is not None
        assert self.process.stdout is not None
        try:
            self.process.stdin.write(json.dumps(command) + "\n")
            self.process.stdin.flush()
        except BrokenPipeError as exc:
            raise WorkerError(f"worker {self.name} exited (see {self._log.name})") from exc
        reply = json.loads(_read_line(self.process.stdout, timeout, f"worker {self.name}"))
        if not reply["ok"]:
            raise WorkerError(f"worker {self.name}: {reply['error']} (see {self._log.name})")
        return reply["result"]

    def stop(self) -> None:
        if self.process.poll() is None:
            try:
                assert self.process.stdin is not None
                self.process.stdin.write('{"cmd": "quit"}\n')
                self.process.stdin.close()
                self.process.wait(timeout=30)
            except (OSError, subprocess.TimeoutExpired):
                self.process.kill()
                self.process.wait(timeout=10)
        self._log.close()
