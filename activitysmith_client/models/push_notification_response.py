from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from ..types import UNSET, Unset

T = TypeVar("T", bound="PushNotificationResponse")


class PushNotificationResponse:
    """Result of sending a push notification. A 200 with `success: false` means no device accepted it; it is not an error
    status.

        Attributes:
            success (bool): True when APNs accepted the notification for at least one targeted device.
            timestamp (datetime.datetime): Server time of the response.
            notification_id (str | Unset): Identifier of the notification; pass it to the replace call.
            devices_notified (int | Unset): Number of device tokens APNs accepted the push for (acceptance, not proof of
                display).
            users_notified (int | Unset): Number of users with at least one notified device.
            devices_targeted (int | Unset): Number of device tokens the notification was sent to.
            devices_deactivated (int | Unset): Device tokens deactivated because APNs reported them unregistered.
            devices_unregistered (int | Unset): Targeted device tokens APNs reported as unregistered.
            effective_channel_slugs (list[str] | None | Unset): Channel slugs that were actually used to pick recipients.
                Null or absent when no channel targeting applied.
            tags (list[str] | Unset): Tags stored on the notification or activity after this request.
            credential_test (bool | Unset): True when this was an integration connection test on an account without a paired
                device.
            message (str | Unset): Informational text from the server.
    """

    __slots__ = (
        "success",
        "timestamp",
        "notification_id",
        "devices_notified",
        "users_notified",
        "devices_targeted",
        "devices_deactivated",
        "devices_unregistered",
        "effective_channel_slugs",
        "tags",
        "credential_test",
        "message",
        "additional_properties",
        "__weakref__",
    )
    __match_args__ = (
        "success",
        "timestamp",
        "notification_id",
        "devices_notified",
        "users_notified",
        "devices_targeted",
        "devices_deactivated",
        "devices_unregistered",
        "effective_channel_slugs",
        "tags",
        "credential_test",
        "message",
    )

    success: bool
    timestamp: datetime.datetime
    notification_id: str | Unset
    devices_notified: int | Unset
    users_notified: int | Unset
    devices_targeted: int | Unset
    devices_deactivated: int | Unset
    devices_unregistered: int | Unset
    effective_channel_slugs: list[str] | None | Unset
    tags: list[str] | Unset
    credential_test: bool | Unset
    message: str | Unset
    additional_properties: dict[str, Any]

    def __init__(
        self,
        success: bool,
        timestamp: datetime.datetime,
        notification_id: str | Unset = UNSET,
        devices_notified: int | Unset = UNSET,
        users_notified: int | Unset = UNSET,
        devices_targeted: int | Unset = UNSET,
        devices_deactivated: int | Unset = UNSET,
        devices_unregistered: int | Unset = UNSET,
        effective_channel_slugs: list[str] | None | Unset = UNSET,
        tags: list[str] | Unset = UNSET,
        credential_test: bool | Unset = UNSET,
        message: str | Unset = UNSET,
    ) -> None:
        self.success = success
        self.timestamp = timestamp
        self.notification_id = notification_id
        self.devices_notified = devices_notified
        self.users_notified = users_notified
        self.devices_targeted = devices_targeted
        self.devices_deactivated = devices_deactivated
        self.devices_unregistered = devices_unregistered
        self.effective_channel_slugs = effective_channel_slugs
        self.tags = tags
        self.credential_test = credential_test
        self.message = message
        self.additional_properties = {}

    def __repr__(self) -> str:
        return (
            f"{type(self).__qualname__}("
            f"success={self.success!r}, "
            f"timestamp={self.timestamp!r}, "
            f"notification_id={self.notification_id!r}, "
            f"devices_notified={self.devices_notified!r}, "
            f"users_notified={self.users_notified!r}, "
            f"devices_targeted={self.devices_targeted!r}, "
            f"devices_deactivated={self.devices_deactivated!r}, "
            f"devices_unregistered={self.devices_unregistered!r}, "
            f"effective_channel_slugs={self.effective_channel_slugs!r}, "
            f"tags={self.tags!r}, "
            f"credential_test={self.credential_test!r}, "
            f"message={self.message!r}, "
            f"additional_properties={self.additional_properties!r}"
            ")"
        )

    def __eq__(self, other: object) -> bool:
        if (
            not isinstance(other, PushNotificationResponse)
            or other.__class__ is not self.__class__
        ):
            return NotImplemented
        return (
            self.success,
            self.timestamp,
            self.notification_id,
            self.devices_notified,
            self.users_notified,
            self.devices_targeted,
            self.devices_deactivated,
            self.devices_unregistered,
            self.effective_channel_slugs,
            self.tags,
            self.credential_test,
            self.message,
            self.additional_properties,
        ) == (
            other.success,
            other.timestamp,
            other.notification_id,
            other.devices_notified,
            other.users_notified,
            other.devices_targeted,
            other.devices_deactivated,
            other.devices_unregistered,
            other.effective_channel_slugs,
            other.tags,
            other.credential_test,
            other.message,
            other.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        success = self.success

        timestamp = self.timestamp.isoformat()

        notification_id = self.notification_id

        devices_notified = self.devices_notified

        users_notified = self.users_notified

        devices_targeted = self.devices_targeted

        devices_deactivated = self.devices_deactivated

        devices_unregistered = self.devices_unregistered

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

        credential_test = self.credential_test

        message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "success": success,
                "timestamp": timestamp,
            }
        )
        if notification_id is not UNSET:
            field_dict["notification_id"] = notification_id
        if devices_notified is not UNSET:
            field_dict["devices_notified"] = devices_notified
        if users_notified is not UNSET:
            field_dict["users_notified"] = users_notified
        if devices_targeted is not UNSET:
            field_dict["devices_targeted"] = devices_targeted
        if devices_deactivated is not UNSET:
            field_dict["devices_deactivated"] = devices_deactivated
        if devices_unregistered is not UNSET:
            field_dict["devices_unregistered"] = devices_unregistered
        if effective_channel_slugs is not UNSET:
            field_dict["effective_channel_slugs"] = effective_channel_slugs
        if tags is not UNSET:
            field_dict["tags"] = tags
        if credential_test is not UNSET:
            field_dict["credential_test"] = credential_test
        if message is not UNSET:
            field_dict["message"] = message

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        success = d.pop("success")

        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))

        notification_id = d.pop("notification_id", UNSET)

        devices_notified = d.pop("devices_notified", UNSET)

        users_notified = d.pop("users_notified", UNSET)

        devices_targeted = d.pop("devices_targeted", UNSET)

        devices_deactivated = d.pop("devices_deactivated", UNSET)

        devices_unregistered = d.pop("devices_unregistered", UNSET)

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

        credential_test = d.pop("credential_test", UNSET)

        message = d.pop("message", UNSET)

        push_notification_response = cls(
            success=success,
            timestamp=timestamp,
            notification_id=notification_id,
            devices_notified=devices_notified,
            users_notified=users_notified,
            devices_targeted=devices_targeted,
            devices_deactivated=devices_deactivated,
            devices_unregistered=devices_unregistered,
            effective_channel_slugs=effective_channel_slugs,
            tags=tags,
            credential_test=credential_test,
            message=message,
        )

        push_notification_response.additional_properties = d
        return push_notification_response

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
