from __future__ import annotations

from http import HTTPStatus
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import httpx

from ... import errors
from ...types import UNSET, Response, Unset

if TYPE_CHECKING:
    from ...client import AuthenticatedClient, Client
    from ...models.bad_request_error import BadRequestError
    from ...models.forbidden_error import ForbiddenError
    from ...models.live_activity_stream_delete_request import (
        LiveActivityStreamDeleteRequest,
    )
    from ...models.live_activity_stream_delete_response import (
        LiveActivityStreamDeleteResponse,
    )
    from ...models.not_found_error import NotFoundError
    from ...models.rate_limit_error import RateLimitError
    from ...models.server_error import ServerError
    from ...models.unauthorized_error import UnauthorizedError


def _get_kwargs(
    stream_key: str,
    *,
    body: LiveActivityStreamDeleteRequest | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/live-activity/stream/{stream_key}".format(
            stream_key=quote(str(stream_key), safe=""),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> (
    BadRequestError
    | ForbiddenError
    | LiveActivityStreamDeleteResponse
    | NotFoundError
    | RateLimitError
    | ServerError
    | UnauthorizedError
    | None
):

    from ...models.bad_request_error import BadRequestError
    from ...models.forbidden_error import ForbiddenError
    from ...models.live_activity_stream_delete_response import (
        LiveActivityStreamDeleteResponse,
    )
    from ...models.not_found_error import NotFoundError
    from ...models.rate_limit_error import RateLimitError
    from ...models.server_error import ServerError
    from ...models.unauthorized_error import UnauthorizedError

    if response.status_code == 200:
        response_200 = LiveActivityStreamDeleteResponse.from_dict(response.json())

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
    | LiveActivityStreamDeleteResponse
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
    stream_key: str,
    *,
    client: AuthenticatedClient | Client,
    body: LiveActivityStreamDeleteRequest | Unset = UNSET,
) -> Response[
    BadRequestError
    | ForbiddenError
    | LiveActivityStreamDeleteResponse
    | NotFoundError
    | RateLimitError
    | ServerError
    | UnauthorizedError
]:
    """End a managed Live Activity stream

     Ends the stream's current Live Activity, dismisses it from devices and forgets the key; a later PUT
    with the same key starts a brand-new activity. The body is optional: without one ActivitySmith ends
    the activity with its latest known state and the default dismissal timing. Answers 404 when no
    stream exists for the key.

    Args:
        stream_key (str):
        body (LiveActivityStreamDeleteRequest | Unset): Optional final state for ending a stream.
            Without a body (or with `{}`) ActivitySmith ends the activity with its latest known state
            and the default dismissal timing.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BadRequestError | ForbiddenError | LiveActivityStreamDeleteResponse | NotFoundError | RateLimitError | ServerError | UnauthorizedError]
    """

    kwargs = _get_kwargs(
        stream_key=stream_key,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    stream_key: str,
    *,
    client: AuthenticatedClient | Client,
    body: LiveActivityStreamDeleteRequest | Unset = UNSET,
) -> (
    BadRequestError
    | ForbiddenError
    | LiveActivityStreamDeleteResponse
    | NotFoundError
    | RateLimitError
    | ServerError
    | UnauthorizedError
    | None
):
    """End a managed Live Activity stream

     Ends the stream's current Live Activity, dismisses it from devices and forgets the key; a later PUT
    with the same key starts a brand-new activity. The body is optional: without one ActivitySmith ends
    the activity with its latest known state and the default dismissal timing. Answers 404 when no
    stream exists for the key.

    Args:
        stream_key (str):
        body (LiveActivityStreamDeleteRequest | Unset): Optional final state for ending a stream.
            Without a body (or with `{}`) ActivitySmith ends the activity with its latest known state
            and the default dismissal timing.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BadRequestError | ForbiddenError | LiveActivityStreamDeleteResponse | NotFoundError | RateLimitError | ServerError | UnauthorizedError
    """

    return sync_detailed(
        stream_key=stream_key,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    stream_key: str,
    *,
    client: AuthenticatedClient | Client,
    body: LiveActivityStreamDeleteRequest | Unset = UNSET,
) -> Response[
    BadRequestError
    | ForbiddenError
    | LiveActivityStreamDeleteResponse
    | NotFoundError
    | RateLimitError
    | ServerError
    | UnauthorizedError
]:
    """End a managed Live Activity stream

     Ends the stream's current Live Activity, dismisses it from devices and forgets the key; a later PUT
    with the same key starts a brand-new activity. The body is optional: without one ActivitySmith ends
    the activity with its latest known state and the default dismissal timing. Answers 404 when no
    stream exists for the key.

    Args:
        stream_key (str):
        body (LiveActivityStreamDeleteRequest | Unset): Optional final state for ending a stream.
            Without a body (or with `{}`) ActivitySmith ends the activity with its latest known state
            and the default dismissal timing.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BadRequestError | ForbiddenError | LiveActivityStreamDeleteResponse | NotFoundError | RateLimitError | ServerError | UnauthorizedError]
    """

    kwargs = _get_kwargs(
        stream_key=stream_key,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    stream_key: str,
    *,
    client: AuthenticatedClient | Client,
    body: LiveActivityStreamDeleteRequest | Unset = UNSET,
) -> (
    BadRequestError
    | ForbiddenError
    | LiveActivityStreamDeleteResponse
    | NotFoundError
    | RateLimitError
    | ServerError
    | UnauthorizedError
    | None
):
    """End a managed Live Activity stream

     Ends the stream's current Live Activity, dismisses it from devices and forgets the key; a later PUT
    with the same key starts a brand-new activity. The body is optional: without one ActivitySmith ends
    the activity with its latest known state and the default dismissal timing. Answers 404 when no
    stream exists for the key.

    Args:
        stream_key (str):
        body (LiveActivityStreamDeleteRequest | Unset): Optional final state for ending a stream.
            Without a body (or with `{}`) ActivitySmith ends the activity with its latest known state
            and the default dismissal timing.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BadRequestError | ForbiddenError | LiveActivityStreamDeleteResponse | NotFoundError | RateLimitError | ServerError | UnauthorizedError
    """

    return (
        await asyncio_detailed(
            stream_key=stream_key,
            client=client,
            body=body,
        )
    ).parsed
