"""Per-call request options (`extra_headers`, `extra_query`, `extra_body`) and how a caller's
own `httpx` client settings join a request the SDK built: pure, shared by sync and async.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import httpx

from ._errors import ValidationError

__all__ = ["EXT_EXPLICIT_HEADERS", "apply_extras", "join_client_settings"]

# Header names the caller set on the SDK (default_headers, extra_headers): a caller-supplied
# http_client's own headers never replace these.
EXT_EXPLICIT_HEADERS = "activitysmith.explicit_headers"

# Headers that describe the body the SDK built; a client-wide value would corrupt it.
_BODY_HEADERS = frozenset({"content-type", "content-length", "transfer-encoding", "host"})
_httpx_defaults: httpx.Headers | None = None


def apply_extras(
    kwargs: dict[str, Any],
    extra_headers: Mapping[str, str | None] | None,
    extra_query: Mapping[str, Any] | None,
    extra_body: Mapping[str, Any] | None,
) -> tuple[str, ...]:
    """Merge the per-call extras into `build_request` keyword arguments, after validation.

    Extras win over what the SDK built and are sent unvalidated. Returns the header names
    whose extra value is None: the caller removes those from the built request.
    """
    removed: tuple[str, ...] = ()
    if extra_body is not None:
        if not isinstance(extra_body, Mapping):
            raise ValidationError("extra_body", "must be a mapping of JSON field names to values")
        try:
            json.dumps(extra_body)
        except (TypeError, ValueError) as exc:
            raise ValidationError("extra_body", f"is not JSON-serialisable ({exc})") from None
        kwargs["json"] = {**(kwargs.get("json") or {}), **extra_body}
    if extra_query is not None:
        if not isinstance(extra_query, Mapping):
            raise ValidationError("extra_query", "must be a mapping of query parameters")
        kwargs["params"] = {**(kwargs.get("params") or {}), **extra_query}
    if extra_headers is not None:
        if not isinstance(extra_headers, Mapping):
            raise ValidationError("extra_headers", "must be a mapping of header names to values")
        headers = dict(kwargs.get("headers") or {})
        for name, value in extra_headers.items():
            if value is None:
                removed += (name,)
            elif not isinstance(value, str) or any(c in value for c in "\r\n"):
                raise ValidationError(
                    f"extra_headers.{name}", "must be a string without line breaks"
                )
            else:
                headers[name] = value
        kwargs["headers"] = headers
        names = frozenset(name.lower() for name in extra_headers)
        extensions = kwargs.setdefault("extensions", {})
        extensions[EXT_EXPLICIT_HEADERS] = extensions.get(EXT_EXPLICIT_HEADERS, frozenset()) | names
    return removed


def _defaults() -> httpx.Headers:
    """The headers every httpx client sends unless told otherwise (Accept: */*, its User-Agent)."""
    global _httpx_defaults
    if _httpx_defaults is None:
        _httpx_defaults = httpx.Client(transport=httpx.BaseTransport()).headers
    return _httpx_defaults


def join_client_settings(request: httpx.Request, client: httpx.Client | httpx.AsyncClient) -> None:
    """Give `request` the caller client's own headers, query params and cookies.

    `client.send()` applies the client's auth, hooks, mounts, proxies and TLS, but not these
    (httpx merges them in `build_request`). The caller's headers win over the SDK's own
    (`Authorization`, `User-Agent`, ...) except where the caller set a header on the SDK too;
    values that are merely httpx's defaults never replace the SDK's.
    """
    explicit: frozenset[str] = request.extensions.get(EXT_EXPLICIT_HEADERS, frozenset())
    defaults = _defaults()
    for name, value in client.headers.multi_items():
        lower = name.lower()
        if lower in _BODY_HEADERS or lower in explicit or defaults.get(lower) == value:
            continue
        request.headers[name] = value
    if client.params:
        merged = client.params.merge(request.url.params)
        request.url = request.url.copy_with(params=merged)
    if client.cookies and "cookie" not in request.headers:
        httpx.Cookies(client.cookies).set_cookie_header(request)
