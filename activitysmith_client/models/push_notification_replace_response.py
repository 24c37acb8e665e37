from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from ..types import UNSET, Unset

T = TypeVar("T", bound="PushNotificationReplaceResponse")


class PushNotificationReplaceResponse:
    """Result of replacing a push notification.

    Attributes:
        success (bool): True when APNs accepted the replacement for at least one device.
        notification_id (str): Identifier of the replaced notification; unchanged, so it can be replaced again.
        timestamp (datetime.datetime): Server time of the response.
        devices_notified (int | Unset): Number of device tokens APNs accepted the push for (acceptance, not proof of
            display).
        users_notified (int | Unset): Number of users with at least one notified device.
        effective_channel_slugs (list[str] | None | Unset): Channel slugs that were actually used to pick recipients.
            Null or absent when no channel targeting applied.
        tags (list[str] | Unset): Tags stored on the notification or activity after this request.
    """

    __slots__ = (
        "success",
        "notification_id",
        "timestamp",
        "devices_notified",
        "users_notified",
        "effective_channel_slugs",
        "tags",
        "additional_properties",
        "__weakref__",
    )
    __match_args__ = (
        "success",
        "notification_id",
        "timestamp",
        "devices_notified",
        "users_notified",
        "effective_channel_slugs",
        "tags",
    )

    success: bool
    notification_id: str
    timestamp: datetime.datetime
    devices_notified: int | Unset
    users_notified: int | Unset
    effective_channel_slugs: list[str] | None | Unset
    tags: list[str] | Unset
    additional_properties: dict[str, Any]

    def __init__(
        self,
        success: bool,
        notification_id: str,
        timestamp: datetime.datetime,
        devices_notified: int | Unset = UNSET,
        users_notified: int | Unset = UNSET,
        effective_channel_slugs: list[str] | None | Unset = UNSET,
        tags: list[str] | Unset = UNSET,
    ) -> None:
        self.success = success
        self.notification_id = notification_id
        self.timestamp = timestamp
        self.devices_notified = devices_notified
        self.users_notified = users_notified
        self.effective_channel_slugs = effective_channel_slugs
        self.tags = tags
        self.additional_properties = {}

    def __repr__(self) -> str:
        return (
            f"{type(self).__qualname__}("
            f"success={self.success!r}, "
            f"notification_id={self.notification_id!r}, "
            f"timestamp={self.timestamp!r}, "
            f"devices_notified={self.devices_notified!r}, "
            f"users_notified={self.users_notified!r}, "
            f"effective_channel_slugs={self.effective_channel_slugs!r}, "
            f"tags={self.tags!r}, "
            f"additional_properties={self.additional_properties!r}"
            ")"
        )

    def __eq__(self, other: object) -> bool:
        if (
            not isinstance(other, PushNotificationReplaceResponse)
            or other.__class__ is not self.__class__
        ):
            return NotImplemented
        return (
            self.success,
            self.notification_id,
            self.timestamp,
            self.devices_notified,
            self.users_notified,
            self.effective_channel_slugs,
            self.tags,
            self.additional_properties,
        ) == (
            other.success,
            other.notification_id,
            other.timestamp,
            other.devices_notified,
            other.users_notified,
            other.effective_channel_slugs,
            other.tags,
            other.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        success = self.success

        notification_id = self.notification_id

        timestamp = self.timestamp.isoformat()

        devices_notified = self.devices_notified

        users_notified = self.users_notified

        effective_channel_slugs: list[str] | None | Unset
        if isinstance(self.effective_channel_slugs, Unset):
            effective_channel_slugs = UNSET
        elif isinstance(self.effective_channel_slugs, list):
            effective_channel_slugs = self.effective_channel_slugs

        else:
            effective_channel_slugs = self.effective_channel_slugs

        tags: list[str] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "success": success,
                "notification_id": notification_id,
                "timestamp": timestamp,
            }
        )
        if devices_notified is not UNSET:
            field_dict["devices_notified"] = devices_notified
        if users_notified is not UNSET:
            field_dict["users_notified"] = users_notified
        if effective_channel_slugs is not UNSET:
            field_dict["effective_channel_slugs"] = effective_channel_slugs
        if tags is not UNSET:
            field_dict["tags"] = tags

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        success = d.pop("success")

        notification_id = d.pop("notification_id")

        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))

        devices_notified = d.pop("devices_notified", UNSET)

        users_notified = d.pop("users_notified", UNSET)

        def _parse_effective_channel_slugs(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                effective_channel_slugs_type_0 = cast(list[str], data)

                return effective_channel_slugs_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        effective_channel_slugs = _parse_effective_channel_slugs(
            d.pop("effective_channel_slugs", UNSET)
        )

        tags = cast(list[str], d.pop("tags", UNSET))

        push_notification_replace_response = cls(
            success=success,
            notification_id=notification_id,
            timestamp=timestamp,
            devices_notified=devices_notified,
            users_notified=users_notified,
            effective_channel_slugs=effective_channel_slugs,
            tags=tags,
        )

        push_notification_replace_response.additional_properties = d
        return push_notification_replace_response

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
