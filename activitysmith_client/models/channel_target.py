from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="ChannelTarget")


@_attrs_define
class ChannelTarget:
    """Restricts recipients to the listed channels. Without a target the API key's scope decides: an all-recipients key
    reaches every device on the account, a channel-scoped key reaches its assigned channels. A channel-scoped key may
    only name its own channels (otherwise 403).

        Attributes:
            channels (list[str]): Channel slugs to deliver to, e.g. `ops` or `ios-beta`.
    """

    channels: list[str]

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
