"""Timestamps in the service's format."""

from __future__ import annotations

from datetime import UTC, datetime


def format_timestamp(moment: datetime) -> str:
    """`moment` in UTC as ISO 8601 with milliseconds and `Z`, e.g. `2026-07-20T09:30:00.000Z`."""
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def utc_timestamp() -> str:
    """Now (real time) in the service's format."""
    return format_timestamp(datetime.now(UTC))
