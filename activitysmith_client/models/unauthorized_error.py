from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from ..types import UNSET, Unset

T = TypeVar("T", bound="UnauthorizedError")


class UnauthorizedError:
    """The API key is missing or invalid. The body is not formally documented, so every field is optional and the body may
    even be empty or non-JSON.

        Attributes:
            error (str | Unset): Short error summary.
            message (str | Unset): Human-readable explanation.
    """

    __slots__ = (
        "error",
        "message",
        "additional_properties",
        "__weakref__",
    )
    __match_args__ = (
        "error",
        "message",
    )

    error: str | Unset
    message: str | Unset
    additional_properties: dict[str, Any]

    def __init__(
        self, error: str | Unset = UNSET, message: str | Unset = UNSET
    ) -> None:
        self.error = error
        self.message = message
        self.additional_properties = {}

    def __repr__(self) -> str:
        return (
            f"{type(self).__qualname__}("
            f"error={self.error!r}, "
            f"message={self.message!r}, "
            f"additional_properties={self.additional_properties!r}"
            ")"
        )

    def __eq__(self, other: object) -> bool:
        if (
            not isinstance(other, UnauthorizedError)
            or other.__class__ is not self.__class__
        ):
            return NotImplemented
        return (self.error, self.message, self.additional_properties) == (
            other.error,
            other.message,
            other.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        error = self.error

        message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if error is not UNSET:
            field_dict["error"] = error
        if message is not UNSET:
            field_dict["message"] = message

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        error = d.pop("error", UNSET)

        message = d.pop("message", UNSET)

        unauthorized_error = cls(
            error=error,
            message=message,
        )

        unauthorized_error.additional_properties = d
        return unauthorized_error

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
