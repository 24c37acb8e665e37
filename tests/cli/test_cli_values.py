"""Flag values: the text-to-JSON rules the CLI documents (numbers, metrics, key=value, buttons)."""

from __future__ import annotations

import argparse
import json
import re

import pytest

from activitysmith.cli import _values as v


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("42", 42),
        ("-3", -3),
        ("0", 0),
        ("99.9", 99.9),
        ("1e3", 1000.0),
        ("007", "007"),
        ("1_000", "1_000"),
        (" 5", " 5"),
        ("nan", "nan"),
        ("Infinity", "Infinity"),
        ("1e999", "1e999"),
        ("OK", "OK"),
        ("", ""),
    ],
)
def test_scalar_turns_only_json_numbers_into_numbers(text: str, value: object) -> None:
    assert json.dumps(v.scalar(text)) == json.dumps(value)


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        ("CPU=9%", {"label": "CPU", "value": 9, "unit": "%"}),
        ("Latency=120 ms", {"label": "Latency", "value": 120, "unit": "ms"}),
        ("Memory=4.8GB:orange", {"label": "Memory", "value": 4.8, "unit": "GB", "color": "orange"}),
        ("Requests=1200", {"label": "Requests", "value": 1200}),
        ("Revenue=$2430", {"label": "Revenue", "value": "$2430"}),
        ("Status=OK:green", {"label": "Status", "value": "OK", "color": "green"}),
        ("Uptime=12:30", {"label": "Uptime", "value": "12:30"}),
        ("Ratio=a=b", {"label": "Ratio", "value": "a=b"}),
        ("Build=1.2.3", {"label": "Build", "value": "1.2.3"}),
    ],
)
def test_metric_splits_number_and_unit_and_keeps_other_text(text: str, metric: object) -> None:
    assert json.dumps(v.metric(text)) == json.dumps(metric)


@pytest.mark.parametrize("text", ["CPU", "=9%", "CPU=", " =1"])
def test_metric_without_label_or_value_is_a_usage_error(text: str) -> None:
    with pytest.raises(argparse.ArgumentTypeError, match="expected LABEL=VALUE"):
        v.metric(text)


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("sha=0042", ("sha", "0042")),
        ("url=https://x.example/?a=b", ("url", "https://x.example/?a=b")),
        ("attempt:=3", ("attempt", 3)),
        ("canary:=false", ("canary", False)),
        ("ratio:=0.5", ("ratio", 0.5)),
        ("empty=", ("empty", "")),
    ],
)
def test_key_value_is_text_unless_written_with_colon_equals(text: str, pair: object) -> None:
    assert v.key_value(text) == pair


def test_key_value_with_bad_json_is_a_usage_error() -> None:
    with pytest.raises(argparse.ArgumentTypeError, match="the value of 'n' is not valid JSON"):
        v.key_value("n:=nope")


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("bolt.fill", ("bolt.fill", None)),
        ("bolt.fill:yellow", ("bolt.fill", "yellow")),
        ("SEV-2:red", ("SEV-2", "red")),
        ("ETA 10:30", ("ETA 10:30", None)),
    ],
)
def test_labelled_takes_a_colour_suffix_only_when_it_is_a_colour(text: str, pair: object) -> None:
    assert v.labelled(text) == pair


def test_action_shorthand_is_an_open_url_button() -> None:
    assert v.action("Open logs=https://ci.example/run?id=1") == {
        "title": "Open logs",
        "type": "open_url",
        "url": "https://ci.example/run?id=1",
    }


def test_action_reads_json_inline_and_rejects_other_text() -> None:
    assert v.action('{"title": "Ack", "type": "webhook", "url": "https://h.example"}') == {
        "title": "Ack",
        "type": "webhook",
        "url": "https://h.example",
    }
    with pytest.raises(argparse.ArgumentTypeError, match="expected a JSON object or TITLE=URL"):
        v.action("just words")


def test_json_from_a_missing_file_is_a_usage_error() -> None:
    with pytest.raises(
        argparse.ArgumentTypeError, match=re.escape("cannot read '/no/such/file.json'")
    ):
        v.json_object("@/no/such/file.json")


@pytest.mark.parametrize(("text", "slugs"), [("ops", ["ops"]), (" ops, devs ,", ["ops", "devs"])])
def test_channels_are_comma_separated_slugs(text: str, slugs: list[str]) -> None:
    assert v.channels(text) == slugs


@pytest.mark.parametrize("converter", [v.integer, v.non_negative_integer])
def test_integers_reject_decimals(converter: object) -> None:
    with pytest.raises(argparse.ArgumentTypeError, match="expected a whole number"):
        converter("2.0")  # type: ignore[operator]


def test_positive_number_rejects_zero() -> None:
    with pytest.raises(argparse.ArgumentTypeError, match="greater than 0"):
        v.positive_number("0")
