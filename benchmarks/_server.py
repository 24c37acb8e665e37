"""A fast canned ActivitySmith API on 127.0.0.1 for benchmarks: HTTP/1.1 keep-alive, no validation.

Run as a script (`python _server.py`): it prints its port on stdout once listening. It answers
`PUT /api/live-activity/stream/{key}` and `POST /api/push-notification` with valid 200 bodies,
and counts the TCP connections it accepts. Control routes (never counted as API traffic):
`GET /__bench/stats` and `POST /__bench/reset`. Standard library only, so any interpreter runs it.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys

STREAM_PREFIX = b"/api/live-activity/stream/"
PUSH_PATH = b"/api/push-notification"
TIMESTAMP = b"2026-01-01T00:00:00Z"
MAX_HEAD = 64 * 1024
MAX_BODY = 1024 * 1024

PUSH_BODY = (
    b'{"success":true,"notification_id":"ntf_bench","devices_notified":1,'
    b'"users_notified":1,"timestamp":"' + TIMESTAMP + b'"}'
)


class Stats:
    """Counters since the last reset; `generation` tells connections a reset happened."""

    def __init__(self) -> None:
        self.accepted_total = 0
        self.generation = 0
        self.reset()

    def reset(self) -> None:
        self.generation += 1
        self.accepted = 0
        self.api_connections = 0
        self.api_requests = 0
        self.last: dict[str, tuple[bytes, bytes]] = {}

    def snapshot(self) -> dict[str, object]:
        last = {}
        for route, (head, body) in self.last.items():
            lines = head.decode("latin-1").split("\r\n")
            headers = {}
            for line in lines[1:]:
                name, _, value = line.partition(":")
                headers[name.strip().lower()] = value.strip()
            last[route] = {
                "request_line": lines[0],
                "headers": headers,
                "body": body.decode("utf-8", "replace"),
            }
        return {
            "accepted": self.accepted,
            "accepted_total": self.accepted_total,
            "api_connections": self.api_connections,
            "api_requests": self.api_requests,
            "last": last,
        }


STATS = Stats()


def _response(status: bytes, body: bytes, close: bool) -> bytes:
    return b"".join(
        (
            b"HTTP/1.1 ",
            status,
            b"\r\nContent-Type: application/json\r\nContent-Length: ",
            str(len(body)).encode(),
            b"\r\nConnection: close\r\n\r\n" if close else b"\r\n\r\n",
            body,
        )
    )


class Connection(asyncio.Protocol):
    """One TCP connection: parses pipelined HTTP/1.1 requests and answers each from memory."""

    def __init__(self) -> None:
        self.buffer = b""
        self.counted_in = 0
        self.transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport
        STATS.accepted += 1
        STATS.accepted_total += 1

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        transport = self.transport
        assert transport is not None
        for _ in range(1024):  # bounded: at most this many pipelined requests per read
            end = self.buffer.find(b"\r\n\r\n")
            if end < 0:
                if len(self.buffer) > MAX_HEAD:
                    transport.write(_response(b"431 Request Header Fields Too Large", b"{}", True))
                    transport.close()
                return
            head = self.buffer[:end]
            lines = head.split(b"\r\n")
            parts = lines[0].split(b" ")
            if len(parts) != 3:
                transport.write(_response(b"400 Bad Request", b"{}", True))
                transport.close()
                return
            method, target, version = parts
            length = 0
            close = version == b"HTTP/1.0"
            for line in lines[1:]:
                name, _, value = line.partition(b":")
                name = name.strip().lower()
                if name == b"content-length":
                    length = int(value)
                elif name == b"connection":
                    close = value.strip().lower() == b"close"
                elif name == b"transfer-encoding":
                    transport.write(_response(b"501 Not Implemented", b"{}", True))
                    transport.close()
                    return
            if length > MAX_BODY:
                transport.write(_response(b"413 Content Too Large", b"{}", True))
                transport.close()
                return
            total = end + 4 + length
            if len(self.buffer) < total:
                return
            body = self.buffer[end + 4 : total]
            self.buffer = self.buffer[total:]
            status, payload = self.route(method, target, head, body)
            transport.write(_response(status, payload, close))
            if close:
                transport.close()
                return

    def route(self, method: bytes, target: bytes, head: bytes, body: bytes) -> tuple[bytes, bytes]:
        path = target.split(b"?", 1)[0]
        if method == b"PUT" and path.startswith(STREAM_PREFIX):
            self.count_api("stream", head, body)
            key = path[len(STREAM_PREFIX) :]
            return b"200 OK", (
                b'{"success":true,"operation":"updated","stream_key":"' + key + b'",'
                b'"activity_id":"act_bench","devices_notified":1,"users_notified":1,'
                b'"timestamp":"' + TIMESTAMP + b'"}'
            )
        if method == b"POST" and path == PUSH_PATH:
            self.count_api("push", head, body)
            return b"200 OK", PUSH_BODY
        if path == b"/__bench/stats" and method == b"GET":
            return b"200 OK", json.dumps(STATS.snapshot()).encode()
        if path == b"/__bench/reset" and method == b"POST":
            STATS.reset()
            return b"200 OK", b'{"reset":true}'
        return b"404 Not Found", b'{"error":"Not Found","message":"no such benchmark route"}'

    def count_api(self, route: str, head: bytes, body: bytes) -> None:
        STATS.api_requests += 1
        if self.counted_in != STATS.generation:
            self.counted_in = STATS.generation
            STATS.api_connections += 1
        STATS.last[route] = (head, body)


async def serve(port: int) -> None:
    loop = asyncio.get_running_loop()
    server = await loop.create_server(Connection, "127.0.0.1", port, backlog=512)
    sockets = server.sockets or ()
    print(sockets[0].getsockname()[1], flush=True)
    async with server:
        await server.serve_forever()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port")
    args = parser.parse_args()
    try:
        asyncio.run(serve(args.port))
    except KeyboardInterrupt:
        sys.exit(0)


if __name__ == "__main__":
    main()
