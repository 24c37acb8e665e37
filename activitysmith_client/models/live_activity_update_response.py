from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from ..types import UNSET, Unset

T = TypeVar("T", bound="LiveActivityUpdateResponse")


class LiveActivityUpdateResponse:
    """Result of a legacy Live Activity update.

    Attributes:
        success (bool): Whether the update was processed.
        activity_id (str): Activity that now carries the state.
        timestamp (datetime.datetime): Server time of the response.
        devices_queued (int | Unset): Devices that have not reported a push token for this activity yet; they get the
            update once they do.
        devices_notified (int | Unset): Number of device tokens APNs accepted the push for (acceptance, not proof of
            display).
        users_notified (int | Unset): Number of users with at least one notified device.
        effective_channel_slugs (list[str] | None | Unset): Channel slugs that were actually used to pick recipients.
            Null or absent when no channel targeting applied.
        tags (list[str] | Unset): Tags stored on the notification or activity after this request.
        operation (str | Unset): Present when the update had to start a new activity for a managed stream; free-form
            (e.g. `started`).
        stream_key (str | Unset): Managed stream the activity belongs to, when relevant.
        previous_activity_id (str | Unset): Activity that was replaced, when a new one had to be started.
        errors (list[str] | Unset): Per-device delivery problems, if any.
    """

    __slots__ = (
        "success",
        "activity_id",
        "timestamp",
        "devices_queued",
        "devices_notified",
        "users_notified",
        "effective_channel_slugs",
        "tags",
        "operation",
        "stream_key",
        "previous_activity_id",
        "errors",
        "additional_properties",
        "__weakref__",
    )
    __match_args__ = (
        "success",
        "activity_id",
        "timestamp",
        "devices_queued",
        "devices_notified",
        "users_notified",
        "effective_channel_slugs",
        "tags",
        "operation",
        "stream_key",
        "previous_activity_id",
        "errors",
    )

    success: bool
    activity_id: str
    timestamp: datetime.datetime
    devices_queued: int | Unset
    devices_notified: int | Unset
    users_notified: int | Unset
    effective_channel_slugs: list[str] | None | Unset
    tags: list[str] | Unset
    operation: str | Unset
    stream_key: str | Unset
    previous_activity_id: str | Unset
    errors: list[str] | Unset
    additional_properties: dict[str, Any]

    def __init__(
        self,
        success: bool,
        activity_id: str,
        timestamp: datetime.datetime,
        devices_queued: int | Unset = UNSET,
        devices_notified: int | Unset = UNSET,
        users_notified: int | Unset = UNSET,
        effective_channel_slugs: list[str] | None | Unset = UNSET,
        tags: list[str] | Unset = UNSET,
        operation: str | Unset = UNSET,
        stream_key: str | Unset = UNSET,
        previous_activity_id: str | Unset = UNSET,
        errors: list[str] | Unset = UNSET,
    ) -> None:
        self.success = success
        self.activity_id = activity_id
        self.timestamp = timestamp
        self.devices_queued = devices_queued
        self.devices_notified = devices_notified
        self.users_notified = users_notified
        self.effective_channel_slugs = effective_channel_slugs
        self.tags = tags
        self.operation = operation
        self.stream_key = stream_key
        self.previous_activity_id = previous_activity_id
        self.errors = errors
        self.additional_properties = {}

    def __repr__(self) -> str:
        return (
            f"{type(self).__qualname__}("
            f"success={self.success!r}, "
            f"activity_id={self.activity_id!r}, "
            f"timestamp={self.timestamp!r}, "
            f"devices_queued={self.devices_queued!r}, "
            f"devices_notified={self.devices_notified!r}, "
            f"users_notified={self.users_notified!r}, "
            f"effective_channel_slugs={self.effective_channel_slugs!r}, "
            f"tags={self.tags!r}, "
            f"operation={self.operation!r}, "
            f"stream_key={self.stream_key!r}, "
            f"previous_activity_id={self.previous_activity_id!r}, "
            f"errors={self.errors!r}, "
            f"additional_properties={self.additional_properties!r}"
            ")"
        )

    def __eq__(self, other: object) -> bool:
        if (
            not isinstance(other, LiveActivityUpdateResponse)
            or other.__class__ is not self.__class__
        ):
            return NotImplemented
        return (
            self.success,
            self.activity_id,
            self.timestamp,
            self.devices_queued,
            self.devices_notified,
            self.users_notified,
            self.effective_channel_slugs,
            self.tags,
            self.operation,
            self.stream_key,
            self.previous_activity_id,
            self.errors,
            self.additional_properties,
        ) == (
            other.success,
            other.activity_id,
            other.timestamp,
            other.devices_queued,
            other.devices_notified,
            other.users_notified,
            other.effective_channel_slugs,
            other.tags,
            other.operation,
            other.stream_key,
            other.previous_activity_id,
            other.errors,
            other.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        success = self.success

        activity_id = self.activity_id

        timestamp = self.timestamp.isoformat()

        devices_queued = self.devices_queued

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

        operation = self.operation

        stream_key = self.stream_key

        previous_activity_id = self.previous_activity_id

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
        if devices_queued is not UNSET:
            field_dict["devices_queued"] = devices_queued
        if devices_notified is not UNSET:
            field_dict["devices_notified"] = devices_notified
        if users_notified is not UNSET:
            field_dict["users_notified"] = users_notified
        if effective_channel_slugs is not UNSET:
            field_dict["effective_channel_slugs"] = effective_channel_slugs
        if tags is not UNSET:
            field_dict["tags"] = tags
        if operation is not UNSET:
            field_dict["operation"] = operation
        if stream_key is not UNSET:
            field_dict["stream_key"] = stream_key
        if previous_activity_id is not UNSET:
            field_dict["previous_activity_id"] = previous_activity_id
        if errors is not UNSET:
            field_dict["errors"] = errors

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        success = d.pop("success")

        activity_id = d.pop("activity_id")

        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))

        devices_queued = d.pop("devices_queued", UNSET)

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

        operation = d.pop("operation", UNSET)

        stream_key = d.pop("stream_key", UNSET)

        previous_activity_id = d.pop("previous_activity_id", UNSET)

        errors = cast(list[str], d.pop("errors", UNSET))

        live_activity_update_response = cls(
            success=success,
            activity_id=activity_id,
            timestamp=timestamp,
            devices_queued=devices_queued,
            devices_notified=devices_notified,
            users_notified=users_notified,
            effective_channel_slugs=effective_channel_slugs,
            tags=tags,
            operation=operation,
            stream_key=stream_key,
            previous_activity_id=previous_activity_id,
            errors=errors,
        )

        live_activity_update_response.additional_properties = d
        return live_activity_update_response

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
