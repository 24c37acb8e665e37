"""The command line's grammar: every command, flag and help text (argparse, stdlib only).

The body flags are the spec's: `_generated.py` (written by `make generate`) lists every
field of each request and content state with its kind, choices and description, and
only a few shorthands are made by hand (`--metric CPU=9%`, `--action TITLE=URL`,
`--icon bolt.fill:yellow`, `--channels`, `--tag`). Body flags store into `body.<field>`,
content-state flags into `state.<field>`, and every flag defaults to None, so the request
builder sends exactly the flags the user set. Nothing here imports the SDK, so
`activitysmith --help` costs no more than argparse.
"""

from __future__ import annotations

import argparse
import textwrap
from collections.abc import Callable
from typing import Any, NoReturn

from . import _values as v
from ._generated import BODY, CONTENT_STATE, Flag

__all__ = ["BODY_DEST", "OPERATIONS", "PUSH_ACTIONS", "STATE_DEST", "UsageError", "build_parser"]

PROG = "activitysmith"
PUSH_ON = ("failure", "always", "never")

_DESCRIPTION = """\
Send ActivitySmith push notifications, Live Activities, widget metrics and app badge
counts from a shell, cron job or CI pipeline, or watch any command on the Lock Screen
with `activitysmith run`.
"""

_EPILOG = """\
global options (--api-key, --base-url, --timeout, --retries, --json) work before or
after the command. The API key comes from --api-key or $ACTIVITYSMITH_API_KEY, the API
root from --base-url or $ACTIVITYSMITH_BASE_URL.

exit codes:
  0  success
  1  the API answered an error (status and message on stderr)
  2  usage or validation error (nothing was sent)
  3  network failure or timeout

`activitysmith run` exits with the wrapped command's own code instead.
Run `activitysmith COMMAND --help` for a command's flags.
"""


class UsageError(Exception):
    """The command line cannot be parsed; `usage` is the failing (sub)command's usage line."""

    def __init__(self, message: str, usage: str) -> None:
        super().__init__(message)
        self.message = message
        self.usage = usage


class _Parser(argparse.ArgumentParser):
    """Raises UsageError instead of printing and exiting, so main() owns the output."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: error: {message}", self.format_usage())


class _Formatter(argparse.RawDescriptionHelpFormatter):
    def __init__(self, prog: str) -> None:
        super().__init__(prog, max_help_position=32)


def _wrap(text: str) -> str:
    """A paragraph wrapped for the raw-text formatter (which keeps the examples' lines)."""
    return textwrap.fill(" ".join(text.split()), width=80)


def _global_options() -> argparse.ArgumentParser:
    """Options every command accepts; SUPPRESS keeps a value given before the command."""
    parent = _Parser(add_help=False)
    group = parent.add_argument_group("global options")
    s = argparse.SUPPRESS
    group.add_argument(
        "--api-key",
        metavar="KEY",
        default=s,
        help="ActivitySmith API key (default: $ACTIVITYSMITH_API_KEY; prefer the variable, "
        "arguments are visible to other users of the machine)",
    )
    group.add_argument(
        "--base-url",
        metavar="URL",
        default=s,
        help="API root (default: $ACTIVITYSMITH_BASE_URL, else https://activitysmith.com/api)",
    )
    group.add_argument(
        "--timeout",
        metavar="SECONDS",
        type=v.positive_number,
        default=s,
        help="per-attempt timeout in seconds (default: 30; `run` uses 5)",
    )
    group.add_argument(
        "--retries",
        metavar="N",
        type=v.non_negative_integer,
        default=s,
        help="retries of a failed request that is safe to repeat (default: 2; `run` uses 1)",
    )
    group.add_argument(
        "--json",
        action="store_true",
        default=s,
        help="print the API's answer, or an error object, as JSON on stdout",
    )
    return parent


def _add_command(
    commands: Any, name: str, parent: argparse.ArgumentParser, summary: str, description: str
) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = commands.add_parser(
        name,
        parents=[parent],
        help=summary,
        description=_wrap(description),
        formatter_class=_Formatter,
    )
    return parser


# --- body flags: one per field of the spec's request, plus a few hand-made shorthands ---------

# The operation each command sends (its flags come from the operation's request schema).
OPERATIONS = {
    "push": "sendPushNotification",
    "stream": "reconcileLiveActivityStream",
    "end-stream": "endLiveActivityStream",
    "start": "startLiveActivity",
    "update": "updateLiveActivity",
    "end": "endLiveActivity",
    "metric": "updateMetricValue",
    "badge": "updateAppIconBadgeCount",
}

BODY_DEST = "body."
"""Prefix of the dest of every body flag; the rest is the field's dotted path."""
STATE_DEST = "state."
"""Prefix of the dest of every content-state flag."""

_CONVERTERS: dict[str, Callable[[str], Any] | None] = {
    "text": None,
    "choice": None,
    "integer": v.integer,
    "number": v.number,
    "scalar": v.scalar,
    "list": v.channels,
    "pairs": v.key_value,
    "json": v.json_object,
    "json_list": v.json_objects,
}
_METAVARS = {"list": "A,B", "pairs": "KEY=VALUE"}

# Which group a body field's flag is listed under (others: the command's own options).
_GROUPS = {
    "channels": "recipients",
    "target": "recipients",
    "tags": "history (shown in ActivitySmith, never on the device)",
    "metadata": "history (shown in ActivitySmith, never on the device)",
    "action": "buttons",
    "secondary_action": "buttons",
    "actions": "buttons",
    "alert": "alert sent with the Live Activity update",
}


def _generic(group: Any, flag: Flag, dest: str) -> None:
    """The flag of one field, as its kind in the spec says."""
    options: dict[str, Any] = {"dest": dest, "help": flag.help}
    if flag.kind == "boolean":
        options["action"] = argparse.BooleanOptionalAction
    else:
        options["metavar"] = _METAVARS.get(flag.kind, flag.metavar)
        converter = _CONVERTERS[flag.kind]
        if converter is not None:
            options["type"] = converter
        if flag.kind == "choice":
            options["choices"] = flag.choices
            options["help"] = f"{flag.help} One of: %(choices)s."
        if flag.kind == "pairs":
            options["action"] = "append"
            options["help"] = (
                f"{flag.help} key=text, or key:=JSON for a number or true/false; repeatable"
            )
        if flag.kind in ("json", "json_list"):
            options["help"] = f"{flag.help} JSON, inline, @file or @- (stdin)"
    if flag.required:
        options["required"] = True
    group.add_argument(flag.option, **options)


def _group(parser: argparse.ArgumentParser, groups: dict[str, Any], title: str | None) -> Any:
    if title is None:
        return parser
    if title not in groups:
        groups[title] = parser.add_argument_group(title)
    return groups[title]


def _body_flags(
    parser: argparse.ArgumentParser, command: str, *, positional: tuple[str, ...] = ()
) -> None:
    """A flag for every field of the command's request body (`positional` ones excepted).

    Hand-made shorthands replace a few: `--content-state` and the content-state flags,
    `--channels` for `target`, `--tag` for tags, `--action TITLE=URL` for buttons.
    """
    operation = OPERATIONS[command]
    flags = BODY[operation]
    fields = {flag.field for flag in flags}
    groups: dict[str, Any] = {}
    flattened = {part for flag in flags for part in flag.parts}
    for flag in flags:
        name = flag.field
        group = _group(parser, groups, _GROUPS.get(name.split(".")[0]))
        dest = BODY_DEST + name
        if name in positional:
            continue
        if name == "content_state":
            _content_state(parser, operation)
        elif name == "target":
            if "channels" not in fields:  # `--channels` fills target.channels
                _channels(group, BODY_DEST + "channels")
        elif name == "channels":
            _channels(group, dest)
        elif name == "tags":
            group.add_argument(
                "--tag", dest=dest, metavar="TAG", action="append", help=f"{flag.help} Repeatable."
            )
        elif name in ("action", "secondary_action"):
            group.add_argument(
                flag.option,
                dest=dest,
                metavar="JSON|TITLE=URL",
                type=v.action,
                help=f"{flag.help} A JSON object (inline or @file), or TITLE=URL to open a link.",
            )
        elif name == "actions":
            limit = f" up to {flag.max_items}" if flag.max_items else ""
            group.add_argument(
                "--action",
                dest=PUSH_ACTIONS,
                metavar="JSON|TITLE=URL",
                type=v.action,
                action="append",
                help=f"a button: JSON object (inline or @file) or TITLE=URL; repeat for{limit}",
            )
            _generic(group, flag, dest)
        elif flag.parts and all(part in flattened for part in flag.parts):
            continue  # an object of scalars: its fields have flags of their own
        else:
            _generic(group, flag, dest)


PUSH_ACTIONS = "push_actions"
"""Dest of the repeatable `--action` of push, appended to `--actions`."""


def _channels(group: Any, dest: str) -> None:
    group.add_argument(
        "--channels",
        dest=dest,
        metavar="A,B",
        type=v.channels,
        help="send only to these channel slugs (default: everyone the API key reaches)",
    )


def _content_state(parser: argparse.ArgumentParser, operation: str) -> None:
    """`--content-state` and a flag for every field of the operation's content state."""
    group = parser.add_argument_group(
        "content state",
        _wrap(
            "What the Live Activity shows. Each flag sets one field; --content-state gives "
            "them all as JSON and the flags override it. Colours: " + ", ".join(v.COLORS) + "."
        ),
    )
    group.add_argument(
        "--content-state",
        dest="content_state",
        metavar="JSON|@FILE",
        type=v.json_object,
        help="the whole content state as a JSON object, inline, @file or @- (stdin)",
    )
    for flag in CONTENT_STATE[operation]:
        dest = STATE_DEST + flag.field
        if flag.field == "metrics":
            limit = f"; repeat for up to {flag.max_items}" if flag.max_items else "; repeatable"
            group.add_argument(
                "--metric",
                dest=dest,
                metavar="LABEL=VALUE[:COLOR]",
                type=v.metric,
                action="append",
                help=f'one readout (metrics, stats), e.g. "CPU=9%%" or "Revenue=$2430:green"{limit}',
            )
        elif flag.field in v.NAMED:
            example = "bolt.fill:yellow" if flag.field == "icon" else "SEV-2:red"
            group.add_argument(
                flag.option,
                dest=dest,
                metavar=f"{v.NAMED[flag.field].upper()}[:COLOR]",
                type=v.named(flag.field),
                help=f"{flag.help} NAME or NAME:COLOR, e.g. {example}",
            )
        else:
            _generic(group, flag, dest)


def _push(commands: Any, parent: argparse.ArgumentParser) -> None:
    p = _add_command(
        commands,
        "push",
        parent,
        "send a push notification",
        "Send a push notification to the devices the API key (or --channels) reaches.",
    )
    _body_flags(p, "push")
    p.epilog = (
        "example:\n"
        '  activitysmith push --title "Deploy finished" --message "api v42 is live" '
        "--channels ops"
    )


def _stream_commands(commands: Any, parent: argparse.ArgumentParser) -> None:
    p = _add_command(
        commands,
        "stream",
        parent,
        "start or update the Live Activity of a stream key",
        "Send the latest state of the Live Activity for KEY: ActivitySmith starts it the "
        "first time, then updates it. Give --type when it may need to start.",
    )
    p.add_argument("stream_key", metavar="KEY", help="stable name, e.g. nightly-backup")
    _body_flags(p, "stream")
    p.epilog = (
        "examples:\n"
        '  activitysmith stream deploy --type segmented_progress --title "Deploy api" '
        "--number-of-steps 4 --current-step 1\n"
        '  activitysmith stream servers --type metrics --title "web-1" '
        '--metric "CPU=9%" --metric "Memory=45%"'
    )

    p = _add_command(
        commands,
        "end-stream",
        parent,
        "end the Live Activity of a stream key",
        "End the Live Activity of KEY, optionally with a final state; without content-state "
        "flags it ends with the latest state.",
    )
    p.add_argument("stream_key", metavar="KEY", help="the stream to end")
    _body_flags(p, "end-stream")
    p.epilog = (
        "example:\n"
        '  activitysmith end-stream deploy --title "Deploy api" --current-step 4 '
        "--color green --auto-dismiss-minutes 5"
    )


def _legacy_commands(commands: Any, parent: argparse.ArgumentParser) -> None:
    p = _add_command(
        commands,
        "start",
        parent,
        "start a Live Activity you manage by id (prints the id)",
        "Start a Live Activity and print its activity id, for `update` and `end`. "
        "`stream` is simpler: it needs no id.",
    )
    _body_flags(p, "start")
    p.epilog = (
        'example:\n  ID=$(activitysmith start --type progress --title "Import" --percentage 0)'
    )
    for name, summary in (
        ("update", "update a Live Activity by id"),
        ("end", "end a Live Activity by id"),
    ):
        p = _add_command(commands, name, parent, summary, summary[0].upper() + summary[1:] + ".")
        _body_flags(p, name)


def _metric(commands: Any, parent: argparse.ArgumentParser) -> None:
    p = _add_command(
        commands,
        "metric",
        parent,
        "set a Lock Screen widget metric",
        "Set the latest value of the widget metric KEY (created in the ActivitySmith app).",
    )
    p.add_argument("key", metavar="KEY", help="metric key, e.g. revenue.today")
    p.add_argument(
        "value",
        metavar="VALUE",
        type=v.scalar,
        help='a number ("42", "99.9") is sent as a number, other text as a string',
    )
    _body_flags(p, "metric", positional=("value",))


def _badge(commands: Any, parent: argparse.ArgumentParser) -> None:
    p = _add_command(
        commands,
        "badge",
        parent,
        "set the number on the ActivitySmith app icon",
        "Set the number on the ActivitySmith app icon; 0 clears it.",
    )
    p.add_argument("count", metavar="COUNT", type=v.non_negative_integer, help="0 clears it")
    _body_flags(p, "badge", positional=("badge",))


def _sandbox(commands: Any, parent: argparse.ArgumentParser) -> None:
    p = _add_command(
        commands,
        "sandbox",
        parent,
        "run a local ActivitySmith API for trying things out",
        "Run a local ActivitySmith API in the foreground (until Ctrl-C) and print its "
        "ACTIVITYSMITH_BASE_URL and ACTIVITYSMITH_API_KEY. It validates requests like the "
        "real API and sends nothing to any device; ACTIVITYSMITH_PREVIEW_URL opens a live "
        "Lock Screen preview of what it received in a browser. "
        "Needs: pip install 'activitysmith[testing]'. "
        "Only an explicit --api-key changes the key it accepts (never $ACTIVITYSMITH_API_KEY).",
    )
    p.add_argument("--host", default="127.0.0.1", help="interface to bind (default: %(default)s)")
    p.add_argument("--port", type=v.port, default=0, help="port (default: any free port)")
    p.add_argument("--no-rate-limit", action="store_true", help="switch off the request budgets")
    p.add_argument(
        "--auto-create-metrics",
        action="store_true",
        help="accept any metric key instead of answering 404 for unknown ones",
    )


def _run(commands: Any, parent: argparse.ArgumentParser) -> None:
    p = _add_command(
        commands,
        "run",
        parent,
        "run a command and show it as a Live Activity",
        "Run CMD with its stdin, stdout and stderr untouched, show a timer Live Activity "
        "while it runs, end it green with the duration or red with the exit code, and exit "
        "with CMD's own exit code (128+N when a signal N ended it). If ActivitySmith cannot "
        "be reached, one warning goes to stderr and nothing else changes. SIGTERM (and "
        "SIGINT not sent by the terminal) is passed on to CMD. Writes nothing to stdout "
        "(--json has no effect here).",
    )
    p.add_argument(
        "--stream-key", required=True, metavar="KEY", help="stream to show it on, e.g. backup"
    )
    p.add_argument(
        "--title", metavar="TEXT", help="title shown (default: the program's name, e.g. backup.sh)"
    )
    p.add_argument(
        "--push-on",
        choices=PUSH_ON,
        default="failure",
        help="also send a push notification when it ends (default: %(default)s)",
    )
    _channels(p.add_argument_group("recipients"), "channels")
    p.add_argument(
        "command",
        nargs=argparse.REMAINDER,
        metavar="-- CMD [ARGS...]",
        help="the command to run and its arguments",
    )
    p.epilog = (
        "example (crontab):\n"
        "  0 3 * * * activitysmith run --stream-key backup --title Backup -- /usr/local/bin/backup"
    )


def build_parser() -> argparse.ArgumentParser:
    """The `activitysmith` parser with all its commands."""
    from .._version import __version__

    parent = _global_options()
    parser = _Parser(
        prog=PROG,
        description=_DESCRIPTION,
        epilog=_EPILOG,
        parents=[parent],
        formatter_class=_Formatter,
    )
    parser.add_argument(
        "--version", action="version", version=f"{PROG} {__version__}", help="print the version"
    )
    commands = parser.add_subparsers(
        dest="command_name", metavar="COMMAND", title="commands", required=True
    )
    _push(commands, parent)
    _stream_commands(commands, parent)
    _legacy_commands(commands, parent)
    _metric(commands, parent)
    _badge(commands, parent)
    _sandbox(commands, parent)
    _run(commands, parent)
    return parser
