from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

T = TypeVar("T", bound="ChannelTarget")


class ChannelTarget:
    """Restricts recipients to the listed channels. Without a target the API key's scope decides: an all-recipients key
    reaches every device on the account, a channel-scoped key reaches its assigned channels. A channel-scoped key may
    only name its own channels (otherwise 403).

        Attributes:
            channels (list[str]): Channel slugs to deliver to, e.g. `ops` or `ios-beta`.
    """

    __slots__ = (
        "channels",
        "__weakref__",
    )
    __match_args__ = ("channels",)

    channels: list[str]

    def __init__(self, channels: list[str]) -> None:
        self.channels = channels

    def __repr__(self) -> str:
        return f"{type(self).__qualname__}(channels={self.channels!r})"

    def __eq__(self, other: object) -> bool:
        if (
            not isinstance(other, ChannelTarget)
            or other.__class__ is not self.__class__
        ):
            return NotImplemented
        return (self.channels,) == (other.channels,)

    def to_dict(self) -> dict[str, Any]:
        channels = self.channels

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "channels": channels,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        channels = cast(list[str], d.pop("channels"))

        channel_target = cls(
            channels=channels,
        )

        return channel_target
