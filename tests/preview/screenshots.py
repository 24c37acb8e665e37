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

from activitysmith import (
    ActivitySmith,
    Color,
    LiveActivityType,
    action,
    alert_badge,
    alert_icon,
    content_state,
    metric,
)
from activitysmith.testing import ActivitySmithServer

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


def _metrics(client: ActivitySmith) -> object:
    return client.live_activities.stream(
        "prod-web-1",
        {
            "content_state": {
                "title": "Server Health",
                "subtitle": "prod-web-1",
                "type": "metrics",
                "metrics": [
                    {"label": "CPU", "value": 9, "unit": "%"},
                    {"label": "MEM", "value": 45, "unit": "%"},
                ],
            }
        },
    )


def _segmented(client: ActivitySmith) -> object:
    return client.live_activities.stream(
        "nightly-backup",
        {
            "content_state": {
                "title": "Nightly Backup",
                "subtitle": "upload archive",
                "type": "segmented_progress",
                "number_of_steps": 3,
                "current_step": 2,
            }
        },
    )


def _progress(client: ActivitySmith) -> object:
    return client.live_activities.stream(
        "search-reindex",
        {
            "content_state": {
                "title": "Search Reindex",
                "subtitle": "catalog-v2",
                "type": "progress",
                "percentage": 42,
            }
        },
    )


def _timer(client: ActivitySmith) -> object:
    return client.live_activities.stream(
        "deploy-api",
        content_state=content_state(
            "Deploying api", type=LiveActivityType.TIMER, counts_down=False, color=Color.CYAN
        ),
    )


def _alert(client: ActivitySmith) -> object:
    return client.live_activities.stream(
        "disk-db-2",
        content_state=content_state(
            "db-2 disk almost full",
            type="alert",
            message="91% used on /var/lib/postgresql",
            icon=alert_icon("externaldrive.fill.badge.exclamationmark", color="red"),
            badge=alert_badge("SEV-2", color="red"),
        ),
        action=action("Open runbook", "https://ops.example.com/runbooks/disk"),
    )


def _value(client: ActivitySmith) -> object:
    return client.live_activities.stream(
        "mrr", content_state=content_state("MRR", type="value", value="$48,210", color="green")
    )


def _stats(client: ActivitySmith) -> object:
    return client.live_activities.stream(
        "ci-stats",
        content_state=content_state(
            "CI today",
            type="stats",
            metrics=[metric("passed", 182, color="green"), metric("failed", 3, color="red")],
        ),
    )


def _notifications(client: ActivitySmith) -> object:
    client.notifications.send(
        {"title": "New subscription 💸", "message": "Customer upgraded to Pro plan"}
    )
    client.notifications.send(
        {
            "title": "Homepage ready",
            "message": "Your agent finished the redesign.",
            "media": "https://cdn.example.com/output/homepage-v2.png",
            "redirection": "https://github.com/acme/web/pull/482",
        }
    )
    return client.notifications.send(
        title="Disk 91% full on db-2",
        actions=[
            action("Open Grafana", "https://grafana.example.com/d/disk"),
            action("Rotate logs", "https://ops.example.com/hooks/rotate", type="webhook"),
        ],
        interruption_level="time-sensitive",
    )


SHOTS = (
    Shot("preview-metrics", "#activities [data-type=metrics]", _metrics),
    Shot("preview-segmented-progress", "#activities [data-type=segmented_progress]", _segmented),
    Shot("preview-progress", "#activities [data-type=progress]", _progress),
    Shot("preview-timer", "#activities [data-type=timer]", _timer),
    Shot("preview-alert", "#activities [data-type=alert]", _alert),
    Shot("preview-value", "#activities [data-type=value]", _value),
    Shot("preview-stats", "#activities [data-type=stats]", _stats),
    Shot(
        "preview-notifications",
        "#notifications",
        _notifications,
        press="#notifications [data-kind=notification] >> nth=0",  # the long-press view
    ),
    Shot("preview-dynamic-island", ".island-forms", _progress),
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
