from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

T = TypeVar("T", bound="MetricValueUpdateResponse")


class MetricValueUpdateResponse:
    """Result of a metric update.

    Attributes:
        success (bool): Whether the value was stored.
    """

    __slots__ = (
        "success",
        "additional_properties",
        "__weakref__",
    )
    __match_args__ = ("success",)

    success: bool
    additional_properties: dict[str, Any]

    def __init__(self, success: bool) -> None:
        self.success = success
        self.additional_properties = {}

    def __repr__(self) -> str:
        return (
            f"{type(self).__qualname__}("
            f"success={self.success!r}, "
            f"additional_properties={self.additional_properties!r}"
            ")"
        )

    def __eq__(self, other: object) -> bool:
        if (
            not isinstance(other, MetricValueUpdateResponse)
            or other.__class__ is not self.__class__
        ):
            return NotImplemented
        return (self.success, self.additional_properties) == (
            other.success,
            other.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        success = self.success

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "success": success,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        success = d.pop("success")

        metric_value_update_response = cls(
            success=success,
        )

        metric_value_update_response.additional_properties = d
        return metric_value_update_response

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
