"""Four processes sharing one account converge on its budget by the server's headers alone.

Real processes, each with the SDK's default limiter and no store in common, send pushes as
fast as their limiter lets them against one local server whose account allows 60 pushes
per window; the window is two seconds instead of a minute, so the run takes seconds.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from activitysmith.testing import ActivitySmithServer, RateLimits

PROCESSES = 4
PUSHES = 40  # each: 160 in all, three windows of 60
WINDOW = 2.0
ROOT = Path(__file__).resolve().parents[2]

WORKER = """
import json, sys, time
from activitysmith import ActivitySmith, ActivitySmithError

base_url, key, name, count, start = sys.argv[1:6]
time.sleep(max(0.0, float(start) - time.time()))  # all four begin together
failed = []
with ActivitySmith(key, base_url=base_url) as client:
    for number in range(int(count)):
        try:
            client.notifications.send(title=f"{name}-{number}")
        except ActivitySmithError as exc:
            failed.append(f"{name}-{number}: {exc!r}")
print(json.dumps(failed))
"""


def test_four_processes_sharing_one_account_collect_a_handful_of_429s_and_lose_nothing() -> None:
    limits = RateLimits(features={"notifications": 60}, window=WINDOW)
    with ActivitySmithServer(rate_limit=limits, preview=False) as server:
        start = time.time() + 1.5  # time enough for four interpreters to import the SDK
        workers = [
            subprocess.Popen(
                [sys.executable, "-c", WORKER, server.base_url, server.api_key, f"p{n}",
                 str(PUSHES), str(start)],
                cwd=ROOT,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for n in range(PROCESSES)
        ]  # fmt: skip
        outputs = [worker.communicate(timeout=120) for worker in workers]
        elapsed = time.time() - start
        statuses = [request.status for request in server.requests]
        titles = sorted(notification.title for notification in server.notifications)

    for worker, (out, err) in zip(workers, outputs, strict=True):
        assert worker.returncode == 0, err
        assert json.loads(out) == [], "a push was lost"
    expected = sorted(f"p{n}-{i}" for n in range(PROCESSES) for i in range(PUSHES))
    assert titles == expected  # every push delivered, none twice
    refused = statuses.count(429)
    print(
        f"\n{PROCESSES} processes, {len(titles)} pushes in {elapsed:.1f}s: {refused} answered 429"
    )
    assert refused <= 8
    assert set(statuses) <= {200, 429}
    # Three windows of 60 are the least the budget allows; the processes need not many more.
    assert 2 * WINDOW <= elapsed < 10 * WINDOW
