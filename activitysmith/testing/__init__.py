"""A faithful local ActivitySmith API for tests, CI and offline demos (like moto for AWS).

    from activitysmith.testing import ActivitySmithServer

    with ActivitySmithServer() as server:
        ...  # point a client at server.base_url with server.api_key
        assert server.notifications[0].title == "Deploy finished"

Open `server.preview_url` in a browser to watch what a phone would show, live.

With pytest, the `activitysmith_server`, `activitysmith_client` and
`async_activitysmith_client` fixtures are registered automatically: one server per
session (per xdist worker), `reset()` for each test. `server.clock` is the server's time;
`server.clock.advance(60)` is a minute later without waiting. Starting a server needs the
`testing` extra: pip install 'activitysmith[testing]'.
"""

from ._activitysmith_server import DEFAULT_API_KEY, ActivitySmithServer
from ._clock import Clock
from ._faults import Fault, FaultKind, FaultQueue
from ._foreground import serve
from ._models import (
    DEFAULT_DEVICES,
    DEFAULT_METRICS,
    BadgeUpdate,
    Device,
    LiveActivity,
    Metric,
    MetricValue,
    Notification,
    RecordedRequest,
    Timer,
)
from ._ratelimit import RateLimits
from ._validation import MissingTestingExtra

__all__ = [
    "DEFAULT_API_KEY",
    "DEFAULT_DEVICES",
    "DEFAULT_METRICS",
    "ActivitySmithServer",
    "BadgeUpdate",
    "Clock",
    "Device",
    "Fault",
    "FaultKind",
    "FaultQueue",
    "LiveActivity",
    "Metric",
    "MetricValue",
    "MissingTestingExtra",
    "Notification",
    "RateLimits",
    "RecordedRequest",
    "Timer",
    "serve",
]
