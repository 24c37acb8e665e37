"""`--help` is complete for every command and costs no SDK import."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys

import pytest

from activitysmith.cli._parser import build_parser

from .conftest import clean_env, run_cli


def _commands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    [commands] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(commands.choices)


@pytest.mark.parametrize("name", sorted(_commands()))
def test_every_flag_of_every_command_has_help_text(name: str) -> None:
    parser = _commands()[name]
    text = parser.format_help()
    for action in parser._actions:
        assert action.help, (name, action.option_strings or action.dest)
        for option in action.option_strings:
            assert option in text, (name, option)


def test_top_level_help_lists_every_command_and_the_exit_codes() -> None:
    result = run_cli("--help", env=clean_env())

    assert result.returncode == 0
    for name in _commands():
        assert f"\n    {name} " in result.stdout, name
    assert "  1  the API answered an error (status and message on stderr)\n" in result.stdout
    assert "  3  network failure or timeout\n" in result.stdout


def test_help_imports_nothing_beyond_the_stdlib_after_the_package() -> None:
    probe = (
        "import sys, json, activitysmith\n"
        "before = set(sys.modules)\n"
        "from activitysmith.cli import main\n"
        "try:\n"
        "    main(['push', '--help'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(json.dumps(sorted(set(sys.modules) - before)), file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=30
    )

    loaded = json.loads(result.stderr)
    assert "activitysmith.cli._parser" in loaded
    foreign = [
        name
        for name in loaded
        if name.split(".")[0] not in sys.stdlib_module_names
        and not name.startswith("activitysmith.cli")
    ]
    assert foreign == []
    assert not any(
        name.startswith(
            ("activitysmith.cli._commands", "activitysmith.cli._run", "activitysmith_client.api")
        )
        for name in loaded
    )
