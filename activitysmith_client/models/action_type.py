from enum import StrEnum


class ActionType(StrEnum):
    OPEN_URL = "open_url"
    WEBHOOK = "webhook"

    def __str__(self) -> str:
        return str(self.value)
