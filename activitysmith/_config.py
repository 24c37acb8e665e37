"""Client settings: environment fallbacks, defaults, and the checks that protect the API key.

Every setting is checked once, when the client is built, and a bad one is a
`ConfigurationError` naming it; the same checks serve the per-call options, where a bad
value is a `ValidationError` naming the option. Nothing here ever quotes the API key.
"""

from __future__ import annotations

import ipaddress
import logging
import math
import os
import re
import sys
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import httpx

from ._errors import ConfigurationError, ValidationError
from ._errors import safe_repr as shown
from ._retries import RetryPolicy
from ._version import __version__

__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_MAX_RESPONSE_BYTES",
    "DEFAULT_TIMEOUT",
    "DEFAULT_TOTAL_TIMEOUT",
    "ClientConfig",
    "resolve_config",
]

DEFAULT_BASE_URL = "https://activitysmith.com/api"
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=5.0)
DEFAULT_MAX_RETRIES = 2
DEFAULT_TOTAL_TIMEOUT = 120.0
"""Seconds a whole call may take when the caller sets no `total_timeout`: three attempts of
30 s, their backoff and a minute's `Retry-After` fit; a server that drips bytes does not."""
DEFAULT_MAX_RESPONSE_BYTES = 256 * 1024
"""Largest answer read, compressed and decompressed: the API's answers are a few hundred
bytes and the error pages of proxies in front of it tens of KB."""

MAX_SECONDS = 86_400.0
"""Longest timeout accepted (a day); longer ones overflow the platform's clocks."""
MAX_RETRIES = 100
MIN_RESPONSE_BYTES, MAX_RESPONSE_BYTES = 1024, 1024**3

ENV_API_KEY = "ACTIVITYSMITH_API_KEY"
ENV_BASE_URL = "ACTIVITYSMITH_BASE_URL"
ENV_LOG = "ACTIVITYSMITH_LOG"

USER_AGENT = (
    f"activitysmith-python/{__version__} "
    f"({sys.implementation.name} {'.'.join(map(str, sys.version_info[:3]))}; {sys.platform})"
)
SDK_HEADER = f"python-v{__version__}"
ACCEPT_ENCODING = "gzip, deflate"
"""The encodings the bounded reader decodes (and counts) itself."""


def mask_key(key: str) -> str:
    """A form of the key safe to show: its public prefix only."""
    return f"{key[:4]}***" if key.startswith("ask_") else "***"


@dataclass(frozen=True)
class ClientConfig:
    """Everything a client needs to send; the key is kept out of repr."""

    api_key: str = field(repr=False)
    base_url: str
    timeout: httpx.Timeout
    retry: RetryPolicy
    headers: Mapping[str, str] = field(repr=False)
    path_prefix: str
    total_timeout: float | None = DEFAULT_TOTAL_TIMEOUT
    max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES

    def __repr__(self) -> str:
        return (
            f"ClientConfig(api_key={mask_key(self.api_key)!r}, base_url={self.base_url!r}, "
            f"timeout={self.timeout!r}, max_retries={self.retry.max_retries}, "
            f"total_timeout={self.total_timeout!r}, max_response_bytes={self.max_response_bytes})"
        )


# --- how a bad value is reported: ConfigurationError for settings, ValidationError per call ----


def refuse(name: str, message: str, *, per_call: bool = False) -> Exception:
    """The exception for a bad setting (or, `per_call`, a bad option of one call)."""
    if per_call:
        return ValidationError(name, message)
    joiner = "" if message.startswith("[") else " "
    return ConfigurationError(f"{name}{joiner}{message}", field=name)


# --- numbers --------------------------------------------------------------------------------


def seconds(value: object, name: str, *, per_call: bool = False) -> float:
    """A positive, finite number of seconds of at most a day."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise refuse(name, f"must be a number of seconds, got {shown(value)}", per_call=per_call)
    if isinstance(value, int):
        good = 0 < value <= MAX_SECONDS
    else:
        good = math.isfinite(value) and 0 < value <= MAX_SECONDS
    if not good:
        raise refuse(
            name,
            f"must be more than 0 and at most {MAX_SECONDS:.0f} seconds, got {shown(value)}",
            per_call=per_call,
        )
    return float(value)


def timeout_from(value: object, name: str = "timeout", *, per_call: bool = False) -> httpx.Timeout:
    """A per-attempt timeout: seconds (connecting gets at most 5 of them), an httpx.Timeout,
    or None for no per-attempt limit (the total deadline still applies)."""
    if value is None:
        return httpx.Timeout(None)
    if isinstance(value, httpx.Timeout):
        for part in ("connect", "read", "write", "pool"):
            seconds_ = getattr(value, part)
            if seconds_ is not None:
                seconds(seconds_, f"{name}.{part}" if per_call else name, per_call=per_call)
        return value
    limit = seconds(value, name, per_call=per_call)
    return httpx.Timeout(limit, connect=min(limit, DEFAULT_TIMEOUT.connect or 5.0))


def total_timeout_from(value: object, *, per_call: bool = False) -> float | None:
    """`total_timeout`: seconds for a whole call, or None for no overall deadline."""
    return None if value is None else seconds(value, "total_timeout", per_call=per_call)


def max_retries_from(value: object, *, per_call: bool = False) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_RETRIES:
        raise refuse(
            "max_retries",
            f"must be an integer from 0 to {MAX_RETRIES}, got {shown(value)}",
            per_call=per_call,
        )
    return value


def max_response_bytes_from(value: object) -> int:
    if (
        isinstance(value, bool)
        or not isinstance(value, int)
        or not MIN_RESPONSE_BYTES <= value <= MAX_RESPONSE_BYTES
    ):
        raise refuse(
            "max_response_bytes",
            f"must be an integer from {MIN_RESPONSE_BYTES} to {MAX_RESPONSE_BYTES} (bytes), "
            f"got {shown(value)}",
        )
    return value


# --- the API key ----------------------------------------------------------------------------

_KEY = re.compile(r"[\x21-\x7e]+\Z")
"""What a key can be: visible ASCII, no spaces (anything else cannot go in a header)."""

_NAMED = {
    "\ufeff": ("a byte-order mark (U+FEFF)", " (files saved by some editors begin with one)"),
    "\u200b": ("a zero-width space (U+200B)", " (often copied along from web pages and chats)"),
    "\u200c": ("a zero-width non-joiner (U+200C)", ""),
    "\u200d": ("a zero-width joiner (U+200D)", ""),
    "\u2060": ("a word joiner (U+2060)", ""),
    "\u00a0": ("a no-break space (U+00A0)", ""),
}


def _key_problem(key: str) -> str:
    """What is wrong with a key that is not visible ASCII: never the key itself."""
    for index, char in enumerate(key):
        if _KEY.match(char):
            continue
        where = " at its start" if index == 0 else " at its end" if index == len(key) - 1 else ""
        hint = ""
        if char in _NAMED:
            what, hint = _NAMED[char]
        elif char in "\r\n":
            what = "a line break"
        elif char.isspace():
            what = "whitespace"
        elif "\ud800" <= char <= "\udfff":
            what = "a lone surrogate (text that was not valid UTF-8)"
        elif unicodedata.category(char) in ("Cc", "Cf"):
            what = f"a control character (U+{ord(char):04X})"
        else:
            what = "a non-ASCII character"
        return f"contains {what}{where}{hint}"
    return "is not valid"  # pragma: no cover - only reached for keys the pattern accepts


def check_api_key(value: object) -> str:
    """The key from the argument or the environment, checked once; never echoed."""
    key = value if value is not None else os.environ.get(ENV_API_KEY)
    if key is not None and not isinstance(key, str):
        raise ConfigurationError(
            f"api_key must be a string, got {type(key).__name__}", field="api_key"
        )
    stripped = (key or "").strip(" \t\r\n")
    if not stripped:
        raise ConfigurationError(
            "No ActivitySmith API key: pass ActivitySmith(api_key=...) or set the "
            f"{ENV_API_KEY} environment variable (create a key in the ActivitySmith web app).",
            field="api_key",
        )
    if _KEY.match(stripped):
        return stripped
    source = "The API key" if value is not None else f"The API key in ${ENV_API_KEY}"
    raise ConfigurationError(
        f"{source} {_key_problem(stripped)}; a key is visible ASCII without spaces "
        "(it starts with ask_). Check how it was copied or loaded.",
        field="api_key",
    )


# --- the base URL ---------------------------------------------------------------------------

_USERINFO = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://[^/?#]*@")


def is_loopback(host: str) -> bool:
    """Only `localhost` itself and literal loopback addresses (a name may resolve anywhere)."""
    if host.lower() == "localhost":
        return True
    try:
        address = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    mapped = getattr(address, "ipv4_mapped", None)
    return address.is_loopback or (mapped is not None and mapped.is_loopback)


def parse_base_url(value: object, *, allow_insecure_http: bool) -> tuple[str, str]:
    """The base URL without its trailing slash, and its path (the API prefix of every route)."""
    url = value if value is not None else os.environ.get(ENV_BASE_URL) or DEFAULT_BASE_URL
    if not isinstance(url, str):
        raise refuse("base_url", f"must be a string, got {type(url).__name__}")
    if _USERINFO.match(url):
        raise refuse(
            "base_url",
            "must not contain credentials (user:password@); the API key is the only credential",
        )
    for char in url:
        if unicodedata.category(char) in ("Cc", "Cf") or char == "\x7f":
            raise refuse("base_url", f"contains a control character (U+{ord(char):04X})")
        if char.isspace():
            raise refuse("base_url", "contains whitespace")
    url = url.rstrip("/")
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, ValueError, TypeError) as exc:
        raise refuse("base_url", f"is not a valid URL ({exc})") from None
    if parsed.scheme not in ("http", "https"):
        raise refuse("base_url", f"must be an http(s) URL, got {shown(url)}")
    if not parsed.host:
        raise refuse("base_url", f"has no host, got {shown(url)}")
    if parsed.port is not None and not 0 < parsed.port < 65536:
        raise refuse("base_url", f"has a port out of range (1-65535): {parsed.port}")
    if parsed.userinfo:
        raise refuse("base_url", "must not contain credentials (user:password@)")
    if "?" in url or parsed.query:
        raise refuse("base_url", "must not have a query string (?...)")
    if "#" in url or parsed.fragment:
        raise refuse("base_url", "must not have a fragment (#...)")
    if not isinstance(allow_insecure_http, bool):
        raise refuse(
            "allow_insecure_http", f"must be True or False, got {shown(allow_insecure_http)}"
        )
    if parsed.scheme == "http" and not is_loopback(parsed.host) and not allow_insecure_http:
        raise ConfigurationError(
            f"Refusing to send the API key over plain http to {parsed.host}. Use https, or pass "
            "allow_insecure_http=True if this host is trusted.",
            field="base_url",
        )
    return url, parsed.path.rstrip("/")


# --- headers --------------------------------------------------------------------------------

_TOKEN = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+\Z")
_VALUE = re.compile(r"[\t\x20-\x7e]*\Z")
_OWN_HEADERS = frozenset({"authorization", "content-length", "transfer-encoding", "host"})


def check_headers(value: object) -> dict[str, str]:
    """`default_headers`: valid names, one-line ASCII values, none the SDK must set itself."""
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise refuse("default_headers", f"must be a dict of names to values, got {shown(value)}")
    headers: dict[str, str] = {}
    for name, text in value.items():
        if not isinstance(name, str) or not _TOKEN.match(name):
            raise refuse("default_headers", f"has an invalid header name {shown(name)}")
        if name.lower() in _OWN_HEADERS:
            hint = "; pass api_key instead" if name.lower() == "authorization" else ""
            raise refuse("default_headers", f"must not set {name} (the SDK sets it){hint}")
        if not isinstance(text, str):
            raise refuse(
                "default_headers", f"[{name!r}] must be a string, got {type(text).__name__}"
            )
        if not _VALUE.match(text):
            raise refuse(
                "default_headers",
                f"[{name!r}] must be printable ASCII on one line (no line breaks or controls)",
            )
        headers[name] = text
    return headers


# --- logging --------------------------------------------------------------------------------


def configure_logging_from_env() -> None:
    """Honour ACTIVITYSMITH_LOG=debug|info by attaching a stderr handler once."""
    level_name = os.environ.get(ENV_LOG, "").strip().upper()
    if level_name not in ("DEBUG", "INFO"):
        return
    logger = logging.getLogger("activitysmith")
    logger.setLevel(level_name)
    if not any(getattr(h, "_activitysmith", False) for h in logger.handlers):
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("[activitysmith] %(levelname)s %(message)s"))
        handler._activitysmith = True  # type: ignore[attr-defined]
        logger.addHandler(handler)


def resolve_config(
    *,
    api_key: Any,
    base_url: Any,
    timeout: Any,
    max_retries: Any,
    default_headers: Any,
    allow_insecure_http: Any,
    total_timeout: Any = DEFAULT_TOTAL_TIMEOUT,
    max_response_bytes: Any = DEFAULT_MAX_RESPONSE_BYTES,
) -> ClientConfig:
    """Apply environment fallbacks and defaults; raise ConfigurationError on unusable settings."""
    key = check_api_key(api_key)
    url, prefix = parse_base_url(base_url, allow_insecure_http=allow_insecure_http)
    headers = {
        "Authorization": f"Bearer {key}",
        "Accept": "application/json",
        "Accept-Encoding": ACCEPT_ENCODING,
        "User-Agent": USER_AGENT,
        "X-ActivitySmith-SDK": SDK_HEADER,
    }
    headers.update(check_headers(default_headers))
    return ClientConfig(
        api_key=key,
        base_url=url,
        timeout=timeout_from(timeout),
        retry=RetryPolicy(max_retries=max_retries_from(max_retries)),
        headers=headers,
        path_prefix=prefix,
        total_timeout=total_timeout_from(total_timeout),
        max_response_bytes=max_response_bytes_from(max_response_bytes),
    )
