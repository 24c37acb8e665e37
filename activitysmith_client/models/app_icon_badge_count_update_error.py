from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from ..models.app_icon_badge_count_error_code import AppIconBadgeCountErrorCode
from ..types import UNSET, Unset

T = TypeVar("T", bound="AppIconBadgeCountUpdateError")


class AppIconBadgeCountUpdateError:
    """The badge update could not be delivered to some or all targeted devices; the counts show what did get through.

    Attributes:
        error (str): Short error summary.
        code (AppIconBadgeCountErrorCode | str): Reason code (see AppIconBadgeCountErrorCode); unknown values are passed
            through as strings.
        message (str): Human-readable explanation.
        badge (int): Badge number that was requested.
        devices_updated (int): Devices whose badge was updated before the failure.
        devices_targeted (int | Unset): Devices the update was sent to.
        users_updated (int | Unset): Users with at least one updated device.
        devices_notified (int | Unset): Deprecated alias of `devices_updated`.
        effective_channel_slugs (list[str] | None | Unset): Channel slugs that were actually used to pick recipients.
            Null or absent when no channel targeting applied.
    """

    __slots__ = (
        "error",
        "code",
        "message",
        "badge",
        "devices_updated",
        "devices_targeted",
        "users_updated",
        "devices_notified",
        "effective_channel_slugs",
        "additional_properties",
        "__weakref__",
    )
    __match_args__ = (
        "error",
        "code",
        "message",
        "badge",
        "devices_updated",
        "devices_targeted",
        "users_updated",
        "devices_notified",
        "effective_channel_slugs",
    )

    error: str
    code: AppIconBadgeCountErrorCode | str
    message: str
    badge: int
    devices_updated: int
    devices_targeted: int | Unset
    users_updated: int | Unset
    devices_notified: int | Unset
    effective_channel_slugs: list[str] | None | Unset
    additional_properties: dict[str, Any]

    def __init__(
        self,
        error: str,
        code: AppIconBadgeCountErrorCode | str,
        message: str,
        badge: int,
        devices_updated: int,
        devices_targeted: int | Unset = UNSET,
        users_updated: int | Unset = UNSET,
        devices_notified: int | Unset = UNSET,
        effective_channel_slugs: list[str] | None | Unset = UNSET,
    ) -> None:
        self.error = error
        self.code = code
        self.message = message
        self.badge = badge
        self.devices_updated = devices_updated
        self.devices_targeted = devices_targeted
        self.users_updated = users_updated
        self.devices_notified = devices_notified
        self.effective_channel_slugs = effective_channel_slugs
        self.additional_properties = {}

    def __repr__(self) -> str:
        return (
            f"{type(self).__qualname__}("
            f"error={self.error!r}, "
            f"code={self.code!r}, "
            f"message={self.message!r}, "
            f"badge={self.badge!r}, "
            f"devices_updated={self.devices_updated!r}, "
            f"devices_targeted={self.devices_targeted!r}, "
            f"users_updated={self.users_updated!r}, "
            f"devices_notified={self.devices_notified!r}, "
            f"effective_channel_slugs={self.effective_channel_slugs!r}, "
            f"additional_properties={self.additional_properties!r}"
            ")"
        )

    def __eq__(self, other: object) -> bool:
        if (
            not isinstance(other, AppIconBadgeCountUpdateError)
            or other.__class__ is not self.__class__
        ):
            return NotImplemented
        return (
            self.error,
            self.code,
            self.message,
            self.badge,
            self.devices_updated,
            self.devices_targeted,
            self.users_updated,
            self.devices_notified,
            self.effective_channel_slugs,
            self.additional_properties,
        ) == (
            other.error,
            other.code,
            other.message,
            other.badge,
            other.devices_updated,
            other.devices_targeted,
            other.users_updated,
            other.devices_notified,
            other.effective_channel_slugs,
            other.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        error = self.error

        code: str
        if isinstance(self.code, AppIconBadgeCountErrorCode):
            code = self.code.value
        else:
            code = self.code

        message = self.message

        badge = self.badge

        devices_updated = self.devices_updated

        devices_targeted = self.devices_targeted

        users_updated = self.users_updated

        devices_notified = self.devices_notified

        effective_channel_slugs: list[str] | None | Unset
        if isinstance(self.effective_channel_slugs, Unset):
            effective_channel_slugs = UNSET
        elif isinstance(self.effective_channel_slugs, list):
            effective_channel_slugs = self.effective_channel_slugs

        else:
            effective_channel_slugs = self.effective_channel_slugs

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "error": error,
                "code": code,
                "message": message,
                "badge": badge,
                "devices_updated": devices_updated,
            }
        )
        if devices_targeted is not UNSET:
            field_dict["devices_targeted"] = devices_targeted
        if users_updated is not UNSET:
            field_dict["users_updated"] = users_updated
        if devices_notified is not UNSET:
            field_dict["devices_notified"] = devices_notified
        if effective_channel_slugs is not UNSET:
            field_dict["effective_channel_slugs"] = effective_channel_slugs

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        error = d.pop("error")

        def _parse_code(data: object) -> AppIconBadgeCountErrorCode | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                code_type_0 = AppIconBadgeCountErrorCode(data)

                return code_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AppIconBadgeCountErrorCode | str, data)

        code = _parse_code(d.pop("code"))

        message = d.pop("message")

        badge = d.pop("badge")

        devices_updated = d.pop("devices_updated")

        devices_targeted = d.pop("devices_targeted", UNSET)

        users_updated = d.pop("users_updated", UNSET)

        devices_notified = d.pop("devices_notified", UNSET)

        def _parse_effective_channel_slugs(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                effective_channel_slugs_type_0 = cast(list[str], data)

                return effective_channel_slugs_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        effective_channel_slugs = _parse_effective_channel_slugs(
            d.pop("effective_channel_slugs", UNSET)
        )

        app_icon_badge_count_update_error = cls(
            error=error,
            code=code,
            message=message,
            badge=badge,
            devices_updated=devices_updated,
            devices_targeted=devices_targeted,
            users_updated=users_updated,
            devices_notified=devices_notified,
            effective_channel_slugs=effective_channel_slugs,
        )

        app_icon_badge_count_update_error.additional_properties = d
        return app_icon_badge_count_update_error

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
