"""Every operation of the API: route, body rules, generated classes, key, retry safety and rate budget.

Generated from openapi.yaml by `make generate` (scripts/codegen); do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from .._operations import Binding, Operation, lazy_model

if TYPE_CHECKING:
    from .results import (
        AppIconBadgeCountUpdateResult,
        LiveActivityEndResult,
        LiveActivityStartResult,
        LiveActivityStreamDeleteResult,
        LiveActivityStreamPutResult,
        LiveActivityUpdateResult,
        MetricValueUpdateResult,
        PushNotificationReplaceResult,
        PushNotificationResult,
    )


def _bind_send_push_notification() -> Binding[PushNotificationResult]:
    from activitysmith_client.api.push_notifications.send_push_notification import _get_kwargs

    from .._operations import first_parse
    from .results import PushNotificationResult

    return Binding(
        get_kwargs=_get_kwargs,
        request_model=lazy_model("push_notification_request", "PushNotificationRequest"),
        parse=PushNotificationResult.from_dict,
        errors={
            "400": lazy_model("bad_request_error", "BadRequestError"),
            "401": lazy_model("unauthorized_error", "UnauthorizedError"),
            "402": lazy_model("billing_blocked_error", "BillingBlockedError"),
            "403": lazy_model("forbidden_error", "ForbiddenError"),
            "404": lazy_model("no_recipients_error", "NoRecipientsError"),
            "422": lazy_model("no_recipients_error", "NoRecipientsError"),
            "429": first_parse(
                lazy_model("live_activity_limit_error", "LiveActivityLimitError"),
                lazy_model("rate_limit_error", "RateLimitError"),
            ),
            "5XX": lazy_model("server_error", "ServerError"),
        },
    )


SEND_PUSH_NOTIFICATION: Final[Operation[PushNotificationResult]] = Operation(
    operation_id="sendPushNotification",
    name="send_push_notification",
    method="POST",
    path="/push-notification",
    path_params={},
    request={"$ref": "PushNotificationRequest"},
    body_required=True,
    channels="target",
    needs_key=True,
    repeat_visible=True,
    feature="notifications",
    bind=_bind_send_push_notification,
)


def _bind_replace_push_notification() -> Binding[PushNotificationReplaceResult]:
    from activitysmith_client.api.push_notifications.replace_push_notification import _get_kwargs

    from .._operations import first_parse
    from .results import PushNotificationReplaceResult

    return Binding(
        get_kwargs=_get_kwargs,
        request_model=lazy_model(
            "push_notification_replace_request", "PushNotificationReplaceRequest"
        ),
        parse=PushNotificationReplaceResult.from_dict,
        errors={
            "400": lazy_model("bad_request_error", "BadRequestError"),
            "401": lazy_model("unauthorized_error", "UnauthorizedError"),
            "402": lazy_model("billing_blocked_error", "BillingBlockedError"),
            "403": lazy_model("forbidden_error", "ForbiddenError"),
            "404": lazy_model("not_found_error", "NotFoundError"),
            "409": lazy_model("not_found_error", "NotFoundError"),
            "422": lazy_model("no_recipients_error", "NoRecipientsError"),
            "429": first_parse(
                lazy_model("live_activity_limit_error", "LiveActivityLimitError"),
                lazy_model("rate_limit_error", "RateLimitError"),
            ),
            "5XX": lazy_model("server_error", "ServerError"),
        },
    )


REPLACE_PUSH_NOTIFICATION: Final[Operation[PushNotificationReplaceResult]] = Operation(
    operation_id="replacePushNotification",
    name="replace_push_notification",
    method="PUT",
    path="/push-notification/{notification_id}",
    path_params={"notification_id": {"type": "string", "minLength": 1}},
    request={"$ref": "PushNotificationReplaceRequest"},
    body_required=True,
    channels=None,
    needs_key=True,
    repeat_visible=False,
    feature="notifications",
    bind=_bind_replace_push_notification,
)


def _bind_reconcile_live_activity_stream() -> Binding[LiveActivityStreamPutResult]:
    from activitysmith_client.api.live_activities.reconcile_live_activity_stream import _get_kwargs

    from .._operations import first_parse
    from .results import LiveActivityStreamPutResult

    return Binding(
        get_kwargs=_get_kwargs,
        request_model=lazy_model("live_activity_stream_request", "LiveActivityStreamRequest"),
        parse=LiveActivityStreamPutResult.from_dict,
        errors={
            "400": lazy_model("bad_request_error", "BadRequestError"),
            "401": lazy_model("unauthorized_error", "UnauthorizedError"),
            "402": lazy_model("billing_blocked_error", "BillingBlockedError"),
            "403": lazy_model("forbidden_error", "ForbiddenError"),
            "404": lazy_model("no_recipients_error", "NoRecipientsError"),
            "422": lazy_model("no_recipients_error", "NoRecipientsError"),
            "429": first_parse(
                lazy_model("live_activity_limit_error", "LiveActivityLimitError"),
                lazy_model("rate_limit_error", "RateLimitError"),
            ),
            "5XX": lazy_model("server_error", "ServerError"),
        },
    )


RECONCILE_LIVE_ACTIVITY_STREAM: Final[Operation[LiveActivityStreamPutResult]] = Operation(
    operation_id="reconcileLiveActivityStream",
    name="reconcile_live_activity_stream",
    method="PUT",
    path="/live-activity/stream/{stream_key}",
    path_params={
        "stream_key": {
            "type": "string",
            "minLength": 1,
            "maxLength": 255,
            "pattern": "^[A-Za-z0-9_-]+$",
            "x-activitysmith-pattern-hint": "may contain only letters, digits, '_' and '-'",
        }
    },
    request={"$ref": "LiveActivityStreamRequest"},
    body_required=True,
    channels="field",
    needs_key=True,
    repeat_visible=False,
    feature="live-activities",
    bind=_bind_reconcile_live_activity_stream,
)


def _bind_end_live_activity_stream() -> Binding[LiveActivityStreamDeleteResult]:
    from activitysmith_client.api.live_activities.end_live_activity_stream import _get_kwargs

    from .results import LiveActivityStreamDeleteResult

    return Binding(
        get_kwargs=_get_kwargs,
        request_model=lazy_model(
            "live_activity_stream_delete_request", "LiveActivityStreamDeleteRequest"
        ),
        parse=LiveActivityStreamDeleteResult.from_dict,
        errors={
            "400": lazy_model("bad_request_error", "BadRequestError"),
            "401": lazy_model("unauthorized_error", "UnauthorizedError"),
            "403": lazy_model("forbidden_error", "ForbiddenError"),
            "404": lazy_model("not_found_error", "NotFoundError"),
            "429": lazy_model("rate_limit_error", "RateLimitError"),
            "5XX": lazy_model("server_error", "ServerError"),
        },
    )


END_LIVE_ACTIVITY_STREAM: Final[Operation[LiveActivityStreamDeleteResult]] = Operation(
    operation_id="endLiveActivityStream",
    name="end_live_activity_stream",
    method="DELETE",
    path="/live-activity/stream/{stream_key}",
    path_params={
        "stream_key": {
            "type": "string",
            "minLength": 1,
            "maxLength": 255,
            "pattern": "^[A-Za-z0-9_-]+$",
            "x-activitysmith-pattern-hint": "may contain only letters, digits, '_' and '-'",
        }
    },
    request={"$ref": "LiveActivityStreamDeleteRequest"},
    body_required=False,
    channels=None,
    needs_key=True,
    repeat_visible=False,
    feature="live-activities",
    bind=_bind_end_live_activity_stream,
)


def _bind_start_live_activity() -> Binding[LiveActivityStartResult]:
    from activitysmith_client.api.live_activities.start_live_activity import _get_kwargs

    from .._operations import first_parse
    from .results import LiveActivityStartResult

    return Binding(
        get_kwargs=_get_kwargs,
        request_model=lazy_model("live_activity_start_request", "LiveActivityStartRequest"),
        parse=LiveActivityStartResult.from_dict,
        errors={
            "400": lazy_model("bad_request_error", "BadRequestError"),
            "401": lazy_model("unauthorized_error", "UnauthorizedError"),
            "402": lazy_model("billing_blocked_error", "BillingBlockedError"),
            "403": lazy_model("forbidden_error", "ForbiddenError"),
            "404": lazy_model("no_recipients_error", "NoRecipientsError"),
            "422": lazy_model("no_recipients_error", "NoRecipientsError"),
            "429": first_parse(
                lazy_model("live_activity_limit_error", "LiveActivityLimitError"),
                lazy_model("rate_limit_error", "RateLimitError"),
            ),
            "5XX": lazy_model("server_error", "ServerError"),
        },
    )


START_LIVE_ACTIVITY: Final[Operation[LiveActivityStartResult]] = Operation(
    operation_id="startLiveActivity",
    name="start_live_activity",
    method="POST",
    path="/live-activity/start",
    path_params={},
    request={"$ref": "LiveActivityStartRequest"},
    body_required=True,
    channels="target",
    needs_key=True,
    repeat_visible=True,
    feature="live-activities",
    bind=_bind_start_live_activity,
)


def _bind_update_live_activity() -> Binding[LiveActivityUpdateResult]:
    from activitysmith_client.api.live_activities.update_live_activity import _get_kwargs

    from .results import LiveActivityUpdateResult

    return Binding(
        get_kwargs=_get_kwargs,
        request_model=lazy_model("live_activity_update_request", "LiveActivityUpdateRequest"),
        parse=LiveActivityUpdateResult.from_dict,
        errors={
            "400": lazy_model("bad_request_error", "BadRequestError"),
            "401": lazy_model("unauthorized_error", "UnauthorizedError"),
            "403": lazy_model("forbidden_error", "ForbiddenError"),
            "404": lazy_model("not_found_error", "NotFoundError"),
            "429": lazy_model("rate_limit_error", "RateLimitError"),
            "5XX": lazy_model("server_error", "ServerError"),
        },
    )


UPDATE_LIVE_ACTIVITY: Final[Operation[LiveActivityUpdateResult]] = Operation(
    operation_id="updateLiveActivity",
    name="update_live_activity",
    method="POST",
    path="/live-activity/update",
    path_params={},
    request={"$ref": "LiveActivityUpdateRequest"},
    body_required=True,
    channels=None,
    needs_key=True,
    repeat_visible=False,
    feature="live-activities",
    bind=_bind_update_live_activity,
)


def _bind_end_live_activity() -> Binding[LiveActivityEndResult]:
    from activitysmith_client.api.live_activities.end_live_activity import _get_kwargs

    from .results import LiveActivityEndResult

    return Binding(
        get_kwargs=_get_kwargs,
        request_model=lazy_model("live_activity_end_request", "LiveActivityEndRequest"),
        parse=LiveActivityEndResult.from_dict,
        errors={
            "400": lazy_model("bad_request_error", "BadRequestError"),
            "401": lazy_model("unauthorized_error", "UnauthorizedError"),
            "403": lazy_model("forbidden_error", "ForbiddenError"),
            "404": lazy_model("not_found_error", "NotFoundError"),
            "429": lazy_model("rate_limit_error", "RateLimitError"),
            "5XX": lazy_model("server_error", "ServerError"),
        },
    )


END_LIVE_ACTIVITY: Final[Operation[LiveActivityEndResult]] = Operation(
    operation_id="endLiveActivity",
    name="end_live_activity",
    method="POST",
    path="/live-activity/end",
    path_params={},
    request={"$ref": "LiveActivityEndRequest"},
    body_required=True,
    channels=None,
    needs_key=True,
    repeat_visible=False,
    feature="live-activities",
    bind=_bind_end_live_activity,
)


def _bind_update_metric_value() -> Binding[MetricValueUpdateResult]:
    from activitysmith_client.api.metrics.update_metric_value import _get_kwargs

    from .results import MetricValueUpdateResult

    return Binding(
        get_kwargs=_get_kwargs,
        request_model=lazy_model("metric_value_update_request", "MetricValueUpdateRequest"),
        parse=MetricValueUpdateResult.from_dict,
        errors={
            "400": lazy_model("metric_error", "MetricError"),
            "401": lazy_model("unauthorized_error", "UnauthorizedError"),
            "403": lazy_model("forbidden_error", "ForbiddenError"),
            "404": lazy_model("metric_error", "MetricError"),
            "429": lazy_model("rate_limit_error", "RateLimitError"),
            "5XX": lazy_model("server_error", "ServerError"),
        },
    )


UPDATE_METRIC_VALUE: Final[Operation[MetricValueUpdateResult]] = Operation(
    operation_id="updateMetricValue",
    name="update_metric_value",
    method="POST",
    path="/metrics/{key}/value",
    path_params={
        "key": {
            "type": "string",
            "minLength": 1,
            "maxLength": 64,
            "pattern": "^[a-z0-9][a-z0-9_.-]{0,63}$",
            "x-activitysmith-pattern-hint": "must start with a lowercase letter or digit and contain "
            "only a-z, 0-9, '.', '_' and '-'",
        }
    },
    request={"$ref": "MetricValueUpdateRequest"},
    body_required=True,
    channels=None,
    needs_key=True,
    repeat_visible=False,
    feature="metrics",
    bind=_bind_update_metric_value,
)


def _bind_update_app_icon_badge_count() -> Binding[AppIconBadgeCountUpdateResult]:
    from activitysmith_client.api.app_icon_badges.update_app_icon_badge_count import _get_kwargs

    from .._operations import first_parse
    from .results import AppIconBadgeCountUpdateResult

    return Binding(
        get_kwargs=_get_kwargs,
        request_model=lazy_model(
            "app_icon_badge_count_update_request", "AppIconBadgeCountUpdateRequest"
        ),
        parse=AppIconBadgeCountUpdateResult.from_dict,
        errors={
            "400": lazy_model("bad_request_error", "BadRequestError"),
            "401": lazy_model("unauthorized_error", "UnauthorizedError"),
            "402": lazy_model("billing_blocked_error", "BillingBlockedError"),
            "403": lazy_model("forbidden_error", "ForbiddenError"),
            "404": lazy_model("no_recipients_error", "NoRecipientsError"),
            "422": first_parse(
                lazy_model("app_icon_badge_count_update_error", "AppIconBadgeCountUpdateError"),
                lazy_model("no_recipients_error", "NoRecipientsError"),
            ),
            "429": lazy_model("rate_limit_error", "RateLimitError"),
            "502": lazy_model("app_icon_badge_count_update_error", "AppIconBadgeCountUpdateError"),
            "5XX": lazy_model("server_error", "ServerError"),
        },
    )


UPDATE_APP_ICON_BADGE_COUNT: Final[Operation[AppIconBadgeCountUpdateResult]] = Operation(
    operation_id="updateAppIconBadgeCount",
    name="update_app_icon_badge_count",
    method="POST",
    path="/badge",
    path_params={},
    request={"$ref": "AppIconBadgeCountUpdateRequest"},
    body_required=True,
    channels="target",
    needs_key=True,
    repeat_visible=False,
    feature="badges",
    bind=_bind_update_app_icon_badge_count,
)

OPERATIONS: Final[tuple[Operation[Any], ...]] = (
    SEND_PUSH_NOTIFICATION,
    REPLACE_PUSH_NOTIFICATION,
    RECONCILE_LIVE_ACTIVITY_STREAM,
    END_LIVE_ACTIVITY_STREAM,
    START_LIVE_ACTIVITY,
    UPDATE_LIVE_ACTIVITY,
    END_LIVE_ACTIVITY,
    UPDATE_METRIC_VALUE,
    UPDATE_APP_ICON_BADGE_COUNT,
)

BUDGETS: Final[dict[str, int]] = {
    "notifications": 60,
    "live-activities": 300,
    "metrics": 300,
    "badges": 60,
}
"""Requests per window, per account, for each feature."""

DEFAULT_FEATURE: Final = "default"
DEFAULT_BUDGET: Final = 60
"""The budget of operations that name no feature."""

IP_BUDGETS: Final[dict[str, int]] = {
    "notifications": 600,
    "live-activities": 600,
    "metrics": 600,
    "badges": 600,
}
"""Requests per window, per client IP address, for each feature."""
DEFAULT_IP_BUDGET: Final = 600
WINDOW_SECONDS: Final = 60.0

ACCOUNT_POLICY: Final = "account:{feature}"
IP_POLICY: Final = "public-api-ip:{feature}"
"""Names of the policies in the RateLimit headers (`.format(feature=...)`)."""
