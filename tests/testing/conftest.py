"""Fixtures for the local server's own tests: raw httpx clients whose every answer is checked
against the spec's response schemas."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from activitysmith.testing import ActivitySmithServer
from activitysmith.testing._routes import match
from activitysmith.testing._validation import spec_validator
from activitysmith.testing.pytest_plugin import ServerPool


class Conformance:
    """Collects every way a response differs from the spec's declared responses."""

    def __init__(self) -> None:
        self.failures: list[str] = []

    def check(self, response: httpx.Response) -> None:
        response.read()
        request = response.request
        path = request.url.raw_path.decode().split("?")[0]
        route = match(request.method, path)
        if route is None or route.operation is None:
            return  # unknown routes and methods are not in the spec
        problems = spec_validator().response_errors(
            request.method,
            path,
            response.status_code,
            response.content,
            response.headers.get("content-type", ""),
        )
        self.failures += [f"{request.method} {path} -> {p}" for p in problems]


@pytest.fixture
def server(activitysmith_server: ActivitySmithServer) -> ActivitySmithServer:
    """The plugin's server (configure it with `activitysmith_server_options`)."""
    return activitysmith_server


@pytest.fixture
def make_client(
    server: ActivitySmithServer, activitysmith_server_pool: ServerPool
) -> Iterator[Callable[..., httpx.Client]]:
    """Builds raw httpx clients for `server`; each answer must conform to the spec."""
    conformance = Conformance()
    clients: list[httpx.Client] = []

    def make(api_key: str | None = None, **options: Any) -> httpx.Client:
        headers = {"Authorization": f"Bearer {api_key or server.api_key}"}
        client = httpx.Client(
            base_url=server.base_url,
            headers=headers,
            event_hooks={"response": [conformance.check]},
            verify=activitysmith_server_pool.ssl_context,  # plain HTTP: skip loading CAs
            **options,
        )
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.close()
    assert conformance.failures == []
    assert server.internal_errors == []


@pytest.fixture
def api(make_client: Callable[..., httpx.Client]) -> httpx.Client:
    """A keep-alive httpx client authenticated for `server`."""
    return make_client()
