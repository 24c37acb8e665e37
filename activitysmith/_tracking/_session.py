"""When a tracked stream sends, and what: the pure half of coalescing, shared by sync and async.

A `Session` is told the time and the latest state and answers with the `Call` to make, if
any; the workers in `_sync` and `_async` make the calls and report the outcome back.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from .._errors import APIStatusError, NotFoundError, ValidationError
from ._states import Ending

__all__ = [
    "BURST_UPDATES",
    "DEFAULT_FLUSH_TIMEOUT",
    "FAST_INTERVAL",
    "STEADY_INTERVAL",
    "Call",
    "Session",
    "check_timing",
    "interval_after",
]

logger = logging.getLogger("activitysmith")

FAST_INTERVAL = 10.0
"""Seconds between the first updates of an activity (`min_interval=None`)."""
BURST_UPDATES = 12
"""How many updates go out at FAST_INTERVAL before the pace drops to STEADY_INTERVAL."""
STEADY_INTERVAL = 120.0
"""Seconds between later updates: iOS throttles activities updated more often."""
DEFAULT_FLUSH_TIMEOUT = 10.0
"""Seconds the end of a loop or block may wait for the final state to be delivered."""
POLL = 1.0
"""Longest sleep of a worker that has nothing new to send (progress() never wakes it)."""


def interval_after(sent: int, min_interval: float | None) -> float:
    """Seconds from the `sent`-th update to the next one.

    A number fixes the interval. None (the default) follows the API's limits: a Live
    Activity updated more often than every couple of minutes gets throttled by iOS for
    about an hour, but short bursts that then end are fine, and ActivitySmith warns only
    after 12 updates. So the first 12 updates may come every 10 seconds (a job of a few
    minutes looks live), then one every 2 minutes (a job of hours stays within the budget).
    At that pace one tracker spends at most 6 of the account's 300 Live Activity requests a
    minute on updates (plus the final one).
    """
    if min_interval is not None:
        return min_interval
    return FAST_INTERVAL if sent < BURST_UPDATES else STEADY_INTERVAL


_MAX_SECONDS = 86_400.0
"""A day: longer waits overflow the platform's clocks."""


def check_timing(min_interval: float | None, flush_timeout: float) -> None:
    """Raise ValidationError for an unusable `min_interval` or `flush_timeout`."""
    for name, value, allow_zero in (
        ("min_interval", min_interval, False),
        ("flush_timeout", flush_timeout, True),
    ):
        if value is None and name == "min_interval":
            continue
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not 0 <= value <= _MAX_SECONDS  # False for NaN
            or (value == 0 and not allow_zero)
        ):
            bound = ">= 0" if allow_zero else "> 0"
            raise ValidationError(
                name, f"must be a number of seconds {bound} and at most {_MAX_SECONDS:.0f}"
            )


@dataclass(frozen=True)
class Call:
    """One request to make: a stream PUT (`put`) or the ending DELETE (`delete`)."""

    kind: Literal["put", "delete"]
    fields: dict[str, Any]
    final: bool = False


def _describe(exc: BaseException) -> str:
    """Metadata about a failure, never the request or response content."""
    if isinstance(exc, APIStatusError):
        return f"HTTP {exc.status_code}"
    if isinstance(exc, ValidationError):
        return f"invalid {exc.field or 'request'}"
    return type(exc).__name__


class Session:
    """The sending decisions of one tracked stream. Not thread-safe; one worker drives it."""

    def __init__(
        self,
        stream_key: str,
        *,
        min_interval: float | None,
        flush_timeout: float,
        extras: Mapping[str, Any] | None = None,
        end_extras: Mapping[str, Any] | None = None,
    ) -> None:
        self.stream_key = stream_key
        self.min_interval = min_interval
        self.flush_timeout = flush_timeout
        self.extras = dict(extras or {})  # channels, action, ... sent on every PUT
        self.end_extras = dict(end_extras or {})  # what the DELETE accepts of them
        self.handled: dict[str, Any] | None = None  # the last state sent (or rejected)
        self.started = False  # a PUT succeeded, so the stream exists
        self.attempts = 0
        self.next_at = -math.inf  # earliest time of the next update
        self.deadline: float | None = None  # set by `close`
        self._failing = False
        self._missing = False

    # -- running -----------------------------------------------------------------------

    def wait_time(self, now: float) -> float:
        """Seconds until an update may go out (0: now)."""
        return max(0.0, self.next_at - now)

    def update(self, state: Mapping[str, Any], now: float) -> Call | None:
        """The PUT to make now for `state`, or None (too soon, or nothing new)."""
        if now < self.next_at or state == self.handled:
            return None
        self.attempts += 1
        self.next_at = now + interval_after(self.attempts, self.min_interval)
        return Call("put", {"content_state": dict(state), **self.extras})

    # -- ending ------------------------------------------------------------------------

    def close(self, now: float) -> None:
        """Start the final phase: from now on only `final_calls` are made."""
        self.deadline = now + self.flush_timeout

    def remaining(self, now: float) -> float:
        """Seconds left of the flush budget."""
        return math.inf if self.deadline is None else self.deadline - now

    def final_calls(self, ending: Ending) -> Iterator[Call]:
        """The requests that deliver `ending`; consult after reporting each outcome.

        The DELETE carries the final state. A stream that never started (a loop faster
        than the first request) is started with the final state first, since a DELETE
        of an unknown stream is a 404; so is one that vanished (404) meanwhile.
        """
        put = Call("put", {"content_state": dict(ending.content_state), **self.extras}, True)
        fields: dict[str, Any] = {"content_state": dict(ending.content_state), **self.end_extras}
        if ending.alert is not None:
            fields["alert"] = dict(ending.alert)
        delete = Call("delete", fields, True)
        if not self.started:
            yield put
            if not self.started:
                return
        yield delete
        if self._missing:
            yield put
            if self.started:
                yield delete

    # -- outcomes ----------------------------------------------------------------------

    def succeeded(self, call: Call) -> None:
        """Record that `call` was accepted."""
        self._missing = False
        if call.kind == "put":
            self.started = True
            self.handled = call.fields["content_state"]
        else:
            self.started = False
        if self._failing:
            self._failing = False
            logger.info(
                "Live Activity %r: updates are reaching ActivitySmith again", self.stream_key
            )

    def failed(self, call: Call, exc: BaseException) -> None:
        """Record that `call` failed; logs it (metadata only) and never raises."""
        what = "final state" if call.final else "update"
        if isinstance(exc, ValidationError):
            # The same state would be rejected again: skip it, send the next one.
            if call.kind == "put" and not call.final:
                self.handled = call.fields["content_state"]
            logger.warning(
                "Live Activity %r: %s not sent (%s)", self.stream_key, what, _describe(exc)
            )
            return
        if call.kind == "delete" and isinstance(exc, NotFoundError):
            self._missing = True
            self.started = False
            logger.info(
                "Live Activity %r: stream was gone at the end; restarting it to end it",
                self.stream_key,
            )
            return
        if call.final:
            logger.warning(
                "Live Activity %r: final state not delivered (%s)", self.stream_key, _describe(exc)
            )
            return
        level = logging.DEBUG if self._failing else logging.WARNING
        self._failing = True
        logger.log(
            level,
            "Live Activity %r: update failed (%s); retrying on the next tick",
            self.stream_key,
            _describe(exc),
        )

    def gave_up(self) -> None:
        """The flush budget ran out before the final state was delivered."""
        logger.warning(
            "Live Activity %r: final state not delivered within flush_timeout=%gs",
            self.stream_key,
            self.flush_timeout,
        )
