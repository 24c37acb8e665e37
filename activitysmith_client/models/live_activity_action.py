from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from ..models.action_type import ActionType
from ..models.webhook_method import WebhookMethod
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.webhook_body import WebhookBody


T = TypeVar("T", bound="LiveActivityAction")


class LiveActivityAction:
    """Button shown in the Live Activity. `action` is the primary button on every type; `secondary_action` is available on
    alert, progress, segmented_progress and value. Sending a button on a later call sets or replaces it.

        Attributes:
            title (str): Button label.
            type_ (ActionType): What a button does. `open_url` opens `url` on the device; `webhook` makes ActivitySmith's
                servers call `url`, so the user stays where they are.
            url (str): Target of the button. For open_url use an http, https or `shortcuts://run-shortcut?name=...` URL
                (custom app schemes are not supported here). For webhook it must be an https URL, which ActivitySmith calls from
                its servers.
            method (WebhookMethod | Unset): HTTP method ActivitySmith uses when calling a webhook action.
            body (WebhookBody | Unset): JSON object ActivitySmith sends as the request body when calling a webhook action.
    """

    __slots__ = (
        "title",
        "type_",
        "url",
        "method",
        "body",
        "__weakref__",
    )
    __match_args__ = (
        "title",
        "type_",
        "url",
        "method",
        "body",
    )

    title: str
    type_: ActionType
    url: str
    method: WebhookMethod | Unset
    body: WebhookBody | Unset

    def __init__(
        self,
        title: str,
        type_: ActionType,
        url: str,
        method: WebhookMethod | Unset = UNSET,
        body: WebhookBody | Unset = UNSET,
    ) -> None:
        self.title = title
        self.type_ = type_
        self.url = url
        self.method = method
        self.body = body

    def __repr__(self) -> str:
        return (
            f"{type(self).__qualname__}("
            f"title={self.title!r}, "
            f"type_={self.type_!r}, "
            f"url={self.url!r}, "
            f"method={self.method!r}, "
            f"body={self.body!r}"
            ")"
        )

    def __eq__(self, other: object) -> bool:
        if (
            not isinstance(other, LiveActivityAction)
            or other.__class__ is not self.__class__
        ):
            return NotImplemented
        return (self.title, self.type_, self.url, self.method, self.body) == (
            other.title,
            other.type_,
            other.url,
            other.method,
            other.body,
        )

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        type_ = self.type_.value

        url = self.url

        method: str | Unset = UNSET
        if not isinstance(self.method, Unset):
            method = self.method.value

        body: dict[str, Any] | Unset = UNSET
        if not isinstance(self.body, Unset):
            body = self.body.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "title": title,
                "type": type_,
                "url": url,
            }
        )
        if method is not UNSET:
            field_dict["method"] = method
        if body is not UNSET:
            field_dict["body"] = body

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.webhook_body import WebhookBody  # noqa: PLC0415

        d = dict(src_dict)
        title = d.pop("title")

        type_ = ActionType(d.pop("type"))

        url = d.pop("url")

        _method = d.pop("method", UNSET)
        method: WebhookMethod | Unset
        if isinstance(_method, Unset):
            method = UNSET
        else:
            method = WebhookMethod(_method)

        _body = d.pop("body", UNSET)
        body: WebhookBody | Unset
        if isinstance(_body, Unset):
            body = UNSET
        else:
            body = WebhookBody.from_dict(_body)

        live_activity_action = cls(
            title=title,
            type_=type_,
            url=url,
            method=method,
            body=body,
        )

        return live_activity_action
