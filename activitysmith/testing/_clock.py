"""The local server's time: real time by default, moved on by tests with `advance()`.

Everything in the server that depends on time reads one `Clock`: rate-limit windows and
`Retry-After`, Live Activity timers, the dismissal of ended activities, the throttling
warning and every timestamp it answers with. A test that needs "a minute later" calls
`server.clock.advance(60)` instead of sleeping.
"""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime, timedelta

from ._timestamps import format_timestamp


class Clock:
    """What time it is on the local server.

    It runs with real time, plus every `advance()` so far. `freeze()` stops real time
    from flowing in, so only `advance()` moves it (exact durations in assertions);
    `unfreeze()` lets it flow again from where it stands. Thread-safe.
    """

    def __init__(self, *, frozen: bool = False) -> None:
        self._lock = threading.Lock()
        self._start_frozen = frozen
        self._offset = 0.0
        self._frozen: tuple[float, float] | None = None  # (monotonic, wall) when frozen
        if frozen:
            self.freeze()

    # -- reading -------------------------------------------------------------------------

    def monotonic(self) -> float:
        """Seconds on a scale that never goes back (for windows and durations)."""
        with self._lock:
            base = time.monotonic() if self._frozen is None else self._frozen[0]
            return base + self._offset

    def time(self) -> float:
        """Seconds since the epoch, like `time.time()`, in the server's time."""
        with self._lock:
            base = time.time() if self._frozen is None else self._frozen[1]
            return base + self._offset

    def now(self) -> datetime:
        """The server's current time as an aware UTC datetime."""
        return datetime.fromtimestamp(self.time(), UTC)

    def timestamp(self) -> str:
        """The server's current time in the API's format, e.g. `2026-07-20T09:30:00.000Z`."""
        return format_timestamp(self.now())

    @property
    def advanced(self) -> float:
        """Seconds `advance()` has added since the clock started or was last reset."""
        with self._lock:
            return self._offset

    @property
    def frozen(self) -> bool:
        """Whether real time is kept out (only `advance()` moves the clock)."""
        with self._lock:
            return self._frozen is not None

    # -- moving ----------------------------------------------------------------------------

    def advance(self, seconds: float | timedelta) -> None:
        """Move the clock forward by `seconds` (a number or a timedelta); never backwards."""
        amount = seconds.total_seconds() if isinstance(seconds, timedelta) else float(seconds)
        if not amount >= 0:  # also rejects NaN
            raise ValueError(f"the clock only moves forward: got {seconds!r} seconds")
        if amount == float("inf"):
            raise ValueError("the clock cannot advance by an infinite amount")
        with self._lock:
            self._offset += amount

    def freeze(self) -> None:
        """Stop real time from moving the clock; `advance()` still does."""
        with self._lock:
            if self._frozen is None:
                self._frozen = (time.monotonic(), time.time())

    def unfreeze(self) -> None:
        """Let real time move the clock again, from where it stands now."""
        with self._lock:
            if self._frozen is not None:
                self._offset += self._frozen[0] - time.monotonic()
                self._frozen = None

    def reset(self) -> None:
        """Back to real time with nothing advanced (frozen again if it was created frozen)."""
        with self._lock:
            self._offset = 0.0
            self._frozen = (time.monotonic(), time.time()) if self._start_frozen else None

    def __repr__(self) -> str:
        state = "frozen" if self.frozen else "running"
        return f"<Clock {self.timestamp()} ({state}, advanced {self.advanced:g} s)>"
