"""The package surface: every public name resolves, and `import activitysmith` stays light."""

from __future__ import annotations

import subprocess
import sys

import pytest

import activitysmith


def test_every_public_name_resolves() -> None:
    for name in activitysmith.__all__:
        assert getattr(activitysmith, name) is not None, name
    assert sorted(activitysmith.__all__) == dir(activitysmith)


def test_unknown_names_raise_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'Nope'"):
        activitysmith.Nope  # type: ignore[attr-defined]  # noqa: B018


def test_plain_import_loads_no_http_stack() -> None:
    code = "import sys, activitysmith; print(sorted(m for m in ('httpx', 'attrs', 'dateutil') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_star_import_gives_the_public_surface() -> None:
    namespace: dict[str, object] = {}
    exec("from activitysmith import *", namespace)
    assert {"ActivitySmith", "AsyncActivitySmith", "APIError", "content_state"} <= set(namespace)
