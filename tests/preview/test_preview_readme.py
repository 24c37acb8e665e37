"""Every Python example of the README, run block by block against the server the page watches:
after each one the page draws exactly what the server holds."""

from __future__ import annotations

import math
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from playwright.sync_api import Page

from activitysmith.testing import ActivitySmithServer, LiveActivity, Notification
from tests.docs.readme_blocks import python_blocks, run_blocks

from .conftest import wait_for_server

# What the page drew, read back from its DOM.
_DRAWN = """() => {
  const text = (root, selector) => {
    const node = root.querySelector(selector);
    return node ? node.textContent : null;
  };
  const all = (root, selector) => [...root.querySelectorAll(selector)].map(n => n.textContent);
  const activity = (card) => ({
    id: card.dataset.activityId,
    type: card.dataset.type,
    ended: card.dataset.ended === "1",
    title: text(card, ".la-title"),
    subtitle: text(card, ".la-subtitle"),
    color: card.dataset.color,
    percentage: card.querySelector(".bar") ? Number(card.querySelector(".bar").dataset.percentage) : null,
    steps: card.querySelector(".segments") ? Number(card.querySelector(".segments").dataset.steps) : null,
    current_step: card.querySelector(".segments") ? Number(card.querySelector(".segments").dataset.currentStep) : null,
    timer: card.querySelector(".timer-digits") ? card.querySelector(".timer-digits").dataset.timerState : null,
    metrics: all(card, ".metric-value"),
    message: text(card, ".alert-message"),
    value: text(card, ".value-readout"),
    actions: all(card, ".la-action"),
  });
  return {
    notifications: [...document.querySelectorAll("#notifications [data-kind=notification]")].map(card => ({
      id: card.dataset.notificationId,
      title: text(card, ".n-title"),
      subtitle: text(card, ".n-subtitle"),
      message: text(card, ".n-message"),
      level: card.dataset.level,
      actions: all(card, ".n-action"),
    })),
    activities: [...document.querySelectorAll("#activities [data-kind=activity], #dismissed [data-kind=activity]")].map(activity),
    widgets: [...document.querySelectorAll("#widgets [data-kind=widget]")].map(w => [w.dataset.metricKey, text(w, ".widget-value")]),
    badge: document.getElementById("app-icon").dataset.badge,
    log: document.querySelectorAll("#log-list .log-entry").length,
  };
}"""

_BUTTONS_OF_SECOND_ACTION = {"alert", "progress", "segmented_progress", "value"}


def _js_text(value: Any) -> str:
    """A JSON value as JavaScript's template strings write it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _expected_notification(notification: Notification) -> dict[str, Any]:
    payload = notification.payload
    level = notification.revisions[0].get("interruption_level", "active")
    return {
        "id": notification.notification_id,
        "title": payload["title"],
        "subtitle": payload.get("subtitle") or None,
        "message": payload.get("message") or None,
        "level": level,
        "actions": [a["title"] for a in payload.get("actions", [])],
    }


def _expected_activity(activity: LiveActivity) -> dict[str, Any]:
    state = activity.state
    kind = activity.type
    percentage = None
    if kind == "progress":
        if "percentage" in state:
            fraction = state["percentage"] / 100
        else:
            fraction = state["value"] / state["upper_limit"]
        percentage = math.floor(max(0.0, min(1.0, fraction)) * 1000 + 0.5) / 10
    timer = None
    if kind == "timer":
        timer = (
            "ended"
            if activity.ended
            else "paused"
            if state.get("is_running") is False
            else "running"
        )
    actions = []
    if activity.action:
        actions.append(activity.action["title"])
    if activity.secondary_action and kind in _BUTTONS_OF_SECOND_ACTION:
        actions.append(activity.secondary_action["title"])
    return {
        "id": activity.activity_id,
        "type": kind,
        "ended": activity.ended,
        "title": state["title"],
        "subtitle": state.get("subtitle") or None,
        "color": state.get("color", "blue"),
        "percentage": percentage,
        "steps": state["number_of_steps"] if kind == "segmented_progress" else None,
        "current_step": state["current_step"] if kind == "segmented_progress" else None,
        "timer": timer,
        "metrics": [_js_text(m["value"]) + m.get("unit", "") for m in state.get("metrics", [])]
        if kind in ("metrics", "stats")
        else [],
        "message": state.get("message") if kind == "alert" else None,
        "value": _js_text(state.get("value")) if kind == "value" else None,
        "actions": actions,
    }


def _expected_badge(server: ActivitySmithServer) -> str:
    badge = ""
    for request in server.requests:
        body = request.json if isinstance(request.json, dict) else {}
        if request.status != 200 or "badge" not in body:
            continue
        if request.operation in ("updateAppIconBadgeCount", "sendPushNotification"):
            badge = str(body["badge"])
    return badge


def assert_page_mirrors(page: Page, server: ActivitySmithServer, where: str) -> None:
    wait_for_server(page, server)
    drawn = page.evaluate(_DRAWN)
    assert drawn["notifications"] == [
        _expected_notification(n) for n in reversed(server.notifications)
    ], where
    expected = {a.activity_id: _expected_activity(a) for a in server.live_activities}
    assert {a["id"]: a for a in drawn["activities"]} == expected, where
    assert drawn["widgets"] == [
        [key, _js_text(m.value)] for key, m in server.metrics.items() if m.history
    ], where
    assert drawn["badge"] == _expected_badge(server), where
    assert drawn["log"] == len(server.requests), where


def test_every_readme_example_appears_on_the_page_as_the_server_holds_it(
    page: Page,
    server: ActivitySmithServer,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("ACTIVITYSMITH_API_KEY", server.api_key)
    monkeypatch.setenv("ACTIVITYSMITH_BASE_URL", server.base_url)
    namespace: dict[str, Any] = {"__name__": "readme"}
    checked = 0
    # The blocks run on a thread of their own: Playwright's sync API keeps an event loop
    # running on this one, and the README's async examples start their own.
    with ThreadPoolExecutor(max_workers=1) as runner:
        for block in python_blocks():
            if not block.runnable:
                continue
            runner.submit(run_blocks, [block], namespace).result()
            assert_page_mirrors(page, server, block.label)
            checked += 1
    capsys.readouterr()
    assert checked >= 30
    kinds = {a.type for a in server.live_activities}
    assert kinds == {
        "metrics",
        "stats",
        "segmented_progress",
        "progress",
        "timer",
        "alert",
        "value",
    }
    assert len(server.notifications) >= 5
