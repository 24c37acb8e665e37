"""The README's examples through the official `activitysmith` package (run by its own interpreter).

Usage: python official_examples.py BASE_URL API_KEY [error_rate_limited]. Prints one JSON line per answer: the
example's name, the class the official package parsed it into (for an error: the class of the
parsed body, the oneOf branch inside it when there is one), its fields, or the exception that
parsing raised. Only the standard library and the official package are imported.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import Any

import activitysmith

SERVER = {
    "title": "Server Health",
    "subtitle": "prod-web-1",
    "type": "metrics",
    "metrics": [
        {"label": "CPU", "value": 9, "unit": "%"},
        {"label": "MEM", "value": 45, "unit": "%"},
    ],
}
ALONE = ("error_rate_limited", "error_live_activity_limit")
PUSH = {"title": "New subscription 💸", "message": "Customer upgraded to Pro plan"}


def _fields(model: Any) -> Any:
    inner = getattr(model, "actual_instance", None)
    target = inner if inner is not None else model
    return type(target).__name__, target.to_dict() if hasattr(target, "to_dict") else target


def _examples(client: Any) -> list[tuple[str, Callable[[], Any]]]:
    live = client.live_activities
    ids: dict[str, str] = {}

    def start(name: str, request: dict[str, Any]) -> Callable[[], Any]:
        def call() -> Any:
            result = live.start(request)
            ids[name] = result.activity_id
            return result

        return call

    def update(name: str, request: dict[str, Any]) -> Callable[[], Any]:
        return lambda: live.update({"activity_id": ids[name], **request})

    def end(name: str, request: dict[str, Any]) -> Callable[[], Any]:
        return lambda: live.end({"activity_id": ids[name], **request})

    backup = {"title": "Nightly database backup", "number_of_steps": 3}
    return [
        ("push", lambda: client.notifications.send(PUSH)),
        (
            "push_media",
            lambda: client.notifications.send(
                {
                    "title": "Homepage ready",
                    "message": "Your agent finished the redesign.",
                    "media": "https://cdn.example.com/output/homepage-v2.png",
                    "redirection": "https://github.com/acme/web/pull/482",
                }
            ),
        ),
        (
            "push_actions",
            lambda: client.notifications.send(
                {
                    **PUSH,
                    "redirection": "https://crm.example.com/customers/cus_9f3a1d",
                    "actions": [
                        {
                            "title": "Open CRM Profile",
                            "type": "open_url",
                            "url": "https://crm.example.com/customers/cus_9f3a1d",
                        },
                        {
                            "title": "Start Onboarding Workflow",
                            "type": "webhook",
                            "url": "https://hooks.example.com/activitysmith/onboarding/start",
                            "method": "POST",
                            "body": {"customer_id": "cus_9f3a1d", "plan": "pro"},
                        },
                    ],
                }
            ),
        ),
        ("push_channels", lambda: client.notifications.send({**PUSH, "channels": ["sales"]})),
        ("stream_metrics", lambda: live.stream("prod-web-1", {"content_state": SERVER})),
        (
            "stream_segmented",
            lambda: live.stream(
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
            ),
        ),
        (
            "stream_progress",
            lambda: live.stream(
                "search-reindex",
                {
                    "content_state": {
                        "title": "Search Reindex",
                        "subtitle": "catalog-v2",
                        "type": "progress",
                        "percentage": 42,
                    }
                },
            ),
        ),
        ("stream_end", lambda: live.end_stream("prod-web-1", {"content_state": SERVER})),
        ("start_metrics", start("metrics", {"content_state": SERVER})),
        ("update_metrics", update("metrics", {"content_state": SERVER})),
        (
            "end_metrics",
            end("metrics", {"content_state": {**SERVER, "auto_dismiss_minutes": 2}}),
        ),
        (
            "start_segmented",
            start(
                "backup",
                {
                    "content_state": {
                        **backup,
                        "subtitle": "create snapshot",
                        "current_step": 1,
                        "type": "segmented_progress",
                        "color": "yellow",
                    }
                },
            ),
        ),
        (
            "update_segmented",
            update("backup", {"content_state": {**backup, "current_step": 2}}),
        ),
        (
            "end_segmented",
            end(
                "backup",
                {"content_state": {**backup, "current_step": 3, "auto_dismiss_minutes": 2}},
            ),
        ),
        (
            "start_progress",
            start(
                "charging",
                {"content_state": {"title": "EV Charging", "type": "progress", "percentage": 15}},
            ),
        ),
        (
            "update_progress",
            update("charging", {"content_state": {"title": "EV Charging", "percentage": 60}}),
        ),
        (
            "end_progress",
            end("charging", {"content_state": {"title": "EV Charging", "percentage": 100}}),
        ),
        (
            "start_action",
            start(
                "dashboard",
                {
                    "content_state": SERVER,
                    "action": {
                        "title": "Open Dashboard",
                        "type": "open_url",
                        "url": "https://ops.example.com/servers/prod-web-1",
                    },
                },
            ),
        ),
        (
            "update_webhook_action",
            update(
                "dashboard",
                {
                    "content_state": SERVER,
                    "action": {
                        "title": "Pause Reindex",
                        "type": "webhook",
                        "url": "https://ops.example.com/hooks/search/reindex/pause",
                        "method": "POST",
                        "body": {"job_id": "reindex-2026-03-19"},
                    },
                },
            ),
        ),
        ("metric_number", lambda: client.metrics.update("deploy.success_rate", 99.9)),
        ("metric_string", lambda: client.metrics.update("prod.status", "healthy")),
        ("badge", lambda: client.badge_count(3)),
        ("badge_channels", lambda: client.badge_count(0, channels=["sales"])),
        (
            "error_no_recipients",
            lambda: client.notifications.send({**PUSH, "channels": ["nobody"]}),
        ),
        # Each run alone: against a server whose push budget is one request, and one that
        # answers 429 at the device limit instead of ending the oldest activity.
        ("error_rate_limited", lambda: [client.notifications.send(PUSH) for _ in range(2)]),
        (
            "error_live_activity_limit",
            lambda: [live.start({"content_state": SERVER}) for _ in range(20)],
        ),
    ]


def main() -> None:
    base_url, key, *only = sys.argv[1:]
    client = activitysmith.ActivitySmith(api_key=key)
    # Every resource shares one generated ApiClient, hence one configuration.
    client.notifications._api.api_client.configuration.host = base_url
    for name, call in _examples(client):
        if (name not in only) if only else (name in ALONE):
            continue
        line: dict[str, Any] = {"name": name}
        try:
            line["parsed"], line["fields"] = _fields(call())
        except Exception as exc:  # reported to the test, which judges it
            data = getattr(exc, "data", None)
            line["status"] = getattr(exc, "status", None)
            if data is not None:
                line["parsed"], line["fields"] = _fields(data)
            else:
                line["raised"] = f"{type(exc).__name__}: {exc}"[:2000]
        print(json.dumps(line, default=str), flush=True)


if __name__ == "__main__":
    main()
