"""`python -m activitysmith.testing`: run the local ActivitySmith API in the foreground."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from ._activitysmith_server import DEFAULT_API_KEY
from ._foreground import serve
from ._ratelimit import RateLimits
from ._validation import MissingTestingExtra


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
    args = parser.parse_args(argv)
    try:
        serve(
            host=args.host,
            port=args.port,
            api_key=args.api_key,
            rate_limit=None if args.no_rate_limit else RateLimits(),
            auto_create_metrics=args.auto_create_metrics,
            preview=not args.no_preview,
        )
    except MissingTestingExtra as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"error: cannot listen on {args.host}:{args.port}: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
