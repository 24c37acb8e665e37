from enum import StrEnum


class LiveActivityColor(StrEnum):
    BLUE = "blue"
    CYAN = "cyan"
    GRAY = "gray"
    GREEN = "green"
    LIME = "lime"
    MAGENTA = "magenta"
    ORANGE = "orange"
    PURPLE = "purple"
    RED = "red"
    YELLOW = "yellow"

    def __str__(self) -> str:
        return str(self.value)
