"""`python -m activitysmith.demo`: the README's scenarios against an embedded local server.

No key, no network: it starts `activitysmith.testing.ActivitySmithServer` on 127.0.0.1,
drives it through the SDK exactly as the README does, and after each step prints what the
API answered and what the phone would now show. The server's Lock Screen preview draws the
same steps in a browser; `--preview` plays them slowly and keeps the server running
afterwards so the page can be watched. Needs the `testing` extra.
"""

from __future__ import annotations

import argparse
import sys
import textwrap
import threading
import time
import unicodedata
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from . import ActivitySmith, NoRecipientsError, action, content_state, metric

if TYPE_CHECKING:
    from ._generated.params import ContentStateParams
    from .testing import ActivitySmithServer

WIDTH = 60
BAR = 24


def _width(text: str) -> int:
    """Terminal columns: emoji and other wide characters take two."""
    return sum(
        2
        if unicodedata.east_asian_width(c) in "WF"
        else 0
        if unicodedata.combining(c) or c == "\ufe0f"
        else 1
        for c in text
    )


def _box(lines: list[str]) -> str:
    inner = WIDTH - 4
    wrapped = [part for line in lines for part in (textwrap.wrap(line, inner - 2) or [""])]
    top, bottom = "╭" + "─" * (WIDTH - 2) + "╮", "╰" + "─" * (WIDTH - 2) + "╯"
    body = [f"│ {line}{' ' * max(0, inner - _width(line))} │" for line in wrapped]
    return "\n".join([top, *body, bottom])


def _bar(fraction: float) -> str:
    filled = round(max(0.0, min(1.0, fraction)) * BAR)
    return "█" * filled + "░" * (BAR - filled)


def render_notification(payload: Mapping[str, Any]) -> str:
    """A notification as the Lock Screen shows it."""
    lines = [f"🔔 {payload['title']}"]
    lines += [str(payload[k]) for k in ("subtitle", "message") if k in payload]
    if "media" in payload:
        lines.append(f"🖼  {payload['media']}")
    for button in payload.get("actions", []):
        kind = "↗" if button["type"] == "open_url" else "⚡"
        lines.append(f"[{kind} {button['title']}]")
    if "redirection" in payload:
        lines.append(f"tap → {payload['redirection']}")
    return _box(lines)


def _state_lines(state: Mapping[str, Any], kind: str) -> list[str]:
    lines = [str(state.get("title", ""))]
    if state.get("subtitle"):
        lines.append(str(state["subtitle"]))
    if kind == "progress":
        if "percentage" in state:
            fraction = float(state["percentage"]) / 100
        elif "value" in state and state.get("upper_limit"):
            fraction = float(state["value"]) / float(state["upper_limit"])
        else:
            fraction = 0.0
        lines.append(f"{_bar(fraction)} {fraction:.0%}")
    elif kind == "segmented_progress":
        steps, done = int(state.get("number_of_steps", 1)), int(state.get("current_step", 0))
        lines.append(" ".join("■" if i < done else "□" for i in range(steps)) + f"  {done}/{steps}")
    elif kind in ("metrics", "stats"):
        lines.append(
            "   ".join(
                f"{m['label']} {m['value']}{m.get('unit', '')}" for m in state.get("metrics", [])
            )
        )
    elif kind == "alert":
        lines.append(f"⚠️  {state.get('message', '')}")
    elif kind == "timer":
        mode = "counting up" if state.get("counts_down") is False else "counting down"
        paused = " (paused)" if state.get("is_running") is False else ""
        lines.append(f"⏱  {mode}{paused}")
    elif kind == "value":
        lines.append(f"  {state.get('value', '')}")
    return lines


def render_activity(server: ActivitySmithServer, activity_id: str) -> str:
    """A Live Activity as the Lock Screen shows it (ended ones are marked)."""
    activity = server.activity(activity_id)
    lines = _state_lines(activity.state, activity.type)
    if activity.action:
        lines.append(f"[{activity.action['title']}]")
    if activity.ended:
        lines.append("(ended: dismissed soon)")
    return _box(lines)


class Demo:
    """Runs the steps and prints each outcome."""

    def __init__(
        self, client: ActivitySmith, server: ActivitySmithServer, pace: float = 0.0
    ) -> None:
        self.client, self.server, self.step, self.pace = client, server, 0, pace

    def header(self, title: str) -> None:
        if self.step and self.pace:
            time.sleep(self.pace)  # time to watch the previous step on the preview
        self.step += 1
        print(f"\n── {self.step}. {title} " + "─" * max(0, WIDTH - len(title) - 6))

    def answered(self, result: Any) -> None:
        request = self.server.requests[-1]
        fields = ", ".join(
            f"{key}={value!r}"
            for key, value in result.to_dict().items()
            if key not in ("timestamp", "success")
        )
        print(f"API: {request.method} {request.path} → {result.http_status} {fields}")

    def phone_notification(self) -> None:
        print("Phone:")
        print(render_notification(self.server.notifications[-1].payload))

    def phone_activity(self, activity_id: str) -> None:
        print("Phone:")
        print(render_activity(self.server, activity_id))


def _stream(demo: Demo, key: str, title: str, state: ContentStateParams) -> str:
    demo.header(title)
    result = demo.client.live_activities.stream(key, content_state=state)
    demo.answered(result)
    assert isinstance(result.activity_id, str)
    demo.phone_activity(result.activity_id)
    return result.activity_id


def run(client: ActivitySmith, server: ActivitySmithServer, pace: float = 0.0) -> None:
    """Every scenario of the README, step by step (`pace` seconds apart)."""
    demo = Demo(client, server, pace)
    notifications = client.notifications
    streams = client.live_activities

    demo.header("Push notification")
    demo.answered(
        notifications.send(title="New subscription 💸", message="Customer upgraded to Pro plan")
    )
    demo.phone_notification()

    demo.header("Rich push with media")
    demo.answered(
        notifications.send(
            title="Homepage ready",
            message="Your agent finished the redesign.",
            media="https://cdn.example.com/output/homepage-v2.png",
            redirection="https://github.com/acme/web/pull/482",
        )
    )
    demo.phone_notification()

    demo.header("Actionable push, to two channels")
    demo.answered(
        notifications.send(
            title="New subscription 💸",
            message="Customer upgraded to Pro plan",
            channels=["sales", "customer-success"],
            actions=[
                action("Open CRM Profile", "https://crm.example.com/customers/cus_9f3a1d"),
                action(
                    "Start Onboarding Workflow",
                    "https://hooks.example.com/activitysmith/onboarding/start",
                    type="webhook",
                    body={"customer_id": "cus_9f3a1d", "plan": "pro"},
                ),
            ],
        )
    )
    demo.phone_notification()

    server_health = content_state(
        "Server Health",
        subtitle="prod-web-1",
        type="metrics",
        metrics=[metric("CPU", 9, unit="%"), metric("MEM", 45, unit="%")],
    )
    activity_id = _stream(
        demo, "prod-web-1", "Stream: metrics (first call starts it)", server_health
    )
    demo.header("Stream: the same state again")
    demo.answered(streams.stream("prod-web-1", content_state=server_health))
    demo.header("Stream: new readings")
    busy: ContentStateParams = {
        **server_health,
        "metrics": [metric("CPU", 76, unit="%"), metric("MEM", 52, unit="%")],
    }
    demo.answered(streams.stream("prod-web-1", content_state=busy))
    demo.phone_activity(activity_id)
    demo.header("end_stream with a final state")
    calm: ContentStateParams = {
        **server_health,
        "metrics": [metric("CPU", 7, unit="%"), metric("MEM", 38, unit="%")],
    }
    demo.answered(streams.end_stream("prod-web-1", content_state=calm))
    demo.phone_activity(activity_id)

    showcase = [
        ("nightly-backup", "segmented_progress", content_state(
            "Nightly Backup", subtitle="upload archive", type="segmented_progress",
            number_of_steps=3, current_step=2)),
        ("search-reindex", "progress", content_state(
            "Search Reindex", subtitle="catalog-v2", type="progress", percentage=42)),
        ("deploy-api", "timer", content_state("Deploying api", type="timer", counts_down=False)),
        ("disk-db-2", "alert", content_state(
            "db-2 disk almost full", type="alert", message="91% used on /var/lib/postgresql")),
        ("mrr", "value", content_state("MRR", type="value", value="$48,210")),
        ("ci-stats", "stats", content_state(
            "CI today", type="stats", metrics=[metric("passed", 182), metric("failed", 3)])),
    ]  # fmt: skip
    for key, kind, state in showcase:
        _stream(demo, key, f"Stream: {kind}", state)
        streams.end_stream(key)  # each one shown, then ended: the Lock Screen stays tidy

    demo.header("Full lifecycle: start")
    start = streams.start(
        content_state=content_state(
            "EV Charging", subtitle="Added 30 mi range", type="progress", percentage=15
        )
    )
    demo.answered(start)
    demo.phone_activity(start.activity_id)
    demo.header("Full lifecycle: update")
    demo.answered(
        streams.update(
            activity_id=start.activity_id,
            content_state={
                "title": "EV Charging",
                "subtitle": "Added 120 mi range",
                "percentage": 60,
            },
        )
    )
    demo.phone_activity(start.activity_id)
    demo.header("Full lifecycle: end")
    demo.answered(
        streams.end(
            activity_id=start.activity_id,
            content_state={
                "title": "EV Charging",
                "subtitle": "Added 200 mi range",
                "percentage": 100,
                "auto_dismiss_minutes": 2,
            },
        )
    )
    demo.phone_activity(start.activity_id)

    demo.header("Lock Screen widget metrics")
    demo.answered(client.metrics.update("deploy.success_rate", 99.9))
    demo.answered(client.metrics.update("prod.status", "healthy"))
    print("Phone:")
    print(
        _box(
            [
                f"{key}: {m.value}"
                for key, m in sorted(server.metrics.items())
                if m.value is not None
            ]
        )
    )

    demo.header("App icon badge")
    demo.answered(client.badge_count(3))
    print(f"Phone: the ActivitySmith icon shows ({server.badge})")

    demo.header("A handled error: a channel nobody is subscribed to")
    try:
        notifications.send(title="Payout failed", channels=["finance-oncall"])
    except NoRecipientsError as err:
        print(f"Caught {type(err).__name__}: {err.status_code} {err.message}")
        print("Phone: nothing new (no device matched)")

    print(f"\nDone: {len(server.requests)} requests, all validated against openapi.yaml.")


def _arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m activitysmith.demo",
        description="The README's examples against an embedded local ActivitySmith server.",
    )
    parser.add_argument(
        "--preview",
        action="store_true",
        help="play the steps slowly and keep the server (and its Lock Screen preview) running "
        "until Ctrl-C",
    )
    parser.add_argument("--port", type=int, default=0, help="port (default: any free port)")
    parser.add_argument(
        "--pace",
        type=float,
        default=None,
        help="seconds between steps (default: 0, or 1.5 with --preview)",
    )
    parser.add_argument(
        "--wait-for-page",
        type=float,
        default=20.0,
        metavar="SECONDS",
        help="with --preview: wait this long for a browser to open the page (default: 20)",
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Start the embedded server, run the demo, stop the server (or serve on, with --preview)."""
    args = _arguments(argv)
    try:
        from .testing import ActivitySmithServer
        from .testing._foreground import stopped_by_sigterm, wait_for
    except ImportError as exc:  # pragma: no cover - the testing extra is missing
        print(f"The demo needs the testing extra: pip install 'activitysmith[testing]' ({exc})")
        return 1
    pace = args.pace if args.pace is not None else (1.5 if args.preview else 0.0)
    with ActivitySmithServer(port=args.port) as server:
        print(f"Local ActivitySmith API at {server.base_url} (no key or network needed)")
        if args.preview:
            print(f"Lock Screen preview: {server.preview_url}  (open it in a browser)", flush=True)
            if not server.wait_for_preview(args.wait_for_page):
                print("No browser opened the preview yet: starting anyway.")
        else:
            print(
                f"Lock Screen preview: {server.preview_url}  (live while the demo runs; "
                "`make demo PREVIEW=1` keeps it open)"
            )
        with ActivitySmith(api_key=server.api_key, base_url=server.base_url) as client:
            run(client, server, pace)
        if args.preview:
            print(f"\nThe preview stays at {server.preview_url}; press Ctrl-C to stop.", flush=True)
            stop = threading.Event()
            with stopped_by_sigterm(stop):
                wait_for(stop)
    return 0


if __name__ == "__main__":
    sys.exit(main())
