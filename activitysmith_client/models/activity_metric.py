from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from ..models.live_activity_color import LiveActivityColor
from ..types import UNSET, Unset

T = TypeVar("T", bound="ActivityMetric")


class ActivityMetric:
    """One labelled value in a `metrics` or `stats` Live Activity.

    Attributes:
        label (str): Label shown with the value, e.g. `CPU`.
        value (float | str): A non-negative number, or a string of 1-64 characters that is displayed unchanged (e.g.
            `"4.8%"`).
        unit (str | Unset): Unit appended to a numeric value, e.g. `%` or `ms`.
        color (LiveActivityColor | Unset): Named colour used for Live Activity accents, segment colours, metric colours
            and icon or badge tints. When no accent is given the app uses blue.
    """

    __slots__ = (
        "label",
        "value",
        "unit",
        "color",
        "__weakref__",
    )
    __match_args__ = (
        "label",
        "value",
        "unit",
        "color",
    )

    label: str
    value: float | str
    unit: str | Unset
    color: LiveActivityColor | Unset

    def __init__(
        self,
        label: str,
        value: float | str,
        unit: str | Unset = UNSET,
        color: LiveActivityColor | Unset = UNSET,
    ) -> None:
        self.label = label
        self.value = value
        self.unit = unit
        self.color = color

    def __repr__(self) -> str:
        return (
            f"{type(self).__qualname__}("
            f"label={self.label!r}, "
            f"value={self.value!r}, "
            f"unit={self.unit!r}, "
            f"color={self.color!r}"
            ")"
        )

    def __eq__(self, other: object) -> bool:
        if (
            not isinstance(other, ActivityMetric)
            or other.__class__ is not self.__class__
        ):
            return NotImplemented
        return (self.label, self.value, self.unit, self.color) == (
            other.label,
            other.value,
            other.unit,
            other.color,
        )

    def to_dict(self) -> dict[str, Any]:
        label = self.label

        value: float | str
        value = self.value

        unit = self.unit

        color: str | Unset = UNSET
        if not isinstance(self.color, Unset):
            color = self.color.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "label": label,
                "value": value,
            }
        )
        if unit is not UNSET:
            field_dict["unit"] = unit
        if color is not UNSET:
            field_dict["color"] = color

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        label = d.pop("label")

        def _parse_value(data: object) -> float | str:
            return cast(float | str, data)

        value = _parse_value(d.pop("value"))

        unit = d.pop("unit", UNSET)

        _color = d.pop("color", UNSET)
        color: LiveActivityColor | Unset
        if isinstance(_color, Unset):
            color = UNSET
        else:
            color = LiveActivityColor(_color)

        activity_metric = cls(
            label=label,
            value=value,
            unit=unit,
            color=color,
        )

        return activity_metric
