from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from ..models.stream_operation import StreamOperation
from ..types import UNSET, Unset

T = TypeVar("T", bound="LiveActivityStreamPutResponse")


class LiveActivityStreamPutResponse:
    """Result of a stream PUT.

    Attributes:
        success (bool): Whether the request was processed.
        operation (str | StreamOperation): What the call did (see StreamOperation). Values not listed there may appear
            later and are passed through as plain strings.
        stream_key (str): The stream key from the path.
        timestamp (datetime.datetime): Server time of the response.
        activity_id (None | str | Unset): Current activity of the stream; null when there is none (e.g. when paused).
        previous_activity_id (str | Unset): Activity that was replaced, on `rotated`.
        ended_activity_id (str | Unset): Present on `started` and `rotated` when ActivitySmith ended this older activity
            to stay within the per-device limit on concurrent Live Activities (as on the legacy start).
        devices_notified (int | Unset): Number of device tokens APNs accepted the push for (acceptance, not proof of
            display).
        devices_queued (int | Unset): Devices that have not reported a push token for this activity yet; they get the
            update once they do.
        users_notified (int | Unset): Number of users with at least one notified device.
        effective_channel_slugs (list[str] | None | Unset): Channel slugs that were actually used to pick recipients.
            Null or absent when no channel targeting applied.
        tags (list[str] | Unset): Tags stored on the notification or activity after this request.
        warning (str | Unset): Present on `updated` when the activity has had more than 12 updates at an average of more
            than one every 2 minutes; iOS may start throttling it.
        ignored (bool | Unset): True when the request had no effect.
        remote_push_sent (bool | Unset): Whether a push was sent to devices for this request (not otherwise documented).
        message (str | Unset): Informational text from the server.
        errors (list[str] | Unset): Per-device delivery problems, if any.
    """

    __slots__ = (
        "success",
        "operation",
        "stream_key",
        "timestamp",
        "activity_id",
        "previous_activity_id",
        "ended_activity_id",
        "devices_notified",
        "devices_queued",
        "users_notified",
        "effective_channel_slugs",
        "tags",
        "warning",
        "ignored",
        "remote_push_sent",
        "message",
        "errors",
        "additional_properties",
        "__weakref__",
    )
    __match_args__ = (
        "success",
        "operation",
        "stream_key",
        "timestamp",
        "activity_id",
        "previous_activity_id",
        "ended_activity_id",
        "devices_notified",
        "devices_queued",
        "users_notified",
        "effective_channel_slugs",
        "tags",
        "warning",
        "ignored",
        "remote_push_sent",
        "message",
        "errors",
    )

    success: bool
    operation: str | StreamOperation
    stream_key: str
    timestamp: datetime.datetime
    activity_id: None | str | Unset
    previous_activity_id: str | Unset
    ended_activity_id: str | Unset
    devices_notified: int | Unset
    devices_queued: int | Unset
    users_notified: int | Unset
    effective_channel_slugs: list[str] | None | Unset
    tags: list[str] | Unset
    warning: str | Unset
    ignored: bool | Unset
    remote_push_sent: bool | Unset
    message: str | Unset
    errors: list[str] | Unset
    additional_properties: dict[str, Any]

    def __init__(
        self,
        success: bool,
        operation: str | StreamOperation,
        stream_key: str,
        timestamp: datetime.datetime,
        activity_id: None | str | Unset = UNSET,
        previous_activity_id: str | Unset = UNSET,
        ended_activity_id: str | Unset = UNSET,
        devices_notified: int | Unset = UNSET,
        devices_queued: int | Unset = UNSET,
        users_notified: int | Unset = UNSET,
        effective_channel_slugs: list[str] | None | Unset = UNSET,
        tags: list[str] | Unset = UNSET,
        warning: str | Unset = UNSET,
        ignored: bool | Unset = UNSET,
        remote_push_sent: bool | Unset = UNSET,
        message: str | Unset = UNSET,
        errors: list[str] | Unset = UNSET,
    ) -> None:
        self.success = success
        self.operation = operation
        self.stream_key = stream_key
        self.timestamp = timestamp
        self.activity_id = activity_id
        self.previous_activity_id = previous_activity_id
        self.ended_activity_id = ended_activity_id
        self.devices_notified = devices_notified
        self.devices_queued = devices_queued
        self.users_notified = users_notified
        self.effective_channel_slugs = effective_channel_slugs
        self.tags = tags
        self.warning = warning
        self.ignored = ignored
        self.remote_push_sent = remote_push_sent
        self.message = message
        self.errors = errors
        self.additional_properties = {}

    def __repr__(self) -> str:
        return (
            f"{type(self).__qualname__}("
            f"success={self.success!r}, "
            f"operation={self.operation!r}, "
            f"stream_key={self.stream_key!r}, "
            f"timestamp={self.timestamp!r}, "
            f"activity_id={self.activity_id!r}, "
            f"previous_activity_id={self.previous_activity_id!r}, "
            f"ended_activity_id={self.ended_activity_id!r}, "
            f"devices_notified={self.devices_notified!r}, "
            f"devices_queued={self.devices_queued!r}, "
            f"users_notified={self.users_notified!r}, "
            f"effective_channel_slugs={self.effective_channel_slugs!r}, "
            f"tags={self.tags!r}, "
            f"warning={self.warning!r}, "
            f"ignored={self.ignored!r}, "
            f"remote_push_sent={self.remote_push_sent!r}, "
            f"message={self.message!r}, "
            f"errors={self.errors!r}, "
            f"additional_properties={self.additional_properties!r}"
            ")"
        )

    def __eq__(self, other: object) -> bool:
        if (
            not isinstance(other, LiveActivityStreamPutResponse)
            or other.__class__ is not self.__class__
        ):
            return NotImplemented
        return (
            self.success,
            self.operation,
            self.stream_key,
            self.timestamp,
            self.activity_id,
            self.previous_activity_id,
            self.ended_activity_id,
            self.devices_notified,
            self.devices_queued,
            self.users_notified,
            self.effective_channel_slugs,
            self.tags,
            self.warning,
            self.ignored,
            self.remote_push_sent,
            self.message,
            self.errors,
            self.additional_properties,
        ) == (
            other.success,
            other.operation,
            other.stream_key,
            other.timestamp,
            other.activity_id,
            other.previous_activity_id,
            other.ended_activity_id,
            other.devices_notified,
            other.devices_queued,
            other.users_notified,
            other.effective_channel_slugs,
            other.tags,
            other.warning,
            other.ignored,
            other.remote_push_sent,
            other.message,
            other.errors,
            other.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        success = self.success

        operation: str
        if isinstance(self.operation, StreamOperation):
            operation = self.operation.value
        else:
            operation = self.operation

        stream_key = self.stream_key

        timestamp = self.timestamp.isoformat()

        activity_id: None | str | Unset
        if isinstance(self.activity_id, Unset):
            activity_id = UNSET
        else:
            activity_id = self.activity_id

        previous_activity_id = self.previous_activity_id

        ended_activity_id = self.ended_activity_id

        devices_notified = self.devices_notified

        devices_queued = self.devices_queued

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

        warning = self.warning

        ignored = self.ignored

        remote_push_sent = self.remote_push_sent

        message = self.message

        errors: list[str] | Unset = UNSET
        if not isinstance(self.errors, Unset):
            errors = self.errors

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "success": success,
                "operation": operation,
                "stream_key": stream_key,
                "timestamp": timestamp,
            }
        )
        if activity_id is not UNSET:
            field_dict["activity_id"] = activity_id
        if previous_activity_id is not UNSET:
            field_dict["previous_activity_id"] = previous_activity_id
        if ended_activity_id is not UNSET:
            field_dict["ended_activity_id"] = ended_activity_id
        if devices_notified is not UNSET:
            field_dict["devices_notified"] = devices_notified
        if devices_queued is not UNSET:
            field_dict["devices_queued"] = devices_queued
        if users_notified is not UNSET:
            field_dict["users_notified"] = users_notified
        if effective_channel_slugs is not UNSET:
            field_dict["effective_channel_slugs"] = effective_channel_slugs
        if tags is not UNSET:
            field_dict["tags"] = tags
        if warning is not UNSET:
            field_dict["warning"] = warning
        if ignored is not UNSET:
            field_dict["ignored"] = ignored
        if remote_push_sent is not UNSET:
            field_dict["remote_push_sent"] = remote_push_sent
        if message is not UNSET:
            field_dict["message"] = message
        if errors is not UNSET:
            field_dict["errors"] = errors

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        success = d.pop("success")

        def _parse_operation(data: object) -> str | StreamOperation:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                operation_type_0 = StreamOperation(data)

                return operation_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(str | StreamOperation, data)

        operation = _parse_operation(d.pop("operation"))

        stream_key = d.pop("stream_key")

        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))

        def _parse_activity_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        activity_id = _parse_activity_id(d.pop("activity_id", UNSET))

        previous_activity_id = d.pop("previous_activity_id", UNSET)

        ended_activity_id = d.pop("ended_activity_id", UNSET)

        devices_notified = d.pop("devices_notified", UNSET)

        devices_queued = d.pop("devices_queued", UNSET)

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

        warning = d.pop("warning", UNSET)

        ignored = d.pop("ignored", UNSET)

        remote_push_sent = d.pop("remote_push_sent", UNSET)

        message = d.pop("message", UNSET)

        errors = cast(list[str], d.pop("errors", UNSET))

        live_activity_stream_put_response = cls(
            success=success,
            operation=operation,
            stream_key=stream_key,
            timestamp=timestamp,
            activity_id=activity_id,
            previous_activity_id=previous_activity_id,
            ended_activity_id=ended_activity_id,
            devices_notified=devices_notified,
            devices_queued=devices_queued,
            users_notified=users_notified,
            effective_channel_slugs=effective_channel_slugs,
            tags=tags,
            warning=warning,
            ignored=ignored,
            remote_push_sent=remote_push_sent,
            message=message,
            errors=errors,
        )

        live_activity_stream_put_response.additional_properties = d
        return live_activity_stream_put_response

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
