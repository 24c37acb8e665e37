from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from ..types import UNSET, Unset

T = TypeVar("T", bound="LiveActivityStartResponse")


class LiveActivityStartResponse:
    """Result of starting a legacy Live Activity.

    Attributes:
        success (bool): Whether the activity was started.
        activity_id (str): Identifier to use for update and end calls.
        timestamp (datetime.datetime): Server time of the response.
        devices_notified (int | Unset): Number of device tokens APNs accepted the push for (acceptance, not proof of
            display).
        users_notified (int | Unset): Number of users with at least one notified device.
        effective_channel_slugs (list[str] | None | Unset): Channel slugs that were actually used to pick recipients.
            Null or absent when no channel targeting applied.
        tags (list[str] | Unset): Tags stored on the notification or activity after this request.
        ended_activity_id (str | Unset): Present when ActivitySmith ended this older activity to stay within the per-
            device limit on concurrent Live Activities (5 today).
        message (str | Unset): Informational text from the server.
        errors (list[str] | Unset): Per-device delivery problems, if any.
    """

    __slots__ = (
        "success",
        "activity_id",
        "timestamp",
        "devices_notified",
        "users_notified",
        "effective_channel_slugs",
        "tags",
        "ended_activity_id",
        "message",
        "errors",
        "additional_properties",
        "__weakref__",
    )
    __match_args__ = (
        "success",
        "activity_id",
        "timestamp",
        "devices_notified",
        "users_notified",
        "effective_channel_slugs",
        "tags",
        "ended_activity_id",
        "message",
        "errors",
    )

    success: bool
    activity_id: str
    timestamp: datetime.datetime
    devices_notified: int | Unset
    users_notified: int | Unset
    effective_channel_slugs: list[str] | None | Unset
    tags: list[str] | Unset
    ended_activity_id: str | Unset
    message: str | Unset
    errors: list[str] | Unset
    additional_properties: dict[str, Any]

    def __init__(
        self,
        success: bool,
        activity_id: str,
        timestamp: datetime.datetime,
        devices_notified: int | Unset = UNSET,
        users_notified: int | Unset = UNSET,
        effective_channel_slugs: list[str] | None | Unset = UNSET,
        tags: list[str] | Unset = UNSET,
        ended_activity_id: str | Unset = UNSET,
        message: str | Unset = UNSET,
        errors: list[str] | Unset = UNSET,
    ) -> None:
        self.success = success
        self.activity_id = activity_id
        self.timestamp = timestamp
        self.devices_notified = devices_notified
        self.users_notified = users_notified
        self.effective_channel_slugs = effective_channel_slugs
        self.tags = tags
        self.ended_activity_id = ended_activity_id
        self.message = message
        self.errors = errors
        self.additional_properties = {}

    def __repr__(self) -> str:
        return (
            f"{type(self).__qualname__}("
            f"success={self.success!r}, "
            f"activity_id={self.activity_id!r}, "
            f"timestamp={self.timestamp!r}, "
            f"devices_notified={self.devices_notified!r}, "
            f"users_notified={self.users_notified!r}, "
            f"effective_channel_slugs={self.effective_channel_slugs!r}, "
            f"tags={self.tags!r}, "
            f"ended_activity_id={self.ended_activity_id!r}, "
            f"message={self.message!r}, "
            f"errors={self.errors!r}, "
            f"additional_properties={self.additional_properties!r}"
            ")"
        )

    def __eq__(self, other: object) -> bool:
        if (
            not isinstance(other, LiveActivityStartResponse)
            or other.__class__ is not self.__class__
        ):
            return NotImplemented
        return (
            self.success,
            self.activity_id,
            self.timestamp,
            self.devices_notified,
            self.users_notified,
            self.effective_channel_slugs,
            self.tags,
            self.ended_activity_id,
            self.message,
            self.errors,
            self.additional_properties,
        ) == (
            other.success,
            other.activity_id,
            other.timestamp,
            other.devices_notified,
            other.users_notified,
            other.effective_channel_slugs,
            other.tags,
            other.ended_activity_id,
            other.message,
            other.errors,
            other.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        success = self.success

        activity_id = self.activity_id

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

        ended_activity_id = self.ended_activity_id

        message = self.message

        errors: list[str] | Unset = UNSET
        if not isinstance(self.errors, Unset):
            errors = self.errors

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "success": success,
                "activity_id": activity_id,
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
        if ended_activity_id is not UNSET:
            field_dict["ended_activity_id"] = ended_activity_id
        if message is not UNSET:
            field_dict["message"] = message
        if errors is not UNSET:
            field_dict["errors"] = errors

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        success = d.pop("success")

        activity_id = d.pop("activity_id")

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

        ended_activity_id = d.pop("ended_activity_id", UNSET)

        message = d.pop("message", UNSET)

        errors = cast(list[str], d.pop("errors", UNSET))

        live_activity_start_response = cls(
            success=success,
            activity_id=activity_id,
            timestamp=timestamp,
            devices_notified=devices_notified,
            users_notified=users_notified,
            effective_channel_slugs=effective_channel_slugs,
            tags=tags,
            ended_activity_id=ended_activity_id,
            message=message,
            errors=errors,
        )

        live_activity_start_response.additional_properties = d
        return live_activity_start_response

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
