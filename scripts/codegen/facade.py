"""What the facade adds on top of the spec, chosen by hand: names, positions, ergonomics.

Every field, type, bound and description comes from openapi.yaml; this file only says
which schema each helper builds, which of its fields are positional, and which fields
`progress()` computes itself. A new field in the spec needs no edit here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "ENUM_NAMES",
    "HELPERS",
    "PROGRESS_DRAWN",
    "STREAM_DELETE",
    "STREAM_PUT",
    "TRACK_EXCLUDED",
    "EnumNames",
    "Helper",
]

CONTENT_STATES = "content states"
"""Stands for every schema a request's `content_state` property uses (their union)."""


@dataclass(frozen=True)
class Helper:
    """One builder function of `activitysmith` (e.g. `metric()`), over one schema."""

    name: str
    schema: str
    positional: tuple[str, ...]
    doc: str
    defaults: dict[str, Any] = field(default_factory=dict)
    swapped: tuple[str, str] | None = None
    """Two positional parameters `(a, b)` a caller may give in the order `b, a` (the
    official package's): when `a` holds one of `b`'s enum values and `b` does not, the
    helper swaps them back. The enum makes the order unambiguous."""


HELPERS = (
    Helper(
        "content_state",
        CONTENT_STATES,
        ("title",),
        "A Live Activity content state with exactly the fields given.",
    ),
    Helper(
        "metric",
        "ActivityMetric",
        ("label", "value"),
        'One readout of a `metrics` or `stats` Live Activity, e.g. `metric("CPU", 9, unit="%")`.',
    ),
    Helper(
        "action",
        "LiveActivityAction",
        ("title", "url", "type"),
        'A button: opens `url` (type "open_url") or has ActivitySmith call it (type "webhook").\n\n'
        "The official package's order, `action(title, type, url)`, works too.",
        defaults={"type": "open_url"},
        swapped=("url", "type"),
    ),
    Helper(
        "alert_icon",
        "LiveActivityAlertIcon",
        ("symbol",),
        'An SF Symbol shown on the Live Activity, e.g. `alert_icon("bolt.fill", color="yellow")`.',
    ),
    Helper(
        "alert_badge",
        "LiveActivityAlertBadge",
        ("title",),
        'A short label shown on the Live Activity, e.g. `alert_badge("SEV-2", color="red")`.',
    ),
)


@dataclass(frozen=True)
class EnumNames:
    """A class of constants named after an enum schema's values: `TYPE_METRICS = "metrics"`."""

    name: str
    schema: str
    prefix: str
    doc: str


ENUM_NAMES = (
    EnumNames(
        "LiveActivityTypeNames",
        "LiveActivityType",
        "TYPE_",
        "The Live Activity types as `client.live_activities.TYPE_<NAME>` (the official package's names).",
    ),
)

STREAM_PUT = "reconcileLiveActivityStream"
"""The operation `track()` and `progress()` send updates with."""
STREAM_DELETE = "endLiveActivityStream"
"""The operation that ends their Live Activity."""

TRACK_EXCLUDED = ("content_state", "alert")
"""Stream PUT fields that are not `track()` options: the tracker sends them itself (the
content state it keeps, the alert of a failure)."""

PROGRESS_DRAWN = (
    "title",
    "subtitle",
    "type",
    "number_of_steps",
    "current_step",
    "percentage",
    "value",
    "upper_limit",
    "metrics",
)
"""Content-state fields `progress()` draws from the count; every other one is a style option."""
