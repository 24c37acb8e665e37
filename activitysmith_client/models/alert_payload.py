from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from ..types import UNSET, Unset

T = TypeVar("T", bound="AlertPayload")


class AlertPayload:
    """Alert title and body sent along with the Live Activity push.

    Attributes:
        title (str | Unset): Alert title.
        body (str | Unset): Alert body text.
    """

    __slots__ = (
        "title",
        "body",
        "__weakref__",
    )
    __match_args__ = (
        "title",
        "body",
    )

    title: str | Unset
    body: str | Unset

    def __init__(self, title: str | Unset = UNSET, body: str | Unset = UNSET) -> None:
        self.title = title
        self.body = body

    def __repr__(self) -> str:
        return f"{type(self).__qualname__}(title={self.title!r}, body={self.body!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, AlertPayload) or other.__class__ is not self.__class__:
            return NotImplemented
        return (self.title, self.body) == (other.title, other.body)

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        body = self.body

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if title is not UNSET:
            field_dict["title"] = title
        if body is not UNSET:
            field_dict["body"] = body

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        title = d.pop("title", UNSET)

        body = d.pop("body", UNSET)

        alert_payload = cls(
            title=title,
            body=body,
        )

        return alert_payload
