"""Records the local server keeps: recipients, requests and what the API stored.

Every record is a frozen snapshot; the server hands out copies, so a test can keep one
while the server goes on changing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

JSON = Any
"""A decoded JSON value."""


@dataclass(frozen=True)
class Device:
    """A paired iPhone or iPad: its owner and the channel slugs it subscribes to."""

    name: str
    user: str
    channels: Sequence[str] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "channels", tuple(self.channels))


DEFAULT_DEVICES: tuple[Device, ...] = (
    Device("Alice's iPhone", user="alice", channels=("ops", "devs", "sales", "ios-builds")),
    Device("Alice's iPad", user="alice", channels=("ops",)),
    Device("Bob's iPhone", user="bob", channels=("sales", "customer-success")),
)
"""Two users, three devices, covering the channels the README's examples use (and those
of the official package's README), so examples run unchanged; `finance-oncall` is left
unpaired on purpose, for the README's "no recipients" example."""

DEFAULT_METRICS: tuple[str, ...] = (
    "deploy.success_rate",
    "prod.status",
    "revenue.today",
    "signups.today",
    "uptime",
)
"""Metric keys that exist in the default account (the API answers 404 for others)."""


@dataclass(frozen=True)
class RecordedRequest:
    """One request the server received, with the API key masked."""

    method: str
    path: str
    query: str
    headers: Mapping[str, str]
    body: bytes
    json: JSON
    """The decoded body, or None when it was empty or not valid JSON."""
    status: int | None
    """The status answered, or None when no response was sent (a dropped connection)."""
    operation: str | None
    """The spec's operationId the path matched, or None for an unknown route."""
    fault: str | None = None
    """The kind of the injected fault that answered, if any."""


@dataclass(frozen=True)
class Notification:
    """A push notification as it stands now (after any replacements)."""

    notification_id: str
    payload: Mapping[str, JSON]
    """The request body of the latest send or replace."""
    devices: tuple[Device, ...]
    effective_channel_slugs: tuple[str, ...] | None
    tags: tuple[str, ...]
    metadata: Mapping[str, JSON]
    sent_at: str
    revisions: tuple[Mapping[str, JSON], ...]
    """Every request body in order: the original send, then each replace."""

    @property
    def users(self) -> tuple[str, ...]:
        """The distinct users whose devices were notified."""
        return _users(self.devices)

    @property
    def title(self) -> str:
        """The current title."""
        return str(self.payload.get("title", ""))


@dataclass(frozen=True)
class LiveActivity:
    """A Live Activity with its whole state history."""

    activity_id: str
    type: str
    stream_key: str | None
    """The stream that manages it, or None for a legacy start."""
    states: tuple[Mapping[str, JSON], ...]
    """Every content state it showed, oldest first (each one complete, after merging)."""
    ended: bool
    action: Mapping[str, JSON] | None
    secondary_action: Mapping[str, JSON] | None
    alert: Mapping[str, JSON] | None
    devices: tuple[Device, ...]
    effective_channel_slugs: tuple[str, ...] | None
    tags: tuple[str, ...]
    metadata: Mapping[str, JSON]
    started_at: str
    ended_at: str | None
    updates: int
    """How many updates changed it after the start (noops excluded)."""
    previous_activity_id: str | None = None
    """The activity this one replaced when its stream rotated."""
    timer: Timer | None = None
    """What a `timer` activity shows at the server's current time; None for other types."""
    dismiss_at: str | None = None
    """When the ended activity leaves (or left) the Lock Screen; None while it runs."""
    dismissed: bool = False
    """Whether the server's clock has passed `dismiss_at`."""
    dismiss_reason: str | None = None
    """What set `dismiss_at`: the end's `auto_dismiss_seconds: 30` or `auto_dismiss_minutes: 5`,
    `default: 3 minutes`, or `replaced by its stream's new activity`; None while it runs."""

    @property
    def state(self) -> Mapping[str, JSON]:
        """The current (or final) content state."""
        return self.states[-1]

    @property
    def users(self) -> tuple[str, ...]:
        """The distinct users whose devices show it."""
        return _users(self.devices)


@dataclass(frozen=True)
class Timer:
    """A `timer` Live Activity as it stands at the server's current time (`server.clock`)."""

    counts_down: bool
    """True for a countdown from `duration`, false for an elapsed (count-up) timer."""
    running: bool
    """False once paused (`is_running: false`) or frozen by the end of the activity."""
    duration: float | None
    """The countdown's length in seconds (None for an open-ended count-up timer)."""
    elapsed: float
    """Seconds the timer has run in its current window (pauses excluded)."""

    @property
    def remaining(self) -> float | None:
        """Seconds left on a countdown (never below 0); None for a count-up timer."""
        if not self.counts_down or self.duration is None:
            return None
        return max(0.0, self.duration - self.elapsed)

    @property
    def finished(self) -> bool:
        """Whether a countdown has reached zero."""
        return self.remaining == 0.0

    @property
    def shown(self) -> float:
        """The seconds on the Lock Screen: the remaining time of a countdown, else the elapsed."""
        remaining = self.remaining
        return self.elapsed if remaining is None else remaining


@dataclass(frozen=True)
class MetricValue:
    """One value written to a metric."""

    value: float | int | str
    timestamp: str
    """The measurement time sent with the value, or the receive time."""


@dataclass(frozen=True)
class Metric:
    """A Lock Screen widget metric: its latest value and every value written."""

    key: str
    history: tuple[MetricValue, ...] = field(default=())

    @property
    def value(self) -> float | int | str | None:
        """The latest value, or None before the first write."""
        return self.history[-1].value if self.history else None

    @property
    def timestamp(self) -> str | None:
        """The latest value's timestamp."""
        return self.history[-1].timestamp if self.history else None


@dataclass(frozen=True)
class BadgeUpdate:
    """One app icon badge update."""

    badge: int
    devices: tuple[Device, ...]
    effective_channel_slugs: tuple[str, ...] | None
    timestamp: str


def _users(devices: Sequence[Device]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(device.user for device in devices))
