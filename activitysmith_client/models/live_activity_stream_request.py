from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.alert_payload import AlertPayload
    from ..models.channel_target import ChannelTarget
    from ..models.live_activity_action import LiveActivityAction
    from ..models.metadata import Metadata
    from ..models.stream_content_state import StreamContentState


T = TypeVar("T", bound="LiveActivityStreamRequest")


class LiveActivityStreamRequest:
    """Body of a stream PUT: what devices should show now. ActivitySmith works out whether that means starting, updating,
    rotating or leaving the activity alone.

        Attributes:
            content_state (StreamContentState): Latest full visible state of a managed stream (PUT), or its final state
                (DELETE). ActivitySmith compares it with the current state and only pushes real changes. The dismissal fields
                only matter on DELETE. For type progress, `value` must be a number and `value` and `upper_limit` must be sent
                together.
            action (LiveActivityAction | Unset): Button shown in the Live Activity. `action` is the primary button on every
                type; `secondary_action` is available on alert, progress, segmented_progress and value. Sending a button on a
                later call sets or replaces it.
            secondary_action (LiveActivityAction | Unset): Button shown in the Live Activity. `action` is the primary button
                on every type; `secondary_action` is available on alert, progress, segmented_progress and value. Sending a
                button on a later call sets or replaces it.
            alert (AlertPayload | Unset): Alert title and body sent along with the Live Activity push.
            channels (list[str] | Unset): Shorthand for `target.channels`: channel slugs to deliver to. If both are sent
                they must list the same channels (otherwise 400).
            target (ChannelTarget | Unset): Restricts recipients to the listed channels. Without a target the API key's
                scope decides: an all-recipients key reaches every device on the account, a channel-scoped key reaches its
                assigned channels. A channel-scoped key may only name its own channels (otherwise 403).
            tags (list[str] | Unset): History labels, at most 20 different ones. On later PUTs omit to keep the current
                tags, send a list to replace them, or `[]` to clear them.
            metadata (Metadata | Unset): Free-form key/value details shown only in ActivitySmith's dashboard and history,
                never on the device. At most 50 entries, keys up to 100 characters, and at most 16 KB of serialized UTF-8 JSON
                in total. On calls that create something (push send, Live Activity start, the first stream PUT) omitting it
                means no metadata. On calls that change something existing (replace, update, end, later stream PUTs, stream
                DELETE) omitting it keeps the stored metadata and an empty object `{}` clears it.
    """

    __slots__ = (
        "content_state",
        "action",
        "secondary_action",
        "alert",
        "channels",
        "target",
        "tags",
        "metadata",
        "__weakref__",
    )
    __match_args__ = (
        "content_state",
        "action",
        "secondary_action",
        "alert",
        "channels",
        "target",
        "tags",
        "metadata",
    )

    content_state: StreamContentState
    action: LiveActivityAction | Unset
    secondary_action: LiveActivityAction | Unset
    alert: AlertPayload | Unset
    channels: list[str] | Unset
    target: ChannelTarget | Unset
    tags: list[str] | Unset
    metadata: Metadata | Unset

    def __init__(
        self,
        content_state: StreamContentState,
        action: LiveActivityAction | Unset = UNSET,
        secondary_action: LiveActivityAction | Unset = UNSET,
        alert: AlertPayload | Unset = UNSET,
        channels: list[str] | Unset = UNSET,
        target: ChannelTarget | Unset = UNSET,
        tags: list[str] | Unset = UNSET,
        metadata: Metadata | Unset = UNSET,
    ) -> None:
        self.content_state = content_state
        self.action = action
        self.secondary_action = secondary_action
        self.alert = alert
        self.channels = channels
        self.target = target
        self.tags = tags
        self.metadata = metadata

    def __repr__(self) -> str:
        return (
            f"{type(self).__qualname__}("
            f"content_state={self.content_state!r}, "
            f"action={self.action!r}, "
            f"secondary_action={self.secondary_action!r}, "
            f"alert={self.alert!r}, "
            f"channels={self.channels!r}, "
            f"target={self.target!r}, "
            f"tags={self.tags!r}, "
            f"metadata={self.metadata!r}"
            ")"
        )

    def __eq__(self, other: object) -> bool:
        if (
            not isinstance(other, LiveActivityStreamRequest)
            or other.__class__ is not self.__class__
        ):
            return NotImplemented
        return (
            self.content_state,
            self.action,
            self.secondary_action,
            self.alert,
            self.channels,
            self.target,
            self.tags,
            self.metadata,
        ) == (
            other.content_state,
            other.action,
            other.secondary_action,
            other.alert,
            other.channels,
            other.target,
            other.tags,
            other.metadata,
        )

    def to_dict(self) -> dict[str, Any]:
        content_state = self.content_state.to_dict()

        action: dict[str, Any] | Unset = UNSET
        if not isinstance(self.action, Unset):
            action = self.action.to_dict()

        secondary_action: dict[str, Any] | Unset = UNSET
        if not isinstance(self.secondary_action, Unset):
            secondary_action = self.secondary_action.to_dict()

        alert: dict[str, Any] | Unset = UNSET
        if not isinstance(self.alert, Unset):
            alert = self.alert.to_dict()

        channels: list[str] | Unset = UNSET
        if not isinstance(self.channels, Unset):
            channels = self.channels

        target: dict[str, Any] | Unset = UNSET
        if not isinstance(self.target, Unset):
            target = self.target.to_dict()

        tags: list[str] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "content_state": content_state,
            }
        )
        if action is not UNSET:
            field_dict["action"] = action
        if secondary_action is not UNSET:
            field_dict["secondary_action"] = secondary_action
        if alert is not UNSET:
            field_dict["alert"] = alert
        if channels is not UNSET:
            field_dict["channels"] = channels
        if target is not UNSET:
            field_dict["target"] = target
        if tags is not UNSET:
            field_dict["tags"] = tags
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.alert_payload import AlertPayload  # noqa: PLC0415
        from ..models.channel_target import ChannelTarget  # noqa: PLC0415
        from ..models.live_activity_action import LiveActivityAction  # noqa: PLC0415
        from ..models.metadata import Metadata  # noqa: PLC0415
        from ..models.stream_content_state import StreamContentState  # noqa: PLC0415

        d = dict(src_dict)
        content_state = StreamContentState.from_dict(d.pop("content_state"))

        _action = d.pop("action", UNSET)
        action: LiveActivityAction | Unset
        if isinstance(_action, Unset):
            action = UNSET
        else:
            action = LiveActivityAction.from_dict(_action)

        _secondary_action = d.pop("secondary_action", UNSET)
        secondary_action: LiveActivityAction | Unset
        if isinstance(_secondary_action, Unset):
            secondary_action = UNSET
        else:
            secondary_action = LiveActivityAction.from_dict(_secondary_action)

        _alert = d.pop("alert", UNSET)
        alert: AlertPayload | Unset
        if isinstance(_alert, Unset):
            alert = UNSET
        else:
            alert = AlertPayload.from_dict(_alert)

        channels = cast(list[str], d.pop("channels", UNSET))

        _target = d.pop("target", UNSET)
        target: ChannelTarget | Unset
        if isinstance(_target, Unset):
            target = UNSET
        else:
            target = ChannelTarget.from_dict(_target)

        tags = cast(list[str], d.pop("tags", UNSET))

        _metadata = d.pop("metadata", UNSET)
        metadata: Metadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = Metadata.from_dict(_metadata)

        live_activity_stream_request = cls(
            content_state=content_state,
            action=action,
            secondary_action=secondary_action,
            alert=alert,
            channels=channels,
            target=target,
            tags=tags,
            metadata=metadata,
        )

        return live_activity_stream_request
