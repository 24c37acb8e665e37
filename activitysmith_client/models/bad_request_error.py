from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from ..models.bad_request_code import BadRequestCode
from ..types import UNSET, Unset

T = TypeVar("T", bound="BadRequestError")


class BadRequestError:
    """The request was invalid: payload, path parameter, action or channel targeting.

    Attributes:
        error (str): Short error summary, e.g. `Invalid channel targeting`.
        message (str): Human-readable explanation.
        code (BadRequestCode | str | Unset): Machine-readable reason, when the API gives one (`invalid_tags`); other
            values may appear later.
    """

    __slots__ = (
        "error",
        "message",
        "code",
        "additional_properties",
        "__weakref__",
    )
    __match_args__ = (
        "error",
        "message",
        "code",
    )

    error: str
    message: str
    code: BadRequestCode | str | Unset
    additional_properties: dict[str, Any]

    def __init__(
        self, error: str, message: str, code: BadRequestCode | str | Unset = UNSET
    ) -> None:
        self.error = error
        self.message = message
        self.code = code
        self.additional_properties = {}

    def __repr__(self) -> str:
        return (
            f"{type(self).__qualname__}("
            f"error={self.error!r}, "
            f"message={self.message!r}, "
            f"code={self.code!r}, "
            f"additional_properties={self.additional_properties!r}"
            ")"
        )

    def __eq__(self, other: object) -> bool:
        if (
            not isinstance(other, BadRequestError)
            or other.__class__ is not self.__class__
        ):
            return NotImplemented
        return (self.error, self.message, self.code, self.additional_properties) == (
            other.error,
            other.message,
            other.code,
            other.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        error = self.error

        message = self.message

        code: str | Unset
        if isinstance(self.code, Unset):
            code = UNSET
        elif isinstance(self.code, BadRequestCode):
            code = self.code.value
        else:
            code = self.code

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

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        error = d.pop("error")

        message = d.pop("message")

        def _parse_code(data: object) -> BadRequestCode | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                code_type_0 = BadRequestCode(data)

                return code_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BadRequestCode | str | Unset, data)

        code = _parse_code(d.pop("code", UNSET))

        bad_request_error = cls(
            error=error,
            message=message,
            code=code,
        )

        bad_request_error.additional_properties = d
        return bad_request_error

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
