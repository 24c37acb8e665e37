"""Checks requests (and, for tests, responses) against the shipped `openapi.yaml` with openapi-core.

openapi-core is imported lazily: `import activitysmith.testing` works without the
`testing` extra, and starting a server without it raises `MissingTestingExtra`.
The spec is parsed once per process.
"""

from __future__ import annotations

import contextlib
import importlib.resources
import json
import threading
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, urlsplit

if TYPE_CHECKING:
    from openapi_core import OpenAPI

INSTALL_HINT = (
    "activitysmith.testing needs the 'testing' extra: pip install 'activitysmith[testing]'"
)


class MissingTestingExtra(ImportError):
    """Raised when the local server starts without openapi-core installed."""


_lock = threading.Lock()
_validator: SpecValidator | None = None


def spec_validator() -> SpecValidator:
    """The process-wide validator for the packaged spec (built on first use)."""
    global _validator
    with _lock:
        if _validator is None:
            _validator = SpecValidator(_load_openapi())
        return _validator


def _load_openapi() -> OpenAPI:
    try:
        from openapi_core import OpenAPI
    except ImportError as exc:
        raise MissingTestingExtra(INSTALL_HINT) from exc
    resource = importlib.resources.files("activitysmith.testing") / "openapi.yaml"
    with importlib.resources.as_file(resource) as path:
        return OpenAPI.from_file_path(str(path))


class SpecValidator:
    """Request and response validation against one parsed spec."""

    def __init__(self, openapi: OpenAPI) -> None:
        self._openapi = openapi
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
        """Every problem with a request, each naming the field (empty when valid).

        `path` is the local path including `/api`; the body must already be known to be
        JSON (or empty).
        """
        request = _request(self._host_url, method, path, query, headers, body, path_params)
        return [_describe(exc) for exc in self._request_validator.iter_errors(request)]

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
        return [_describe(exc) for exc in self._response_validator.iter_errors(request, response)]


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
    content_type = next((v for k, v in header_list if k.lower() == "content-type"), "")
    return _SpecRequest(
        host_url=host_url,
        path=path,
        method=method.lower(),
        body=body,
        content_type=_content_type(content_type, body).lower(),
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


def _content_type(header: str, body: bytes) -> str:
    """The Content-Type in a form openapi-core parses.

    openapi-core raises ValueError on a parameter without `=` (`application/json; charset`),
    so malformed parameters are dropped. A missing type on a body counts as JSON.
    """
    media, *parameters = header.split(";")
    if not media.strip():
        return "application/json" if body else ""
    kept = [p.strip() for p in parameters if p.count("=") == 1 and p.split("=")[0].strip()]
    return "; ".join([media.strip(), *kept])


def _describe(exc: BaseException) -> str:
    """One readable line naming the field, from openapi-core's nested exceptions."""
    from openapi_core.validation.request.exceptions import (
        MissingRequiredRequestBody,
        ParameterValidationError,
    )

    cause = exc.__cause__
    schema_errors: Sequence[Any] = getattr(cause, "schema_errors", ())
    if isinstance(exc, ParameterValidationError):
        if schema_errors:
            return "; ".join(f"{exc.name}: {_json_message(e)}" for e in schema_errors)
        return str(exc)
    if isinstance(exc, MissingRequiredRequestBody):
        return "request body: a JSON object is required"
    if schema_errors:
        return "; ".join(_located(e) for e in _relevant(schema_errors))
    if cause is not None:
        return str(cause)
    return str(exc)


def _relevant(errors: Sequence[Any]) -> list[Any]:
    """The errors worth reporting, by location; a wrong type hides the rest at its spot."""
    mistyped = {tuple(e.absolute_path) for e in errors if e.validator == "type"}
    kept = [e for e in errors if e.validator == "type" or tuple(e.absolute_path) not in mistyped]
    return sorted(kept, key=lambda e: [str(p) for p in e.absolute_path])


def _located(error: Any) -> str:
    location = _dotted(error.absolute_path)
    message = _json_message(error)
    return f"{location}: {message}" if location else message


def _dotted(path: Iterable[str | int]) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def _json_message(error: Any) -> str:
    """jsonschema's message with the offending value written as JSON (`true`, not `True`)."""
    message = str(error.message)
    if error.validator == "not" and isinstance(error.validator_value, dict):
        together = error.validator_value.get("required")
        if together:
            return f"{' and '.join(together)} cannot be sent together"
    if error.validator in ("oneOf", "anyOf") and error.context:
        types = [e.validator_value for e in error.context if e.validator == "type"]
        if len(types) == len(error.context):
            message = f"{error.instance!r} is not of type {' or '.join(map(str, types))}"
    prefix = repr(error.instance)
    if message.startswith(prefix):
        with contextlib.suppress(TypeError, ValueError):
            return json.dumps(error.instance)[:200] + message[len(prefix) :]
    return message
