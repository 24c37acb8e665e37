from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from ..types import UNSET, Unset

T = TypeVar("T", bound="NoRecipientsError")


class NoRecipientsError:
    """No device or user matched the request's targeting. Current servers answer 422; older ones answered 404 with the same
    body. Never carries `code` (that is AppIconBadgeCountUpdateError, the other body of the badge 422).

        Attributes:
            error (str): Short error summary.
            message (str): Human-readable explanation.
            effective_channel_slugs (list[str] | None | Unset): Channel slugs that were searched for recipients, when
                channel targeting applied.
    """

    __slots__ = (
        "error",
        "message",
        "effective_channel_slugs",
        "additional_properties",
        "__weakref__",
    )
    __match_args__ = (
        "error",
        "message",
        "effective_channel_slugs",
    )

    error: str
    message: str
    effective_channel_slugs: list[str] | None | Unset
    additional_properties: dict[str, Any]

    def __init__(
        self,
        error: str,
        message: str,
        effective_channel_slugs: list[str] | None | Unset = UNSET,
    ) -> None:
        self.error = error
        self.message = message
        self.effective_channel_slugs = effective_channel_slugs
        self.additional_properties = {}

    def __repr__(self) -> str:
        return (
            f"{type(self).__qualname__}("
            f"error={self.error!r}, "
            f"message={self.message!r}, "
            f"effective_channel_slugs={self.effective_channel_slugs!r}, "
            f"additional_properties={self.additional_properties!r}"
            ")"
        )

    def __eq__(self, other: object) -> bool:
        if (
            not isinstance(other, NoRecipientsError)
            or other.__class__ is not self.__class__
        ):
            return NotImplemented
        return (
            self.error,
            self.message,
            self.effective_channel_slugs,
            self.additional_properties,
        ) == (
            other.error,
            other.message,
            other.effective_channel_slugs,
            other.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        error = self.error

        message = self.message

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
        if effective_channel_slugs is not UNSET:
            field_dict["effective_channel_slugs"] = effective_channel_slugs

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        error = d.pop("error")

        message = d.pop("message")

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

        no_recipients_error = cls(
            error=error,
            message=message,
            effective_channel_slugs=effective_channel_slugs,
        )

        no_recipients_error.additional_properties = d
        return no_recipients_error

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
