"""The preview's side of the local server, at the wire: its routes, headers and live feed, and
that the API around it answers exactly as before."""

from __future__ import annotations

import json
import queue
import re
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from importlib.resources import files
from typing import Any

import httpx
import pytest

from activitysmith import ActivitySmith
from activitysmith.testing import ActivitySmithServer, Fault, RateLimits
from activitysmith.testing._preview import _endpoints
from activitysmith.testing._preview._assets import ASSETS

STATIC = files("activitysmith.testing._preview") / "static"


class EventReader:
    """Reads a preview event stream on a thread; `next()` waits for the next state."""

    def __init__(self, url: str, **headers: str) -> None:
        self.states: queue.Queue[dict[str, Any]] = queue.Queue()
        self.headers: dict[str, str] = {}
        self.ended = threading.Event()
        self._connected = threading.Event()
        self._thread = threading.Thread(target=self._read, args=(url, headers), daemon=True)
        self._thread.start()
        assert self._connected.wait(5)

    def _read(self, url: str, headers: dict[str, str]) -> None:
        try:
            with httpx.stream(
                "GET", url, headers=headers, timeout=httpx.Timeout(5, read=None)
            ) as r:
                self.headers = dict(r.headers)
                self._connected.set()
                data = ""
                for line in r.iter_lines():
                    if line.startswith("data: "):
                        data = line[len("data: ") :]
                    elif line == "" and data:
                        self.states.put(json.loads(data))
                        data = ""
        except httpx.HTTPError:
            pass
        finally:
            self._connected.set()
            self.ended.set()

    def next(self, timeout: float = 1.0) -> dict[str, Any]:
        return self.states.get(timeout=timeout)

    def until(self, condition: Any, timeout: float = 1.0) -> dict[str, Any]:
        """The first state (within `timeout` per state) that satisfies `condition`."""
        while True:
            state = self.next(timeout)
            if condition(state):
                return state


@pytest.fixture
def server() -> Iterator[ActivitySmithServer]:
    with ActivitySmithServer(rate_limit=None) as running:
        yield running


@pytest.fixture
def client(server: ActivitySmithServer) -> Iterator[ActivitySmith]:
    with ActivitySmith(api_key=server.api_key, base_url=server.base_url) as sdk:
        yield sdk


def state(server: ActivitySmithServer) -> dict[str, Any]:
    return httpx.get(server.url + "/_preview/state").json()


# -- the page and its files ---------------------------------------------------------------


def test_the_root_url_serves_the_page_under_a_strict_content_security_policy(
    server: ActivitySmithServer,
) -> None:
    assert server.preview_url == server.url + "/"
    page = httpx.get(server.preview_url)
    assert page.status_code == 200
    assert page.headers["content-type"] == "text/html; charset=utf-8"
    policy = page.headers["content-security-policy"]
    for rule in ("default-src 'none'", "script-src 'self'", "img-src 'self'", "connect-src 'self'"):
        assert rule in policy
    assert page.headers["x-content-type-options"] == "nosniff"
    assert page.headers["x-frame-options"] == "DENY"
    assert page.headers["cache-control"] == "no-store"
    assert '<script src="/_preview/preview.js" defer></script>' in page.text
    assert server.requests == []  # the page is not an API request


def test_every_file_of_the_page_is_served_from_the_package_and_names_nothing_remote(
    server: ActivitySmithServer,
) -> None:
    for path, (name, content_type) in ASSETS.items():
        response = httpx.get(server.url + path)
        assert response.status_code == 200, path
        assert response.headers["content-type"] == content_type
        assert response.content == (STATIC / name).read_bytes()
        head = httpx.head(server.url + path)
        assert (head.status_code, head.content) == (200, b"")
        assert head.headers["content-length"] == str(len(response.content))
    for asset in STATIC.iterdir():
        text = asset.read_text(encoding="utf-8").replace('xmlns="http://www.w3.org/2000/svg"', "")
        assert not re.search(r"(https?:)?//[a-z0-9.-]+\.[a-z]{2,}/", text), asset.name
        assert "innerHTML" not in text and "insertAdjacentHTML" not in text
        assert "eval(" not in text and "new Function" not in text
    missing = httpx.get(server.url + "/_preview/nope.js")
    assert (missing.status_code, missing.headers["content-type"]) == (404, "text/plain")


def test_preview_requests_skip_the_api_gates_and_leave_no_trace(
    server: ActivitySmithServer,
) -> None:
    server.inject(Fault.server_error(503), times=3)
    with ActivitySmithServer(rate_limit=RateLimits(requests=1)) as limited:
        for _ in range(3):
            assert httpx.get(limited.preview_url).status_code == 200
            assert httpx.get(limited.url + "/_preview/state").status_code == 200
        assert limited.requests == []
    assert httpx.get(server.preview_url).status_code == 200  # no key needed, no fault taken
    assert server.faults.pending == 3
    assert server.requests == []


def test_the_api_around_the_preview_answers_as_before(server: ActivitySmithServer) -> None:
    other = httpx.post(server.url + "/", content=b"{}")
    assert other.status_code == 404
    assert other.json() == {"error": "Not found", "message": "No route for POST /"}
    with_body = httpx.request("GET", server.url + "/", content=b"x")
    assert with_body.json() == {"error": "Not found", "message": "No route for GET /"}
    assert [r.method for r in server.requests] == ["POST", "GET"]
    with ActivitySmithServer(preview=False) as plain:
        answer = httpx.get(plain.url + "/")
        assert answer.json() == {"error": "Not found", "message": "No route for GET /"}
        assert httpx.get(plain.url + "/_preview/state").status_code == 404
        with pytest.raises(RuntimeError, match="switched off"):
            _ = plain.preview_url


def test_api_answers_are_byte_identical_with_and_without_the_preview() -> None:
    answers = []
    for preview in (True, False):
        with ActivitySmithServer(preview=preview, rate_limit=None) as running:
            auth = {"Authorization": f"Bearer {running.api_key}"}
            response = httpx.post(running.base_url + "/badge", json={"badge": 1}, headers=auth)
            invalid = httpx.post(running.base_url + "/badge", json={"badge": -1}, headers=auth)
            answers.append(
                [
                    (
                        r.status_code,
                        sorted((k, v) for k, v in r.headers.items() if k != "date"),
                        r.content.replace(r.json().get("timestamp", "").encode(), b"T"),
                    )
                    for r in (response, invalid)
                ]
            )
    assert answers[0] == answers[1]


def test_on_a_loopback_server_the_preview_answers_loopback_host_names_only(
    server: ActivitySmithServer,
) -> None:
    port = server.port
    for host in (f"127.0.0.1:{port}", f"localhost:{port}", f"[::1]:{port}", "127.0.0.1"):
        assert httpx.get(server.preview_url, headers={"Host": host}).status_code == 200, host
    rebound = httpx.get(server.url + "/_preview/state", headers={"Host": "attacker.example"})
    assert rebound.status_code == 403
    assert rebound.text == "The preview answers on localhost only.\n"
    with ActivitySmithServer(host="0.0.0.0") as everywhere:
        answer = httpx.get(everywhere.preview_url, headers={"Host": "phone-lan.example:1234"})
        assert answer.status_code == 200


# -- the live feed ---------------------------------------------------------------------------


def test_the_event_stream_sends_the_state_then_every_change(
    server: ActivitySmithServer, client: ActivitySmith
) -> None:
    reader = EventReader(server.url + "/_preview/events")
    assert reader.headers["content-type"] == "text/event-stream; charset=utf-8"
    first = reader.next()
    assert first["notifications"] == [] and first["activities"] == []
    assert first["log"] == {"reset": True, "entries": []}
    assert first["devices"] == ["Alice's iPhone", "Alice's iPad", "Bob's iPhone"]

    sent = client.notifications.send(title="Deploy finished", channels=["ops"])
    pushed = reader.until(lambda s: s["notifications"])
    assert pushed["version"] > first["version"]
    [notification] = pushed["notifications"]
    assert notification["id"] == sent.notification_id
    assert notification["devices"] == ["Alice's iPhone", "Alice's iPad"]
    assert [e["number"] for e in pushed["log"]["entries"]] == [1]

    client.badge_count(2)
    badged = reader.until(lambda s: s["badges"])
    assert badged["log"]["reset"] is False
    assert [e["number"] for e in badged["log"]["entries"]] == [2]  # only what is new
    assert badged["badges"] == [
        {"count": 2, "devices": ["Alice's iPhone", "Alice's iPad", "Bob's iPhone"], "request": 2}
    ]

    server.reset()
    cleared = reader.until(lambda s: s["log"]["reset"])
    assert cleared["notifications"] == [] and cleared["log"]["entries"] == []


def test_stopping_the_server_ends_open_event_streams(server: ActivitySmithServer) -> None:
    readers = [EventReader(server.url + "/_preview/events") for _ in range(3)]
    for reader in readers:
        reader.next()
    server.stop()
    for reader in readers:
        assert reader.ended.wait(3)


def test_event_streams_beyond_the_limit_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_endpoints, "MAX_STREAMS", 2)
    with ActivitySmithServer() as running:
        readers = [EventReader(running.url + "/_preview/events") for _ in range(2)]
        for reader in readers:
            reader.next()
        refused = httpx.get(running.url + "/_preview/events")
        assert refused.status_code == 503
        assert refused.text == "Too many preview pages are open.\n"


def test_concurrent_requests_keep_their_numbers_from_server_requests(
    server: ActivitySmithServer,
) -> None:
    def send(worker: int) -> None:
        with httpx.Client(
            base_url=server.base_url, headers={"Authorization": f"Bearer {server.api_key}"}
        ) as raw:
            for n in range(5):
                raw.post("/metrics/uptime/value", json={"value": worker * 100 + n})

    threads = [threading.Thread(target=send, args=(w,)) for w in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    log = state(server)["log"]
    requests = server.requests
    assert sorted(entry["number"] for entry in log) == list(range(1, 31))
    for entry in log:
        assert json.loads(entry["body"]) == requests[entry["number"] - 1].json


# -- what the state says -----------------------------------------------------------------------


def test_the_log_carries_each_requests_validation_result_and_what_it_drew(
    server: ActivitySmithServer, client: ActivitySmith
) -> None:
    sent = client.notifications.send(title="Hello")
    auth = {"Authorization": f"Bearer {server.api_key}"}
    httpx.post(server.base_url + "/badge", json={"badge": "three"}, headers=auth)
    httpx.post(server.base_url + "/badge", content=b"{not json", headers=auth)
    httpx.post(
        server.base_url + "/push-notification",
        json={"title": "x", "channels": ["nobody"]},
        headers=auth,
    )
    client.metrics.update("uptime", 99.99)
    log = state(server)["log"]
    valid, wrong_type, bad_json, unknown_field, metric = log
    assert valid["validation"] == {
        "result": "valid",
        "problems": [],
        "note": "valid against openapi.yaml",
    }
    assert valid["targets"] == [{"kind": "notification", "id": sent.notification_id}]
    assert json.loads(valid["response"])["notification_id"] == sent.notification_id
    assert wrong_type["validation"]["result"] == "invalid"
    assert wrong_type["validation"]["problems"] == ["badge: \"three\" is not of type 'integer'"]
    assert bad_json["validation"]["result"] == "not_checked"
    assert bad_json["validation"]["note"].startswith(
        "not checked: the API answered before the spec check (400 Invalid JSON: "
    )
    assert bad_json["body"] == "{not json"
    assert unknown_field["validation"]["result"] == "invalid"
    assert metric["targets"] == [{"kind": "metric", "id": "uptime"}]
    assert state(server)["widgets"][0] | {"timestamp": None} == {
        "key": "uptime",
        "value": 99.99,
        "timestamp": None,
        "values": 1,
        "requests": [5],
    }


def test_urls_reach_the_page_as_parts_to_show(
    server: ActivitySmithServer, client: ActivitySmith
) -> None:
    client.notifications.send(
        title="Rich",
        media="https://cdn.example.com/output/homepage%20v2.png",
        icon="https://cdn.example.com/logo.png",
        redirection="shortcuts://run-shortcut?name=Deploy",
    )
    [notification] = state(server)["notifications"]
    assert notification["media"] == {
        "url": "https://cdn.example.com/output/homepage%20v2.png",
        "scheme": "https",
        "host": "cdn.example.com",
        "name": "homepage v2.png",
        "kind": "image",
    }
    assert notification["icon"]["name"] == "logo.png"
    assert notification["redirection"]["scheme"] == "shortcuts"


def test_dismissal_follows_the_end_requests_own_fields(
    server: ActivitySmithServer, client: ActivitySmith
) -> None:
    streams = client.live_activities
    streams.stream("a", content_state={"title": "A", "type": "value", "value": 1})
    streams.end_stream(
        "a", content_state={"title": "A", "auto_dismiss_seconds": 30, "auto_dismiss_minutes": 9}
    )
    streams.stream("b", content_state={"title": "B", "type": "value", "value": 1})
    streams.end_stream("b")
    legacy = streams.start(content_state={"title": "C", "type": "value", "value": 1})
    streams.end(
        activity_id=legacy.activity_id, content_state={"title": "C", "auto_dismiss_minutes": 600}
    )
    streams.stream("d", content_state={"title": "D", "type": "value", "value": 1})
    streams.stream(
        "d", content_state={"title": "D", "type": "progress", "percentage": 5}
    )  # rotates
    dismissals = {a["state"]["title"]: a["dismiss"] for a in state(server)["activities"]}
    assert dismissals["A"]["seconds"] == 30
    assert dismissals["A"]["source"] == "auto_dismiss_seconds: 30"
    assert (dismissals["B"]["seconds"], dismissals["B"]["source"]) == (180, "default: 3 minutes")
    assert dismissals["C"]["seconds"] == 4 * 3600  # iOS keeps an ended activity 4 hours at most
    ended = [a for a in state(server)["activities"] if a["state"]["title"] == "D"]
    assert [a["ended"] for a in ended] == [True, False]
    assert ended[0]["dismiss"]["seconds"] == 0
    assert ended[0]["dismiss"]["source"] == "replaced by its stream's new activity"
    assert ended[1]["dismiss"] is None
    assert ended[0]["requests"] == [7, 8] and ended[1]["requests"] == [8]


# -- how it starts -----------------------------------------------------------------------------


def test_python_m_activitysmith_testing_prints_the_preview_url() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "activitysmith.testing"], stdout=subprocess.PIPE, text=True
    )
    try:
        assert process.stdout is not None
        lines = [process.stdout.readline() for _ in range(3)]
        assert lines[0].startswith("ACTIVITYSMITH_BASE_URL=")
        match = re.fullmatch(r"ACTIVITYSMITH_PREVIEW_URL=(http://127\.0\.0\.1:\d+/)\n", lines[2])
        assert match is not None, lines
        assert lines[0].strip().endswith(match.group(1) + "api")
        assert "Lock Screen preview" in httpx.get(match.group(1)).text
    finally:
        process.send_signal(signal.SIGTERM)
        process.communicate(timeout=10)
    assert process.returncode == 0


def test_python_m_activitysmith_testing_no_preview() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "activitysmith.testing", "--no-preview"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        base_url = process.stdout.readline().strip().removeprefix("ACTIVITYSMITH_BASE_URL=")
        process.stdout.readline()
        assert httpx.get(base_url.removesuffix("api")).status_code == 404
    finally:
        process.send_signal(signal.SIGTERM)
        rest, _ = process.communicate(timeout=10)
    assert "PREVIEW" not in rest


def test_activitysmith_sandbox_announces_the_preview_url() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "activitysmith.cli", "sandbox", "--json"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        announced = json.loads(process.stdout.readline())
        assert announced["preview_url"] == announced["base_url"].removesuffix("api")
        assert httpx.get(announced["preview_url"]).status_code == 200
    finally:
        process.send_signal(signal.SIGINT)
        process.communicate(timeout=10)
    assert process.returncode == 0
