"""Robustness: many concurrent requests lose nothing; generated valid requests never break it."""

from __future__ import annotations

import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest

from activitysmith.testing import ActivitySmithServer, Device

THREADS = 8
REQUESTS_PER_THREAD = 1250


@dataclass
class Tally:
    """What one worker sent and what it expects the server to hold."""

    pushes: int = 0
    replaces: int = 0
    stream_states: int = 0
    metric_values: list[int] = field(default_factory=list)
    badges: int = 0
    legacy_starts: int = 0
    legacy_states: int = 0
    unexpected: list[str] = field(default_factory=list)


def worker(server: ActivitySmithServer, n: int, tally: Tally) -> None:
    """Send a fixed mix of requests for channel `team-n`, checking each status."""
    channel, stream = f"team-{n}", f"stream-{n}"
    last_notification: str | None = None
    legacy: str | None = None
    legacy_calls = 0

    with httpx.Client(
        base_url=server.base_url, headers={"Authorization": f"Bearer {server.api_key}"}, timeout=30
    ) as client:

        def call(method: str, path: str, body: Any, expected: int) -> dict[str, Any]:
            response = client.request(method, path, json=body)
            if response.status_code != expected:
                tally.unexpected.append(f"{method} {path}: {response.status_code} {response.text}")
            return dict(response.json())

        for i in range(REQUESTS_PER_THREAD):
            kind = i % 10
            if kind in (0, 1, 2):
                body = call(
                    "POST",
                    "/push-notification",
                    {"title": f"{n}-{i}", "target": {"channels": [channel]}},
                    200,
                )
                last_notification = body["notification_id"]
                tally.pushes += 1
            elif kind == 3 and last_notification is not None:
                call("PUT", f"/push-notification/{last_notification}", {"title": f"r{i}"}, 200)
                tally.replaces += 1
            elif kind in (4, 5):
                state = {"title": "job", "type": "progress", "percentage": i % 101}
                body = call(
                    "PUT",
                    f"/live-activity/stream/{stream}",
                    {"content_state": state, "channels": [channel]},
                    200,
                )
                tally.stream_states += body["operation"] in ("started", "updated")
            elif kind == 6:
                call("POST", "/metrics/deploy.success_rate/value", {"value": n * 100_000 + i}, 200)
                tally.metric_values.append(n * 100_000 + i)
            elif kind == 7:
                call("POST", "/badge", {"badge": i, "target": {"channels": [channel]}}, 200)
                tally.badges += 1
            elif kind == 8:
                legacy_calls += 1
                if legacy is None:
                    state = {"title": "legacy", "type": "alert", "message": "m"}
                    legacy = call(
                        "POST",
                        "/live-activity/start",
                        {"content_state": state, "target": {"channels": [channel]}},
                        200,
                    )["activity_id"]
                    tally.legacy_starts += 1
                elif legacy_calls % 4 == 0:
                    call(
                        "POST",
                        "/live-activity/end",
                        {"activity_id": legacy, "content_state": {"title": "done"}},
                        200,
                    )
                    legacy = None
                else:
                    call(
                        "POST",
                        "/live-activity/update",
                        {"activity_id": legacy, "content_state": {"title": f"u{i}"}},
                        200,
                    )
                tally.legacy_states += 1
            elif i % 100 == 9:
                call("DELETE", f"/live-activity/stream/{stream}", None, 200)
            else:
                bad = {"content_state": {"title": "x", "type": "progress", "percentage": 101}}
                call("PUT", f"/live-activity/stream/{stream}", bad, 400)


@pytest.mark.parametrize(
    "activitysmith_server_options",
    [
        {
            "rate_limit": None,
            "devices": [
                Device(f"phone-{n}", user=f"user-{n % 3}", channels=[f"team-{n}"])
                for n in range(THREADS)
            ],
        }
    ],
)
def test_ten_thousand_concurrent_requests_lose_nothing(server: ActivitySmithServer) -> None:
    tallies = [Tally() for _ in range(THREADS)]
    threads = [
        threading.Thread(target=worker, args=(server, n, tallies[n])) for n in range(THREADS)
    ]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started

    assert [t.unexpected for t in tallies] == [[]] * THREADS
    requests = server.requests
    assert len(requests) == THREADS * REQUESTS_PER_THREAD
    assert all(r.headers["Authorization"] == "Bearer ***" for r in requests)
    statuses = Counter(r.status for r in requests)
    assert set(statuses) == {200, 400}
    notifications = server.notifications
    assert len(notifications) == sum(t.pushes for t in tallies)
    assert sum(len(n.revisions) for n in notifications) == sum(
        t.pushes + t.replaces for t in tallies
    )
    metric = server.metrics["deploy.success_rate"]
    assert sorted(v.value for v in metric.history) == sorted(
        v for t in tallies for v in t.metric_values
    )
    assert len(server.badge_updates) == sum(t.badges for t in tallies)
    activities = server.live_activities
    for n, tally in enumerate(tallies):
        streamed = [a for a in activities if a.stream_key == f"stream-{n}"]
        legacy = [
            a for a in activities if a.stream_key is None and a.devices[0].name == f"phone-{n}"
        ]
        assert sum(len(a.states) for a in streamed) == tally.stream_states
        assert len(legacy) == tally.legacy_starts
        assert sum(len(a.states) for a in legacy) == tally.legacy_states
        assert sum(not a.ended for a in streamed) <= 1
    assert server.internal_errors == []
    print(f"\n{THREADS * REQUESTS_PER_THREAD} requests in {elapsed:.1f}s")
