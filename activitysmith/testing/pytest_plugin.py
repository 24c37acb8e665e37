"""pytest fixtures for the local ActivitySmith API, registered through the `pytest11` entry point.

    def test_deploy_notifies(activitysmith_server):
        notify_deploy(api_key=activitysmith_server.api_key, base_url=activitysmith_server.base_url)
        assert activitysmith_server.notifications[0].title == "Deploy finished"

Override `activitysmith_server_options` (a dict of `ActivitySmithServer` arguments) in a
conftest.py or a test module to configure the server. Loading this plugin imports
nothing beyond pytest; the server needs the `testing` extra.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from activitysmith import ActivitySmith, AsyncActivitySmith

    from ._activitysmith_server import ActivitySmithServer


@pytest.fixture
def activitysmith_server_options() -> dict[str, Any]:
    """Keyword arguments for the `activitysmith_server` fixture; override to configure it."""
    return {}


@pytest.fixture
def activitysmith_server(
    activitysmith_server_options: dict[str, Any],
) -> Iterator[ActivitySmithServer]:
    """A fresh local ActivitySmith API for this test, stopped afterwards."""
    from ._activitysmith_server import ActivitySmithServer
    from ._validation import MissingTestingExtra

    server = ActivitySmithServer(**activitysmith_server_options)
    try:
        server.start()
    except MissingTestingExtra as exc:
        pytest.fail(str(exc), pytrace=False)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def activitysmith_client(activitysmith_server: ActivitySmithServer) -> Iterator[ActivitySmith]:
    """An `activitysmith.ActivitySmith` pointed at `activitysmith_server`, closed afterwards."""
    from activitysmith import ActivitySmith

    with ActivitySmith(
        api_key=activitysmith_server.api_key, base_url=activitysmith_server.base_url
    ) as client:
        yield client


@pytest.fixture
async def async_activitysmith_client(
    activitysmith_server: ActivitySmithServer,
) -> AsyncIterator[AsyncActivitySmith]:
    """An `activitysmith.AsyncActivitySmith` pointed at `activitysmith_server`.

    An async fixture: use it from `@pytest.mark.anyio` tests (anyio's plugin) or with
    pytest-asyncio in auto mode.
    """
    from activitysmith import AsyncActivitySmith

    async with AsyncActivitySmith(
        api_key=activitysmith_server.api_key, base_url=activitysmith_server.base_url
    ) as client:
        yield client
