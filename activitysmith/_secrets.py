"""Keeping the API key out of the logs of the HTTP stack.

httpcore logs at DEBUG what a server sends back (the response headers, say); a server that
echoes the `Authorization` header would put the key there. Each client registers its key
here while it lives, and a filter on httpx's and httpcore's loggers (and ours) replaces it
with `ask_***` in any record that holds it. Records are only built when their level is
enabled, so the filter costs nothing otherwise.

The finalizer that forgets a dead client's key takes no lock: the garbage collector may run
it on any thread, at any allocation, including one made while the lock below is held (a
lock taken there would deadlock that thread). It only queues the client's id; the next
registration drops the queued ids before it adds its own, so an id reused by a new client
is never dropped by the old client's death.
"""

from __future__ import annotations

import collections
import logging
import threading
import weakref

__all__ = ["register_secret"]

_LOGGERS = (
    "activitysmith",
    "httpx",
    "httpcore.connection",
    "httpcore.http11",
    "httpcore.http2",
    "httpcore.proxy",
    "httpcore.socks",
)
_MASK = "ask_***"

_secrets: dict[int, str] = {}
"""Live client id -> its key; changed only under `_lock`."""
_keys: tuple[str, ...] = ()
"""The distinct keys of `_secrets`, replaced whole on each change, read by the filter unlocked."""
_gone: collections.deque[int] = collections.deque()
"""Ids of collected clients, queued by their finalizers (deque.append needs no lock)."""
_lock = threading.Lock()
_installed = False


class _Scrub(logging.Filter):
    """Replaces every registered key in a record's message (never drops a record)."""

    def filter(self, record: logging.LogRecord) -> bool:
        keys = _keys
        if not keys:
            return True
        try:
            message = record.getMessage()
        except Exception:  # a broken record is logging's to report, not ours
            return True
        found = [key for key in keys if key in message]
        if found:
            for key in found:
                message = message.replace(key, _MASK)
            record.msg, record.args = message, ()
        return True


def register_secret(owner: object, key: str) -> None:
    """Scrub `key` from the HTTP stack's logs for as long as `owner` (a client) lives."""
    global _installed, _keys
    with _lock:
        _drop_collected()
        _secrets[id(owner)] = key
        _keys = tuple(dict.fromkeys(_secrets.values()))
        install = not _installed
        _installed = True
    weakref.finalize(owner, _gone.append, id(owner))
    if install:
        scrub = _Scrub()
        for name in _LOGGERS:
            logging.getLogger(name).addFilter(scrub)


def _drop_collected() -> None:
    """Forget the keys of collected clients (called with `_lock` held)."""
    while True:
        try:
            owner_id = _gone.popleft()
        except IndexError:
            return
        _secrets.pop(owner_id, None)
