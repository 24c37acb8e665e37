"""Push notifications: send, and silently replace one already sent."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Unpack

from .._operations import REPLACE_PUSH, SEND_PUSH
from .._types import NOT_GIVEN, NotGiven
from ._base import AsyncResource, SyncResource

if TYPE_CHECKING:
    from .._base_client import Timeout
    from .._params import PushNotificationParams, PushNotificationReplaceParams
    from .._results import PushNotificationReplaceResult, PushNotificationResult


class Notifications(SyncResource):
    """`client.notifications`."""

    def send(
        self,
        params: PushNotificationParams | Mapping[str, Any] | None = None,
        /,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        **fields: Unpack[PushNotificationParams],
    ) -> PushNotificationResult:
        """Send a push notification; `channels=["ops"]` (or `"ops,devs"`) targets channels.

        Not retried after it may have reached the server, so it is never delivered twice.
        """
        return self._call(SEND_PUSH, params, fields, timeout=timeout, max_retries=max_retries)  # type: ignore[no-any-return]

    def replace(
        self,
        notification_id: str,
        params: PushNotificationReplaceParams | Mapping[str, Any] | None = None,
        /,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        **fields: Unpack[PushNotificationReplaceParams],
    ) -> PushNotificationReplaceResult:
        """Silently replace a sent notification (same recipients, no sound, same id)."""
        return self._call(  # type: ignore[no-any-return]
            REPLACE_PUSH,
            params,
            fields,
            path=notification_id,
            timeout=timeout,
            max_retries=max_retries,
        )


class AsyncNotifications(AsyncResource):
    """`client.notifications` of `AsyncActivitySmith`."""

    async def send(
        self,
        params: PushNotificationParams | Mapping[str, Any] | None = None,
        /,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        **fields: Unpack[PushNotificationParams],
    ) -> PushNotificationResult:
        """Send a push notification (see `ActivitySmith.notifications.send`)."""
        return await self._call(  # type: ignore[no-any-return]
            SEND_PUSH, params, fields, timeout=timeout, max_retries=max_retries
        )

    async def replace(
        self,
        notification_id: str,
        params: PushNotificationReplaceParams | Mapping[str, Any] | None = None,
        /,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        **fields: Unpack[PushNotificationReplaceParams],
    ) -> PushNotificationReplaceResult:
        """Silently replace a sent notification (see `ActivitySmith.notifications.replace`)."""
        return await self._call(  # type: ignore[no-any-return]
            REPLACE_PUSH,
            params,
            fields,
            path=notification_id,
            timeout=timeout,
            max_retries=max_retries,
        )
