# Generated from activitysmith/_async/_notifications.py by scripts/unasync.py; do not edit.
"""Push notifications: send, and silently replace one already sent."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Unpack

from .._call_forms import operation_alias
from .._generated.operations import REPLACE_PUSH_NOTIFICATION, SEND_PUSH_NOTIFICATION
from .._types import NOT_GIVEN, NotGiven

if TYPE_CHECKING:
    from .._base_client import Timeout
    from .._call_forms import RequestObject
    from .._generated.params import PushNotificationParams, PushNotificationReplaceParams
    from .._generated.results import PushNotificationReplaceResult, PushNotificationResult
    from ._client import ActivitySmith

__all__ = ["Notifications"]


class Notifications:
    """`client.notifications`."""

    def __init__(self, client: ActivitySmith) -> None:
        self._client = client

    def send(
        self,
        request: PushNotificationParams | Mapping[str, Any] | RequestObject | None = None,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        total_timeout: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str | None] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        **fields: Unpack[PushNotificationParams],
    ) -> PushNotificationResult:
        """Send a push notification; `channels=["ops"]` (or `"ops,devs"`) targets channels.

        Not retried after it may have reached the server, so it is never delivered twice.
        """
        return self._client._call(
            SEND_PUSH_NOTIFICATION,
            (),
            request,
            fields,
            timeout,
            max_retries,
            total_timeout,
            extra_headers,
            extra_query,
            extra_body,
        )

    def replace(
        self,
        notification_id: str,
        request: PushNotificationReplaceParams | Mapping[str, Any] | RequestObject | None = None,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        total_timeout: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str | None] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        **fields: Unpack[PushNotificationReplaceParams],
    ) -> PushNotificationReplaceResult:
        """Silently replace a sent notification (same recipients, no sound, same id)."""
        return self._client._call(
            REPLACE_PUSH_NOTIFICATION,
            (notification_id,),
            request,
            fields,
            timeout,
            max_retries,
            total_timeout,
            extra_headers,
            extra_query,
            extra_body,
        )

    # The official package's generated-style names (OpenAPI-Generator's), for code written for it.
    send_push_notification = operation_alias(send, SEND_PUSH_NOTIFICATION)
    replace_push_notification = operation_alias(replace, REPLACE_PUSH_NOTIFICATION)
