"""The validation engine: JSON Schema as the spec writes it, with messages a person can act on."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from activitysmith import ActivitySmith, ValidationError
from activitysmith._generated.operations import OPERATIONS
from activitysmith._operations import build_body
from activitysmith._rules import Checker, compile_schema, ecma_pattern
from activitysmith.testing import ActivitySmithServer

ROOT = Path(__file__).resolve().parents[2]


def _checker(schema: Any) -> Checker:
    def unresolved(name: str) -> Checker:
        raise AssertionError(f"no $ref expected, got {name}")

    return compile_schema(schema, unresolved)


def _refusal(schema: Any, value: Any) -> tuple[str, str] | None:
    try:
        _checker(schema).check(value, "v")
    except ValidationError as exc:
        return exc.field, exc.message
    return None


def _op(operation_id: str) -> Any:
    return next(op for op in OPERATIONS if op.operation_id == operation_id)


def _refused(operation_id: str, body: Any) -> str:
    with pytest.raises(ValidationError) as info:
        build_body(_op(operation_id), None, body)
    return str(info.value)


# --- patterns follow ECMA-262 ------------------------------------------------------------------


def test_dollar_is_the_end_of_the_string_not_before_a_final_newline() -> None:
    assert ecma_pattern(r"^[a-z]+$").search("abc")
    assert not ecma_pattern(r"^[a-z]+$").search("abc\n")
    assert re.search(r"^[a-z]+$", "abc\n")  # what Python alone would accept


def test_digit_and_word_classes_are_ascii_as_in_ecma() -> None:
    assert not ecma_pattern(r"^\d+$").search("١٢٣")  # Arabic-Indic digits
    assert not ecma_pattern(r"^\w+$").search("é")
    assert ecma_pattern(r"^[\d.]+$").search("1.5")
    assert ecma_pattern(r"^\$\d").search("$5")  # an escaped dollar stays a dollar


def test_a_stream_key_with_a_trailing_newline_is_refused_before_sending(
    activitysmith_client: ActivitySmith, activitysmith_server: ActivitySmithServer
) -> None:
    with pytest.raises(ValidationError) as info:
        activitysmith_client.live_activities.stream("deploy\n", content_state={"title": "x"})
    assert info.value.field == "stream_key"
    assert info.value.message == "may contain only letters, digits, '_' and '-'"
    with pytest.raises(ValidationError, match=r"^key: must start with a lowercase"):
        activitysmith_client.metrics.update("revenue.today\n", 1)
    assert activitysmith_server.requests == []


# --- compositions keep readable messages -----------------------------------------------------


@pytest.mark.parametrize(
    ("operation_id", "body", "message"),
    [
        (
            "startLiveActivity",
            {"content_state": {"title": "x", "type": "alert"}},
            "content_state: needs message (when type is 'alert')",
        ),
        (
            "startLiveActivity",
            {"content_state": {"title": "x", "type": "progress"}},
            "content_state: needs percentage or value + upper_limit (when type is 'progress')",
        ),
        (
            "startLiveActivity",
            {"content_state": {"title": "x", "type": "timer"}},
            "content_state: needs duration_seconds or counts_down: false (when type is 'timer')",
        ),
        (
            "startLiveActivity",
            {"content_state": {"title": "x", "type": "segmented_progress", "number_of_steps": 2}},
            "content_state: needs number_of_steps + current_step"
            " (when type is 'segmented_progress')",
        ),
        (
            "reconcileLiveActivityStream",
            {"content_state": {"title": "x", "type": "progress", "value": 3}},
            "content_state.upper_limit: is required when value is set (when type is 'progress')",
        ),
        (
            "reconcileLiveActivityStream",
            {"content_state": {"title": "x", "type": "progress", "value": "3", "upper_limit": 5}},
            "content_state.value: must be a number, got a string '3' (when type is 'progress')",
        ),
        (
            "reconcileLiveActivityStream",
            {
                "content_state": {
                    "title": "x",
                    "type": "segmented_progress",
                    "number_of_steps": 3,
                    "current_step": 4,
                }
            },
            "content_state.current_step: must be <= number_of_steps (3), got 4",
        ),
        (
            "sendPushNotification",
            {
                "title": "x",
                "media": "https://cdn.example.com/a.png",
                "actions": [{"title": "Open", "type": "open_url", "url": "https://x.example"}],
            },
            "media: cannot be combined with actions; send one or the other",
        ),
        (
            "sendPushNotification",
            {"title": "x", "actions": [{"title": "Run", "type": "webhook", "url": "http://h.x"}]},
            "actions[0].url: webhook URLs must use https:// (when type is 'webhook')",
        ),
        (
            "sendPushNotification",
            {"title": "   "},
            "title: must not be empty",
        ),
        (
            "sendPushNotification",
            {"title": "x", "titel": "y"},
            "titel: is not a field of this request (did you mean 'title'?)",
        ),
        (
            "sendPushNotification",
            {"title": "x", "message": None},
            "message: must not be None (leave it out to omit the field)",
        ),
        (
            "reconcileLiveActivityStream",
            {"content_state": {"title": "x"}, "channels": ["a"], "target": {"channels": ["b"]}},
            "channels: must match target.channels when both are given",
        ),
        (
            "reconcileLiveActivityStream",
            {"content_state": {"title": "x", "color": "pink"}},
            "content_state.color: must be one of lime, green, cyan, blue, purple, magenta, red,"
            " orange, yellow, gray; got 'pink'",
        ),
    ],
)
def test_composition_messages_say_what_to_do(
    operation_id: str, body: dict[str, Any], message: str
) -> None:
    assert _refused(operation_id, body) == message


def test_metadata_size_counts_utf8_bytes() -> None:
    import json

    accented = {"note": "é" * 4000, "more": "é" * 4000, "x": "é" * 200}
    text = json.dumps(accented, ensure_ascii=False, separators=(",", ":"))
    assert len(text) < 16384 < len(text.encode())  # fits in characters, not in bytes
    assert _refused("sendPushNotification", {"title": "x", "metadata": accented}) == (
        f"metadata: must be at most 16 KB as JSON, got {len(text.encode())} bytes"
    )
    del accented["x"]
    build_body(_op("sendPushNotification"), None, {"title": "x", "metadata": accented})


def test_metadata_keys_and_entries_follow_the_spec() -> None:
    assert _refused("sendPushNotification", {"title": "x", "metadata": {"k" * 101: 1}}).startswith(
        f"metadata.{'k' * 101}: key must be at most 100 characters"
    )
    many = {str(i): i for i in range(51)}
    assert _refused("sendPushNotification", {"title": "x", "metadata": many}) == (
        "metadata: must have at most 50 entries, got 51"
    )
    assert _refused("sendPushNotification", {"title": "x", "metadata": {"a": [1]}}).startswith(
        "metadata.a: must be a string, a number or true or false"
    )


# --- formats -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        ("2026-01-31T12:00:00Z", True),
        ("2026-01-31T12:00:00.123456789+02:00", True),
        ("2026-01-31t12:00:00z", True),
        ("2026-01-31", False),
        ("2026-13-01T00:00:00Z", False),
        ("2026-01-31T12:00:00", False),
        ("yesterday", False),
        ("2026-01-31T12:00:00Z\n", False),
    ],
)
def test_timestamps_are_rfc3339_date_times(value: str, ok: bool) -> None:
    body = {"value": 1, "timestamp": value}
    if ok:
        build_body(_op("updateMetricValue"), None, body)
    else:
        assert _refused("updateMetricValue", body).startswith("timestamp: must be an RFC 3339")


def test_datetimes_are_sent_as_iso_strings_and_naive_ones_refused() -> None:
    aware = datetime(2026, 1, 31, 12, tzinfo=UTC)
    sent = build_body(_op("updateMetricValue"), None, {"value": 1, "timestamp": aware})
    assert sent == {"value": 1, "timestamp": "2026-01-31T12:00:00+00:00"}
    assert _refused("updateMetricValue", {"value": 1, "timestamp": datetime(2026, 1, 31)}) == (
        "timestamp: must be timezone-aware (e.g. datetime.now(UTC))"
    )


def test_uris_need_a_scheme_and_no_spaces() -> None:
    assert _refused("sendPushNotification", {"title": "x", "media": "https://cdn.x/a b.png"}) == (
        "media: must be an absolute URI with a scheme, got 'https://cdn.x/a b.png'"
    )


# --- the keywords, one by one -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("schema", "value", "refusal"),
    [
        ({"type": "integer"}, 3.0, ("v", "must be an integer, got a number 3.0")),
        ({"type": "integer"}, True, ("v", "must be an integer, got a boolean true")),
        ({"type": "number"}, float("nan"), ("v", "must be a finite number, got nan")),
        ({"type": "number", "exclusiveMaximum": 5}, 5, ("v", "must be less than 5, got 5")),
        ({"type": "number", "multipleOf": 0.5}, 0.7, ("v", "must be a multiple of 0.5, got 0.7")),
        ({"type": "number", "multipleOf": 0.5}, 1.5, None),
        ({"type": ["string", "null"]}, None, None),
        ({"type": ["string", "null"]}, 1, ("v", "must be a string or null, got a number 1")),
        ({"const": 1}, True, ("v", "must be 1, got True")),
        ({"enum": [1, "a"]}, 1.0, None),
        ({"enum": [1, "a"]}, True, ("v", "must be one of 1, a; got True")),
        ({"type": "array", "uniqueItems": True}, [1, 2, 1], ("v[2]", "repeats an earlier item")),
        ({"type": "array", "minItems": 1}, [], ("v", "must have at least 1 item(s), got 0")),
        ({"type": "object", "minProperties": 1}, {}, ("v", "must have at least 1 entries, got 0")),
        (
            {"type": "object", "additionalProperties": {"type": "integer"}},
            {"a": "b"},
            ("v.a", "must be an integer, got a string 'b'"),
        ),
        (
            {"type": "object", "propertyNames": {"pattern": "^[a-z]+$"}},
            {"A": 1},
            ("v.A", "key must match the pattern ^[a-z]+$"),
        ),
        (
            {"type": "object", "additionalProperties": True},
            {"a": {1, 2}},
            ("v.a", "must be a JSON value, got set"),
        ),
        (
            {"oneOf": [{"type": "integer"}, {"minimum": 0}]},
            5,
            ("v", "matches more than one of the allowed forms"),
        ),
        ({"oneOf": [{"type": "integer"}, {"minimum": 0}]}, -5, None),
        ({"anyOf": [{"maxLength": 2}, {"pattern": "^x"}]}, "xyz", None),
        (
            {"anyOf": [{"maxLength": 2}, {"pattern": "^x"}]},
            "abc",
            ("v", "must be at most 2 characters, got 3"),
        ),
        ({"allOf": [{"minimum": 1}, {"maximum": 3}]}, 4, ("v", "must be <= 3, got 4")),
        ({"not": {"type": "string"}}, "a", ("v", "has a form that is not allowed")),
        ({"minLength": 2}, 5, None),  # keywords of one type leave other types alone
        ({"type": "string", "pattern": "^ab"}, "x", ("v", "must start with ab")),
        (False, 1, ("v", "is not allowed here")),
        (True, {"a": [None, 1.5]}, None),
    ],
)
def test_each_keyword(schema: Any, value: Any, refusal: tuple[str, str] | None) -> None:
    assert _refusal(schema, value) == refusal


# --- against a reference validator, on arbitrary input -----------------------------------------

SPEC = yaml.safe_load((ROOT / "openapi.yaml").read_text())
JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 300) | st.floats(-2, 200) | st.text(max_size=5),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3)
    ),
    max_leaves=6,
)
EXTENSION_MESSAGES = ("must be <= number_of_steps", "must not be empty", "as JSON, got")
# Where the engine is deliberately stricter than JSON Schema: an integer is a Python int,
# not 3.0 (the generated models would send it as 3.0).
STRICTER = ("must be an integer, got a number",)


def _agrees(refused: ValidationError | None, spec_accepts: bool) -> bool:
    if refused is None:
        return spec_accepts
    return not spec_accepts or any(t in refused.message for t in EXTENSION_MESSAGES + STRICTER)


def _fields(name: str) -> dict[str, Any]:
    schema = SPEC["components"]["schemas"][name]
    return schema.get("properties", {})


def _bodies(name: str) -> st.SearchStrategy[dict[str, Any]]:
    """Objects made of the schema's own field names (and a stranger), with any JSON values."""
    keys = st.sampled_from([*_fields(name), "stranger"])
    return st.dictionaries(keys, JSON, max_size=5)


@pytest.mark.parametrize(
    ("operation_id", "schema"),
    [
        ("sendPushNotification", "PushNotificationRequest"),
        ("reconcileLiveActivityStream", "LiveActivityStreamRequest"),
        ("startLiveActivity", "LiveActivityStartRequest"),
        ("updateMetricValue", "MetricValueUpdateRequest"),
        ("updateAppIconBadgeCount", "AppIconBadgeCountUpdateRequest"),
    ],
)
def test_the_engine_agrees_with_a_reference_validator(operation_id: str, schema: str) -> None:
    validator = Draft202012Validator(
        {"$ref": f"#/components/schemas/{schema}", "components": SPEC["components"]},
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )
    op = _op(operation_id)

    @settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
    @given(body=_bodies(schema))
    def agree(body: dict[str, Any]) -> None:
        refused: ValidationError | None = None
        try:
            build_body(op, None, body)
        except ValidationError as exc:
            refused = exc
        assert _agrees(refused, validator.is_valid(body)), (body, refused)

    agree()
