"""The generated models are plain classes (our model and types templates), with the public
behaviour the generator's attrs classes had: the same constructor, equality, repr, pattern
matching and item access to unknown fields; and loading them imports no attrs."""

from __future__ import annotations

import copy
import inspect
import pickle
import subprocess
import sys
import weakref
from enum import Enum
from http import HTTPStatus
from io import BytesIO
from typing import Any

import pytest

import activitysmith_client.models as models
from activitysmith_client.types import UNSET, File, Response

MODEL_NAMES = sorted(
    name
    for name in models.__all__
    if not issubclass(getattr(models, name), Enum) and hasattr(getattr(models, name), "from_dict")
)


def _model(name: str) -> Any:
    return getattr(models, name)


def _fields(cls: Any) -> list[str]:
    return list(inspect.signature(cls).parameters)


def _minimal(cls: Any) -> Any:
    """An instance with every required field set to a distinct placeholder."""
    required = {
        name: f"<{name}>"
        for name, parameter in inspect.signature(cls).parameters.items()
        if parameter.default is inspect.Parameter.empty
    }
    return cls(**required)


def test_every_model_is_covered() -> None:
    assert len(MODEL_NAMES) >= 40
    assert {"PushNotificationResponse", "Metadata", "ChannelTarget"} <= set(MODEL_NAMES)


@pytest.mark.parametrize("name", MODEL_NAMES)
def test_the_constructor_takes_required_fields_first_and_defaults_the_rest_to_unset(
    name: str,
) -> None:
    parameters = list(inspect.signature(_model(name)).parameters.values())
    kinds = {parameter.kind for parameter in parameters}
    defaults = [parameter.default is not inspect.Parameter.empty for parameter in parameters]

    assert kinds <= {inspect.Parameter.POSITIONAL_OR_KEYWORD}
    assert defaults == sorted(defaults)  # no required parameter after an optional one
    for parameter in parameters:  # the spec gives no field a default of its own
        if parameter.default is not inspect.Parameter.empty:
            assert parameter.default is UNSET
    assert _model(name).__match_args__ == tuple(p.name for p in parameters)


@pytest.mark.parametrize("name", MODEL_NAMES)
def test_a_model_is_slotted_weakly_referable_unhashable_and_equal_by_value(name: str) -> None:
    cls = _model(name)
    one, other = _minimal(cls), _minimal(cls)

    assert one == other
    assert (one != other) is False
    assert weakref.ref(one)() is one
    assert not hasattr(one, "__dict__")
    with pytest.raises(AttributeError):
        one.not_a_field = 1
    with pytest.raises(TypeError, match="unhashable"):
        hash(one)
    assert (one == object()) is False
    assert copy.copy(one) == one
    assert copy.deepcopy(one) == one
    assert pickle.loads(pickle.dumps(one)) == one

    class Grown(cls):  # type: ignore[valid-type, misc]
        pass

    assert one != Grown(**{field: getattr(one, field) for field in _fields(cls)})
    if _fields(cls):
        first = _fields(cls)[0]
        setattr(other, first, "<changed>")
        assert one != other


@pytest.mark.parametrize("name", MODEL_NAMES)
def test_the_repr_names_the_class_and_every_field(name: str) -> None:
    cls = _model(name)
    one = _minimal(cls)
    parts = [f"{field}={getattr(one, field)!r}" for field in _fields(cls)]
    if hasattr(one, "additional_properties"):
        one.additional_properties["extra"] = 1
        parts.append("additional_properties={'extra': 1}")

    assert repr(one) == f"{name}({', '.join(parts)})"


def test_unknown_fields_are_kept_and_reachable_as_items() -> None:
    parsed = models.PushNotificationResponse.from_dict(
        {"success": True, "timestamp": "2026-07-20T09:30:00+00:00", "region": "eu-1"}
    )

    assert parsed.additional_keys == ["region"]
    assert "region" in parsed and parsed["region"] == "eu-1"
    parsed["quota"] = 60
    del parsed["region"]
    assert parsed.additional_properties == {"quota": 60}
    assert parsed != models.PushNotificationResponse.from_dict(parsed.to_dict() | {"quota": 61})
    assert parsed == models.PushNotificationResponse.from_dict(parsed.to_dict())


def test_a_model_matches_a_class_pattern_positionally() -> None:
    target = models.ChannelTarget(["ops"])

    match target:
        case models.ChannelTarget(channels):
            assert channels == ["ops"]
        case _:
            pytest.fail("no match")


def test_the_shared_response_and_file_types_keep_their_shape() -> None:
    response: Response[int] = Response(HTTPStatus.OK, b"{}", {"x": "1"}, 7)
    payload = BytesIO(b"data")
    upload = File(payload, "a.txt")

    assert response == Response(HTTPStatus.OK, b"{}", {"x": "1"}, 7)
    assert response != Response(HTTPStatus.OK, b"{}", {"x": "1"}, 8)
    assert repr(response) == (
        "Response(status_code=<HTTPStatus.OK: 200>, content=b'{}', headers={'x': '1'}, parsed=7)"
    )
    assert upload.to_tuple() == ("a.txt", payload, None)
    assert upload == File(payload=payload, file_name="a.txt")
    assert repr(upload) == f"File(payload={payload!r}, file_name='a.txt', mime_type=None)"
    with pytest.raises(TypeError, match="unhashable"):
        hash(response)
    assert pickle.loads(pickle.dumps(UNSET)) is UNSET
    assert copy.deepcopy(UNSET) is UNSET


def test_loading_every_model_imports_no_attrs() -> None:
    code = (
        "import sys, activitysmith_client.models as m, activitysmith_client.types\n"
        "[getattr(m, name) for name in m.__all__]\n"
        "print(sorted(n for n in sys.modules if n.split('.')[0] in ('attr', 'attrs')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.strip() == "[]"
