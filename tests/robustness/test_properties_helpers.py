"""Property: the helpers, `progress()` and `track()` either work or raise `ValidationError`
naming a field, whatever they are given; what a helper returns is what it was given."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import activitysmith
from activitysmith import ActivitySmith
from activitysmith import _errors as errors
from activitysmith._generated.schemas import SCHEMAS
from activitysmith._tracking._options import _PROGRESS, _TRACK
from activitysmith.testing import ActivitySmithServer
from tests.robustness.conftest import KEY, examples
from tests.robustness.oracle import as_json, strictly_equal
from tests.robustness.strategies import hostile_values, json_values, schema_values

HELPERS: dict[str, tuple[Callable[..., Any], tuple[str, ...]]] = {
    "content_state": (activitysmith.content_state, ("StreamContentState", "ContentStateStart")),
    "metric": (activitysmith.metric, ("ActivityMetric",)),
    "action": (activitysmith.action, ("LiveActivityAction",)),
    "alert_icon": (activitysmith.alert_icon, ("LiveActivityAlertIcon",)),
    "alert_badge": (activitysmith.alert_badge, ("LiveActivityAlertBadge",)),
}


def _field_values(schemas: tuple[str, ...], name: str) -> st.SearchStrategy[Any]:
    for schema in schemas:
        properties = SCHEMAS[schema].get("properties") or {}
        if name in properties:
            return st.one_of(schema_values(properties[name]), hostile_values, json_values)
    return st.one_of(hostile_values, json_values)


def _names_a_field(error: errors.ValidationError) -> None:
    """A refusal says which field it is about."""
    assert error.field, repr(error)


@given(data=st.data())
@examples(400)
def test_helpers(data: st.DataObject) -> None:
    name = data.draw(st.sampled_from(sorted(HELPERS)), label="helper")
    helper, schemas = HELPERS[name]
    parameters = inspect.signature(helper).parameters
    positional = [p for p, v in parameters.items() if v.kind is v.POSITIONAL_OR_KEYWORD]
    keywords = [p for p, v in parameters.items() if v.kind is v.KEYWORD_ONLY]
    args = [data.draw(_field_values(schemas, p), label=p) for p in positional]
    chosen = data.draw(st.lists(st.sampled_from(keywords), unique=True, max_size=4), label="kw")
    kwargs = {k: data.draw(_field_values(schemas, k), label=k) for k in chosen}
    if data.draw(st.booleans(), label="unknown keyword"):
        kwargs[data.draw(st.text(min_size=1, max_size=8), label="unknown")] = 1
    try:
        built = helper(*args, **kwargs)
    except errors.ValidationError as exc:
        _names_a_field(exc)
        return
    bound = inspect.signature(helper).bind(*args, **kwargs)
    bound.apply_defaults()  # action()'s type="open_url" is given unless changed
    given_fields = {
        name: value
        for name, value in bound.arguments.items()
        if value is not activitysmith.NOT_GIVEN and name != "unknown"
    }
    assert strictly_equal(as_json(built), as_json(given_fields))


# --- progress() and track() ------------------------------------------------------------------


@pytest.fixture(scope="module")
def server() -> Iterator[ActivitySmithServer]:
    with ActivitySmithServer(api_key=KEY, rate_limit=None) as server:
        yield server


@pytest.fixture(scope="module")
def client(server: ActivitySmithServer) -> Iterator[ActivitySmith]:
    with ActivitySmith(KEY, base_url=server.base_url, rate_limit=None, max_retries=0) as client:
        yield client


_STATE = SCHEMAS["StreamContentState"]["properties"]
_STREAM = SCHEMAS["LiveActivityStreamRequest"]["properties"]


def _option(name: str) -> st.SearchStrategy[Any]:
    if name in _STATE:
        return st.one_of(schema_values(_STATE[name]), hostile_values)
    if name in _STREAM:
        return st.one_of(schema_values(_STREAM[name]), hostile_values)
    if name in ("min_interval", "flush_timeout"):
        return st.one_of(st.floats(0.01, 2), hostile_values)
    if name in ("total", "steps"):
        return st.one_of(st.integers(-2, 50), hostile_values)
    return st.one_of(st.text(max_size=10), hostile_values)


def _options(known: frozenset[str] | tuple[str, ...], data: st.DataObject) -> dict[str, Any]:
    names = data.draw(st.lists(st.sampled_from(sorted(known)), unique=True, max_size=5))
    options = {name: data.draw(_option(name), label=name) for name in names}
    if data.draw(st.integers(0, 9), label="strange keyword") == 0:
        options[data.draw(st.text(min_size=1, max_size=6), label="keyword")] = 1
    options.setdefault("flush_timeout", 2)
    return options


@given(data=st.data())
@examples(40)
def test_track(data: st.DataObject, client: ActivitySmith) -> None:
    key = data.draw(
        st.one_of(st.from_regex(r"[a-z0-9_-]{1,20}", fullmatch=True), hostile_values),
        label="stream_key",
    )
    options = _options(_TRACK, data)
    try:
        tracker = client.live_activities.track(key, **options)
    except errors.ValidationError as exc:
        _names_a_field(exc)
        return
    with tracker as t:
        try:
            t.update(
                **{
                    name: data.draw(_option(name), label=f"update {name}")
                    for name in data.draw(
                        st.lists(st.sampled_from(sorted(_STATE)), unique=True, max_size=2)
                    )
                }
            )
        except errors.ValidationError as exc:
            _names_a_field(exc)


@given(data=st.data())
@examples(40)
def test_progress(data: st.DataObject, client: ActivitySmith) -> None:
    key = data.draw(
        st.one_of(st.from_regex(r"[a-z0-9_-]{1,20}", fullmatch=True), hostile_values),
        label="stream_key",
    )
    options = _options(_PROGRESS, data)
    items = data.draw(st.lists(st.integers(), max_size=5), label="items")
    try:
        progress = client.live_activities.progress(items, key, **options)
    except errors.ValidationError as exc:
        _names_a_field(exc)
        return
    assert list(progress) == items
