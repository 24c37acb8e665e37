"""What the preview needs of one HTTP exchange: `BaseHTTPRequestHandler`'s own surface."""

from __future__ import annotations

import socket
from email.message import Message
from typing import Protocol


class Writer(Protocol):
    def write(self, data: bytes, /) -> int | None: ...


class Exchange(Protocol):
    """The handler of one request (the local server's `_Handler` is one)."""

    command: str
    path: str
    headers: Message
    close_connection: bool

    @property
    def connection(self) -> socket.socket: ...

    @property
    def wfile(self) -> Writer: ...

    def send_response(self, code: int, message: str | None = None) -> None: ...

    def send_header(self, keyword: str, value: str) -> None: ...

    def end_headers(self) -> None: ...
