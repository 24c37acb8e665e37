"""ActivitySmith: push notifications, Live Activities and widget metrics for your own systems.

from activitysmith import ActivitySmith

client = ActivitySmith()  # reads ACTIVITYSMITH_API_KEY
client.notifications.send(title="Deploy finished", message="api v42 is live")
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._version import __version__

if TYPE_CHECKING:
    from ._async._client import AsyncActivitySmith
    from ._async._tracker import AsyncTracker
    from ._enums import (
        ActionType,
        Color,
        InterruptionLevel,
        LiveActivityColor,
        LiveActivityType,
        PushInterruptionLevel,
        StreamDeleteOperation,
        StreamOperation,
        WebhookMethod,
    )
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
        ClientStateError,
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
    from ._generated.helpers import (
        action,
        alert_badge,
        alert_icon,
        content_state,
        metric,
    )
    from ._logging_handler import ActivitySmithHandler
    from ._ratelimit import RateLimiter
    from ._ratelimit_headers import RateLimitPolicy, RateLimitState
    from ._raw_response import APIResponse
    from ._sync._client import ActivitySmith
    from ._sync._tracker import Tracker
    from ._tracking._async_progress import AsyncProgress
    from ._tracking._progress import Progress
    from ._types import NOT_GIVEN, NotGiven

# Public names load on first use (PEP 562), so `import activitysmith` (and the command
# line's --help) stays fast; type checkers see the imports above.
_LAZY: dict[str, str] = {
    "ActivitySmith": "._sync._client",
    "ActivitySmithHandler": "._logging_handler",
    "AsyncActivitySmith": "._async._client",
    "ActivitySmithError": "._errors",
    "APIConnectionError": "._errors",
    "APIError": "._errors",
    "APIResponseValidationError": "._errors",
    "APIStatusError": "._errors",
    "APITimeoutError": "._errors",
    "AuthenticationError": "._errors",
    "BadRequestError": "._errors",
    "BillingError": "._errors",
    "ClientStateError": "._errors",
    "ConfigurationError": "._errors",
    "ConflictError": "._errors",
    "InternalServerError": "._errors",
    "LiveActivityLimitError": "._errors",
    "NoRecipientsError": "._errors",
    "NotFoundError": "._errors",
    "PermissionDeniedError": "._errors",
    "RateLimitError": "._errors",
    "UnprocessableEntityError": "._errors",
    "ValidationError": "._errors",
    "action": "._generated.helpers",
    "alert_badge": "._generated.helpers",
    "alert_icon": "._generated.helpers",
    "content_state": "._generated.helpers",
    "metric": "._generated.helpers",
    "RateLimiter": "._ratelimit",
    "APIResponse": "._raw_response",
    "RateLimitPolicy": "._ratelimit_headers",
    "RateLimitState": "._ratelimit_headers",
    "AsyncProgress": "._tracking._async_progress",
    "AsyncTracker": "._async._tracker",
    "Progress": "._tracking._progress",
    "Tracker": "._sync._tracker",
    "NOT_GIVEN": "._types",
    "NotGiven": "._types",
    "ActionType": "._enums",
    "Color": "._enums",
    "InterruptionLevel": "._enums",
    "LiveActivityColor": "._enums",
    "LiveActivityType": "._enums",
    "PushInterruptionLevel": "._enums",
    "StreamDeleteOperation": "._enums",
    "StreamOperation": "._enums",
    "WebhookMethod": "._enums",
}

__all__ = [
    "NOT_GIVEN",
    "APIConnectionError",
    "APIError",
    "APIResponse",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "ActionType",
    "ActivitySmith",
    "ActivitySmithError",
    "ActivitySmithHandler",
    "AsyncActivitySmith",
    "AsyncProgress",
    "AsyncTracker",
    "AuthenticationError",
    "BadRequestError",
    "BillingError",
    "ClientStateError",
    "Color",
    "ConfigurationError",
    "ConflictError",
    "InternalServerError",
    "InterruptionLevel",
    "LiveActivityColor",
    "LiveActivityLimitError",
    "LiveActivityType",
    "NoRecipientsError",
    "NotFoundError",
    "NotGiven",
    "PermissionDeniedError",
    "Progress",
    "PushInterruptionLevel",
    "RateLimitError",
    "RateLimitPolicy",
    "RateLimitState",
    "RateLimiter",
    "StreamDeleteOperation",
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


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'activitysmith' has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
