from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from ..models.stream_delete_operation import StreamDeleteOperation
from ..types import UNSET, Unset

T = TypeVar("T", bound="LiveActivityStreamDeleteResponse")


class LiveActivityStreamDeleteResponse:
    """Result of ending a stream.

    Attributes:
        success (bool): Whether the request was processed.
        operation (str | StreamDeleteOperation): Always `ended` today; later values are passed through as plain strings.
        stream_key (str): The stream key from the path.
        timestamp (datetime.datetime): Server time of the response.
        activity_id (None | str | Unset): Activity that was ended; null when nothing was active.
        devices_queued (int | Unset): Devices that have not reported a push token for this activity yet; they get the
            update once they do.
        devices_notified (int | Unset): Number of device tokens APNs accepted the push for (acceptance, not proof of
            display).
        ignored (bool | Unset): True when the stream had already ended, so nothing changed.
        forced_completion (bool | Unset): True when the activity was marked complete without a confirmed APNs end
            delivery.
        warning (str | Unset): Non-fatal warning from the server.
        message (str | Unset): Informational text from the server.
        errors (list[str] | Unset): Per-device delivery problems, if any.
    """

    __slots__ = (
        "success",
        "operation",
        "stream_key",
        "timestamp",
        "activity_id",
        "devices_queued",
        "devices_notified",
        "ignored",
        "forced_completion",
        "warning",
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
        "devices_queued",
        "devices_notified",
        "ignored",
        "forced_completion",
        "warning",
        "message",
        "errors",
    )

    success: bool
    operation: str | StreamDeleteOperation
    stream_key: str
    timestamp: datetime.datetime
    activity_id: None | str | Unset
    devices_queued: int | Unset
    devices_notified: int | Unset
    ignored: bool | Unset
    forced_completion: bool | Unset
    warning: str | Unset
    message: str | Unset
    errors: list[str] | Unset
    additional_properties: dict[str, Any]

    def __init__(
        self,
        success: bool,
        operation: str | StreamDeleteOperation,
        stream_key: str,
        timestamp: datetime.datetime,
        activity_id: None | str | Unset = UNSET,
        devices_queued: int | Unset = UNSET,
        devices_notified: int | Unset = UNSET,
        ignored: bool | Unset = UNSET,
        forced_completion: bool | Unset = UNSET,
        warning: str | Unset = UNSET,
        message: str | Unset = UNSET,
        errors: list[str] | Unset = UNSET,
    ) -> None:
        self.success = success
        self.operation = operation
        self.stream_key = stream_key
        self.timestamp = timestamp
        self.activity_id = activity_id
        self.devices_queued = devices_queued
        self.devices_notified = devices_notified
        self.ignored = ignored
        self.forced_completion = forced_completion
        self.warning = warning
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
            f"devices_queued={self.devices_queued!r}, "
            f"devices_notified={self.devices_notified!r}, "
            f"ignored={self.ignored!r}, "
            f"forced_completion={self.forced_completion!r}, "
            f"warning={self.warning!r}, "
            f"message={self.message!r}, "
            f"errors={self.errors!r}, "
            f"additional_properties={self.additional_properties!r}"
            ")"
        )

    def __eq__(self, other: object) -> bool:
        if (
            not isinstance(other, LiveActivityStreamDeleteResponse)
            or other.__class__ is not self.__class__
        ):
            return NotImplemented
        return (
            self.success,
            self.operation,
            self.stream_key,
            self.timestamp,
            self.activity_id,
            self.devices_queued,
            self.devices_notified,
            self.ignored,
            self.forced_completion,
            self.warning,
            self.message,
            self.errors,
            self.additional_properties,
        ) == (
            other.success,
            other.operation,
            other.stream_key,
            other.timestamp,
            other.activity_id,
            other.devices_queued,
            other.devices_notified,
            other.ignored,
            other.forced_completion,
            other.warning,
            other.message,
            other.errors,
            other.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        success = self.success

        operation: str
        if isinstance(self.operation, StreamDeleteOperation):
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

        devices_queued = self.devices_queued

        devices_notified = self.devices_notified

        ignored = self.ignored

        forced_completion = self.forced_completion

        warning = self.warning

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
        if devices_queued is not UNSET:
            field_dict["devices_queued"] = devices_queued
        if devices_notified is not UNSET:
            field_dict["devices_notified"] = devices_notified
        if ignored is not UNSET:
            field_dict["ignored"] = ignored
        if forced_completion is not UNSET:
            field_dict["forced_completion"] = forced_completion
        if warning is not UNSET:
            field_dict["warning"] = warning
        if message is not UNSET:
            field_dict["message"] = message
        if errors is not UNSET:
            field_dict["errors"] = errors

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        success = d.pop("success")

        def _parse_operation(data: object) -> str | StreamDeleteOperation:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                operation_type_0 = StreamDeleteOperation(data)

                return operation_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(str | StreamDeleteOperation, data)

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

        devices_queued = d.pop("devices_queued", UNSET)

        devices_notified = d.pop("devices_notified", UNSET)

        ignored = d.pop("ignored", UNSET)

        forced_completion = d.pop("forced_completion", UNSET)

        warning = d.pop("warning", UNSET)

        message = d.pop("message", UNSET)

        errors = cast(list[str], d.pop("errors", UNSET))

        live_activity_stream_delete_response = cls(
            success=success,
            operation=operation,
            stream_key=stream_key,
            timestamp=timestamp,
            activity_id=activity_id,
            devices_queued=devices_queued,
            devices_notified=devices_notified,
            ignored=ignored,
            forced_completion=forced_completion,
            warning=warning,
            message=message,
            errors=errors,
        )

        live_activity_stream_delete_response.additional_properties = d
        return live_activity_stream_delete_response

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
