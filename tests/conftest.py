"""Shared test configuration."""

from __future__ import annotations

import os

import pytest

# pyproject.toml turns deprecations into errors in the tests; this does it for the Python
# processes they start (the CLI, README shell blocks), which inherit the environment.
os.environ.setdefault(
    "PYTHONWARNINGS",
    "error::DeprecationWarning,error::PendingDeprecationWarning,error::FutureWarning",
)


@pytest.fixture
def anyio_backend() -> str:
    """Async tests run on asyncio (anyio's pytest plugin ships with httpx's dependencies)."""
    return "asyncio"
