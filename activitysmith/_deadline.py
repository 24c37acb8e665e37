"""One wall-clock deadline per call, enforced down to the socket.

A per-read timeout cannot stop a server that sends one byte every few tenths of a second,
so the deadline (`total_timeout`) is enforced where the time passes:

- async: the whole call runs in an anyio cancel scope that expires at the deadline, for
  any transport, a caller's `httpx.AsyncClient` included;
- sync: nothing can interrupt a blocking read, so every socket operation (connect, TLS,
  each read and write) of the SDK's transports waits at most the time left: the httpx
  transport's network backend is wrapped so (`SocketDeadline.install`), and reads
  between body chunks check the clock too.

Both raise `httpx.TimeoutException`s, which the client reports as `APITimeoutError`.
"""

from __future__ import annotations

import time
from contextvars import ContextVar, Token
from types import TracebackType
from typing import Any

import httpx

__all__ = ["AsyncDeadline", "AsyncSocketDeadline", "Deadline", "SocketDeadline", "expired"]

_DEADLINE: ContextVar[tuple[float, float | None] | None] = ContextVar(
    "activitysmith_deadline", default=None
)
"""(time.monotonic() deadline, its total_timeout for the message) of the call in progress."""

_monotonic = time.monotonic


def expired(total: float | None) -> str:
    """The message of a call whose deadline passed."""
    spent = f" of {total:g} s" if total is not None else ""
    return f"the call's total_timeout{spent} ran out"


class Deadline:
    """Sync: makes the SDK's sockets honour `deadline` while the block runs."""

    __slots__ = ("_token", "_value")

    def __init__(self, deadline: float | None, total: float | None, request: httpx.Request) -> None:
        self._value = None if deadline is None else (deadline, total)
        self._token: Token[tuple[float, float | None] | None] | None = None

    def __enter__(self) -> None:
        if self._value is not None:
            self._token = _DEADLINE.set(self._value)

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._token is not None:
            _DEADLINE.reset(self._token)


class AsyncDeadline:
    """Async: cancels the block at `deadline` and raises httpx.TimeoutException instead."""

    __slots__ = ("_request", "_scope", "_total", "_value")

    def __init__(self, deadline: float | None, total: float | None, request: httpx.Request) -> None:
        self._value = deadline
        self._total = total
        self._request = request
        self._scope: Any = None

    def __enter__(self) -> None:
        if self._value is not None:
            import anyio

            self._scope = anyio.CancelScope(
                deadline=anyio.current_time() + (self._value - time.monotonic())
            )
            self._scope.__enter__()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        # A cancel scope only swallows its own cancellation, which is reported as a timeout:
        # any other exception goes on (hence no return value, and mypy sees no swallowing).
        scope = self._scope
        if scope is None:
            return
        scope.__exit__(exc_type, exc, tb)
        if scope.cancelled_caught:
            raise httpx.TimeoutException(expired(self._total), request=self._request) from None


# --- sync sockets -----------------------------------------------------------------------------


def _capped(timeout: float | None, error: type[Exception]) -> float | None:
    """`timeout` shortened to the time left before the call's deadline (raising once none is)."""
    current = _DEADLINE.get()
    if current is None:
        return timeout
    left = current[0] - _monotonic()
    if left <= 0:
        raise error(expired(current[1]))
    return left if timeout is None or left < timeout else timeout


def _past(error: Exception) -> Exception | None:
    """A timeout that hit because the call's deadline passed, said so (None: it did not)."""
    current = _DEADLINE.get()
    if current is None or _monotonic() < current[0]:
        return None
    return type(error)(expired(current[1]))


class _Errors:
    """httpcore's timeout classes, imported on first use (httpcore is loaded by then)."""

    read: type[Exception]
    write: type[Exception]
    connect: type[Exception]

    @classmethod
    def load(cls) -> type[_Errors]:
        import httpcore

        cls.read, cls.write, cls.connect = (
            httpcore.ReadTimeout,
            httpcore.WriteTimeout,
            httpcore.ConnectTimeout,
        )
        return cls


class _Stream:
    """A network stream whose every operation waits at most until the call's deadline."""

    __slots__ = ("_errors", "_stream", "get_extra_info")

    def __init__(self, stream: Any) -> None:
        self._stream = stream
        self._errors = _Errors if hasattr(_Errors, "read") else _Errors.load()
        self.get_extra_info = stream.get_extra_info

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        error = self._errors.read
        try:
            data: bytes = self._stream.read(max_bytes, _capped(timeout, error))
        except error as exc:
            raise _past(exc) or exc from None
        return data

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        if not buffer:  # httpcore writes nothing for it either
            return
        error = self._errors.write
        try:
            self._stream.write(buffer, _capped(timeout, error))
        except error as exc:
            raise _past(exc) or exc from None

    def close(self) -> None:
        self._stream.close()

    def start_tls(
        self, ssl_context: Any, server_hostname: str | None = None, timeout: float | None = None
    ) -> _Stream:
        error = self._errors.connect
        try:
            wrapped = self._stream.start_tls(ssl_context, server_hostname, _capped(timeout, error))
        except error as exc:
            raise _past(exc) or exc from None
        return _Stream(wrapped)


class _Backend:
    """An httpcore network backend whose connections honour the call's deadline."""

    def __init__(self, backend: Any) -> None:
        self.wrapped = backend

    def connect_tcp(
        self, host: str, port: int, timeout: float | None = None, **options: Any
    ) -> _Stream:
        error = (_Errors if hasattr(_Errors, "connect") else _Errors.load()).connect
        stream = self.wrapped.connect_tcp(host, port, _capped(timeout, error), **options)
        return _Stream(stream)

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, **options: Any
    ) -> _Stream:
        error = (_Errors if hasattr(_Errors, "connect") else _Errors.load()).connect
        stream = self.wrapped.connect_unix_socket(path, _capped(timeout, error), **options)
        return _Stream(stream)

    def sleep(self, seconds: float) -> None:
        self.wrapped.sleep(seconds)


class SocketDeadline:
    """Installs the deadline-honouring network backend into sync httpx transports."""

    @staticmethod
    def install(transport: object) -> bool:
        """Wrap the backend of an `httpx.HTTPTransport`'s pool (proxies too); False if it has none.

        Harmless outside SDK calls (no deadline is set then) and idempotent. Connections
        the pool opened before are not covered; the SDK installs it before its first call.
        """
        pool = getattr(transport, "_pool", None)
        backend = getattr(pool, "_network_backend", None)
        if backend is None or not hasattr(backend, "connect_tcp"):
            return False
        if not isinstance(backend, _Backend):
            pool._network_backend = _Backend(backend)  # type: ignore[union-attr]
        return True

    @staticmethod
    def install_on_client(client: object) -> None:
        """Install into every transport of a caller's `httpx.Client` (mounts for proxies too)."""
        transports = [getattr(client, "_transport", None)]
        transports += list((getattr(client, "_mounts", None) or {}).values())
        for transport in transports:
            if transport is not None:
                SocketDeadline.install(transport)


class AsyncSocketDeadline:
    """The async form needs nothing at the socket: the cancel scope covers every await."""

    @staticmethod
    def install(transport: object) -> bool:
        return True

    @staticmethod
    def install_on_client(client: object) -> None:
        return None
