"""Injected faults: each kind, their filters and how they are consumed."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator

import httpx
import pytest

from activitysmith.testing import ActivitySmithServer, Fault, FaultKind

PUSH = {"title": "Deploy finished"}


@pytest.fixture
def client(server: ActivitySmithServer) -> Iterator[httpx.Client]:
    """A raw client without the conformance hook: faults break the contract on purpose."""
    with httpx.Client(
        base_url=server.base_url, headers={"Authorization": f"Bearer {server.api_key}"}
    ) as client:
        yield client


def wait_for(condition: Callable[[], bool], timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition not met in time"
        time.sleep(0.02)


def test_server_error_is_json_5xx_and_not_applied(
    client: httpx.Client, server: ActivitySmithServer
) -> None:
    server.inject(Fault.server_error(503))

    response = client.post("/push-notification", json=PUSH)

    assert response.status_code == 503
    assert response.headers["content-type"] == "application/json"
    assert response.json() == {"error": "Service Unavailable", "message": "Injected server error"}
    assert server.notifications == []
    assert server.last_request is not None
    assert (server.last_request.status, server.last_request.fault) == (503, "server_error")


def test_applied_server_error_performs_the_request(
    client: httpx.Client, server: ActivitySmithServer
) -> None:
    server.inject(Fault.server_error(500, applied=True))

    response = client.post("/push-notification", json=PUSH)

    assert response.status_code == 500
    assert len(server.notifications) == 1


@pytest.mark.parametrize(
    ("retry_after", "header"),
    [(7, "7"), ("Wed, 21 Oct 2026 07:28:00 GMT", "Wed, 21 Oct 2026 07:28:00 GMT"), (None, None)],
)
def test_rate_limited_fault_sets_retry_after(
    client: httpx.Client,
    server: ActivitySmithServer,
    retry_after: int | str | None,
    header: str | None,
) -> None:
    server.inject(Fault.rate_limited(retry_after=retry_after))

    response = client.post("/push-notification", json=PUSH)

    assert response.status_code == 429
    assert response.headers.get("retry-after") == header
    assert response.json()["code"] == "rate_limited"
    assert server.notifications == []


def test_html_error_page_from_a_proxy(client: httpx.Client, server: ActivitySmithServer) -> None:
    server.inject(Fault.html_error(502))

    response = client.post("/push-notification", json=PUSH)

    assert response.status_code == 502
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    assert "<h1>502 Bad Gateway</h1>" in response.text
    with pytest.raises(json.JSONDecodeError):
        response.json()


@pytest.mark.parametrize(
    ("status", "reason"),
    [
        (520, "Web Server Returned an Unknown Error"),
        (522, "Connection Timed Out"),
        (524, "A Timeout Occurred"),
    ],
)
def test_edge_error_writes_a_non_standard_status_line(
    client: httpx.Client, server: ActivitySmithServer, status: int, reason: str
) -> None:
    server.inject(Fault.edge_error(status))

    response = client.post("/push-notification", json=PUSH)

    assert response.status_code == status
    assert response.reason_phrase == reason
    assert server.notifications == []


def test_malformed_json_answers_200_after_performing_the_request(
    client: httpx.Client, server: ActivitySmithServer
) -> None:
    server.inject(Fault.malformed_json())

    response = client.post("/push-notification", json=PUSH)

    assert response.status_code == 200
    with pytest.raises(json.JSONDecodeError):
        response.json()
    assert len(server.notifications) == 1


def test_truncated_body_breaks_the_read(client: httpx.Client, server: ActivitySmithServer) -> None:
    server.inject(Fault.truncated_body())

    with pytest.raises(httpx.RemoteProtocolError):
        client.post("/push-notification", json=PUSH)

    assert len(server.notifications) == 1
    assert client.post("/push-notification", json=PUSH).status_code == 200  # reconnects


def test_drop_connection_sends_no_response(
    client: httpx.Client, server: ActivitySmithServer
) -> None:
    server.inject(Fault.drop_connection())

    with pytest.raises(httpx.RemoteProtocolError, match="without sending a response"):
        client.post("/push-notification", json=PUSH)

    assert server.notifications == []
    assert server.last_request is not None
    assert (server.last_request.status, server.last_request.fault) == (None, "drop_connection")


def test_drop_connection_after_applying(client: httpx.Client, server: ActivitySmithServer) -> None:
    server.inject(Fault.drop_connection(applied=True))

    with pytest.raises(httpx.RemoteProtocolError):
        client.post("/push-notification", json=PUSH)

    assert len(server.notifications) == 1


def test_hang_outlasts_the_client_timeout_then_applies(
    client: httpx.Client, server: ActivitySmithServer
) -> None:
    server.inject(Fault.hang(0.5))

    with pytest.raises(httpx.ReadTimeout):
        client.post("/push-notification", json=PUSH, timeout=0.1)

    assert server.notifications == []
    wait_for(lambda: len(server.notifications) == 1)


def test_stop_interrupts_a_hang(server: ActivitySmithServer) -> None:
    server.inject(Fault.hang(60))
    errors: list[Exception] = []

    def call() -> None:
        try:
            httpx.post(
                f"{server.base_url}/push-notification",
                json=PUSH,
                headers={"Authorization": f"Bearer {server.api_key}"},
                timeout=30,
            )
        except httpx.HTTPError as exc:
            errors.append(exc)

    caller = threading.Thread(target=call)
    caller.start()
    wait_for(lambda: server.faults.pending == 0)
    started = time.monotonic()
    server.stop()
    caller.join(5)

    assert time.monotonic() - started < 2
    assert not caller.is_alive()
    assert len(errors) == 1
    assert server.notifications == []


def test_unknown_fields_and_operation_for_tolerance_tests(
    client: httpx.Client, server: ActivitySmithServer
) -> None:
    server.inject(Fault.unknown_fields(operation="deferred"), times=2)
    state = {"content_state": {"title": "x", "type": "alert", "message": "m"}}

    stream = client.put("/live-activity/stream/deploy", json=state).json()
    push = client.post("/push-notification", json=PUSH).json()

    assert stream["operation"] == "deferred"
    assert stream["future_object"] == {"nested": [1, "two", None], "flag": True}
    assert push["future_field"] == "added by a newer server"
    assert push["success"] is True
    assert server.streams == {"deploy": stream["activity_id"]}


def test_faults_are_consumed_times_then_normal_again(
    client: httpx.Client, server: ActivitySmithServer
) -> None:
    server.inject(Fault.server_error(502), times=2)

    statuses = [client.post("/push-notification", json=PUSH).status_code for _ in range(3)]

    assert statuses == [502, 502, 200]
    assert server.faults.pending == 0


def test_faults_filter_by_method_and_path(
    client: httpx.Client, server: ActivitySmithServer
) -> None:
    server.faults.add(Fault.server_error(500), path="/metrics/*")
    server.faults.add(Fault.server_error(503), method="DELETE", path="/live-activity/stream/*")

    push = client.post("/push-notification", json=PUSH)
    put = client.put(
        "/live-activity/stream/a",
        json={"content_state": {"title": "x", "type": "alert", "message": "m"}},
    )
    metric = client.post("/metrics/prod.status/value", json={"value": "ok"})
    delete = client.delete("/live-activity/stream/a")

    assert [r.status_code for r in (push, put, metric, delete)] == [200, 200, 500, 503]


def test_clear_drops_pending_faults(client: httpx.Client, server: ActivitySmithServer) -> None:
    server.inject(Fault.drop_connection(), times=5)
    server.faults.clear()

    assert client.post("/push-notification", json=PUSH).status_code == 200


def test_fault_consumption_is_exact_across_threads(server: ActivitySmithServer) -> None:
    server.inject(Fault.server_error(503), times=50)
    statuses: list[int] = []
    lock = threading.Lock()

    def worker() -> None:
        with httpx.Client(
            base_url=server.base_url, headers={"Authorization": f"Bearer {server.api_key}"}
        ) as client:
            for _ in range(25):
                status = client.post("/badge", json={"badge": 1}).status_code
                with lock:
                    statuses.append(status)

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert statuses.count(503) == 50
    assert statuses.count(200) == 50
    assert len(server.badge_updates) == 50


def test_fault_kinds_are_named() -> None:
    assert {kind.value for kind in FaultKind} == {
        "server_error",
        "rate_limited",
        "html_error",
        "edge_error",
        "malformed_json",
        "truncated_body",
        "hang",
        "drop_connection",
        "unknown_fields",
    }


def test_invalid_fault_arguments_are_rejected(server: ActivitySmithServer) -> None:
    with pytest.raises(ValueError, match="not an HTTP status"):
        Fault.server_error(5000)
    with pytest.raises(ValueError, match="times"):
        server.inject(Fault.drop_connection(), times=0)
