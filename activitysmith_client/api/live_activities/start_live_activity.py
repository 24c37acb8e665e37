from __future__ import annotations

from http import HTTPStatus
from typing import TYPE_CHECKING, Any

import httpx

from ... import errors
from ...types import Response

if TYPE_CHECKING:
    from ...client import AuthenticatedClient, Client
    from ...models.bad_request_error import BadRequestError
    from ...models.billing_blocked_error import BillingBlockedError
    from ...models.forbidden_error import ForbiddenError
    from ...models.live_activity_limit_error import LiveActivityLimitError
    from ...models.live_activity_start_request import LiveActivityStartRequest
    from ...models.live_activity_start_response import LiveActivityStartResponse
    from ...models.no_recipients_error import NoRecipientsError
    from ...models.rate_limit_error import RateLimitError
    from ...models.server_error import ServerError
    from ...models.unauthorized_error import UnauthorizedError


def _get_kwargs(
    *,
    body: LiveActivityStartRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/live-activity/start",
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
    | LiveActivityStartResponse
    | NoRecipientsError
    | ServerError
    | UnauthorizedError
    | None
):

    from ...models.bad_request_error import BadRequestError
    from ...models.billing_blocked_error import BillingBlockedError
    from ...models.forbidden_error import ForbiddenError
    from ...models.live_activity_limit_error import LiveActivityLimitError
    from ...models.live_activity_start_response import LiveActivityStartResponse
    from ...models.no_recipients_error import NoRecipientsError
    from ...models.rate_limit_error import RateLimitError
    from ...models.server_error import ServerError
    from ...models.unauthorized_error import UnauthorizedError

    if response.status_code == 200:
        response_200 = LiveActivityStartResponse.from_dict(response.json())

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
    | LiveActivityStartResponse
    | NoRecipientsError
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
    body: LiveActivityStartRequest,
) -> Response[
    BadRequestError
    | BillingBlockedError
    | ForbiddenError
    | LiveActivityLimitError
    | RateLimitError
    | LiveActivityStartResponse
    | NoRecipientsError
    | ServerError
    | UnauthorizedError
]:
    """Start a Live Activity (legacy)

     Starts a Live Activity on the devices selected by the key scope and optional `target`, and returns
    the `activity_id` needed for later update and end calls. When a device already shows the maximum
    number of activities (5 per device today; read `limit` in the 429 rather than assume it),
    ActivitySmith may end an older one (`ended_activity_id`) or answer 429. Legacy manual lifecycle; the
    managed stream (`PUT /live-activity/stream/{stream_key}`) is the recommended alternative.

    Args:
        body (LiveActivityStartRequest): Starts a Live Activity with a manual (legacy) lifecycle;
            keep the returned `activity_id` for update and end calls.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BadRequestError | BillingBlockedError | ForbiddenError | LiveActivityLimitError | RateLimitError | LiveActivityStartResponse | NoRecipientsError | ServerError | UnauthorizedError]
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
    body: LiveActivityStartRequest,
) -> (
    BadRequestError
    | BillingBlockedError
    | ForbiddenError
    | LiveActivityLimitError
    | RateLimitError
    | LiveActivityStartResponse
    | NoRecipientsError
    | ServerError
    | UnauthorizedError
    | None
):
    """Start a Live Activity (legacy)

     Starts a Live Activity on the devices selected by the key scope and optional `target`, and returns
    the `activity_id` needed for later update and end calls. When a device already shows the maximum
    number of activities (5 per device today; read `limit` in the 429 rather than assume it),
    ActivitySmith may end an older one (`ended_activity_id`) or answer 429. Legacy manual lifecycle; the
    managed stream (`PUT /live-activity/stream/{stream_key}`) is the recommended alternative.

    Args:
        body (LiveActivityStartRequest): Starts a Live Activity with a manual (legacy) lifecycle;
            keep the returned `activity_id` for update and end calls.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BadRequestError | BillingBlockedError | ForbiddenError | LiveActivityLimitError | RateLimitError | LiveActivityStartResponse | NoRecipientsError | ServerError | UnauthorizedError
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: LiveActivityStartRequest,
) -> Response[
    BadRequestError
    | BillingBlockedError
    | ForbiddenError
    | LiveActivityLimitError
    | RateLimitError
    | LiveActivityStartResponse
    | NoRecipientsError
    | ServerError
    | UnauthorizedError
]:
    """Start a Live Activity (legacy)

     Starts a Live Activity on the devices selected by the key scope and optional `target`, and returns
    the `activity_id` needed for later update and end calls. When a device already shows the maximum
    number of activities (5 per device today; read `limit` in the 429 rather than assume it),
    ActivitySmith may end an older one (`ended_activity_id`) or answer 429. Legacy manual lifecycle; the
    managed stream (`PUT /live-activity/stream/{stream_key}`) is the recommended alternative.

    Args:
        body (LiveActivityStartRequest): Starts a Live Activity with a manual (legacy) lifecycle;
            keep the returned `activity_id` for update and end calls.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BadRequestError | BillingBlockedError | ForbiddenError | LiveActivityLimitError | RateLimitError | LiveActivityStartResponse | NoRecipientsError | ServerError | UnauthorizedError]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: LiveActivityStartRequest,
) -> (
    BadRequestError
    | BillingBlockedError
    | ForbiddenError
    | LiveActivityLimitError
    | RateLimitError
    | LiveActivityStartResponse
    | NoRecipientsError
    | ServerError
    | UnauthorizedError
    | None
):
    """Start a Live Activity (legacy)

     Starts a Live Activity on the devices selected by the key scope and optional `target`, and returns
    the `activity_id` needed for later update and end calls. When a device already shows the maximum
    number of activities (5 per device today; read `limit` in the 429 rather than assume it),
    ActivitySmith may end an older one (`ended_activity_id`) or answer 429. Legacy manual lifecycle; the
    managed stream (`PUT /live-activity/stream/{stream_key}`) is the recommended alternative.

    Args:
        body (LiveActivityStartRequest): Starts a Live Activity with a manual (legacy) lifecycle;
            keep the returned `activity_id` for update and end calls.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BadRequestError | BillingBlockedError | ForbiddenError | LiveActivityLimitError | RateLimitError | LiveActivityStartResponse | NoRecipientsError | ServerError | UnauthorizedError
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
