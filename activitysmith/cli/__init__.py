"""The `activitysmith` command line: every API action from a shell, cron job or CI step.

    activitysmith push --title "Deploy finished" --message "api v42 is live"
    activitysmith run --stream-key backup -- ./backup.sh

Only argparse is imported up front; each command imports the SDK when it runs, so
`activitysmith --help` is quick. Exit codes: 0 ok, 1 API error, 2 usage or validation
error, 3 network failure or timeout; `run` exits with the wrapped command's code.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Sequence

from ._output import EXIT_OK, report_crash, report_error, report_result, report_usage, warn
from ._parser import UsageError, build_parser

__all__ = ["main"]

EXIT_INTERRUPTED = 130


def _wants_json(args: Sequence[str]) -> bool:
    """--json anywhere before a `--`: known even when parsing fails."""
    for arg in args:
        if arg == "--":
            return False
        if arg == "--json":
            return True
    return False


# Options whose value is an opaque id. Ids are URL-safe base64, so one in 64 begins with "-",
# which argparse would take for an option: the token after such an option is always its value.
_ID_OPTIONS = frozenset({"--activity-id"})


def _attach_id_values(args: Sequence[str]) -> list[str]:
    """`--activity-id -x1` as `--activity-id=-x1`, as getopt would read it (not after `--`)."""
    attached: list[str] = []
    rest = iter(args)
    for arg in rest:
        if arg == "--":
            attached.append(arg)
            attached.extend(rest)
        elif arg in _ID_OPTIONS and (value := next(rest, None)) is not None:
            attached.append(f"{arg}={value}")
        else:
            attached.append(arg)
    return attached


def _dispatch(ns: argparse.Namespace, *, as_json: bool) -> int:
    name: str = ns.command_name
    if name == "run":
        from ._run import run

        return run(ns)
    if name == "sandbox":
        from ._sandbox import sandbox

        return sandbox(ns, as_json=as_json)

    from activitysmith import ActivitySmithError

    from ._commands import COMMANDS, make_client, subject_of

    try:
        with make_client(ns) as client:
            result = COMMANDS[name](client, ns)
    except ActivitySmithError as exc:
        return report_error(exc, as_json=as_json)
    try:
        return report_result(name, subject_of(ns), result, as_json=as_json)
    except Exception as exc:  # the request was carried out: printing it must not undo that
        warn(f"the request was carried out, but its answer could not be printed ({exc})")
        return EXIT_OK


def _tolerant_output() -> None:
    """Text that cannot be encoded for the terminal is escaped, never a crash."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):  # a stream that refuses
                reconfigure(errors="backslashreplace")


def _secret(args: Sequence[str]) -> str | None:
    """The key the command line or environment holds, to scrub from a crash report."""
    import os

    for index, arg in enumerate(args):
        if arg == "--api-key" and index + 1 < len(args):
            return args[index + 1] or None
        if arg.startswith("--api-key="):
            return arg.split("=", 1)[1] or None
    return os.environ.get("ACTIVITYSMITH_API_KEY", "").strip() or None


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI with `argv` (default: sys.argv[1:]) and return the exit code.

    Never raises and never prints a traceback: 0 ok, 1 API error, 2 usage or validation
    error, 3 network failure or timeout; `run` returns its command's own code.
    """
    args = list(sys.argv[1:] if argv is None else argv)
    as_json = _wants_json(args)
    _tolerant_output()
    try:
        ns = build_parser().parse_args(_attach_id_values(args))
        as_json = bool(getattr(ns, "json", False))
        return _dispatch(ns, as_json=as_json)
    except UsageError as exc:
        return report_usage(exc, as_json=as_json)
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except Exception as exc:
        return report_crash(exc, _secret(args))
