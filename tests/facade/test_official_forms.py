"""Every call form of the official `activitysmith` 1.14.0 facade, at the wire.

Each form is called on our client exactly as code written for the official package calls it,
and the request the local server received is compared byte for byte with what the form
means (keys in the spec's order, as the generated request models write them). Where the official package adds things the caller did not set (`counts_down` /
`is_running` on every state, `method: "POST"` on every action, floats for ints), the
expected bytes are what the caller set: that is the point of these tests.
"""

from __future__ import annotations

import inspect
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

from activitysmith import (
    ActivitySmith,
    AsyncActivitySmith,
    LiveActivityColor,
    LiveActivityType,
    PushInterruptionLevel,
    ValidationError,
    action,
    alert_badge,
    alert_icon,
    content_state,
    metric,
)
from activitysmith._generated import params as generated_params
from activitysmith.testing import ActivitySmithServer

IDS = {"activity_id": "", "notification_id": ""}
TS = "2026-03-19T08:30:00+00:00"
PROGRESS = {"title": "Import", "type": "progress", "percentage": 10}


@dataclass(frozen=True)
class Form:
    """One call form: the call, then the request it must produce (ids substituted)."""

    name: str
    call: Callable[[ActivitySmith, dict[str, str]], Any]
    method: str
    path: str
    body: bytes

    def expected_body(self, ids: dict[str, str]) -> bytes:
        body = self.body
        for name, value in ids.items():
            body = body.replace(f"<{name}>".encode(), value.encode())
        return body


def notifications(c: ActivitySmith) -> Any:
    return c.notifications


def live(c: ActivitySmith) -> Any:
    return c.live_activities


FORMS = [
    # -- notifications.send ------------------------------------------------------------
    Form(
        "send keywords",
        lambda c, _: notifications(c).send(title="New subscription", message="Pro plan"),
        "POST",
        "/api/push-notification",
        b'{"title":"New subscription","message":"Pro plan"}',
    ),
    Form(
        "send positional request",
        lambda c, _: notifications(c).send({"title": "Homepage ready", "subtitle": "web"}),
        "POST",
        "/api/push-notification",
        b'{"title":"Homepage ready","subtitle":"web"}',
    ),
    Form(
        "send request keyword",
        lambda c, _: notifications(c).send(request={"title": "Deploy"}),
        "POST",
        "/api/push-notification",
        b'{"title":"Deploy"}',
    ),
    Form(
        "send request and keywords",
        lambda c, _: notifications(c).send({"title": "old", "message": "kept"}, title="new"),
        "POST",
        "/api/push-notification",
        b'{"title":"new","message":"kept"}',
    ),
    Form(
        "send every field",
        lambda c, _: notifications(c).send(
            title="MRR crossed $10,000",
            message="Up 18%",
            subtitle="billing",
            redirection="https://github.com/acme/web/pull/482",
            icon="https://cdn.example.com/stripe.png",
            tags=["user:382", "billing"],
            metadata={"customer_id": "382", "amount": 29, "trial": False},
            interruption_level="passive",
        ),
        "POST",
        "/api/push-notification",
        b'{"title":"MRR crossed $10,000","message":"Up 18%","subtitle":"billing",'
        b'"redirection":"https://github.com/acme/web/pull/482",'
        b'"icon":"https://cdn.example.com/stripe.png","interruption_level":"passive",'
        b'"tags":["user:382","billing"],"metadata":{"customer_id":"382","amount":29,"trial":false}}',
    ),
    Form(
        "send media",
        lambda c, _: notifications(c).send(
            title="Homepage ready", media="https://cdn.example.com/homepage-v2.png"
        ),
        "POST",
        "/api/push-notification",
        b'{"title":"Homepage ready","media":"https://cdn.example.com/homepage-v2.png"}',
    ),
    Form(
        "send interruption level constant",
        lambda c, _: notifications(c).send(
            title="checkout-api is down", interruption_level=PushInterruptionLevel.TIME_SENSITIVE
        ),
        "POST",
        "/api/push-notification",
        b'{"title":"checkout-api is down","interruption_level":"time-sensitive"}',
    ),
    Form(
        "send actions built with keywords",
        lambda c, _: notifications(c).send(
            title="New subscription",
            actions=[
                action(title="Open CRM", type="open_url", url="https://crm.example.com/c/9f3a"),
                action(
                    title="Start onboarding",
                    type="webhook",
                    url="https://hooks.example.com/onboarding",
                    method="POST",
                    body={"customer_id": "cus_9f3a", "seats": 3},
                ),
            ],
        ),
        "POST",
        "/api/push-notification",
        b'{"title":"New subscription","actions":['
        b'{"title":"Open CRM","type":"open_url","url":"https://crm.example.com/c/9f3a"},'
        b'{"title":"Start onboarding","type":"webhook","url":"https://hooks.example.com/onboarding",'
        b'"method":"POST","body":{"customer_id":"cus_9f3a","seats":3}}]}',
    ),
    Form(
        "send actions built positionally",
        lambda c, _: notifications(c).send(
            title="x",
            actions=[
                action("Chat with Jarvis", "open_url", "shortcuts://run-shortcut?name=Jarvis")
            ],
        ),
        "POST",
        "/api/push-notification",
        b'{"title":"x","actions":[{"title":"Chat with Jarvis","type":"open_url",'
        b'"url":"shortcuts://run-shortcut?name=Jarvis"}]}',
    ),
    Form(
        "send channels list",
        lambda c, _: notifications(c).send(title="x", channels=["sales", "customer-success"]),
        "POST",
        "/api/push-notification",
        b'{"title":"x","target":{"channels":["sales","customer-success"]}}',
    ),
    Form(
        "send channels string",
        lambda c, _: notifications(c).send(title="x", channels="sales, customer-success"),
        "POST",
        "/api/push-notification",
        b'{"title":"x","target":{"channels":["sales","customer-success"]}}',
    ),
    Form(
        "send target",
        lambda c, _: notifications(c).send(title="x", target={"channels": ["sales"]}),
        "POST",
        "/api/push-notification",
        b'{"title":"x","target":{"channels":["sales"]}}',
    ),
    Form(
        "send_push_notification positional",
        lambda c, _: notifications(c).send_push_notification({"title": "x"}),
        "POST",
        "/api/push-notification",
        b'{"title":"x"}',
    ),
    Form(
        "send_push_notification keyword request and fields",
        lambda c, _: notifications(c).send_push_notification(
            push_notification_request={"title": "x"}, message="m"
        ),
        "POST",
        "/api/push-notification",
        b'{"title":"x","message":"m"}',
    ),
    Form(
        "send_push_notification fields only",
        lambda c, _: notifications(c).send_push_notification(title="x", channels=["sales"]),
        "POST",
        "/api/push-notification",
        b'{"title":"x","target":{"channels":["sales"]}}',
    ),
    # -- notifications.replace ---------------------------------------------------------
    Form(
        "replace keywords",
        lambda c, ids: notifications(c).replace(
            ids["notification_id"], title="checkout-api recovered", message="Resolved"
        ),
        "PUT",
        "/api/push-notification/<notification_id>",
        b'{"title":"checkout-api recovered","message":"Resolved"}',
    ),
    Form(
        "replace all keywords",
        lambda c, ids: notifications(c).replace(
            notification_id=ids["notification_id"], request={"title": "y"}, tags=[]
        ),
        "PUT",
        "/api/push-notification/<notification_id>",
        b'{"title":"y","tags":[]}',
    ),
    Form(
        "replace positional request",
        lambda c, ids: notifications(c).replace(ids["notification_id"], {"title": "y"}),
        "PUT",
        "/api/push-notification/<notification_id>",
        b'{"title":"y"}',
    ),
    Form(
        "replace_push_notification positional",
        lambda c, ids: notifications(c).replace_push_notification(
            ids["notification_id"], {"title": "y"}
        ),
        "PUT",
        "/api/push-notification/<notification_id>",
        b'{"title":"y"}',
    ),
    Form(
        "replace_push_notification keywords",
        lambda c, ids: notifications(c).replace_push_notification(
            notification_id=ids["notification_id"],
            push_notification_replace_request={"title": "y"},
            metadata={},
        ),
        "PUT",
        "/api/push-notification/<notification_id>",
        b'{"title":"y","metadata":{}}',
    ),
    # -- live_activities.stream --------------------------------------------------------
    Form(
        "stream content_state helper",
        lambda c, _: live(c).stream(
            "revenue-today",
            content_state=content_state(
                title="Revenue",
                type="value",
                value="$1,240",
                color="green",
                icon=alert_icon("dollarsign.circle", color="green"),
                badge=alert_badge("+18%", color="purple"),
            ),
        ),
        "PUT",
        "/api/live-activity/stream/revenue-today",
        b'{"content_state":{"title":"Revenue","type":"value","value":"$1,240",'
        b'"icon":{"symbol":"dollarsign.circle","color":"green"},'
        b'"badge":{"title":"+18%","color":"purple"},"color":"green"}}',
    ),
    Form(
        "stream top-level content-state fields",
        lambda c, _: live(c).stream(
            "customer-import",
            title="Customer Import",
            type="progress",
            percentage=60,
            metadata={"job_id": "import-382", "records": 1200},
        ),
        "PUT",
        "/api/live-activity/stream/customer-import",
        b'{"content_state":{"title":"Customer Import","type":"progress","percentage":60},'
        b'"metadata":{"job_id":"import-382","records":1200}}',
    ),
    Form(
        "stream request fields and content-state fields",
        lambda c, _: live(c).stream(
            "k", tags=["etl"], title="ETL", type=live(c).TYPE_TIMER, counts_down=False
        ),
        "PUT",
        "/api/live-activity/stream/k",
        b'{"content_state":{"title":"ETL","type":"timer","counts_down":false},"tags":["etl"]}',
    ),
    Form(
        "stream content_state and top-level fields",
        lambda c, _: live(c).stream(
            "k", content_state={"title": "ETL", "type": "progress"}, percentage=5
        ),
        "PUT",
        "/api/live-activity/stream/k",
        b'{"content_state":{"title":"ETL","type":"progress","percentage":5}}',
    ),
    Form(
        "stream request dict and content_state keyword",
        lambda c, _: live(c).stream(
            "k",
            {"content_state": {"title": "ETL", "type": "progress", "percentage": 1}},
            content_state={"percentage": 2},
        ),
        "PUT",
        "/api/live-activity/stream/k",
        b'{"content_state":{"title":"ETL","type":"progress","percentage":2}}',
    ),
    Form(
        "stream all keywords",
        lambda c, _: live(c).stream(stream_key="k", request={"content_state": PROGRESS}),
        "PUT",
        "/api/live-activity/stream/k",
        b'{"content_state":{"title":"Import","type":"progress","percentage":10}}',
    ),
    Form(
        "stream TYPE constant and resource helpers",
        lambda c, _: live(c).stream(
            "prod-web-1",
            content_state=content_state(
                title="Server Health",
                subtitle="prod-web-1",
                type=live(c).TYPE_METRICS,
                icon=live(c).alert_icon("server.rack", color="blue"),
                metrics=[
                    live(c).metric(label="CPU", value=18, unit="%"),
                    live(c).metric("MEM", 42, unit="%", color=LiveActivityColor.CYAN),
                ],
            ),
        ),
        "PUT",
        "/api/live-activity/stream/prod-web-1",
        b'{"content_state":{"title":"Server Health","subtitle":"prod-web-1","type":"metrics",'
        b'"metrics":[{"label":"CPU","value":18,"unit":"%"},'
        b'{"label":"MEM","value":42,"unit":"%","color":"cyan"}],'
        b'"icon":{"symbol":"server.rack","color":"blue"}}}',
    ),
    Form(
        "stream badge with TYPE_PROGRESS",
        lambda c, _: live(c).stream(
            "nightly-database-backup",
            content_state=content_state(
                title="Nightly Database Backup",
                type=live(c).TYPE_PROGRESS,
                badge=live(c).alert_badge("S3", color="cyan"),
                percentage=62,
            ),
        ),
        "PUT",
        "/api/live-activity/stream/nightly-database-backup",
        b'{"content_state":{"title":"Nightly Database Backup","type":"progress",'
        b'"percentage":62,"badge":{"title":"S3","color":"cyan"}}}',
    ),
    Form(
        "stream actions",
        lambda c, _: live(c).stream(
            "agent-approval",
            content_state=content_state(title="Approval", type="alert", message="Send it?"),
            action=action(title="Dashboard", type="open_url", url="https://status.example.com"),
            secondary_action=action(
                title="Deny",
                type="webhook",
                url="https://agent.example.com/deny",
                method="POST",
                body={"decision": "deny"},
            ),
        ),
        "PUT",
        "/api/live-activity/stream/agent-approval",
        b'{"content_state":{"title":"Approval","type":"alert","message":"Send it?"},'
        b'"action":{"title":"Dashboard","type":"open_url","url":"https://status.example.com"},'
        b'"secondary_action":{"title":"Deny","type":"webhook","url":"https://agent.example.com/deny",'
        b'"method":"POST","body":{"decision":"deny"}}}',
    ),
    Form(
        "stream segmented progress to a channel",
        lambda c, _: live(c).stream(
            "nightly-backup",
            content_state=content_state(
                title="Nightly database backup",
                type="segmented_progress",
                number_of_steps=3,
                current_step=1,
            ),
            channels=["ios-builds"],
        ),
        "PUT",
        "/api/live-activity/stream/nightly-backup",
        b'{"content_state":{"title":"Nightly database backup","type":"segmented_progress",'
        b'"number_of_steps":3,"current_step":1},"channels":["ios-builds"]}',
    ),
    Form(
        "stream timer counting up",
        lambda c, _: live(c).stream(
            "benchmark-run",
            content_state=content_state(title="Benchmark", type="timer", counts_down=False),
        ),
        "PUT",
        "/api/live-activity/stream/benchmark-run",
        b'{"content_state":{"title":"Benchmark","type":"timer","counts_down":false}}',
    ),
    Form(
        "stream stats",
        lambda c, _: live(c).stream(
            "sales-hourly",
            content_state=content_state(
                title="Sales",
                type="stats",
                metrics=[metric(label="Revenue", value="$2430", color="blue")],
            ),
        ),
        "PUT",
        "/api/live-activity/stream/sales-hourly",
        b'{"content_state":{"title":"Sales","type":"stats",'
        b'"metrics":[{"label":"Revenue","value":"$2430","color":"blue"}]}}',
    ),
    Form(
        "reconcile_live_activity_stream positional",
        lambda c, _: live(c).reconcile_live_activity_stream("k", {"content_state": PROGRESS}),
        "PUT",
        "/api/live-activity/stream/k",
        b'{"content_state":{"title":"Import","type":"progress","percentage":10}}',
    ),
    Form(
        "reconcile_live_activity_stream keywords",
        lambda c, _: live(c).reconcile_live_activity_stream(
            stream_key="k", live_activity_stream_request={"content_state": PROGRESS}, tags=["a"]
        ),
        "PUT",
        "/api/live-activity/stream/k",
        b'{"content_state":{"title":"Import","type":"progress","percentage":10},"tags":["a"]}',
    ),
    Form(
        "reconcile_live_activity_stream top-level fields",
        lambda c, _: live(c).reconcile_live_activity_stream(
            "k", title="T", type="alert", message="m"
        ),
        "PUT",
        "/api/live-activity/stream/k",
        b'{"content_state":{"title":"T","type":"alert","message":"m"}}',
    ),
    # -- live_activities.end_stream ----------------------------------------------------
    Form(
        "end_stream alone",
        lambda c, _: live(c).end_stream("s"),
        "DELETE",
        "/api/live-activity/stream/s",
        b"",
    ),
    Form(
        "end_stream content_state helper",
        lambda c, _: live(c).end_stream(
            "s",
            content_state=content_state(
                title="Server Health",
                type="metrics",
                metrics=[metric(label="CPU", value=7, unit="%")],
                auto_dismiss_seconds=30,
            ),
        ),
        "DELETE",
        "/api/live-activity/stream/s",
        b'{"content_state":{"title":"Server Health","type":"metrics",'
        b'"metrics":[{"label":"CPU","value":7,"unit":"%"}],"auto_dismiss_seconds":30}}',
    ),
    Form(
        "end_stream top-level fields",
        lambda c, _: live(c).end_stream(
            "s", title="Done", percentage=100, auto_dismiss_minutes=0, tags=[]
        ),
        "DELETE",
        "/api/live-activity/stream/s",
        b'{"content_state":{"title":"Done","percentage":100,"auto_dismiss_minutes":0},"tags":[]}',
    ),
    Form(
        "end_stream all keywords",
        lambda c, _: live(c).end_stream(stream_key="s", request={"content_state": {"title": "x"}}),
        "DELETE",
        "/api/live-activity/stream/s",
        b'{"content_state":{"title":"x"}}',
    ),
    Form(
        "end_live_activity_stream positional",
        lambda c, _: live(c).end_live_activity_stream("s", {"content_state": {"title": "x"}}),
        "DELETE",
        "/api/live-activity/stream/s",
        b'{"content_state":{"title":"x"}}',
    ),
    Form(
        "end_live_activity_stream keywords, no body",
        lambda c, _: live(c).end_live_activity_stream(
            stream_key="s", live_activity_stream_delete_request=None
        ),
        "DELETE",
        "/api/live-activity/stream/s",
        b"",
    ),
    # -- live_activities.start / update / end ------------------------------------------
    Form(
        "start content_state helper",
        lambda c, _: live(c).start(
            content_state=content_state(title="Deploy", type="timer", duration_seconds=300)
        ),
        "POST",
        "/api/live-activity/start",
        b'{"content_state":{"title":"Deploy","type":"timer","duration_seconds":300}}',
    ),
    Form(
        "start top-level fields",
        lambda c, _: live(c).start(
            title="Deploy",
            type="segmented_progress",
            number_of_steps=4,
            current_step=1,
            step_color="green",
            channels=["ops"],
            alert={"title": "Deploy started"},
        ),
        "POST",
        "/api/live-activity/start",
        b'{"content_state":{"title":"Deploy","type":"segmented_progress","number_of_steps":4,'
        b'"current_step":1,"step_color":"green"},"alert":{"title":"Deploy started"},'
        b'"target":{"channels":["ops"]}}',
    ),
    Form(
        "start positional request",
        lambda c, _: live(c).start({"content_state": PROGRESS, "tags": ["import"]}),
        "POST",
        "/api/live-activity/start",
        b'{"content_state":{"title":"Import","type":"progress","percentage":10},"tags":["import"]}',
    ),
    Form(
        "start request keyword",
        lambda c, _: live(c).start(request={"content_state": PROGRESS}),
        "POST",
        "/api/live-activity/start",
        b'{"content_state":{"title":"Import","type":"progress","percentage":10}}',
    ),
    Form(
        "start_live_activity positional",
        lambda c, _: live(c).start_live_activity({"content_state": PROGRESS}),
        "POST",
        "/api/live-activity/start",
        b'{"content_state":{"title":"Import","type":"progress","percentage":10}}',
    ),
    Form(
        "start_live_activity keyword request",
        lambda c, _: live(c).start_live_activity(
            live_activity_start_request={"content_state": PROGRESS}
        ),
        "POST",
        "/api/live-activity/start",
        b'{"content_state":{"title":"Import","type":"progress","percentage":10}}',
    ),
    Form(
        "start_live_activity top-level fields",
        lambda c, _: live(c).start_live_activity(title="T", type="progress", percentage=3),
        "POST",
        "/api/live-activity/start",
        b'{"content_state":{"title":"T","type":"progress","percentage":3}}',
    ),
    Form(
        "update top-level fields",
        lambda c, ids: live(c).update(
            activity_id=ids["activity_id"], title="Customer Import", percentage=60, tags=[]
        ),
        "POST",
        "/api/live-activity/update",
        b'{"activity_id":"<activity_id>","content_state":{"title":"Customer Import",'
        b'"percentage":60},"tags":[]}',
    ),
    Form(
        "update content_state helper",
        lambda c, ids: live(c).update(
            activity_id=ids["activity_id"],
            content_state=content_state(title="Import", percentage=70),
        ),
        "POST",
        "/api/live-activity/update",
        b'{"activity_id":"<activity_id>","content_state":{"title":"Import","percentage":70}}',
    ),
    Form(
        "update positional request",
        lambda c, ids: live(c).update(
            {"activity_id": ids["activity_id"], "content_state": {"title": "Import"}}
        ),
        "POST",
        "/api/live-activity/update",
        b'{"activity_id":"<activity_id>","content_state":{"title":"Import"}}',
    ),
    Form(
        "update_live_activity positional",
        lambda c, ids: live(c).update_live_activity(
            {"activity_id": ids["activity_id"], "content_state": {"title": "Import"}}
        ),
        "POST",
        "/api/live-activity/update",
        b'{"activity_id":"<activity_id>","content_state":{"title":"Import"}}',
    ),
    Form(
        "update_live_activity keyword request",
        lambda c, ids: live(c).update_live_activity(
            live_activity_update_request={"activity_id": ids["activity_id"]}, title="Import"
        ),
        "POST",
        "/api/live-activity/update",
        b'{"activity_id":"<activity_id>","content_state":{"title":"Import"}}',
    ),
    Form(
        "end top-level fields",
        lambda c, ids: live(c).end(
            activity_id=ids["activity_id"], title="Imported", percentage=100, auto_dismiss_minutes=0
        ),
        "POST",
        "/api/live-activity/end",
        b'{"activity_id":"<activity_id>","content_state":{"title":"Imported","percentage":100,'
        b'"auto_dismiss_minutes":0}}',
    ),
    Form(
        "end positional request",
        lambda c, ids: live(c).end(
            {"activity_id": ids["activity_id"], "content_state": {"title": "Imported"}}
        ),
        "POST",
        "/api/live-activity/end",
        b'{"activity_id":"<activity_id>","content_state":{"title":"Imported"}}',
    ),
    Form(
        "end_live_activity keyword request",
        lambda c, ids: live(c).end_live_activity(
            live_activity_end_request={
                "activity_id": ids["activity_id"],
                "content_state": {"title": "Imported"},
            }
        ),
        "POST",
        "/api/live-activity/end",
        b'{"activity_id":"<activity_id>","content_state":{"title":"Imported"}}',
    ),
    # -- None keywords: the official signatures' default, left out --------------------
    Form(
        "send None keywords left out",
        lambda c, _: notifications(c).send(
            title="Deploy", message=None, subtitle=None, channels=None, tags=None
        ),
        "POST",
        "/api/push-notification",
        b'{"title":"Deploy"}',
    ),
    Form(
        "stream None keywords left out",
        lambda c, _: live(c).stream(
            "k",
            content_state=None,
            title="T",
            type="progress",
            percentage=5,
            subtitle=None,
            metadata=None,
            channels=None,
        ),
        "PUT",
        "/api/live-activity/stream/k",
        b'{"content_state":{"title":"T","type":"progress","percentage":5}}',
    ),
    Form(
        "update None keywords left out",
        lambda c, ids: live(c).update(
            activity_id=ids["activity_id"], title="Import", percentage=None, tags=None
        ),
        "POST",
        "/api/live-activity/update",
        b'{"activity_id":"<activity_id>","content_state":{"title":"Import"}}',
    ),
    Form(
        "end_stream None keywords left out",
        lambda c, _: live(c).end_stream("s", content_state=None, auto_dismiss_minutes=None),
        "DELETE",
        "/api/live-activity/stream/s",
        b"",
    ),
    Form(
        "start_live_activity None request keyword",
        lambda c, _: live(c).start_live_activity(
            live_activity_start_request=None, title="T", type="progress", percentage=1, alert=None
        ),
        "POST",
        "/api/live-activity/start",
        b'{"content_state":{"title":"T","type":"progress","percentage":1}}',
    ),
    # -- metrics -----------------------------------------------------------------------
    Form(
        "metrics.update number",
        lambda c, _: c.metrics.update("deploy.success_rate", 99.9),
        "POST",
        "/api/metrics/deploy.success_rate/value",
        b'{"value":99.9}',
    ),
    Form(
        "metrics.update int stays int",
        lambda c, _: c.metrics.update("signups.today", 3),
        "POST",
        "/api/metrics/signups.today/value",
        b'{"value":3}',
    ),
    Form(
        "metrics.update string",
        lambda c, _: c.metrics.update("prod.status", "healthy"),
        "POST",
        "/api/metrics/prod.status/value",
        b'{"value":"healthy"}',
    ),
    Form(
        "metrics.update timestamp positional",
        lambda c, _: c.metrics.update("uptime", 99, TS),
        "POST",
        "/api/metrics/uptime/value",
        b'{"value":99,"timestamp":"2026-03-19T08:30:00+00:00"}',
    ),
    Form(
        "metrics.update request dict",
        lambda c, _: c.metrics.update("uptime", {"value": 4, "timestamp": TS}),
        "POST",
        "/api/metrics/uptime/value",
        b'{"value":4,"timestamp":"2026-03-19T08:30:00+00:00"}',
    ),
    Form(
        "metrics.update request dict and timestamp",
        lambda c, _: c.metrics.update("uptime", {"value": 4}, TS),
        "POST",
        "/api/metrics/uptime/value",
        b'{"value":4,"timestamp":"2026-03-19T08:30:00+00:00"}',
    ),
    Form(
        "metrics.update keywords",
        lambda c, _: c.metrics.update(key="uptime", value_or_request=5, timestamp=TS),
        "POST",
        "/api/metrics/uptime/value",
        b'{"value":5,"timestamp":"2026-03-19T08:30:00+00:00"}',
    ),
    Form(
        "update_metric_value positional",
        lambda c, _: c.metrics.update_metric_value("uptime", {"value": 5}),
        "POST",
        "/api/metrics/uptime/value",
        b'{"value":5}',
    ),
    Form(
        "update_metric_value keywords",
        lambda c, _: c.metrics.update_metric_value(
            key="prod.status", metric_value_update_request={"value": "ok"}
        ),
        "POST",
        "/api/metrics/prod.status/value",
        b'{"value":"ok"}',
    ),
    # -- badge_count -------------------------------------------------------------------
    Form("badge_count", lambda c, _: c.badge_count(8333), "POST", "/api/badge", b'{"badge":8333}'),
    Form("badge_count zero", lambda c, _: c.badge_count(0), "POST", "/api/badge", b'{"badge":0}'),
    Form(
        "badge_count value keyword and channels",
        lambda c, _: c.badge_count(value=3, channels=["sales", "customer-success"]),
        "POST",
        "/api/badge",
        b'{"badge":3,"target":{"channels":["sales","customer-success"]}}',
    ),
]


@pytest.fixture
def ids(
    activitysmith_client: ActivitySmith, activitysmith_server: ActivitySmithServer
) -> dict[str, str]:
    """A sent notification and a started Live Activity, for the forms that need them."""
    sent = activitysmith_client.notifications.send(title="Deploy started")
    started = activitysmith_client.live_activities.start(content_state=PROGRESS)
    return {"notification_id": sent.notification_id, "activity_id": started.activity_id}


def _stream_for(form: Form, client: ActivitySmith) -> None:
    """End-stream forms need a stream to end."""
    if form.method == "DELETE":
        key = form.path.rsplit("/", 1)[1]
        client.live_activities.stream(key, content_state=PROGRESS)


def _canonical(body: bytes) -> str:
    """`body` re-serialised with sorted keys: equal for the same JSON, whatever the key order
    (an empty body stays empty)."""
    if not body:
        return ""
    return json.dumps(json.loads(body), sort_keys=True, separators=(",", ":"))


@pytest.mark.parametrize("form", FORMS, ids=[form.name for form in FORMS])
def test_official_call_form_sends_what_it_means(
    activitysmith_client: ActivitySmith,
    activitysmith_server: ActivitySmithServer,
    ids: dict[str, str],
    form: Form,
) -> None:
    _stream_for(form, activitysmith_client)
    before = len(activitysmith_server.requests)

    result = form.call(activitysmith_client, ids)

    [request] = activitysmith_server.requests[before:]
    path = form.path
    for name, value in ids.items():
        path = path.replace(f"<{name}>", value)
    assert (request.method, request.path) == (form.method, path)
    # The same JSON (ints stay ints, nothing added or lost); key order follows the call form.
    assert _canonical(request.body) == _canonical(form.expected_body(ids))
    assert request.status == 200, request.json
    assert result.http_status == 200


def test_every_form_family_is_covered() -> None:
    """Each public method and alias of the official facade has at least one form above."""
    names = " ".join(form.name for form in FORMS)
    for method in (
        "send",
        "send_push_notification",
        "replace",
        "replace_push_notification",
        "stream",
        "reconcile_live_activity_stream",
        "end_stream",
        "end_live_activity_stream",
        "start",
        "start_live_activity",
        "update",
        "update_live_activity",
        "end",
        "end_live_activity",
        "metrics.update",
        "update_metric_value",
        "badge_count",
    ):
        assert method in names, method


# -- names on the resources -----------------------------------------------------------------


def test_type_constants_are_every_live_activity_type(activitysmith_client: ActivitySmith) -> None:
    resource = activitysmith_client.live_activities
    constants = {
        name: getattr(resource, name) for name in dir(resource) if name.startswith("TYPE_")
    }

    assert constants == {f"TYPE_{member.name}": member.value for member in LiveActivityType}
    assert resource.TYPE_SEGMENTED_PROGRESS == "segmented_progress"
    assert type(resource).TYPE_VALUE == "value"


def test_resource_helpers_are_the_module_helpers(activitysmith_client: ActivitySmith) -> None:
    resource = activitysmith_client.live_activities

    assert resource.metric("CPU", 9, unit="%") == metric("CPU", 9, unit="%")
    assert resource.metric(label="CPU", value=9) == {"label": "CPU", "value": 9}
    assert type(resource).alert_icon("bolt", color="red") == {"symbol": "bolt", "color": "red"}
    assert resource.alert_badge("SEV-2") == {"title": "SEV-2"}


def test_action_accepts_the_official_positional_order() -> None:
    ours = action("Open", "https://x.example.com")
    theirs = action("Open", "open_url", "https://x.example.com")
    hook = action("Pause", "webhook", "https://ops.example.com/pause", method="GET")

    assert ours == theirs == {"title": "Open", "url": "https://x.example.com", "type": "open_url"}
    assert hook == {
        "title": "Pause",
        "url": "https://ops.example.com/pause",
        "type": "webhook",
        "method": "GET",
    }
    assert action("Pause", "https://ops.example.com/pause", "webhook") == {
        "title": "Pause",
        "url": "https://ops.example.com/pause",
        "type": "webhook",
    }


def test_enum_classes_under_the_official_names() -> None:
    assert PushInterruptionLevel.PASSIVE == "passive"
    assert PushInterruptionLevel.ACTIVE == "active"
    assert PushInterruptionLevel.TIME_SENSITIVE == "time-sensitive"
    assert [color.value for color in LiveActivityColor] == sorted(
        ["lime", "green", "cyan", "blue", "purple", "magenta", "red", "orange", "yellow", "gray"]
    )
    assert LiveActivityColor.LIME == "lime"


# -- what is refused, before anything is sent -----------------------------------------------


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (
            lambda c: c.live_activities.stream(
                "k", content_state={"title": "A", "type": "progress", "percentage": 1}, title="B"
            ),
            "title",
        ),
        (
            lambda c: c.live_activities.start(
                {"content_state": {"title": "A", "type": "progress"}}, percentage=1, type="alert"
            ),
            "type",
        ),
        (
            lambda c: c.live_activities.end_stream(
                "k",
                {"content_state": {"title": "A", "auto_dismiss_seconds": 1}},
                auto_dismiss_seconds=2,
            ),
            "auto_dismiss_seconds",
        ),
        (lambda c: c.live_activities.stream("k", content_state="A", title="B"), "content_state"),
        (lambda c: c.live_activities.update(activity_id="a", title="x", bogus=1), "bogus"),
        # auto_dismiss_seconds is not a field of a legacy end's content state: not moved in
        (
            lambda c: c.live_activities.end(activity_id="a", title="x", auto_dismiss_seconds=1),
            "auto_dismiss_seconds",
        ),
        (lambda c: c.notifications.send(title="x", percentage=3), "percentage"),
        (lambda c: c.notifications.send_push_notification(42), "request"),
        # The official package drops an empty channel list and reaches everyone: refused here
        (lambda c: c.notifications.send(title="x", channels=[]), "target.channels"),
        (lambda c: c.badge_count(1, channels=""), "target.channels"),
    ],
)
def test_contradictions_and_strangers_are_refused_naming_the_field(
    activitysmith_client: ActivitySmith,
    activitysmith_server: ActivitySmithServer,
    call: Callable[[ActivitySmith], Any],
    field: str,
) -> None:
    with pytest.raises(ValidationError) as info:
        call(activitysmith_client)

    assert info.value.field == field, str(info.value)
    assert activitysmith_server.requests == []


def test_alias_refuses_the_request_twice(activitysmith_client: ActivitySmith) -> None:
    with pytest.raises(TypeError, match="push_notification_request and request"):
        activitysmith_client.notifications.send_push_notification(
            push_notification_request={"title": "a"}, request={"title": "b"}
        )


# -- the async client has the same forms ----------------------------------------------------


@pytest.mark.anyio
async def test_async_aliases_and_top_level_fields(
    async_activitysmith_client: AsyncActivitySmith, activitysmith_server: ActivitySmithServer
) -> None:
    live_activities = async_activitysmith_client.live_activities
    alias = live_activities.reconcile_live_activity_stream

    status = await alias(
        stream_key="k", title="T", type=live_activities.TYPE_PROGRESS, percentage=5
    )
    sent = await async_activitysmith_client.notifications.send_push_notification(
        push_notification_request={"title": "x"}
    )
    await async_activitysmith_client.metrics.update_metric_value(
        "uptime", metric_value_update_request={"value": 1}
    )

    assert inspect.iscoroutinefunction(alias)
    assert (status.operation, sent.http_status) == ("started", 200)
    assert [r.body for r in activitysmith_server.requests] == [
        b'{"content_state":{"title":"T","type":"progress","percentage":5}}',
        b'{"title":"x"}',
        b'{"value":1}',
    ]


# -- every parameter of the official signatures ---------------------------------------------

_LIVE_STATE = (
    "content_state title subtitle type message icon badge metrics number_of_steps current_step "
    "percentage value upper_limit duration_seconds counts_down color step_color"
)
OFFICIAL_SIGNATURES: dict[str, tuple[str, str]] = {
    # method: (positional-or-keyword parameters after self, keyword-only parameters), as the
    # official 1.14.0 facade declares them
    "notifications.send": (
        "request",
        "title message subtitle media redirection actions target channels tags metadata icon "
        "interruption_level",
    ),
    "notifications.replace": (
        "notification_id request",
        "title message subtitle media redirection actions tags metadata icon",
    ),
    "notifications.send_push_notification": ("push_notification_request", ""),
    "notifications.replace_push_notification": (
        "notification_id push_notification_replace_request",
        "",
    ),
    "live_activities.start": (
        "request",
        f"{_LIVE_STATE} action secondary_action alert target channels tags metadata",
    ),
    "live_activities.update": (
        "request",
        f"activity_id {_LIVE_STATE} action secondary_action tags metadata",
    ),
    "live_activities.end": (
        "request",
        f"activity_id {_LIVE_STATE} auto_dismiss_minutes action secondary_action tags metadata",
    ),
    "live_activities.stream": (
        "stream_key request",
        f"{_LIVE_STATE} action secondary_action alert target channels tags metadata",
    ),
    "live_activities.end_stream": (
        "stream_key request",
        f"{_LIVE_STATE} auto_dismiss_minutes action secondary_action alert tags metadata",
    ),
    "live_activities.start_live_activity": ("live_activity_start_request", ""),
    "live_activities.update_live_activity": ("live_activity_update_request", ""),
    "live_activities.end_live_activity": ("live_activity_end_request", ""),
    "live_activities.reconcile_live_activity_stream": (
        "stream_key live_activity_stream_request",
        "",
    ),
    "live_activities.end_live_activity_stream": (
        "stream_key live_activity_stream_delete_request",
        "",
    ),
    "metrics.update": ("key value_or_request timestamp", ""),
    "metrics.update_metric_value": ("key metric_value_update_request", ""),
    "badge_count": ("value", "channels"),
}
ALIAS_TARGETS = {
    "send_push_notification": "send",
    "replace_push_notification": "replace",
    "start_live_activity": "start",
    "update_live_activity": "update",
    "end_live_activity": "end",
    "reconcile_live_activity_stream": "stream",
    "end_live_activity_stream": "end_stream",
    "update_metric_value": "update",
}


def _accepted_names(method: Any) -> tuple[list[str], set[str]]:
    """A method's positional-or-keyword names (after self) and every keyword it takes,
    the `**fields` TypedDict's keys included."""
    signature = inspect.signature(method)
    positional = [
        p.name
        for p in signature.parameters.values()
        if p.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD
    ]
    keywords = {
        p.name
        for p in signature.parameters.values()
        if p.kind in (inspect.Parameter.POSITIONAL_OR_KEYWORD, inspect.Parameter.KEYWORD_ONLY)
    }
    for parameter in signature.parameters.values():
        if parameter.kind is inspect.Parameter.VAR_KEYWORD:
            # `**fields: Unpack[LiveActivityStartKeywords]` (a string: annotations are lazy)
            typed = str(parameter.annotation).removeprefix("Unpack[").removesuffix("]")
            fields = getattr(generated_params, typed)
            keywords |= fields.__required_keys__ | fields.__optional_keys__
    return positional, keywords


@pytest.mark.parametrize("client_class", [ActivitySmith, AsyncActivitySmith])
@pytest.mark.parametrize("name", sorted(OFFICIAL_SIGNATURES))
def test_every_official_parameter_is_accepted_under_its_name(
    client_class: type[Any], name: str
) -> None:
    """Same names in the same positions, and every keyword-only name taken (explicitly or
    through the method's typed `**fields`): a rename or a field lost from the spec fails."""
    client = client_class("ask_test", base_url="http://127.0.0.1:9/api")
    *resource, method_name = name.split(".")
    owner = getattr(client, resource[0]) if resource else client
    positional, keyword_only = (part.split() for part in OFFICIAL_SIGNATURES[name])
    target = getattr(type(owner), ALIAS_TARGETS.get(method_name, method_name))
    if method_name in ALIAS_TARGETS:
        # The official alias passes `**kwargs` on to the method it names: the same keywords.
        # Ours takes the request under the schema's name and forwards to the same method.
        alias = getattr(type(owner), method_name)
        assert alias.request_keyword == positional.pop(), name
        official_target = ".".join([*resource, ALIAS_TARGETS[method_name]])
        keyword_only = OFFICIAL_SIGNATURES[official_target][1].split()

    ours_positional, ours_keywords = _accepted_names(target)

    assert ours_positional[1 : len(positional) + 1] == positional, name
    assert set(keyword_only) <= ours_keywords, set(keyword_only) - ours_keywords
