"""`ActivitySmithHandler`: log records as push notifications, the way SMTPHandler sends mail."""

from __future__ import annotations

import collections
import contextlib
import logging
import threading
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ._sync._client import ActivitySmith

__all__ = ["ActivitySmithHandler"]

logger = logging.getLogger("activitysmith")

_MAX_FINGERPRINTS = 1024  # coalescing memory is bounded too


class _Burst:
    """One fingerprint's coalescing state: when its last push was queued, and what was held
    back since (the count, and the newest held-back record, sent at `close()`)."""

    __slots__ = ("last_held", "queued_at", "suppressed")

    def __init__(self, queued_at: float) -> None:
        self.queued_at = queued_at
        self.suppressed = 0
        self.last_held: logging.LogRecord | None = None


def _interruption_level(levelno: int) -> str:
    if levelno >= logging.ERROR:
        return "time-sensitive"
    if levelno >= logging.WARNING:
        return "active"
    return "passive"


class ActivitySmithHandler(logging.Handler):
    """Sends log records at `level` and above as push notifications to your phone.

    `logging.getLogger().addHandler(ActivitySmithHandler(channels=["ops"]))`, or from
    `logging.config.dictConfig` with `"class": "activitysmith.ActivitySmithHandler"`.

    The title is the level and logger name, the message the formatted record without its
    traceback (tracebacks may hold secrets: pass `include_traceback=True` to send them).
    ERROR and above are time-sensitive, WARNING active, lower levels passive.

    A logging call never blocks and never raises: records wait in a queue of `queue_size`
    (newer ones are dropped and counted in `dropped` when it is full) for a background
    thread that sends them through `client` (default: `ActivitySmith()` from the
    environment, built on first use), within the client's rate budget. At most one push per
    `min_interval` seconds is sent for the same logger, level and message template; the next
    one says how many were suppressed; at `close()`, the newest record still held back is sent
    with the count of the others. `flush()`, `close()` and interpreter exit (through
    `logging.shutdown`) wait up to `flush_timeout` seconds for queued pushes.
    """

    def __init__(
        self,
        level: int | str = logging.ERROR,
        client: ActivitySmith | None = None,
        channels: Sequence[str] | str | None = None,
        min_interval: float = 60.0,
        *,
        include_traceback: bool = False,
        queue_size: int = 100,
        flush_timeout: float = 5.0,
    ) -> None:
        super().__init__(level)
        if isinstance(min_interval, bool) or not isinstance(min_interval, int | float):
            raise TypeError("min_interval must be a number of seconds")
        if min_interval < 0:
            raise ValueError("min_interval must be >= 0")
        if isinstance(queue_size, bool) or not isinstance(queue_size, int) or queue_size < 1:
            raise ValueError("queue_size must be an integer >= 1")
        self.client = client
        self.channels = channels if isinstance(channels, str | None) else list(channels)
        self.min_interval = float(min_interval)
        self.include_traceback = include_traceback
        self.queue_size = queue_size
        self.flush_timeout = flush_timeout
        self.dropped = 0
        """Records dropped because the queue was full."""
        self._owns_client = client is None
        self._recent: collections.OrderedDict[tuple[str, int, str], _Burst] = (
            collections.OrderedDict()
        )
        self._pending: collections.deque[dict[str, object]] = collections.deque()
        self._in_flight = 0
        # Re-entrant: formatting runs under it, and a finalizer that logs may run on this thread
        # at any allocation there; a plain lock would deadlock that thread.
        self._cond = threading.Condition(threading.RLock())
        self._worker: threading.Thread | None = None
        self._stopping = False

    # -- the caller's thread: format, coalesce, enqueue ---------------------------------------

    def emit(self, record: logging.LogRecord) -> None:
        try:
            worker = self._worker
            if worker is not None and worker.ident == threading.get_ident():
                return  # the SDK's own log lines while sending: never a loop
            fingerprint = (record.name, record.levelno, str(record.msg))
            now = time.monotonic()
            with self._cond:
                if self._stopping:
                    return
                burst = self._recent.get(fingerprint)
                if burst is not None and now - burst.queued_at < self.min_interval:
                    burst.suppressed += 1
                    burst.last_held = record
                    return
                suppressed = burst.suppressed if burst is not None else 0
                self._recent[fingerprint] = _Burst(now)
                self._recent.move_to_end(fingerprint)
                while len(self._recent) > _MAX_FINGERPRINTS:
                    self._recent.popitem(last=False)
                self._enqueue(self._push(record, suppressed))
        except Exception:
            self.handleError(record)

    def _enqueue(self, fields: dict[str, object]) -> None:
        """Queue one push and wake (or start) the sender; called with the lock held."""
        if len(self._pending) >= self.queue_size:
            self.dropped += 1
            return
        self._pending.append(fields)
        self._cond.notify_all()
        if self._worker is None:
            self._worker = threading.Thread(
                target=self._run, name="activitysmith-log-handler", daemon=True
            )
            self._worker.start()

    def _release_held(self) -> None:
        """Queue the newest held-back record of each burst, with the count of the others."""
        with self._cond:
            if self._stopping:
                return
            for burst in self._recent.values():
                if burst.last_held is not None:
                    with contextlib.suppress(Exception):  # a record that cannot be formatted
                        self._enqueue(self._push(burst.last_held, burst.suppressed - 1))
                    burst.suppressed, burst.last_held = 0, None

    def _push(self, record: logging.LogRecord, suppressed: int) -> dict[str, object]:
        if not self.include_traceback and (record.exc_info or record.exc_text or record.stack_info):
            record = logging.makeLogRecord(record.__dict__)
            record.exc_info = record.exc_text = record.stack_info = None
        message = self.format(record)
        if suppressed:
            noun = "message" if suppressed == 1 else "messages"
            message += f"\n({suppressed} similar {noun} suppressed)"
        fields: dict[str, object] = {
            "title": f"{record.levelname}: {record.name}",
            "message": message,
            "interruption_level": _interruption_level(record.levelno),
        }
        if self.channels is not None:
            fields["channels"] = self.channels
        return fields

    # -- the background thread: send ----------------------------------------------------------

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._pending and not self._stopping:
                    self._cond.wait()
                if not self._pending:
                    return
                fields = self._pending.popleft()
                self._in_flight = 1
            try:
                self._send(fields)
            finally:
                with self._cond:
                    self._in_flight = 0
                    self._cond.notify_all()

    def _send(self, fields: dict[str, object]) -> None:
        try:
            if self.client is None:
                from ._sync._client import ActivitySmith

                self.client = ActivitySmith()
            self.client.notifications.send(fields)
        except Exception as exc:
            logger.warning("ActivitySmithHandler could not send a log record: %s", exc)

    # -- flush and close ------------------------------------------------------------------------

    def flush(self) -> None:
        """Wait up to `flush_timeout` seconds for the queued pushes to be sent."""
        deadline = time.monotonic() + self.flush_timeout
        with self._cond:
            while (self._pending or self._in_flight) and self._worker is not None:
                remaining = deadline - time.monotonic()
                if remaining <= 0 or not self._worker.is_alive():
                    return
                self._cond.wait(remaining)

    def close(self) -> None:
        """Send what bursts held back, flush, stop the background thread, and close the client
        if the handler built it."""
        self._release_held()
        self.flush()
        with self._cond:
            self._stopping = True
            self._pending.clear()
            self._cond.notify_all()
            worker = self._worker
        if worker is not None and worker is not threading.current_thread():
            worker.join(timeout=1.0)
        if self._owns_client and self.client is not None:
            with contextlib.suppress(Exception):  # never raise into logging.shutdown
                self.client.close()
            self.client = None
        super().close()
