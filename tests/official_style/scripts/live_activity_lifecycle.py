"""Legacy start / update / end, written the way code for the official package is."""

import os

from activitysmith import ActivitySmith, content_state, metric

activitysmith = ActivitySmith(api_key=os.environ["ACTIVITYSMITH_API_KEY"])
live_activities = activitysmith.live_activities

started = live_activities.start(
    content_state=content_state(
        title="Data Migration",
        subtitle="users table",
        type="segmented_progress",
        number_of_steps=5,
        current_step=1,
    ),
    channels=["ops"],
    tags=["migration"],
)
activity_id = started.activity_id
print("started", activity_id, started.devices_notified)

live_activities.update(
    activity_id=activity_id,
    content_state=content_state(title="Data Migration", current_step=3),
)
live_activities.update(activity_id=activity_id, title="Data Migration", current_step=4, tags=[])
live_activities.update({"activity_id": activity_id, "content_state": {"title": "Data Migration"}})
live_activities.end(
    activity_id=activity_id,
    content_state=content_state(title="Data Migration", current_step=5, auto_dismiss_minutes=2),
)

# Everything at the top level, and the generated-style names.
second = live_activities.start(
    title="Cluster Load",
    type="metrics",
    metrics=[metric(label="CPU", value=35, unit="%"), metric(label="MEM", value=71, unit="%")],
    metadata={"cluster": "eu-west-1"},
)
live_activities.update_live_activity(
    {"activity_id": second.activity_id, "content_state": {"title": "Cluster Load"}}
)
live_activities.update_live_activity(
    live_activity_update_request={"activity_id": second.activity_id},
    title="Cluster Load",
    metrics=[metric(label="CPU", value=52, unit="%"), metric(label="MEM", value=73, unit="%")],
)
live_activities.end_live_activity(
    live_activity_end_request={
        "activity_id": second.activity_id,
        "content_state": {"title": "Cluster Load", "auto_dismiss_minutes": 0},
    }
)

third = live_activities.start_live_activity(
    {"content_state": {"title": "Reindex", "type": "progress", "percentage": 0}}
)
live_activities.end(activity_id=third.activity_id, title="Reindex", percentage=100)
fourth = live_activities.start_live_activity(
    live_activity_start_request={
        "content_state": {"title": "Snapshot", "type": "timer", "duration_seconds": 120}
    }
)
live_activities.end_live_activity(
    {"activity_id": fourth.activity_id, "content_state": {"title": "Snapshot"}}
)
fifth = live_activities.start_live_activity(title="Rollout", type="progress", percentage=10)
live_activities.end(
    request={"activity_id": fifth.activity_id, "content_state": {"title": "Rollout"}}
)
