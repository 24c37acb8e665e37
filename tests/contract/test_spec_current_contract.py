"""openapi.yaml states the newest facts of the contract: rate-limit headers, budgets per feature,
the two-schema error bodies, tag rules, URL formats and the refused schemes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator

ROOT = Path(__file__).resolve().parents[2]
SPEC: dict[str, Any] = yaml.safe_load((ROOT / "openapi.yaml").read_text())
SCHEMAS: dict[str, Any] = SPEC["components"]["schemas"]

FEATURES = {
    "sendPushNotification": "notifications",
    "replacePushNotification": "notifications",
    "reconcileLiveActivityStream": "live-activities",
    "endLiveActivityStream": "live-activities",
    "startLiveActivity": "live-activities",
    "updateLiveActivity": "live-activities",
    "endLiveActivity": "live-activities",
    "updateMetricValue": "metrics",
    "updateAppIconBadgeCount": "badges",
}
REFUSED = [
    "about",
    "activitysmith",
    "app-prefs",
    "blob",
    "data",
    "file",
    "itms-services",
    "javascript",
    "prefs",
]


def _operations() -> Iterator[dict[str, Any]]:
    for item in SPEC["paths"].values():
        yield from item.values()


OPERATIONS = {op["operationId"]: op for op in _operations()}


def _resolve(node: Any) -> Any:
    while isinstance(node, dict) and "$ref" in node:
        node = SCHEMAS[node["$ref"].rsplit("/", 1)[-1]]
    return node


def _request_schema(operation: str) -> dict[str, Any]:
    body = OPERATIONS[operation].get("requestBody")
    assert body is not None, operation
    schema: dict[str, Any] = _resolve(body["content"]["application/json"]["schema"])
    return schema


def _validator(name: str) -> Draft202012Validator:
    return Draft202012Validator({**SCHEMAS[name], "components": {"schemas": SCHEMAS}})


def test_every_operation_belongs_to_its_feature_with_the_documented_budgets() -> None:
    assert {name: op["x-activitysmith-rate-limit"] for name, op in OPERATIONS.items()} == FEATURES
    limits = SPEC["x-activitysmith-rate-limits"]
    assert limits["window-seconds"] == 60
    assert limits["features"] == {
        "notifications": 60,
        "live-activities": 300,
        "metrics": 300,
        "badges": 60,
    }
    assert limits["per-ip"]["features"] == dict.fromkeys(limits["features"], 600)
    assert limits["policy-names"] == {
        "account": "account:{feature}",
        "per-ip": "public-api-ip:{feature}",
    }


@pytest.mark.parametrize("operation", sorted(FEATURES))
def test_every_response_but_402_carries_both_headers_and_429s_retry_after(operation: str) -> None:
    for status, response in OPERATIONS[operation]["responses"].items():
        headers = response.get("headers", {})
        if status == "402":
            assert not {"RateLimit", "RateLimit-Policy"} & headers.keys(), status
            continue
        assert headers["RateLimit"] == {"$ref": "#/components/headers/RateLimit"}, status
        assert headers["RateLimit-Policy"] == {"$ref": "#/components/headers/RateLimit-Policy"}
        assert ("Retry-After" in headers) is (status == "429"), status


def test_the_headers_are_strings_in_the_drafts_form() -> None:
    headers = SPEC["components"]["headers"]
    assert (
        headers["RateLimit"]["schema"]
        == headers["RateLimit-Policy"]["schema"]
        == {"type": "string"}
    )
    assert re.fullmatch(r'("[a-z-]+:[a-z-]+";r=\d+;t=\d+(, )?)+', headers["RateLimit"]["example"])
    assert headers["Retry-After"]["schema"] == {"type": "integer", "minimum": 0}


@pytest.mark.parametrize(
    "operation",
    [
        "sendPushNotification",
        "replacePushNotification",
        "reconcileLiveActivityStream",
        "startLiveActivity",
    ],
)
def test_the_429_body_is_one_of_two_schemas_with_limit_5_examples(operation: str) -> None:
    content = OPERATIONS[operation]["responses"]["429"]["content"]["application/json"]
    assert content["schema"] == {
        "oneOf": [
            {"$ref": "#/components/schemas/LiveActivityLimitError"},
            {"$ref": "#/components/schemas/RateLimitError"},
        ]
    }
    limited = [e["value"] for e in content["examples"].values() if "limit" in e["value"]]
    assert limited and all(e["limit"] == e["active"] == 5 for e in limited)


def test_the_two_429_bodies_exclude_each_other() -> None:
    rate = {"error": "Rate limit exceeded", "message": "m", "code": "rate_limited"}
    limit = {"error": "Live Activity limit reached", "message": "m", "limit": 5, "active": 5}
    assert _validator("RateLimitError").is_valid(rate)
    assert not _validator("RateLimitError").is_valid(limit)
    assert _validator("LiveActivityLimitError").is_valid(limit)
    assert not _validator("LiveActivityLimitError").is_valid(rate)
    assert SCHEMAS["LiveActivityLimitError"]["required"] == ["error", "message", "limit", "active"]


def test_the_badge_422_is_one_of_two_schemas_told_apart_by_code() -> None:
    content = OPERATIONS["updateAppIconBadgeCount"]["responses"]["422"]["content"]
    assert content["application/json"]["schema"] == {
        "oneOf": [
            {"$ref": "#/components/schemas/AppIconBadgeCountUpdateError"},
            {"$ref": "#/components/schemas/NoRecipientsError"},
        ]
    }
    failed = {"error": "e", "code": "badge_update_failed", "message": "m", "badge": 1}
    assert SCHEMAS["AppIconBadgeCountUpdateError"]["required"] == [
        "error",
        "code",
        "message",
        "badge",
        "devices_updated",
    ]
    assert _validator("AppIconBadgeCountUpdateError").is_valid({**failed, "devices_updated": 0})
    assert not _validator("NoRecipientsError").is_valid({**failed, "devices_updated": 0})
    assert _validator("NoRecipientsError").is_valid({"error": "No recipients", "message": "m"})


def test_the_badge_answer_always_carries_effective_channel_slugs() -> None:
    response = OPERATIONS["updateAppIconBadgeCount"]["responses"]["200"]
    schema = _resolve(response["content"]["application/json"]["schema"])
    assert "effective_channel_slugs" in schema["required"]


def test_bad_request_has_an_optional_code() -> None:
    assert "code" in SCHEMAS["BadRequestError"]["properties"]
    assert "code" not in SCHEMAS["BadRequestError"]["required"]


def _tags_schema(operation: str) -> dict[str, Any]:
    tags: dict[str, Any] = _request_schema(operation)["properties"]["tags"]
    return tags


@pytest.mark.parametrize(
    ("operation", "per_activity"),
    [
        ("sendPushNotification", False),
        ("replacePushNotification", False),
        ("startLiveActivity", True),
        ("reconcileLiveActivityStream", True),
        ("endLiveActivityStream", True),
    ],
)
def test_tags_follow_the_slug_pattern_and_at_most_20_per_activity(
    operation: str, per_activity: bool
) -> None:
    tags = _tags_schema(operation)
    assert tags["items"] == {"$ref": "#/components/schemas/Tag"}
    assert (tags.get("x-activitysmith-max-unique-items") == 20) is per_activity
    tag = SCHEMAS["Tag"]
    assert tag["pattern"] == "^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$"
    assert tag["x-activitysmith-error"] == {"error": "Invalid tags", "code": "invalid_tags"}


def _uri_fields() -> Iterator[tuple[str, str, dict[str, Any]]]:
    for name, schema in SCHEMAS.items():
        for field, prop in schema.get("properties", {}).items():
            if field in {"icon", "redirection", "url", "upgrade_url"}:
                yield name, field, prop


def test_every_url_field_is_format_uri() -> None:
    # A Live Activity's `icon` is an SF Symbol object, not a URL.
    fields = [(n, f, p) for n, f, p in _uri_fields() if _resolve(p).get("type") == "string"]
    assert {(name, field) for name, field, _ in fields} == {
        ("PushNotificationRequest", "icon"),
        ("PushNotificationRequest", "redirection"),
        ("PushNotificationReplaceRequest", "icon"),
        ("PushNotificationReplaceRequest", "redirection"),
        ("PushNotificationAction", "url"),
        ("LiveActivityAction", "url"),
        ("BillingBlockedError", "upgrade_url"),
    }
    for name, field, prop in fields:
        assert _resolve(prop)["format"] == "uri", (name, field)


@pytest.mark.parametrize(
    ("schema", "field"),
    [
        ("PushNotificationRequest", "redirection"),
        ("PushNotificationReplaceRequest", "redirection"),
        ("PushNotificationAction", "url"),
    ],
)
def test_redirections_and_push_action_urls_refuse_the_schemes(schema: str, field: str) -> None:
    assert SCHEMAS[schema]["properties"][field]["not"] == {
        "$ref": "#/components/schemas/RefusedUrlScheme"
    }


def test_the_refused_schemes_are_exactly_the_official_list() -> None:
    refused = Draft202012Validator(SCHEMAS["RefusedUrlScheme"])
    for scheme in REFUSED:
        assert not refused.is_valid("x"), scheme
        assert refused.is_valid(f"{scheme}:x") and refused.is_valid(f"{scheme.upper()}:x")
    for allowed in ("https", "http", "shortcuts", "mailto", "tel", "datadog", "filex"):
        assert not refused.is_valid(f"{allowed}:x"), allowed
    for scheme in REFUSED:
        assert f"{scheme}:" in SCHEMAS["RefusedUrlScheme"]["x-activitysmith-refusal"]
