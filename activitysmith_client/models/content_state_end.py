from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from ..models.live_activity_color import LiveActivityColor
from ..models.live_activity_type import LiveActivityType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.activity_metric import ActivityMetric
    from ..models.live_activity_alert_badge import LiveActivityAlertBadge
    from ..models.live_activity_alert_icon import LiveActivityAlertIcon


T = TypeVar("T", bound="ContentStateEnd")


class ContentStateEnd:
    """Final state shown when a legacy activity ends, plus how long it stays visible. For type progress, `value` must be a
    number and `value` and `upper_limit` must be sent together.

        Attributes:
            title (str): Main line of the Live Activity.
            subtitle (str | Unset): Secondary line under the title.
            type_ (LiveActivityType | Unset): Layout of a Live Activity. `segmented_progress` shows numbered steps,
                `progress` a bar (percentage or value/upper_limit), `metrics` and `stats` up to eight labelled values, `alert` a
                short message, `timer` a countdown or elapsed clock and `value` a single headline value.
            number_of_steps (int | Unset): segmented_progress: total number of steps. May go up or down on later calls.
            current_step (int | Unset): segmented_progress: steps completed so far (0 = none yet). Must not exceed
                `number_of_steps`.
            percentage (float | Unset): progress: completion from 0 to 100. Takes precedence over `value`/`upper_limit` when
                both are sent.
            value (float | str | Unset): Value shown by a Live Activity: a string (kept exactly as sent, e.g. `"$1,240"` or
                `"72 ms"`) or a finite number. For type `progress` it must be a number.
            upper_limit (float | Unset): progress: the amount that means 100%; must be greater than 0 and sent together with
                `value`.
            duration_seconds (float | Unset): timer: leave it out to stop the clock where it currently stands as the
                activity ends.
            counts_down (bool | Unset): timer: true counts down from `duration_seconds`, false counts up (elapsed time). The
                server treats an omitted value as true; only send it when you mean it.
            is_running (bool | Unset): timer: false pauses and freezes the timer, true resumes a paused one. The server
                treats an omitted value as true, so only send it when you mean it; resending true on an unrelated update would
                resume a paused timer.
            metrics (list[ActivityMetric] | Unset): metrics and stats: the values to show, 1 to 8 entries.
            message (str | Unset): alert: the message text (required for alert activities).
            icon (LiveActivityAlertIcon | Unset): SF Symbol shown in the Live Activity. Works with every type.
            badge (LiveActivityAlertBadge | Unset): Small text badge shown in the Live Activity. Used by alert, progress,
                segmented_progress and value activities.
            color (LiveActivityColor | Unset): Named colour used for Live Activity accents, segment colours, metric colours
                and icon or badge tints. When no accent is given the app uses blue.
            step_color (LiveActivityColor | Unset): Named colour used for Live Activity accents, segment colours, metric
                colours and icon or badge tints. When no accent is given the app uses blue.
            step_colors (list[LiveActivityColor] | Unset): segmented_progress: colours of the completed steps, in order; its
                length should equal `current_step`.
            auto_dismiss_minutes (int | Unset): Minutes to keep the ended activity visible before it is removed; 0 removes
                it at once. The server uses 3 when omitted. iOS removes ended activities after about four hours at most.
    """

    __slots__ = (
        "title",
        "subtitle",
        "type_",
        "number_of_steps",
        "current_step",
        "percentage",
        "value",
        "upper_limit",
        "duration_seconds",
        "counts_down",
        "is_running",
        "metrics",
        "message",
        "icon",
        "badge",
        "color",
        "step_color",
        "step_colors",
        "auto_dismiss_minutes",
        "__weakref__",
    )
    __match_args__ = (
        "title",
        "subtitle",
        "type_",
        "number_of_steps",
        "current_step",
        "percentage",
        "value",
        "upper_limit",
        "duration_seconds",
        "counts_down",
        "is_running",
        "metrics",
        "message",
        "icon",
        "badge",
        "color",
        "step_color",
        "step_colors",
        "auto_dismiss_minutes",
    )

    title: str
    subtitle: str | Unset
    type_: LiveActivityType | Unset
    number_of_steps: int | Unset
    current_step: int | Unset
    percentage: float | Unset
    value: float | str | Unset
    upper_limit: float | Unset
    duration_seconds: float | Unset
    counts_down: bool | Unset
    is_running: bool | Unset
    metrics: list[ActivityMetric] | Unset
    message: str | Unset
    icon: LiveActivityAlertIcon | Unset
    badge: LiveActivityAlertBadge | Unset
    color: LiveActivityColor | Unset
    step_color: LiveActivityColor | Unset
    step_colors: list[LiveActivityColor] | Unset
    auto_dismiss_minutes: int | Unset

    def __init__(
        self,
        title: str,
        subtitle: str | Unset = UNSET,
        type_: LiveActivityType | Unset = UNSET,
        number_of_steps: int | Unset = UNSET,
        current_step: int | Unset = UNSET,
        percentage: float | Unset = UNSET,
        value: float | str | Unset = UNSET,
        upper_limit: float | Unset = UNSET,
        duration_seconds: float | Unset = UNSET,
        counts_down: bool | Unset = UNSET,
        is_running: bool | Unset = UNSET,
        metrics: list[ActivityMetric] | Unset = UNSET,
        message: str | Unset = UNSET,
        icon: LiveActivityAlertIcon | Unset = UNSET,
        badge: LiveActivityAlertBadge | Unset = UNSET,
        color: LiveActivityColor | Unset = UNSET,
        step_color: LiveActivityColor | Unset = UNSET,
        step_colors: list[LiveActivityColor] | Unset = UNSET,
        auto_dismiss_minutes: int | Unset = UNSET,
    ) -> None:
        self.title = title
        self.subtitle = subtitle
        self.type_ = type_
        self.number_of_steps = number_of_steps
        self.current_step = current_step
        self.percentage = percentage
        self.value = value
        self.upper_limit = upper_limit
        self.duration_seconds = duration_seconds
        self.counts_down = counts_down
        self.is_running = is_running
        self.metrics = metrics
        self.message = message
        self.icon = icon
        self.badge = badge
        self.color = color
        self.step_color = step_color
        self.step_colors = step_colors
        self.auto_dismiss_minutes = auto_dismiss_minutes

    def __repr__(self) -> str:
        return (
            f"{type(self).__qualname__}("
            f"title={self.title!r}, "
            f"subtitle={self.subtitle!r}, "
            f"type_={self.type_!r}, "
            f"number_of_steps={self.number_of_steps!r}, "
            f"current_step={self.current_step!r}, "
            f"percentage={self.percentage!r}, "
            f"value={self.value!r}, "
            f"upper_limit={self.upper_limit!r}, "
            f"duration_seconds={self.duration_seconds!r}, "
            f"counts_down={self.counts_down!r}, "
            f"is_running={self.is_running!r}, "
            f"metrics={self.metrics!r}, "
            f"message={self.message!r}, "
            f"icon={self.icon!r}, "
            f"badge={self.badge!r}, "
            f"color={self.color!r}, "
            f"step_color={self.step_color!r}, "
            f"step_colors={self.step_colors!r}, "
            f"auto_dismiss_minutes={self.auto_dismiss_minutes!r}"
            ")"
        )

    def __eq__(self, other: object) -> bool:
        if (
            not isinstance(other, ContentStateEnd)
            or other.__class__ is not self.__class__
        ):
            return NotImplemented
        return (
            self.title,
            self.subtitle,
            self.type_,
            self.number_of_steps,
            self.current_step,
            self.percentage,
            self.value,
            self.upper_limit,
            self.duration_seconds,
            self.counts_down,
            self.is_running,
            self.metrics,
            self.message,
            self.icon,
            self.badge,
            self.color,
            self.step_color,
            self.step_colors,
            self.auto_dismiss_minutes,
        ) == (
            other.title,
            other.subtitle,
            other.type_,
            other.number_of_steps,
            other.current_step,
            other.percentage,
            other.value,
            other.upper_limit,
            other.duration_seconds,
            other.counts_down,
            other.is_running,
            other.metrics,
            other.message,
            other.icon,
            other.badge,
            other.color,
            other.step_color,
            other.step_colors,
            other.auto_dismiss_minutes,
        )

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        subtitle = self.subtitle

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        number_of_steps = self.number_of_steps

        current_step = self.current_step

        percentage = self.percentage

        value: float | str | Unset
        if isinstance(self.value, Unset):
            value = UNSET
        else:
            value = self.value

        upper_limit = self.upper_limit

        duration_seconds = self.duration_seconds

        counts_down = self.counts_down

        is_running = self.is_running

        metrics: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.metrics, Unset):
            metrics = []
            for metrics_item_data in self.metrics:
                metrics_item = metrics_item_data.to_dict()
                metrics.append(metrics_item)

        message = self.message

        icon: dict[str, Any] | Unset = UNSET
        if not isinstance(self.icon, Unset):
            icon = self.icon.to_dict()

        badge: dict[str, Any] | Unset = UNSET
        if not isinstance(self.badge, Unset):
            badge = self.badge.to_dict()

        color: str | Unset = UNSET
        if not isinstance(self.color, Unset):
            color = self.color.value

        step_color: str | Unset = UNSET
        if not isinstance(self.step_color, Unset):
            step_color = self.step_color.value

        step_colors: list[str] | Unset = UNSET
        if not isinstance(self.step_colors, Unset):
            step_colors = []
            for step_colors_item_data in self.step_colors:
                step_colors_item = step_colors_item_data.value
                step_colors.append(step_colors_item)

        auto_dismiss_minutes = self.auto_dismiss_minutes

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "title": title,
            }
        )
        if subtitle is not UNSET:
            field_dict["subtitle"] = subtitle
        if type_ is not UNSET:
            field_dict["type"] = type_
        if number_of_steps is not UNSET:
            field_dict["number_of_steps"] = number_of_steps
        if current_step is not UNSET:
            field_dict["current_step"] = current_step
        if percentage is not UNSET:
            field_dict["percentage"] = percentage
        if value is not UNSET:
            field_dict["value"] = value
        if upper_limit is not UNSET:
            field_dict["upper_limit"] = upper_limit
        if duration_seconds is not UNSET:
            field_dict["duration_seconds"] = duration_seconds
        if counts_down is not UNSET:
            field_dict["counts_down"] = counts_down
        if is_running is not UNSET:
            field_dict["is_running"] = is_running
        if metrics is not UNSET:
            field_dict["metrics"] = metrics
        if message is not UNSET:
            field_dict["message"] = message
        if icon is not UNSET:
            field_dict["icon"] = icon
        if badge is not UNSET:
            field_dict["badge"] = badge
        if color is not UNSET:
            field_dict["color"] = color
        if step_color is not UNSET:
            field_dict["step_color"] = step_color
        if step_colors is not UNSET:
            field_dict["step_colors"] = step_colors
        if auto_dismiss_minutes is not UNSET:
            field_dict["auto_dismiss_minutes"] = auto_dismiss_minutes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.activity_metric import ActivityMetric  # noqa: PLC0415
        from ..models.live_activity_alert_badge import LiveActivityAlertBadge  # noqa: PLC0415
        from ..models.live_activity_alert_icon import LiveActivityAlertIcon  # noqa: PLC0415

        d = dict(src_dict)
        title = d.pop("title")

        subtitle = d.pop("subtitle", UNSET)

        _type_ = d.pop("type", UNSET)
        type_: LiveActivityType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = LiveActivityType(_type_)

        number_of_steps = d.pop("number_of_steps", UNSET)

        current_step = d.pop("current_step", UNSET)

        percentage = d.pop("percentage", UNSET)

        def _parse_value(data: object) -> float | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(float | str | Unset, data)

        value = _parse_value(d.pop("value", UNSET))

        upper_limit = d.pop("upper_limit", UNSET)

        duration_seconds = d.pop("duration_seconds", UNSET)

        counts_down = d.pop("counts_down", UNSET)

        is_running = d.pop("is_running", UNSET)

        _metrics = d.pop("metrics", UNSET)
        metrics: list[ActivityMetric] | Unset = UNSET
        if _metrics is not UNSET:
            metrics = []
            for metrics_item_data in _metrics:
                metrics_item = ActivityMetric.from_dict(metrics_item_data)

                metrics.append(metrics_item)

        message = d.pop("message", UNSET)

        _icon = d.pop("icon", UNSET)
        icon: LiveActivityAlertIcon | Unset
        if isinstance(_icon, Unset):
            icon = UNSET
        else:
            icon = LiveActivityAlertIcon.from_dict(_icon)

        _badge = d.pop("badge", UNSET)
        badge: LiveActivityAlertBadge | Unset
        if isinstance(_badge, Unset):
            badge = UNSET
        else:
            badge = LiveActivityAlertBadge.from_dict(_badge)

        _color = d.pop("color", UNSET)
        color: LiveActivityColor | Unset
        if isinstance(_color, Unset):
            color = UNSET
        else:
            color = LiveActivityColor(_color)

        _step_color = d.pop("step_color", UNSET)
        step_color: LiveActivityColor | Unset
        if isinstance(_step_color, Unset):
            step_color = UNSET
        else:
            step_color = LiveActivityColor(_step_color)

        _step_colors = d.pop("step_colors", UNSET)
        step_colors: list[LiveActivityColor] | Unset = UNSET
        if _step_colors is not UNSET:
            step_colors = []
            for step_colors_item_data in _step_colors:
                step_colors_item = LiveActivityColor(step_colors_item_data)

                step_colors.append(step_colors_item)

        auto_dismiss_minutes = d.pop("auto_dismiss_minutes", UNSET)

        content_state_end = cls(
            title=title,
            subtitle=subtitle,
            type_=type_,
            number_of_steps=number_of_steps,
            current_step=current_step,
            percentage=percentage,
            value=value,
            upper_limit=upper_limit,
            duration_seconds=duration_seconds,
            counts_down=counts_down,
            is_running=is_running,
            metrics=metrics,
            message=message,
            icon=icon,
            badge=badge,
            color=color,
            step_color=step_color,
            step_colors=step_colors,
            auto_dismiss_minutes=auto_dismiss_minutes,
        )

        return content_state_end
