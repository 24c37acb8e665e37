"""pytest fixtures for the local ActivitySmith API, registered through the `pytest11` entry point.

    def test_deploy_notifies(activitysmith_server):
        notify_deploy(api_key=activitysmith_server.api_key, base_url=activitysmith_server.base_url)
        assert activitysmith_server.notifications[0].title == "Deploy finished"

One server runs per test session (per pytest-xdist worker) and `activitysmith_server`
hands it to each test freshly `reset()`: no requests, state, rate-limit windows or faults,
and the clock back to real time. Override `activitysmith_server_options` (a dict of
`ActivitySmithServer` arguments) in a conftest.py or a test module to configure it: each
distinct set of options gets a shared server of its own. Mark a test
`@pytest.mark.activitysmith_fresh_server` to give it a server nobody else uses, started
for it and stopped after it. Loading this plugin imports nothing beyond pytest; the
server needs the `testing` extra.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Iterator
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    import ssl

    import httpx

    from activitysmith import ActivitySmith, AsyncActivitySmith

    from ._activitysmith_server import ActivitySmithServer

FRESH_SERVER_MARKER = "activitysmith_fresh_server"

POOL_SIZE = 4
"""Shared servers kept per session, one per distinct `activitysmith_server_options`."""


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        f"{FRESH_SERVER_MARKER}: give the test its own ActivitySmith server instead of the "
        "shared one (started for it, stopped after it)",
    )


class ServerPool:
    """The session's shared servers, by options, each with a keep-alive httpx client.

    Building an httpx client loads the system's CA bundle (tens of milliseconds), so the
    pool builds one TLS context for the session and one client per server.
    """

    def __init__(self) -> None:
        self._entries: list[tuple[dict[str, Any], ActivitySmithServer, httpx.Client]] = []
        self._ssl: ssl.SSLContext | None = None

    @property
    def ssl_context(self) -> ssl.SSLContext:
        """A TLS context for clients of the local (plain HTTP) server: never used to verify."""
        if self._ssl is None:
            import ssl

            self._ssl = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        return self._ssl

    def server(self, options: dict[str, Any]) -> ActivitySmithServer:
        """The running shared server for `options` (started on first use), not reset."""
        for index, (known, server, _client) in enumerate(self._entries):
            if known == options:
                self._entries.append(self._entries.pop(index))  # most recently used last
                if not server.running:  # a test stopped it
                    _start(server)
                return server
        server = _start(_new_server(options))
        self._entries.append((dict(options), server, self.http_client()))
        while len(self._entries) > POOL_SIZE:
            _, evicted, client = self._entries.pop(0)
            client.close()
            evicted.stop()
        return server

    def client_for(self, server: ActivitySmithServer) -> httpx.Client | None:
        """The pooled keep-alive client of a shared server (None for any other server)."""
        return next((client for _, known, client in self._entries if known is server), None)

    def http_client(self) -> httpx.Client:
        import httpx

        return httpx.Client(verify=self.ssl_context)

    def async_http_client(self) -> httpx.AsyncClient:
        import httpx

        return httpx.AsyncClient(verify=self.ssl_context)

    def close(self) -> None:
        for _, server, client in self._entries:
            client.close()
            server.stop()
        self._entries.clear()


def _new_server(options: dict[str, Any]) -> ActivitySmithServer:
    from ._activitysmith_server import ActivitySmithServer

    return ActivitySmithServer(**options)


def _start(server: ActivitySmithServer) -> ActivitySmithServer:
    from ._validation import MissingTestingExtra

    try:
        return server.start()
    except MissingTestingExtra as exc:
        hint = str(exc)
    # Failed outside the `except`, so it carries no chained ImportError: pytest has nothing
    # to format but the hint (and CPython 3.15's traceback module cannot format an import
    # error whose parent package is blocked in sys.modules).
    pytest.fail(hint, pytrace=False)


def _shareable(options: dict[str, Any]) -> bool:
    """A fixed port cannot be shared by two configurations, so such a server is not pooled."""
    return not options.get("port")


@pytest.fixture(scope="session")
def activitysmith_server_pool() -> Iterator[ServerPool]:
    """The session's shared local servers (stopped when the session ends)."""
    pool = ServerPool()
    try:
        yield pool
    finally:
        pool.close()


@pytest.fixture
def activitysmith_server_options() -> dict[str, Any]:
    """Keyword arguments for the `activitysmith_server` fixture; override to configure it."""
    return {}


@pytest.fixture(scope="session")
def activitysmith_session_server(
    activitysmith_server_pool: ServerPool,
) -> ActivitySmithServer:
    """The shared server with default options, for session-scoped fixtures of your own.

    It is the server `activitysmith_server` hands to tests with default options (same
    port and key); this fixture does not reset it.
    """
    return activitysmith_server_pool.server({})


@pytest.fixture
def activitysmith_server(
    request: pytest.FixtureRequest,
    activitysmith_server_options: dict[str, Any],
    activitysmith_server_pool: ServerPool,
) -> Iterator[ActivitySmithServer]:
    """The local ActivitySmith API for this test, in a clean state.

    A shared server, `reset()` for the test; with the `activitysmith_fresh_server` marker
    (or a fixed `port` option), a server of its own, stopped afterwards.
    """
    options = dict(activitysmith_server_options)
    if request.node.get_closest_marker(FRESH_SERVER_MARKER) or not _shareable(options):
        server = _start(_new_server(options))
        try:
            yield server
        finally:
            server.stop()
        return
    server = activitysmith_server_pool.server(options)
    server.reset()
    yield server


@pytest.fixture
def activitysmith_client(
    activitysmith_server: ActivitySmithServer, activitysmith_server_pool: ServerPool
) -> Iterator[ActivitySmith]:
    """An `activitysmith.ActivitySmith` pointed at `activitysmith_server`, closed afterwards.

    A new client per test (its own rate limiter and settings) that sends through the
    pool's keep-alive connection to the shared server.
    """
    from activitysmith import ActivitySmith

    pooled = activitysmith_server_pool.client_for(activitysmith_server)
    with contextlib.ExitStack() as stack:
        http = pooled or stack.enter_context(activitysmith_server_pool.http_client())
        client = ActivitySmith(
            api_key=activitysmith_server.api_key,
            base_url=activitysmith_server.base_url,
            http_client=http,
        )
        with client:
            yield client


@pytest.fixture
async def async_activitysmith_client(
    activitysmith_server: ActivitySmithServer, activitysmith_server_pool: ServerPool
) -> AsyncIterator[AsyncActivitySmith]:
    """An `activitysmith.AsyncActivitySmith` pointed at `activitysmith_server`.

    An async fixture: use it from `@pytest.mark.anyio` tests (anyio's plugin) or with
    pytest-asyncio in auto mode. Connections belong to the test's event loop, so each
    test gets its own (cheap: the session's TLS context is reused).
    """
    from activitysmith import AsyncActivitySmith

    async with (
        activitysmith_server_pool.async_http_client() as http,
        AsyncActivitySmith(
            api_key=activitysmith_server.api_key,
            base_url=activitysmith_server.base_url,
            http_client=http,
        ) as client,
    ):
        yield client
