"""Constants named after the values of the spec's enums, for the resources.

Generated from openapi.yaml by `make generate` (scripts/codegen); do not edit.
"""

from typing import Final

__all__ = ["LiveActivityTypeNames"]


class LiveActivityTypeNames:
    """The Live Activity types as `client.live_activities.TYPE_<NAME>` (the official package's names)."""

    __slots__ = ()

    TYPE_SEGMENTED_PROGRESS: Final = "segmented_progress"
    TYPE_PROGRESS: Final = "progress"
    TYPE_METRICS: Final = "metrics"
    TYPE_STATS: Final = "stats"
    TYPE_ALERT: Final = "alert"
    TYPE_TIMER: Final = "timer"
    TYPE_VALUE: Final = "value"
