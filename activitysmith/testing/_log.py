"""The request log: every request received, with the API key masked; thread-safe."""

from __future__ import annotations

import copy
import dataclasses
import threading
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from ._models import RecordedRequest


class Headers(Mapping[str, str]):
    """Read-only request headers; lookups ignore case, iteration keeps the sent names."""

    def __init__(self, items: Iterable[tuple[str, str]]) -> None:
        self._items = dict(items)
        self._folded = {name.lower(): value for name, value in self._items.items()}

    def __getitem__(self, name: str) -> str:
        return self._folded[name.lower()]

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and name.lower() in self._folded

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __repr__(self) -> str:
        return f"Headers({self._items!r})"


def mask_headers(items: Iterable[tuple[str, str]]) -> Headers:
    """The headers with the Authorization credentials replaced by `***`."""
    return Headers(
        (name, _mask(value) if name.lower() == "authorization" else value) for name, value in items
    )


def _mask(value: str) -> str:
    scheme, space, _credentials = value.strip().partition(" ")
    return f"{scheme} ***" if space else "***"


class RequestLog:
    """Requests in arrival order."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._requests: list[RecordedRequest] = []

    def add(self, request: RecordedRequest) -> int:
        """Append `request`; returns its position in `all()`, counted from 1."""
        with self._lock:
            self._requests.append(request)
            return len(self._requests)

    def all(self) -> list[RecordedRequest]:
        """Copies of every recorded request (their JSON bodies too)."""
        with self._lock:
            requests = list(self._requests)
        return [_copy(request) for request in requests]

    def last(self) -> RecordedRequest | None:
        with self._lock:
            last = self._requests[-1] if self._requests else None
        return None if last is None else _copy(last)

    def __len__(self) -> int:
        with self._lock:
            return len(self._requests)

    def clear(self) -> None:
        with self._lock:
            self._requests.clear()


def _copy(request: RecordedRequest) -> RecordedRequest:
    body: Any = request.json
    if isinstance(body, dict | list):
        return dataclasses.replace(request, json=copy.deepcopy(body))
    return request
