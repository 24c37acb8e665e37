"""The Lock Screen preview in headless Chromium: each README example, sent through the SDK,
appears on the page without a reload, drawn as the phone would show it."""

from __future__ import annotations

import re
import time

import httpx
from playwright.sync_api import Locator, Page, expect

from activitysmith import ActivitySmith, action, content_state, metric
from activitysmith.testing import ActivitySmithServer, Fault

from . import examples
from .conftest import LIVE_TIMEOUT_MS, PageWatch, wait_for_server

NOTIFICATIONS = "#notifications [data-kind=notification]"


def stream_card(page: Page, server: ActivitySmithServer, stream_key: str) -> Locator:
    return activity_card(page, server.streams[stream_key])


def activity_card(page: Page, activity_id: str) -> Locator:
    return page.locator(f'#activities [data-activity-id="{activity_id}"]')


def timer_seconds(card: Locator) -> int:
    return int(card.locator(".timer-digits").get_attribute("data-seconds") or "-1")


# -- push notifications -------------------------------------------------------------------


def test_a_push_appears_with_title_and_message_and_the_newest_comes_first(
    page: Page, client: ActivitySmith
) -> None:
    examples.push(client)
    cards = page.locator(NOTIFICATIONS)
    expect(cards).to_have_count(1, timeout=LIVE_TIMEOUT_MS)
    expect(cards.first.locator(".n-title")).to_have_text("New subscription 💸")
    expect(cards.first.locator(".n-message")).to_have_text("Customer upgraded to Pro plan")
    expect(cards.first.locator(".n-time")).to_have_text("now")
    expect(cards.first).to_have_attribute("data-level", "active")
    expect(cards.first.locator(".meta")).to_contain_text("Interruption level: Active (default)")

    client.notifications.send(title="Build passed", subtitle="main", message="main @ 3f2a91c")
    expect(cards).to_have_count(2, timeout=LIVE_TIMEOUT_MS)
    expect(cards.locator(".n-title")).to_have_text(["Build passed", "New subscription 💸"])
    expect(cards.first.locator(".n-subtitle")).to_have_text("main")
    expect(page.locator("#empty")).to_be_hidden()


def test_rich_push_media_is_a_thumbnail_placeholder_and_is_never_loaded(
    page: Page, client: ActivitySmith, watch: PageWatch
) -> None:
    examples.rich_push(client)
    card = page.locator(NOTIFICATIONS).first
    thumb = card.locator(".n-thumb")
    expect(thumb).to_have_class(re.compile(r"\bkind-image\b"), timeout=LIVE_TIMEOUT_MS)
    expect(thumb.locator(".remote-name")).to_have_text("homepage-v2.png")
    expect(thumb.locator(".remote-host")).to_have_text("cdn.example.com")
    expect(card.locator(".n-tap")).to_have_text("Tap opens https://github.com/acme/web/pull/482")
    expect(card.locator(".n-hint")).to_contain_text("Press and hold")

    card.click()  # the long-press view: the media, large, still a placeholder
    expect(card.locator(".n-expanded .n-media-url")).to_have_text(
        "image · https://cdn.example.com/output/homepage-v2.png"
    )
    sources = page.eval_on_selector_all("img", "images => images.map(i => i.src)")
    assert all(src.endswith("/_preview/icon.svg") for src in sources), sources
    assert not any("example.com" in url for url in watch.requests)


def test_actionable_push_shows_each_button_and_what_it_would_do(
    page: Page, client: ActivitySmith
) -> None:
    examples.actionable_push(client)
    card = page.locator(NOTIFICATIONS).first
    expect(card.locator(".n-hint")).to_have_text(
        "Press and hold (click) to see 2 actions", timeout=LIVE_TIMEOUT_MS
    )
    expect(card.locator(".n-expanded")).to_be_hidden()
    card.click()
    buttons = card.locator(".n-action")
    expect(buttons).to_have_text(["Open CRM Profile", "Start Onboarding Workflow"])
    expect(buttons.nth(0)).to_have_attribute("data-action-type", "open_url")
    expect(buttons.nth(1)).to_have_attribute("data-action-type", "webhook")
    effects = card.locator(".action-effect")
    expect(effects.nth(0)).to_have_text("Opens https://crm.example.com/customers/cus_9f3a1d")
    expect(effects.nth(1)).to_have_text(
        'ActivitySmith calls POST https://hooks.example.com/activitysmith/onboarding/start with { "customer_id": "cus_9f3a1d", "plan": "pro" }'
    )
    address, tabs = page.url, len(page.context.pages)
    buttons.nth(0).click()  # pressing says what would happen; nothing is opened
    expect(page.locator("#toast")).to_have_text(
        "Would do: Opens https://crm.example.com/customers/cus_9f3a1d"
    )
    assert page.url == address
    assert len(page.context.pages) == tabs
    card.locator(".n-hint").click()
    expect(card.locator(".n-expanded")).to_be_hidden()


def test_action_helpers_with_a_time_sensitive_interruption_level(
    page: Page, client: ActivitySmith
) -> None:
    examples.time_sensitive_push(client)
    card = page.locator(NOTIFICATIONS).first
    expect(card).to_have_attribute("data-level", "time-sensitive", timeout=LIVE_TIMEOUT_MS)
    expect(card.locator(".n-level-banner")).to_have_text("Time Sensitive")
    expect(card.locator(".meta")).to_contain_text("Interruption level: Time Sensitive")
    card.click()
    expect(card.locator(".action-effect").nth(1)).to_have_text(
        "ActivitySmith calls POST https://ops.example.com/hooks/rotate"
    )

    client.notifications.send(title="Nightly report", interruption_level="passive")
    expect(page.locator(NOTIFICATIONS).first).to_have_attribute(
        "data-level", "passive", timeout=LIVE_TIMEOUT_MS
    )


def test_channels_reach_their_devices_and_the_device_picker_filters(
    page: Page, client: ActivitySmith
) -> None:
    client.notifications.send(
        {
            "title": "New subscription 💸",
            "message": "Customer upgraded to Pro plan",
            "channels": ["sales", "customer-success"],
        }
    )
    card = page.locator(NOTIFICATIONS).first
    expect(card.locator(".meta")).to_contain_text(
        "Alice's iPhone, Bob's iPhone", timeout=LIVE_TIMEOUT_MS
    )
    try:
        page.select_option("#device", "Alice's iPad")
        expect(page.locator(NOTIFICATIONS)).to_have_count(0)
        page.select_option("#device", "Bob's iPhone")
        expect(page.locator(NOTIFICATIONS)).to_have_count(1)
    finally:
        page.select_option("#device", "")


def test_a_replaced_notification_changes_in_place(page: Page, client: ActivitySmith) -> None:
    sent = client.notifications.send(title="Deploy started", message="api v42: building")
    client.notifications.send(title="Coffee is ready")
    cards = page.locator(NOTIFICATIONS)
    expect(cards.locator(".n-title")).to_have_text(
        ["Coffee is ready", "Deploy started"], timeout=LIVE_TIMEOUT_MS
    )
    client.notifications.replace(
        sent.notification_id, title="Deploy finished", message="api v42 is live"
    )
    expect(cards.locator(".n-title")).to_have_text(
        ["Coffee is ready", "Deploy finished"], timeout=LIVE_TIMEOUT_MS
    )
    replaced = cards.nth(1)
    expect(replaced).to_have_attribute("data-notification-id", sent.notification_id)
    expect(replaced.locator(".n-message")).to_have_text("api v42 is live")
    expect(replaced.locator(".meta")).to_contain_text("Replaced 1× (silently, in place)")
    expect(replaced.locator(".request-link")).to_have_text(["#1", "#3"])


# -- Live Activities ------------------------------------------------------------------------


def test_a_metrics_stream_starts_updates_and_ends(
    page: Page, server: ActivitySmithServer, client: ActivitySmith
) -> None:
    status = examples.metrics_stream(client)
    assert status.operation == "started"
    card = stream_card(page, server, "prod-web-1")
    expect(card).to_have_attribute("data-type", "metrics", timeout=LIVE_TIMEOUT_MS)
    expect(card).to_have_class(re.compile(r"\bc-blue\b"))  # the accent when none is sent
    expect(card.locator(".la-title")).to_have_text("Server Health")
    expect(card.locator(".la-subtitle")).to_have_text("prod-web-1")
    expect(card.locator(".metric-value")).to_have_text(["9%", "45%"])
    expect(card.locator(".metric-label")).to_have_text(["CPU", "MEM"])

    busy = {
        **examples.SERVER_HEALTH,
        "metrics": [metric("CPU", 76, unit="%"), metric("MEM", 52, unit="%")],
    }
    client.live_activities.stream("prod-web-1", {"content_state": busy})
    expect(card.locator(".metric-value")).to_have_text(["76%", "52%"], timeout=LIVE_TIMEOUT_MS)
    expect(card.locator(".meta")).to_contain_text("1 update")

    calm = {
        **examples.SERVER_HEALTH,
        "metrics": [metric("CPU", 7, unit="%"), metric("MEM", 38, unit="%")],
    }
    client.live_activities.end_stream("prod-web-1", {"content_state": calm})
    expect(card).to_have_attribute("data-ended", "1", timeout=LIVE_TIMEOUT_MS)
    expect(card.locator(".metric-value")).to_have_text(["7%", "38%"])
    expect(card.locator(".la-status")).to_have_text(
        re.compile(r"^Ended · removed in 0[23]:\d\d \(default: 3 minutes\)$")
    )
    expect(page.locator("#island")).to_have_class(re.compile(r"\bidle\b"))


def test_segmented_progress_draws_its_steps_and_their_colours(
    page: Page, server: ActivitySmithServer, client: ActivitySmith
) -> None:
    examples.segmented_stream(client)
    card = stream_card(page, server, "nightly-backup")
    segments = card.locator(".segments")
    expect(segments).to_have_attribute("data-steps", "3", timeout=LIVE_TIMEOUT_MS)
    expect(segments).to_have_attribute("data-current-step", "2")
    expect(segments.locator(".seg")).to_have_count(3)
    expect(segments.locator(".seg.done")).to_have_count(2)
    expect(segments.locator(".seg.current")).to_have_count(1)
    expect(card.locator(".la-trailing")).to_have_text("2/3")
    expect(card.locator(".bar-label")).to_have_text("2 of 3 steps done")

    start = client.live_activities.start(
        {
            "content_state": {
                "title": "Nightly database backup",
                "subtitle": "create snapshot",
                "number_of_steps": 3,
                "current_step": 1,
                "type": "segmented_progress",
                "color": "yellow",
            }
        }
    )
    legacy = activity_card(page, start.activity_id)
    expect(legacy).to_have_class(re.compile(r"\bc-yellow\b"), timeout=LIVE_TIMEOUT_MS)
    expect(legacy.locator(".seg.done")).to_have_class(re.compile(r"\bc-yellow\b"))
    client.live_activities.update(
        {
            "activity_id": start.activity_id,
            "content_state": {
                "title": "Nightly database backup",
                "subtitle": "upload archive",
                "number_of_steps": 4,
                "current_step": 2,
                "step_colors": ["green", "red"],
                "step_color": "orange",
            },
        }
    )
    expect(legacy.locator(".seg")).to_have_count(4, timeout=LIVE_TIMEOUT_MS)
    expect(legacy.locator(".seg").nth(0)).to_have_class(
        re.compile(r"\bdone\b.*\bc-green\b|\bc-green\b.*\bdone\b")
    )
    expect(legacy.locator(".seg").nth(1)).to_have_attribute("data-color", "red")
    expect(legacy.locator(".seg").nth(2)).to_have_attribute("data-color", "orange")
    expect(legacy.locator(".seg").nth(3)).to_have_class(re.compile(r"\btodo\b"))
    expect(legacy.locator(".la-subtitle")).to_have_text("upload archive")


def test_progress_by_percentage_and_by_value_out_of_upper_limit(
    page: Page, server: ActivitySmithServer, client: ActivitySmith
) -> None:
    examples.progress_stream(client)
    card = stream_card(page, server, "search-reindex")
    bar = card.locator(".bar")
    expect(bar).to_have_attribute("data-percentage", "42", timeout=LIVE_TIMEOUT_MS)
    expect(bar).to_have_attribute("aria-valuenow", "42")
    expect(card.locator(".la-trailing")).to_have_text("42%")
    width = card.locator(".bar .fill").evaluate("fill => fill.style.width")
    assert width == "42%"

    start = client.live_activities.start(
        content_state=content_state(
            "Uploading logs", type="progress", value=30, upper_limit=120, color="purple"
        )
    )
    by_value = activity_card(page, start.activity_id)
    expect(by_value.locator(".bar")).to_have_attribute(
        "data-percentage", "25", timeout=LIVE_TIMEOUT_MS
    )
    expect(by_value.locator(".bar-label")).to_have_text("30 / 120")
    expect(by_value.locator(".bar")).to_have_class(re.compile(r"\bc-purple\b"))


def test_a_count_up_timer_runs_pauses_and_resumes(
    page: Page, server: ActivitySmithServer, client: ActivitySmith
) -> None:
    examples.timer_stream(client)
    card = stream_card(page, server, "deploy-api")
    digits = card.locator(".timer-digits")
    expect(digits).to_have_attribute("data-timer-state", "running", timeout=LIVE_TIMEOUT_MS)
    expect(card.locator(".timer-row")).to_have_class(re.compile(r"\bc-cyan\b"))
    expect(card.locator(".timer-mode")).to_have_text("counting up")
    expect(digits).to_have_attribute("data-seconds", re.compile(r"^[1-9]"), timeout=5000)

    client.live_activities.stream(
        "deploy-api", content_state={"title": "Deploying api", "is_running": False}
    )
    expect(digits).to_have_attribute("data-timer-state", "paused", timeout=LIVE_TIMEOUT_MS)
    frozen = timer_seconds(card)
    time.sleep(1.2)
    assert timer_seconds(card) == frozen

    client.live_activities.stream(
        "deploy-api", content_state={"title": "Deploying api", "is_running": True}
    )
    expect(digits).to_have_attribute("data-timer-state", "running", timeout=LIVE_TIMEOUT_MS)
    expect(digits).to_have_attribute("data-seconds", str(frozen + 1), timeout=5000)


def test_a_countdown_timer_counts_down_from_its_duration(
    page: Page, server: ActivitySmithServer, client: ActivitySmith
) -> None:
    client.live_activities.stream(
        "tea", content_state=content_state("Tea", type="timer", duration_seconds=600)
    )
    card = stream_card(page, server, "tea")
    digits = card.locator(".timer-digits")
    expect(digits).to_have_text(re.compile(r"^(10:00|09:5\d)$"), timeout=LIVE_TIMEOUT_MS)
    expect(card.locator(".timer-mode")).to_have_text("counting down from 10:00")
    expect(digits).to_have_text(re.compile(r"^09:5\d$"), timeout=5000)
    expect(page.locator("#island-compact .island-trailing")).to_have_text(
        re.compile(r"^(10:00|09:5\d)$")
    )
    client.live_activities.end_stream("tea")
    expect(digits).to_have_attribute("data-timer-state", "ended", timeout=LIVE_TIMEOUT_MS)


def test_an_alert_with_its_icon_badge_and_button(
    page: Page, server: ActivitySmithServer, client: ActivitySmith
) -> None:
    examples.alert_stream(client)
    card = stream_card(page, server, "disk-db-2")
    expect(card).to_have_attribute("data-type", "alert", timeout=LIVE_TIMEOUT_MS)
    expect(card.locator(".alert-message")).to_have_text("91% used on /var/lib/postgresql")
    icon = card.locator(".la-icon")
    expect(icon).to_have_attribute("data-symbol", "externaldrive.fill.badge.exclamationmark")
    expect(icon).to_have_class(re.compile(r"\bc-red\b"))
    expect(card.locator(".la-badge")).to_have_text("SEV-2")
    expect(card.locator(".la-badge")).to_have_class(re.compile(r"\bc-red\b"))
    button = card.locator(".la-action")
    expect(button).to_have_text("Open runbook")
    expect(button).to_have_attribute("data-role", "primary")
    expect(card.locator(".action-effect")).to_have_text(
        "Opens https://ops.example.com/runbooks/disk"
    )


def test_a_value_readout_and_stats_with_their_own_colours(
    page: Page, server: ActivitySmithServer, client: ActivitySmith
) -> None:
    examples.value_stream(client)
    examples.stats_stream(client)
    mrr = stream_card(page, server, "mrr")
    expect(mrr.locator(".value-readout")).to_have_text("$48,210", timeout=LIVE_TIMEOUT_MS)
    expect(mrr.locator(".value-readout")).to_have_class(re.compile(r"\bc-green\b"))
    stats = stream_card(page, server, "ci-stats")
    expect(stats).to_have_attribute("data-type", "stats", timeout=LIVE_TIMEOUT_MS)
    tiles = stats.locator(".metric")
    expect(tiles.locator(".metric-value")).to_have_text(["182", "3"])
    expect(tiles.locator(".metric-label")).to_have_text(["passed", "failed"])
    expect(tiles.nth(0)).to_have_attribute("data-color", "green")
    expect(tiles.nth(1)).to_have_attribute("data-color", "red")


def test_primary_and_secondary_actions_where_the_type_shows_them(
    page: Page, client: ActivitySmith
) -> None:
    pause = {
        "title": "Pause Reindex",
        "type": "webhook",
        "url": "https://ops.example.com/hooks/search/reindex/pause",
        "method": "POST",
        "body": {"job_id": "reindex-2026-03-19", "requested_by": "activitysmith-python"},
    }
    progress = client.live_activities.start(
        content_state=content_state("Reindex", type="progress", percentage=10, color="orange"),
        action=action("Open Dashboard", "https://ops.example.com/search"),
        secondary_action=pause,
    )
    card = activity_card(page, progress.activity_id)
    buttons = card.locator(".la-action")
    expect(buttons).to_have_text(["Open Dashboard", "Pause Reindex"], timeout=LIVE_TIMEOUT_MS)
    expect(buttons.nth(1)).to_have_attribute("data-role", "secondary")
    expect(buttons.nth(1)).to_have_attribute("data-action-type", "webhook")
    expect(card.locator(".la-actions .action").nth(1)).to_have_class(re.compile(r"\bc-orange\b"))
    expect(card.locator(".action-effect").nth(1)).to_have_text(
        'ActivitySmith calls POST https://ops.example.com/hooks/search/reindex/pause with { "job_id": "reindex-2026-03-19", "requested_by": "activitysmith-python" }'
    )

    metrics = client.live_activities.start(
        content_state=content_state("Queue", type="metrics", metrics=[metric("depth", 4)]),
        secondary_action=pause,
    )
    other = activity_card(page, metrics.activity_id)
    expect(other.locator(".ignored-field")).to_have_text(
        "secondary_action is not shown on metrics activities", timeout=LIVE_TIMEOUT_MS
    )
    expect(other.locator(".la-action")).to_have_count(0)


def test_ended_activities_stay_for_auto_dismiss_minutes_then_leave(
    page: Page, client: ActivitySmith
) -> None:
    start = client.live_activities.start(
        {
            "content_state": {
                "title": "EV Charging",
                "subtitle": "Added 30 mi range",
                "type": "progress",
                "percentage": 15,
            }
        }
    )
    card = activity_card(page, start.activity_id)
    expect(card.locator(".bar")).to_have_attribute("data-percentage", "15", timeout=LIVE_TIMEOUT_MS)
    client.live_activities.update(
        {
            "activity_id": start.activity_id,
            "content_state": {
                "title": "EV Charging",
                "subtitle": "Added 120 mi range",
                "percentage": 60,
            },
        }
    )
    expect(card.locator(".bar")).to_have_attribute("data-percentage", "60", timeout=LIVE_TIMEOUT_MS)
    client.live_activities.end(
        {
            "activity_id": start.activity_id,
            "content_state": {
                "title": "EV Charging",
                "subtitle": "Added 200 mi range",
                "percentage": 100,
                "auto_dismiss_minutes": 2,
            },
        }
    )
    expect(card.locator(".la-status")).to_have_text(
        re.compile(r"^Ended · removed in 0[12]:\d\d \(auto_dismiss_minutes: 2\)$"),
        timeout=LIVE_TIMEOUT_MS,
    )
    expect(card.locator(".bar")).to_have_attribute("data-percentage", "100")
    expect(card.locator(".request-link")).to_have_text(["#1", "#2", "#3"])

    gone = client.live_activities.start(
        content_state=content_state("Flash sale", type="value", value="3 left")
    )
    expect(activity_card(page, gone.activity_id)).to_have_count(1, timeout=LIVE_TIMEOUT_MS)
    client.live_activities.end(
        activity_id=gone.activity_id,
        content_state={"title": "Flash sale", "auto_dismiss_minutes": 0},
    )
    expect(activity_card(page, gone.activity_id)).to_have_count(0, timeout=LIVE_TIMEOUT_MS)
    drawer = page.locator("#dismissed")
    expect(drawer.locator("summary")).to_have_text(
        "1 dismissed Live Activity (no longer on the Lock Screen)"
    )
    expect(drawer.locator(f'[data-activity-id="{gone.activity_id}"] .la-status')).to_have_text(
        "Dismissed (auto_dismiss_minutes: 0)"
    )


def test_the_dynamic_island_shows_the_newest_running_activity(
    page: Page, client: ActivitySmith
) -> None:
    first = client.live_activities.start(
        content_state=content_state(
            "Server Health", type="metrics", metrics=[metric("CPU", 9, unit="%")]
        )
    )
    second = client.live_activities.start(
        content_state=content_state(
            "Search Reindex", subtitle="catalog-v2", type="progress", percentage=42
        )
    )
    island = page.locator("#island")
    expect(island).to_have_attribute(
        "data-activity-id", second.activity_id, timeout=LIVE_TIMEOUT_MS
    )
    expect(island.locator(".island-trailing")).to_have_text("42%")
    compact = page.locator("#island-compact")
    expect(compact).to_have_attribute("data-type", "progress")
    expanded = page.locator("#island-expanded")
    expect(expanded.locator(".la-title")).to_have_text("Search Reindex")
    expect(expanded.locator(".la-subtitle")).to_have_text("catalog-v2")
    expect(expanded.locator(".bar")).to_have_attribute("data-percentage", "42")
    expect(page.locator("#island-minimal")).to_have_attribute("data-activity-id", first.activity_id)
    # The Lock Screen stacks them in start order: the first one started stays on top.
    expect(page.locator("#activities .la-title")).to_have_text(["Server Health", "Search Reindex"])

    client.live_activities.end(activity_id=second.activity_id, content_state={"title": "Done"})
    expect(island).to_have_attribute("data-activity-id", first.activity_id, timeout=LIVE_TIMEOUT_MS)
    expect(island.locator(".island-trailing")).to_have_text("9%")
    expect(page.locator("#island-minimal")).to_be_hidden()
    client.live_activities.end(activity_id=first.activity_id, content_state={"title": "Done"})
    expect(island).to_have_class(re.compile(r"\bidle\b"), timeout=LIVE_TIMEOUT_MS)
    expect(expanded).to_have_text("No running Live Activity.")


# -- widgets and the badge --------------------------------------------------------------------


def test_widget_metrics_and_the_app_icon_badge(page: Page, client: ActivitySmith) -> None:
    client.metrics.update("deploy.success_rate", 99.9)
    client.metrics.update("prod.status", "healthy")
    widgets = page.locator("#widgets [data-kind=widget]")
    expect(widgets.locator(".widget-value")).to_have_text(
        ["99.9", "healthy"], timeout=LIVE_TIMEOUT_MS
    )
    expect(widgets.locator(".widget-key")).to_have_text(["deploy.success_rate", "prod.status"])
    client.metrics.update("deploy.success_rate", 99.7)
    expect(widgets.first.locator(".widget-value")).to_have_text("99.7", timeout=LIVE_TIMEOUT_MS)

    client.badge_count(3)
    icon = page.locator("#app-icon")
    expect(icon).to_have_attribute("data-badge", "3", timeout=LIVE_TIMEOUT_MS)
    expect(icon.locator(".app-badge")).to_have_text("3")
    icon.click()  # the request that set it
    expect(page.locator("#req-4")).to_have_class(re.compile(r"\bhighlight\b"))
    client.badge_count(0, channels=["ops"])  # clears it on Alice's devices only
    expect(icon).to_have_attribute("data-badge", "0", timeout=LIVE_TIMEOUT_MS)
    expect(icon.locator(".app-badge")).to_be_hidden()
    try:
        page.select_option("#device", "Bob's iPhone")
        expect(icon).to_have_attribute("data-badge", "3")
    finally:
        page.select_option("#device", "")


# -- the request log ----------------------------------------------------------------------------


def test_the_log_shows_each_request_and_what_the_spec_check_found(
    page: Page, server: ActivitySmithServer, client: ActivitySmith
) -> None:
    client.notifications.send(title="Deploy finished", message="api v42 is live")
    raw = httpx.Client(
        base_url=server.base_url, headers={"Authorization": f"Bearer {server.api_key}"}
    )
    with raw:
        raw.put(
            "/live-activity/stream/etl",
            json={"content_state": {"title": "ETL", "type": "progress", "percentage": 140}},
        )
        raw.post("/badge", json={"badge": 1}, headers={"Authorization": "Bearer wrong"})
    entries = page.locator("#log-list .log-entry")
    expect(entries).to_have_count(3, timeout=LIVE_TIMEOUT_MS)
    push, invalid, unauthorized = entries.nth(2), entries.nth(1), entries.nth(0)
    expect(push.locator(".log-head")).to_have_text(
        re.compile(r"#1\s*POST\s*/api/push-notification\s*200")
    )
    expect(push.locator(".log-operation")).to_have_text("sendPushNotification")
    expect(push.locator(".log-validation")).to_have_attribute("data-result", "valid")
    expect(push.locator(".v-note")).to_have_text("✓ valid against openapi.yaml")
    expect(push.locator(".log-body pre")).to_contain_text(
        '"title": "Deploy finished"', use_inner_text=False
    )
    expect(push.locator(".log-headers pre")).to_contain_text(
        "Authorization: Bearer ***", use_inner_text=False
    )
    expect(push.locator(".log-response pre")).to_contain_text(
        '"notification_id"', use_inner_text=False
    )

    expect(invalid.locator(".log-status")).to_have_text("400")
    expect(invalid.locator(".log-validation")).to_have_attribute("data-result", "invalid")
    expect(invalid.locator(".v-problems li")).to_have_text(
        [re.compile(r"^content_state\.percentage: 140 ")]
    )
    expect(unauthorized.locator(".log-validation")).to_have_attribute("data-result", "not_checked")
    expect(unauthorized.locator(".v-note")).to_have_text(
        "– not checked: the API answered before the spec check (401 Unauthorized: Invalid API key)"
    )
    assert "wrong" not in page.content()

    # From the phone to the request that drew it, and back.
    page.locator(NOTIFICATIONS).first.locator(".request-link").click()
    expect(page.locator("#req-1")).to_have_class(re.compile(r"\bhighlight\b"))
    push.locator(".target-link").click()
    expect(page.locator(NOTIFICATIONS).first).to_have_class(re.compile(r"\bhighlight\b"))


def test_an_injected_fault_is_marked_in_the_log(page: Page, server: ActivitySmithServer) -> None:
    server.inject(Fault.html_error(502))
    response = httpx.post(
        server.base_url + "/badge",
        json={"badge": 2},
        headers={"Authorization": f"Bearer {server.api_key}"},
    )
    assert response.status_code == 502
    entry = page.locator("#log-list .log-entry").first
    expect(entry.locator(".log-status")).to_have_text("502", timeout=LIVE_TIMEOUT_MS)
    expect(entry.locator(".log-fault")).to_have_text("injected fault: html_error")
    expect(entry.locator(".v-note")).to_have_text(
        "– not checked: an injected fault answered before the API ran"
    )
    expect(page.locator("#app-icon")).to_have_attribute("data-badge", "")  # it never ran

    server.inject(Fault.unknown_fields())  # the API runs, then its answer grows new fields
    httpx.post(
        server.base_url + "/badge",
        json={"badge": 4},
        headers={"Authorization": f"Bearer {server.api_key}"},
    )
    expect(page.locator("#app-icon")).to_have_attribute("data-badge", "4", timeout=LIVE_TIMEOUT_MS)
    expect(page.locator("#log-list .log-entry").first.locator(".log-fault")).to_have_text(
        "injected fault: unknown_fields"
    )


# -- nothing a request sends can run ----------------------------------------------------------


XSS = [
    '<img src=x onerror="window.__xss=1">',
    "<script>window.__xss=2</script>",
    '"><svg onload="window.__xss=3">',
    "javascript:window.__xss=4",
    "</pre><iframe src=javascript:alert(5)>",
]


def test_xss_probes_in_titles_and_urls_render_as_text(
    page: Page, server: ActivitySmithServer, watch: PageWatch
) -> None:
    raw = httpx.Client(
        base_url=server.base_url, headers={"Authorization": f"Bearer {server.api_key}"}
    )
    with raw:
        answers = [
            raw.post(
                "/push-notification",
                json={
                    "title": XSS[0],
                    "subtitle": XSS[1],
                    "message": XSS[2],
                    "redirection": "vbscript:window.__xss=4",  # the API refuses javascript:
                    "icon": 'https://x.example/a.png"onerror="window.__xss=6',
                    "actions": [
                        {"title": XSS[4], "type": "open_url", "url": "vbscript:window.__xss=7"},
                        {"title": XSS[1], "type": "webhook", "url": "https://h.example/<script>"},
                    ],
                },
            ),
            raw.post(
                "/push-notification",
                json={
                    "title": "media",
                    "media": 'https://x.example/"><img src=x onerror=alert(8)>.png',
                },
            ),
            raw.put(
                "/live-activity/stream/xss",
                json={
                    "content_state": {
                        "title": XSS[2],
                        "subtitle": XSS[0],
                        "type": "alert",
                        "message": XSS[1],
                        "icon": {"symbol": XSS[0]},
                        "badge": {"title": XSS[1]},
                    },
                    "action": {
                        "title": XSS[0],
                        "type": "open_url",
                        "url": 'https://x.example/"><script>alert(9)</script>',
                    },
                },
            ),
            raw.put(
                "/live-activity/stream/xss-metrics",
                json={
                    "content_state": {
                        "title": "m",
                        "type": "metrics",
                        "color": "red; background: url(https://x.example/leak)",
                        "metrics": [{"label": XSS[0], "value": XSS[1][:60], "unit": XSS[2]}],
                    }
                },
            ),
            raw.post("/metrics/uptime/value", json={"value": XSS[0]}),
        ]
        raw.post("/push-notification", json={"title": XSS[3], "unknown": XSS[0]})  # a 400
    # The server refuses only the colour that is not one of its ten; the page shows that
    # request's body as text in its log.
    assert [a.status_code for a in answers] == [200, 200, 200, 400, 200], [a.text for a in answers]
    wait_for_server(page, server)
    cards = page.locator(NOTIFICATIONS)
    expect(cards.nth(1).locator(".n-title")).to_have_text(XSS[0])
    expect(cards.nth(1).locator(".n-subtitle")).to_have_text(XSS[1])
    expect(cards.nth(1).locator(".n-message")).to_have_text(XSS[2])
    expect(cards.nth(1).locator(".n-tap")).to_have_text("Tap opens vbscript:window.__xss=4")
    cards.nth(1).click()
    cards.nth(1).locator(".n-action").first.click()  # says what it would do; runs nothing
    expect(page.locator("#toast")).to_have_text("Would do: Opens vbscript:window.__xss=7")
    cards.nth(0).click()
    alert = page.locator('#activities [data-type="alert"]')
    expect(alert.locator(".la-title")).to_have_text(XSS[2])
    expect(alert.locator(".la-subtitle")).to_have_text(XSS[0])
    expect(alert.locator(".alert-message")).to_have_text(XSS[1])
    expect(alert.locator(".la-badge")).to_have_text(XSS[1])
    expect(alert.locator(".la-icon")).to_have_attribute("data-symbol", XSS[0])
    alert.locator(".la-action").click()
    expect(page.locator("#toast")).to_have_text(
        'Would do: Opens https://x.example/"><script>alert(9)</script>'
    )
    expect(page.locator("#widgets .widget-value")).to_have_text([XSS[0]])
    page.locator(".log-entry details").evaluate_all("all => all.forEach(d => d.open = true)")
    page.mouse.move(200, 700)
    time.sleep(0.2)

    assert page.evaluate("typeof window.__xss") == "undefined"
    assert watch.dialogs == []
    injected = page.evaluate(
        """() => ({
            scripts: [...document.scripts].map(s => s.src),
            frames: document.querySelectorAll('iframe, object, embed, svg').length,
            links: document.querySelectorAll('a[href], [href]').length,
            handlers: [...document.querySelectorAll('*')].filter(
                e => [...e.attributes].some(a => a.name.startsWith('on'))).length,
            images: [...document.images].map(i => i.getAttribute('src')),
        })"""
    )
    assert injected["scripts"] == [server.url + "/_preview/preview.js"]
    assert injected["frames"] == 0
    assert injected["links"] == 2  # the page's own icon and stylesheet, nothing a request sent
    assert injected["handlers"] == 0
    assert set(injected["images"]) == {"/_preview/icon.svg"}
    assert all(url.startswith(server.url + "/") for url in watch.requests)
    assert page.get_by_text(XSS[3], exact=False).count() >= 1  # the rejected body, as text


# -- live, offline and at any size ----------------------------------------------------------------


def test_the_page_is_live_without_polling(
    page: Page, server: ActivitySmithServer, client: ActivitySmith, watch: PageWatch
) -> None:
    time.sleep(1.5)
    assert watch.requests == []  # idle: nothing is fetched, the clock ticks on its own
    before = page.evaluate("document.body.dataset.version")
    client.notifications.send(title="Live")
    expect(page.locator(NOTIFICATIONS)).to_have_count(1, timeout=LIVE_TIMEOUT_MS)
    assert page.evaluate("document.body.dataset.version") != before
    assert watch.requests == []  # the change came over the open event stream


def test_light_and_dark_appearance(page: Page) -> None:
    html, theme = page.locator("html"), page.locator("#theme")
    colors = {}
    try:
        for scheme in ("light", "dark"):  # "auto" follows the system
            page.emulate_media(color_scheme=scheme)
            expect(html).to_have_attribute("data-theme", scheme)
            colors[scheme] = page.evaluate("getComputedStyle(document.body).backgroundColor")
        page.emulate_media(color_scheme="light")
        theme.click()  # auto -> light
        theme.click()  # light -> dark: wins over the system's light
        expect(theme).to_have_attribute("data-theme-choice", "dark")
        expect(html).to_have_attribute("data-theme", "dark")
        assert page.evaluate("getComputedStyle(document.body).backgroundColor") == colors["dark"]
    finally:
        theme.click()  # dark -> auto
        page.emulate_media(color_scheme=None)
    assert colors["light"] != colors["dark"]
    expect(theme).to_have_attribute("data-theme-choice", "auto")


def test_readable_at_phone_width_and_on_a_desktop(page: Page, client: ActivitySmith) -> None:
    client.notifications.send(title="A rather long title that has to wrap on a narrow phone screen")
    expect(page.locator(NOTIFICATIONS)).to_have_count(1, timeout=LIVE_TIMEOUT_MS)
    try:
        page.set_viewport_size({"width": 390, "height": 844})
        layout = page.evaluate(
            """() => ({
                scroll: document.documentElement.scrollWidth,
                phone: document.getElementById('phone').getBoundingClientRect().width,
                phoneBottom: document.getElementById('phone').getBoundingClientRect().bottom,
                logTop: document.querySelector('.log').getBoundingClientRect().top,
                title: document.querySelector('.n-title').getBoundingClientRect().right,
            })"""
        )
        assert layout["scroll"] <= 390
        assert layout["phone"] == 390
        assert layout["logTop"] >= layout["phoneBottom"]  # the log follows below the phone
        assert layout["title"] <= 390
    finally:
        page.set_viewport_size({"width": 1400, "height": 1000})
    side_by_side = page.evaluate(
        "document.querySelector('.log').getBoundingClientRect().left >"
        " document.getElementById('phone').getBoundingClientRect().right"
    )
    assert side_by_side


def test_chromium_runs_with_a_fresh_profile_and_no_sandbox_only_as_root(page: Page) -> None:
    import os

    version = page.context.new_page()
    try:
        version.goto("chrome://version")
        command_line = version.locator("#command_line").inner_text()
    finally:
        version.close()
    assert re.search(r"--user-data-dir=\S*activitysmith-chromium-", command_line), command_line
    assert ("--no-sandbox" in command_line) == (os.geteuid() == 0)
    assert "--disable-background-networking" in command_line
