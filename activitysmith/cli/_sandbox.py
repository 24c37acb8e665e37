"""`activitysmith sandbox`: the local ActivitySmith API of `activitysmith.testing`, in the foreground."""

from __future__ import annotations

import argparse
import io
import sys
from typing import Any

from ._output import EXIT_NETWORK, EXIT_OK, EXIT_USAGE, print_json
from ._parser import PROG

__all__ = ["sandbox"]


def sandbox(ns: argparse.Namespace, *, as_json: bool) -> int:
    """Serve until Ctrl-C or SIGTERM; prints the base URL, the key and the Lock Screen preview's
    URL (as JSON with --json)."""
    from activitysmith.testing import MissingTestingExtra, RateLimits, serve

    options: dict[str, Any] = {
        "host": ns.host,
        "port": ns.port,
        "rate_limit": None if ns.no_rate_limit else RateLimits(),
        "auto_create_metrics": ns.auto_create_metrics,
    }
    # Only an explicit --api-key: a real key from the environment must never be echoed.
    if getattr(ns, "api_key", None):
        options["api_key"] = ns.api_key
    if as_json:
        options["out"] = io.StringIO()
        options["ready"] = lambda server: print_json(
            {
                "base_url": server.base_url,
                "api_key": server.api_key,
                "preview_url": server.preview_url,
            }
        )
    try:
        serve(**options)
    except MissingTestingExtra as exc:
        sys.stderr.write(f"{PROG}: error: {exc}\n")
        return EXIT_USAGE
    except OSError as exc:
        sys.stderr.write(f"{PROG}: error: cannot listen on {ns.host}:{ns.port}: {exc}\n")
        return EXIT_NETWORK
    return EXIT_OK
