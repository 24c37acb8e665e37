from __future__ import annotations

from http import HTTPStatus
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import httpx

from ... import errors
from ...types import Response

if TYPE_CHECKING:
    from ...client import AuthenticatedClient, Client
    from ...models.forbidden_error import ForbiddenError
    from ...models.metric_error import MetricError
    from ...models.metric_value_update_request import MetricValueUpdateRequest
    from ...models.metric_value_update_response import MetricValueUpdateResponse
    from ...models.rate_limit_error import RateLimitError
    from ...models.server_error import ServerError
    from ...models.unauthorized_error import UnauthorizedError


def _get_kwargs(
    key: str,
    *,
    body: MetricValueUpdateRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/metrics/{key}/value".format(
            key=quote(str(key), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> (
    ForbiddenError
    | MetricError
    | MetricValueUpdateResponse
    | RateLimitError
    | ServerError
    | UnauthorizedError
    | None
):

    from ...models.forbidden_error import ForbiddenError
    from ...models.metric_error import MetricError
    from ...models.metric_value_update_response import MetricValueUpdateResponse
    from ...models.rate_limit_error import RateLimitError
    from ...models.server_error import ServerError
    from ...models.unauthorized_error import UnauthorizedError

    if response.status_code == 200:
        response_200 = MetricValueUpdateResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = MetricError.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = UnauthorizedError.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ForbiddenError.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = MetricError.from_dict(response.json())

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
    ForbiddenError
    | MetricError
    | MetricValueUpdateResponse
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
    key: str,
    *,
    client: AuthenticatedClient | Client,
    body: MetricValueUpdateRequest,
) -> Response[
    ForbiddenError
    | MetricError
    | MetricValueUpdateResponse
    | RateLimitError
    | ServerError
    | UnauthorizedError
]:
    """Set a widget metric's latest value

     Records the current value of a Lock Screen widget metric. The metric has to exist already: define it
    in the ActivitySmith app, where its display format (number, currency, percent, unit or string) is
    picked. Widgets refresh roughly every 15 minutes on a schedule iOS controls. Metric updates have
    their own allowance of 300 requests per minute per account.

    Args:
        key (str):
        body (MetricValueUpdateRequest): New latest value for a widget metric.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ForbiddenError | MetricError | MetricValueUpdateResponse | RateLimitError | ServerError | UnauthorizedError]
    """

    kwargs = _get_kwargs(
        key=key,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    key: str,
    *,
    client: AuthenticatedClient | Client,
    body: MetricValueUpdateRequest,
) -> (
    ForbiddenError
    | MetricError
    | MetricValueUpdateResponse
    | RateLimitError
    | ServerError
    | UnauthorizedError
    | None
):
    """Set a widget metric's latest value

     Records the current value of a Lock Screen widget metric. The metric has to exist already: define it
    in the ActivitySmith app, where its display format (number, currency, percent, unit or string) is
    picked. Widgets refresh roughly every 15 minutes on a schedule iOS controls. Metric updates have
    their own allowance of 300 requests per minute per account.

    Args:
        key (str):
        body (MetricValueUpdateRequest): New latest value for a widget metric.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ForbiddenError | MetricError | MetricValueUpdateResponse | RateLimitError | ServerError | UnauthorizedError
    """

    return sync_detailed(
        key=key,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    key: str,
    *,
    client: AuthenticatedClient | Client,
    body: MetricValueUpdateRequest,
) -> Response[
    ForbiddenError
    | MetricError
    | MetricValueUpdateResponse
    | RateLimitError
    | ServerError
    | UnauthorizedError
]:
    """Set a widget metric's latest value

     Records the current value of a Lock Screen widget metric. The metric has to exist already: define it
    in the ActivitySmith app, where its display format (number, currency, percent, unit or string) is
    picked. Widgets refresh roughly every 15 minutes on a schedule iOS controls. Metric updates have
    their own allowance of 300 requests per minute per account.

    Args:
        key (str):
        body (MetricValueUpdateRequest): New latest value for a widget metric.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ForbiddenError | MetricError | MetricValueUpdateResponse | RateLimitError | ServerError | UnauthorizedError]
    """

    kwargs = _get_kwargs(
        key=key,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    key: str,
    *,
    client: AuthenticatedClient | Client,
    body: MetricValueUpdateRequest,
) -> (
    ForbiddenError
    | MetricError
    | MetricValueUpdateResponse
    | RateLimitError
    | ServerError
    | UnauthorizedError
    | None
):
    """Set a widget metric's latest value

     Records the current value of a Lock Screen widget metric. The metric has to exist already: define it
    in the ActivitySmith app, where its display format (number, currency, percent, unit or string) is
    picked. Widgets refresh roughly every 15 minutes on a schedule iOS controls. Metric updates have
    their own allowance of 300 requests per minute per account.

    Args:
        key (str):
        body (MetricValueUpdateRequest): New latest value for a widget metric.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ForbiddenError | MetricError | MetricValueUpdateResponse | RateLimitError | ServerError | UnauthorizedError
    """

    return (
        await asyncio_detailed(
            key=key,
            client=client,
            body=body,
        )
    ).parsed
