from enum import StrEnum


class StreamDeleteOperation(StrEnum):
    ENDED = "ended"

    def __str__(self) -> str:
        return str(self.value)
