"""The server's compiled request validators: built once, independent of the SDK, and in
agreement with openapi-core on every request schemathesis can think of."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib.resources import as_file, files
from typing import Any
from urllib.parse import quote

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode

from activitysmith.testing._behaviour import Behaviour
from activitysmith.testing._gates import Gates, parse_json
from activitysmith.testing._ratelimit import RequestBudgets
from activitysmith.testing._routes import ROUTES
from activitysmith.testing._validation import SpecValidator, load_spec, spec_validator

JSON_TYPE = [("Content-Type", "application/json")]


def both(
    operation: str,
    path_params: dict[str, str],
    body: bytes,
    headers: list[tuple[str, str]] | None = None,
    query: str = "",
) -> tuple[list[str], list[str]]:
    """(compiled, openapi-core) problems for one request (authenticated, as the app checks)."""
    headers = [("Authorization", "Bearer x"), *(JSON_TYPE if headers is None else headers)]
    method, template = next((m, t) for m, t, op in ROUTES if op == operation)
    path = "/api" + template.format(**{k: quote(v, safe="") for k, v in path_params.items()})
    validator = spec_validator()
    compiled = validator.request_errors(
        operation, path_params, query, headers, body, parse_json(body)
    )
    reference = validator.reference.request_errors(method, path, query, headers, body, path_params)
    return compiled, reference


def _schema() -> Any:
    with as_file(files("activitysmith.testing") / "openapi.yaml") as path:
        return schemathesis.openapi.from_path(path)


OPERATIONS = [result.ok() for result in _schema().get_all_operations()]


def _breaks_an_extension(problem: str) -> bool:
    """Whether every part of `problem` is x-activitysmith-max-unique-items or -max-json-bytes."""
    return all(part.endswith(("different values", "KB allowed")) for part in problem.split("; "))


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda op: op.definition.raw["operationId"])
def test_compiled_validators_agree_with_openapi_core(operation: Any, mode: GenerationMode) -> None:
    operation_id = operation.definition.raw["operationId"]
    checked: list[bool] = []

    @settings(
        max_examples=40,
        deadline=None,
        database=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy(generation_mode=mode))
    def check(case: schemathesis.Case) -> None:
        params = {k: str(v) for k, v in (case.path_parameters or {}).items()}
        if any(not value for value in params.values()):
            return  # an empty path segment never reaches a route
        if isinstance(case.body, bytes):
            body = case.body
        else:
            try:
                body = json.dumps(case.body).encode()
            except TypeError:
                body = b""  # schemathesis's NOT_SET: no body
            if case.body is None and not case.media_type:
                body = b""
        if body and parse_json(body) is None:
            return  # not strict JSON: answered before validation
        headers = [("Content-Type", case.media_type or "application/json")]
        compiled, reference = both(operation_id, params, body, headers)
        assert compiled == reference
        # schemathesis knows JSON Schema, not the spec's counting extensions: a "positive"
        # case may still hold more than 20 different tags (both validators refuse it).
        checked.append(any(not _breaks_an_extension(problem) for problem in compiled))

    check()
    assert checked
    if mode is GenerationMode.POSITIVE:
        assert not any(checked), "valid requests must pass"
    else:
        assert any(checked), "invalid requests must be found"


@pytest.mark.parametrize(
    ("operation", "params", "body", "headers"),
    [
        ("updateAppIconBadgeCount", {}, b"", JSON_TYPE),
        ("endLiveActivityStream", {"stream_key": "k"}, b"", JSON_TYPE),
        ("updateAppIconBadgeCount", {}, b'{"badge": 1}', [("Content-Type", "text/plain")]),
        ("updateAppIconBadgeCount", {}, b'{"badge": 1}', [("Content-Type", "*/*")]),
        ("updateAppIconBadgeCount", {}, b'{"badge": 1}', [("content-type", "APPLICATION/JSON")]),
        ("updateAppIconBadgeCount", {}, b'{"badge": 1}', [("Content-Type", "application/json; x")]),
        ("updateAppIconBadgeCount", {}, b'{"badge": 1}', []),
        ("updateAppIconBadgeCount", {}, b"[1, 2]", JSON_TYPE),
        ("updateAppIconBadgeCount", {}, b'"text"', JSON_TYPE),
        ("updateAppIconBadgeCount", {}, b'{"badge": "1", "x": 2, "target": {}}', JSON_TYPE),
        ("sendPushNotification", {}, b'{"title": 1, "media": "ftp://x", "actions": []}', JSON_TYPE),
        ("reconcileLiveActivityStream", {"stream_key": "bad key"}, b'{"x": 1}', JSON_TYPE),
        ("updateMetricValue", {"key": "A" * 70}, b'{"value": null}', JSON_TYPE),
        ("replacePushNotification", {"notification_id": "n"}, b"{}", JSON_TYPE),
        (
            "startLiveActivity",
            {},
            b'{"content_state": {"title": "x", "type": "nope", "metrics": [{}]}}',
            JSON_TYPE,
        ),
    ],
)
def test_edge_cases_agree_with_openapi_core(
    operation: str, params: dict[str, str], body: bytes, headers: list[tuple[str, str]]
) -> None:
    compiled, reference = both(operation, params, body, headers)

    assert compiled == reference


@given(
    st.dictionaries(
        st.sampled_from(["badge", "target", "channels", "extra"]),
        st.none() | st.booleans() | st.integers() | st.text(max_size=3) | st.lists(st.text()),
        max_size=4,
    )
)
@settings(max_examples=200, deadline=None, database=None)
def test_arbitrary_badge_bodies_agree_with_openapi_core(body: dict[str, Any]) -> None:
    compiled, reference = both("updateAppIconBadgeCount", {}, json.dumps(body).encode())

    assert compiled == reference


def test_every_operation_is_compiled_once_per_process() -> None:
    spec = load_spec()
    in_spec = {
        operation["operationId"]
        for item in spec["paths"].values()
        for operation in item.values()
        if isinstance(operation, dict) and "operationId" in operation
    }

    assert spec_validator() is spec_validator()
    assert spec_validator().operations == in_spec


def test_a_validator_can_be_built_from_any_document() -> None:
    spec = load_spec()
    spec["components"]["schemas"]["AppIconBadgeCountUpdateRequest"]["properties"]["badge"][
        "maximum"
    ] = 9
    validator = SpecValidator(spec)

    problems = validator.request_errors(
        "updateAppIconBadgeCount", {}, "", JSON_TYPE, b'{"badge": 10}', {"badge": 10}
    )

    assert problems == ["badge: 10 is greater than the maximum of 9"]


def test_a_spec_copy_missing_a_routed_operation_is_refused_at_start() -> None:
    spec = load_spec()
    del spec["paths"]["/badge"]

    with pytest.raises(RuntimeError, match=r"no updateAppIconBadgeCount.*make generate"):
        Gates(
            api_key="ask_x",
            service=Behaviour(devices=(), key_channels=None, metrics=(), auto_create_metrics=False),
            limiter=RequestBudgets(None),
            validator=SpecValidator(spec),
        )


def test_the_server_never_uses_the_sdks_own_validation() -> None:
    code = (
        "import sys, httpx\n"
        "from activitysmith.testing import ActivitySmithServer\n"
        "with ActivitySmithServer() as server:\n"
        "    headers = {'Authorization': 'Bearer ' + server.api_key}\n"
        "    ok = httpx.post(server.base_url + '/badge', json={'badge': 1}, headers=headers)\n"
        "    bad = httpx.post(server.base_url + '/badge', json={'badge': -1}, headers=headers)\n"
        "assert (ok.status_code, bad.status_code) == (200, 400), (ok, bad)\n"
        "assert 'activitysmith._rules' not in sys.modules  # the facade's validation engine\n"
        "assert 'openapi_core' not in sys.modules\n"
    )

    subprocess.run([sys.executable, "-c", code], timeout=60, check=True)
