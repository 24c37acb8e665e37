from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.channel_target import ChannelTarget


T = TypeVar("T", bound="AppIconBadgeCountUpdateRequest")


class AppIconBadgeCountUpdateRequest:
    """New app icon badge count for the targeted devices.

    Attributes:
        badge (int): Number to show on the app icon; 0 clears the badge.
        target (ChannelTarget | Unset): Restricts recipients to the listed channels. Without a target the API key's
            scope decides: an all-recipients key reaches every device on the account, a channel-scoped key reaches its
            assigned channels. A channel-scoped key may only name its own channels (otherwise 403).
    """

    __slots__ = (
        "badge",
        "target",
        "__weakref__",
    )
    __match_args__ = (
        "badge",
        "target",
    )

    badge: int
    target: ChannelTarget | Unset

    def __init__(self, badge: int, target: ChannelTarget | Unset = UNSET) -> None:
        self.badge = badge
        self.target = target

    def __repr__(self) -> str:
        return (
            f"{type(self).__qualname__}(badge={self.badge!r}, target={self.target!r})"
        )

    def __eq__(self, other: object) -> bool:
        if (
            not isinstance(other, AppIconBadgeCountUpdateRequest)
            or other.__class__ is not self.__class__
        ):
            return NotImplemented
        return (self.badge, self.target) == (other.badge, other.target)

    def to_dict(self) -> dict[str, Any]:
        badge = self.badge

        target: dict[str, Any] | Unset = UNSET
        if not isinstance(self.target, Unset):
            target = self.target.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "badge": badge,
            }
        )
        if target is not UNSET:
            field_dict["target"] = target

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.channel_target import ChannelTarget  # noqa: PLC0415

        d = dict(src_dict)
        badge = d.pop("badge")

        _target = d.pop("target", UNSET)
        target: ChannelTarget | Unset
        if isinstance(_target, Unset):
            target = UNSET
        else:
            target = ChannelTarget.from_dict(_target)

        app_icon_badge_count_update_request = cls(
            badge=badge,
            target=target,
        )

        return app_icon_badge_count_update_request
