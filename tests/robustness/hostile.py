"""A hostile HTTP server on a raw socket: it answers with exactly the bytes a script writes.

The local ActivitySmith server behaves like the API; this one behaves like the worst thing a
client can meet on the network: headers or bodies dripped a byte at a time, endless chunked
bodies, gzip bombs, JSON nested thousands of levels deep, broken framing, absurd
`Retry-After` values, redirect loops, and error bodies that echo the `Authorization` header.

    with Hostile() as server:
        server.answer(drip_body(b'{"success":true}', interval=0.3))
        client = ActivitySmith("ask_test", base_url=server.base_url, total_timeout=1)

Each connection is served by a thread; an answer is a function of (connection, request)
that writes to the socket and may keep the connection open. Stopping the server closes
every connection, so a dripping answer never outlives its test.
"""

from __future__ import annotations

import contextlib
import gzip
import json
import socket
import threading
import time
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from types import TracebackType
from typing import Self

__all__ = [
    "Answer",
    "Hostile",
    "Received",
    "chunked_flood",
    "deep_json",
    "drip_body",
    "drip_chunked",
    "drip_headers",
    "echo_authorization",
    "framing",
    "gzip_bomb",
    "length_flood",
    "raw",
    "redirect",
    "reply",
    "retry_after",
]


@dataclass(frozen=True)
class Received:
    """One request the hostile server read (headers as sent, body as bytes)."""

    method: str
    target: str
    headers: dict[str, str]
    body: bytes

    @property
    def authorization(self) -> str | None:
        return self.headers.get("authorization")


class Connection:
    """One accepted socket; `send` returns False once the peer is gone or the server stops."""

    def __init__(self, sock: socket.socket, stopping: threading.Event) -> None:
        self.sock = sock
        self.stopping = stopping
        self.sent = 0

    def send(self, data: bytes) -> bool:
        if self.stopping.is_set():
            return False
        try:
            self.sock.sendall(data)
        except OSError:
            return False
        self.sent += len(data)
        return True

    def drip(self, data: bytes, interval: float, *, forever: bytes | None = None) -> bool:
        """Send `data` one byte per `interval`; then, with `forever`, that byte until cut off."""
        for index in range(len(data)):
            if not self.send(data[index : index + 1]) or self.stopping.wait(interval):
                return False
        while forever is not None:
            if not self.send(forever) or self.stopping.wait(interval):
                return False
        return True


Answer = Callable[[Connection, Received], None]
"""What the server does with a request: writes the response (or not) to the connection."""


def _head(status: int, headers: Iterable[tuple[str, str]], reason: str = "X") -> bytes:
    lines = [f"HTTP/1.1 {status} {reason}"]
    lines += [f"{name}: {value}" for name, value in headers]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


OK_BODY = (
    b'{"success":true,"timestamp":"2026-01-31T12:00:00.000Z","badge":1,"operation":"updated",'
    b'"stream_key":"k","activity_id":"a1","notification_id":"n1","effective_channel_slugs":[]}'
)
"""A 200 body every operation's result parses: the union of their required fields."""


def reply(
    status: int = 200,
    body: bytes | dict[str, object] = OK_BODY,
    headers: Iterable[tuple[str, str]] = (),
) -> Answer:
    """A well-formed answer."""
    data = json.dumps(body).encode() if isinstance(body, dict) else body
    extra = list(headers)
    names = {name.lower() for name, _ in extra}
    if "content-type" not in names:
        extra.append(("Content-Type", "application/json"))
    if "content-length" not in names and "transfer-encoding" not in names:
        extra.append(("Content-Length", str(len(data))))

    def answer(conn: Connection, request: Received) -> None:
        conn.send(_head(status, extra) + data)

    return answer


def raw(data: bytes, *, close: bool = True) -> Answer:
    """Exactly these bytes, then (by default) the connection is closed."""

    def answer(conn: Connection, request: Received) -> None:
        conn.send(data)
        if not close:
            conn.stopping.wait(30)

    return answer


def drip_headers(interval: float = 0.3) -> Answer:
    """A status line, then header bytes one at a time, forever."""

    def answer(conn: Connection, request: Received) -> None:
        conn.drip(b"HTTP/1.1 200 OK\r\nX-Slow: ", interval, forever=b"a")

    return answer


def drip_body(body: bytes = OK_BODY, interval: float = 0.3, *, length: int | None = None) -> Answer:
    """Valid headers, then the body one byte per `interval` (padded with spaces to `length`)."""
    total = length if length is not None else 10**9

    def answer(conn: Connection, request: Received) -> None:
        head = _head(200, [("Content-Type", "application/json"), ("Content-Length", str(total))])
        if conn.send(head):
            conn.drip(body, interval, forever=b" ")

    return answer


def drip_chunked(interval: float = 0.3) -> Answer:
    """A chunked body whose one-byte chunks come one per `interval`, forever."""

    def answer(conn: Connection, request: Received) -> None:
        head = _head(200, [("Content-Type", "application/json"), ("Transfer-Encoding", "chunked")])
        if not conn.send(head + b"1\r\n{\r\n"):
            return
        while conn.send(b"1\r\n \r\n") and not conn.stopping.wait(interval):
            pass

    return answer


def chunked_flood(status: int = 200, piece: int = 64 * 1024) -> Answer:
    """An endless chunked body, as fast as the socket takes it."""
    chunk = b"%x\r\n" % piece + b" " * piece + b"\r\n"

    def answer(conn: Connection, request: Received) -> None:
        head = _head(
            status, [("Content-Type", "application/json"), ("Transfer-Encoding", "chunked")]
        )
        if conn.send(head + b"1\r\n[\r\n"):
            while conn.send(chunk):
                pass

    return answer


def length_flood(status: int = 200, declared: int = 10**12) -> Answer:
    """A declared huge Content-Length, sent as fast as the socket takes it."""
    piece = b" " * (64 * 1024)

    def answer(conn: Connection, request: Received) -> None:
        head = _head(
            status, [("Content-Type", "application/json"), ("Content-Length", str(declared))]
        )
        if conn.send(head):
            while conn.send(piece):
                pass

    return answer


@cache
def _bomb(megabytes: int, encoding: str) -> bytes:
    """`megabytes` MB of spaces, compressed (a few hundred KB for 512 MB)."""
    if encoding == "gzip":
        compressor = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    else:
        compressor = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS)
    block = b" " * (1024 * 1024)
    parts = [compressor.compress(b"[")]
    parts += [compressor.compress(block) for _ in range(megabytes)]
    parts.append(compressor.flush())
    return b"".join(parts)


def gzip_bomb(status: int = 200, megabytes: int = 512, encoding: str = "gzip") -> Answer:
    """A small compressed body that decompresses to `megabytes` MB."""
    data = _bomb(megabytes, encoding)
    return reply(status, data, [("Content-Encoding", encoding)])


def deep_json(depth: int = 5000, status: int = 200, *, kind: str = "array") -> Answer:
    """A JSON body nested `depth` levels deep (arrays, or objects `{"a": ...}`)."""
    if kind == "array":
        body = b"[" * depth + b"]" * depth
    else:
        body = b'{"a":' * depth + b"1" + b"}" * depth
    return reply(status, body)


def retry_after(value: str, status: int = 503) -> Answer:
    """An error answer carrying `Retry-After: value`."""
    body = {"error": "Unavailable", "message": "try later"}
    if status == 429:
        body = {"error": "Rate limit exceeded", "message": "slow down"}
    return reply(status, body, [("Retry-After", value)])


def redirect(location: str = "/api/push-notification", status: int = 302) -> Answer:
    """A redirect (to itself by default: a loop for any client that follows it)."""
    return reply(status, b"", [("Location", location)])


def echo_authorization(status: int = 401, *, header: bool = False) -> Answer:
    """An error body (and, with `header`, a response header) holding the request's credentials."""

    def answer(conn: Connection, request: Received) -> None:
        seen = request.authorization or ""
        body = json.dumps(
            {"error": f"Bad credentials {seen}", "message": f"You sent {seen!r}", "echo": [seen]}
        ).encode()
        headers = [("Content-Type", "application/json"), ("Content-Length", str(len(body)))]
        if header:
            headers.append(("X-Echo", seen))
        conn.send(_head(status, headers) + body)

    return answer


def framing(kind: str) -> Answer:
    """Broken HTTP framing of one `kind` (see FRAMINGS)."""
    return raw(FRAMINGS[kind])


FRAMINGS: dict[str, bytes] = {
    "garbage": b"\x00\xff\xfe not http at all\r\n\r\n",
    "bad-status": b"HTTP/1.1 abc Nope\r\nContent-Length: 0\r\n\r\n",
    "short-body": b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{}",
    "two-lengths": b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}",
    "bad-chunk": b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n",
    "no-end-chunk": b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n",
    "header-no-colon": b"HTTP/1.1 200 OK\r\nthis is no header\r\n\r\n{}",
    "bad-gzip": b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: 4\r\n\r\nnope",
    "lf-only": b"HTTP/1.1 200 OK\nContent-Length: 2\n\n{}",
    "http09": b"{}",
    "closed": b"",
    "huge-header": b"HTTP/1.1 200 OK\r\nX-Big: " + b"a" * 200_000 + b"\r\n\r\n",
}


class Hostile:
    """The server; `answer(...)` sets what every following request gets (or `script(...)`
    a sequence, one answer per request, the last repeating)."""

    def __init__(self) -> None:
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.1)
        self.port: int = self._listener.getsockname()[1]
        self._stopping = threading.Event()
        self._lock = threading.Lock()
        self._script: list[Answer] = [reply()]
        self._served = 0
        self._sockets: set[socket.socket] = set()
        self._threads: list[threading.Thread] = []
        self.requests: list[Received] = []
        self.bytes_sent: list[int] = []
        """Per request, how many bytes the answer managed to write."""
        self._acceptor = threading.Thread(target=self._accept, name="hostile", daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api"

    def answer(self, answer: Answer) -> None:
        self.script(answer)

    def script(self, *answers: Answer) -> None:
        with self._lock:
            self._script = list(answers) or [reply()]
            self._served = 0
            self.requests.clear()
            self.bytes_sent.clear()

    def start(self) -> Self:
        self._acceptor.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        self._acceptor.join()
        with self._lock:
            sockets = list(self._sockets)
        for sock in sockets:
            _shut(sock)
        for thread in self._threads:
            thread.join(5)
        self._listener.close()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def drop_connections(self) -> None:
        """Cut every open connection (between examples of a property test)."""
        with self._lock:
            sockets = list(self._sockets)
        for sock in sockets:
            _shut(sock)

    # -- serving ---------------------------------------------------------------------

    def _accept(self) -> None:
        while not self._stopping.is_set():
            try:
                sock, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            with self._lock:
                self._sockets.add(sock)
            thread = threading.Thread(target=self._serve, args=(sock,), daemon=True)
            self._threads = [t for t in self._threads if t.is_alive()]
            self._threads.append(thread)
            thread.start()

    def _serve(self, sock: socket.socket) -> None:
        sock.settimeout(0.2)
        buffer = b""
        conn = Connection(sock, self._stopping)
        try:
            while not self._stopping.is_set():
                request, buffer = _read_request(sock, buffer, self._stopping)
                if request is None:
                    return
                with self._lock:
                    self.requests.append(request)
                    answer = self._script[min(self._served, len(self._script) - 1)]
                    self._served += 1
                    slot = len(self.bytes_sent)
                    self.bytes_sent.append(0)
                before = conn.sent
                try:
                    answer(conn, request)
                finally:
                    with self._lock:
                        if slot < len(self.bytes_sent):
                            self.bytes_sent[slot] = conn.sent - before
        finally:
            with self._lock:
                self._sockets.discard(sock)
            _shut(sock)


def _shut(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)
    sock.close()


def _read_request(
    sock: socket.socket, buffer: bytes, stopping: threading.Event
) -> tuple[Received | None, bytes]:
    """The next request on the connection (None when it closed)."""
    while b"\r\n\r\n" not in buffer:
        chunk = _recv(sock, stopping)
        if not chunk:
            return None, b""
        buffer += chunk
    head, _, rest = buffer.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    method, target, *_ = [*lines[0].split(" "), "", ""]
    headers: dict[str, str] = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    length = int(headers.get("content-length") or 0)
    while len(rest) < length:
        chunk = _recv(sock, stopping)
        if not chunk:
            return None, b""
        rest += chunk
    return Received(method, target, headers, rest[:length]), rest[length:]


def _recv(sock: socket.socket, stopping: threading.Event) -> bytes:
    while not stopping.is_set():
        try:
            return sock.recv(65536)
        except TimeoutError:
            continue
        except OSError:
            return b""
    return b""


@dataclass
class Timer:
    """Wall time of a block, for the longest-call statistics of the hostile tests."""

    started: float = field(default_factory=time.monotonic)
    elapsed: float = 0.0

    def stop(self) -> float:
        self.elapsed = time.monotonic() - self.started
        return self.elapsed


def gzip_body(data: bytes) -> bytes:
    return gzip.compress(data)
