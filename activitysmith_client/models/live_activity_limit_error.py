from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from ..types import UNSET, Unset

T = TypeVar("T", bound="LiveActivityLimitError")


class LiveActivityLimitError:
    """The targeted devices already run as many Live Activities as they may at once (5 per device today; the number is the
    server's to change, so read `limit` rather than assume it). Waiting seconds does not help: end an activity, or let
    the server end the oldest one.

        Attributes:
            error (str): Short error summary.
            message (str): Human-readable explanation.
            limit (int): How many Live Activities a device may run at once, e.g. 5.
            active (int): Highest number of active Live Activities among the targeted devices.
            blocked_devices (int | Unset): Targeted devices already at the limit; sent only when capacity differs between
                devices.
            targeted_devices (int | Unset): Devices that were targeted; sent only when capacity differs between devices.
    """

    __slots__ = (
        "error",
        "message",
        "limit",
        "active",
        "blocked_devices",
        "targeted_devices",
        "additional_properties",
        "__weakref__",
    )
    __match_args__ = (
        "error",
        "message",
        "limit",
        "active",
        "blocked_devices",
        "targeted_devices",
    )

    error: str
    message: str
    limit: int
    active: int
    blocked_devices: int | Unset
    targeted_devices: int | Unset
    additional_properties: dict[str, Any]

    def __init__(
        self,
        error: str,
        message: str,
        limit: int,
        active: int,
        blocked_devices: int | Unset = UNSET,
        targeted_devices: int | Unset = UNSET,
    ) -> None:
        self.error = error
        self.message = message
        self.limit = limit
        self.active = active
        self.blocked_devices = blocked_devices
        self.targeted_devices = targeted_devices
        self.additional_properties = {}

    def __repr__(self) -> str:
        return (
            f"{type(self).__qualname__}("
            f"error={self.error!r}, "
            f"message={self.message!r}, "
            f"limit={self.limit!r}, "
            f"active={self.active!r}, "
            f"blocked_devices={self.blocked_devices!r}, "
            f"targeted_devices={self.targeted_devices!r}, "
            f"additional_properties={self.additional_properties!r}"
            ")"
        )

    def __eq__(self, other: object) -> bool:
        if (
            not isinstance(other, LiveActivityLimitError)
            or other.__class__ is not self.__class__
        ):
            return NotImplemented
        return (
            self.error,
            self.message,
            self.limit,
            self.active,
            self.blocked_devices,
            self.targeted_devices,
            self.additional_properties,
        ) == (
            other.error,
            other.message,
            other.limit,
            other.active,
            other.blocked_devices,
            other.targeted_devices,
            other.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        error = self.error

        message = self.message

        limit = self.limit

        active = self.active

        blocked_devices = self.blocked_devices

        targeted_devices = self.targeted_devices

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "error": error,
                "message": message,
                "limit": limit,
                "active": active,
            }
        )
        if blocked_devices is not UNSET:
            field_dict["blocked_devices"] = blocked_devices
        if targeted_devices is not UNSET:
            field_dict["targeted_devices"] = targeted_devices

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        error = d.pop("error")

        message = d.pop("message")

        limit = d.pop("limit")

        active = d.pop("active")

        blocked_devices = d.pop("blocked_devices", UNSET)

        targeted_devices = d.pop("targeted_devices", UNSET)

        live_activity_limit_error = cls(
            error=error,
            message=message,
            limit=limit,
            active=active,
            blocked_devices=blocked_devices,
            targeted_devices=targeted_devices,
        )

        live_activity_limit_error.additional_properties = d
        return live_activity_limit_error

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
