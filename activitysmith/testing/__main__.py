"""`python -m activitysmith.testing`: run the local ActivitySmith API in the foreground."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any

from ._activitysmith_server import DEFAULT_API_KEY
from ._foreground import serve
from ._live_activities import LIVE_ACTIVITY_LIMIT, WHEN_LIMIT_REACHED
from ._models import Device
from ._ratelimit import RateLimits
from ._validation import MissingTestingExtra


def channel_list(text: str) -> list[str]:
    """`ops,devs` -> `["ops", "devs"]`."""
    channels = [part.strip() for part in text.split(",") if part.strip()]
    if not channels:
        raise argparse.ArgumentTypeError("give at least one channel slug")
    return channels


def device(text: str) -> Device:
    """`alice:ops,ios-builds` -> Alice's device on those channels (`alice:` for none)."""
    user, colon, channels = text.partition(":")
    if not colon or not user.strip():
        raise argparse.ArgumentTypeError(f"expected USER:CHANNEL,..., got {text!r}")
    slugs = [part.strip() for part in channels.split(",") if part.strip()]
    name = f"{user.strip()}'s device ({', '.join(slugs) or 'no channels'})"
    return Device(name, user=user.strip(), channels=slugs)


def _port(text: str) -> int:
    """0 (any free port) to 65535."""
    if not text.isdigit() or not 0 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"expected a port from 0 to 65535, got {text[:20]!r}")
    return int(text)


def _api_key(text: str) -> str:
    """A key a client can send: visible ASCII, no spaces."""
    if not text or not all("!" <= char <= "~" for char in text):
        raise argparse.ArgumentTypeError(
            "expected a non-empty key of visible ASCII characters without spaces"
        )
    return text


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the command line and serve until Ctrl-C or SIGTERM."""
    parser = argparse.ArgumentParser(
        prog="python -m activitysmith.testing",
        description="Run a local ActivitySmith API (validates against the SDK's OpenAPI spec); "
        "its root URL is a live Lock Screen preview of what it received.",
    )
    parser.add_argument(
        "--host", default="127.0.0.1", help="interface to bind (default: %(default)s)"
    )
    parser.add_argument("--port", type=_port, default=0, help="port (default: 0, any free port)")
    parser.add_argument(
        "--api-key",
        type=_api_key,
        default=DEFAULT_API_KEY,
        help="accepted API key (default: %(default)s)",
    )
    parser.add_argument(
        "--no-rate-limit", action="store_true", help="switch off the request budgets"
    )
    parser.add_argument(
        "--auto-create-metrics",
        action="store_true",
        help="accept any metric key instead of answering 404 for unknown ones",
    )
    parser.add_argument(
        "--no-preview", action="store_true", help="do not serve the Lock Screen preview at /"
    )
    parser.add_argument(
        "--device",
        action="append",
        type=device,
        metavar="USER:CHANNEL,...",
        help="a paired device of USER on these channels (repeat for more); replaces the "
        "default devices",
    )
    parser.add_argument(
        "--key-channels",
        type=channel_list,
        metavar="CHANNEL,...",
        help="scope the API key to these channels (default: all recipients)",
    )
    parser.add_argument(
        "--live-activity-limit",
        type=int,
        default=LIVE_ACTIVITY_LIMIT,
        metavar="N",
        help="concurrent Live Activities per device (default: %(default)s)",
    )
    parser.add_argument(
        "--when-limit-reached",
        choices=WHEN_LIMIT_REACHED,
        default="end_oldest",
        help="end the device's oldest activity, or answer 429 (default: %(default)s)",
    )
    args = parser.parse_args(argv)
    recipients: dict[str, Any] = {}
    if args.device:
        recipients["devices"] = args.device
    try:
        serve(
            host=args.host,
            port=args.port,
            api_key=args.api_key,
            rate_limit=None if args.no_rate_limit else RateLimits(),
            auto_create_metrics=args.auto_create_metrics,
            preview=not args.no_preview,
            key_channels=args.key_channels,
            live_activity_limit=args.live_activity_limit,
            when_limit_reached=args.when_limit_reached,
            **recipients,
        )
    except ValueError as exc:  # an option the server refuses (a limit below 1)
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except MissingTestingExtra as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"error: cannot listen on {args.host}:{args.port}: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
