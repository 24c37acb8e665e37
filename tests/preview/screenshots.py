"""`make screenshots`: the README's examples as the Lock Screen preview draws them, in PNG files.

    python -m tests.preview.screenshots docs

Each picture is one README example sent through the SDK to a local server and photographed
from the preview page in headless Chromium (Debian's, see `chromium.py`), cut to the item
with a margin of wallpaper around it.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from activitysmith import ActivitySmith
from activitysmith.testing import ActivitySmithServer

from . import examples
from .chromium import chromium_context

if TYPE_CHECKING:
    from playwright.sync_api import Page

MARGIN = 10
"""CSS pixels of wallpaper around each item."""

SCALE = 1.5
"""Device pixels per CSS pixel: sharp on high-density screens, small in the repository."""


@dataclass(frozen=True)
class Shot:
    """One picture: what to send, what to photograph, and what to press first."""

    name: str
    selector: str
    send: Callable[[ActivitySmith], object]
    press: str | None = None


SHOTS = (
    Shot("preview-metrics", "#activities [data-type=metrics]", examples.metrics_stream),
    Shot(
        "preview-segmented-progress",
        "#activities [data-type=segmented_progress]",
        examples.segmented_stream,
    ),
    Shot("preview-progress", "#activities [data-type=progress]", examples.progress_stream),
    Shot("preview-timer", "#activities [data-type=timer]", examples.timer_stream),
    Shot("preview-alert", "#activities [data-type=alert]", examples.alert_stream),
    Shot("preview-value", "#activities [data-type=value]", examples.value_stream),
    Shot("preview-stats", "#activities [data-type=stats]", examples.stats_stream),
    Shot(
        "preview-notifications",
        "#notifications",
        examples.notification_stack,
        press="#notifications [data-kind=notification] >> nth=0",  # the long-press view
    ),
    Shot("preview-dynamic-island", ".island-forms", examples.progress_stream),
)


def _photograph(page: Page, selector: str, path: Path) -> None:
    box = page.locator(selector).bounding_box()
    assert box is not None, selector
    page.screenshot(
        path=str(path),
        clip={
            "x": box["x"] - MARGIN,
            "y": box["y"] - MARGIN,
            "width": box["width"] + 2 * MARGIN,
            "height": box["height"] + 2 * MARGIN,
        },
    )


def render(folder: Path) -> list[Path]:
    """Write every picture into `folder`; returns the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with (
        ActivitySmithServer(rate_limit=None) as server,
        ActivitySmith(api_key=server.api_key, base_url=server.base_url) as client,
        chromium_context(
            viewport={"width": 1100, "height": 1000},
            device_scale_factor=SCALE,
            color_scheme="dark",
        ) as context,
    ):
        page = context.pages[0] if context.pages else context.new_page()
        page.goto(server.preview_url)
        page.wait_for_selector("#connection[data-state=live]")
        # The flashlight and camera buttons float over the stack; they are not the subject.
        page.evaluate(
            "() => { document.querySelector('.lock-footer').style.visibility = 'hidden'; }"
        )
        for shot in SHOTS:
            server.reset()
            page.wait_for_function("() => document.querySelectorAll('#log-list li').length === 0")
            shot.send(client)
            page.wait_for_function(
                "n => document.querySelectorAll('#log-list li').length === n",
                arg=len(server.requests),
            )
            if shot.press is not None:
                page.locator(shot.press).click()
            page.locator(shot.selector).wait_for()
            page.wait_for_timeout(300)  # the bar's width transition
            path = folder / f"{shot.name}.png"
            _photograph(page, shot.selector, path)
            written.append(path)
    return written


def main(argv: list[str]) -> int:
    folder = Path(argv[1] if len(argv) > 1 else "docs")
    for path in render(folder):
        print(f"{path} ({path.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
