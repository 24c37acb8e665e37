"""ActivitySmith: push notifications, Live Activities and widget metrics for your systems."""

from ._version import __version__

__all__ = ["__version__"]
