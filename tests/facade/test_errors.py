"""Every failure surfaces as one of the SDK's exceptions, never as a foreign one."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

import activitysmith
from activitysmith import ActivitySmith
from activitysmith.testing import ActivitySmithServer, Fault


@pytest.fixture
def client(activitysmith_server: ActivitySmithServer) -> Iterator[ActivitySmith]:
    with ActivitySmith(
        api_key=activitysmith_server.api_key,
        base_url=activitysmith_server.base_url,
        max_retries=0,
        timeout=2.0,
    ) as client:
        yield client


class _Canned(BaseHTTPRequestHandler):
    """Answers every request with the class attributes status / body / content_type."""

    protocol_version = "HTTP/1.1"
    status = 200
    body = b"{}"
    content_type = "application/json"

    def _answer(self) -> None:
        self.rfile.read(int(self.headers.get("content-length") or 0))
        self.send_response(self.status)
        self.send_header("Content-Type", self.content_type)
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        self.wfile.write(self.body)

    do_POST = do_PUT = do_DELETE = _answer

    def log_message(self, *args: object) -> None:
        pass


class Canned:
    """A plain HTTP server that answers whatever the test sets, for bodies the fake never sends."""

    def __init__(self) -> None:
        self.handler = type("Handler", (_Canned,), {})
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self.handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def answer(
        self, status: int, body: bytes, content_type: str = "application/json"
    ) -> ActivitySmith:
        self.handler.status, self.handler.body, self.handler.content_type = (
            status,
            body,
            content_type,
        )
        return ActivitySmith(
            "ask_canned", base_url=f"http://127.0.0.1:{self.server.server_port}/api", max_retries=0
        )


@pytest.fixture(scope="module")
def canned() -> Iterator[Canned]:
    server = Canned()
    yield server
    server.server.shutdown()
    server.server.server_close()


STATUS_CLASSES = [
    (400, activitysmith.BadRequestError, {"error": "Invalid channel targeting", "message": "bad"}),
    (401, activitysmith.AuthenticationError, {"error": "Unauthorized", "message": "bad key"}),
    (
        402,
        activitysmith.BillingError,
        {
            "error": "trial_expired",
            "message": "upgrade",
            "upgrade_url": "https://activitysmith.com/billing",
        },
    ),
    (403, activitysmith.PermissionDeniedError, {"error": "Forbidden", "message": "scope"}),
    (
        404,
        activitysmith.NotFoundError,
        {"error": "Live Activity stream not found", "message": "gone"},
    ),
    (
        404,
        activitysmith.NoRecipientsError,
        {"error": "No recipients found", "message": "none", "effective_channel_slugs": ["x"]},
    ),
    (409, activitysmith.ConflictError, {"error": "Conflict", "message": "cannot replace"}),
    (
        422,
        activitysmith.NoRecipientsError,
        {"error": "No recipients found", "message": "none", "effective_channel_slugs": []},
    ),
    (
        422,
        activitysmith.UnprocessableEntityError,
        {"error": "Badge failed", "message": "x", "code": "badge_update_failed"},
    ),
    (
        429,
        activitysmith.RateLimitError,
        {"error": "Rate limit exceeded", "message": "slow", "code": "rate_limited"},
    ),
    (
        429,
        activitysmith.LiveActivityLimitError,
        {"error": "Live Activity limit reached", "message": "4", "limit": 4, "active": 4},
    ),
    (500, activitysmith.InternalServerError, {"error": "Internal", "message": "boom"}),
    (
        502,
        activitysmith.InternalServerError,
        {
            "error": "Badge failed",
            "message": "x",
            "code": "badge_device_disconnected",
            "badge": 1,
            "devices_updated": 0,
        },
    ),
    (503, activitysmith.InternalServerError, {"message": "maintenance"}),
    (418, activitysmith.APIStatusError, {"error": "teapot", "message": "short and stout"}),
]


@pytest.mark.parametrize(
    ("status", "cls", "body"),
    STATUS_CLASSES,
    ids=[f"{s}-{c.__name__}" for s, c, _ in STATUS_CLASSES],
)
def test_each_status_maps_to_its_class(
    canned: Canned, status: int, cls: type[activitysmith.APIStatusError], body: dict[str, object]
) -> None:
    client = canned.answer(status, json.dumps(body).encode(), "application/json")
    try:
        with pytest.raises(cls) as info:
            client.badge_count(1)
    finally:
        client.close()
    error = info.value
    assert type(error) is cls
    assert error.status_code == status
    assert error.body == body
    assert error.message == body.get("message", body.get("error"))
    assert error.error == body.get("error")
    assert isinstance(error, activitysmith.APIError)


def test_rate_limit_error_exposes_limit_fields_and_retry_after(canned: Canned) -> None:
    body = {
        "error": "Live Activity limit reached",
        "message": "m",
        "limit": 4,
        "active": 4,
        "blocked_devices": 1,
        "targeted_devices": 2,
    }
    client = canned.answer(429, json.dumps(body).encode())
    try:
        with pytest.raises(activitysmith.LiveActivityLimitError) as info:
            client.live_activities.start(
                content_state={"title": "x", "type": "progress", "percentage": 1}
            )
    finally:
        client.close()
    assert (
        info.value.limit,
        info.value.active,
        info.value.blocked_devices,
        info.value.targeted_devices,
    ) == (4, 4, 1, 2)


def test_billing_error_exposes_upgrade_url(canned: Canned) -> None:
    body = {
        "error": "trial_expired",
        "message": "m",
        "upgrade_url": "https://activitysmith.com/billing",
    }
    client = canned.answer(402, json.dumps(body).encode())
    try:
        with pytest.raises(activitysmith.BillingError) as info:
            client.notifications.send(title="x")
    finally:
        client.close()
    assert info.value.upgrade_url == "https://activitysmith.com/billing"


@pytest.mark.parametrize(
    ("status", "body", "content_type"),
    [
        (401, b"", "text/plain"),
        (401, b"Unauthorized", "text/plain"),
        (400, b"{not json", "application/json"),
        (422, b"[1, 2]", "application/json"),
        (500, b"\xff\xfe\x00garbage", "application/octet-stream"),
    ],
)
def test_error_statuses_with_odd_bodies_still_map(
    canned: Canned, status: int, body: bytes, content_type: str
) -> None:
    client = canned.answer(status, body, content_type)
    try:
        with pytest.raises(activitysmith.APIStatusError) as info:
            client.metrics.update("prod.status", "ok")
    finally:
        client.close()
    assert info.value.status_code == status
    assert str(status) in str(info.value)


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"<html>oops</html>",
        b"[]",
        b'{"success": true}',
        b'{"success": true, "timestamp": "not a date", "badge": 1}',
    ],
)
def test_a_success_status_with_a_broken_body_raises_response_validation_error(
    canned: Canned, body: bytes
) -> None:
    client = canned.answer(200, body)
    try:
        with pytest.raises(activitysmith.APIResponseValidationError) as info:
            client.badge_count(1)
    finally:
        client.close()
    assert info.value.status_code == 200
    assert info.value.body == body


def test_html_error_page_maps_to_internal_server_error(
    client: ActivitySmith, activitysmith_server: ActivitySmithServer
) -> None:
    activitysmith_server.inject(Fault.html_error(502))
    with pytest.raises(activitysmith.InternalServerError) as info:
        client.badge_count(1)
    assert info.value.status_code == 502
    assert "text/html" in info.value.message


@pytest.mark.parametrize("status", [520, 522, 524, 527])
def test_cdn_52x_codes_map_to_internal_server_error(
    client: ActivitySmith, activitysmith_server: ActivitySmithServer, status: int
) -> None:
    activitysmith_server.inject(Fault.edge_error(status))
    with pytest.raises(activitysmith.InternalServerError) as info:
        client.metrics.update("prod.status", "ok")
    assert info.value.status_code == status


def test_malformed_json_success_raises_response_validation_error(
    client: ActivitySmith, activitysmith_server: ActivitySmithServer
) -> None:
    activitysmith_server.inject(Fault.malformed_json())
    with pytest.raises(activitysmith.APIResponseValidationError):
        client.live_activities.stream(
            "k", content_state={"title": "x", "type": "progress", "percentage": 1}
        )


def test_truncated_body_raises_connection_error(
    client: ActivitySmith, activitysmith_server: ActivitySmithServer
) -> None:
    activitysmith_server.inject(Fault.truncated_body())
    with pytest.raises(activitysmith.APIConnectionError):
        client.badge_count(2)


def test_dropped_connection_raises_connection_error(
    client: ActivitySmith, activitysmith_server: ActivitySmithServer
) -> None:
    activitysmith_server.inject(Fault.drop_connection())
    with pytest.raises(activitysmith.APIConnectionError):
        client.badge_count(2)


def test_timeout_raises_timeout_error(activitysmith_server: ActivitySmithServer) -> None:
    activitysmith_server.inject(Fault.hang(1.5))
    with (
        ActivitySmith(
            activitysmith_server.api_key,
            base_url=activitysmith_server.base_url,
            timeout=0.3,
            max_retries=0,
        ) as client,
        pytest.raises(activitysmith.APITimeoutError) as info,
    ):
        client.badge_count(3)
    assert isinstance(info.value, activitysmith.APIConnectionError)


def test_connection_refused_raises_connection_error() -> None:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with ActivitySmith("ask_x", base_url=f"http://127.0.0.1:{port}/api", max_retries=0) as client:
        with pytest.raises(activitysmith.APIConnectionError) as info:
            client.badge_count(1)
    assert not isinstance(info.value, activitysmith.APITimeoutError)


def test_unknown_fields_and_operation_values_parse(
    client: ActivitySmith, activitysmith_server: ActivitySmithServer
) -> None:
    activitysmith_server.inject(Fault.unknown_fields(operation="deferred"))
    status = client.live_activities.stream(
        "k", content_state={"title": "x", "type": "progress", "percentage": 1}
    )
    assert status.operation == "deferred"
    assert status.additional_properties  # the new fields are kept
    key = next(iter(status.additional_properties))
    assert status[key] == status.get(key)


def test_success_false_on_200_does_not_raise(canned: Canned) -> None:
    body = {"success": False, "timestamp": "2026-11-26T12:00:00.000Z", "devices_notified": 0}
    client = canned.answer(200, json.dumps(body).encode())
    try:
        result = client.notifications.send(title="x")
    finally:
        client.close()
    assert result.success is False
    assert result.devices_notified == 0


def test_no_recipients_from_the_local_server(client: ActivitySmith) -> None:
    with pytest.raises(activitysmith.NoRecipientsError) as info:
        client.notifications.send(title="x", channels=["nobody-here"])
    assert info.value.status_code == 422
    assert info.value.effective_channel_slugs == ["nobody-here"]


def test_unknown_stream_end_is_not_found(client: ActivitySmith) -> None:
    with pytest.raises(activitysmith.NotFoundError) as info:
        client.live_activities.end_stream("never-started")
    assert info.value.status_code == 404
    assert info.value.error == "Live Activity stream not found"


def test_wrong_key_is_authentication_error(activitysmith_server: ActivitySmithServer) -> None:
    with ActivitySmith("ask_wrong", base_url=activitysmith_server.base_url) as client:
        with pytest.raises(activitysmith.AuthenticationError) as info:
            client.badge_count(1)
    assert info.value.status_code == 401


def test_reference_error_handling_translates_directly(
    client: ActivitySmith,
    activitysmith_server: ActivitySmithServer,
    capsys: pytest.CaptureFixture[str],
) -> None:
    activitysmith_server.inject(Fault.server_error(503))
    try:
        client.notifications.send({"title": "New subscription 💸"})
    except activitysmith.APIError as err:
        print(f"Request failed: {err.status_code} {err.message}")
    assert capsys.readouterr().out.startswith("Request failed: 503 ")
