"""One Chromium and one page for all the preview's browser tests, against one local server.

Each test starts from a clean server (`server.reset()`): the page, never reloaded, must
follow it live. Where Chromium or Playwright is missing every browser test fails with
the command that installs it; none is skipped.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import httpx
import pytest

from activitysmith import ActivitySmith
from activitysmith.testing import ActivitySmithServer

from .chromium import BrowserMissing, chromium_context

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext, Page

LIVE_TIMEOUT_MS = 10_000
"""How long a test waits for the page to show a change without a reload.

These tests prove that the page follows the server live; how fast it does (well under a
second) is measured by benchmarks/bench_preview.py, not asserted here, since a loaded machine
stretches any wall-clock bound."""


@pytest.fixture(scope="package")
def browser_context() -> Iterator[BrowserContext]:
    try:
        with chromium_context(viewport={"width": 1400, "height": 1000}) as context:
            context.set_default_timeout(10_000)
            yield context
    except BrowserMissing as exc:
        pytest.fail(str(exc), pytrace=False)


@pytest.fixture(scope="package")
def preview_server() -> Iterator[ActivitySmithServer]:
    # The README examples make more requests per minute than the API's default budget.
    with ActivitySmithServer(rate_limit=None) as server:
        yield server


@pytest.fixture(scope="package")
def shared_page(browser_context: BrowserContext, preview_server: ActivitySmithServer) -> Page:
    # A persistent context opens with one blank tab: the preview takes it.
    page = browser_context.pages[0] if browser_context.pages else browser_context.new_page()
    page.goto(preview_server.preview_url)
    page.wait_for_selector("#connection[data-state=live]")
    return page


class PageWatch:
    """What the page did during one test: errors, dialogs and every request it made."""

    def __init__(self, page: Page) -> None:
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.requests: list[str] = []
        page.on("pageerror", self._error)
        page.on("console", self._console)
        page.on("dialog", self._dialog)
        page.on("request", self._request)
        self._page = page

    def _error(self, error: Any) -> None:
        self.errors.append(str(error))

    def _console(self, message: Any) -> None:
        if message.type == "error":
            self.errors.append(message.text)

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _request(self, request: Any) -> None:
        self.requests.append(request.url)

    def detach(self) -> None:
        self._page.remove_listener("pageerror", self._error)
        self._page.remove_listener("console", self._console)
        self._page.remove_listener("dialog", self._dialog)
        self._page.remove_listener("request", self._request)


@pytest.fixture
def watch(shared_page: Page) -> Iterator[PageWatch]:
    watch = PageWatch(shared_page)
    yield watch
    watch.detach()


@pytest.fixture
def server(preview_server: ActivitySmithServer, shared_page: Page) -> ActivitySmithServer:
    """The shared server, emptied; the page has followed the reset before the test starts."""
    preview_server.reset()
    wait_for_server(shared_page, preview_server)
    shared_page.wait_for_function("() => document.querySelectorAll('#log-list li').length === 0")
    return preview_server


@pytest.fixture
def page(shared_page: Page, server: ActivitySmithServer, watch: PageWatch) -> Iterator[Page]:
    """The shared page, at rest; after the test: no script error, no dialog, nothing remote."""
    yield shared_page
    assert watch.errors == []
    assert watch.dialogs == []
    outside = [url for url in watch.requests if not url.startswith(server.url + "/")]
    assert outside == []


@pytest.fixture
def client(server: ActivitySmithServer) -> Iterator[ActivitySmith]:
    with ActivitySmith(api_key=server.api_key, base_url=server.base_url) as sdk:
        yield sdk


def server_version(server: ActivitySmithServer) -> int:
    """The number of the newest change the server announced to its pages."""
    state = httpx.get(server.url + "/_preview/state").json()
    return int(state["version"])


def wait_for_server(page: Page, server: ActivitySmithServer) -> None:
    """Wait until the page drew the server's latest state."""
    version = server_version(server)
    page.wait_for_function(
        "version => Number(document.body.dataset.version || -1) >= version",
        arg=version,
        timeout=LIVE_TIMEOUT_MS,
    )
