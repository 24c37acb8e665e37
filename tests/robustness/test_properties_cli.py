"""Property: the command line, on any argv, exits 0-3 with a one-line message and no traceback;
a usage error (2) sends nothing; the key is never printed; `run` exits with its command's code.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from activitysmith.cli import main
from activitysmith.cli._parser import build_parser
from activitysmith.testing import ActivitySmithServer
from tests.robustness.conftest import KEY, examples

COMMANDS = ("push", "stream", "end-stream", "start", "update", "end", "metric", "badge")


def _flags() -> dict[str, list[str]]:
    """Every option string of each command (from the parser itself, so new flags are fuzzed)."""
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return {
        name: sorted({o for action in sub.choices[name]._actions for o in action.option_strings})
        for name in COMMANDS
    }


FLAGS = _flags()

_BYTES_TEXT = st.binary(max_size=8).map(lambda raw: os.fsdecode(raw))  # as argv holds them
_VALUES = st.one_of(
    st.text(max_size=12),
    _BYTES_TEXT,
    st.integers(-(10**30), 10**30).map(str),
    st.sampled_from(
        [
            "1e308",
            "nan",
            "-1",
            "0",
            "@-",
            "@/nonexistent",
            "{}",
            '{"title":"x"}',
            "[]",
            '{"a":' * 200 + "1" + "}" * 200,
            "http://[::1",
            "--",
            "-x",
            "ops,devs",
            "CPU=9%",
            "a=b",
            "a:=1",
            "Go=https://e.x",
            "bolt.fill:red",
            "2026-01-31T12:00:00Z",
            "",
        ]
    ),
)


def _argv(data: st.DataObject) -> list[str]:
    command = data.draw(st.sampled_from(COMMANDS), label="command")
    argv = [command]
    if command in ("stream", "end-stream", "metric", "badge"):
        argv.append(
            data.draw(
                st.one_of(st.from_regex(r"[a-z0-9.]{1,10}", fullmatch=True), _VALUES),
                label="positional",
            )
        )
    if command == "metric":
        argv.append(data.draw(_VALUES, label="value"))
    for _ in range(data.draw(st.integers(0, 6), label="flags")):
        argv.append(data.draw(st.sampled_from(FLAGS[command]), label="flag"))
        if data.draw(st.integers(0, 4), label="value?"):
            argv.append(data.draw(_VALUES, label="flag value"))
    return argv


@pytest.fixture(scope="module")
def server() -> Iterator[ActivitySmithServer]:
    with ActivitySmithServer(api_key=KEY, rate_limit=None, auto_create_metrics=True) as server:
        yield server


@pytest.fixture(scope="module")
def environment(server: ActivitySmithServer) -> Iterator[None]:
    saved = {k: v for k, v in os.environ.items() if k.startswith("ACTIVITYSMITH_")}
    for name in saved:
        del os.environ[name]
    os.environ.update(ACTIVITYSMITH_BASE_URL=server.base_url, ACTIVITYSMITH_API_KEY=KEY)
    yield
    for name in ("ACTIVITYSMITH_BASE_URL", "ACTIVITYSMITH_API_KEY"):
        os.environ.pop(name, None)
    os.environ.update(saved)


def _run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with (
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
        contextlib.suppress(SystemExit),
    ):
        code = main(argv)
        return code, out.getvalue(), err.getvalue()
    return 2, out.getvalue(), err.getvalue()  # --help and --version exit through argparse


@given(data=st.data())
@examples(200)
def test_any_argv(data: st.DataObject, server: ActivitySmithServer, environment: Any) -> None:
    argv = _argv(data)
    before = len(server.requests)
    code, out, err = _run(argv)
    assert code in (0, 1, 2, 3), (code, err)
    assert "Traceback" not in out + err
    assert "internal error" not in err, err
    assert KEY[4:] not in out + err
    if code == 2:
        assert len(server.requests) == before, f"a usage error sent a request: {err}"


@given(
    code=st.integers(0, 255),
    extra=st.lists(st.one_of(st.text(max_size=6), _BYTES_TEXT), max_size=3),
    title=st.one_of(st.none(), st.text(max_size=10), _BYTES_TEXT).filter(
        lambda text: text is None or not text.startswith("-")  # else argparse reads an option
    ),
)
@examples(15)
def test_run_exits_with_the_commands_code(
    code: int, extra: list[str], title: str | None, server: ActivitySmithServer, environment: Any
) -> None:
    argv = ["run", "--stream-key", "job", "--push-on", "never"]
    if title is not None:
        argv += ["--title", title]
    argv += ["--", "sh", "-c", f"exit {code}", "sh", *extra]
    result, out, err = _run(argv)
    assert result == code, err
    assert "Traceback" not in out + err
