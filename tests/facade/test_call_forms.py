"""How the extra call forms are derived: request objects, top-level content-state fields, aliases."""

from __future__ import annotations

import contextlib
import inspect
import typing
from collections.abc import Mapping
from typing import Any

import pydantic
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from activitysmith import ActivitySmith, AsyncActivitySmith, ValidationError, _call_forms
from activitysmith._call_forms import call_body, liftable_fields, operation_alias
from activitysmith._generated import params as generated_params
from activitysmith._generated.operations import (
    OPERATIONS,
    RECONCILE_LIVE_ACTIVITY_STREAM,
    SEND_PUSH_NOTIFICATION,
    START_LIVE_ACTIVITY,
)
from activitysmith._generated.schemas import SCHEMAS
from activitysmith._operations import Operation, build_body
from activitysmith.testing import ActivitySmithServer

# -- request objects ------------------------------------------------------------------------


class ToDict:
    """An object that writes itself as a dict, like OpenAPI-Generator's and attrs models."""

    def __init__(self, **data: Any) -> None:
        self.data = data

    def to_dict(self) -> dict[str, Any]:
        return dict(self.data)


class Broken:
    def to_dict(self) -> dict[str, Any]:
        raise RuntimeError("half-built")


class Metric(pydantic.BaseModel):
    label: str
    value: int
    unit: str | None = None


class State(pydantic.BaseModel):
    title: str
    type: str = "metrics"
    metrics: list[Metric] = []


def test_a_request_object_is_sent_as_its_dict(
    activitysmith_client: ActivitySmith, activitysmith_server: ActivitySmithServer
) -> None:
    activitysmith_client.notifications.send(ToDict(title="Deploy", message="v42"))
    activitysmith_client.live_activities.stream(
        "web", ToDict(content_state=ToDict(title="Web", type="progress", percentage=5))
    )

    assert [r.body for r in activitysmith_server.requests] == [
        b'{"title":"Deploy","message":"v42"}',
        b'{"content_state":{"title":"Web","type":"progress","percentage":5}}',
    ]


def test_pydantic_models_send_only_the_fields_set(
    activitysmith_client: ActivitySmith, activitysmith_server: ActivitySmithServer
) -> None:
    """pydantic (here the one openapi-python-client installs) as a stand-in for any models."""
    state = State(title="Server Health", type="metrics", metrics=[Metric(label="CPU", value=9)])

    activitysmith_client.live_activities.stream("web", content_state=state)
    activitysmith_client.live_activities.stream(
        "web", metrics=[Metric(label="CPU", value=7, unit="%")], title="Server Health"
    )

    # `unit` keeps its model default (None) out: it was not set.
    assert [r.body for r in activitysmith_server.requests] == [
        b'{"content_state":{"title":"Server Health","type":"metrics",'
        b'"metrics":[{"label":"CPU","value":9}]}}',
        # Top-level fields move into content_state in the order they were given.
        b'{"content_state":{"metrics":[{"label":"CPU","value":7,"unit":"%"}],"title":"Server Health"}}',
    ]


class Wrapped:
    """A one-of wrapper like OpenAPI-Generator's `MetricValueUpdateRequestValue(42)`: its
    `to_dict()` is the plain value it holds."""

    def __init__(self, value: Any) -> None:
        self.actual_instance = value

    def to_dict(self) -> Any:
        return self.actual_instance


def test_model_requests_and_wrapped_values_reach_the_wire_as_set(
    activitysmith_client: ActivitySmith, activitysmith_server: ActivitySmithServer
) -> None:
    """The metric and metadata forms of the official package's models (the official
    package wraps plain values in one-of models before it sends them)."""
    ts = "2026-03-19T08:30:00+00:00"
    activitysmith_client.metrics.update("uptime", ToDict(value=Wrapped(42)))
    activitysmith_client.metrics.update("uptime", ToDict(value=Wrapped(7), timestamp="x"), ts)
    activitysmith_client.metrics.update_metric_value(
        "prod.status", metric_value_update_request=ToDict(value=Wrapped("healthy"))
    )
    activitysmith_client.notifications.send(
        title="Paid", metadata={"customer": Wrapped("cus_1"), "seats": Wrapped(3)}
    )
    activitysmith_client.live_activities.stream(
        "web", title="Web", type="value", value=Wrapped(3), upper_limit=10
    )

    assert [r.body for r in activitysmith_server.requests] == [
        b'{"value":42}',
        b'{"value":7,"timestamp":"2026-03-19T08:30:00+00:00"}',  # the argument wins
        b'{"value":"healthy"}',
        b'{"title":"Paid","metadata":{"customer":"cus_1","seats":3}}',
        b'{"content_state":{"title":"Web","type":"value","value":3,"upper_limit":10}}',
    ]


@pytest.mark.parametrize(
    ("call", "field", "message"),
    [
        (lambda c: c.notifications.send(Broken()), "request", "to_dict() failed: half-built"),
        (
            lambda c: c.live_activities.stream("k", content_state=Broken()),
            "content_state",
            "to_dict() failed",
        ),
        (
            lambda c: c.live_activities.stream("k", title="x", metrics=[Broken()]),
            "metrics[0]",
            "to_dict() failed",
        ),
        (lambda c: c.notifications.send(3.5), "request", "must be a dict or a model object"),
        (lambda c: c.notifications.send(ToDict(title=object())), "title", "must be a string"),
    ],
)
def test_bad_request_objects_name_where_they_are(
    activitysmith_client: ActivitySmith,
    activitysmith_server: ActivitySmithServer,
    call: Any,
    field: str,
    message: str,
) -> None:
    with pytest.raises(ValidationError) as info:
        call(activitysmith_client)
    assert info.value.field == field
    assert message in info.value.message
    assert activitysmith_server.requests == []


def test_plain_arguments_are_passed_on_without_copies() -> None:
    request = {"title": "x", "actions": [{"title": "a", "url": "https://a.example"}]}
    fields = {"tags": ["t"]}

    params, keywords = call_body(SEND_PUSH_NOTIFICATION, request, fields)

    assert params is request
    assert keywords is fields


# -- top-level content-state fields ---------------------------------------------------------


def test_the_liftable_names_are_the_content_states_fields_minus_the_requests() -> None:
    for op in OPERATIONS:
        body = SCHEMAS[op.request["$ref"]] if op.request else {}
        state_ref = body.get("properties", {}).get("content_state", {}).get("$ref")
        if state_ref is None:
            assert liftable_fields(op) == frozenset(), op.operation_id
            continue
        state = set(SCHEMAS[state_ref]["properties"])
        assert liftable_fields(op) == state - set(body["properties"]) - {"channels"}
    assert "auto_dismiss_seconds" in liftable_fields(RECONCILE_LIVE_ACTIVITY_STREAM)
    assert "title" in liftable_fields(START_LIVE_ACTIVITY)


def test_a_request_field_keeps_its_meaning_when_a_content_state_has_it_too(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """If a content state ever gains `metadata`, `tags` or `action`, they stay request fields."""
    schemas = {
        **SCHEMAS,
        "FutureState": {
            "type": "object",
            "properties": {
                "title": {"type": "string"},
                "metadata": {"type": "string"},
                "tags": {"type": "string"},
                "action": {"type": "string"},
                "channels": {"type": "string"},
            },
        },
        "FutureRequest": {
            "type": "object",
            "properties": {
                "content_state": {"$ref": "FutureState"},
                "metadata": {"type": "object"},
                "tags": {"type": "array"},
                "action": {"type": "object"},
                "target": {"type": "object"},
            },
        },
    }
    monkeypatch.setattr("activitysmith._generated.schemas.SCHEMAS", schemas)
    op = Operation(
        operation_id="futureStart",
        name="future_start",
        method="POST",
        path="/future",
        path_params={},
        request={"$ref": "FutureRequest"},
        body_required=True,
        channels="target",
        needs_key=True,
        repeat_visible=True,
        feature="default",
        bind=lambda: None,  # type: ignore[arg-type,return-value]
    )

    params, fields = call_body(
        op, None, {"title": "T", "metadata": {"a": 1}, "tags": ["x"], "channels": ["ops"]}
    )

    assert liftable_fields(op) == frozenset({"title"})
    assert params == {
        "content_state": {"title": "T"},
        "metadata": {"a": 1},
        "tags": ["x"],
        "channels": ["ops"],
    }
    assert fields == {}


def test_the_callers_content_state_is_not_mutated(activitysmith_client: ActivitySmith) -> None:
    state = {"title": "Import", "type": "progress"}
    request = {"content_state": state}

    activitysmith_client.live_activities.stream("k", request, percentage=5)

    assert state == {"title": "Import", "type": "progress"}
    assert request == {"content_state": state}


def test_the_keyword_types_are_the_body_and_its_content_state(  # the TypedDicts for **fields
) -> None:
    for op in OPERATIONS:
        liftable = liftable_fields(op)
        if not liftable:
            continue
        base = op.request["$ref"].removesuffix("Request")
        params = typing.get_type_hints(getattr(generated_params, f"{base}Params"))
        keywords = getattr(generated_params, f"{base}Keywords").__annotations__
        assert set(keywords) == set(params) | liftable, op.operation_id


# -- None keywords --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("schema", "takes_null"),
    [
        ({"type": "string"}, False),
        ({"type": ["string", "null"]}, True),
        ({"type": "string", "nullable": True}, True),
        ({"anyOf": [{"type": "integer"}, {"type": "null"}]}, True),
        ({"oneOf": [{"type": "integer"}, {"type": "string"}]}, False),
        ({"$ref": "Nullable"}, True),
    ],
)
def test_which_schemas_take_null(schema: dict[str, Any], takes_null: bool) -> None:
    assert _call_forms._allows_null(schema, {"Nullable": {"type": "null"}}) is takes_null


def test_a_none_keyword_is_left_out_unless_its_field_takes_null(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fields = {"title": "x", "subtitle": None, "tags": None}

    _, sent = call_body(SEND_PUSH_NOTIFICATION, None, fields)
    monkeypatch.setattr(_call_forms, "nullable_fields", lambda op: frozenset({"subtitle"}))
    _, nullable = call_body(SEND_PUSH_NOTIFICATION, None, fields)

    assert sent == {"title": "x"}
    assert nullable == {"title": "x", "subtitle": None}
    assert fields == {"title": "x", "subtitle": None, "tags": None}  # the caller's, untouched


# -- generated-style aliases ----------------------------------------------------------------

RESOURCES = {
    "sendPushNotification": ("notifications", "send"),
    "replacePushNotification": ("notifications", "replace"),
    "reconcileLiveActivityStream": ("live_activities", "stream"),
    "endLiveActivityStream": ("live_activities", "end_stream"),
    "startLiveActivity": ("live_activities", "start"),
    "updateLiveActivity": ("live_activities", "update"),
    "endLiveActivity": ("live_activities", "end"),
    "updateMetricValue": ("metrics", "update"),
}


@pytest.mark.parametrize("client_class", [ActivitySmith, AsyncActivitySmith])
def test_every_resource_operation_has_its_generated_name(client_class: type[Any]) -> None:
    client = client_class("ask_test", base_url="http://127.0.0.1:9/api")
    found = {}
    for resource_name in ("notifications", "live_activities", "metrics"):
        resource = getattr(client, resource_name)
        for name, attribute in vars(type(resource)).items():
            if isinstance(attribute, operation_alias):
                found[attribute.op.operation_id] = (resource_name, attribute.method.__name__)
                assert name == attribute.op.name
                bound = getattr(resource, name)
                assert inspect.iscoroutinefunction(bound) == (client_class is AsyncActivitySmith)
    # Every operation with a resource method, i.e. all but the badge (client.badge_count).
    assert found == RESOURCES
    assert {op.operation_id for op in OPERATIONS} - set(found) == {"updateAppIconBadgeCount"}


def test_an_alias_must_carry_its_operations_name() -> None:
    with pytest.raises((TypeError, RuntimeError)) as info:

        class Wrong:
            def send(self, request: Mapping[str, Any] | None = None) -> None: ...

            push = operation_alias(send, SEND_PUSH_NOTIFICATION)

    # Python 3.11 wraps an error of __set_name__ in a RuntimeError; later ones raise it.
    error = info.value if isinstance(info.value, TypeError) else info.value.__cause__
    assert isinstance(error, TypeError)
    assert "Wrong.push: an alias of sendPushNotification must be named send_push_notification" in (
        str(error)
    )


def test_an_alias_needs_the_path_parameters_first() -> None:
    class Wrong:
        def stream(self, request: Any = None, stream_key: str = "") -> None: ...

        reconcile_live_activity_stream = operation_alias(stream, RECONCILE_LIVE_ACTIVITY_STREAM)

    with pytest.raises(TypeError, match="path parameters"):
        Wrong().reconcile_live_activity_stream("k")


def test_request_keywords_are_the_schema_names_in_snake_case() -> None:
    assert _call_forms._snake("PushNotificationReplaceRequest") == (
        "push_notification_replace_request"
    )
    assert _call_forms._snake("LiveActivityStreamDeleteRequest") == (
        "live_activity_stream_delete_request"
    )
    assert _call_forms._snake("HTTPThingRequest") == "http_thing_request"


# -- property: nothing lost, nothing invented -----------------------------------------------

JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 300) | st.floats(-2, 200) | st.text(max_size=5),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3)
    ),
    max_leaves=6,
)
STREAM = RECONCILE_LIVE_ACTIVITY_STREAM
NAMES = st.sampled_from(
    sorted(SCHEMAS["LiveActivityStreamRequest"]["properties"])
    + sorted(SCHEMAS["StreamContentState"]["properties"])
    + ["stranger"]
)
STATES = st.dictionaries(st.sampled_from(["title", "type", "percentage", "x"]), JSON, max_size=3)
ARGUMENTS = st.dictionaries(NAMES, JSON | STATES, max_size=6)


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(request=st.none() | ARGUMENTS, fields=ARGUMENTS)
def test_moving_fields_into_content_state_loses_and_invents_nothing(
    request: dict[str, Any] | None, fields: dict[str, Any]
) -> None:
    liftable = liftable_fields(STREAM)
    nullable = _call_forms.nullable_fields(STREAM)
    kept = {n: v for n, v in fields.items() if v is not None or n in nullable}  # None: left out
    given_args = {**(request or {}), **kept}
    refused: ValidationError | None = None
    try:
        params, keywords = call_body(STREAM, request, fields)
    except ValidationError as exc:
        refused = exc
    if refused is not None:
        states = [a.get("content_state") for a in (request or {}, kept) if "content_state" in a]
        contradiction = refused.field in liftable and any(
            isinstance(s, Mapping) and refused.field in s for s in states
        )
        not_a_dict = refused.field == "content_state" and not all(
            isinstance(s, Mapping) for s in states
        )
        assert contradiction or not_a_dict, refused
        return
    body = {**(params or {}), **keywords}
    assert not set(body) & liftable
    for name, value in given_args.items():
        if name in liftable:
            assert body["content_state"][name] == value
        elif name != "content_state":
            assert body[name] == value
    if "content_state" in body and isinstance(body["content_state"], Mapping):
        expected_keys = {n for n in given_args if n in liftable}
        for source in (request or {}, kept):
            state = source.get("content_state")
            if isinstance(state, Mapping):
                expected_keys |= set(state)
        assert set(body["content_state"]) == expected_keys
    # Whatever came out, the request builder judges it with a ValidationError at most.
    with contextlib.suppress(ValidationError):
        build_body(STREAM, params, keywords)


@pytest.mark.parametrize("shape", ["dict", "list"])
def test_an_argument_inside_itself_is_refused_not_looped_over(
    activitysmith_client: ActivitySmith, activitysmith_server: ActivitySmithServer, shape: str
) -> None:
    loop: Any
    if shape == "dict":
        loop = {}
        loop["again"] = loop
    else:
        loop = []
        loop.append(loop)

    with pytest.raises(ValidationError, match="inside itself"):
        activitysmith_client.live_activities.stream("k", title="x", metadata=loop)
    assert activitysmith_server.requests == []
