"""Async tests in this folder run on asyncio (the trackers' workers are asyncio tasks)."""

from __future__ import annotations

import pytest


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"
