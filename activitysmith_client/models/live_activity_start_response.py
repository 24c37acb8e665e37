from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="LiveActivityStartResponse")


@_attrs_define
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

    success: bool
    activity_id: str
    timestamp: datetime.datetime
    devices_notified: int | Unset = UNSET
    users_notified: int | Unset = UNSET
    effective_channel_slugs: list[str] | None | Unset = UNSET
    tags: list[str] | Unset = UNSET
    ended_activity_id: str | Unset = UNSET
    message: str | Unset = UNSET
    errors: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

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
