"""How long something took, written for a lock screen or a terminal."""

from __future__ import annotations

__all__ = ["format_duration"]


def format_duration(seconds: float, *, stopwatch: bool = False) -> str:
    """`42s`, `3m 05s`, `2h 07m`: short enough for a lock-screen subtitle.

    `stopwatch=True` reads like a stopwatch instead: tenths under ten seconds (`3.2s`) and
    seconds after hours too (`2h 03m 09s`).
    """
    if stopwatch and seconds < 10:
        return f"{max(0.0, seconds):.1f}s"
    total = max(0, int(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}h {minutes:02d}m {secs:02d}s" if stopwatch else f"{hours}h {minutes:02d}m"
    if minutes:
        return f"{minutes}m {secs:02d}s"
    return f"{secs}s"
