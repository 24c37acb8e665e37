"""Contains all the data models used in inputs/outputs

Each model's module is imported on first use (PEP 562): importing one model, or the
package, does not import the other modules.
"""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .action_type import ActionType
    from .activity_metric import ActivityMetric
    from .alert_payload import AlertPayload
    from .app_icon_badge_count_error_code import AppIconBadgeCountErrorCode
    from .app_icon_badge_count_update_error import AppIconBadgeCountUpdateError
    from .app_icon_badge_count_update_request import AppIconBadgeCountUpdateRequest
    from .app_icon_badge_count_update_response import AppIconBadgeCountUpdateResponse
    from .bad_request_code import BadRequestCode
    from .bad_request_error import BadRequestError
    from .billing_blocked_error import BillingBlockedError
    from .billing_blocked_reason import BillingBlockedReason
    from .billing_trial_period import BillingTrialPeriod
    from .channel_target import ChannelTarget
    from .content_state_end import ContentStateEnd
    from .content_state_start import ContentStateStart
    from .content_state_update import ContentStateUpdate
    from .forbidden_error import ForbiddenError
    from .live_activity_action import LiveActivityAction
    from .live_activity_alert_badge import LiveActivityAlertBadge
    from .live_activity_alert_icon import LiveActivityAlertIcon
    from .live_activity_color import LiveActivityColor
    from .live_activity_end_request import LiveActivityEndRequest
    from .live_activity_end_response import LiveActivityEndResponse
    from .live_activity_limit_error import LiveActivityLimitError
    from .live_activity_start_request import LiveActivityStartRequest
    from .live_activity_start_response import LiveActivityStartResponse
    from .live_activity_stream_delete_request import LiveActivityStreamDeleteRequest
    from .live_activity_stream_delete_response import LiveActivityStreamDeleteResponse
    from .live_activity_stream_put_response import LiveActivityStreamPutResponse
    from .live_activity_stream_request import LiveActivityStreamRequest
    from .live_activity_type import LiveActivityType
    from .live_activity_update_request import LiveActivityUpdateRequest
    from .live_activity_update_response import LiveActivityUpdateResponse
    from .metadata import Metadata
    from .metric_error import MetricError
    from .metric_value_update_request import MetricValueUpdateRequest
    from .metric_value_update_response import MetricValueUpdateResponse
    from .no_recipients_error import NoRecipientsError
    from .not_found_error import NotFoundError
    from .push_interruption_level import PushInterruptionLevel
    from .push_notification_action import PushNotificationAction
    from .push_notification_payload import PushNotificationPayload
    from .push_notification_replace_request import PushNotificationReplaceRequest
    from .push_notification_replace_response import PushNotificationReplaceResponse
    from .push_notification_request import PushNotificationRequest
    from .push_notification_response import PushNotificationResponse
    from .rate_limit_code import RateLimitCode
    from .rate_limit_error import RateLimitError
    from .server_error import ServerError
    from .stream_content_state import StreamContentState
    from .stream_delete_operation import StreamDeleteOperation
    from .stream_operation import StreamOperation
    from .unauthorized_error import UnauthorizedError
    from .webhook_body import WebhookBody
    from .webhook_method import WebhookMethod

_MODULES = {
    "ActionType": ".action_type",
    "ActivityMetric": ".activity_metric",
    "AlertPayload": ".alert_payload",
    "AppIconBadgeCountErrorCode": ".app_icon_badge_count_error_code",
    "AppIconBadgeCountUpdateError": ".app_icon_badge_count_update_error",
    "AppIconBadgeCountUpdateRequest": ".app_icon_badge_count_update_request",
    "AppIconBadgeCountUpdateResponse": ".app_icon_badge_count_update_response",
    "BadRequestCode": ".bad_request_code",
    "BadRequestError": ".bad_request_error",
    "BillingBlockedError": ".billing_blocked_error",
    "BillingBlockedReason": ".billing_blocked_reason",
    "BillingTrialPeriod": ".billing_trial_period",
    "ChannelTarget": ".channel_target",
    "ContentStateEnd": ".content_state_end",
    "ContentStateStart": ".content_state_start",
    "ContentStateUpdate": ".content_state_update",
    "ForbiddenError": ".forbidden_error",
    "LiveActivityAction": ".live_activity_action",
    "LiveActivityAlertBadge": ".live_activity_alert_badge",
    "LiveActivityAlertIcon": ".live_activity_alert_icon",
    "LiveActivityColor": ".live_activity_color",
    "LiveActivityEndRequest": ".live_activity_end_request",
    "LiveActivityEndResponse": ".live_activity_end_response",
    "LiveActivityLimitError": ".live_activity_limit_error",
    "LiveActivityStartRequest": ".live_activity_start_request",
    "LiveActivityStartResponse": ".live_activity_start_response",
    "LiveActivityStreamDeleteRequest": ".live_activity_stream_delete_request",
    "LiveActivityStreamDeleteResponse": ".live_activity_stream_delete_response",
    "LiveActivityStreamPutResponse": ".live_activity_stream_put_response",
    "LiveActivityStreamRequest": ".live_activity_stream_request",
    "LiveActivityType": ".live_activity_type",
    "LiveActivityUpdateRequest": ".live_activity_update_request",
    "LiveActivityUpdateResponse": ".live_activity_update_response",
    "Metadata": ".metadata",
    "MetricError": ".metric_error",
    "MetricValueUpdateRequest": ".metric_value_update_request",
    "MetricValueUpdateResponse": ".metric_value_update_response",
    "NoRecipientsError": ".no_recipients_error",
    "NotFoundError": ".not_found_error",
    "PushInterruptionLevel": ".push_interruption_level",
    "PushNotificationAction": ".push_notification_action",
    "PushNotificationPayload": ".push_notification_payload",
    "PushNotificationReplaceRequest": ".push_notification_replace_request",
    "PushNotificationReplaceResponse": ".push_notification_replace_response",
    "PushNotificationRequest": ".push_notification_request",
    "PushNotificationResponse": ".push_notification_response",
    "RateLimitCode": ".rate_limit_code",
    "RateLimitError": ".rate_limit_error",
    "ServerError": ".server_error",
    "StreamContentState": ".stream_content_state",
    "StreamDeleteOperation": ".stream_delete_operation",
    "StreamOperation": ".stream_operation",
    "UnauthorizedError": ".unauthorized_error",
    "WebhookBody": ".webhook_body",
    "WebhookMethod": ".webhook_method",
}

__all__ = (
    "ActionType",
    "ActivityMetric",
    "AlertPayload",
    "AppIconBadgeCountErrorCode",
    "AppIconBadgeCountUpdateError",
    "AppIconBadgeCountUpdateRequest",
    "AppIconBadgeCountUpdateResponse",
    "BadRequestCode",
    "BadRequestError",
    "BillingBlockedError",
    "BillingBlockedReason",
    "BillingTrialPeriod",
    "ChannelTarget",
    "ContentStateEnd",
    "ContentStateStart",
    "ContentStateUpdate",
    "ForbiddenError",
    "LiveActivityAction",
    "LiveActivityAlertBadge",
    "LiveActivityAlertIcon",
    "LiveActivityColor",
    "LiveActivityEndRequest",
    "LiveActivityEndResponse",
    "LiveActivityLimitError",
    "LiveActivityStartRequest",
    "LiveActivityStartResponse",
    "LiveActivityStreamDeleteRequest",
    "LiveActivityStreamDeleteResponse",
    "LiveActivityStreamPutResponse",
    "LiveActivityStreamRequest",
    "LiveActivityType",
    "LiveActivityUpdateRequest",
    "LiveActivityUpdateResponse",
    "Metadata",
    "MetricError",
    "MetricValueUpdateRequest",
    "MetricValueUpdateResponse",
    "NoRecipientsError",
    "NotFoundError",
    "PushInterruptionLevel",
    "PushNotificationAction",
    "PushNotificationPayload",
    "PushNotificationReplaceRequest",
    "PushNotificationReplaceResponse",
    "PushNotificationRequest",
    "PushNotificationResponse",
    "RateLimitCode",
    "RateLimitError",
    "ServerError",
    "StreamContentState",
    "StreamDeleteOperation",
    "StreamOperation",
    "UnauthorizedError",
    "WebhookBody",
    "WebhookMethod",
)


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
