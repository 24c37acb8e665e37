"""Keeping the API key out of the logs of the HTTP stack.

httpcore logs at DEBUG what a server sends back (the response headers, say); a server that
echoes the `Authorization` header would put the key there. Each client registers its key
here while it lives, and a filter on httpx's and httpcore's loggers (and ours) replaces it
with `ask_***` in any record that holds it. Records are only built when their level is
enabled, so the filter costs nothing otherwise.
"""

from __future__ import annotations

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
_lock = threading.Lock()
_installed = False


class _Scrub(logging.Filter):
    """Replaces every registered key in a record's message (never drops a record)."""

    def filter(self, record: logging.LogRecord) -> bool:
        with _lock:
            keys = set(_secrets.values())
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
    global _installed
    with _lock:
        _secrets[id(owner)] = key
        install = not _installed
        _installed = True
    weakref.finalize(owner, _forget, id(owner))
    if install:
        scrub = _Scrub()
        for name in _LOGGERS:
            logging.getLogger(name).addFilter(scrub)


def _forget(owner_id: int) -> None:
    with _lock:
        _secrets.pop(owner_id, None)
