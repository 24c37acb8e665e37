"""The page's files (HTML, CSS, JavaScript, icon), shipped inside the package and read once."""

from __future__ import annotations

import functools
import importlib.resources

ASSETS: dict[str, tuple[str, str]] = {
    "/": ("index.html", "text/html; charset=utf-8"),
    "/_preview/preview.css": ("preview.css", "text/css; charset=utf-8"),
    "/_preview/preview.js": ("preview.js", "text/javascript; charset=utf-8"),
    "/_preview/icon.svg": ("icon.svg", "image/svg+xml"),
    "/favicon.ico": ("icon.svg", "image/svg+xml"),
}
"""Path -> (file in `static/`, Content-Type)."""


@functools.cache
def asset_bytes(name: str) -> bytes:
    """The file's bytes (cached for the life of the process)."""
    return (importlib.resources.files(__package__) / "static" / name).read_bytes()
