from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.app_icon_badge_count_error_code import AppIconBadgeCountErrorCode
from ..types import UNSET, Unset

T = TypeVar("T", bound="AppIconBadgeCountUnprocessableError")


@_attrs_define
class AppIconBadgeCountUnprocessableError:
    """422 from the badge endpoint. Either no device matched the targeting (only `error`, `message` and possibly
    `effective_channel_slugs`), or the update failed on the matched devices (then `code`, `badge` and the counters are
    present, as in AppIconBadgeCountUpdateError). Check whether `code` is set to tell them apart.

        Attributes:
            error (str): Short error summary.
            message (str): Human-readable explanation.
            code (AppIconBadgeCountErrorCode | str | Unset): Reason code (see AppIconBadgeCountErrorCode); unknown values
                are passed through as strings.
            badge (int | Unset): Badge number that was requested.
            devices_updated (int | Unset): Devices whose badge was updated before the failure.
            devices_targeted (int | Unset): Devices the update was sent to.
            users_updated (int | Unset): Users with at least one updated device.
            devices_notified (int | Unset): Deprecated alias of `devices_updated`.
            effective_channel_slugs (list[str] | None | Unset): Channel slugs that were actually used to pick recipients.
                Null or absent when no channel targeting applied.
    """

    error: str
    message: str
    code: AppIconBadgeCountErrorCode | str | Unset = UNSET
    badge: int | Unset = UNSET
    devices_updated: int | Unset = UNSET
    devices_targeted: int | Unset = UNSET
    users_updated: int | Unset = UNSET
    devices_notified: int | Unset = UNSET
    effective_channel_slugs: list[str] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        error = self.error

        message = self.message

        code: str | Unset
        if isinstance(self.code, Unset):
            code = UNSET
        elif isinstance(self.code, AppIconBadgeCountErrorCode):
            code = self.code.value
        else:
            code = self.code

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
                "message": message,
            }
        )
        if code is not UNSET:
            field_dict["code"] = code
        if badge is not UNSET:
            field_dict["badge"] = badge
        if devices_updated is not UNSET:
            field_dict["devices_updated"] = devices_updated
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

        message = d.pop("message")

        def _parse_code(data: object) -> AppIconBadgeCountErrorCode | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                code_type_0 = AppIconBadgeCountErrorCode(data)

                return code_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AppIconBadgeCountErrorCode | str | Unset, data)

        code = _parse_code(d.pop("code", UNSET))

        badge = d.pop("badge", UNSET)

        devices_updated = d.pop("devices_updated", UNSET)

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

        app_icon_badge_count_unprocessable_error = cls(
            error=error,
            message=message,
            code=code,
            badge=badge,
            devices_updated=devices_updated,
            devices_targeted=devices_targeted,
            users_updated=users_updated,
            devices_notified=devices_notified,
            effective_channel_slugs=effective_channel_slugs,
        )

        app_icon_badge_count_unprocessable_error.additional_properties = d
        return app_icon_badge_count_unprocessable_error

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
