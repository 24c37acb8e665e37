"""The README shows every picture `make screenshots` draws, and the pictures stay small."""

from __future__ import annotations

import re
from pathlib import Path

from .screenshots import SHOTS

REPO = Path(__file__).resolve().parents[2]
README = (REPO / "README.md").read_text(encoding="utf-8")

LIMIT = 160 * 1024
"""Bytes per picture: they live in the repository."""


def test_the_readme_shows_each_picture_and_each_one_is_checked_in() -> None:
    shown = set(re.findall(r'<img src="docs/([\w-]+)\.png"', README))
    assert shown == {shot.name for shot in SHOTS}
    for name in shown:
        picture = REPO / "docs" / f"{name}.png"
        data = picture.read_bytes()
        assert data.startswith(b"\x89PNG\r\n\x1a\n"), name
        assert len(data) < LIMIT, (name, len(data))


def test_every_picture_has_a_description() -> None:
    for tag in re.findall(r"<img [^>]*>", README):
        alt = re.search(r'alt="([^"]+)"', tag)
        assert alt is not None and len(alt.group(1)) > 10, tag
