from enum import StrEnum


class LiveActivityType(StrEnum):
    ALERT = "alert"
    METRICS = "metrics"
    PROGRESS = "progress"
    SEGMENTED_PROGRESS = "segmented_progress"
    STATS = "stats"
    TIMER = "timer"
    VALUE = "value"

    def __str__(self) -> str:
        return str(self.value)
