"""Managed Live Activity streams, written the way code for the official package is.

Many streams are opened and not ended: past the per-device limit the service ends the
oldest one, so this keeps working.
"""

import os

from activitysmith import (
    ActivitySmith,
    LiveActivityColor,
    action,
    alert_badge,
    alert_icon,
    content_state,
    metric,
)

activitysmith = ActivitySmith(os.environ["ACTIVITYSMITH_API_KEY"])
live_activities = activitysmith.live_activities

# One stream per Live Activity type, with the helpers.
live_activities.stream(
    "mrr-today",
    content_state=content_state(
        title="MRR",
        type="value",
        value="$48,210",
        color="green",
        icon=alert_icon("chart.line.uptrend.xyaxis", color="green"),
        badge=alert_badge("+4%", color="lime"),
    ),
)
live_activities.stream(
    "checkout-funnel",
    content_state=content_state(
        title="Checkout",
        subtitle="last 15 minutes",
        type="stats",
        metrics=[
            metric(label="Visits", value="1,204", color="blue"),
            metric(label="Carts", value="311", color="cyan"),
            metric(label="Orders", value="96", color="green"),
        ],
    ),
)
live_activities.stream(
    "on-call",
    content_state=content_state(
        title="Paged",
        message="search-api p99 above 900 ms",
        type="alert",
        icon=alert_icon("exclamationmark.triangle", color="orange"),
        badge=alert_badge("SEV-2", color="red"),
    ),
)
status = live_activities.stream(
    "db-replica-2",
    content_state=content_state(
        title="Replica Health",
        subtitle="db-replica-2",
        type="metrics",
        metrics=[metric(label="LAG", value=3, unit="s"), metric(label="CPU", value=61, unit="%")],
    ),
)
print("metrics stream", status.operation)
live_activities.stream(
    "weekly-export",
    content_state=content_state(
        title="Weekly Export",
        subtitle="compress",
        type="segmented_progress",
        number_of_steps=4,
        current_step=2,
    ),
)
live_activities.stream(
    "video-transcode",
    content_state=content_state(
        title="Transcode", subtitle="4K master", type="progress", percentage=37
    ),
)
live_activities.stream(
    "load-test",
    content_state=content_state(
        title="Load Test", type="timer", duration_seconds=900, color="cyan"
    ),
)
live_activities.stream(
    "incident-clock",
    content_state=content_state(title="Incident open", type="timer", counts_down=False),
)

# The type constants and the helpers on the resource.
live_activities.stream(
    "db-replica-2",
    content_state=content_state(
        title="Replica Health",
        subtitle="db-replica-2",
        type=activitysmith.live_activities.TYPE_METRICS,
        icon=activitysmith.live_activities.alert_icon("server.rack", color="purple"),
        metrics=[
            activitysmith.live_activities.metric(label="LAG", value=1, unit="s"),
            activitysmith.live_activities.metric(label="CPU", value=44, unit="%"),
        ],
    ),
)
live_activities.stream(
    "video-transcode",
    content_state=content_state(
        title="Transcode",
        type=activitysmith.live_activities.TYPE_PROGRESS,
        badge=activitysmith.live_activities.alert_badge("GPU", color=LiveActivityColor.MAGENTA),
        percentage=58,
    ),
)
for name in (
    "TYPE_SEGMENTED_PROGRESS",
    "TYPE_PROGRESS",
    "TYPE_METRICS",
    "TYPE_STATS",
    "TYPE_ALERT",
    "TYPE_TIMER",
    "TYPE_VALUE",
):
    print(name, getattr(activitysmith.live_activities, name))

# Buttons: a link, a Shortcut, a webhook, and a second button.
live_activities.stream(
    "db-replica-2",
    content_state=content_state(
        title="Replica Health",
        type="metrics",
        metrics=[metric(label="LAG", value=9, unit="s"), metric(label="CPU", value=88, unit="%")],
    ),
    action=action(title="Grafana", type="open_url", url="https://grafana.example.com/d/db"),
)
live_activities.stream(
    "db-replica-2",
    content_state=content_state(
        title="Replica Health",
        type="metrics",
        metrics=[metric(label="LAG", value=9, unit="s"), metric(label="CPU", value=90, unit="%")],
    ),
    action=action(
        title="Failover runbook", type="open_url", url="shortcuts://run-shortcut?name=Failover"
    ),
)
live_activities.stream(
    "weekly-export",
    content_state=content_state(
        title="Weekly Export", type="segmented_progress", number_of_steps=4, current_step=3
    ),
    action=action(
        title="Cancel export",
        type="webhook",
        url="https://ops.example.com/hooks/export/cancel",
        method="POST",
        body={"export_id": "exp-2026-11", "by": "phone"},
    ),
)
live_activities.stream(
    "deploy-approval",
    content_state=content_state(
        title="Deploy to production?",
        message="api v3.8.0 passed staging",
        type="alert",
        color="green",
        icon=alert_icon("checkmark.shield", color="green"),
        badge=alert_badge("CI", color="green"),
    ),
    action=action(
        title="Deploy",
        type="webhook",
        url="https://ci.example.com/hooks/approve",
        method="POST",
        body={"release": "v3.8.0", "decision": "deploy"},
    ),
    secondary_action=action(
        title="Hold",
        type="webhook",
        url="https://ci.example.com/hooks/hold",
        body={"release": "v3.8.0", "decision": "hold"},
    ),
)

# Content-state fields at the top level, with request fields beside them.
live_activities.stream(
    "crm-sync",
    title="CRM Sync",
    type="progress",
    percentage=25,
    metadata={"sync_id": "sync-19", "rows": 5400},
    tags=["crm"],
)
live_activities.stream("crm-sync", title="CRM Sync", percentage=75)

# Channels.
live_activities.stream(
    "ios-nightly",
    content_state=content_state(
        title="iOS Nightly", type="segmented_progress", number_of_steps=3, current_step=1
    ),
    channels=["ios-builds"],
)

# The generated-style names, a request dict, and keyword arguments only.
live_activities.reconcile_live_activity_stream(
    "ios-nightly",
    {
        "content_state": {
            "title": "iOS Nightly",
            "type": "segmented_progress",
            "number_of_steps": 3,
            "current_step": 2,
        }
    },
)
live_activities.reconcile_live_activity_stream(
    stream_key="ios-nightly",
    live_activity_stream_request={"content_state": {"title": "iOS Nightly", "current_step": 3}},
)
live_activities.stream(
    stream_key="crm-sync", request={"content_state": {"title": "CRM Sync", "percentage": 90}}
)

# Ending streams: with a final state, top-level fields, an alias, or nothing at all.
ended = live_activities.end_stream(
    "db-replica-2",
    content_state=content_state(
        title="Replica Health",
        type="metrics",
        metrics=[metric(label="LAG", value=0, unit="s"), metric(label="CPU", value=20, unit="%")],
        auto_dismiss_seconds=30,
    ),
)
print("ended", ended.operation)
live_activities.end_stream("crm-sync", title="CRM Sync", percentage=100, auto_dismiss_minutes=0)
live_activities.end_live_activity_stream("ios-nightly", {"content_state": {"title": "iOS Nightly"}})
live_activities.end_live_activity_stream(stream_key="weekly-export")
live_activities.end_stream("video-transcode")
