"""A real HTTP forward proxy on 127.0.0.1 for the tests: forwards absolute-form requests
and records every request that passed through it."""

from __future__ import annotations

import http.client
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Self
from urllib.parse import urlsplit

_HOP_BY_HOP = {"connection", "keep-alive", "proxy-connection", "proxy-authorization", "te"}


@dataclass(frozen=True)
class Passed:
    """One request as the proxy received it."""

    method: str
    target: str
    headers: dict[str, str]
    body: bytes


class ForwardProxy:
    """`with ForwardProxy() as proxy:` ... `proxy.url`, `proxy.passed`."""

    def __init__(self) -> None:
        self.passed: list[Passed] = []
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:
                return None

            def _forward(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                body = self.rfile.read(length) if length else b""
                headers = {k.lower(): v for k, v in self.headers.items()}
                proxy.passed.append(Passed(self.command, self.path, headers, body))
                url = urlsplit(self.path)
                upstream = http.client.HTTPConnection(url.hostname, url.port, timeout=10)
                path = url.path + (f"?{url.query}" if url.query else "")
                forwarded = {k: v for k, v in headers.items() if k not in _HOP_BY_HOP}
                upstream.request(self.command, path, body=body or None, headers=forwarded)
                answer = upstream.getresponse()
                data = answer.read()
                self.send_response(answer.status)
                for name, value in answer.getheaders():
                    if name.lower() not in _HOP_BY_HOP | {"content-length", "transfer-encoding"}:
                        self.send_header(name, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
                upstream.close()

            do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = _forward

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._server.shutdown()
        self._server.server_close()
