from enum import StrEnum


class StreamOperation(StrEnum):
    NOOP = "noop"
    PAUSED = "paused"
    ROTATED = "rotated"
    STARTED = "started"
    UPDATED = "updated"

    def __str__(self) -> str:
        return str(self.value)
