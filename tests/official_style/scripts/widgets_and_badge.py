"""Widget metrics and the app icon badge, written the way code for the official package is."""

import os
from datetime import UTC, datetime

from activitysmith import ActivitySmith

activitysmith = ActivitySmith(api_key=os.environ["ACTIVITYSMITH_API_KEY"])

activitysmith.metrics.update("revenue.today", 18250.5)
activitysmith.metrics.update("signups.today", 42)
activitysmith.metrics.update("prod.status", "degraded")
activitysmith.metrics.update("uptime", 99.95, "2026-11-02T06:00:00Z")
activitysmith.metrics.update("uptime", 99.97, datetime(2026, 11, 2, 7, 0, tzinfo=UTC))
activitysmith.metrics.update("uptime", {"value": 99.98})
activitysmith.metrics.update("uptime", {"value": 99.99}, "2026-11-02T08:00:00Z")
activitysmith.metrics.update(key="signups.today", value_or_request=43)
result = activitysmith.metrics.update_metric_value("signups.today", {"value": 44})
print("metric", result.success)
activitysmith.metrics.update_metric_value(
    key="prod.status", metric_value_update_request={"value": "healthy"}
)

activitysmith.badge_count(12)
activitysmith.badge_count(4, channels=["sales", "customer-success"])
activitysmith.badge_count(value=0)
