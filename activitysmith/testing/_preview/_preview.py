"""`Preview`: the Lock Screen page of one local server, fed by a hook after every request."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from .._models import Device, RecordedRequest
from .._timestamps import utc_timestamp
from ._endpoints import Endpoints
from ._events import Cursor
from ._exchange import Exchange
from ._hub import ChangeHub
from ._journal import Journal
from ._links import link
from ._state import Snapshots, log_entry, page_state


class Preview:
    """The page at the server's root URL, and what it needs to draw the server live.

    `record()` runs once per request (cheap: an append and a wake-up); the page's state
    is built only when a browser asks. `now` is the preview's one time source: the
    server's timestamps, which timers and dismissals on the page count from.
    """

    def __init__(
        self,
        source: Snapshots,
        *,
        devices: Sequence[Device],
        host: str,
        now: Callable[[], str] = utc_timestamp,
    ) -> None:
        self._source = source
        self._devices = tuple(devices)
        self._now = now
        self._hub = ChangeHub()
        self._journal = Journal(now)
        self._endpoints = Endpoints(host=host, hub=self._hub, state=self.state, event=self._event)

    # -- hooks for the server --------------------------------------------------------

    def answer(self, exchange: Exchange, stopping: threading.Event) -> bool:
        """Serve the page's own requests; False for everything else (the API's)."""
        return self._endpoints.answer(exchange, stopping)

    def record(
        self,
        number: int,
        request: RecordedRequest,
        *,
        api_status: int | None,
        response: Mapping[str, Any] | None,
        problems: tuple[str, ...] | None,
    ) -> None:
        """Note one request the server logged (its `number` in `server.requests`, from 1)."""
        self._journal.add(number, request, api_status, response, problems)
        self._hub.changed()

    def reset(self) -> None:
        """The server forgot everything: so does the page."""
        self._journal.clear()
        self._hub.changed()

    def wait_for_page(self, timeout: float) -> bool:
        """Whether a browser has the page open (live), waiting up to `timeout` seconds."""
        return self._endpoints.wait_for_page(timeout)

    def close(self) -> None:
        """Wake the open event streams so they see the server stopping."""
        self._hub.wake()

    # -- what the page reads ----------------------------------------------------------

    def state(self) -> dict[str, Any]:
        """The whole picture, the full log included (`GET /_preview/state`)."""
        version = self._hub.version
        _, _, entries = self._journal.snapshot()
        links = link(entries)
        state = page_state(self._source, self._devices, links, now=self._now(), version=version)
        state["log"] = [log_entry(entry, links) for entry in entries]
        return state

    def _event(self, version: int, cursor: Cursor) -> bytes:
        """One event for a stream: the picture, plus the log entries it has not sent yet."""
        epoch, appended, entries = self._journal.snapshot()
        links = link(entries)
        state = page_state(self._source, self._devices, links, now=self._now(), version=version)
        reset = epoch != cursor.epoch
        new = len(entries) if reset else min(len(entries), appended - cursor.sent)
        state["log"] = {
            "reset": reset,
            "entries": [log_entry(entry, links) for entry in entries[len(entries) - new :]],
        }
        cursor.epoch, cursor.sent = epoch, appended
        data = json.dumps(state, separators=(",", ":"))
        return f"id: {version}\nevent: state\ndata: {data}\n\n".encode()
