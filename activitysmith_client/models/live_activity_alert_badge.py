from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from ..models.live_activity_color import LiveActivityColor
from ..types import UNSET, Unset

T = TypeVar("T", bound="LiveActivityAlertBadge")


class LiveActivityAlertBadge:
    """Small text badge shown in the Live Activity. Used by alert, progress, segmented_progress and value activities.

    Attributes:
        title (str): Badge text, e.g. `PROD`.
        color (LiveActivityColor | Unset): Named colour used for Live Activity accents, segment colours, metric colours
            and icon or badge tints. When no accent is given the app uses blue.
    """

    __slots__ = (
        "title",
        "color",
        "__weakref__",
    )
    __match_args__ = (
        "title",
        "color",
    )

    title: str
    color: LiveActivityColor | Unset

    def __init__(self, title: str, color: LiveActivityColor | Unset = UNSET) -> None:
        self.title = title
        self.color = color

    def __repr__(self) -> str:
        return f"{type(self).__qualname__}(title={self.title!r}, color={self.color!r})"

    def __eq__(self, other: object) -> bool:
        if (
            not isinstance(other, LiveActivityAlertBadge)
            or other.__class__ is not self.__class__
        ):
            return NotImplemented
        return (self.title, self.color) == (other.title, other.color)

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        color: str | Unset = UNSET
        if not isinstance(self.color, Unset):
            color = self.color.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "title": title,
            }
        )
        if color is not UNSET:
            field_dict["color"] = color

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        title = d.pop("title")

        _color = d.pop("color", UNSET)
        color: LiveActivityColor | Unset
        if isinstance(_color, Unset):
            color = UNSET
        else:
            color = LiveActivityColor(_color)

        live_activity_alert_badge = cls(
            title=title,
            color=color,
        )

        return live_activity_alert_badge
