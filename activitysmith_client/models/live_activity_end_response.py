from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from ..types import UNSET, Unset

T = TypeVar("T", bound="LiveActivityEndResponse")


class LiveActivityEndResponse:
    """Result of ending a legacy Live Activity.

    Attributes:
        success (bool): Whether the request was processed.
        activity_id (str): The ended activity.
        timestamp (datetime.datetime): Server time of the response.
        devices_queued (int | Unset): Devices that have not reported a push token for this activity yet; they get the
            update once they do.
        devices_notified (int | Unset): Number of device tokens APNs accepted the push for (acceptance, not proof of
            display).
        ignored (bool | Unset): True when the activity had already ended, so nothing changed.
        end_reason (None | str | Unset): Free-form reason the activity ended, when known.
        forced_completion (bool | Unset): True when the activity was marked complete without a confirmed APNs end
            delivery.
        warning (str | Unset): Non-fatal warning from the server.
        message (str | Unset): Informational text from the server.
        errors (list[str] | Unset): Per-device delivery problems, if any.
    """

    __slots__ = (
        "success",
        "activity_id",
        "timestamp",
        "devices_queued",
        "devices_notified",
        "ignored",
        "end_reason",
        "forced_completion",
        "warning",
        "message",
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
        "ignored",
        "end_reason",
        "forced_completion",
        "warning",
        "message",
        "errors",
    )

    success: bool
    activity_id: str
    timestamp: datetime.datetime
    devices_queued: int | Unset
    devices_notified: int | Unset
    ignored: bool | Unset
    end_reason: None | str | Unset
    forced_completion: bool | Unset
    warning: str | Unset
    message: str | Unset
    errors: list[str] | Unset
    additional_properties: dict[str, Any]

    def __init__(
        self,
        success: bool,
        activity_id: str,
        timestamp: datetime.datetime,
        devices_queued: int | Unset = UNSET,
        devices_notified: int | Unset = UNSET,
        ignored: bool | Unset = UNSET,
        end_reason: None | str | Unset = UNSET,
        forced_completion: bool | Unset = UNSET,
        warning: str | Unset = UNSET,
        message: str | Unset = UNSET,
        errors: list[str] | Unset = UNSET,
    ) -> None:
        self.success = success
        self.activity_id = activity_id
        self.timestamp = timestamp
        self.devices_queued = devices_queued
        self.devices_notified = devices_notified
        self.ignored = ignored
        self.end_reason = end_reason
        self.forced_completion = forced_completion
        self.warning = warning
        self.message = message
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
            f"ignored={self.ignored!r}, "
            f"end_reason={self.end_reason!r}, "
            f"forced_completion={self.forced_completion!r}, "
            f"warning={self.warning!r}, "
            f"message={self.message!r}, "
            f"errors={self.errors!r}, "
            f"additional_properties={self.additional_properties!r}"
            ")"
        )

    def __eq__(self, other: object) -> bool:
        if (
            not isinstance(other, LiveActivityEndResponse)
            or other.__class__ is not self.__class__
        ):
            return NotImplemented
        return (
            self.success,
            self.activity_id,
            self.timestamp,
            self.devices_queued,
            self.devices_notified,
            self.ignored,
            self.end_reason,
            self.forced_completion,
            self.warning,
            self.message,
            self.errors,
            self.additional_properties,
        ) == (
            other.success,
            other.activity_id,
            other.timestamp,
            other.devices_queued,
            other.devices_notified,
            other.ignored,
            other.end_reason,
            other.forced_completion,
            other.warning,
            other.message,
            other.errors,
            other.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        success = self.success

        activity_id = self.activity_id

        timestamp = self.timestamp.isoformat()

        devices_queued = self.devices_queued

        devices_notified = self.devices_notified

        ignored = self.ignored

        end_reason: None | str | Unset
        if isinstance(self.end_reason, Unset):
            end_reason = UNSET
        else:
            end_reason = self.end_reason

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
                "activity_id": activity_id,
                "timestamp": timestamp,
            }
        )
        if devices_queued is not UNSET:
            field_dict["devices_queued"] = devices_queued
        if devices_notified is not UNSET:
            field_dict["devices_notified"] = devices_notified
        if ignored is not UNSET:
            field_dict["ignored"] = ignored
        if end_reason is not UNSET:
            field_dict["end_reason"] = end_reason
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

        activity_id = d.pop("activity_id")

        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))

        devices_queued = d.pop("devices_queued", UNSET)

        devices_notified = d.pop("devices_notified", UNSET)

        ignored = d.pop("ignored", UNSET)

        def _parse_end_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        end_reason = _parse_end_reason(d.pop("end_reason", UNSET))

        forced_completion = d.pop("forced_completion", UNSET)

        warning = d.pop("warning", UNSET)

        message = d.pop("message", UNSET)

        errors = cast(list[str], d.pop("errors", UNSET))

        live_activity_end_response = cls(
            success=success,
            activity_id=activity_id,
            timestamp=timestamp,
            devices_queued=devices_queued,
            devices_notified=devices_notified,
            ignored=ignored,
            end_reason=end_reason,
            forced_completion=forced_completion,
            warning=warning,
            message=message,
            errors=errors,
        )

        live_activity_end_response.additional_properties = d
        return live_activity_end_response

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
