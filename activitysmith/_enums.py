"""The API's enums: the generated client's own classes, under the facade's short names.

Each is a `StrEnum` generated from openapi.yaml, so its members compare equal to the
strings the API uses (`Color.RED == "red"`) and a new value in the spec appears here
after `make generate`. Responses may carry values newer than these lists.
`LiveActivityColor` and `PushInterruptionLevel` are the same classes under the spec's
(and the official package's) names.
"""

from activitysmith_client.models.action_type import ActionType
from activitysmith_client.models.live_activity_color import LiveActivityColor
from activitysmith_client.models.live_activity_color import LiveActivityColor as Color
from activitysmith_client.models.live_activity_type import LiveActivityType
from activitysmith_client.models.push_interruption_level import PushInterruptionLevel
from activitysmith_client.models.push_interruption_level import (
    PushInterruptionLevel as InterruptionLevel,
)
from activitysmith_client.models.stream_delete_operation import StreamDeleteOperation
from activitysmith_client.models.stream_operation import StreamOperation
from activitysmith_client.models.webhook_method import WebhookMethod

__all__ = [
    "ActionType",
    "Color",
    "InterruptionLevel",
    "LiveActivityColor",
    "LiveActivityType",
    "PushInterruptionLevel",
    "StreamDeleteOperation",
    "StreamOperation",
    "WebhookMethod",
]
