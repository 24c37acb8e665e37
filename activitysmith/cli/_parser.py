"""The command line's grammar: every command, flag and help text (argparse, stdlib only).

Nothing here imports the SDK, so `activitysmith --help` costs no more than argparse.
Content-state flags store into `cs_<field>` and every flag defaults to None, so the
request builder sends exactly the flags the user set.
"""

from __future__ import annotations

import argparse
import textwrap
from typing import Any, NoReturn

from . import _values as v

__all__ = ["UsageError", "build_parser"]

PROG = "activitysmith"
LIVE_ACTIVITY_TYPES = (
    "segmented_progress",
    "progress",
    "metrics",
    "stats",
    "alert",
    "timer",
    "value",
)
INTERRUPTION_LEVELS = ("passive", "active", "time-sensitive")
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


def _targeting(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("recipients")
    group.add_argument(
        "--channels",
        metavar="A,B",
        type=v.channels,
        help="send only to these channel slugs (default: everyone the API key reaches)",
    )


def _history(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("history (shown in ActivitySmith, never on the device)")
    group.add_argument(
        "--tag",
        dest="tags",
        metavar="TAG",
        action="append",
        help="label for the history; repeat for several",
    )
    group.add_argument(
        "--metadata",
        metavar="KEY=VALUE",
        type=v.key_value,
        action="append",
        help="detail for the history: key=text, or key:=JSON for a number or true/false; "
        "repeatable",
    )


def _buttons(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("buttons")
    group.add_argument(
        "--action",
        metavar="JSON|TITLE=URL",
        type=v.action,
        help='primary button: a JSON object (inline or @file), e.g. \'{"title": "Open", '
        '"type": "open_url", "url": "https://..."}\', or TITLE=URL to open a link',
    )
    group.add_argument(
        "--secondary-action",
        metavar="JSON|TITLE=URL",
        type=v.action,
        help="second button (alert, progress, segmented_progress and value types)",
    )


def _alert(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("alert sent with the Live Activity update")
    group.add_argument("--alert-title", metavar="TEXT", help="alert title")
    group.add_argument("--alert-body", metavar="TEXT", help="alert body")


def _content_state(parser: argparse.ArgumentParser, *, dismiss: tuple[str, ...] = ()) -> None:
    """A flag for every content-state field; each stores into `cs_<field>`."""
    group = parser.add_argument_group(
        "content state",
        _wrap(
            "What the Live Activity shows. Each flag sets one field; --content-state gives "
            "them all as JSON and the flags override it. Colours: " + ", ".join(v.COLORS) + "."
        ),
    )
    add = group.add_argument
    add(
        "--content-state",
        dest="content_state",
        metavar="JSON|@FILE",
        type=v.json_object,
        help="the whole content state as a JSON object, inline, @file or @- (stdin)",
    )
    add(
        "--type",
        dest="cs_type",
        metavar="TYPE",
        choices=LIVE_ACTIVITY_TYPES,
        help="layout, needed to start one: " + ", ".join(LIVE_ACTIVITY_TYPES),
    )
    add("--title", dest="cs_title", metavar="TEXT", help="main line (always required)")
    add("--subtitle", dest="cs_subtitle", metavar="TEXT", help="secondary line")
    add("--message", dest="cs_message", metavar="TEXT", help="alert text (type alert)")
    add(
        "--number-of-steps",
        dest="cs_number_of_steps",
        metavar="N",
        type=v.integer,
        help="steps in total (segmented_progress)",
    )
    add(
        "--current-step",
        dest="cs_current_step",
        metavar="N",
        type=v.integer,
        help="steps completed (segmented_progress)",
    )
    add(
        "--percentage",
        dest="cs_percentage",
        metavar="0-100",
        type=v.number,
        help="progress in percent (progress)",
    )
    add(
        "--value",
        dest="cs_value",
        metavar="VALUE",
        type=v.scalar,
        help="progress value with --upper-limit, or the readout of type value; "
        "a number stays a number, other text is sent as written",
    )
    add(
        "--upper-limit",
        dest="cs_upper_limit",
        metavar="N",
        type=v.number,
        help="maximum of --value (progress)",
    )
    add(
        "--metric",
        dest="cs_metrics",
        metavar="LABEL=VALUE[:COLOR]",
        type=v.metric,
        action="append",
        help='one readout (metrics, stats), e.g. "CPU=9%%" or "Revenue=$2430:green"; '
        "repeat for up to 8",
    )
    add(
        "--duration-seconds",
        dest="cs_duration_seconds",
        metavar="SECONDS",
        type=v.number,
        help="timer length; sending it again restarts the timer window (timer)",
    )
    add(
        "--counts-down",
        dest="cs_counts_down",
        action=argparse.BooleanOptionalAction,
        help="count down from --duration-seconds, or --no-counts-down to count up (timer)",
    )
    add(
        "--is-running",
        dest="cs_is_running",
        action=argparse.BooleanOptionalAction,
        help="--no-is-running pauses the timer, --is-running resumes it (timer)",
    )
    add("--color", dest="cs_color", metavar="COLOR", help="accent colour (button tint for alert)")
    add(
        "--step-color",
        dest="cs_step_color",
        metavar="COLOR",
        help="colour of the current step (segmented_progress)",
    )
    add(
        "--step-colors",
        dest="cs_step_colors",
        metavar="C1,C2",
        type=v.channels,
        help="colours of the completed steps, comma-separated (segmented_progress)",
    )
    add(
        "--icon",
        dest="cs_icon",
        metavar="SYMBOL[:COLOR]",
        type=v.labelled,
        help="SF Symbol, e.g. bolt.fill:yellow",
    )
    add(
        "--badge",
        dest="cs_badge",
        metavar="TITLE[:COLOR]",
        type=v.labelled,
        help="short label, e.g. SEV-2:red (alert, progress, segmented_progress, value)",
    )
    if "minutes" in dismiss:
        add(
            "--auto-dismiss-minutes",
            dest="cs_auto_dismiss_minutes",
            metavar="N",
            type=v.integer,
            help="minutes until the ended activity leaves the Lock Screen (0: at once)",
        )
    if "seconds" in dismiss:
        add(
            "--auto-dismiss-seconds",
            dest="cs_auto_dismiss_seconds",
            metavar="N",
            type=v.integer,
            help="seconds until the ended activity leaves the Lock Screen (wins over minutes)",
        )


def _push(commands: Any, parent: argparse.ArgumentParser) -> None:
    p = _add_command(
        commands,
        "push",
        parent,
        "send a push notification",
        "Send a push notification to the devices the API key (or --channels) reaches.",
    )
    p.add_argument("--title", required=True, metavar="TEXT", help="headline (required)")
    p.add_argument("--message", metavar="TEXT", help="body text")
    p.add_argument("--subtitle", metavar="TEXT", help="line between title and message")
    p.add_argument(
        "--media", metavar="URL", help="https URL of an image, audio or video (not with actions)"
    )
    p.add_argument(
        "--redirection", metavar="URL", help="what opens on tap: a URL, shortcuts:// or app link"
    )
    p.add_argument(
        "--action",
        dest="push_actions",
        metavar="JSON|TITLE=URL",
        type=v.action,
        action="append",
        help="a button: JSON object (inline or @file) or TITLE=URL; repeat for up to 4",
    )
    p.add_argument(
        "--actions",
        metavar="JSON|@FILE",
        type=v.json_objects,
        help="all buttons as a JSON array (inline, @file or @-); --action adds to them",
    )
    _targeting(p)
    p.add_argument("--icon", metavar="URL", help="https URL of an image shown beside the app icon")
    p.add_argument(
        "--interruption-level",
        choices=INTERRUPTION_LEVELS,
        help="how urgently iOS presents it (default: active)",
    )
    p.add_argument(
        "--badge", metavar="N", type=v.non_negative_integer, help="app badge number to set"
    )
    p.add_argument("--sound", metavar="NAME", help="sound to play")
    p.add_argument(
        "--payload", metavar="JSON|@FILE", type=v.json_object, help="custom data (a JSON object)"
    )
    _history(p)
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
    _content_state(p)
    _buttons(p)
    _alert(p)
    _targeting(p)
    _history(p)
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
    _content_state(p, dismiss=("minutes", "seconds"))
    _buttons(p)
    _alert(p)
    _history(p)
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
    _content_state(p)
    _buttons(p)
    _alert(p)
    _targeting(p)
    _history(p)
    p.epilog = (
        'example:\n  ID=$(activitysmith start --type progress --title "Import" --percentage 0)'
    )

    for name, summary, dismiss in (
        ("update", "update a Live Activity by id", ()),
        ("end", "end a Live Activity by id", ("minutes",)),
    ):
        p = _add_command(commands, name, parent, summary, summary[0].upper() + summary[1:] + ".")
        p.add_argument("--activity-id", required=True, metavar="ID", help="the id `start` printed")
        _content_state(p, dismiss=dismiss)
        _buttons(p)
        _history(p)


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
    p.add_argument(
        "--timestamp",
        metavar="ISO8601",
        help="when it was measured, e.g. 2026-01-31T12:00:00Z (default: now)",
    )


def _badge(commands: Any, parent: argparse.ArgumentParser) -> None:
    p = _add_command(
        commands,
        "badge",
        parent,
        "set the number on the ActivitySmith app icon",
        "Set the number on the ActivitySmith app icon; 0 clears it.",
    )
    p.add_argument("count", metavar="COUNT", type=v.non_negative_integer, help="0 clears it")
    _targeting(p)


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
    p.add_argument(
        "--port", type=v.non_negative_integer, default=0, help="port (default: any free port)"
    )
    p.add_argument(
        "--no-rate-limit", action="store_true", help="switch off the 60 requests/minute budget"
    )
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
    p.add_argument("--title", metavar="TEXT", help="title shown (default: the command line)")
    p.add_argument(
        "--push-on",
        choices=PUSH_ON,
        default="failure",
        help="also send a push notification when it ends (default: %(default)s)",
    )
    _targeting(p)
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
