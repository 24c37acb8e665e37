from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from ..models.live_activity_color import LiveActivityColor
from ..types import UNSET, Unset

T = TypeVar("T", bound="LiveActivityAlertIcon")


class LiveActivityAlertIcon:
    """SF Symbol shown in the Live Activity. Works with every type.

    Attributes:
        symbol (str): Apple SF Symbol name, e.g. `server.rack`.
        color (LiveActivityColor | Unset): Named colour used for Live Activity accents, segment colours, metric colours
            and icon or badge tints. When no accent is given the app uses blue.
    """

    __slots__ = (
        "symbol",
        "color",
        "__weakref__",
    )
    __match_args__ = (
        "symbol",
        "color",
    )

    symbol: str
    color: LiveActivityColor | Unset

    def __init__(self, symbol: str, color: LiveActivityColor | Unset = UNSET) -> None:
        self.symbol = symbol
        self.color = color

    def __repr__(self) -> str:
        return (
            f"{type(self).__qualname__}(symbol={self.symbol!r}, color={self.color!r})"
        )

    def __eq__(self, other: object) -> bool:
        if (
            not isinstance(other, LiveActivityAlertIcon)
            or other.__class__ is not self.__class__
        ):
            return NotImplemented
        return (self.symbol, self.color) == (other.symbol, other.color)

    def to_dict(self) -> dict[str, Any]:
        symbol = self.symbol

        color: str | Unset = UNSET
        if not isinstance(self.color, Unset):
            color = self.color.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "symbol": symbol,
            }
        )
        if color is not UNSET:
            field_dict["color"] = color

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        symbol = d.pop("symbol")

        _color = d.pop("color", UNSET)
        color: LiveActivityColor | Unset
        if isinstance(_color, Unset):
            color = UNSET
        else:
            color = LiveActivityColor(_color)

        live_activity_alert_icon = cls(
            symbol=symbol,
            color=color,
        )

        return live_activity_alert_icon
