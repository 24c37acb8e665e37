"""Public enums and the NOT_GIVEN sentinel that tells "not set" apart from None, 0 or False."""

from __future__ import annotations

import enum
from typing import Final, Literal

__all__ = [
    "NOT_GIVEN",
    "ActionType",
    "Color",
    "InterruptionLevel",
    "LiveActivityType",
    "NotGiven",
    "StreamOperation",
    "WebhookMethod",
]


class NotGiven:
    """The type of NOT_GIVEN: an argument the caller did not pass, so nothing is sent for it."""

    _instance: NotGiven | None = None

    def __new__(cls) -> NotGiven:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN: Final = NotGiven()


class LiveActivityType(enum.StrEnum):
    """Live Activity layouts (`content_state.type`)."""

    SEGMENTED_PROGRESS = "segmented_progress"
    PROGRESS = "progress"
    METRICS = "metrics"
    STATS = "stats"
    ALERT = "alert"
    TIMER = "timer"
    VALUE = "value"


class Color(enum.StrEnum):
    """Accent colours for Live Activities, metrics, icons and badges."""

    LIME = "lime"
    GREEN = "green"
    CYAN = "cyan"
    BLUE = "blue"
    PURPLE = "purple"
    MAGENTA = "magenta"
    RED = "red"
    ORANGE = "orange"
    YELLOW = "yellow"
    GRAY = "gray"


class InterruptionLevel(enum.StrEnum):
    """How urgently iOS presents a push notification."""

    PASSIVE = "passive"
    ACTIVE = "active"
    TIME_SENSITIVE = "time-sensitive"


class ActionType(enum.StrEnum):
    """What a notification or Live Activity button does."""

    OPEN_URL = "open_url"
    WEBHOOK = "webhook"


class WebhookMethod(enum.StrEnum):
    """HTTP method ActivitySmith uses to call a webhook action (server default: POST)."""

    GET = "GET"
    POST = "POST"


class StreamOperation(enum.StrEnum):
    """What a stream call did. Responses may carry values newer than this list."""

    STARTED = "started"
    UPDATED = "updated"
    ROTATED = "rotated"
    NOOP = "noop"
    PAUSED = "paused"
    ENDED = "ended"
