"""Every example documented in openapi.yaml parses into its generated model and back.

Response examples go through the model the spec names (`from_dict`, `to_dict`) and
through the generated operation's own status dispatch, which must pick that model.
Request examples must survive `from_dict` -> `to_dict`, since that is what the generated
client sends. Date-times are compared as instants: the models re-serialise
`2026-07-20T09:30:00.000Z` as `2026-07-20T09:30:00+00:00`.
"""

from __future__ import annotations

import importlib
import re
from datetime import datetime
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest
import yaml

import activitysmith_client.models as models
from activitysmith_client import Client

SPEC = yaml.safe_load((Path(__file__).resolve().parents[2] / "openapi.yaml").read_text())
SERVER_ERROR_STATUS = 503
"""The status that stands for the spec's `5XX` range."""


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def _module(op: dict[str, Any]) -> ModuleType:
    tag = _snake(op["tags"][0])
    return importlib.import_module(f"activitysmith_client.api.{tag}.{_snake(op['operationId'])}")


def _ref_name(schema: dict[str, Any]) -> str:
    return str(schema["$ref"].rsplit("/", 1)[-1])


def _schema_name(media: dict[str, Any], example: Any = None) -> str:
    """The model a body of `media` parses into: its `$ref`, or for a `oneOf` the first branch
    whose required fields the example has (the order the generated client tries them in)."""
    schema = media["schema"]
    if "$ref" in schema:
        return _ref_name(schema)
    for branch in schema["oneOf"]:
        required = SPEC["components"]["schemas"][_ref_name(branch)].get("required", [])
        if all(name in example for name in required):
            return _ref_name(branch)
    raise AssertionError(f"no branch of {schema} fits {example}")


def _operations() -> list[dict[str, Any]]:
    return [
        op
        for item in SPEC["paths"].values()
        for op in item.values()
        if isinstance(op, dict) and "operationId" in op
    ]


def _response_examples() -> list[Any]:
    found = []
    for op in _operations():
        for status, response in op["responses"].items():
            media = response["content"]["application/json"]
            code = SERVER_ERROR_STATUS if status == "5XX" else int(status)
            for name, example in media.get("examples", {}).items():
                found.append(
                    pytest.param(
                        op,
                        code,
                        _schema_name(media, example["value"]),
                        example["value"],
                        id=f"{op['operationId']}-{status}-{name}",
                    )
                )
    return found


def _request_examples() -> list[Any]:
    found = []
    for op in _operations():
        media = op.get("requestBody", {}).get("content", {}).get("application/json")
        for name, example in (media or {}).get("examples", {}).items():
            found.append(
                pytest.param(
                    _schema_name(media), example["value"], id=f"{op['operationId']}-{name}"
                )
            )
    return found


RESPONSE_EXAMPLES = _response_examples()
REQUEST_EXAMPLES = _request_examples()
_DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")


def _instants(value: Any) -> Any:
    """`value` with every ISO date-time string replaced by the instant it names."""
    if isinstance(value, dict):
        return {key: _instants(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_instants(item) for item in value]
    if isinstance(value, str) and _DATE_TIME.match(value):
        return datetime.fromisoformat(value)
    return value


def test_examples_cover_every_operation_and_documented_status() -> None:
    documented = {
        (op["operationId"], status)
        for op in _operations()
        for status, response in op["responses"].items()
        if response["content"]["application/json"].get("examples")
    }
    assert len(documented) == sum(len(op["responses"]) for op in _operations())
    assert len(RESPONSE_EXAMPLES) >= len(documented) >= 9 * 7
    assert len(REQUEST_EXAMPLES) >= 8


@pytest.mark.parametrize(("op", "status", "schema", "example"), RESPONSE_EXAMPLES)
def test_response_example_parses_into_its_model_and_round_trips(
    op: dict[str, Any], status: int, schema: str, example: dict[str, Any]
) -> None:
    model = getattr(models, schema)

    parsed = model.from_dict(example)

    assert isinstance(parsed, model)
    assert parsed.additional_properties == {}  # every documented field is a known one
    assert _instants(parsed.to_dict()) == _instants(example)


@pytest.mark.parametrize(("op", "status", "schema", "example"), RESPONSE_EXAMPLES)
def test_the_operation_parses_a_documented_answer_into_the_documented_model(
    op: dict[str, Any], status: int, schema: str, example: dict[str, Any]
) -> None:
    answer = httpx.Response(status, json=example)

    built = _module(op)._build_response(client=Client(base_url="http://unused"), response=answer)

    assert type(built.parsed).__name__ == schema
    assert built.status_code == status
    assert built.content == answer.content


@pytest.mark.parametrize(("schema", "example"), REQUEST_EXAMPLES)
def test_request_example_survives_the_model_unchanged(schema: str, example: dict[str, Any]) -> None:
    model = getattr(models, schema)

    assert _instants(model.from_dict(example).to_dict()) == _instants(example)


SUCCESS_MODELS = sorted(
    {_schema_name(op["responses"]["200"]["content"]["application/json"]) for op in _operations()}
)


def _first_example(schema: str) -> dict[str, Any]:
    return next(p.values[3] for p in RESPONSE_EXAMPLES if p.values[2] == schema)


@pytest.mark.parametrize("schema", SUCCESS_MODELS)
def test_success_model_keeps_fields_it_does_not_know(schema: str) -> None:
    model = getattr(models, schema)
    grown = {**_first_example(schema), "region": "eu-1", "quota": {"left": 59, "of": [60]}}

    parsed = model.from_dict(grown)

    assert parsed.additional_properties == {"region": "eu-1", "quota": {"left": 59, "of": [60]}}
    assert parsed["region"] == "eu-1"
    assert _instants(parsed.to_dict()) == _instants(grown)


@pytest.mark.parametrize(
    ("schema", "field"),
    [
        ("LiveActivityStreamPutResponse", "operation"),
        ("LiveActivityStreamDeleteResponse", "operation"),
        ("RateLimitError", "code"),
        ("BillingBlockedError", "error"),
        ("AppIconBadgeCountUpdateError", "code"),
        ("BadRequestError", "code"),
    ],
)
def test_a_response_enum_value_added_later_parses_as_a_plain_string(
    schema: str, field: str
) -> None:
    model = getattr(models, schema)
    example = next(
        p.values[3] for p in RESPONSE_EXAMPLES if p.values[2] == schema and field in p.values[3]
    )

    parsed = model.from_dict({**example, field: "value_from_the_future"})

    value = getattr(parsed, field)
    assert value == "value_from_the_future"
    assert type(value) is str
    assert parsed.to_dict()[field] == "value_from_the_future"
