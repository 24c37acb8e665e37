"""The HTTP/1.1 side: sockets, keep-alive, body framing, injected faults and the request log."""

from __future__ import annotations

import contextlib
import json
import socket
import socketserver
import sys
import threading
import traceback
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from http.server import ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

from ._clock import Clock
from ._faults import Fault, FaultKind, FaultQueue, reason_phrase
from ._gates import Gates, Handled, parse_json
from ._log import RequestLog, mask_headers
from ._models import RecordedRequest
from ._parsing import LeanRequestParsing
from ._preview import Preview
from ._reply import Reply
from ._routes import match

MAX_BODY_BYTES = 1 << 20
"""Larger request bodies get 413."""

BODY_TIMEOUT = 10.0
"""Seconds to wait for the rest of a request body before answering 400."""


@dataclass
class Context:
    """What every connection handler shares."""

    app: Gates
    faults: FaultQueue
    log: RequestLog
    clock: Clock = field(default_factory=Clock)
    preview: Preview | None = None
    stopping: threading.Event = field(default_factory=threading.Event)
    internal_errors: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    release: threading.Event = field(default_factory=threading.Event)
    """Set to end hung requests: on stop, and on reset (then replaced by a fresh one)."""

    def report(self, text: str) -> None:
        """Keep the traceback of a bug in the server, for `internal_errors`."""
        with self.lock:
            self.internal_errors.append(text)

    def release_hung_requests(self) -> None:
        """End every hung request now; requests hung from here on wait again."""
        with self.lock:
            released, self.release = self.release, threading.Event()
        released.set()


class HttpServer(ThreadingHTTPServer):
    """A threading HTTP server that can close its open keep-alive connections on stop."""

    daemon_threads = True
    request_queue_size = 128

    def __init__(self, address: tuple[str, int], context: Context) -> None:
        self.context = context
        self._connections: set[socket.socket] = set()
        self._connections_lock = threading.Lock()
        super().__init__(address, _Handler)

    def server_bind(self) -> None:
        # HTTPServer.server_bind resolves the host's FQDN, which can take seconds.
        socketserver.TCPServer.server_bind(self)
        host, port = self.server_address[:2]
        self.server_name, self.server_port = str(host), int(port)

    def process_request(self, request: Any, client_address: Any) -> None:
        with self._connections_lock:
            self._connections.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self._connections_lock:
            self._connections.discard(request)
        super().shutdown_request(request)

    def close_connections(self) -> None:
        """Shut every open connection so blocked handler threads finish."""
        with self._connections_lock:
            connections = list(self._connections)
        for connection in connections:
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)

    def handle_error(self, request: Any, client_address: Any) -> None:
        error = sys.exc_info()[1]
        if isinstance(error, OSError):
            return  # the client went away; nothing to report
        self.context.report(traceback.format_exc())


class _BodyError(Exception):
    """The request body could not be read; answer `status` and close."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


class _Handler(LeanRequestParsing):
    protocol_version = "HTTP/1.1"
    server_version = "ActivitySmithLocal"
    sys_version = ""
    server: HttpServer
    _headers_buffer: list[bytes]

    def setup(self) -> None:
        super().setup()
        # Without this, Nagle's algorithm and delayed ACKs can add ~40 ms to a keep-alive
        # request whose answer leaves in more than one write (an injected truncated body).
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, format: str, *args: Any) -> None:
        """Silence the per-request stderr log."""

    def date_time_string(self, timestamp: float | None = None) -> str:
        """The `Date` header, in the server's time (`server.clock`)."""
        return super().date_time_string(
            self.server.context.clock.time() if timestamp is None else timestamp
        )

    def do_GET(self) -> None:
        try:
            self._handle()
        except OSError:
            self.close_connection = True
        except Exception:
            self.server.context.report(traceback.format_exc())
            self._send_json(
                500,
                {"error": "Internal server error", "message": "activitysmith.testing failed"},
                close=True,
            )

    do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = do_OPTIONS = do_GET

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """Malformed request lines and headers get a JSON error too."""
        self.close_connection = True
        self.request_version = self.protocol_version  # a status line even for garbage input
        self._send_json(
            code, {"error": reason_phrase(code), "message": message or explain or ""}, close=True
        )

    # -- one request -----------------------------------------------------------------

    def _handle(self) -> None:
        context = self.server.context
        # The Lock Screen page and its feed: answered before the API's gates, never logged.
        if context.preview is not None and context.preview.answer(self, context.stopping):
            return
        headers = list(self.headers.raw_items())
        try:
            body = self._read_body()
        except _BodyError as exc:
            self._record(b"", exc.status)
            self._send_json(
                exc.status, {"error": reason_phrase(exc.status), "message": str(exc)}, close=True
            )
            return
        fault = context.faults.take(self.command, urlsplit(self.path).path)
        if fault is not None:
            self._inject(fault, headers, body)
            return
        handled = context.app.handle(self.command, self.path, headers, body, self.client_address[0])
        self._record(body, handled.reply.status, handled)
        self._send_reply(handled.reply)

    def _read_body(self) -> bytes:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            return self._read_chunked()
        declared = self.headers.get("Content-Length")
        if declared is None:
            return b""
        try:
            length = int(declared)
            if length < 0:
                raise ValueError
        except ValueError:
            raise _BodyError(400, f"Invalid Content-Length: {declared!r}") from None
        if length > MAX_BODY_BYTES:
            raise _BodyError(413, f"Request body larger than {MAX_BODY_BYTES} bytes")
        data = self._read_exactly(length)
        if len(data) < length:
            raise _BodyError(
                400, f"Request body is truncated: expected {length} bytes, received {len(data)}"
            )
        return data

    def _read_exactly(self, length: int) -> bytes:
        data = bytearray()
        self.connection.settimeout(BODY_TIMEOUT)
        try:
            while len(data) < length:
                chunk = self.rfile.read1(length - len(data))
                if not chunk:
                    break
                data += chunk
        except TimeoutError:
            pass
        finally:
            self.connection.settimeout(None)
        return bytes(data)

    def _read_chunked(self) -> bytes:
        data = bytearray()
        while True:
            line = self.rfile.readline(1024)
            try:
                size = int(line.split(b";")[0].strip(), 16)
            except ValueError:
                raise _BodyError(400, "Malformed chunked request body") from None
            if size == 0:
                while self.rfile.readline(1024).strip():
                    pass  # trailers
                return bytes(data)
            if len(data) + size > MAX_BODY_BYTES:
                raise _BodyError(413, f"Request body larger than {MAX_BODY_BYTES} bytes")
            chunk = self._read_exactly(size + 2)
            if len(chunk) < size + 2:
                raise _BodyError(400, "Request body is truncated")
            data += chunk[:size]

    # -- faults ----------------------------------------------------------------------

    def _inject(self, fault: Fault, headers: Sequence[tuple[str, str]], body: bytes) -> None:
        context = self.server.context
        release = context.release
        if fault.kind is FaultKind.HANG and release.wait(fault.seconds):
            # Stopped or reset while hanging: close without an answer. After a reset the
            # request belongs to an earlier test, so it is not recorded either.
            if context.stopping.is_set():
                self._record(body, None, fault=fault)
            self.close_connection = True
            return
        handled = (
            context.app.handle(self.command, self.path, headers, body, self.client_address[0])
            if fault.applied
            else None
        )
        kind = fault.kind
        if kind is FaultKind.HANG:
            assert handled is not None
            self._record(body, handled.reply.status, handled, fault)
            self._send_reply(handled.reply)
        elif kind is FaultKind.DROP_CONNECTION:
            self._record(body, None, handled, fault)
            self.close_connection = True
        elif kind is FaultKind.SERVER_ERROR:
            self._record(body, fault.status, handled, fault)
            self._send_json(
                fault.status,
                {"error": reason_phrase(fault.status), "message": "Injected server error"},
            )
        elif kind is FaultKind.RATE_LIMITED:
            self._record(body, 429, handled, fault)
            extra = {} if fault.retry_after is None else {"Retry-After": str(fault.retry_after)}
            self._send_json(
                429,
                {
                    "error": "Rate limit exceeded",
                    "message": "Too many requests (injected)",
                    "code": "rate_limited",
                },
                headers=extra,
            )
        elif kind in (FaultKind.HTML_ERROR, FaultKind.EDGE_ERROR):
            self._record(body, fault.status, handled, fault)
            self._send(fault.status, _html_page(fault.status), "text/html; charset=utf-8")
        else:
            self._inject_into_answer(fault, body, handled)

    def _inject_into_answer(self, fault: Fault, body: bytes, handled: Handled | None) -> None:
        """Faults that spoil the real answer of a request the API performed."""
        assert handled is not None
        reply = handled.reply
        encoded = _encode(reply.body)
        if fault.kind is FaultKind.MALFORMED_JSON:
            self._record(body, fault.status, handled, fault)
            self._send(fault.status, encoded[: max(1, len(encoded) // 2)], "application/json")
        elif fault.kind is FaultKind.TRUNCATED_BODY:
            self._record(body, reply.status, handled, fault)
            self._send(
                reply.status,
                encoded[: len(encoded) // 2],
                "application/json",
                headers=reply.headers,
                length=len(encoded),
                close=True,
            )
        else:  # UNKNOWN_FIELDS
            extended = dict(reply.body)
            if reply.status == 200:
                extended["future_field"] = "added by a newer server"
                extended["future_object"] = {"nested": [1, "two", None], "flag": True}
                if "operation" in extended and fault.operation is not None:
                    extended["operation"] = fault.operation
            self._record(body, reply.status, handled, fault)
            self._send_reply(Reply(reply.status, extended, reply.headers))

    # -- writing and recording ---------------------------------------------------------

    def _send_reply(self, reply: Reply) -> None:
        self._send(reply.status, _encode(reply.body), "application/json", headers=reply.headers)

    def _send_json(
        self,
        status: int,
        body: Mapping[str, Any],
        *,
        headers: Mapping[str, str] | None = None,
        close: bool = False,
    ) -> None:
        self._send(status, _encode(body), "application/json", headers=headers, close=close)

    def _send(
        self,
        status: int,
        payload: bytes,
        content_type: str,
        *,
        headers: Mapping[str, str] | None = None,
        length: int | None = None,
        close: bool = False,
    ) -> None:
        self.send_response(status, reason_phrase(status))
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(payload) if length is None else length))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        if close:
            self.send_header("Connection", "close")
            self.close_connection = True
        # end_headers(), with the body in the same write: one send per answer, so the
        # client never wakes up for headers alone.
        if self.request_version != "HTTP/0.9":
            self._headers_buffer.append(b"\r\n")
            if self.command != "HEAD":
                self._headers_buffer.append(payload)
            self.flush_headers()
        elif self.command != "HEAD":
            self.wfile.write(payload)

    def _record(
        self,
        body: bytes,
        status: int | None,
        handled: Handled | None = None,
        fault: Fault | None = None,
    ) -> None:
        if handled is not None:
            operation, parsed = handled.operation, handled.json
        else:
            route = match(self.command, urlsplit(self.path).path)
            operation = route.operation if route is not None else None
            parsed = parse_json(body)
        url = urlsplit(self.path)
        recorded = RecordedRequest(
            method=self.command,
            path=url.path,
            query=url.query,
            headers=mask_headers(self.headers.raw_items()),
            body=body,
            json=parsed,
            status=status,
            operation=operation,
            fault=None if fault is None else fault.kind.value,
        )
        context = self.server.context
        number = context.log.add(recorded)
        if context.preview is not None:
            context.preview.record(
                number,
                recorded,
                api_status=None if handled is None else handled.reply.status,
                response=None if handled is None else handled.reply.body,
                problems=None if handled is None else handled.problems,
            )


def _encode(body: Mapping[str, Any]) -> bytes:
    return json.dumps(body).encode("utf-8")


def _html_page(status: int) -> bytes:
    phrase = reason_phrase(status)
    return (
        f"<!DOCTYPE html>\n<html><head><title>{status} {phrase}</title></head>\n"
        f"<body><center><h1>{status} {phrase}</h1></center><hr><center>proxy</center>"
        "</body></html>\n"
    ).encode()
