"""Live Activities without HTTP: managed streams, the legacy lifecycle and the device limit."""

from __future__ import annotations

import copy
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Literal

from .._generated.examples import LIVE_ACTIVITY_LIMIT
from ._clock import Clock
from ._models import JSON, Device, LiveActivity, Timer
from ._recipients import Directory, Recipients, target_channels
from ._reply import ApiError, bad_request
from ._timestamps import format_timestamp

__all__ = ["LIVE_ACTIVITY_LIMIT", "WHEN_LIMIT_REACHED", "LiveActivityStore", "WhenLimitReached"]

WhenLimitReached = Literal["end_oldest", "reject"]
"""What a start does on a device already at the limit: end that device's oldest Live
Activity to make room (and say so with `ended_activity_id`), or answer 429."""
WHEN_LIMIT_REACHED: tuple[WhenLimitReached, ...] = ("end_oldest", "reject")
MADE_ROOM = "ended to make room for a newer Live Activity on a device at its limit"
"""The `dismiss_reason` of an activity ended by `end_oldest`: it leaves at once."""

_THROTTLE_UPDATES = 12
_THROTTLE_INTERVAL = 120.0

DEFAULT_DISMISSAL_SECONDS = 180.0
"""How long an ended activity stays when the end names no delay (the legacy end's default)."""
MAX_DISMISSAL_SECONDS = 4 * 3600.0
"""iOS removes an ended Live Activity after about four hours at most."""
REPLACED = "replaced by its stream's new activity"
"""The `dismiss_reason` of an activity its stream rotated away from: it leaves at once."""

# Fields each Live Activity type needs when an activity starts.
_REQUIRED_BY_TYPE: dict[str, tuple[str, ...]] = {
    "segmented_progress": ("number_of_steps", "current_step"),
    "metrics": ("metrics",),
    "stats": ("metrics",),
    "alert": ("message",),
    "value": ("value",),
}


def new_activity_id() -> str:
    """A 32-character URL-safe id, shaped like the service's."""
    return secrets.token_urlsafe(24)


@dataclass
class _TimerState:
    """A timer activity's clock: a window that starts, pauses, resumes and resets."""

    counts_down: bool
    duration: float | None
    running: bool
    window_start: float  # server monotonic time the running stretch began
    banked: float = 0.0  # seconds run before the current stretch (pauses split stretches)

    @classmethod
    def begin(cls, state: Mapping[str, JSON], now: float) -> _TimerState:
        duration = state.get("duration_seconds")
        return cls(
            counts_down=bool(state.get("counts_down", True)),
            duration=None if duration is None else float(duration),
            running=bool(state.get("is_running", True)),
            window_start=now,
        )

    def elapsed(self, now: float) -> float:
        running = max(0.0, now - self.window_start) if self.running else 0.0
        # To the microsecond: a difference of two large clock readings carries float noise
        # (570 s on the virtual clock must read 570.0, not 569.9999999999964).
        seconds = round(self.banked + running, 6)
        return seconds if self.duration is None else min(seconds, self.duration)

    def apply(self, sent: Mapping[str, JSON], now: float) -> None:
        """The timer fields an update sent: a new duration resets the window."""
        if "counts_down" in sent:
            self.counts_down = bool(sent["counts_down"])
        if "duration_seconds" in sent:
            duration = sent["duration_seconds"]
            self.duration = None if duration is None else float(duration)
            self.banked, self.window_start = 0.0, now
        if "is_running" in sent:
            self.run(bool(sent["is_running"]), now)

    def run(self, running: bool, now: float) -> None:
        if running and not self.running:
            self.window_start, self.running = now, True
        elif not running and self.running:
            self.banked, self.running = self.elapsed(now), False

    def snapshot(self, now: float) -> Timer:
        return Timer(
            counts_down=self.counts_down,
            running=self.running,
            duration=self.duration,
            elapsed=self.elapsed(now),
        )


@dataclass
class _Activity:
    activity_id: str
    type: str
    stream_key: str | None
    channels: list[str] | None
    recipients: Recipients
    states: list[dict[str, JSON]]
    action: dict[str, JSON] | None
    secondary_action: dict[str, JSON] | None
    alert: dict[str, JSON] | None
    tags: list[str]
    metadata: dict[str, JSON]
    started_at: str
    started_clock: float
    previous_activity_id: str | None = None
    ended_at: str | None = None
    updates: int = 0
    timer: _TimerState | None = None
    dismiss_clock: float | None = None  # server monotonic time it leaves the Lock Screen
    dismiss_at: str | None = None
    dismiss_reason: str | None = None
    made_room_by_ending: str | None = None  # the activity ended to make room for this one

    @property
    def ended(self) -> bool:
        return self.ended_at is not None

    @property
    def state(self) -> dict[str, JSON]:
        return self.states[-1]

    def snapshot(self, now: float) -> LiveActivity:
        return LiveActivity(
            activity_id=self.activity_id,
            type=self.type,
            stream_key=self.stream_key,
            states=tuple(copy.deepcopy(self.states)),
            ended=self.ended,
            action=copy.deepcopy(self.action),
            secondary_action=copy.deepcopy(self.secondary_action),
            alert=copy.deepcopy(self.alert),
            devices=self.recipients.devices,
            effective_channel_slugs=self.recipients.effective_channel_slugs,
            tags=tuple(self.tags),
            metadata=copy.deepcopy(self.metadata),
            started_at=self.started_at,
            ended_at=self.ended_at,
            updates=self.updates,
            previous_activity_id=self.previous_activity_id,
            timer=None if self.timer is None else self.timer.snapshot(now),
            dismiss_at=self.dismiss_at,
            dismissed=self.dismiss_clock is not None and now >= self.dismiss_clock,
            dismiss_reason=self.dismiss_reason,
        )


class LiveActivityStore:
    """Every Live Activity and stream of the account; the caller holds the service lock."""

    def __init__(
        self,
        directory: Directory,
        clock: Clock,
        *,
        limit: int = LIVE_ACTIVITY_LIMIT,
        when_limit_reached: WhenLimitReached = "end_oldest",
    ) -> None:
        if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
            raise ValueError(f"live_activity_limit must be a positive integer, got {limit!r}")
        if when_limit_reached not in WHEN_LIMIT_REACHED:
            raise ValueError(
                f"when_limit_reached must be one of {', '.join(WHEN_LIMIT_REACHED)}, "
                f"got {when_limit_reached!r}"
            )
        self._directory = directory
        self._clock = clock
        self.limit = limit
        self.when_limit_reached = when_limit_reached
        self.reset()

    def reset(self) -> None:
        """Forget every activity and stream."""
        self._activities: dict[str, _Activity] = {}
        self._streams: dict[str, str] = {}

    def snapshots(self) -> list[LiveActivity]:
        """Copies of every activity, oldest first."""
        now = self._clock.monotonic()
        return [activity.snapshot(now) for activity in self._activities.values()]

    def snapshot(self, activity_id: str) -> LiveActivity | None:
        """A copy of one activity, or None."""
        found = self._activities.get(activity_id)
        return None if found is None else found.snapshot(self._clock.monotonic())

    def streams(self) -> dict[str, str]:
        """stream_key -> the activity id it points at."""
        return dict(self._streams)

    # -- managed streams -----------------------------------------------------------

    def put_stream(self, params: Mapping[str, str], body: dict[str, Any]) -> dict[str, Any]:
        """PUT /live-activity/stream/{stream_key}: start, update, rotate or noop."""
        stream_key = params["stream_key"]
        content_state: dict[str, JSON] = body["content_state"]
        channels = _stream_channels(body)
        current = self._live_stream_activity(stream_key)

        if current is None:
            if "type" not in content_state:
                raise bad_request(
                    "content_state.type: required to start a Live Activity for stream "
                    f"{stream_key!r} (no activity is running for it)"
                )
            activity = self._begin(body, channels, stream_key=stream_key)
            return self._stream_answer("started", activity, body)

        new_type = content_state.get("type")
        if new_type is not None and new_type != current.type:
            activity = self._begin(
                body,
                channels if channels is not None else current.channels,
                stream_key=stream_key,
                replacing=current,
            )
            return self._stream_answer("rotated", activity, body)

        merged = {**current.state, **content_state}
        if not self._changes(current, merged, body):
            self._apply_labels(current, body)
            return self._stream_answer("noop", current, body, notified=False)
        self._apply_update(current, merged, body)
        answer = self._stream_answer("updated", current, body)
        elapsed = self._clock.monotonic() - current.started_clock
        if current.updates > _THROTTLE_UPDATES and elapsed / current.updates < _THROTTLE_INTERVAL:
            answer["warning"] = (
                f"This Live Activity has had {current.updates} updates, more than one every "
                "2 minutes on average; iOS may throttle it"
            )
        return answer

    def delete_stream(self, params: Mapping[str, str], body: Any) -> dict[str, Any]:
        """DELETE /live-activity/stream/{stream_key}: end the activity, forget the key."""
        stream_key = params["stream_key"]
        activity_id = self._streams.pop(stream_key, None)
        if activity_id is None:
            raise ApiError(
                404,
                "Live Activity stream not found",
                f"No Live Activity stream with key {stream_key!r}",
            )
        activity = self._activities[activity_id]
        answer: dict[str, Any] = {
            "success": True,
            "operation": "ended",
            "stream_key": stream_key,
            "timestamp": self._clock.timestamp(),
        }
        if activity.ended:
            return {
                **answer,
                "activity_id": None,
                "ignored": True,
                "message": "The stream's Live Activity had already ended",
            }
        self._finish(activity, body if isinstance(body, dict) else {})
        return {
            **answer,
            "activity_id": activity.activity_id,
            "devices_notified": len(activity.recipients.devices),
            "devices_queued": 0,
        }

    def _live_stream_activity(self, stream_key: str) -> _Activity | None:
        activity_id = self._streams.get(stream_key)
        if activity_id is None:
            return None
        activity = self._activities[activity_id]
        return None if activity.ended else activity

    def _stream_answer(
        self, operation: str, activity: _Activity, body: Mapping[str, Any], *, notified: bool = True
    ) -> dict[str, Any]:
        recipients = activity.recipients
        answer: dict[str, Any] = {
            "success": True,
            "operation": operation,
            "stream_key": activity.stream_key,
            "activity_id": activity.activity_id,
            "devices_notified": len(recipients.devices) if notified else 0,
            "users_notified": len(recipients.users) if notified else 0,
            **recipients.slugs_field(),
            "timestamp": self._clock.timestamp(),
        }
        if operation == "rotated":
            answer["previous_activity_id"] = activity.previous_activity_id
        if activity.made_room_by_ending is not None and operation in ("started", "rotated"):
            answer["ended_activity_id"] = activity.made_room_by_ending
        if activity.tags or "tags" in body:
            answer["tags"] = list(activity.tags)
        return answer

    # -- legacy lifecycle ----------------------------------------------------------

    def start(self, _params: Mapping[str, str], body: dict[str, Any]) -> dict[str, Any]:
        """POST /live-activity/start: a legacy activity without a stream."""
        activity = self._begin(body, target_channels(body), stream_key=None)
        answer = {
            "success": True,
            "activity_id": activity.activity_id,
            **activity.recipients.counts(),
            **activity.recipients.slugs_field(),
            "timestamp": activity.started_at,
        }
        if "tags" in body:
            answer["tags"] = list(activity.tags)
        if activity.made_room_by_ending is not None:
            answer["ended_activity_id"] = activity.made_room_by_ending
        return answer

    def update(self, _params: Mapping[str, str], body: dict[str, Any]) -> dict[str, Any]:
        """POST /live-activity/update: new state for a legacy activity id."""
        activity = self._legacy_activity(body["activity_id"])
        if activity.ended:
            raise ApiError(
                400,
                "Live Activity ended",
                f"Live Activity {activity.activity_id!r} has already ended; start a new one",
            )
        merged = {**activity.state, **body["content_state"]}
        self._apply_update(activity, merged, body)
        answer = {
            "success": True,
            "activity_id": activity.activity_id,
            **activity.recipients.counts(),
            "devices_queued": 0,
            "timestamp": self._clock.timestamp(),
        }
        if activity.tags or "tags" in body:
            answer["tags"] = list(activity.tags)
        return answer

    def end(self, _params: Mapping[str, str], body: dict[str, Any]) -> dict[str, Any]:
        """POST /live-activity/end: final state; a second end is ignored."""
        activity = self._legacy_activity(body["activity_id"])
        answer: dict[str, Any] = {
            "success": True,
            "activity_id": activity.activity_id,
            "timestamp": self._clock.timestamp(),
        }
        if activity.ended:
            return {
                **answer,
                "ignored": True,
                "message": "The Live Activity had already ended",
                "devices_notified": 0,
            }
        self._finish(activity, body)
        return {
            **answer,
            "devices_notified": len(activity.recipients.devices),
            "devices_queued": 0,
        }

    def _legacy_activity(self, activity_id: str) -> _Activity:
        activity = self._activities.get(activity_id)
        if activity is None:
            raise ApiError(
                404, "Live Activity not found", f"No Live Activity with id {activity_id!r}"
            )
        return activity

    # -- shared Live Activity steps --------------------------------------------------

    def _begin(
        self,
        body: Mapping[str, Any],
        channels: list[str] | None,
        *,
        stream_key: str | None,
        replacing: _Activity | None = None,
    ) -> _Activity:
        """Start an activity (or the rotated successor of `replacing`) after every check."""
        state = dict(body["content_state"])
        _check_type_fields(state, starting=True)
        recipients = self._directory.resolve(channels)
        moment = self._clock.now()
        ended = self._make_room(recipients.devices, ignore=replacing, at=moment)
        clock = self._clock.monotonic()
        now = format_timestamp(moment)
        activity = _Activity(
            activity_id=new_activity_id(),
            type=state["type"],
            stream_key=stream_key,
            channels=channels,
            recipients=recipients,
            states=[state],
            action=body.get("action"),
            secondary_action=body.get("secondary_action"),
            alert=body.get("alert"),
            tags=list(body.get("tags", replacing.tags if replacing else [])),
            metadata=dict(body.get("metadata", replacing.metadata if replacing else {})),
            started_at=now,
            started_clock=clock,
            timer=_TimerState.begin(state, clock) if state["type"] == "timer" else None,
            made_room_by_ending=ended[0].activity_id if ended else None,
        )
        if replacing is not None:
            # The successor takes its place on the Lock Screen at once.
            self._end(replacing, dismiss_after=0.0, reason=REPLACED, at=moment)
            activity.previous_activity_id = replacing.activity_id
        self._activities[activity.activity_id] = activity
        if stream_key is not None:
            self._streams[stream_key] = activity.activity_id
        return activity

    def _make_room(
        self, devices: Sequence[Device], ignore: _Activity | None, at: datetime
    ) -> list[_Activity]:
        """Keep every targeted device below the limit before a start: end the oldest
        activities shown on full devices (`end_oldest`), or answer 429 (`reject`).

        `ignore` is the activity a rotation replaces (it ends anyway). Returns the
        activities ended, oldest first.
        """
        live = [a for a in self._activities.values() if not a.ended and a is not ignore]
        full = _full_devices(devices, live, self.limit)
        if not full:
            return []
        if self.when_limit_reached == "reject":
            counts = _device_counts(devices, live)
            extra: dict[str, Any] = {}
            if len(full) < len(devices):
                extra = {"blocked_devices": len(full), "targeted_devices": len(devices)}
            raise ApiError(
                429,
                "Live Activity limit reached",
                f"A device can show at most {self.limit} Live Activities at once; "
                "end one before starting another",
                limit=self.limit,
                active=max(counts.values()),
                **extra,
            )
        ended: list[_Activity] = []
        while full:
            oldest = next(a for a in live if full & set(a.recipients.devices))
            self._end(oldest, dismiss_after=0.0, reason=MADE_ROOM, at=at)
            ended.append(oldest)
            live.remove(oldest)
            full = _full_devices(devices, live, self.limit)
        return ended

    @staticmethod
    def _changes(activity: _Activity, merged: Mapping[str, JSON], body: Mapping[str, Any]) -> bool:
        if merged != activity.state:
            return True
        current = {
            "action": activity.action,
            "secondary_action": activity.secondary_action,
            "alert": activity.alert,
        }
        return any(name in body and body[name] != value for name, value in current.items())

    def _apply_update(
        self, activity: _Activity, merged: dict[str, JSON], body: Mapping[str, Any]
    ) -> None:
        _check_type_fields(merged, starting=False)
        activity.type = str(merged.get("type", activity.type))
        activity.states.append(merged)
        activity.updates += 1
        self._update_timer(activity, merged, body.get("content_state") or {})
        for name in ("action", "secondary_action", "alert"):
            if name in body:
                setattr(activity, name, body[name])
        self._apply_labels(activity, body)

    @staticmethod
    def _apply_labels(activity: _Activity, body: Mapping[str, Any]) -> None:
        if "tags" in body:
            activity.tags = list(body["tags"])
        if "metadata" in body:
            activity.metadata = dict(body["metadata"])

    def _update_timer(
        self, activity: _Activity, merged: Mapping[str, JSON], sent: Mapping[str, JSON]
    ) -> None:
        now = self._clock.monotonic()
        if activity.type != "timer":
            activity.timer = None
        elif activity.timer is None:
            activity.timer = _TimerState.begin(merged, now)
        else:
            activity.timer.apply(sent, now)

    def _finish(self, activity: _Activity, body: Mapping[str, Any]) -> None:
        final = body.get("content_state")
        if final is not None:
            merged = {**activity.state, **final}
            _check_type_fields(merged, starting=False)
            activity.states.append(merged)
            self._update_timer(activity, merged, final)
        for name in ("action", "secondary_action", "alert"):
            if name in body:
                setattr(activity, name, body[name])
        self._apply_labels(activity, body)
        delay, reason = _dismissal(final or {})
        self._end(activity, dismiss_after=delay, reason=reason)

    def _end(
        self,
        activity: _Activity,
        *,
        dismiss_after: float,
        reason: str,
        at: datetime | None = None,
    ) -> None:
        """Mark it ended now (or `at`): its timer stops, and it leaves the Lock Screen
        `dismiss_after` seconds later (at most four hours) because of `reason`."""
        now = self._clock.monotonic()
        ended = at or self._clock.now()
        activity.ended_at = format_timestamp(ended)
        if activity.timer is not None:
            activity.timer.run(False, now)
        delay = min(dismiss_after, MAX_DISMISSAL_SECONDS)
        activity.dismiss_clock = now + delay
        # From the same instant as `ended_at`, so the two timestamps differ by the delay exactly.
        activity.dismiss_at = format_timestamp(ended + timedelta(seconds=delay))
        activity.dismiss_reason = reason


def _device_counts(devices: Sequence[Device], live: Sequence[_Activity]) -> dict[Device, int]:
    """How many of the `live` activities each of `devices` shows."""
    counts = dict.fromkeys(devices, 0)
    for activity in live:
        for device in activity.recipients.devices:
            if device in counts:
                counts[device] += 1
    return counts


def _full_devices(devices: Sequence[Device], live: Sequence[_Activity], limit: int) -> set[Device]:
    """The devices among `devices` that already show `limit` of the `live` activities."""
    return {device for device, count in _device_counts(devices, live).items() if count >= limit}


def _dismissal(final: Mapping[str, Any]) -> tuple[float, str]:
    """Seconds an ended activity stays, and the field that says so (`auto_dismiss_seconds`
    wins over `auto_dismiss_minutes`; without either, the default)."""
    for name, unit in (("auto_dismiss_seconds", 1), ("auto_dismiss_minutes", 60)):
        value = final.get(name)
        if isinstance(value, int | float) and not isinstance(value, bool):
            return float(value) * unit, f"{name}: {value}"
    return DEFAULT_DISMISSAL_SECONDS, f"default: {DEFAULT_DISMISSAL_SECONDS / 60:g} minutes"


def _stream_channels(body: Mapping[str, Any]) -> list[str] | None:
    """The stream PUT's channels: top-level `channels` and `target.channels` must agree."""
    top, nested = body.get("channels"), target_channels(body)
    if top is not None and nested is not None and set(top) != set(nested):
        raise bad_request(
            f"channels {top} and target.channels {nested} must match when both are sent",
            error="Invalid channel targeting",
        )
    return list(top) if top is not None else nested


def _check_type_fields(state: Mapping[str, JSON], *, starting: bool) -> None:
    """The per-type rules for Live Activity content that the JSON Schema does not express."""
    kind = state.get("type")
    if starting:
        for name in _REQUIRED_BY_TYPE.get(str(kind), ()):
            if name not in state:
                raise bad_request(f"content_state.{name}: required for type {kind!r}")
        if (
            kind == "progress"
            and "percentage" not in state
            and not {"value", "upper_limit"} <= state.keys()
        ):
            raise bad_request(
                "content_state.percentage: required for type 'progress' "
                "(or send value and upper_limit)"
            )
        if kind == "timer" and "duration_seconds" not in state and state.get("counts_down", True):
            raise bad_request(
                "content_state.duration_seconds: required for a countdown timer "
                "(or send counts_down: false)"
            )
    if kind == "progress" and "percentage" not in state and isinstance(state.get("value"), str):
        raise bad_request("content_state.value: must be a number for type 'progress'")
    steps, step = state.get("number_of_steps"), state.get("current_step")
    if isinstance(steps, int) and isinstance(step, int) and step > steps:
        raise bad_request(
            f"content_state.current_step: {step} is greater than number_of_steps ({steps})"
        )
