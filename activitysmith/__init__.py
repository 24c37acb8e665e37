"""ActivitySmith: push notifications, Live Activities and widget metrics for your own systems.

from activitysmith import ActivitySmith

client = ActivitySmith()  # reads ACTIVITYSMITH_API_KEY
client.notifications.send(title="Deploy finished", message="api v42 is live")
"""

from ._client import ActivitySmith, AsyncActivitySmith
from ._errors import (
    ActivitySmithError,
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    BillingError,
    ConfigurationError,
    ConflictError,
    InternalServerError,
    LiveActivityLimitError,
    NoRecipientsError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    UnprocessableEntityError,
    ValidationError,
)
from ._helpers import action, alert_badge, alert_icon, content_state, metric
from ._ratelimit import RateLimiter
from ._tracking import AsyncProgress, AsyncTracker, Progress, Tracker
from ._types import (
    NOT_GIVEN,
    ActionType,
    Color,
    InterruptionLevel,
    LiveActivityType,
    NotGiven,
    StreamOperation,
    WebhookMethod,
)
from ._version import __version__

__all__ = [
    "NOT_GIVEN",
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "ActionType",
    "ActivitySmith",
    "ActivitySmithError",
    "AsyncActivitySmith",
    "AsyncProgress",
    "AsyncTracker",
    "AuthenticationError",
    "BadRequestError",
    "BillingError",
    "Color",
    "ConfigurationError",
    "ConflictError",
    "InternalServerError",
    "InterruptionLevel",
    "LiveActivityLimitError",
    "LiveActivityType",
    "NoRecipientsError",
    "NotFoundError",
    "NotGiven",
    "PermissionDeniedError",
    "Progress",
    "RateLimitError",
    "RateLimiter",
    "StreamOperation",
    "Tracker",
    "UnprocessableEntityError",
    "ValidationError",
    "WebhookMethod",
    "__version__",
    "action",
    "alert_badge",
    "alert_icon",
    "content_state",
    "metric",
]
