"""Property: any constructor arguments, sync and async, build a client or raise a
`ConfigurationError` naming one of the settings given, and the key is in nothing the SDK
produced (the exception, its repr, the client's repr)."""

from __future__ import annotations

import asyncio
import math
from typing import Any

import httpx
from hypothesis import event, given
from hypothesis import strategies as st

import activitysmith
from activitysmith import ActivitySmith, AsyncActivitySmith
from activitysmith import _errors as errors
from tests.robustness.conftest import KEY, examples
from tests.robustness.strategies import hostile_values

SECRET = KEY[4:]
"""The part of the key that must never show (`ask_` alone is the masked form's prefix)."""


def _mostly(good: st.SearchStrategy[Any], bad: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Three draws in four from `good` (one_of would weigh each of bad's many branches)."""
    return st.integers(0, 3).flatmap(lambda n: good if n else bad)


_KEYS = _mostly(
    st.just(KEY),
    st.sampled_from(["\ufeff", "\u200b", "\x00", "\n", " ", "é", "\ud800", "\x7f"]).flatmap(
        lambda char: st.sampled_from([char + KEY, KEY + char, KEY[:10] + char + KEY[10:]])
    )
    | hostile_values,
)

_URLS = _mostly(
    st.sampled_from(
        [
            "http://127.0.0.1:8787/api",
            "http://[::1]:8787/api",
            "http://localhost/api",
            "https://activitysmith.com/api",
            "http://evil.localhost/api",
            "http://[::1",
            "https://user:pass@example.com/api",
            "https://example.com/api?x=1",
            "https://example.com/api#frag",
            "http://127.0.0.1:99999/api",
            "ftp://example.com",
            "https://exa mple.com",
            f"https://{KEY}@example.com/api",
        ]
    ),
    hostile_values,
)

_SECONDS = _mostly(st.floats(0.001, 100) | st.integers(1, 100), hostile_values)

SETTINGS = st.fixed_dictionaries(
    {"api_key": _KEYS},
    optional={
        "base_url": _URLS,
        "timeout": st.one_of(_SECONDS, st.builds(httpx.Timeout, _SECONDS | st.none())),
        "total_timeout": _SECONDS,
        "max_retries": _mostly(st.integers(-2, 200), hostile_values),
        "default_headers": _mostly(
            st.dictionaries(st.text(max_size=8), st.text(max_size=8), max_size=3)
            | st.just({"Authorization": f"Bearer {KEY}"}),
            hostile_values,
        ),
        "allow_insecure_http": _mostly(st.booleans(), hostile_values),
        "rate_limit": _mostly(
            st.none()
            | st.floats(1e-320, 1e300)
            | st.floats()
            | st.dictionaries(st.sampled_from(["metrics", "badges", "nope"]), _SECONDS, max_size=2),
            hostile_values,
        ),
        "max_response_bytes": _mostly(st.integers(-1, 2**40), hostile_values),
    },
)


def _refused_cleanly(error: errors.ActivitySmithError, settings: dict[str, Any]) -> None:
    """A refusal is a ConfigurationError (or ValidationError) naming a setting that was given,
    without the key."""
    assert isinstance(error, errors.ConfigurationError | errors.ValidationError), repr(error)
    field = getattr(error, "field", None)
    assert field in settings or field == "burst", (field, error)
    assert SECRET not in str(error) and SECRET not in repr(error)
    assert SECRET not in repr(vars(error))
    event(f"refused: {field}")


def _check(build: Any, settings: dict[str, Any]) -> None:
    try:
        client = build(**settings)
    except errors.ActivitySmithError as exc:
        _refused_cleanly(exc, settings)
        return
    event("built")
    try:
        assert SECRET not in repr(client)
        assert SECRET not in repr(client._config)
    finally:
        closing = client.close()
        if asyncio.iscoroutine(closing):
            asyncio.run(closing)


@given(settings=SETTINGS)
@examples(200)
def test_any_sync_constructor_arguments(settings: dict[str, Any]) -> None:
    _check(ActivitySmith, settings)


@given(settings=SETTINGS)
@examples(100)
def test_any_async_constructor_arguments(settings: dict[str, Any]) -> None:
    _check(AsyncActivitySmith, settings)


@given(
    per_minute=st.one_of(st.floats(allow_nan=True), st.integers(-5, 2**2000), hostile_values),
    burst=st.one_of(st.none(), st.integers(-5, 2**70), hostile_values),
)
@examples(100)
def test_any_rate_limiter_arguments(per_minute: Any, burst: Any) -> None:
    try:
        limiter = activitysmith.RateLimiter(per_minute, burst=burst)
    except errors.ConfigurationError as exc:
        _refused_cleanly(exc, {"rate_limit": per_minute, "burst": burst})
        return
    assert all(math.isfinite(rate) and rate > 0 for rate in limiter.budgets.values())
