"""Push notifications, written the way code for the official `activitysmith` package is."""

import os

from activitysmith import ActivitySmith, PushInterruptionLevel, action

activitysmith = ActivitySmith(api_key=os.environ["ACTIVITYSMITH_API_KEY"])

# Keywords, the way the official README writes them.
activitysmith.notifications.send(title="Invoice paid", message="Acme Corp paid invoice #1042")
activitysmith.notifications.send(
    title="Weekly report ready",
    message="Signups up 12% week over week.",
    icon="https://cdn.example.com/logos/acme.png",
)
activitysmith.notifications.send(
    title="Screenshot captured",
    message="The visual diff found 3 changes.",
    media="https://cdn.example.com/diffs/run-77.png",
)
activitysmith.notifications.send(
    title="Pull request merged",
    message="Review it before the release cut.",
    redirection="https://github.com/acme/api/pull/913",
)

# Buttons built with action(), by keyword and by position (title, type, url).
activitysmith.notifications.send(
    title="Refund requested",
    message="Order #5521, 49 EUR",
    actions=[
        action(title="Open order", type="open_url", url="https://shop.example.com/orders/5521"),
        action("Ask Jarvis", "open_url", "shortcuts://run-shortcut?name=Jarvis"),
        action(
            title="Approve refund",
            type="webhook",
            url="https://hooks.example.com/refunds/approve",
            method="POST",
            body={"order_id": "5521", "amount_cents": 4900},
        ),
    ],
)

# Interruption levels, as strings and as the exported constants.
activitysmith.notifications.send(
    title="Nightly jobs done", message="All 14 jobs passed.", interruption_level="passive"
)
activitysmith.notifications.send(
    title="Release shipped", interruption_level=PushInterruptionLevel.ACTIVE
)
activitysmith.notifications.send(
    title="payments-api is failing",
    message="41% of charges return 502.",
    interruption_level=PushInterruptionLevel.TIME_SENSITIVE,
)

# Metadata, tags and channels (a list, or a comma-separated string).
activitysmith.notifications.send(
    title="Trial converted",
    message="Globex moved to the Team plan",
    metadata={"account_id": "ac_77", "seats": 12, "annual": True},
    tags=["billing", "user:77"],
    channels=["sales", "customer-success"],
)
activitysmith.notifications.send(title="Lead assigned", channels="sales, customer-success")

# Replace a sent notification by its id.
sent = activitysmith.notifications.send(title="payments-api is failing", message="Investigating")
print("sent", sent.notification_id, sent.devices_notified)
replaced = activitysmith.notifications.replace(
    sent.notification_id, title="payments-api recovered", message="Charges succeed again."
)
print("replaced", replaced.notification_id)

# A request dict, positionally and by keyword, merged with keywords.
activitysmith.notifications.send({"title": "Backup verified", "message": "db-primary"})
activitysmith.notifications.send(request={"title": "Cache warmed"})
activitysmith.notifications.send({"title": "Queue drained"}, message="0 jobs left")
activitysmith.notifications.replace(sent.notification_id, {"title": "Incident closed"}, tags=[])

# The generated-style names.
activitysmith.notifications.send_push_notification({"title": "Disk at 80%"})
activitysmith.notifications.send_push_notification(
    push_notification_request={"title": "Disk at 85%"}, message="db-primary"
)
activitysmith.notifications.replace_push_notification(
    sent.notification_id, {"title": "Incident closed (postmortem filed)"}
)
activitysmith.notifications.replace_push_notification(
    notification_id=sent.notification_id,
    push_notification_replace_request={"title": "Incident closed"},
    metadata={},
)


# A helper of the kind such code wraps the client in: optional fields passed on as None.
def notify(title, message=None, subtitle=None, channels=None):
    return activitysmith.notifications.send(
        title=title, message=message, subtitle=subtitle, channels=channels
    )


notify("Deploy finished")
notify("Deploy finished", "web v2.4.1", channels=["ops"])
