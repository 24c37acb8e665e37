"""The local server's default devices reach every channel the README's examples send to."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from activitysmith.testing import DEFAULT_DEVICES
from tests.docs.readme_blocks import README

UNPAIRED = {"finance-oncall"}
"""Sent to on purpose with nobody subscribed: the README's NoRecipientsError example."""

OFFICIAL_STYLE = Path(__file__).resolve().parents[1] / "official_style" / "scripts"

_FENCE = re.compile(r"^```(\w+)[^\n]*\n(.*?)^```", re.DOTALL | re.MULTILINE)
_LIST = re.compile(r"""["']?channels["']?\s*[=:]\s*\[([^\]]*)\]""")
_STRING = re.compile(r"""channels=["']([^"']+)["']""")
_FLAG = re.compile(r"--channels[ =]([\w,-]+)")


def channels_in(code: str) -> set[str]:
    found: set[str] = set()
    for items in _LIST.findall(code):
        found |= set(re.findall(r"""["']([^"']+)["']""", items))
    for text in [*_STRING.findall(code), *_FLAG.findall(code)]:
        found |= {part.strip() for part in text.split(",") if part.strip()}
    return found


def example_channels(text: str) -> set[str]:
    """Channel slugs of the code blocks that use the default devices (not their own)."""
    found: set[str] = set()
    for language, code in _FENCE.findall(text):
        if language in ("python", "sh", "bash", "yaml") and "Device(" not in code:
            found |= channels_in(code)
    return found


def test_the_extraction_finds_each_way_of_naming_channels() -> None:
    code = 'send(channels=["a", "b"]) {"channels": ["c"]} x(channels="d, e") push --channels f,g'
    assert channels_in(code) == set("abcdefg")


@pytest.mark.parametrize(
    "source",
    [README, *sorted(OFFICIAL_STYLE.glob("*.py"))],
    ids=lambda path: path.name,
)
def test_every_example_channel_has_a_default_device(source: Path) -> None:
    text = source.read_text(encoding="utf-8")
    if source.suffix == ".py":
        text = f"```python\n{text}\n```\n"
    used = example_channels(text)
    paired = {slug for device in DEFAULT_DEVICES for slug in device.channels}

    assert used, "no channels found: the extraction is broken"
    assert used - UNPAIRED <= paired
    if source == README:
        assert used >= UNPAIRED
        assert not UNPAIRED & paired  # still nobody there, so the example still fails
