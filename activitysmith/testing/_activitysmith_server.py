"""`ActivitySmithServer`: the local API in a background thread, plus what tests inspect."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from types import TracebackType
from typing import Self

from ._behaviour import Behaviour
from ._clock import Clock
from ._faults import Fault, FaultQueue
from ._gates import Gates
from ._http_server import Context, HttpServer
from ._live_activities import LIVE_ACTIVITY_LIMIT, WhenLimitReached
from ._log import RequestLog
from ._models import (
    DEFAULT_DEVICES,
    DEFAULT_METRICS,
    BadgeUpdate,
    Device,
    LiveActivity,
    Metric,
    Notification,
    RecordedRequest,
)
from ._preview import Preview
from ._ratelimit import RateLimits, RequestBudgets
from ._routes import API_PREFIX
from ._validation import spec_validator

DEFAULT_API_KEY = "ask_test_local"


class ActivitySmithServer:
    """A faithful local ActivitySmith API on 127.0.0.1, for tests and offline demos.

    Use it as a context manager (or `start()` / `stop()`); point a client at `base_url`
    with `api_key`. Requests are validated against the SDK's `openapi.yaml` and behave
    like the service: recipients, streams, limits and errors. Everything is kept in
    memory and can be inspected (`requests`, `notifications`, `live_activities`, ...).

    - `devices`: the paired devices (`Device(name, user, channels)`), who a request
      reaches (default `DEFAULT_DEVICES`: two users, three devices, subscribed to every
      channel the README's examples use).
    - `key_channels`: scope the API key to these channels (default: all recipients).
    - `live_activity_limit`: concurrent Live Activities per device (default: the spec's).
    - `when_limit_reached`: what a start or stream PUT does on a device already at that
      limit: `"end_oldest"` (default) ends the device's oldest activity and reports it as
      `ended_activity_id`; `"reject"` answers 429 (`LiveActivityLimitError`).
    - `metrics`: metric keys that exist; others answer 404 like the service, unless
      `auto_create_metrics` is true.
    - `rate_limit`: the request budgets (`RateLimits()`: the spec's, per feature), or
      None to switch rate limiting off.
    - `clock`: the server's time (`server.clock`); real time unless a test moves it
      with `server.clock.advance(seconds)`.
    - `preview`: serve the Lock Screen preview at `preview_url` (the root URL), a page that
      draws what an iPhone would show, live; False answers `/` like any unknown path.
    """

    def __init__(
        self,
        *,
        api_key: str = DEFAULT_API_KEY,
        devices: Sequence[Device] = DEFAULT_DEVICES,
        key_channels: Sequence[str] | None = None,
        live_activity_limit: int = LIVE_ACTIVITY_LIMIT,
        when_limit_reached: WhenLimitReached = "end_oldest",
        metrics: Iterable[str] = DEFAULT_METRICS,
        auto_create_metrics: bool = False,
        rate_limit: RateLimits | None = RateLimits(),  # noqa: B008 (frozen, shared safely)
        host: str = "127.0.0.1",
        port: int = 0,
        clock: Clock | None = None,
        preview: bool = True,
    ) -> None:
        if not api_key:
            raise ValueError("api_key must not be empty")
        self._api_key = api_key
        self._address = (host, port)
        self._clock = clock or Clock()
        self._service = Behaviour(
            devices=devices,
            key_channels=key_channels,
            metrics=metrics,
            auto_create_metrics=auto_create_metrics,
            clock=self._clock,
            live_activity_limit=live_activity_limit,
            when_limit_reached=when_limit_reached,
        )
        self._limiter = RequestBudgets(rate_limit, clock=self._clock.monotonic)
        self._faults = FaultQueue()
        self._log = RequestLog()
        self._preview = (
            Preview(self, devices=devices, host=host, now=self._clock.timestamp)
            if preview
            else None
        )
        self._context: Context | None = None
        self._http: HttpServer | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle -------------------------------------------------------------------

    def start(self) -> Self:
        """Bind the port and serve in a daemon thread.

        Raises `MissingTestingExtra` (an ImportError) without the `testing` extra.
        """
        if self._http is not None:
            raise RuntimeError("the server is already running")
        app = Gates(
            api_key=self._api_key,
            service=self._service,
            limiter=self._limiter,
            validator=spec_validator(),
        )
        self._context = Context(
            app=app, faults=self._faults, log=self._log, clock=self._clock, preview=self._preview
        )
        self._http = HttpServer(self._address, self._context)
        self._thread = threading.Thread(
            target=self._http.serve_forever,
            kwargs={"poll_interval": 0.05},
            name=f"activitysmith-server-{self.port}",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving, end hung requests and close every connection. Idempotent."""
        http, thread, context = self._http, self._thread, self._context
        if http is None or thread is None or context is None:
            return
        context.stopping.set()
        context.release_hung_requests()
        if self._preview is not None:
            self._preview.close()
        http.shutdown()
        http.close_connections()
        http.server_close()
        thread.join()
        self._http = self._thread = None

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def running(self) -> bool:
        """Whether the server is serving (between `start()` and `stop()`)."""
        return self._http is not None

    # -- where to connect ------------------------------------------------------------

    @property
    def port(self) -> int:
        """The bound port (the ephemeral one when `port=0`)."""
        if self._http is None:
            raise RuntimeError("the server is not running; call start() or use `with`")
        return int(self._http.server_address[1])

    @property
    def url(self) -> str:
        """`http://127.0.0.1:PORT`."""
        return f"http://{self._address[0]}:{self.port}"

    @property
    def base_url(self) -> str:
        """The API root to give a client: `http://127.0.0.1:PORT/api`."""
        return self.url + API_PREFIX

    @property
    def preview_url(self) -> str:
        """The Lock Screen preview: open `http://127.0.0.1:PORT/` in a browser."""
        self._switched_on_preview()
        return self.url + "/"

    def wait_for_preview(self, timeout: float) -> bool:
        """Whether a browser shows the preview, waiting up to `timeout` seconds for one."""
        return self._switched_on_preview().wait_for_page(timeout)

    def _switched_on_preview(self) -> Preview:
        if self._preview is None:
            raise RuntimeError("the preview is switched off (ActivitySmithServer(preview=False))")
        return self._preview

    @property
    def api_key(self) -> str:
        """The key the server accepts as `Authorization: Bearer <api_key>`."""
        return self._api_key

    @property
    def clock(self) -> Clock:
        """The server's time: rate windows, timers, dismissal, warnings and timestamps.

        `server.clock.advance(60)` is "a minute later" without waiting.
        """
        return self._clock

    # -- faults ------------------------------------------------------------------------

    @property
    def faults(self) -> FaultQueue:
        """Pending injected faults; `server.faults.add(...)` or `server.inject(...)`."""
        return self._faults

    def inject(
        self,
        fault: Fault,
        *,
        times: int = 1,
        method: str | None = None,
        path: str | None = None,
    ) -> None:
        """Make the next `times` matching requests suffer `fault` (see `FaultQueue.add`)."""
        self._faults.add(fault, times=times, method=method, path=path)

    # -- inspection --------------------------------------------------------------------

    @property
    def requests(self) -> list[RecordedRequest]:
        """Every request received, oldest first (Authorization masked as `Bearer ***`)."""
        return self._log.all()

    @property
    def last_request(self) -> RecordedRequest | None:
        """The most recent request, or None."""
        return self._log.last()

    @property
    def notifications(self) -> list[Notification]:
        """Push notifications sent, oldest first, as they stand after replacements."""
        return self._service.notifications()

    @property
    def live_activities(self) -> list[LiveActivity]:
        """Every Live Activity started (ended ones too), oldest first."""
        return self._service.live_activities()

    def activity(self, activity_id: str) -> LiveActivity:
        """One Live Activity by id; KeyError when the server never started it."""
        found = self._service.activity(activity_id)
        if found is None:
            raise KeyError(activity_id)
        return found

    @property
    def streams(self) -> dict[str, str]:
        """Managed streams that exist: stream_key -> its current activity id."""
        return self._service.streams()

    @property
    def metrics(self) -> dict[str, Metric]:
        """Metrics that received values: key -> latest value, timestamp and history."""
        return self._service.metrics()

    @property
    def badge(self) -> int | None:
        """The latest app icon badge count set, or None."""
        updates = self._service.badge_updates()
        return updates[-1].badge if updates else None

    @property
    def badge_updates(self) -> list[BadgeUpdate]:
        """Every badge update, oldest first."""
        return self._service.badge_updates()

    @property
    def internal_errors(self) -> list[str]:
        """Tracebacks of bugs in the server itself (answered as 500); empty when healthy."""
        if self._context is None:
            return []
        with self._context.lock:
            return list(self._context.internal_errors)

    def reset(self) -> None:
        """Back to a fresh server: forget all state, requests, rate-limit windows and pending
        faults, and put the clock back to real time. Requests still hanging on an injected
        `Fault.hang` are dropped unanswered. Keeps the port and open connections."""
        if self._context is not None:
            self._context.release_hung_requests()
            with self._context.lock:
                self._context.internal_errors.clear()
        self._service.reset()
        self._limiter.reset()
        self._faults.clear()
        self._log.clear()
        self._clock.reset()
        if self._preview is not None:
            self._preview.reset()

    def __repr__(self) -> str:
        where = self.base_url if self._http is not None else "stopped"
        return f"<ActivitySmithServer {where}>"
