"""An independent contract check: Stoplight Prism validates the facade's real requests.

The local server checks requests with openapi-core; this module asks a second,
unrelated validator. The mechanism:

- `tests/contract/prism.py` installs `@stoplight/prism-cli@5.14.2` into `build/prism/`
  with npm on the first run (reused later) and starts `prism mock --errors` on a copy of
  `openapi.yaml` whose paths carry the `/api` prefix, in its own process group on a free
  port of 127.0.0.1; the module-scoped fixture stops it after the last test.
- With `--errors`, Prism answers a request that violates the spec with an error status
  and lists the violations in an `sl-violations` header (and in its log).
- Every README Python block (the reference examples) runs against Prism through
  `ACTIVITYSMITH_BASE_URL`, one block at a time. A recorder wrapped around httpx's
  transports sees each request that reached Prism and its answer, so a rejection counts
  even where a README block catches the SDK error. Prism's own log must show the same
  number of validated requests and no violation.
- Without node or npm the module is skipped, except under `CI=true`, where it fails.
"""

from __future__ import annotations

import ast
import os
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from activitysmith import ActivitySmith, action, content_state, metric
from activitysmith.testing._routes import ROUTES, match
from tests.contract import prism
from tests.docs.readme_blocks import Block, python_blocks, run_blocks

API_KEY = "ask_prism_contract"
PASSED = "The request passed the validation rules"


@pytest.fixture(scope="module")
def prism_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[prism.Prism]:
    """Prism mocking the `/api`-prefixed spec for the whole module."""
    prism.require()
    with prism.start(tmp_path_factory.mktemp("prism")) as server:
        yield server


@dataclass(frozen=True)
class Exchange:
    """One request that reached Prism, with Prism's verdict."""

    method: str
    path: str
    status: int
    violations: str | None

    def __str__(self) -> str:
        return f"{self.method} {self.path} -> {self.status} {self.violations or ''}".strip()


class Recorder:
    """Records every request sent to Prism's port by any httpx client in this process."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.exchanges: list[Exchange] = []

    def note(self, request: httpx.Request, response: httpx.Response) -> None:
        if request.url.host == "127.0.0.1" and request.url.port == self.port:
            self.exchanges.append(
                Exchange(
                    request.method,
                    request.url.raw_path.decode("ascii"),
                    response.status_code,
                    response.headers.get("sl-violations"),
                )
            )


@pytest.fixture
def recorder(prism_server: prism.Prism, monkeypatch: pytest.MonkeyPatch) -> Recorder:
    """Wraps httpx's network transports, below the SDK's retries: one entry per attempt."""
    recorder = Recorder(prism_server.port)
    sync_send = httpx.HTTPTransport.handle_request
    async_send = httpx.AsyncHTTPTransport.handle_async_request

    def handle_request(self: httpx.HTTPTransport, request: httpx.Request) -> httpx.Response:
        response = sync_send(self, request)
        recorder.note(request, response)
        return response

    async def handle_async_request(
        self: httpx.AsyncHTTPTransport, request: httpx.Request
    ) -> httpx.Response:
        response = await async_send(self, request)
        recorder.note(request, response)
        return response

    monkeypatch.setattr(httpx.HTTPTransport, "handle_request", handle_request)
    monkeypatch.setattr(httpx.AsyncHTTPTransport, "handle_async_request", handle_async_request)
    monkeypatch.setenv("ACTIVITYSMITH_API_KEY", API_KEY)
    monkeypatch.setenv("ACTIVITYSMITH_BASE_URL", prism_server.base_url)
    return recorder


def _prism_verdicts(server: prism.Prism, since: int, expected: int) -> tuple[int, list[str]]:
    """Requests Prism's log reports as validated after offset `since`, and its violations.

    Prism writes its log asynchronously, so wait (briefly) for `expected` verdicts.
    """
    deadline = time.monotonic() + 5.0
    while True:
        log = server.log()[since:]
        passed = log.count(PASSED)
        violations = [line for line in log.splitlines() if "Violation:" in line]
        if passed + len(violations) >= expected or time.monotonic() > deadline:
            return passed, violations
        time.sleep(0.05)


# -- the README's reference examples ------------------------------------------------------

API_METHODS = {"send", "replace", "stream", "end_stream", "start", "update", "end", "badge_count"}
API_AREAS = {"notifications", "live_activities", "metrics"}


def _calls_the_api(block: Block) -> bool:
    """Whether the block calls the configured API through a client (facade or generated).

    A block that starts its own local server (the testing section) talks to that server.
    """
    if "ActivitySmithServer(" in block.code:
        return False
    for node in ast.walk(ast.parse(block.code)):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            continue
        receiver = node.func.value
        if node.func.attr == "sync_detailed":
            return True
        if node.func.attr == "badge_count":
            return True
        if (
            node.func.attr in API_METHODS
            and isinstance(receiver, ast.Attribute)
            and receiver.attr in API_AREAS
        ):
            return True
    return False


def _operation(exchange: Exchange) -> str | None:
    found = match(exchange.method, exchange.path.split("?")[0])
    return None if found is None else found.operation


def test_every_readme_example_is_accepted_by_prism(
    prism_server: prism.Prism, recorder: Recorder, capsys: pytest.CaptureFixture[str]
) -> None:
    blocks = [block for block in python_blocks() if block.runnable]
    examples = [block for block in blocks if _calls_the_api(block)]
    assert len(examples) >= 20, "the README should hold the reference examples"
    log_start = len(prism_server.log())

    namespace: dict[str, Any] = {"__name__": "readme"}
    sent_by: dict[str, list[Exchange]] = {}
    for block in blocks:
        before = len(recorder.exchanges)
        run_blocks([block], namespace)
        sent_by[block.label] = recorder.exchanges[before:]
    capsys.readouterr()  # the README's prints

    rejected = [
        f"{label}: {exchange}"
        for label, exchanges in sent_by.items()
        for exchange in exchanges
        if not 200 <= exchange.status < 300 or exchange.violations
    ]
    assert rejected == []
    silent = [block.label for block in examples if not sent_by[block.label]]
    assert silent == [], "these examples sent nothing to Prism"
    validated = len(recorder.exchanges)
    assert validated >= len(examples)
    assert {_operation(e) for e in recorder.exchanges} == {op for _, _, op in ROUTES}
    passed, violations = _prism_verdicts(prism_server, log_start, validated)
    assert (passed, violations) == (validated, [])


# -- one request per operation, including values the README does not show ---------------

FACADE_CALLS: list[Any] = [
    pytest.param(
        lambda c: c.notifications.send(
            title="Deploy finished ✓",
            message="api v2.14.0 is live",
            subtitle="prod",
            channels="ops,devs",
            interruption_level="passive",
            tags=[],
            metadata={"attempt": 2, "manual": False, "by": "ci"},
            actions=[action("Open logs", "https://logs.example.com/deploys/981")],
        ),
        id="sendPushNotification",
    ),
    pytest.param(
        lambda c: c.notifications.replace(
            "ntf_8Jk2LmQ4pR7sT9vW", title="Deploy finished", message="all green", metadata={}
        ),
        id="replacePushNotification",
    ),
    pytest.param(
        lambda c: c.live_activities.stream(
            "deploy-api-prod",
            content_state=content_state(
                "Backup upload", type="progress", value=12.5, upper_limit=80, color="cyan"
            ),
            secondary_action=action("Cancel", "https://ops.example.com/hooks/x", type="webhook"),
            action=action("Open", "https://ops.example.com/backups"),
            channels=["ops"],
        ),
        id="reconcileLiveActivityStream",
    ),
    pytest.param(
        lambda c: c.live_activities.end_stream(
            "deploy-api-prod",
            content_state=content_state(
                "Done", type="stats", metrics=[metric("rows", 42118), metric("errors", "none")]
            ),
            tags=["etl"],
        ),
        id="endLiveActivityStream",
    ),
    pytest.param(lambda c: c.live_activities.end_stream("deploy-api-prod"), id="end-without-body"),
    pytest.param(
        lambda c: c.live_activities.start(
            content_state=content_state("Incident open", type="timer", counts_down=False),
            channels=["ops"],
        ),
        id="startLiveActivity",
    ),
    pytest.param(
        lambda c: c.live_activities.update(
            activity_id="pLAr-Hnq9ZFW4sxlk43Lhbuok4GLh7UW",
            content_state={"title": "Maintenance window", "is_running": False},
        ),
        id="updateLiveActivity",
    ),
    pytest.param(
        lambda c: c.live_activities.end(
            activity_id="pLAr-Hnq9ZFW4sxlk43Lhbuok4GLh7UW",
            content_state={"title": "Done", "auto_dismiss_minutes": 0},
        ),
        id="endLiveActivity",
    ),
    pytest.param(
        lambda c: c.metrics.update("api.p95_latency", 182.5, timestamp="2026-07-20T09:30:00Z"),
        id="updateMetricValue",
    ),
    pytest.param(lambda c: c.metrics.update("prod.status", "healthy"), id="metric-string"),
    pytest.param(lambda c: c.badge_count(3), id="updateAppIconBadgeCount"),
    pytest.param(lambda c: c.badge_count(0, channels=["ops"]), id="badge-clear-for-channel"),
]


@pytest.mark.parametrize("call", FACADE_CALLS)
def test_facade_request_is_accepted_by_prism(call: Any, recorder: Recorder) -> None:
    with ActivitySmith(max_retries=0) as client:
        call(client)

    assert len(recorder.exchanges) == 1
    exchange = recorder.exchanges[0]
    assert 200 <= exchange.status < 300, str(exchange)
    assert exchange.violations is None, str(exchange)


# -- Prism really validates ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "path", "body", "location"),
    [
        ("POST", "/push-notification", {"title": 42}, "title"),
        ("POST", "/push-notification", {"title": "x", "colour": "red"}, "colour"),
        ("POST", "/badge", {"badge": -1}, "badge"),
        ("PUT", "/live-activity/stream/a%20b", {"content_state": {"title": "x"}}, "stream_key"),
        ("POST", "/metrics/uptime/value", {"value": 1, "timestamp": "yesterday"}, "timestamp"),
    ],
    ids=["wrong-type", "unknown-field", "below-minimum", "path-pattern", "date-time-format"],
)
def test_prism_rejects_a_request_that_breaks_the_spec(
    prism_server: prism.Prism, method: str, path: str, body: Any, location: str
) -> None:
    response = httpx.request(
        method,
        prism_server.base_url + path,
        json=body,
        headers={"Authorization": f"Bearer {API_KEY}"},
        timeout=10.0,
    )

    assert response.status_code in (400, 422)
    assert location in (response.headers.get("sl-violations") or "")


def test_prism_rejects_a_request_without_the_bearer_key(prism_server: prism.Prism) -> None:
    response = httpx.post(prism_server.base_url + "/badge", json={"badge": 1}, timeout=10.0)

    assert response.status_code == 401


# -- the mechanism itself -----------------------------------------------------------------


def test_the_prism_spec_copy_serves_every_path_under_api() -> None:
    spec = {"paths": {"/badge": {}, "/metrics/{key}/value": {}}, "servers": [{"url": "x"}]}

    copy = prism.prefixed_spec(spec)

    assert list(copy["paths"]) == ["/api/badge", "/api/metrics/{key}/value"]
    assert copy["servers"] == [{"url": "/"}]
    assert list(spec["paths"]) == ["/badge", "/metrics/{key}/value"]  # original untouched


@pytest.mark.parametrize(
    ("ci", "outcome"), [("", pytest.skip.Exception), ("true", pytest.fail.Exception)]
)
def test_missing_node_skips_except_under_ci(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, ci: str, outcome: type[BaseException]
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no node, no npm
    monkeypatch.setenv("CI", ci)

    with pytest.raises(outcome, match=re.escape("node and npm not found on PATH")):
        prism.require()


def test_prism_is_installed_in_build_and_reused(prism_server: prism.Prism) -> None:
    assert prism.installed_version() == prism.PRISM_VERSION
    assert prism.PRISM_BIN.is_relative_to(prism.ROOT / "build" / "prism")
    started = time.monotonic()
    assert prism.install() == prism.PRISM_BIN
    assert time.monotonic() - started < 5.0  # no second npm install
    assert os.access(prism.PRISM_BIN, os.X_OK)
