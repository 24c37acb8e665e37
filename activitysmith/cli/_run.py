"""`activitysmith run -- CMD`: run a command, show it as a timer Live Activity, keep its exit code.

The command owns the terminal: its stdin, stdout, stderr and inheritable file descriptors
are passed through untouched, and nothing is written to stdout. ActivitySmith is told
about the run from a background thread, so a slow or unreachable API never delays the
start of the command, and never changes its outcome: a warning on stderr, nothing more.
Once a call finds the API unreachable, the run makes no further calls.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from types import FrameType
from typing import TYPE_CHECKING, Any

from .._durations import format_duration
from ._output import describe_error, warn
from ._parser import PROG, UsageError

if TYPE_CHECKING:
    from activitysmith import ActivitySmith

__all__ = ["Outcome", "run"]

RUN_TIMEOUT = 5.0  # per attempt, unless --timeout says otherwise
RUN_RETRIES = 1  # unless --retries says otherwise
RUN_DEADLINE = 10.0  # for each call, retries included (unless --timeout is given)
EXIT_NOT_EXECUTABLE = 126
EXIT_NOT_FOUND = 127
_USAGE = f"usage: {PROG} run --stream-key KEY [--title TEXT] [--push-on WHEN] -- CMD [ARGS...]\n"


@dataclass(frozen=True)
class Outcome:
    """How the command ended."""

    exit_code: int
    signal: int | None
    seconds: float

    @property
    def ok(self) -> bool:
        return self.exit_code == 0

    def describe(self) -> str:
        """E.g. "Succeeded in 3.2s", "Failed with exit code 2 after 1m 05s"."""
        took = format_duration(self.seconds, stopwatch=True)
        if self.ok:
            return f"Succeeded in {took}"
        if self.signal is not None:
            return f"Killed by {_signal_name(self.signal)} after {took}"
        return f"Failed with exit code {self.exit_code} after {took}"


def _signal_name(signum: int) -> str:
    try:
        return signal.Signals(signum).name
    except ValueError:
        return f"signal {signum}"


def _default_title(command: list[str]) -> str:
    """The program's name: never its arguments, which may hold secrets (`--password=...`)."""
    name = os.path.basename(command[0].rstrip("/")) or command[0]
    # Bytes that were not UTF-8 arrive as lone surrogates; show them as U+FFFD instead.
    text = name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    text = "".join(char if char.isprintable() else "\ufffd" for char in text).strip()
    text = text or "command"
    return text if len(text) <= 60 else text[:59] + "…"


# --- the Live Activity and the push --------------------------------------------------------


class _Reporter:
    """Tells ActivitySmith about the run; never raises, and stops after the API is unreachable."""

    def __init__(self, client: ActivitySmith | None, ns: argparse.Namespace, title: str) -> None:
        self._client = client
        self._stream_key: str = ns.stream_key
        self._title = title
        self._channels: list[str] | None = ns.channels
        self._push_on: str = ns.push_on
        self._streaming = False

    def started(self) -> None:
        """Show an elapsed-time timer (runs in a background thread)."""
        fields: dict[str, Any] = {
            "content_state": {"title": self._title, "type": "timer", "counts_down": False}
        }
        if self._channels is not None:
            fields["channels"] = self._channels
        client = self._client
        if client is not None:
            self._streaming = self._call(
                lambda: client.live_activities.stream(self._stream_key, fields)
            )

    def finished(self, outcome: Outcome) -> None:
        """End the Live Activity green or red, then send the push if one is wanted."""
        client = self._client
        if client is None:
            return
        color = "green" if outcome.ok else "red"
        if self._streaming:
            state = {
                "title": self._title,
                "subtitle": outcome.describe(),
                "color": color,
                "is_running": False,
                "icon": {
                    "symbol": "checkmark.circle.fill" if outcome.ok else "xmark.octagon.fill",
                    "color": color,
                },
            }
            self._call(
                lambda: client.live_activities.end_stream(
                    self._stream_key, {"content_state": state}
                )
            )
        if self._push_on == "always" or (self._push_on == "failure" and not outcome.ok):
            push: dict[str, Any] = {
                "title": f"{self._title} {'succeeded' if outcome.ok else 'failed'}",
                "message": outcome.describe() + ".",
            }
            if self._channels is not None:
                push["channels"] = self._channels
            self._call(lambda: client.notifications.send(push))

    def close(self) -> None:
        if self._client is not None:
            self._client.close()

    def _call(self, send: Callable[[], Any]) -> bool:
        from .. import _errors as e

        if self._client is None:
            return False
        try:
            send()
        except e.APIConnectionError as exc:
            warn(f"ActivitySmith is unreachable ({exc.message}); the command is not affected")
            self._client.close()
            self._client = None
            return False
        except e.ActivitySmithError as exc:
            described = describe_error(exc)
            warn((described[1] if described else str(exc)) + "; the command is not affected")
            return False
        except Exception as exc:  # whatever goes wrong, the command's outcome is its own
            warn(
                f"reporting to ActivitySmith failed ({type(exc).__name__}); the command is "
                "not affected"
            )
            return False
        return True


def _reporter(ns: argparse.Namespace, title: str) -> _Reporter:
    """The reporter; a misconfigured client (no key) warns and reports nothing."""
    from .. import _errors as e
    from .._generated.operations import RECONCILE_LIVE_ACTIVITY_STREAM
    from ._commands import make_client

    try:
        RECONCILE_LIVE_ACTIVITY_STREAM.check_path(ns.stream_key)
    except e.ValidationError as exc:
        raise UsageError(
            f"{PROG} run: error: invalid --stream-key: {exc.message}", _USAGE
        ) from None
    try:
        # An explicit --timeout is honoured as given; otherwise each call is kept short.
        deadline = None if hasattr(ns, "timeout") else RUN_DEADLINE
        client = make_client(
            ns, timeout=RUN_TIMEOUT, max_retries=RUN_RETRIES, total_timeout=deadline
        )
    except e.ConfigurationError as exc:
        warn(f"{exc}; running the command without a Live Activity")
        client = None
    return _Reporter(client, ns, title)


# --- signals ---------------------------------------------------------------------------------


def _terminal_sent_sigint() -> bool:
    """Whether we are in the terminal's foreground group, so Ctrl-C reached the child already."""
    if not hasattr(os, "tcgetpgrp"):
        return True  # Windows: Ctrl-C reaches every process on the console
    try:
        fd = os.open("/dev/tty", os.O_RDONLY | getattr(os, "O_NOCTTY", 0))
    except OSError:
        return False  # no controlling terminal: the signal was sent to us alone
    try:
        return os.tcgetpgrp(fd) == os.getpgrp()
    except OSError:
        return False
    finally:
        os.close(fd)


class _Forwarder:
    """Passes SIGTERM and SIGINT on to the child while it runs.

    SIGINT from the terminal (Ctrl-C) already reaches the child, which shares our process
    group, so it is not sent twice. A signal the caller made us ignore stays ignored, and so
    the child inherits that too.
    """

    SIGNALS = (signal.SIGINT, signal.SIGTERM)

    def __init__(self) -> None:
        self._child: subprocess.Popen[bytes] | None = None
        self._pending: list[int] = []
        self._previous: dict[int, Any] = {}

    def install(self) -> None:
        for signum in self.SIGNALS:
            if signal.getsignal(signum) is not signal.SIG_IGN:
                self._previous[signum] = signal.signal(signum, self._handle)

    def attach(self, child: subprocess.Popen[bytes]) -> None:
        self._child = child
        for signum in self._pending:
            child.send_signal(signum)

    def restore(self) -> None:
        for signum, handler in self._previous.items():
            signal.signal(signum, handler)
        self._previous.clear()

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        if signum == signal.SIGINT and _terminal_sent_sigint():
            return
        if self._child is None:
            self._pending.append(signum)
        else:
            self._child.send_signal(signum)


# --- the command ----------------------------------------------------------------------------


def _spawn(command: list[str]) -> subprocess.Popen[bytes] | int:
    """The running child, or the shell's exit code when it cannot be started."""
    try:
        # close_fds=False: descriptors the caller made inheritable reach the command, as with
        # exec; ours are all non-inheritable.
        return subprocess.Popen(command, close_fds=False)
    except FileNotFoundError:
        sys.stderr.write(f"{PROG}: {command[0]}: command not found\n")
        return EXIT_NOT_FOUND
    except OSError as exc:
        sys.stderr.write(f"{PROG}: {command[0]}: {exc.strerror or exc}\n")
        return EXIT_NOT_EXECUTABLE


def run(ns: argparse.Namespace) -> int:
    """Run the command and return its exit code (128+N if signal N ended it)."""
    command = list(ns.command)
    if command[:1] == ["--"]:
        command = command[1:]
    if not command:
        raise UsageError(f"{PROG} run: error: no command given (put it after --)", _USAGE)
    title = ns.title if ns.title is not None else _default_title(command)
    reporter = _reporter(ns, title)
    forwarder = _Forwarder()
    forwarder.install()
    notifier: threading.Thread | None = None
    began = time.monotonic()
    try:
        child = _spawn(command)
        if isinstance(child, int):
            outcome = Outcome(child, None, time.monotonic() - began)
        else:
            forwarder.attach(child)
            notifier = threading.Thread(target=reporter.started, name="activitysmith-run")
            notifier.daemon = True
            notifier.start()
            returncode = child.wait()
            seconds = time.monotonic() - began
            if returncode < 0:
                outcome = Outcome(128 - returncode, -returncode, seconds)
            else:
                outcome = Outcome(returncode, None, seconds)
    finally:
        forwarder.restore()
    try:
        if notifier is not None:
            notifier.join()
        reporter.finished(outcome)
    except KeyboardInterrupt:
        pass  # a second Ctrl-C skips the reporting, never the exit code
    finally:
        reporter.close()
    return outcome.exit_code
