from enum import StrEnum


class BadRequestCode(StrEnum):
    INVALID_TAGS = "invalid_tags"

    def __str__(self) -> str:
        return str(self.value)
