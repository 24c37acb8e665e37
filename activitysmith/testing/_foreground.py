"""Run the local server in the foreground until Ctrl-C or SIGTERM (for `python -m` and CLIs)."""

from __future__ import annotations

import contextlib
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from types import FrameType
from typing import Any, TextIO

from ._activitysmith_server import DEFAULT_API_KEY, ActivitySmithServer


def serve(
    *,
    host: str = "127.0.0.1",
    port: int = 0,
    api_key: str = DEFAULT_API_KEY,
    out: TextIO | None = None,
    ready: Callable[[ActivitySmithServer], None] | None = None,
    stop: threading.Event | None = None,
    **server_options: Any,
) -> None:
    """Serve until interrupted, after printing `ACTIVITYSMITH_BASE_URL=...`, `ACTIVITYSMITH_API_KEY=...`
    and, unless `preview=False`, `ACTIVITYSMITH_PREVIEW_URL=...` (the Lock Screen page).

    `server_options` go to `ActivitySmithServer` (devices, metrics, rate_limit, ...).
    `ready` is called once the server listens; setting `stop` ends the loop (for
    embedding). SIGTERM is handled when called from the main thread.
    """
    out = out or sys.stdout
    stop = stop or threading.Event()
    server = ActivitySmithServer(host=host, port=port, api_key=api_key, **server_options)
    with stopped_by_sigterm(stop), server:
        print(f"ACTIVITYSMITH_BASE_URL={server.base_url}", file=out, flush=True)
        print(f"ACTIVITYSMITH_API_KEY={server.api_key}", file=out, flush=True)
        if server_options.get("preview", True):
            print(f"ACTIVITYSMITH_PREVIEW_URL={server.preview_url}", file=out, flush=True)
        if ready is not None:
            ready(server)
        wait_for(stop)


@contextlib.contextmanager
def stopped_by_sigterm(stop: threading.Event) -> Iterator[None]:
    """Inside, SIGTERM sets `stop` (when on the main thread); the old handler returns after."""
    previous = _on_sigterm(stop)
    try:
        yield
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def wait_for(stop: threading.Event) -> None:
    """Block until `stop` is set or Ctrl-C."""
    try:
        while not stop.wait(0.2):
            pass
    except KeyboardInterrupt:
        pass


def _on_sigterm(stop: threading.Event) -> Any:
    """Route SIGTERM to `stop`; returns the previous handler (None off the main thread)."""
    if threading.current_thread() is not threading.main_thread():
        return None

    def handler(signum: int, frame: FrameType | None) -> None:
        stop.set()

    return signal.signal(signal.SIGTERM, handler)
