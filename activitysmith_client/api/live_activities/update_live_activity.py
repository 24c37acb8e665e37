from __future__ import annotations

from http import HTTPStatus
from typing import TYPE_CHECKING, Any

import httpx

from ... import errors
from ...types import Response

if TYPE_CHECKING:
    from ...client import AuthenticatedClient, Client
    from ...models.bad_request_error import BadRequestError
    from ...models.forbidden_error import ForbiddenError
    from ...models.live_activity_update_request import LiveActivityUpdateRequest
    from ...models.live_activity_update_response import LiveActivityUpdateResponse
    from ...models.not_found_error import NotFoundError
    from ...models.rate_limit_error import RateLimitError
    from ...models.server_error import ServerError
    from ...models.unauthorized_error import UnauthorizedError


def _get_kwargs(
    *,
    body: LiveActivityUpdateRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/live-activity/update",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> (
    BadRequestError
    | ForbiddenError
    | LiveActivityUpdateResponse
    | NotFoundError
    | RateLimitError
    | ServerError
    | UnauthorizedError
    | None
):

    from ...models.bad_request_error import BadRequestError
    from ...models.forbidden_error import ForbiddenError
    from ...models.live_activity_update_response import LiveActivityUpdateResponse
    from ...models.not_found_error import NotFoundError
    from ...models.rate_limit_error import RateLimitError
    from ...models.server_error import ServerError
    from ...models.unauthorized_error import UnauthorizedError

    if response.status_code == 200:
        response_200 = LiveActivityUpdateResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = BadRequestError.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = UnauthorizedError.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ForbiddenError.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = NotFoundError.from_dict(response.json())

        return response_404

    if response.status_code == 429:
        response_429 = RateLimitError.from_dict(response.json())

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
    | ForbiddenError
    | LiveActivityUpdateResponse
    | NotFoundError
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
    body: LiveActivityUpdateRequest,
) -> Response[
    BadRequestError
    | ForbiddenError
    | LiveActivityUpdateResponse
    | NotFoundError
    | RateLimitError
    | ServerError
    | UnauthorizedError
]:
    """Update a Live Activity (legacy)

     Pushes a new state to an activity created by the start call. Devices that have not reported a push
    token for this activity yet get the update once they do (counted in `devices_queued`). Legacy manual
    lifecycle; the managed stream (`PUT /live-activity/stream/{stream_key}`) is the recommended
    alternative.

    Args:
        body (LiveActivityUpdateRequest): New state for a Live Activity started with the legacy
            start call.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BadRequestError | ForbiddenError | LiveActivityUpdateResponse | NotFoundError | RateLimitError | ServerError | UnauthorizedError]
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
    body: LiveActivityUpdateRequest,
) -> (
    BadRequestError
    | ForbiddenError
    | LiveActivityUpdateResponse
    | NotFoundError
    | RateLimitError
    | ServerError
    | UnauthorizedError
    | None
):
    """Update a Live Activity (legacy)

     Pushes a new state to an activity created by the start call. Devices that have not reported a push
    token for this activity yet get the update once they do (counted in `devices_queued`). Legacy manual
    lifecycle; the managed stream (`PUT /live-activity/stream/{stream_key}`) is the recommended
    alternative.

    Args:
        body (LiveActivityUpdateRequest): New state for a Live Activity started with the legacy
            start call.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BadRequestError | ForbiddenError | LiveActivityUpdateResponse | NotFoundError | RateLimitError | ServerError | UnauthorizedError
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: LiveActivityUpdateRequest,
) -> Response[
    BadRequestError
    | ForbiddenError
    | LiveActivityUpdateResponse
    | NotFoundError
    | RateLimitError
    | ServerError
    | UnauthorizedError
]:
    """Update a Live Activity (legacy)

     Pushes a new state to an activity created by the start call. Devices that have not reported a push
    token for this activity yet get the update once they do (counted in `devices_queued`). Legacy manual
    lifecycle; the managed stream (`PUT /live-activity/stream/{stream_key}`) is the recommended
    alternative.

    Args:
        body (LiveActivityUpdateRequest): New state for a Live Activity started with the legacy
            start call.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BadRequestError | ForbiddenError | LiveActivityUpdateResponse | NotFoundError | RateLimitError | ServerError | UnauthorizedError]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: LiveActivityUpdateRequest,
) -> (
    BadRequestError
    | ForbiddenError
    | LiveActivityUpdateResponse
    | NotFoundError
    | RateLimitError
    | ServerError
    | UnauthorizedError
    | None
):
    """Update a Live Activity (legacy)

     Pushes a new state to an activity created by the start call. Devices that have not reported a push
    token for this activity yet get the update once they do (counted in `devices_queued`). Legacy manual
    lifecycle; the managed stream (`PUT /live-activity/stream/{stream_key}`) is the recommended
    alternative.

    Args:
        body (LiveActivityUpdateRequest): New state for a Live Activity started with the legacy
            start call.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BadRequestError | ForbiddenError | LiveActivityUpdateResponse | NotFoundError | RateLimitError | ServerError | UnauthorizedError
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
