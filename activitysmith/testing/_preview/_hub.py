"""Wakes the preview's event streams when the server's state may have changed."""

from __future__ import annotations

import threading


class ChangeHub:
    """A version number that goes up after every request, and a way to wait for it.

    `changed()` is all the request path pays: one lock and a counter, whether or not a
    browser is watching.
    """

    def __init__(self) -> None:
        self._condition = threading.Condition(threading.Lock())
        self._version = 0

    @property
    def version(self) -> int:
        """How many changes have been announced so far."""
        return self._version

    def changed(self) -> None:
        """Announce a change to every waiting stream."""
        with self._condition:
            self._version += 1
            self._condition.notify_all()

    def wake(self) -> None:
        """Wake every waiting stream without a change (so they notice the server stopping)."""
        with self._condition:
            self._condition.notify_all()

    def wait(self, seen: int, timeout: float) -> int:
        """The current version, after waiting up to `timeout` seconds for one newer than `seen`."""
        with self._condition:
            if self._version == seen:
                self._condition.wait(timeout)
            return self._version
