"""The bounded reader: counts an answer's bytes as they arrive, raw and decompressed.

Pure arithmetic over chunks (the transports feed it what they read), so the sync and async
transports share it. A body larger than the limit, before or after decompression, stops
the reading at once: an endless chunked body or a gzip bomb costs at most `limit` bytes of
network and a fixed amount of memory, whatever it declares.
"""

from __future__ import annotations

import functools
import zlib
from collections.abc import Callable

import httpx

__all__ = ["BodyReader", "Unreadable"]

_STEP = 64 * 1024
"""Most bytes one decompression step may produce; what a bomb costs in memory at a time."""


class Unreadable(Exception):
    """The body cannot be read within the limits; `reason` finishes "ActivitySmith answered N but"."""

    def __init__(self, reason: str, head: bytes) -> None:
        super().__init__(reason)
        self.reason = reason
        self.head = head


class _Inflate:
    """One gzip or deflate layer, decompressed in steps of at most _STEP bytes."""

    def __init__(self, gzip: bool) -> None:
        self._gzip = gzip
        self._first = True
        self._inflate = zlib.decompressobj(zlib.MAX_WBITS | 16 if gzip else zlib.MAX_WBITS)

    def feed(self, data: bytes, emit: Callable[[bytes], None]) -> None:
        try:
            out = self._inflate.decompress(data, _STEP)
        except zlib.error:
            if self._gzip or not self._first:
                raise
            # "deflate" is sometimes sent without its zlib header (as httpx also accepts).
            self._inflate = zlib.decompressobj(-zlib.MAX_WBITS)
            out = self._inflate.decompress(data, _STEP)
        self._first = False
        emit(out)
        while self._inflate.unconsumed_tail:
            emit(self._inflate.decompress(self._inflate.unconsumed_tail, _STEP))

    def finish(self, emit: Callable[[bytes], None]) -> None:
        emit(self._inflate.flush())


class BodyReader:
    """Feed it the raw chunks of one body; it keeps them and raises Unreadable past `limit`.

    `Content-Encoding` layers of gzip and deflate (the only ones the SDK asks for) are
    decompressed as the chunks arrive, only to count them: httpx decodes the kept raw
    bytes afterwards, knowing they fit. Any other encoding is refused.
    """

    def __init__(self, headers: httpx.Headers, limit: int) -> None:
        self.limit = limit
        self._chunks: list[bytes] = []
        self._raw = 0
        self._layers: list[_Inflate] = []
        self._decoded: list[int] = []
        encodings = [
            part.strip().lower()
            for part in headers.get("content-encoding", "").split(",")
            if part.strip()
        ]
        for encoding in reversed(encodings):  # the last one listed was applied last
            if encoding in ("gzip", "x-gzip"):
                self._layers.append(_Inflate(gzip=True))
            elif encoding == "deflate":
                self._layers.append(_Inflate(gzip=False))
            elif encoding != "identity":
                raise Unreadable(
                    f"its body is encoded as {encoding[:40]!r}, which the SDK did not ask for "
                    "(it accepts gzip and deflate)",
                    b"",
                )
        self._decoded = [0] * len(self._layers)

    def feed(self, chunk: bytes) -> None:
        """Take one raw chunk."""
        self._raw += len(chunk)
        if self._raw > self.limit:
            raise self._too_large("")
        self._chunks.append(chunk)
        if self._layers:
            self._through(0, chunk)

    def finish(self) -> bytes:
        """The raw body, once every chunk has been fed."""
        for index, layer in enumerate(self._layers):
            self._guard(functools.partial(layer.finish, self._emitter(index)))
        return b"".join(self._chunks)

    # -- decompression, counted --------------------------------------------------------

    def _through(self, index: int, data: bytes) -> None:
        layer = self._layers[index]
        self._guard(lambda: layer.feed(data, self._emitter(index)))

    def _emitter(self, index: int) -> Callable[[bytes], None]:
        def emit(out: bytes) -> None:
            if not out:
                return
            self._decoded[index] += len(out)
            if self._decoded[index] > self.limit:
                raise self._too_large(" once decompressed")
            if index + 1 < len(self._layers):
                self._through(index + 1, out)

        return emit

    def _guard(self, step: Callable[[], None]) -> None:
        try:
            step()
        except zlib.error:
            raise Unreadable(
                "its body's compression is broken (the Content-Encoding does not decode)",
                self._head(),
            ) from None

    def _too_large(self, how: str) -> Unreadable:
        return Unreadable(
            f"its body is larger than max_response_bytes ({self.limit:,} bytes){how}; "
            "the SDK stopped reading it",
            self._head(),
        )

    def _head(self) -> bytes:
        return b"".join(self._chunks)[:1024]
