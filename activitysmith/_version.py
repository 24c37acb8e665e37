"""The package version, read by the build and by `activitysmith.__version__`."""

__version__ = "0.1.0"
