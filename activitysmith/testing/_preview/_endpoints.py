"""The page's routes: the HTML at `/`, its assets, its state as JSON and its event stream.

They answer GET and HEAD only, before the API's gates: no key, no rate limit, no injected
fault, and nothing lands in `server.requests`. Anything else goes on to the API.
"""

from __future__ import annotations

import ipaddress
import json
import threading
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from ._assets import ASSETS, asset_bytes
from ._events import Cursor, stream
from ._exchange import Exchange
from ._hub import ChangeHub

STATE_PATH = "/_preview/state"
EVENTS_PATH = "/_preview/events"
PREFIX = "/_preview/"

MAX_STREAMS = 32
"""Open event streams at once; more get 503 (each holds a thread)."""

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
"""Only the page's own files run or load: no inline script, no remote image, no navigation."""

_SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Cache-Control": "no-store",
}


class Endpoints:
    """Answers the preview's own requests for one server."""

    def __init__(
        self,
        *,
        host: str,
        hub: ChangeHub,
        state: Callable[[], dict[str, Any]],
        event: Callable[[int, Cursor], bytes],
    ) -> None:
        self._loopback_only = _is_loopback(host)
        self._hub = hub
        self._state = state
        self._event = event
        self._streams = threading.BoundedSemaphore(MAX_STREAMS)
        self._watching = 0
        self._watchers_changed = threading.Condition()

    def answer(self, exchange: Exchange, stopping: threading.Event) -> bool:
        """Answer `exchange` if it is the preview's; False leaves it to the API."""
        if exchange.command not in ("GET", "HEAD") or _has_body(exchange):
            return False
        path = urlsplit(exchange.path).path
        if path not in ASSETS and not path.startswith(PREFIX):
            return False
        if not self._host_allowed(exchange.headers.get("Host")):
            self._send(exchange, 403, b"The preview answers on localhost only.\n", "text/plain")
        elif path == EVENTS_PATH:
            self._stream(exchange, stopping)
        elif path == STATE_PATH:
            body = json.dumps(self._state(), separators=(",", ":")).encode()
            self._send(exchange, 200, body, "application/json")
        elif path in ASSETS:
            name, content_type = ASSETS[path]
            self._send(exchange, 200, asset_bytes(name), content_type)
        else:
            self._send(exchange, 404, b"Not a file of the preview.\n", "text/plain")
        return True

    def _stream(self, exchange: Exchange, stopping: threading.Event) -> None:
        if not self._streams.acquire(blocking=False):
            self._send(exchange, 503, b"Too many preview pages are open.\n", "text/plain")
            return
        self._count_watcher(+1)
        try:
            stream(exchange, self._hub, self._event, stopping)
        finally:
            self._count_watcher(-1)
            self._streams.release()

    def _count_watcher(self, change: int) -> None:
        with self._watchers_changed:
            self._watching += change
            self._watchers_changed.notify_all()

    def wait_for_page(self, timeout: float) -> bool:
        """Whether a page has the live feed open, waiting up to `timeout` seconds for one."""
        with self._watchers_changed:
            return self._watchers_changed.wait_for(lambda: self._watching > 0, timeout)

    def _host_allowed(self, host: str | None) -> bool:
        """On a loopback server, only loopback names: a web page that rebinds its own
        domain to 127.0.0.1 must not read the preview."""
        if not self._loopback_only or not host:
            return True
        try:
            name = urlsplit(f"//{host}").hostname or ""
        except ValueError:
            return False
        return name == "localhost" or _is_loopback(name)

    @staticmethod
    def _send(exchange: Exchange, status: int, body: bytes, content_type: str) -> None:
        exchange.send_response(status)
        exchange.send_header("Content-Type", content_type)
        exchange.send_header("Content-Length", str(len(body)))
        for name, value in _SECURITY_HEADERS.items():
            exchange.send_header(name, value)
        exchange.end_headers()
        if exchange.command != "HEAD":
            exchange.wfile.write(body)


def _has_body(exchange: Exchange) -> bool:
    length = exchange.headers.get("Content-Length", "0").strip()
    return length not in ("", "0") or "Transfer-Encoding" in exchange.headers


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False
