from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.metadata import Metadata
    from ..models.push_notification_action import PushNotificationAction
    from ..models.push_notification_payload import PushNotificationPayload


T = TypeVar("T", bound="PushNotificationReplaceRequest")


class PushNotificationReplaceRequest:
    """Replacement content for a notification that was already sent. `title`, `message`, `subtitle`, `icon`, `media`,
    `redirection`, `actions`, `payload` and `badge` replace the original completely: anything omitted is not carried
    over. `tags` and `metadata` are kept unless sent. Sound, targeting and interruption level cannot be set: the
    replacement is always silent and goes to the original recipients.

        Attributes:
            title (str): Headline of the notification.
            message (str | Unset): Body text.
            subtitle (str | Unset): Secondary line under the title. iOS may hide it when a custom `icon` is shown.
            media (str | Unset): https URL of an image, audio or video file shown when the notification is expanded; also
                opened on tap when `redirection` is absent. Must point straight at the file or serve a media Content-Type.
                Cannot be combined with a non-empty `actions`.
            redirection (str | Unset): URL opened when the notification body is tapped; takes precedence over `media`. Any
                scheme the device can open: http, https, `shortcuts://run-shortcut?name=...` or an installed app's deep link
                (e.g. `spotify:track:...`; custom schemes need a recent ActivitySmith app and have no web fallback). Internal
                and executable schemes are refused.
            actions (list[PushNotificationAction] | Unset): Up to four buttons shown when the notification is expanded.
                Cannot be combined with `media`.
            payload (PushNotificationPayload | Unset): Arbitrary custom JSON data attached to the push notification.
            badge (int | Unset): App icon badge number delivered with this push.
            icon (str | Unset): https URL of an image (e.g. a logo or avatar, no embedded credentials) shown beside a
                smaller app icon. The app icon alone is shown when omitted or when the image cannot be loaded.
            tags (list[str] | Unset): History labels. Omit to keep the original's tags, send a list to replace them, or `[]`
                to clear them.
            metadata (Metadata | Unset): Free-form key/value details shown only in ActivitySmith's dashboard and history,
                never on the device. At most 50 entries, keys up to 100 characters, and at most 16 KB of serialized UTF-8 JSON
                in total. On calls that create something (push send, Live Activity start, the first stream PUT) omitting it
                means no metadata. On calls that change something existing (replace, update, end, later stream PUTs, stream
                DELETE) omitting it keeps the stored metadata and an empty object `{}` clears it.
    """

    __slots__ = (
        "title",
        "message",
        "subtitle",
        "media",
        "redirection",
        "actions",
        "payload",
        "badge",
        "icon",
        "tags",
        "metadata",
        "__weakref__",
    )
    __match_args__ = (
        "title",
        "message",
        "subtitle",
        "media",
        "redirection",
        "actions",
        "payload",
        "badge",
        "icon",
        "tags",
        "metadata",
    )

    title: str
    message: str | Unset
    subtitle: str | Unset
    media: str | Unset
    redirection: str | Unset
    actions: list[PushNotificationAction] | Unset
    payload: PushNotificationPayload | Unset
    badge: int | Unset
    icon: str | Unset
    tags: list[str] | Unset
    metadata: Metadata | Unset

    def __init__(
        self,
        title: str,
        message: str | Unset = UNSET,
        subtitle: str | Unset = UNSET,
        media: str | Unset = UNSET,
        redirection: str | Unset = UNSET,
        actions: list[PushNotificationAction] | Unset = UNSET,
        payload: PushNotificationPayload | Unset = UNSET,
        badge: int | Unset = UNSET,
        icon: str | Unset = UNSET,
        tags: list[str] | Unset = UNSET,
        metadata: Metadata | Unset = UNSET,
    ) -> None:
        self.title = title
        self.message = message
        self.subtitle = subtitle
        self.media = media
        self.redirection = redirection
        self.actions = actions
        self.payload = payload
        self.badge = badge
        self.icon = icon
        self.tags = tags
        self.metadata = metadata

    def __repr__(self) -> str:
        return (
            f"{type(self).__qualname__}("
            f"title={self.title!r}, "
            f"message={self.message!r}, "
            f"subtitle={self.subtitle!r}, "
            f"media={self.media!r}, "
            f"redirection={self.redirection!r}, "
            f"actions={self.actions!r}, "
            f"payload={self.payload!r}, "
            f"badge={self.badge!r}, "
            f"icon={self.icon!r}, "
            f"tags={self.tags!r}, "
            f"metadata={self.metadata!r}"
            ")"
        )

    def __eq__(self, other: object) -> bool:
        if (
            not isinstance(other, PushNotificationReplaceRequest)
            or other.__class__ is not self.__class__
        ):
            return NotImplemented
        return (
            self.title,
            self.message,
            self.subtitle,
            self.media,
            self.redirection,
            self.actions,
            self.payload,
            self.badge,
            self.icon,
            self.tags,
            self.metadata,
        ) == (
            other.title,
            other.message,
            other.subtitle,
            other.media,
            other.redirection,
            other.actions,
            other.payload,
            other.badge,
            other.icon,
            other.tags,
            other.metadata,
        )

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        message = self.message

        subtitle = self.subtitle

        media = self.media

        redirection = self.redirection

        actions: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.actions, Unset):
            actions = []
            for actions_item_data in self.actions:
                actions_item = actions_item_data.to_dict()
                actions.append(actions_item)

        payload: dict[str, Any] | Unset = UNSET
        if not isinstance(self.payload, Unset):
            payload = self.payload.to_dict()

        badge = self.badge

        icon = self.icon

        tags: list[str] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "title": title,
            }
        )
        if message is not UNSET:
            field_dict["message"] = message
        if subtitle is not UNSET:
            field_dict["subtitle"] = subtitle
        if media is not UNSET:
            field_dict["media"] = media
        if redirection is not UNSET:
            field_dict["redirection"] = redirection
        if actions is not UNSET:
            field_dict["actions"] = actions
        if payload is not UNSET:
            field_dict["payload"] = payload
        if badge is not UNSET:
            field_dict["badge"] = badge
        if icon is not UNSET:
            field_dict["icon"] = icon
        if tags is not UNSET:
            field_dict["tags"] = tags
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.metadata import Metadata  # noqa: PLC0415
        from ..models.push_notification_action import PushNotificationAction  # noqa: PLC0415
        from ..models.push_notification_payload import PushNotificationPayload  # noqa: PLC0415

        d = dict(src_dict)
        title = d.pop("title")

        message = d.pop("message", UNSET)

        subtitle = d.pop("subtitle", UNSET)

        media = d.pop("media", UNSET)

        redirection = d.pop("redirection", UNSET)

        _actions = d.pop("actions", UNSET)
        actions: list[PushNotificationAction] | Unset = UNSET
        if _actions is not UNSET:
            actions = []
            for actions_item_data in _actions:
                actions_item = PushNotificationAction.from_dict(actions_item_data)

                actions.append(actions_item)

        _payload = d.pop("payload", UNSET)
        payload: PushNotificationPayload | Unset
        if isinstance(_payload, Unset):
            payload = UNSET
        else:
            payload = PushNotificationPayload.from_dict(_payload)

        badge = d.pop("badge", UNSET)

        icon = d.pop("icon", UNSET)

        tags = cast(list[str], d.pop("tags", UNSET))

        _metadata = d.pop("metadata", UNSET)
        metadata: Metadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = Metadata.from_dict(_metadata)

        push_notification_replace_request = cls(
            title=title,
            message=message,
            subtitle=subtitle,
            media=media,
            redirection=redirection,
            actions=actions,
            payload=payload,
            badge=badge,
            icon=icon,
            tags=tags,
            metadata=metadata,
        )

        return push_notification_replace_request
