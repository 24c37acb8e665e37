"""Gates every request passes: routes, auth, body framing, JSON and spec validation."""

from __future__ import annotations

import json
import socket
from typing import Any

import httpx
import pytest

from activitysmith.testing import ActivitySmithServer


def raw_exchange(server: ActivitySmithServer, data: bytes, *, half_close: bool = False) -> bytes:
    """Send raw bytes and read until the server closes the connection."""
    with socket.create_connection(("127.0.0.1", server.port), timeout=15) as sock:
        sock.sendall(data)
        if half_close:
            sock.shutdown(socket.SHUT_WR)
        received = b""
        while chunk := sock.recv(65536):
            received += chunk
    return received


def raw_post(server: ActivitySmithServer, body: bytes, *, length: int | None = None) -> bytes:
    head = (
        f"POST /api/push-notification HTTP/1.1\r\nHost: x\r\n"
        f"Authorization: Bearer {server.api_key}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body) if length is None else length}\r\nConnection: close\r\n\r\n"
    )
    return raw_exchange(server, head.encode() + body, half_close=length is not None)


def status_and_json(raw: bytes) -> tuple[int, Any]:
    head, _, body = raw.partition(b"\r\n\r\n")
    return int(head.split(b" ")[1]), json.loads(body)


# -- routes --------------------------------------------------------------------------------


def test_unknown_route_is_404_json(api: httpx.Client) -> None:
    response = api.get("/users")

    assert response.status_code == 404
    assert response.headers["content-type"] == "application/json"
    assert response.json() == {"error": "Not found", "message": "No route for GET /api/users"}


def test_wrong_method_is_405_with_allow(api: httpx.Client) -> None:
    response = api.delete("/push-notification")

    assert response.status_code == 405
    assert response.headers["allow"] == "POST"
    assert response.json()["error"] == "Method not allowed"


def test_paths_outside_api_prefix_are_404(server: ActivitySmithServer) -> None:
    response = httpx.post(f"{server.url}/push-notification", json={"title": "x"})

    assert response.status_code == 404


# -- auth ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("headers", "message"),
    [
        ({}, "Missing API key: send 'Authorization: Bearer <api key>'"),
        ({"Authorization": "Bearer ask_wrong"}, "Invalid API key"),
        ({"Authorization": "Basic ask_test_local"}, "Invalid API key"),
        ({"Authorization": "Bearer"}, "Invalid API key"),
        ({"Authorization": "ask_test_local"}, "Invalid API key"),
    ],
)
def test_bad_or_missing_key_is_401(
    server: ActivitySmithServer, headers: dict[str, str], message: str
) -> None:
    response = httpx.post(
        f"{server.base_url}/push-notification", json={"title": "x"}, headers=headers
    )

    assert response.status_code == 401
    assert response.json() == {"error": "Unauthorized", "message": message}


def test_auth_is_checked_before_validation(server: ActivitySmithServer) -> None:
    response = httpx.post(f"{server.base_url}/push-notification", content=b"\xff not json")

    assert response.status_code == 401


def test_bearer_scheme_is_case_insensitive(server: ActivitySmithServer) -> None:
    response = httpx.post(
        f"{server.base_url}/badge",
        json={"badge": 1},
        headers={"Authorization": f"bearer {server.api_key}"},
    )

    assert response.status_code == 200


# -- validation names the field --------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "path", "body", "error", "message"),
    [
        (
            "PUT",
            "/live-activity/stream/deploy",
            {"content_state": {"title": "x", "type": "progress", "percentage": 101}},
            "Invalid request",
            "content_state.percentage: 101 is greater than the maximum of 100",
        ),
        (
            "POST",
            "/push-notification",
            {
                "title": "x",
                "media": "https://cdn.example.com/a.png",
                "actions": [{"title": "Open", "type": "open_url", "url": "https://example.com"}],
            },
            "Invalid request",
            "media and actions cannot be sent together",
        ),
        (
            "POST",
            "/push-notification",
            {
                "title": "x",
                "actions": [{"title": "Run", "type": "webhook", "url": "http://ops.example"}],
            },
            "Invalid request",
            "actions[0].url: \"http://ops.example\" does not match '^https://'",
        ),
        (
            "POST",
            "/metrics/prod.status/value",
            {"value": True},
            "Invalid metric value",
            "value: true is not of type number or string",
        ),
        (
            "PUT",
            "/live-activity/stream/bad%20key",
            {"content_state": {"title": "x", "type": "alert", "message": "m"}},
            "Invalid stream_key",
            "stream_key: \"bad key\" does not match '^[A-Za-z0-9_-]+$'",
        ),
        (
            "POST",
            "/push-notification",
            {"title": "x", "colour": "red"},
            "Invalid request",
            "Additional properties are not allowed ('colour' was unexpected)",
        ),
        (
            "POST",
            "/push-notification",
            {"message": "no title"},
            "Invalid request",
            "'title' is a required property",
        ),
        (
            "POST",
            "/badge",
            {"badge": -1},
            "Invalid request",
            "badge: -1 is less than the minimum of 0",
        ),
        (
            "POST",
            "/metrics/Prod/value",
            {"value": 1},
            "Invalid metric key",
            "key: \"Prod\" does not match '^[a-z0-9][a-z0-9_.-]{0,63}$'",
        ),
        (
            "POST",
            "/push-notification",
            [1, 2],
            "Invalid request",
            "[1, 2] is not of type 'object'",
        ),
    ],
)
def test_invalid_request_is_400_naming_the_field(
    api: httpx.Client,
    server: ActivitySmithServer,
    method: str,
    path: str,
    body: Any,
    error: str,
    message: str,
) -> None:
    response = api.request(method, path, json=body)

    assert response.status_code == 400
    assert response.json() == {"error": error, "message": message}
    assert server.notifications == []


def test_missing_required_body_is_400(api: httpx.Client) -> None:
    response = api.post("/badge")

    assert response.status_code == 400
    assert response.json()["message"] == "request body: a JSON object is required"


def test_non_json_content_type_is_400(api: httpx.Client) -> None:
    response = api.post("/badge", content=b'{"badge": 1}', headers={"Content-Type": "text/plain"})

    assert response.status_code == 400


@pytest.mark.parametrize(
    ("content_type", "status"),
    [
        ("application/json; charset=utf-8", 200),
        ("APPLICATION/JSON", 200),
        ("application/json; charset", 200),
        (";;;", 200),
        ("application/json-patch+json", 400),
        ("multipart/form-data; boundary=x", 400),
        ("*/*", 400),
    ],
)
def test_odd_content_types_never_crash(api: httpx.Client, content_type: str, status: int) -> None:
    response = api.post("/badge", content=b'{"badge": 1}', headers={"Content-Type": content_type})

    assert response.status_code == status


def test_missing_content_type_is_read_as_json(server: ActivitySmithServer) -> None:
    raw = raw_exchange(
        server,
        b"POST /api/badge HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
        + server.api_key.encode()
        + b'\r\nContent-Length: 12\r\nConnection: close\r\n\r\n{"badge": 1}',
    )

    assert status_and_json(raw)[0] == 200


# -- malformed bodies: 400, never a crash ----------------------------------------------------


@pytest.mark.parametrize(
    ("body", "message_start"),
    [
        (b"\xff\xfe{}", "Request body is not valid UTF-8: byte 0xff at position 0"),
        (b'{"title": "caf\xe9"}', "Request body is not valid UTF-8: byte 0xe9 at position 14"),
        (b'{"title": "x",}', "Request body is not valid JSON"),
        (b'{"title": "x"', "Request body is not valid JSON"),
        (b"title=x", "Request body is not valid JSON"),
        (
            b'{"title": "x", "badge": NaN}',
            "Request body is not valid JSON: NaN is not a JSON value",
        ),
        (
            b'{"title": "x", "badge": 1e999}',
            "Request body is not valid JSON: 1e999 is out of range",
        ),
        (b"[" * 100_000, "Request body is not valid JSON"),
    ],
)
def test_malformed_body_is_400(
    api: httpx.Client, server: ActivitySmithServer, body: bytes, message_start: str
) -> None:
    response = api.post(
        "/push-notification", content=body, headers={"Content-Type": "application/json"}
    )

    assert response.status_code == 400
    assert response.json()["error"] == "Invalid JSON"
    assert response.json()["message"].startswith(message_start)
    assert server.last_request is not None
    assert server.last_request.json is None


def test_truncated_body_is_400_and_closes(server: ActivitySmithServer) -> None:
    raw = raw_post(server, b'{"title": "x"}', length=100)

    status, body = status_and_json(raw)
    assert status == 400
    assert body["message"] == "Request body is truncated: expected 100 bytes, received 14"
    assert server.notifications == []


@pytest.mark.parametrize("length", ["abc", "-1"])
def test_invalid_content_length_is_400(server: ActivitySmithServer, length: str) -> None:
    raw = raw_exchange(
        server,
        f"POST /api/badge HTTP/1.1\r\nHost: x\r\nContent-Length: {length}\r\n\r\n".encode(),
    )

    assert status_and_json(raw)[0] == 400


def test_oversized_body_is_413(server: ActivitySmithServer) -> None:
    raw = raw_exchange(
        server,
        b"POST /api/badge HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999\r\n\r\n",
    )

    assert status_and_json(raw)[0] == 413


def test_chunked_body_is_accepted(server: ActivitySmithServer) -> None:
    raw = raw_exchange(
        server,
        b"POST /api/badge HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
        + server.api_key.encode()
        + b"\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
        b'Connection: close\r\n\r\n5\r\n{"bad\r\n7\r\nge": 4}\r\n0\r\n\r\n',
    )

    assert status_and_json(raw) == (200, status_and_json(raw)[1])
    assert server.badge == 4


def test_malformed_request_line_gets_a_json_400(server: ActivitySmithServer) -> None:
    raw = raw_exchange(server, b"NONSENSE\r\n\r\n")

    status, body = status_and_json(raw)
    assert status == 400
    assert body["error"] == "Bad Request"


# -- HTTP/1.1 ------------------------------------------------------------------------------


def test_keep_alive_serves_many_requests_on_one_connection(server: ActivitySmithServer) -> None:
    request = (
        b"POST /api/badge HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
        + server.api_key.encode()
        + b'\r\nContent-Type: application/json\r\nContent-Length: 12\r\n\r\n{"badge": 1}'
    )
    with socket.create_connection(("127.0.0.1", server.port), timeout=5) as sock:
        for _ in range(3):
            sock.sendall(request)
            head = b""
            while b"\r\n\r\n" not in head:
                head += sock.recv(1)
            length = int(head.lower().split(b"content-length: ")[1].split(b"\r\n")[0])
            body = b""
            while len(body) < length:
                body += sock.recv(length - len(body))
            assert head.startswith(b"HTTP/1.1 200 OK\r\n")
            assert json.loads(body)["badge"] == 1

    assert len(server.badge_updates) == 3


def test_query_strings_are_ignored_but_recorded(
    api: httpx.Client, server: ActivitySmithServer
) -> None:
    response = api.post("/badge", params={"trace": "1"}, json={"badge": 2})

    assert response.status_code == 200
    assert server.last_request is not None
    assert server.last_request.query == "trace=1"
