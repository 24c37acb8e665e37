"""The README's examples, one function each, as the preview's browser tests and `make screenshots`
send them through the SDK (the README walk in `test_preview_readme.py` runs the blocks
themselves)."""

from __future__ import annotations

from typing import Any

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

SERVER_HEALTH: dict[str, Any] = {
    "title": "Server Health",
    "subtitle": "prod-web-1",
    "type": "metrics",
    "metrics": [
        {"label": "CPU", "value": 9, "unit": "%"},
        {"label": "MEM", "value": 45, "unit": "%"},
    ],
}


def push(client: ActivitySmith) -> Any:
    return client.notifications.send(
        {"title": "New subscription 💸", "message": "Customer upgraded to Pro plan"}
    )


def rich_push(client: ActivitySmith) -> Any:
    return client.notifications.send(
        {
            "title": "Homepage ready",
            "message": "Your agent finished the redesign.",
            "media": "https://cdn.example.com/output/homepage-v2.png",
            "redirection": "https://github.com/acme/web/pull/482",
        }
    )


def actionable_push(client: ActivitySmith) -> Any:
    return client.notifications.send(
        {
            "title": "New subscription 💸",
            "message": "Customer upgraded to Pro plan",
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
    )


def time_sensitive_push(client: ActivitySmith) -> Any:
    return client.notifications.send(
        title="Disk 91% full on db-2",
        actions=[
            action("Open Grafana", "https://grafana.example.com/d/disk"),
            action("Rotate logs", "https://ops.example.com/hooks/rotate", type="webhook"),
        ],
        interruption_level="time-sensitive",
    )


def metrics_stream(client: ActivitySmith) -> Any:
    return client.live_activities.stream("prod-web-1", {"content_state": SERVER_HEALTH})


def segmented_stream(client: ActivitySmith) -> Any:
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


def progress_stream(client: ActivitySmith) -> Any:
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


def timer_stream(client: ActivitySmith) -> Any:
    return client.live_activities.stream(
        "deploy-api",
        content_state=content_state(
            "Deploying api", type=LiveActivityType.TIMER, counts_down=False, color=Color.CYAN
        ),
    )


def alert_stream(client: ActivitySmith) -> Any:
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


def value_stream(client: ActivitySmith) -> Any:
    return client.live_activities.stream(
        "mrr", content_state=content_state("MRR", type="value", value="$48,210", color="green")
    )


def stats_stream(client: ActivitySmith) -> Any:
    return client.live_activities.stream(
        "ci-stats",
        content_state=content_state(
            "CI today",
            type="stats",
            metrics=[metric("passed", 182, color="green"), metric("failed", 3, color="red")],
        ),
    )


def notification_stack(client: ActivitySmith) -> Any:
    push(client)
    rich_push(client)
    return time_sensitive_push(client)
