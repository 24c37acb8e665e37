"""Debian's Chromium under Playwright for Python, as the preview's browser tests and screenshots use it.

Never Playwright's own browser download: `executable_path` points at the system Chromium,
which `scripts/install-chromium.sh` installs (the Makefile runs it when it is missing).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext

CHROMIUM = Path(os.environ.get("ACTIVITYSMITH_CHROMIUM", "/usr/bin/chromium"))

# This machine's network is closed: without these, Chromium keeps trying Google's services.
FLAGS = (
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-features=Translate,MediaRouter,OptimizationHints",
)


class BrowserMissing(RuntimeError):
    """Chromium or Playwright is not installed; the message says how to install it."""


def require_browser() -> None:
    """Raise `BrowserMissing` with the fix when the browser tests cannot run here."""
    if not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)):
        raise BrowserMissing(
            f"Chromium is not installed at {CHROMIUM}: the Lock Screen preview's browser tests "
            "need it. Install it with `scripts/install-chromium.sh` (as root; `make check` runs "
            "it when the browser is missing) or `apt-get install chromium`."
        )
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError as exc:
        raise BrowserMissing(
            "Playwright for Python is not installed: run `make install` (it is pinned in the "
            f"dev extra). ({exc})"
        ) from exc


@contextmanager
def chromium_context(**options: object) -> Iterator[BrowserContext]:
    """One headless Chromium with a fresh profile in a temporary folder, closed afterwards.

    Chromium's sandbox stays on unless this runs as root, where it cannot start with it.
    """
    require_browser()
    from playwright.sync_api import sync_playwright

    profile = tempfile.mkdtemp(prefix="activitysmith-chromium-")
    try:
        with sync_playwright() as playwright:
            context = playwright.chromium.launch_persistent_context(
                profile,
                executable_path=str(CHROMIUM),
                headless=True,
                chromium_sandbox=os.geteuid() != 0,
                args=list(FLAGS),
                **options,  # type: ignore[arg-type]
            )
            try:
                yield context
            finally:
                context.close()
    finally:
        shutil.rmtree(profile, ignore_errors=True)
