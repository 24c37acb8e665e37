"""One request through the API's gates, without sockets: route, rate limits, auth, JSON, spec, service.

Each gate follows the spec through the generated operation table: the route, the rate-limit
feature it spends (per client address, then per account), and whether the operation's
`security` asks for the key. Every answer to an operation reports the budgets it met.
"""

from __future__ import annotations

import hmac
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from ._behaviour import Behaviour
from ._ratelimit import RequestBudgets
from ._reply import ApiError, Reply
from ._routes import ROUTES, match
from ._validation import SpecValidator


@dataclass(frozen=True)
class Handled:
    """The reply plus what the request turned out to be, for the request log."""

    reply: Reply
    operation: str | None
    json: Any
    problems: tuple[str, ...] | None = None
    """What the spec check found (empty: valid), or None when a gate answered before it."""


class _BadJson(ValueError):
    """The body is not strict JSON."""


class Gates:
    """The local API: answers a parsed HTTP request with a `Reply`."""

    def __init__(
        self, *, api_key: str, service: Behaviour, limiter: RequestBudgets, validator: SpecValidator
    ) -> None:
        unchecked = sorted({operation for _, _, operation in ROUTES} - validator.operations)
        if unchecked:
            # The routes come from the generated table, the validators from the packaged spec.
            raise RuntimeError(
                f"the local server's openapi.yaml has no {', '.join(unchecked)}: "
                "it is out of date with the operation table; run 'make generate'"
            )
        self.api_key = api_key
        self.service = service
        self.limiter = limiter
        self._validator = validator

    def handle(
        self,
        method: str,
        target: str,
        headers: Sequence[tuple[str, str]],
        body: bytes,
        client: str = "local",
    ) -> Handled:
        """Answer one request from address `client`; never raises for anything a client can send."""
        url = urlsplit(target)
        path, query = url.path, url.query
        parsed, bad_json = None, None
        try:
            parsed = _decode(body)
        except ApiError as exc:
            bad_json = exc
        route = match(method, path)
        if route is None:
            return _answer(
                ApiError(404, "Not found", f"No route for {method} {path}"), None, parsed
            )
        if route.operation is None:
            error = ApiError(
                405,
                "Method not allowed",
                f"{method} is not allowed on {path}; use {', '.join(route.allowed)}",
                headers={"Allow": ", ".join(route.allowed)},
            )
            return _answer(error, None, parsed)
        operation, op = route.operation, route.op
        assert op is not None
        checked: tuple[str, ...] | None = None
        meter = self.limiter.meter(op.feature, client)
        try:
            meter.spend_ip()
            if op.needs_key:
                self._authenticate(headers)
            meter.spend_account()
            if bad_json is not None:
                raise bad_json
            problems = self._validator.request_errors(
                operation, route.params, query, headers, body, parsed
            )
            checked = tuple(problems)
            if problems:
                raise self._invalid(operation, problems)
        except ApiError as exc:
            return Handled(meter.stamp(exc.reply), operation, parsed, checked)
        reply = self.service.handle(operation, route.params, parsed)
        return Handled(meter.stamp(reply), operation, parsed, checked)

    def _invalid(self, operation: str, problems: Sequence[str]) -> ApiError:
        """The 400 for a request the spec refuses: the `error` (and `code`) the spec gives the
        first refused field (`x-activitysmith-error`), else a generic title."""
        message = "; ".join(problems)
        found = self._validator.field_error(operation, problems[0])
        if found is None:
            return ApiError(400, _error_title(operation, problems[0]), message)
        error, code = found
        if code is None:
            return ApiError(400, error, message)
        return ApiError(400, error, message, code=code)

    def _authenticate(self, headers: Sequence[tuple[str, str]]) -> None:
        values = [value for name, value in headers if name.lower() == "authorization"]
        if not values:
            raise ApiError(
                401, "Unauthorized", "Missing API key: send 'Authorization: Bearer <api key>'"
            )
        scheme, _, token = values[0].strip().partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(
            token.strip().encode(), self.api_key.encode()
        ):
            raise ApiError(401, "Unauthorized", "Invalid API key")


def _answer(error: ApiError, operation: str | None, parsed: Any) -> Handled:
    return Handled(error.reply, operation, parsed)


def _error_title(operation: str, problem: str) -> str:
    if problem.startswith("stream_key:"):
        return "Invalid stream_key"
    if operation == "updateMetricValue":
        return "Invalid metric key" if problem.startswith("key:") else "Invalid metric value"
    return "Invalid request"


def _decode(body: bytes) -> Any:
    """The JSON body (None when empty), or a 400 naming what is wrong with it."""
    if not body:
        return None
    try:
        return _strict_json(body)
    except UnicodeDecodeError as exc:
        raise ApiError(
            400,
            "Invalid JSON",
            f"Request body is not valid UTF-8: byte 0x{body[exc.start]:02x} at position {exc.start}",
        ) from exc
    except (_BadJson, ValueError) as exc:
        raise ApiError(400, "Invalid JSON", f"Request body is not valid JSON: {exc}") from exc


def parse_json(body: bytes) -> Any:
    """The body as strict JSON, or None when it is empty or not JSON (for the request log)."""
    try:
        return _decode(body)
    except ApiError:
        return None


MAX_DEPTH = 100
"""How deep a request body may nest (the document is level 1), as the SDK allows and as the
default nesting limit of common JSON parsers; deeper bodies are answered 400."""


def _strict_json(body: bytes) -> Any:
    """json.loads without NaN, Infinity, numbers too large for a float, or absurd nesting."""
    try:
        value = json.loads(
            body.decode("utf-8"), parse_constant=_reject_constant, parse_float=_finite_float
        )
    except RecursionError:
        raise _BadJson(f"it is nested more than {MAX_DEPTH} levels deep") from None
    if body.count(b"[") + body.count(b"{") > MAX_DEPTH and _depth(value) > MAX_DEPTH:
        raise _BadJson(f"it is nested more than {MAX_DEPTH} levels deep")
    return value


def _depth(value: Any) -> int:
    """How many containers deep `value` nests (without recursion)."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, depth)
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, depth + 1) for child in children)
    return deepest


def _reject_constant(name: str) -> Any:
    raise _BadJson(f"{name} is not a JSON value")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _BadJson(f"{text} is out of range for a number")
    return value
