"""Request validation before sending: a small declarative schema of the API's request rules.

Runs on the plain JSON-ready dict the facade is about to send; raises ValidationError naming
the field (a dotted path) so that no invalid request ever leaves the machine.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import Any

from ._errors import ValidationError

__all__ = ["REQUESTS", "check_path_param"]

Check = Callable[[Mapping[str, Any], str], None]


def _join(path: str, name: str | int) -> str:
    if isinstance(name, int):
        return f"{path}[{name}]"
    return f"{path}.{name}" if path else name


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, Mapping):
        return "an object"
    if isinstance(value, list | tuple):
        return "an array"
    return type(value).__name__


class Spec:
    """One JSON value's rules."""

    expects = "a value"

    def check(self, value: Any, path: str) -> None:
        raise NotImplementedError


class Str(Spec):
    expects = "a string"

    def __init__(
        self,
        min_len: int | None = None,
        max_len: int | None = None,
        pattern: str | None = None,
        hint: str = "",
    ) -> None:
        self.min_len, self.max_len, self.hint = min_len, max_len, hint
        self.pattern = re.compile(pattern) if pattern else None

    def check(self, value: Any, path: str) -> None:
        if not isinstance(value, str):
            raise ValidationError(path, f"must be a string, got {_kind(value)}")
        if self.min_len is not None and len(value) < self.min_len:
            raise ValidationError(
                path,
                "must not be empty"
                if self.min_len == 1
                else f"must be at least {self.min_len} characters",
            )
        if self.max_len is not None and len(value) > self.max_len:
            raise ValidationError(
                path, f"must be at most {self.max_len} characters, got {len(value)}"
            )
        if self.pattern is not None and not self.pattern.search(value):
            raise ValidationError(path, self.hint or f"must match {self.pattern.pattern}")


class NonBlank(Str):
    """A string with visible content (a notification or Live Activity title)."""

    def check(self, value: Any, path: str) -> None:
        super().check(value, path)
        if not value.strip():
            raise ValidationError(path, "must not be empty")


class Int(Spec):
    expects = "an integer"

    def __init__(self, minimum: int | None = None, maximum: int | None = None) -> None:
        self.minimum, self.maximum = minimum, maximum

    def check(self, value: Any, path: str) -> None:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValidationError(path, f"must be an integer, got {_kind(value)} {value!r}")
        if self.minimum is not None and value < self.minimum:
            raise ValidationError(path, f"must be >= {self.minimum}, got {value}")
        if self.maximum is not None and value > self.maximum:
            raise ValidationError(path, f"must be <= {self.maximum}, got {value}")


class Num(Spec):
    expects = "a number"

    def __init__(
        self,
        minimum: float | None = None,
        maximum: float | None = None,
        above: float | None = None,
    ) -> None:
        self.minimum, self.maximum, self.above = minimum, maximum, above

    def check(self, value: Any, path: str) -> None:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValidationError(path, f"must be a number, got {_kind(value)} {value!r}")
        if isinstance(value, float) and not math.isfinite(value):
            raise ValidationError(path, f"must be a finite number, got {value!r}")
        if self.minimum is not None and value < self.minimum:
            raise ValidationError(path, f"must be >= {self.minimum:g}, got {value!r}")
        if self.maximum is not None and value > self.maximum:
            raise ValidationError(path, f"must be <= {self.maximum:g}, got {value!r}")
        if self.above is not None and value <= self.above:
            raise ValidationError(path, f"must be greater than {self.above:g}, got {value!r}")


class Bool(Spec):
    expects = "a boolean"

    def check(self, value: Any, path: str) -> None:
        if not isinstance(value, bool):
            raise ValidationError(path, f"must be true or false, got {_kind(value)} {value!r}")


class Enum(Spec):
    def __init__(self, *values: str) -> None:
        self.values = values
        self.expects = "one of " + ", ".join(repr(v) for v in values)

    def check(self, value: Any, path: str) -> None:
        if value not in self.values or not isinstance(value, str):
            raise ValidationError(path, f"must be one of {', '.join(self.values)}; got {value!r}")


class Either(Spec):
    """A number or a string (the API's `oneOf` value fields)."""

    def __init__(self, number: Num, string: Str) -> None:
        self.number, self.string = number, string
        self.expects = "a number or a string"

    def check(self, value: Any, path: str) -> None:
        if isinstance(value, str):
            self.string.check(value, path)
        elif isinstance(value, int | float) and not isinstance(value, bool):
            self.number.check(value, path)
        else:
            raise ValidationError(
                path, f"must be a number or a string, got {_kind(value)} {value!r}"
            )


class Arr(Spec):
    expects = "an array"

    def __init__(
        self, item: Spec, min_items: int | None = None, max_items: int | None = None
    ) -> None:
        self.item, self.min_items, self.max_items = item, min_items, max_items

    def check(self, value: Any, path: str) -> None:
        if not isinstance(value, list | tuple):
            raise ValidationError(path, f"must be a list, got {_kind(value)}")
        if self.min_items is not None and len(value) < self.min_items:
            raise ValidationError(
                path, f"must have at least {self.min_items} item(s), got {len(value)}"
            )
        if self.max_items is not None and len(value) > self.max_items:
            raise ValidationError(
                path, f"must have at most {self.max_items} items, got {len(value)}"
            )
        for index, item in enumerate(value):
            self.item.check(item, _join(path, index))


class FreeObject(Spec):
    """Any JSON object (custom payloads and webhook bodies)."""

    expects = "an object"

    def check(self, value: Any, path: str) -> None:
        if not isinstance(value, Mapping):
            raise ValidationError(path, f"must be an object (dict), got {_kind(value)}")
        try:
            json.dumps(value, allow_nan=False)
        except (TypeError, ValueError) as exc:
            raise ValidationError(path, f"must be JSON-serializable: {exc}") from None


class Metadata(Spec):
    """Dashboard-only details: up to 50 entries, 16 KB, keys up to 100 characters."""

    expects = "an object"
    VALUE = Either(Num(), Str(max_len=4000))

    def check(self, value: Any, path: str) -> None:
        if not isinstance(value, Mapping):
            raise ValidationError(path, f"must be an object (dict), got {_kind(value)}")
        if len(value) > 50:
            raise ValidationError(path, f"must have at most 50 entries, got {len(value)}")
        for key, item in value.items():
            if not isinstance(key, str):
                raise ValidationError(path, f"keys must be strings, got {key!r}")
            if len(key) > 100:
                raise ValidationError(_join(path, key), "key must be at most 100 characters")
            if not isinstance(item, bool):
                self.VALUE.check(item, _join(path, key))
        size = len(json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode())
        if size > 16 * 1024:
            raise ValidationError(path, f"must be at most 16 KB as JSON, got {size} bytes")


class Obj(Spec):
    expects = "an object"

    def __init__(
        self,
        fields: Mapping[str, Spec],
        required: Sequence[str] = (),
        checks: Sequence[Check] = (),
    ) -> None:
        self.fields, self.required, self.checks = dict(fields), tuple(required), tuple(checks)

    def extend(
        self,
        fields: Mapping[str, Spec] | None = None,
        required: Sequence[str] | None = None,
        checks: Sequence[Check] = (),
        drop: Sequence[str] = (),
    ) -> Obj:
        merged = {k: v for k, v in self.fields.items() if k not in drop}
        merged.update(fields or {})
        return Obj(
            merged,
            self.required if required is None else required,
            (*self.checks, *checks),
        )

    def check(self, value: Any, path: str) -> None:
        if not isinstance(value, Mapping):
            raise ValidationError(path, f"must be an object (dict), got {_kind(value)}")
        for name in value:
            if name not in self.fields:
                import difflib

                close = difflib.get_close_matches(str(name), self.fields, n=1)
                hint = f" (did you mean {close[0]!r}?)" if close else ""
                raise ValidationError(
                    _join(path, str(name)), f"is not a field of this request{hint}"
                )
        for name in self.required:
            if name not in value:
                raise ValidationError(_join(path, name), "is required")
        for name, item in value.items():
            if item is None:
                raise ValidationError(
                    _join(path, name), "must not be None (leave it out to omit the field)"
                )
            self.fields[name].check(item, _join(path, name))
        for rule in self.checks:
            rule(value, path)


# --- the API's vocabulary --------------------------------------------------------------------

COLORS = ("lime", "green", "cyan", "blue", "purple", "magenta", "red", "orange", "yellow", "gray")
TYPES = ("segmented_progress", "progress", "metrics", "stats", "alert", "timer", "value")
INTERRUPTION_LEVELS = ("passive", "active", "time-sensitive")

STREAM_KEY = Str(1, 255, r"^[A-Za-z0-9_-]+$", "may contain only letters, digits, '_' and '-'")
METRIC_KEY = Str(
    1,
    64,
    r"^[a-z0-9][a-z0-9_.-]{0,63}$",
    "must start with a lowercase letter or digit and contain only a-z, 0-9, '.', '_' and '-'",
)
NOTIFICATION_ID = Str(1)
ACTIVITY_ID = Str(1)

COLOR = Enum(*COLORS)
HTTPS_URL = Str(pattern=r"^https://", hint="must be an https:// URL")
TAGS = Arr(Str(1, 64))
TAGS_MAX_20 = Arr(Str(1, 64), max_items=20)
METADATA = Metadata()
TARGET = Obj({"channels": Arr(Str(1), min_items=1)}, required=["channels"])
ALERT = Obj({"title": Str(), "body": Str()})
ICON = Obj({"symbol": Str(1), "color": COLOR}, required=["symbol"])
BADGE = Obj({"title": Str(1), "color": COLOR}, required=["title"])
METRIC = Obj(
    {
        "label": Str(1),
        "value": Either(Num(minimum=0), Str(1, 64)),
        "unit": Str(),
        "color": COLOR,
    },
    required=["label", "value"],
)


def _action_url_rule(open_url_schemes: str, describe: str) -> Check:
    open_url = re.compile(open_url_schemes)

    def rule(action: Mapping[str, Any], path: str) -> None:
        url = action.get("url", "")
        if action.get("type") == "webhook" and not url.startswith("https://"):
            raise ValidationError(_join(path, "url"), "webhook URLs must use https://")
        if action.get("type") == "open_url" and not open_url.search(url):
            raise ValidationError(_join(path, "url"), f"open_url URLs must be {describe}")

    return rule


_ACTION_FIELDS: dict[str, Spec] = {
    "title": Str(1),
    "type": Enum("open_url", "webhook"),
    "url": Str(1),
    "method": Enum("GET", "POST"),
    "body": FreeObject(),
}
LIVE_ACTIVITY_ACTION = Obj(
    _ACTION_FIELDS,
    required=["title", "type", "url"],
    checks=[_action_url_rule(r"^(https?|shortcuts)://", "http://, https:// or shortcuts:// links")],
)
PUSH_ACTION = Obj(
    _ACTION_FIELDS,
    required=["title", "type", "url"],
    checks=[
        _action_url_rule(r"^[A-Za-z][A-Za-z0-9+.-]*:", "URLs with a scheme (https://, app://...)")
    ],
)


def _steps_in_range(state: Mapping[str, Any], path: str) -> None:
    steps, current = state.get("number_of_steps"), state.get("current_step")
    if isinstance(steps, int) and isinstance(current, int) and current > steps:
        raise ValidationError(
            _join(path, "current_step"), f"must be <= number_of_steps ({steps}), got {current}"
        )


def _progress_value_pairing(state: Mapping[str, Any], path: str) -> None:
    if state.get("type") != "progress":
        return
    if "value" in state and not isinstance(state["value"], int | float):
        raise ValidationError(_join(path, "value"), "must be a number for type 'progress'")
    if "value" in state and "upper_limit" not in state:
        raise ValidationError(_join(path, "upper_limit"), "is required when value is set")
    if "upper_limit" in state and "value" not in state:
        raise ValidationError(_join(path, "value"), "is required when upper_limit is set")


_NEEDS: dict[str, tuple[tuple[str, ...], ...]] = {
    # Each inner tuple is one acceptable set of fields a new activity of that type needs.
    "segmented_progress": (("number_of_steps", "current_step"),),
    "progress": (("percentage",), ("value", "upper_limit")),
    "metrics": (("metrics",),),
    "stats": (("metrics",),),
    "alert": (("message",),),
    "timer": (("duration_seconds",),),
    "value": (("value",),),
}


def _type_fields_present(state: Mapping[str, Any], path: str) -> None:
    kind = state.get("type")
    options = _NEEDS.get(kind) if isinstance(kind, str) else None
    if not options:
        return
    if kind == "timer" and state.get("counts_down") is False:
        return
    if not any(all(name in state for name in option) for option in options):
        wanted = " or ".join(" + ".join(option) for option in options)
        raise ValidationError(path, f"a new {kind!r} Live Activity needs {wanted}")


CONTENT_STATE = Obj(
    {
        "title": NonBlank(),
        "subtitle": Str(),
        "type": Enum(*TYPES),
        "number_of_steps": Int(minimum=1),
        "current_step": Int(minimum=0),
        "percentage": Num(minimum=0, maximum=100),
        "value": Either(Num(), Str()),
        "upper_limit": Num(above=0),
        "duration_seconds": Num(above=0),
        "counts_down": Bool(),
        "is_running": Bool(),
        "metrics": Arr(METRIC, 1, 8),
        "message": Str(1),
        "icon": ICON,
        "badge": BADGE,
        "color": COLOR,
        "step_color": COLOR,
        "step_colors": Arr(COLOR),
    },
    required=["title"],
    checks=[_steps_in_range, _progress_value_pairing],
)
CONTENT_STATE_START = CONTENT_STATE.extend(
    required=["title", "type"], checks=[_type_fields_present]
)
CONTENT_STATE_END = CONTENT_STATE.extend({"auto_dismiss_minutes": Int(minimum=0)})
STREAM_CONTENT_STATE = CONTENT_STATE_END.extend({"auto_dismiss_seconds": Int(minimum=0)})


def _media_xor_actions(body: Mapping[str, Any], path: str) -> None:
    if "media" in body and body.get("actions"):
        raise ValidationError(
            _join(path, "media"), "cannot be combined with actions; send one or the other"
        )


def _channels_match_target(body: Mapping[str, Any], path: str) -> None:
    target = body.get("target")
    if (
        "channels" in body
        and isinstance(target, Mapping)
        and "channels" in target
        and list(target["channels"]) != list(body["channels"])
    ):
        raise ValidationError(
            _join(path, "channels"), "must match target.channels when both are given"
        )


PUSH_REPLACE = Obj(
    {
        "title": NonBlank(),
        "message": Str(),
        "subtitle": Str(),
        "icon": HTTPS_URL,
        "media": HTTPS_URL,
        "redirection": Str(
            1, 2048, r"^[A-Za-z][A-Za-z0-9+.-]*:", "must be a URL with a scheme (https://...)"
        ),
        "actions": Arr(PUSH_ACTION, max_items=4),
        "payload": FreeObject(),
        "badge": Int(),
        "tags": TAGS,
        "metadata": METADATA,
    },
    required=["title"],
    checks=[_media_xor_actions],
)
PUSH_SEND = PUSH_REPLACE.extend(
    {"sound": Str(), "target": TARGET, "interruption_level": Enum(*INTERRUPTION_LEVELS)}
)
_LIVE_ACTIVITY_EXTRAS: dict[str, Spec] = {
    "action": LIVE_ACTIVITY_ACTION,
    "secondary_action": LIVE_ACTIVITY_ACTION,
    "tags": TAGS,
    "metadata": METADATA,
}
STREAM_PUT = Obj(
    {
        "content_state": STREAM_CONTENT_STATE,
        **_LIVE_ACTIVITY_EXTRAS,
        "alert": ALERT,
        "channels": Arr(Str(1), min_items=1),
        "target": TARGET,
    },
    required=["content_state"],
    checks=[_channels_match_target],
)
STREAM_DELETE = Obj(
    {"content_state": STREAM_CONTENT_STATE, **_LIVE_ACTIVITY_EXTRAS, "alert": ALERT}
)
START = Obj(
    {
        "content_state": CONTENT_STATE_START,
        **_LIVE_ACTIVITY_EXTRAS,
        "alert": ALERT,
        "target": TARGET,
    },
    required=["content_state"],
)
UPDATE = Obj(
    {
        "activity_id": ACTIVITY_ID,
        "content_state": CONTENT_STATE,
        **_LIVE_ACTIVITY_EXTRAS,
        "tags": TAGS_MAX_20,
    },
    required=["activity_id", "content_state"],
)
END = UPDATE.extend({"content_state": CONTENT_STATE_END})


class Timestamp(Spec):
    """An ISO 8601 date-time string, or a timezone-aware datetime."""

    expects = "a date-time"

    def check(self, value: Any, path: str) -> None:
        if isinstance(value, datetime):
            if value.tzinfo is None:
                raise ValidationError(path, "must be timezone-aware (e.g. datetime.now(UTC))")
            return
        Str(1).check(value, path)
        from dateutil.parser import isoparse  # imported on first use: keeps `import` fast

        try:
            isoparse(value)
        except (ValueError, OverflowError):
            raise ValidationError(path, f"must be an ISO 8601 date-time, got {value!r}") from None


METRIC_VALUE = Obj(
    {"value": Either(Num(), Str(1, 64)), "timestamp": Timestamp()},
    required=["value"],
)
BADGE_COUNT = Obj({"badge": Int(0, 2147483647), "target": TARGET}, required=["badge"])

REQUESTS: dict[str, Obj] = {
    "send_push_notification": PUSH_SEND,
    "replace_push_notification": PUSH_REPLACE,
    "reconcile_live_activity_stream": STREAM_PUT,
    "end_live_activity_stream": STREAM_DELETE,
    "start_live_activity": START,
    "update_live_activity": UPDATE,
    "end_live_activity": END,
    "update_metric_value": METRIC_VALUE,
    "update_app_icon_badge_count": BADGE_COUNT,
}

PATH_PARAMS: dict[str, Spec] = {
    "stream_key": STREAM_KEY,
    "key": METRIC_KEY,
    "notification_id": NOTIFICATION_ID,
}


def check_path_param(name: str, value: Any) -> None:
    """Validate a path parameter (stream_key, metric key, notification_id)."""
    PATH_PARAMS[name].check(value, name)
