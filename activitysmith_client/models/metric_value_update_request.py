from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from ..types import UNSET, Unset

T = TypeVar("T", bound="MetricValueUpdateRequest")


class MetricValueUpdateRequest:
    """New latest value for a widget metric.

    Attributes:
        value (float | str): A finite number, or a string of 1-64 characters shown as sent. How it is displayed depends
            on the format chosen for the metric in the app.
        timestamp (datetime.datetime | Unset): When the value was measured; the server uses the time it received the
            request when omitted.
    """

    __slots__ = (
        "value",
        "timestamp",
        "__weakref__",
    )
    __match_args__ = (
        "value",
        "timestamp",
    )

    value: float | str
    timestamp: datetime.datetime | Unset

    def __init__(
        self, value: float | str, timestamp: datetime.datetime | Unset = UNSET
    ) -> None:
        self.value = value
        self.timestamp = timestamp

    def __repr__(self) -> str:
        return (
            f"{type(self).__qualname__}("
            f"value={self.value!r}, "
            f"timestamp={self.timestamp!r}"
            ")"
        )

    def __eq__(self, other: object) -> bool:
        if (
            not isinstance(other, MetricValueUpdateRequest)
            or other.__class__ is not self.__class__
        ):
            return NotImplemented
        return (self.value, self.timestamp) == (other.value, other.timestamp)

    def to_dict(self) -> dict[str, Any]:
        value: float | str
        value = self.value

        timestamp: str | Unset = UNSET
        if not isinstance(self.timestamp, Unset):
            timestamp = self.timestamp.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "value": value,
            }
        )
        if timestamp is not UNSET:
            field_dict["timestamp"] = timestamp

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_value(data: object) -> float | str:
            return cast(float | str, data)

        value = _parse_value(d.pop("value"))

        _timestamp = d.pop("timestamp", UNSET)
        timestamp: datetime.datetime | Unset
        if isinstance(_timestamp, Unset):
            timestamp = UNSET
        else:
            timestamp = datetime.datetime.fromisoformat(_timestamp)

        metric_value_update_request = cls(
            value=value,
            timestamp=timestamp,
        )

        return metric_value_update_request
