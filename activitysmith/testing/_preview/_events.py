"""The page's live feed: Server-Sent Events on one long response, a full state per change.

Each stream waits on the change hub, so an idle page costs nothing and a request reaches
the page as soon as the stream's thread wakes. Bursts are coalesced: a stream sends at
most one state per `min_interval` (longer when building the state is slow).
"""

from __future__ import annotations

import contextlib
import select
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from ._exchange import Exchange
from ._hub import ChangeHub

MIN_INTERVAL = 0.02
"""Seconds between two states on one stream, at least."""

IDLE_CHECK = 1.0
"""Seconds between checks that the browser is still there, while nothing changes."""

KEEP_ALIVE = 15.0
"""Seconds of silence after which a comment line keeps proxies and the browser patient."""

SEND_TIMEOUT = 10.0
"""Seconds a write may block on a browser that stopped reading before the stream ends."""


@dataclass
class Cursor:
    """How much of the journal one stream has sent."""

    epoch: int = -1
    sent: int = 0


def stream(
    exchange: Exchange,
    hub: ChangeHub,
    event: Callable[[int, Cursor], bytes],
    stopping: threading.Event,
) -> None:
    """Answer with an event stream until the browser leaves or the server stops."""
    exchange.close_connection = True
    exchange.send_response(200, "OK")
    exchange.send_header("Content-Type", "text/event-stream; charset=utf-8")
    exchange.send_header("Cache-Control", "no-store")
    exchange.send_header("X-Content-Type-Options", "nosniff")
    exchange.send_header("Connection", "close")
    exchange.end_headers()
    if exchange.command == "HEAD":
        return
    connection = exchange.connection
    connection.settimeout(SEND_TIMEOUT)
    cursor = Cursor()
    seen, last_write, pace = -1, time.monotonic(), MIN_INTERVAL
    try:
        exchange.wfile.write(b"retry: 1000\n\n")
        while not stopping.is_set():
            version = hub.version
            if version != seen:
                started = time.monotonic()
                exchange.wfile.write(event(version, cursor))
                seen, last_write = version, time.monotonic()
                pace = max(MIN_INTERVAL, 2 * (last_write - started))
                stopping.wait(pace)  # coalesce the rest of a burst into the next state
                continue
            if hub.wait(seen, IDLE_CHECK) != seen:
                continue
            if _gone(connection):
                return
            if time.monotonic() - last_write > KEEP_ALIVE:
                exchange.wfile.write(b": keep-alive\n\n")
                last_write = time.monotonic()
    except OSError:
        return  # the browser went away, or the server is closing connections
    finally:
        with contextlib.suppress(OSError):
            connection.settimeout(None)


def _gone(connection: socket.socket) -> bool:
    """Whether the browser closed its end (an EventSource never sends anything)."""
    try:
        readable, _, _ = select.select([connection], [], [], 0)
        return bool(readable) and connection.recv(1, socket.MSG_PEEK) == b""
    except (OSError, ValueError):
        return True
