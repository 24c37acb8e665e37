"""The server's lean request-head reader gives what the standard library's email parser gives."""

from __future__ import annotations

import http.client
import io

from hypothesis import given, settings
from hypothesis import strategies as st

from activitysmith.testing._parsing import MAX_HEADERS, LeanRequestParsing


class _Reader(LeanRequestParsing):
    def __init__(self, data: bytes) -> None:  # only what _read_headers touches
        self.rfile = io.BytesIO(data)


def read(data: bytes) -> list[tuple[str, str]] | type[Exception]:
    try:
        return list(_Reader(data)._read_headers().items())
    except http.client.HTTPException as exc:
        return type(exc)


def reference(data: bytes) -> list[tuple[str, str]] | type[Exception]:
    try:
        return list(http.client.parse_headers(io.BytesIO(data)).items())
    except http.client.HTTPException as exc:
        return type(exc)


LINE = st.text(st.sampled_from(list(" \t:abXY-_\r\x7f\xe9\x00~!")), max_size=12)


@given(st.lists(LINE.map(lambda text: text.encode("latin-1")), max_size=8))
@settings(max_examples=1500, deadline=None, database=None)
def test_any_header_block_reads_as_the_standard_library_reads_it(lines: list[bytes]) -> None:
    data = b"".join(line + b"\r\n" for line in lines) + b"\r\n"

    assert read(data) == reference(data)


def test_real_headers_keep_their_names_order_and_folding() -> None:
    data = (
        b"Host: x\r\nAuthorization: Bearer k\r\nX-Folded: one\r\n two\r\n"
        b"x-dup: 1\r\nX-Dup: 2\r\n\r\nbody"
    )

    assert read(data) == reference(data)
    assert read(data) == [
        ("Host", "x"),
        ("Authorization", "Bearer k"),
        ("X-Folded", "one\r\n two"),
        ("x-dup", "1"),
        ("X-Dup", "2"),
    ]


def test_limits_match_the_standard_library() -> None:
    def fields(count: int) -> bytes:
        return b"".join(b"X-%d: v\r\n" % n for n in range(count)) + b"\r\n"

    too_many = fields(MAX_HEADERS + 1)
    too_long = b"X: " + b"v" * 70_000 + b"\r\n\r\n"

    # Whether exactly MAX_HEADERS fields pass depends on the Python release; match it.
    for data in (fields(MAX_HEADERS - 1), fields(MAX_HEADERS), too_many, too_long):
        assert read(data) == reference(data)
    assert isinstance(read(fields(MAX_HEADERS - 1)), list)
    assert read(too_many) is http.client.HTTPException
    assert read(too_long) is http.client.LineTooLong
