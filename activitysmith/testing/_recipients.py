"""Who a request reaches: the key's scope, channel targeting and the paired devices."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ._models import Device
from ._reply import ApiError


@dataclass(frozen=True)
class Recipients:
    """The devices a request reaches and the channel slugs that chose them."""

    devices: tuple[Device, ...]
    effective_channel_slugs: tuple[str, ...] | None
    """None when no channel targeting applied (an all-recipients key without `target`)."""

    @property
    def users(self) -> tuple[str, ...]:
        """The distinct users owning those devices."""
        return tuple(dict.fromkeys(device.user for device in self.devices))

    def counts(self) -> dict[str, int]:
        """The `devices_notified` / `users_notified` pair for a response."""
        return {"devices_notified": len(self.devices), "users_notified": len(self.users)}

    def slugs_field(self) -> dict[str, list[str]]:
        """`effective_channel_slugs` for a response, or nothing when no channel applied."""
        if self.effective_channel_slugs is None:
            return {}
        return {"effective_channel_slugs": list(self.effective_channel_slugs)}


class Directory:
    """The account's devices and the API key's channel scope."""

    def __init__(self, devices: Sequence[Device], key_channels: Sequence[str] | None) -> None:
        self.devices = tuple(devices)
        self.key_channels = None if key_channels is None else tuple(key_channels)

    def resolve(self, channels: Sequence[str] | None) -> Recipients:
        """The recipients for a request's channel slugs (None = no `target`).

        Raises 400 for an empty slug, 403 when a channel-scoped key targets other
        channels, and 422 when nobody matches.
        """
        if channels is not None:
            if any(not slug.strip() for slug in channels):
                raise ApiError(400, "Invalid channel targeting", "channel slugs must not be empty")
            slugs: tuple[str, ...] | None = tuple(dict.fromkeys(channels))
            if self.key_channels is not None:
                outside = [slug for slug in slugs or () if slug not in self.key_channels]
                if outside:
                    raise ApiError(
                        403,
                        "Invalid channel targeting",
                        f"This API key may not target channel(s): {', '.join(outside)}",
                    )
        else:
            slugs = self.key_channels
        if slugs is None:
            devices = self.devices
        else:
            devices = tuple(d for d in self.devices if any(s in d.channels for s in slugs))
        if not devices:
            raise ApiError(
                422,
                "No recipients found",
                "No paired devices match the targeted channels"
                if slugs is not None
                else "No paired devices in this account",
                effective_channel_slugs=list(slugs or ()),
            )
        return Recipients(devices, slugs)


def target_channels(body: Mapping[str, Any]) -> list[str] | None:
    """The request's `target.channels`, or None without a `target`."""
    target = body.get("target")
    return None if target is None else list(target["channels"])
