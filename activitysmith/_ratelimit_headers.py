"""The `RateLimit` and `RateLimit-Policy` response headers: parsing them, and what they say.

The API reports, on every response but 402, each rate-limit policy the request met, in the
structured-field form of the IETF "RateLimit header fields for HTTP" draft:

    RateLimit: "public-api-ip:notifications";r=599;t=60, "account:notifications";r=59;t=60
    RateLimit-Policy: "public-api-ip:notifications";q=600;w=60, "account:notifications";q=60;w=60

`r` is what remains, `t` the seconds until the window resets, `q` the quota and `w` the
window. The draft is not final, so parsing is tolerant: spaces around `;`, `,` and `=`,
tokens or strings as names, parameters and policies it does not know, missing headers and
garbage all parse to whatever can be read, and nothing here ever raises.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

__all__ = ["RateLimitPolicy", "RateLimitState", "parse_rate_limit"]

MAX_HEADER_CHARS = 8192
"""Longer headers are read up to here: a hostile server cannot make parsing costly."""
MAX_POLICIES = 32
"""Policies kept from one response; the API sends two."""

_TOKEN = re.compile(r"[A-Za-z*][A-Za-z0-9!#$%&'*+\-.^_`|~:/]*")
_KEY = re.compile(r"[A-Za-z*][A-Za-z0-9_\-.*]*")
_NUMBER = re.compile(r"-?[0-9]+(?:\.[0-9]*)?")
_SPACE = " \t"

_Value = int | float | str | bool


@dataclass(frozen=True)
class RateLimitPolicy:
    """One policy of a response: where its budget stands. A value the server did not send is None."""

    name: str
    """E.g. `account:notifications` or `public-api-ip:metrics`."""
    remaining: int | None = None
    """Requests left in the current window (`r`)."""
    reset: float | None = None
    """Seconds until the window resets (`t`)."""
    limit: int | None = None
    """Requests allowed per window (`q`)."""
    window: float | None = None
    """The window's length in seconds (`w`)."""


@dataclass(frozen=True)
class RateLimitState:
    """What a response's rate-limit headers say: every policy, and the one that binds first.

    `remaining`, `reset`, `limit`, `window` and `policy` describe the binding policy: the
    one with the fewest requests left (of equals, the one that resets last).
    """

    policies: tuple[RateLimitPolicy, ...]

    @property
    def binding(self) -> RateLimitPolicy:
        """The policy that runs out first."""
        known = [p for p in self.policies if p.remaining is not None]
        if not known:
            return self.policies[0]
        return min(known, key=lambda p: (p.remaining, -(p.reset or 0.0)))

    @property
    def policy(self) -> str:
        """The binding policy's name, e.g. `account:notifications`."""
        return self.binding.name

    @property
    def remaining(self) -> int | None:
        """Requests left before the binding policy's window resets."""
        return self.binding.remaining

    @property
    def reset(self) -> float | None:
        """Seconds until the binding policy's window resets."""
        return self.binding.reset

    @property
    def limit(self) -> int | None:
        """Requests the binding policy allows per window."""
        return self.binding.limit

    @property
    def window(self) -> float | None:
        """The binding policy's window, in seconds."""
        return self.binding.window

    def get(self, name: str) -> RateLimitPolicy | None:
        """The policy called `name`, if the response reported it."""
        return next((p for p in self.policies if p.name == name), None)


def parse_rate_limit(headers: Mapping[str, str]) -> RateLimitState | None:
    """The state a response's `RateLimit` / `RateLimit-Policy` headers describe (None without any)."""
    limits = _items(_header(headers, "ratelimit"))
    policies = _items(_header(headers, "ratelimit-policy"))
    names = list(dict.fromkeys([*limits, *policies]))[:MAX_POLICIES]
    if not names:
        return None
    found = []
    for name in names:
        state, policy = limits.get(name, {}), policies.get(name, {})
        found.append(
            RateLimitPolicy(
                name=name,
                remaining=_count(state.get("r")),
                reset=_seconds(state.get("t")),
                limit=_count(policy.get("q")),
                window=_seconds(policy.get("w"), positive=True),
            )
        )
    return RateLimitState(tuple(found))


def _header(headers: Mapping[str, str], name: str) -> str:
    try:
        value = headers.get(name)
        if value is None:  # a plain dict, not httpx's case-insensitive headers
            value = next((v for k, v in headers.items() if k.lower() == name), None)
    except Exception:
        return ""
    return value[:MAX_HEADER_CHARS] if isinstance(value, str) else ""


def _count(value: _Value | None) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return None
    return max(0, int(value))


def _seconds(value: _Value | None, *, positive: bool = False) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return None
    if positive and value <= 0:
        return None
    return max(0.0, float(value))


# --- the structured-field list (RFC 8941), read leniently ------------------------------------


def _items(text: str) -> dict[str, dict[str, _Value]]:
    """Name -> parameters of each item of a list; malformed members are skipped."""
    found: dict[str, dict[str, _Value]] = {}
    for name, params in _members(text):
        if name and name not in found and len(found) < MAX_POLICIES:
            found[name] = params
    return found


def _members(text: str) -> Iterator[tuple[str | None, dict[str, _Value]]]:
    i, n = 0, len(text)
    while i < n:
        scanner = _Scanner(text, i)
        try:
            name = scanner.bare_item()
            params = scanner.parameters()
            scanner.skip_space()
            if scanner.i < n and text[scanner.i] != ",":
                raise ValueError("junk after a member")
            yield (name if isinstance(name, str) and name else None), params
            i = scanner.i + 1
        except (ValueError, IndexError):
            # Where the scanner stopped; past an unterminated string's opening quote, so the
            # rest of the header is not taken for that string.
            stop = scanner.i
            i = _after_next_comma(text, stop + 1 if text[stop : stop + 1] == '"' else stop)


def _after_next_comma(text: str, i: int) -> int:
    """The position after the next comma outside a string (the end when there is none)."""
    in_string = False
    while i < len(text):
        char = text[i]
        if in_string:
            if char == "\\":
                i += 1
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char == ",":
            return i + 1
        i += 1
    return len(text)


class _Scanner:
    """Reads one list member from `text` at `i`; raises ValueError on what it cannot read."""

    def __init__(self, text: str, i: int) -> None:
        self.text, self.i = text, i

    def skip_space(self) -> None:
        while self.i < len(self.text) and self.text[self.i] in _SPACE:
            self.i += 1

    def bare_item(self) -> _Value:
        self.skip_space()
        text, i = self.text, self.i
        if i >= len(text):
            raise ValueError("empty member")
        char = text[i]
        if char == '"':
            return self._string()
        if char == "?":
            if text[i + 1 : i + 2] in ("0", "1"):
                self.i = i + 2
                return text[i + 1] == "1"
            raise ValueError("bad boolean")
        if char == ":":
            end = text.find(":", i + 1)
            if end < 0:
                raise ValueError("unterminated byte sequence")
            self.i = end + 1
            return text[i + 1 : end]
        found = _NUMBER.match(text, i)
        if found:
            self.i = found.end()
            number = found.group(0)
            if "." in number:
                return float(number) if number[-1] != "." else float(number[:-1])
            if len(number.lstrip("-")) > 15:  # the draft's limit; no giant numbers either
                raise ValueError("integer too long")
            return int(number)
        found = _TOKEN.match(text, i)
        if found:
            self.i = found.end()
            return found.group(0)
        raise ValueError(f"unexpected {char!r}")

    def _string(self) -> str:
        text, i = self.text, self.i + 1
        out: list[str] = []
        while i < len(text):
            char = text[i]
            if char == "\\":
                out.append(text[i + 1])  # IndexError at the end: malformed
                i += 2
                continue
            if char == '"':
                self.i = i + 1
                return "".join(out)
            out.append(char)
            i += 1
        raise ValueError("unterminated string")

    def parameters(self) -> dict[str, _Value]:
        params: dict[str, _Value] = {}
        while True:
            self.skip_space()
            if self.i >= len(self.text) or self.text[self.i] != ";":
                return params
            self.i += 1
            self.skip_space()
            found = _KEY.match(self.text, self.i)
            if not found:
                raise ValueError("bad parameter key")
            key = found.group(0).lower()
            self.i = found.end()
            self.skip_space()
            value: _Value = True
            if self.i < len(self.text) and self.text[self.i] == "=":
                self.i += 1
                value = self.bare_item()
            params.setdefault(key, value)
