from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from ..types import UNSET, Unset

T = TypeVar("T", bound="AppIconBadgeCountUpdateResponse")


class AppIconBadgeCountUpdateResponse:
    """Result of a badge update. The counters are optional because older and newer servers report different ones; current
    servers send `devices_updated` and `users_updated`.

        Attributes:
            success (bool): Whether the badge was updated.
            badge (int): The badge number that was set.
            timestamp (datetime.datetime): Server time of the response.
            effective_channel_slugs (list[str]): Channel slugs that were actually used to pick recipients; `[]` when no
                channel targeting applied. Always present.
            devices_updated (int | Unset): Devices whose badge was updated.
            users_updated (int | Unset): Users with at least one updated device.
            devices_targeted (int | Unset): Devices the update was sent to.
            devices_deactivated (int | Unset): Device tokens deactivated because APNs reported them unregistered.
            devices_unregistered (int | Unset): Targeted device tokens APNs reported as unregistered.
            devices_notified (int | Unset): Deprecated alias of `devices_updated`.
            users_notified (int | Unset): Deprecated alias of `users_updated`.
    """

    __slots__ = (
        "success",
        "badge",
        "timestamp",
        "effective_channel_slugs",
        "devices_updated",
        "users_updated",
        "devices_targeted",
        "devices_deactivated",
        "devices_unregistered",
        "devices_notified",
        "users_notified",
        "additional_properties",
        "__weakref__",
    )
    __match_args__ = (
        "success",
        "badge",
        "timestamp",
        "effective_channel_slugs",
        "devices_updated",
        "users_updated",
        "devices_targeted",
        "devices_deactivated",
        "devices_unregistered",
        "devices_notified",
        "users_notified",
    )

    success: bool
    badge: int
    timestamp: datetime.datetime
    effective_channel_slugs: list[str]
    devices_updated: int | Unset
    users_updated: int | Unset
    devices_targeted: int | Unset
    devices_deactivated: int | Unset
    devices_unregistered: int | Unset
    devices_notified: int | Unset
    users_notified: int | Unset
    additional_properties: dict[str, Any]

    def __init__(
        self,
        success: bool,
        badge: int,
        timestamp: datetime.datetime,
        effective_channel_slugs: list[str],
        devices_updated: int | Unset = UNSET,
        users_updated: int | Unset = UNSET,
        devices_targeted: int | Unset = UNSET,
        devices_deactivated: int | Unset = UNSET,
        devices_unregistered: int | Unset = UNSET,
        devices_notified: int | Unset = UNSET,
        users_notified: int | Unset = UNSET,
    ) -> None:
        self.success = success
        self.badge = badge
        self.timestamp = timestamp
        self.effective_channel_slugs = effective_channel_slugs
        self.devices_updated = devices_updated
        self.users_updated = users_updated
        self.devices_targeted = devices_targeted
        self.devices_deactivated = devices_deactivated
        self.devices_unregistered = devices_unregistered
        self.devices_notified = devices_notified
        self.users_notified = users_notified
        self.additional_properties = {}

    def __repr__(self) -> str:
        return (
            f"{type(self).__qualname__}("
            f"success={self.success!r}, "
            f"badge={self.badge!r}, "
            f"timestamp={self.timestamp!r}, "
            f"effective_channel_slugs={self.effective_channel_slugs!r}, "
            f"devices_updated={self.devices_updated!r}, "
            f"users_updated={self.users_updated!r}, "
            f"devices_targeted={self.devices_targeted!r}, "
            f"devices_deactivated={self.devices_deactivated!r}, "
            f"devices_unregistered={self.devices_unregistered!r}, "
            f"devices_notified={self.devices_notified!r}, "
            f"users_notified={self.users_notified!r}, "
            f"additional_properties={self.additional_properties!r}"
            ")"
        )

    def __eq__(self, other: object) -> bool:
        if (
            not isinstance(other, AppIconBadgeCountUpdateResponse)
            or other.__class__ is not self.__class__
        ):
            return NotImplemented
        return (
            self.success,
            self.badge,
            self.timestamp,
            self.effective_channel_slugs,
            self.devices_updated,
            self.users_updated,
            self.devices_targeted,
            self.devices_deactivated,
            self.devices_unregistered,
            self.devices_notified,
            self.users_notified,
            self.additional_properties,
        ) == (
            other.success,
            other.badge,
            other.timestamp,
            other.effective_channel_slugs,
            other.devices_updated,
            other.users_updated,
            other.devices_targeted,
            other.devices_deactivated,
            other.devices_unregistered,
            other.devices_notified,
            other.users_notified,
            other.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        success = self.success

        badge = self.badge

        timestamp = self.timestamp.isoformat()

        effective_channel_slugs = self.effective_channel_slugs

        devices_updated = self.devices_updated

        users_updated = self.users_updated

        devices_targeted = self.devices_targeted

        devices_deactivated = self.devices_deactivated

        devices_unregistered = self.devices_unregistered

        devices_notified = self.devices_notified

        users_notified = self.users_notified

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "success": success,
                "badge": badge,
                "timestamp": timestamp,
                "effective_channel_slugs": effective_channel_slugs,
            }
        )
        if devices_updated is not UNSET:
            field_dict["devices_updated"] = devices_updated
        if users_updated is not UNSET:
            field_dict["users_updated"] = users_updated
        if devices_targeted is not UNSET:
            field_dict["devices_targeted"] = devices_targeted
        if devices_deactivated is not UNSET:
            field_dict["devices_deactivated"] = devices_deactivated
        if devices_unregistered is not UNSET:
            field_dict["devices_unregistered"] = devices_unregistered
        if devices_notified is not UNSET:
            field_dict["devices_notified"] = devices_notified
        if users_notified is not UNSET:
            field_dict["users_notified"] = users_notified

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        success = d.pop("success")

        badge = d.pop("badge")

        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))

        effective_channel_slugs = cast(list[str], d.pop("effective_channel_slugs"))

        devices_updated = d.pop("devices_updated", UNSET)

        users_updated = d.pop("users_updated", UNSET)

        devices_targeted = d.pop("devices_targeted", UNSET)

        devices_deactivated = d.pop("devices_deactivated", UNSET)

        devices_unregistered = d.pop("devices_unregistered", UNSET)

        devices_notified = d.pop("devices_notified", UNSET)

        users_notified = d.pop("users_notified", UNSET)

        app_icon_badge_count_update_response = cls(
            success=success,
            badge=badge,
            timestamp=timestamp,
            effective_channel_slugs=effective_channel_slugs,
            devices_updated=devices_updated,
            users_updated=users_updated,
            devices_targeted=devices_targeted,
            devices_deactivated=devices_deactivated,
            devices_unregistered=devices_unregistered,
            devices_notified=devices_notified,
            users_notified=users_notified,
        )

        app_icon_badge_count_update_response.additional_properties = d
        return app_icon_badge_count_update_response

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
