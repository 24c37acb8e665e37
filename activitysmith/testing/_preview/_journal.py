"""What the preview remembers of each request beyond the request log: the API's answer."""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable, Mapping
from typing import Any, NamedTuple

from .._models import RecordedRequest

JOURNAL_LIMIT = 2000
"""Requests the preview keeps; older ones drop out of the page's log (not of `server.requests`)."""


class Entry(NamedTuple):
    """One request as the page shows it in its log and links it to what it drew.

    A named tuple: the request path builds one per request, and this is the cheapest record.
    """

    number: int
    """The request's position in `server.requests`, counted from 1."""
    received_at: str
    request: RecordedRequest
    api_status: int | None
    """What the API answered before any injected fault spoiled it (None: it never ran)."""
    response: Mapping[str, Any] | None
    """The API's JSON answer (None when it never ran)."""
    problems: tuple[str, ...] | None
    """What the spec check found (empty: valid), or None when it did not run."""


class Journal:
    """The newest `limit` entries, oldest first; thread-safe.

    `epoch` changes on every `clear()`, so a page that kept older entries knows to drop them.
    """

    def __init__(self, now: Callable[[], str], limit: int = JOURNAL_LIMIT) -> None:
        self._now = now
        self._lock = threading.Lock()
        self._entries: deque[Entry] = deque(maxlen=limit)
        self._epoch = 0
        self._appended = 0

    def add(
        self,
        number: int,
        request: RecordedRequest,
        api_status: int | None,
        response: Mapping[str, Any] | None,
        problems: tuple[str, ...] | None,
    ) -> None:
        entry = Entry(number, self._now(), request, api_status, response, problems)
        with self._lock:
            self._entries.append(entry)
            self._appended += 1

    def snapshot(self) -> tuple[int, int, list[Entry]]:
        """The epoch, how many entries it has appended in all, and the kept ones, oldest first."""
        with self._lock:
            return self._epoch, self._appended, list(self._entries)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._epoch += 1
            self._appended = 0
