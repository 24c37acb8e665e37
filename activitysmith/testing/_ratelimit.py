"""The request budgets: a window per feature for the account and for each client IP address.

Each operation spends the budgets of its rate-limit feature, as the spec says
(`x-activitysmith-rate-limit` and `x-activitysmith-rate-limits`, carried by the generated
operation table): first its client address's (`public-api-ip:<feature>`), then, once the key
is known, the account's (`account:<feature>`). A window starts with the first request after
the previous one ended and holds `quota` requests. Every answer reports the policies the
request met in `RateLimit` / `RateLimit-Policy`; a request over a budget gets 429 with
`Retry-After`.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from .._generated.operations import (
    ACCOUNT_POLICY,
    BUDGETS,
    DEFAULT_BUDGET,
    DEFAULT_FEATURE,
    DEFAULT_IP_BUDGET,
    IP_BUDGETS,
    IP_POLICY,
    WINDOW_SECONDS,
)
from ._reply import ApiError, Reply

_FEATURES = frozenset({*BUDGETS, DEFAULT_FEATURE})
_MAX_WINDOWS = 4096
"""Windows kept before the ended ones are dropped (one per client address and feature)."""


def _check_features(names: Mapping[str, int], what: str) -> None:
    unknown = sorted(set(names) - _FEATURES)
    if unknown:
        raise ValueError(
            f"unknown rate-limit feature(s) {', '.join(map(repr, unknown))} in {what}; "
            "the spec's: " + ", ".join(sorted(BUDGETS))
        )


@dataclass(frozen=True)
class RateLimits:
    """Requests allowed per window for each feature (default: the spec's budgets).

    `requests` gives every feature that account budget; `features` sets some by name
    (`{"metrics": 2}`) and wins over `requests`. `per_ip` is the budget of each client
    address: the spec's per feature by default, a number for every feature, a mapping for
    some, or None for no per-address windows. The window is the service's (60 s); tests
    shrink it to exercise a refill.
    """

    requests: int | None = None
    features: Mapping[str, int] = field(default_factory=dict)
    window: float = WINDOW_SECONDS
    per_ip: int | Mapping[str, int] | None = field(default_factory=lambda: dict(IP_BUDGETS))

    def __post_init__(self) -> None:
        _check_features(self.features, "features")
        if isinstance(self.per_ip, Mapping):
            _check_features(self.per_ip, "per_ip")
        if not self.window > 0:
            raise ValueError(f"window must be a positive number of seconds, got {self.window!r}")

    def budget(self, feature: str) -> int:
        """Requests per window allowed for `feature`, per account."""
        if feature in self.features:
            return self.features[feature]
        if self.requests is not None:
            return self.requests
        return BUDGETS.get(feature, DEFAULT_BUDGET)

    def ip_budget(self, feature: str) -> int | None:
        """Requests per window allowed for `feature`, per client address (None: unlimited)."""
        if self.per_ip is None or isinstance(self.per_ip, int):
            return self.per_ip
        return self.per_ip.get(feature, IP_BUDGETS.get(feature, DEFAULT_IP_BUDGET))


@dataclass
class _Window:
    ends: float
    used: int = 0


@dataclass(frozen=True)
class PolicyState:
    """Where one policy stands after a request: what the RateLimit headers report."""

    name: str
    quota: int
    window: float
    remaining: int
    reset: int
    """Whole seconds until the window ends (rounded up)."""


class RequestBudgets:
    """Counts requests per policy and key in fixed windows; thread-safe."""

    def __init__(
        self, limits: RateLimits | None, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._limits = limits
        self._clock = clock
        self._lock = threading.Lock()
        self._windows: dict[tuple[str, str], _Window] = {}

    def meter(self, feature: str, client: str) -> Meter:
        """The budgets one request of `feature` from address `client` goes through."""
        return Meter(self, feature, client)

    def _spend(self, name: str, key: str, quota: int) -> tuple[PolicyState, bool]:
        """Count one request under policy `name` for `key`; its state and whether it fit."""
        assert self._limits is not None
        length = self._limits.window
        with self._lock:
            now = self._clock()
            window = self._windows.get((name, key))
            if window is None or now >= window.ends:
                if len(self._windows) >= _MAX_WINDOWS:
                    self._drop_ended(now)
                window = self._windows[(name, key)] = _Window(now + length)
            fits = window.used < quota
            if fits:
                window.used += 1
            reset = max(1, math.ceil(window.ends - now))
            state = PolicyState(name, quota, length, max(0, quota - window.used), reset)
        return state, fits

    def _drop_ended(self, now: float) -> None:
        for key in [key for key, window in self._windows.items() if now >= window.ends]:
            del self._windows[key]

    def reset(self) -> None:
        """Forget every request counted so far."""
        with self._lock:
            self._windows.clear()


class Meter:
    """One request's way through the budgets, and the headers that report it."""

    def __init__(self, budgets: RequestBudgets, feature: str, client: str) -> None:
        self._budgets = budgets
        self._feature = feature
        self._client = client
        self._states: list[PolicyState] = []

    def spend_ip(self) -> None:
        """Count the request for its client address; 429 when that budget is spent."""
        limits = self._budgets._limits
        quota = None if limits is None else limits.ip_budget(self._feature)
        if quota is not None:
            name = IP_POLICY.format(feature=self._feature)
            self._spend(name, self._client, quota, " from this address")

    def spend_account(self) -> None:
        """Count the request for the account; 429 when that budget is spent."""
        limits = self._budgets._limits
        if limits is not None:
            name = ACCOUNT_POLICY.format(feature=self._feature)
            self._spend(name, "", limits.budget(self._feature), "")

    def _spend(self, name: str, key: str, quota: int, who: str) -> None:
        state, fits = self._budgets._spend(name, key, quota)
        self._states.append(state)
        if not fits:
            raise ApiError(
                429,
                "Rate limit exceeded",
                f"Too many requests{who}: the limit is {quota} per {state.window:g} seconds",
                headers={"Retry-After": str(state.reset), **self.headers()},
                code="rate_limited",
            )

    def headers(self) -> dict[str, str]:
        """`RateLimit` and `RateLimit-Policy` for the policies met so far (none: no headers)."""
        if not self._states:
            return {}
        return {
            "RateLimit": ", ".join(f'"{s.name}";r={s.remaining};t={s.reset}' for s in self._states),
            "RateLimit-Policy": ", ".join(
                f'"{s.name}";q={s.quota};w={_seconds(s.window)}' for s in self._states
            ),
        }

    def stamp(self, reply: Reply) -> Reply:
        """`reply` with the rate-limit headers; a 402 carries none, as the API's."""
        headers = self.headers()
        if reply.status == 402 or not headers:
            return reply
        return Reply(reply.status, reply.body, {**reply.headers, **headers})


def _seconds(window: float) -> str:
    """A window as a structured-field integer, or a decimal for test windows under a second."""
    if float(window).is_integer():
        return str(int(window))
    return f"{window:.3f}".rstrip("0")
