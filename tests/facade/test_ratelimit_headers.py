"""The RateLimit / RateLimit-Policy parser: the API's form, tolerance, and never an exception."""

from __future__ import annotations

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from activitysmith import RateLimitPolicy, RateLimitState
from activitysmith._ratelimit_headers import MAX_POLICIES, parse_rate_limit

API_EXAMPLE = {
    "RateLimit": '"public-api-ip:notifications";r=599;t=60, "account:notifications";r=59;t=60',
    "RateLimit-Policy": (
        '"public-api-ip:notifications";q=600;w=60, "account:notifications";q=60;w=60'
    ),
}


def test_the_apis_example_reads_as_two_policies_and_the_account_binds() -> None:
    state = parse_rate_limit(httpx.Headers(API_EXAMPLE))

    assert state == RateLimitState(
        (
            RateLimitPolicy("public-api-ip:notifications", 599, 60.0, 600, 60.0),
            RateLimitPolicy("account:notifications", 59, 60.0, 60, 60.0),
        )
    )
    assert (state.policy, state.remaining, state.reset, state.limit, state.window) == (
        "account:notifications",
        59,
        60.0,
        60,
        60.0,
    )
    assert state.get("public-api-ip:notifications") == state.policies[0]
    assert state.get("nope") is None


@pytest.mark.parametrize(
    "header",
    [
        '"account:metrics";r=7;t=12',
        "account:metrics;r=7;t=12",  # a token instead of a string
        '  "account:metrics" ; r = 7 ;t= 12  ',  # spaces around ; and =
        '"account:metrics";r=7;t=12;x-new="a, b";flag',  # parameters it does not know
        '"account:metrics";R=7;T=12',  # keys in capitals
        '"account:metrics";r=7;t=12;r=1',  # a repeated key: the first counts
        '(inner list);r=1, "account:metrics";r=7;t=12',  # a member it cannot read
        '"account:metrics";r=7;t=12, "account:metrics";r=0;t=1',  # a repeated policy
        '"unterminated;r=1, account:metrics;r=7;t=12',  # a string that never ends
        '"account:metrics";r=7;t=12, "unterminated;r=1',
        ',,, "account:metrics";r=7;t=12 ,,',
        '"account:metrics";r=7;t=12.0',
    ],
)
def test_tolerant_forms_read_the_same(header: str) -> None:
    state = parse_rate_limit({"ratelimit": header})

    assert state is not None
    assert state.get("account:metrics") == RateLimitPolicy("account:metrics", 7, 12.0)


def test_unknown_policies_are_kept_and_the_tightest_binds() -> None:
    state = parse_rate_limit(
        {
            "RateLimit": 'burst:metrics;r=3;t=1, "account:metrics";r=3;t=40, weird;t=5',
            "RateLimit-Policy": 'burst:metrics;q=5;w=1, "account:metrics";q=300;w=60',
        }
    )

    assert state is not None
    assert [p.name for p in state.policies] == ["burst:metrics", "account:metrics", "weird"]
    assert state.policy == "account:metrics"  # as few left as burst:metrics, resets later
    assert state.get("weird") == RateLimitPolicy("weird", None, 5.0)


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ("r=-4;t=-1", RateLimitPolicy("p", 0, 0.0)),  # negatives clamp to zero
        ("r=?1;t=?0", RateLimitPolicy("p", None, None)),  # booleans are not numbers
        ('r="5";t=:AAA=:', RateLimitPolicy("p", None, None)),  # strings and bytes neither
        ("r=1234567890123456;t=1", None),  # more than 15 digits: the member is malformed
        ("r=2.9;t=1.5", RateLimitPolicy("p", 2, 1.5)),
    ],
)
def test_odd_values_never_mislead(params: str, expected: RateLimitPolicy | None) -> None:
    state = parse_rate_limit({"RateLimit": f"p;{params}"})

    assert (state.get("p") if state else None) == expected


def test_a_window_must_be_positive() -> None:
    state = parse_rate_limit({"RateLimit": "p;r=1;t=1", "RateLimit-Policy": "p;q=5;w=0"})

    assert state is not None and state.window is None and state.limit == 5


@pytest.mark.parametrize("headers", [{}, {"RateLimit": ""}, {"RateLimit": " , ; = "}])
def test_no_policy_is_no_state(headers: dict[str, str]) -> None:
    assert parse_rate_limit(headers) is None


def test_a_hostile_header_is_bounded() -> None:
    many = ", ".join(f"p{i};r=1;t=1" for i in range(10_000))

    state = parse_rate_limit({"RateLimit": many})

    assert state is not None and len(state.policies) <= MAX_POLICIES


# --- properties -----------------------------------------------------------------------------

_ALPHABET = st.sampled_from(list('abcrtqwAZ09:;,="\\ ?*-.()\t\x00é'))


@settings(max_examples=500, deadline=None)
@given(
    ratelimit=st.text(_ALPHABET, max_size=80) | st.text(max_size=80),
    policy=st.text(_ALPHABET, max_size=80) | st.text(max_size=80),
)
def test_arbitrary_headers_never_raise(ratelimit: str, policy: str) -> None:
    state = parse_rate_limit({"RateLimit": ratelimit, "RateLimit-Policy": policy})

    if state is not None:
        for found in state.policies:
            assert found.name
            assert found.remaining is None or found.remaining >= 0
            assert found.reset is None or found.reset >= 0
            assert found.window is None or found.window > 0
        assert state.binding in state.policies


_NAMES = st.from_regex(r"[a-z][a-z0-9-]{0,10}:[a-z][a-z-]{0,12}", fullmatch=True)
_SPACES = st.sampled_from(["", " ", "  ", "\t"])
_UNKNOWN = st.lists(
    st.tuples(
        st.from_regex(r"[a-z][a-z0-9_]{0,5}", fullmatch=True).filter(
            lambda k: k not in ("r", "t", "q", "w")
        ),
        st.sampled_from(["", "=1", '="x, y; z"', "=tok", "=?1", "=-2.5"]),
    ),
    max_size=2,
)


@st.composite
def _header(draw: st.DrawFn, keys: tuple[str, str]) -> tuple[str, dict[str, tuple[int, int]]]:
    """A well-formed header in any spacing, with unknown parameters, and what it holds."""
    names = draw(st.lists(_NAMES, min_size=1, max_size=4, unique=True))
    values: dict[str, tuple[int, int]] = {}
    members = []
    for name in names:
        first, second = draw(st.integers(0, 10**6)), draw(st.integers(1, 10**5))
        values[name] = (first, second)
        params = [(keys[0], f"={first}"), (keys[1], f"={second}"), *draw(_UNKNOWN)]
        params = draw(st.permutations(params))
        quoted = f'"{name}"' if draw(st.booleans()) else name
        text = quoted + "".join(
            f"{draw(_SPACES)};{draw(_SPACES)}{key}{value}" for key, value in params
        )
        members.append(text)
    joined = "".join(f"{draw(_SPACES)}{m}{draw(_SPACES)}," for m in members)[:-1]
    return joined, values


@settings(max_examples=200, deadline=None)
@given(ratelimit=_header(("r", "t")), policy=_header(("q", "w")))
def test_well_formed_headers_read_back_whatever_the_spacing(
    ratelimit: tuple[str, dict[str, tuple[int, int]]],
    policy: tuple[str, dict[str, tuple[int, int]]],
) -> None:
    state = parse_rate_limit({"RateLimit": ratelimit[0], "RateLimit-Policy": policy[0]})

    assert state is not None
    for name, (remaining, reset) in ratelimit[1].items():
        found = state.get(name)
        assert found is not None
        assert (found.remaining, found.reset) == (remaining, float(reset))
    for name, (quota, window) in policy[1].items():
        found = state.get(name)
        assert found is not None
        assert (found.limit, found.window) == (quota, float(window))
