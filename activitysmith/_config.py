"""Client settings: environment fallbacks, defaults, and the checks that protect the API key."""

from __future__ import annotations

import ipaddress
import logging
import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field

import httpx

from ._errors import ConfigurationError
from ._retries import RetryPolicy
from ._version import __version__

__all__ = ["DEFAULT_BASE_URL", "DEFAULT_TIMEOUT", "ClientConfig", "resolve_config"]

DEFAULT_BASE_URL = "https://activitysmith.com/api"
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=5.0)
DEFAULT_MAX_RETRIES = 2

ENV_API_KEY = "ACTIVITYSMITH_API_KEY"
ENV_BASE_URL = "ACTIVITYSMITH_BASE_URL"
ENV_LOG = "ACTIVITYSMITH_LOG"

USER_AGENT = (
    f"activitysmith-python/{__version__} "
    f"({sys.implementation.name} {'.'.join(map(str, sys.version_info[:3]))}; {sys.platform})"
)
SDK_HEADER = f"python-v{__version__}"


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

    def __repr__(self) -> str:
        return (
            f"ClientConfig(api_key={mask_key(self.api_key)!r}, base_url={self.base_url!r}, "
            f"timeout={self.timeout!r}, max_retries={self.retry.max_retries})"
        )


def _is_loopback(host: str) -> bool:
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _timeout(value: float | httpx.Timeout | None) -> httpx.Timeout:
    if isinstance(value, httpx.Timeout):
        return value
    if value is None:
        return httpx.Timeout(None)
    if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
        raise ConfigurationError(f"timeout must be a positive number of seconds, got {value!r}")
    return httpx.Timeout(float(value), connect=min(float(value), DEFAULT_TIMEOUT.connect or 5.0))


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
    api_key: str | None,
    base_url: str | None,
    timeout: float | httpx.Timeout | None,
    max_retries: int,
    default_headers: Mapping[str, str] | None,
    allow_insecure_http: bool,
) -> ClientConfig:
    """Apply environment fallbacks and defaults; raise ConfigurationError on unusable settings."""
    key = api_key if api_key is not None else os.environ.get(ENV_API_KEY)
    if not key or not key.strip():
        raise ConfigurationError(
            "No ActivitySmith API key: pass ActivitySmith(api_key=...) or set the "
            f"{ENV_API_KEY} environment variable (create a key in the ActivitySmith web app)."
        )
    if any(c in key for c in "\r\n"):
        raise ConfigurationError("The API key contains a line break; check how it was loaded.")
    url = (base_url or os.environ.get(ENV_BASE_URL) or DEFAULT_BASE_URL).rstrip("/")
    parsed = httpx.URL(url)
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise ConfigurationError(f"base_url must be an http(s) URL, got {url!r}")
    if parsed.scheme == "http" and not _is_loopback(parsed.host) and not allow_insecure_http:
        raise ConfigurationError(
            f"Refusing to send the API key over plain http to {parsed.host}. Use https, or pass "
            "allow_insecure_http=True if this host is trusted."
        )
    if isinstance(max_retries, bool) or not isinstance(max_retries, int) or max_retries < 0:
        raise ConfigurationError(f"max_retries must be an integer >= 0, got {max_retries!r}")
    headers = {
        "Authorization": f"Bearer {key.strip()}",
        "Accept": "application/json",
        "User-Agent": USER_AGENT,
        "X-ActivitySmith-SDK": SDK_HEADER,
    }
    headers.update(default_headers or {})
    return ClientConfig(
        api_key=key.strip(),
        base_url=url,
        timeout=_timeout(timeout),
        retry=RetryPolicy(max_retries=max_retries),
        headers=headers,
        path_prefix=parsed.path.rstrip("/"),
    )
