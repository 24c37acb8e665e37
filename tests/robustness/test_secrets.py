"""The API key never leaves the Authorization header: not in repr, str, logs or exceptions.

It is checked once, when the client is built; a key that could not be sent as a header is a
`ConfigurationError` that describes the problem without quoting the key.
"""

from __future__ import annotations

import logging
import pickle
import traceback
from collections.abc import Iterator

import pytest

import activitysmith
from activitysmith import ActivitySmith, AsyncActivitySmith
from activitysmith import _errors as errors
from tests.robustness.conftest import KEY
from tests.robustness.hostile import Hostile, echo_authorization

SECRET = KEY[len("ask_") :]


@pytest.fixture
def debug_logs(caplog: pytest.LogCaptureFixture) -> Iterator[pytest.LogCaptureFixture]:
    """Every record of the SDK, httpx and httpcore at DEBUG."""
    with (
        caplog.at_level(logging.DEBUG),
        caplog.at_level(logging.DEBUG, logger="httpx"),
        caplog.at_level(logging.DEBUG, logger="httpcore"),
        caplog.at_level(logging.DEBUG, logger="activitysmith"),
    ):
        yield caplog


@pytest.mark.parametrize(
    ("key", "described"),
    [
        (KEY + "\x00", "control character"),
        (KEY[:10] + "\x1b" + KEY[10:], "control character"),
        ("\ufeff" + KEY, "byte-order mark"),
        (KEY[:12] + "\u200b" + KEY[12:], "zero-width space"),
        (KEY[:12] + "é" + KEY[12:], "non-ASCII"),
        (KEY[:12] + " " + KEY[12:], "whitespace"),
        (KEY[:12] + "\t" + KEY[12:], "whitespace"),
        (KEY + "\n" + KEY, "line break"),
        (KEY[:12] + "\u00a0" + KEY[12:], "no-break space"),
        (KEY[:12] + "\ud800" + KEY[12:], "surrogate"),
        ("", "No ActivitySmith API key"),
        ("   ", "No ActivitySmith API key"),
    ],
)
def test_a_key_that_cannot_be_sent_is_refused_without_quoting_it(key: str, described: str) -> None:
    with pytest.raises(errors.ConfigurationError) as info:
        ActivitySmith(key)
    text = "".join(traceback.format_exception(info.value))
    assert described in str(info.value)
    assert SECRET[:6] not in text
    assert repr(key) not in text
    assert info.value.field == "api_key"


def test_the_key_is_checked_once_whatever_the_client() -> None:
    with pytest.raises(errors.ConfigurationError):
        AsyncActivitySmith(KEY + "\x7f")
    with pytest.raises(errors.ConfigurationError):
        activitysmith.ActivitySmith(api_key=b"ask_bytes")  # type: ignore[arg-type]


def test_surrounding_whitespace_from_a_key_file_is_tolerated() -> None:
    client = ActivitySmith(KEY + "\n")
    assert client._config.api_key == KEY
    client.close()


@pytest.mark.parametrize("header", [False, True], ids=["body", "body-and-header"])
def test_a_server_echoing_the_key_never_puts_it_in_an_exception(
    hostile: Hostile, debug_logs: pytest.LogCaptureFixture, header: bool
) -> None:
    hostile.answer(echo_authorization(401, header=header))
    with ActivitySmith(KEY, base_url=hostile.base_url, rate_limit=None) as client:
        with pytest.raises(errors.AuthenticationError) as info:
            client.notifications.send(title="x")
    error = info.value
    assert hostile.requests[0].authorization == f"Bearer {KEY}"  # it was echoed...
    produced = [
        str(error),
        repr(error),
        repr(error.args),
        repr(vars(error)),
        "".join(traceback.format_exception(error)),
        repr(pickle.loads(pickle.dumps(error)).__dict__),
        debug_logs.text,
        repr(client),
    ]
    for text in produced:
        assert SECRET not in text  # ...and scrubbed from everything the SDK made of it
    assert "ask_***" in str(error.body)


def test_an_echoing_success_answer_is_scrubbed_too(hostile: Hostile) -> None:
    hostile.answer(echo_authorization(200))
    with ActivitySmith(KEY, base_url=hostile.base_url, rate_limit=None) as client:
        try:
            outcome: object = client.badge_count(1)
        except errors.APIResponseValidationError as exc:
            outcome = vars(exc)
    assert SECRET not in repr(outcome)


@pytest.mark.parametrize(
    "url",
    [
        "http://evil.localhost/api",
        "http://localhost.evil.example/api",
        "http://127.0.0.1.nip.io/api",
        "http://localhost./api",
        "http://0x7f.1/api",
    ],
)
def test_only_literal_loopback_counts_as_loopback(url: str) -> None:
    with pytest.raises(errors.ConfigurationError, match="plain http"):
        ActivitySmith(KEY, base_url=url)


@pytest.mark.parametrize(
    "url",
    [
        "http://localhost:8787/api",
        "http://127.0.0.1/api",
        "http://127.9.9.9/api",
        "http://[::1]:8080/api",
        "http://LOCALHOST/api",
    ],
)
def test_literal_loopback_is_allowed(url: str) -> None:
    ActivitySmith(KEY, base_url=url).close()


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("https://user:hunter2@api.example.com/api", "credentials"),
        ("https://user@api.example.com/api", "credentials"),
        ("https://api.example.com/api?x=1", "query"),
        ("https://api.example.com/api#frag", "fragment"),
        ("https://api.example.com/api?", "query"),
        ("ftp://api.example.com/api", "http"),
        ("https:///api", "host"),
        ("https://api.example.com/a pi", "whitespace"),
        ("https://api.example.com/api\n", "control"),
    ],
)
def test_strict_base_url(url: str, problem: str) -> None:
    with pytest.raises(errors.ConfigurationError) as info:
        ActivitySmith(KEY, base_url=url)
    assert problem in str(info.value)
    assert "hunter2" not in str(info.value)
    assert info.value.field == "base_url"


def test_loopback_over_plain_http_keeps_working(hostile: Hostile) -> None:
    with ActivitySmith(KEY, base_url=hostile.base_url, rate_limit=None) as client:
        assert client.badge_count(1).get("success") is True
        assert SECRET not in repr(client)
        assert SECRET not in str(client._config)
