from enum import StrEnum


class AppIconBadgeCountErrorCode(StrEnum):
    BADGE_DEVICE_DISCONNECTED = "badge_device_disconnected"
    BADGE_UPDATE_FAILED = "badge_update_failed"

    def __str__(self) -> str:
        return str(self.value)
