"""openapi-core over the shipped spec: the reference the server's own tests check against.

The server validates requests with the compiled validators of `_validation`. openapi-core
checks the server's responses in its tests, and a differential test holds the compiled
request validators to openapi-core's verdicts. It is a development dependency, imported
only here and only when used.
"""

from __future__ import annotations

import importlib.resources
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, urlsplit

from ._validation import content_type, json_message, located, relevant, with_extensions

if TYPE_CHECKING:
    from openapi_core import OpenAPI


def load_openapi() -> OpenAPI:
    """openapi-core's parsed and checked spec (about a second: it validates the document).

    Its schema validator also checks the spec's counting extensions, as the server does,
    with the same definitions; every JSON Schema keyword is openapi-core's own.
    """
    from openapi_core import Config, OpenAPI
    from openapi_core.validation.schemas.factories import SchemaValidatorsFactory
    from openapi_schema_validator import OAS30ReadValidator, OAS31Validator

    factory = SchemaValidatorsFactory(
        with_extensions(OAS31Validator), format_checker=OAS30ReadValidator.FORMAT_CHECKER
    )
    resource = importlib.resources.files("activitysmith.testing") / "openapi.yaml"
    with importlib.resources.as_file(resource) as path:
        return OpenAPI.from_file_path(str(path), config=Config(schema_validators_factory=factory))


class ReferenceValidator:
    """Request and response validation by openapi-core against one parsed spec."""

    def __init__(self, openapi: OpenAPI, refusals: Mapping[str, str] | None = None) -> None:
        self.openapi = openapi
        self._refusals = dict(refusals or {})
        server = urlsplit((openapi.spec / "servers" / 0 / "url").read_str())
        self._host_url = f"{server.scheme}://{server.netloc}"
        # Build openapi-core's validators now, not racing on first use from many threads.
        self._request_validator = openapi.request_validator
        self._response_validator = openapi.response_validator

    def request_errors(
        self,
        method: str,
        path: str,
        query: str,
        headers: Iterable[tuple[str, str]],
        body: bytes,
        path_params: Mapping[str, str],
    ) -> list[str]:
        """Every problem with a request, in the server's wording (empty when valid).

        `path` is the local path including `/api`; the body must already be known to be
        JSON (or empty).
        """
        request = _request(self._host_url, method, path, query, headers, body, path_params)
        return [
            _describe(exc, self._refusals) for exc in self._request_validator.iter_errors(request)
        ]

    def response_errors(
        self,
        method: str,
        path: str,
        status: int,
        body: bytes,
        content_type: str = "application/json",
    ) -> list[str]:
        """Every way a response differs from the operation's declared response."""
        from openapi_core.testing import MockResponse

        request = _request(self._host_url, method, path, "", [], b"", {})
        response = MockResponse(body, status_code=status, content_type=content_type)
        errors = self._response_validator.iter_errors(request, response)
        return [_describe(exc, self._refusals) for exc in errors]


def _request(
    host_url: str,
    method: str,
    path: str,
    query: str,
    headers: Iterable[tuple[str, str]],
    body: bytes,
    path_params: Mapping[str, str],
) -> _SpecRequest:
    header_list = list(headers)
    declared = next((v for k, v in header_list if k.lower() == "content-type"), "")
    return _SpecRequest(
        host_url=host_url,
        path=path,
        method=method.lower(),
        body=body,
        content_type=content_type(declared, body),
        query=query,
        headers=header_list,
        path_params=path_params,
    )


class _SpecRequest:
    """openapi-core's Request protocol for one received request.

    `host_url` is the spec's server (https://activitysmith.com) and `path` keeps `/api`,
    so openapi-core matches the spec's server URL without rewriting the spec.
    """

    def __init__(
        self,
        *,
        host_url: str,
        path: str,
        method: str,
        body: bytes,
        content_type: str,
        query: str,
        headers: list[tuple[str, str]],
        path_params: Mapping[str, str],
    ) -> None:
        from openapi_core.datatypes import RequestParameters
        from werkzeug.datastructures import Headers, ImmutableMultiDict

        self.host_url = host_url
        self.path = path
        self.method = method
        self.body = body
        self.content_type = content_type
        self.parameters = RequestParameters(
            query=ImmutableMultiDict(parse_qsl(query, keep_blank_values=True)),
            header=Headers(headers),
            cookie=ImmutableMultiDict(),
            path=dict(path_params),  # decoded by our router; openapi-core would not decode
        )


def _describe(exc: BaseException, refusals: Mapping[str, str]) -> str:
    """One readable line naming the field, from openapi-core's nested exceptions."""
    from openapi_core.validation.request.exceptions import (
        MissingRequiredRequestBody,
        ParameterValidationError,
    )

    cause = exc.__cause__
    schema_errors: Sequence[Any] = getattr(cause, "schema_errors", ())
    if isinstance(exc, ParameterValidationError):
        if schema_errors:
            return "; ".join(f"{exc.name}: {json_message(e, refusals)}" for e in schema_errors)
        return str(exc)
    if isinstance(exc, MissingRequiredRequestBody):
        return "request body: a JSON object is required"
    if schema_errors:
        return "; ".join(located(e, refusals) for e in relevant(schema_errors))
    if cause is not None:
        return str(cause)
    return str(exc)
