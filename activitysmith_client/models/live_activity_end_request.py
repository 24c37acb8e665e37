from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.content_state_end import ContentStateEnd
    from ..models.live_activity_action import LiveActivityAction
    from ..models.metadata import Metadata


T = TypeVar("T", bound="LiveActivityEndRequest")


class LiveActivityEndRequest:
    """Final state for a Live Activity started with the legacy start call.

    Attributes:
        activity_id (str): Identifier returned by the start call.
        content_state (ContentStateEnd): Final state shown when a legacy activity ends, plus how long it stays visible.
            For type progress, `value` must be a number and `value` and `upper_limit` must be sent together.
        action (LiveActivityAction | Unset): Button shown in the Live Activity. `action` is the primary button on every
            type; `secondary_action` is available on alert, progress, segmented_progress and value. Sending a button on a
            later call sets or replaces it.
        secondary_action (LiveActivityAction | Unset): Button shown in the Live Activity. `action` is the primary button
            on every type; `secondary_action` is available on alert, progress, segmented_progress and value. Sending a
            button on a later call sets or replaces it.
        tags (list[str] | Unset): Final history labels, at most 20 different ones. Omit to keep the current tags, send a
            list to replace them, or `[]` to clear them.
        metadata (Metadata | Unset): Free-form key/value details shown only in ActivitySmith's dashboard and history,
            never on the device. At most 50 entries, keys up to 100 characters, and at most 16 KB of serialized UTF-8 JSON
            in total. On calls that create something (push send, Live Activity start, the first stream PUT) omitting it
            means no metadata. On calls that change something existing (replace, update, end, later stream PUTs, stream
            DELETE) omitting it keeps the stored metadata and an empty object `{}` clears it.
    """

    __slots__ = (
        "activity_id",
        "content_state",
        "action",
        "secondary_action",
        "tags",
        "metadata",
        "__weakref__",
    )
    __match_args__ = (
        "activity_id",
        "content_state",
        "action",
        "secondary_action",
        "tags",
        "metadata",
    )

    activity_id: str
    content_state: ContentStateEnd
    action: LiveActivityAction | Unset
    secondary_action: LiveActivityAction | Unset
    tags: list[str] | Unset
    metadata: Metadata | Unset

    def __init__(
        self,
        activity_id: str,
        content_state: ContentStateEnd,
        action: LiveActivityAction | Unset = UNSET,
        secondary_action: LiveActivityAction | Unset = UNSET,
        tags: list[str] | Unset = UNSET,
        metadata: Metadata | Unset = UNSET,
    ) -> None:
        self.activity_id = activity_id
        self.content_state = content_state
        self.action = action
        self.secondary_action = secondary_action
        self.tags = tags
        self.metadata = metadata

    def __repr__(self) -> str:
        return (
            f"{type(self).__qualname__}("
            f"activity_id={self.activity_id!r}, "
            f"content_state={self.content_state!r}, "
            f"action={self.action!r}, "
            f"secondary_action={self.secondary_action!r}, "
            f"tags={self.tags!r}, "
            f"metadata={self.metadata!r}"
            ")"
        )

    def __eq__(self, other: object) -> bool:
        if (
            not isinstance(other, LiveActivityEndRequest)
            or other.__class__ is not self.__class__
        ):
            return NotImplemented
        return (
            self.activity_id,
            self.content_state,
            self.action,
            self.secondary_action,
            self.tags,
            self.metadata,
        ) == (
            other.activity_id,
            other.content_state,
            other.action,
            other.secondary_action,
            other.tags,
            other.metadata,
        )

    def to_dict(self) -> dict[str, Any]:
        activity_id = self.activity_id

        content_state = self.content_state.to_dict()

        action: dict[str, Any] | Unset = UNSET
        if not isinstance(self.action, Unset):
            action = self.action.to_dict()

        secondary_action: dict[str, Any] | Unset = UNSET
        if not isinstance(self.secondary_action, Unset):
            secondary_action = self.secondary_action.to_dict()

        tags: list[str] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "activity_id": activity_id,
                "content_state": content_state,
            }
        )
        if action is not UNSET:
            field_dict["action"] = action
        if secondary_action is not UNSET:
            field_dict["secondary_action"] = secondary_action
        if tags is not UNSET:
            field_dict["tags"] = tags
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.content_state_end import ContentStateEnd  # noqa: PLC0415
        from ..models.live_activity_action import LiveActivityAction  # noqa: PLC0415
        from ..models.metadata import Metadata  # noqa: PLC0415

        d = dict(src_dict)
        activity_id = d.pop("activity_id")

        content_state = ContentStateEnd.from_dict(d.pop("content_state"))

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

        tags = cast(list[str], d.pop("tags", UNSET))

        _metadata = d.pop("metadata", UNSET)
        metadata: Metadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = Metadata.from_dict(_metadata)

        live_activity_end_request = cls(
            activity_id=activity_id,
            content_state=content_state,
            action=action,
            secondary_action=secondary_action,
            tags=tags,
            metadata=metadata,
        )

        return live_activity_end_request
