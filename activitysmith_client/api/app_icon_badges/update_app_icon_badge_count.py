from __future__ import annotations

from http import HTTPStatus
from typing import TYPE_CHECKING, Any

import httpx

from ... import errors
from ...types import Response

if TYPE_CHECKING:
    from ...client import AuthenticatedClient, Client
    from ...models.app_icon_badge_count_update_error import AppIconBadgeCountUpdateError
    from ...models.app_icon_badge_count_update_request import (
        AppIconBadgeCountUpdateRequest,
    )
    from ...models.app_icon_badge_count_update_response import (
        AppIconBadgeCountUpdateResponse,
    )
    from ...models.bad_request_error import BadRequestError
    from ...models.billing_blocked_error import BillingBlockedError
    from ...models.forbidden_error import ForbiddenError
    from ...models.no_recipients_error import NoRecipientsError
    from ...models.rate_limit_error import RateLimitError
    from ...models.server_error import ServerError
    from ...models.unauthorized_error import UnauthorizedError


def _get_kwargs(
    *,
    body: AppIconBadgeCountUpdateRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/badge",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> (
    AppIconBadgeCountUpdateError
    | AppIconBadgeCountUpdateError
    | NoRecipientsError
    | AppIconBadgeCountUpdateResponse
    | BadRequestError
    | BillingBlockedError
    | ForbiddenError
    | NoRecipientsError
    | RateLimitError
    | ServerError
    | UnauthorizedError
    | None
):

    from ...models.app_icon_badge_count_update_error import AppIconBadgeCountUpdateError
    from ...models.app_icon_badge_count_update_response import (
        AppIconBadgeCountUpdateResponse,
    )
    from ...models.bad_request_error import BadRequestError
    from ...models.billing_blocked_error import BillingBlockedError
    from ...models.forbidden_error import ForbiddenError
    from ...models.no_recipients_error import NoRecipientsError
    from ...models.rate_limit_error import RateLimitError
    from ...models.server_error import ServerError
    from ...models.unauthorized_error import UnauthorizedError

    if response.status_code == 200:
        response_200 = AppIconBadgeCountUpdateResponse.from_dict(response.json())

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
        response_404 = NoRecipientsError.from_dict(response.json())

        return response_404

    if response.status_code == 422:

        def _parse_response_422(
            data: object,
        ) -> AppIconBadgeCountUpdateError | NoRecipientsError:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_422_type_0 = AppIconBadgeCountUpdateError.from_dict(data)

                return response_422_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_422_type_1 = NoRecipientsError.from_dict(data)

            return response_422_type_1

        response_422 = _parse_response_422(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = RateLimitError.from_dict(response.json())

        return response_429

    if response.status_code == 502:
        response_502 = AppIconBadgeCountUpdateError.from_dict(response.json())

        return response_502

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
    AppIconBadgeCountUpdateError
    | AppIconBadgeCountUpdateError
    | NoRecipientsError
    | AppIconBadgeCountUpdateResponse
    | BadRequestError
    | BillingBlockedError
    | ForbiddenError
    | NoRecipientsError
    | RateLimitError
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
    *,
    client: AuthenticatedClient | Client,
    body: AppIconBadgeCountUpdateRequest,
) -> Response[
    AppIconBadgeCountUpdateError
    | AppIconBadgeCountUpdateError
    | NoRecipientsError
    | AppIconBadgeCountUpdateResponse
    | BadRequestError
    | BillingBlockedError
    | ForbiddenError
    | NoRecipientsError
    | RateLimitError
    | ServerError
    | UnauthorizedError
]:
    """Set the app icon badge count

     Changes the count shown on the ActivitySmith app's icon on the devices selected by the key scope and
    optional `target`; 0 clears it. This is independent of push notifications and adds no notification
    history entry. A 502 means the update could not be delivered; its body still reports partial counts.

    Args:
        body (AppIconBadgeCountUpdateRequest): New app icon badge count for the targeted devices.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AppIconBadgeCountUpdateError | AppIconBadgeCountUpdateError | NoRecipientsError | AppIconBadgeCountUpdateResponse | BadRequestError | BillingBlockedError | ForbiddenError | NoRecipientsError | RateLimitError | ServerError | UnauthorizedError]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: AppIconBadgeCountUpdateRequest,
) -> (
    AppIconBadgeCountUpdateError
    | AppIconBadgeCountUpdateError
    | NoRecipientsError
    | AppIconBadgeCountUpdateResponse
    | BadRequestError
    | BillingBlockedError
    | ForbiddenError
    | NoRecipientsError
    | RateLimitError
    | ServerError
    | UnauthorizedError
    | None
):
    """Set the app icon badge count

     Changes the count shown on the ActivitySmith app's icon on the devices selected by the key scope and
    optional `target`; 0 clears it. This is independent of push notifications and adds no notification
    history entry. A 502 means the update could not be delivered; its body still reports partial counts.

    Args:
        body (AppIconBadgeCountUpdateRequest): New app icon badge count for the targeted devices.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AppIconBadgeCountUpdateError | AppIconBadgeCountUpdateError | NoRecipientsError | AppIconBadgeCountUpdateResponse | BadRequestError | BillingBlockedError | ForbiddenError | NoRecipientsError | RateLimitError | ServerError | UnauthorizedError
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: AppIconBadgeCountUpdateRequest,
) -> Response[
    AppIconBadgeCountUpdateError
    | AppIconBadgeCountUpdateError
    | NoRecipientsError
    | AppIconBadgeCountUpdateResponse
    | BadRequestError
    | BillingBlockedError
    | ForbiddenError
    | NoRecipientsError
    | RateLimitError
    | ServerError
    | UnauthorizedError
]:
    """Set the app icon badge count

     Changes the count shown on the ActivitySmith app's icon on the devices selected by the key scope and
    optional `target`; 0 clears it. This is independent of push notifications and adds no notification
    history entry. A 502 means the update could not be delivered; its body still reports partial counts.

    Args:
        body (AppIconBadgeCountUpdateRequest): New app icon badge count for the targeted devices.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AppIconBadgeCountUpdateError | AppIconBadgeCountUpdateError | NoRecipientsError | AppIconBadgeCountUpdateResponse | BadRequestError | BillingBlockedError | ForbiddenError | NoRecipientsError | RateLimitError | ServerError | UnauthorizedError]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: AppIconBadgeCountUpdateRequest,
) -> (
    AppIconBadgeCountUpdateError
    | AppIconBadgeCountUpdateError
    | NoRecipientsError
    | AppIconBadgeCountUpdateResponse
    | BadRequestError
    | BillingBlockedError
    | ForbiddenError
    | NoRecipientsError
    | RateLimitError
    | ServerError
    | UnauthorizedError
    | None
):
    """Set the app icon badge count

     Changes the count shown on the ActivitySmith app's icon on the devices selected by the key scope and
    optional `target`; 0 clears it. This is independent of push notifications and adds no notification
    history entry. A 502 means the update could not be delivered; its body still reports partial counts.

    Args:
        body (AppIconBadgeCountUpdateRequest): New app icon badge count for the targeted devices.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AppIconBadgeCountUpdateError | AppIconBadgeCountUpdateError | NoRecipientsError | AppIconBadgeCountUpdateResponse | BadRequestError | BillingBlockedError | ForbiddenError | NoRecipientsError | RateLimitError | ServerError | UnauthorizedError
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
