"""Run the local server in the foreground until Ctrl-C or SIGTERM (for `python -m` and CLIs)."""

from __future__ import annotations

import signal
import sys
import threading
from collections.abc import Callable
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
    """Serve until interrupted, after printing `ACTIVITYSMITH_BASE_URL=...` and `ACTIVITYSMITH_API_KEY=...`.

    `server_options` go to `ActivitySmithServer` (devices, metrics, rate_limit, ...).
    `ready` is called once the server listens; setting `stop` ends the loop (for
    embedding). SIGTERM is handled when called from the main thread.
    """
    out = out or sys.stdout
    stop = stop or threading.Event()
    server = ActivitySmithServer(host=host, port=port, api_key=api_key, **server_options)
    previous = _on_sigterm(stop)
    try:
        with server:
            print(f"ACTIVITYSMITH_BASE_URL={server.base_url}", file=out, flush=True)
            print(f"ACTIVITYSMITH_API_KEY={server.api_key}", file=out, flush=True)
            if ready is not None:
                ready(server)
            try:
                while not stop.wait(0.2):
                    pass
            except KeyboardInterrupt:
                pass
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _on_sigterm(stop: threading.Event) -> Any:
    """Route SIGTERM to `stop`; returns the previous handler (None off the main thread)."""
    if threading.current_thread() is not threading.main_thread():
        return None

    def handler(signum: int, frame: FrameType | None) -> None:
        stop.set()

    return signal.signal(signal.SIGTERM, handler)
