from __future__ import annotations

from http import HTTPStatus
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import httpx

from ... import errors
from ...types import Response

if TYPE_CHECKING:
    from ...client import AuthenticatedClient, Client
    from ...models.bad_request_error import BadRequestError
    from ...models.billing_blocked_error import BillingBlockedError
    from ...models.forbidden_error import ForbiddenError
    from ...models.live_activity_limit_error import LiveActivityLimitError
    from ...models.no_recipients_error import NoRecipientsError
    from ...models.not_found_error import NotFoundError
    from ...models.push_notification_replace_request import (
        PushNotificationReplaceRequest,
    )
    from ...models.push_notification_replace_response import (
        PushNotificationReplaceResponse,
    )
    from ...models.rate_limit_error import RateLimitError
    from ...models.server_error import ServerError
    from ...models.unauthorized_error import UnauthorizedError


def _get_kwargs(
    notification_id: str,
    *,
    body: PushNotificationReplaceRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/push-notification/{notification_id}".format(
            notification_id=quote(str(notification_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> (
    BadRequestError
    | BillingBlockedError
    | ForbiddenError
    | LiveActivityLimitError
    | RateLimitError
    | NoRecipientsError
    | NotFoundError
    | PushNotificationReplaceResponse
    | ServerError
    | UnauthorizedError
    | None
):

    from ...models.bad_request_error import BadRequestError
    from ...models.billing_blocked_error import BillingBlockedError
    from ...models.forbidden_error import ForbiddenError
    from ...models.live_activity_limit_error import LiveActivityLimitError
    from ...models.no_recipients_error import NoRecipientsError
    from ...models.not_found_error import NotFoundError
    from ...models.push_notification_replace_response import (
        PushNotificationReplaceResponse,
    )
    from ...models.rate_limit_error import RateLimitError
    from ...models.server_error import ServerError
    from ...models.unauthorized_error import UnauthorizedError

    if response.status_code == 200:
        response_200 = PushNotificationReplaceResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = BadRequestError.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = UnauthorizedError.from_dict(response.json())

        return response_401

    if response.status_code == 402:
        response_402 = BillingBlockedError.from_dict(response.json())

        return response_402

    if response.status_code == 403:
        response_403 = ForbiddenError.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = NotFoundError.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = NotFoundError.from_dict(response.json())

        return response_409

    if response.status_code == 422:
        response_422 = NoRecipientsError.from_dict(response.json())

        return response_422

    if response.status_code == 429:

        def _parse_response_429(
            data: object,
        ) -> LiveActivityLimitError | RateLimitError:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_429_type_0 = LiveActivityLimitError.from_dict(data)

                return response_429_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_429_type_1 = RateLimitError.from_dict(data)

            return response_429_type_1

        response_429 = _parse_response_429(response.json())

        return response_429

    if 500 <= response.status_code <= 599:
        response_5xx = ServerError.from_dict(response.json())

        return response_5xx

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[
    BadRequestError
    | BillingBlockedError
    | ForbiddenError
    | LiveActivityLimitError
    | RateLimitError
    | NoRecipientsError
    | NotFoundError
    | PushNotificationReplaceResponse
    | ServerError
    | UnauthorizedError
]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    notification_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: PushNotificationReplaceRequest,
) -> Response[
    BadRequestError
    | BillingBlockedError
    | ForbiddenError
    | LiveActivityLimitError
    | RateLimitError
    | NoRecipientsError
    | NotFoundError
    | PushNotificationReplaceResponse
    | ServerError
    | UnauthorizedError
]:
    """Replace a sent push notification

     Silently swaps the content of a notification that was already sent. The new version takes the old
    one's place on the Lock Screen, in Notification Center and in history instead of stacking a second
    notification; it plays no sound and does not wake the screen. It reaches the same recipients as the
    original and keeps the same `notification_id`, so it can be replaced again. Fields other than `tags`
    and `metadata` are not carried over from the original.

    Args:
        notification_id (str):
        body (PushNotificationReplaceRequest): Replacement content for a notification that was
            already sent. `title`, `message`, `subtitle`, `icon`, `media`, `redirection`, `actions`,
            `payload` and `badge` replace the original completely: anything omitted is not carried
            over. `tags` and `metadata` are kept unless sent. Sound, targeting and interruption level
            cannot be set: the replacement is always silent and goes to the original recipients.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BadRequestError | BillingBlockedError | ForbiddenError | LiveActivityLimitError | RateLimitError | NoRecipientsError | NotFoundError | PushNotificationReplaceResponse | ServerError | UnauthorizedError]
    """

    kwargs = _get_kwargs(
        notification_id=notification_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    notification_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: PushNotificationReplaceRequest,
) -> (
    BadRequestError
    | BillingBlockedError
    | ForbiddenError
    | LiveActivityLimitError
    | RateLimitError
    | NoRecipientsError
    | NotFoundError
    | PushNotificationReplaceResponse
    | ServerError
    | UnauthorizedError
    | None
):
    """Replace a sent push notification

     Silently swaps the content of a notification that was already sent. The new version takes the old
    one's place on the Lock Screen, in Notification Center and in history instead of stacking a second
    notification; it plays no sound and does not wake the screen. It reaches the same recipients as the
    original and keeps the same `notification_id`, so it can be replaced again. Fields other than `tags`
    and `metadata` are not carried over from the original.

    Args:
        notification_id (str):
        body (PushNotificationReplaceRequest): Replacement content for a notification that was
            already sent. `title`, `message`, `subtitle`, `icon`, `media`, `redirection`, `actions`,
            `payload` and `badge` replace the original completely: anything omitted is not carried
            over. `tags` and `metadata` are kept unless sent. Sound, targeting and interruption level
            cannot be set: the replacement is always silent and goes to the original recipients.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BadRequestError | BillingBlockedError | ForbiddenError | LiveActivityLimitError | RateLimitError | NoRecipientsError | NotFoundError | PushNotificationReplaceResponse | ServerError | UnauthorizedError
    """

    return sync_detailed(
        notification_id=notification_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    notification_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: PushNotificationReplaceRequest,
) -> Response[
    BadRequestError
    | BillingBlockedError
    | ForbiddenError
    | LiveActivityLimitError
    | RateLimitError
    | NoRecipientsError
    | NotFoundError
    | PushNotificationReplaceResponse
    | ServerError
    | UnauthorizedError
]:
    """Replace a sent push notification

     Silently swaps the content of a notification that was already sent. The new version takes the old
    one's place on the Lock Screen, in Notification Center and in history instead of stacking a second
    notification; it plays no sound and does not wake the screen. It reaches the same recipients as the
    original and keeps the same `notification_id`, so it can be replaced again. Fields other than `tags`
    and `metadata` are not carried over from the original.

    Args:
        notification_id (str):
        body (PushNotificationReplaceRequest): Replacement content for a notification that was
            already sent. `title`, `message`, `subtitle`, `icon`, `media`, `redirection`, `actions`,
            `payload` and `badge` replace the original completely: anything omitted is not carried
            over. `tags` and `metadata` are kept unless sent. Sound, targeting and interruption level
            cannot be set: the replacement is always silent and goes to the original recipients.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BadRequestError | BillingBlockedError | ForbiddenError | LiveActivityLimitError | RateLimitError | NoRecipientsError | NotFoundError | PushNotificationReplaceResponse | ServerError | UnauthorizedError]
    """

    kwargs = _get_kwargs(
        notification_id=notification_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    notification_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: PushNotificationReplaceRequest,
) -> (
    BadRequestError
    | BillingBlockedError
    | ForbiddenError
    | LiveActivityLimitError
    | RateLimitError
    | NoRecipientsError
    | NotFoundError
    | PushNotificationReplaceResponse
    | ServerError
    | UnauthorizedError
    | None
):
    """Replace a sent push notification

     Silently swaps the content of a notification that was already sent. The new version takes the old
    one's place on the Lock Screen, in Notification Center and in history instead of stacking a second
    notification; it plays no sound and does not wake the screen. It reaches the same recipients as the
    original and keeps the same `notification_id`, so it can be replaced again. Fields other than `tags`
    and `metadata` are not carried over from the original.

    Args:
        notification_id (str):
        body (PushNotificationReplaceRequest): Replacement content for a notification that was
            already sent. `title`, `message`, `subtitle`, `icon`, `media`, `redirection`, `actions`,
            `payload` and `badge` replace the original completely: anything omitted is not carried
            over. `tags` and `metadata` are kept unless sent. Sound, targeting and interruption level
            cannot be set: the replacement is always silent and goes to the original recipients.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BadRequestError | BillingBlockedError | ForbiddenError | LiveActivityLimitError | RateLimitError | NoRecipientsError | NotFoundError | PushNotificationReplaceResponse | ServerError | UnauthorizedError
    """

    return (
        await asyncio_detailed(
            notification_id=notification_id,
            client=client,
            body=body,
        )
    ).parsed
