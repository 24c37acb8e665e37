"""ActivitySmithHandler: log records become pushes at the local server, without ever
blocking or raising into the application."""

from __future__ import annotations

import logging
import logging.config
import os
import subprocess
import sys
import time
from collections.abc import Iterator

import pytest

import activitysmith
from activitysmith import ActivitySmith, ActivitySmithHandler
from activitysmith.testing import ActivitySmithServer, Fault


@pytest.fixture
def log() -> Iterator[logging.Logger]:
    logger = logging.getLogger("tests.jobs.billing")
    logger.propagate = False
    logger.setLevel(logging.DEBUG)
    yield logger
    for handler in list(logger.handlers):
        logger.removeHandler(handler)
        handler.close()
    logger.propagate = True
    logger.setLevel(logging.NOTSET)


def _pushes(server: ActivitySmithServer) -> list[dict[str, object]]:
    return [
        dict(r.json)
        for r in server.requests
        if r.operation == "sendPushNotification" and isinstance(r.json, dict)
    ]


def test_error_record_becomes_a_push_with_title_level_and_no_traceback(
    log: logging.Logger,
    activitysmith_client: ActivitySmith,
    activitysmith_server: ActivitySmithServer,
) -> None:
    handler = ActivitySmithHandler(client=activitysmith_client, channels=["ops"])
    log.addHandler(handler)
    log.info("below the level: not sent")
    try:
        raise RuntimeError("password=hunter2 in a local")
    except RuntimeError:
        log.exception("charge failed for invoice %s", 42)
    log.warning("a warning")  # below ERROR: not sent
    handler.flush()
    [push] = _pushes(activitysmith_server)
    assert push == {
        "title": "ERROR: tests.jobs.billing",
        "message": "charge failed for invoice 42",
        "interruption_level": "time-sensitive",
        "target": {"channels": ["ops"]},
    }


def test_levels_map_to_interruption_levels_and_tracebacks_are_opt_in(
    log: logging.Logger,
    activitysmith_client: ActivitySmith,
    activitysmith_server: ActivitySmithServer,
) -> None:
    handler = ActivitySmithHandler(logging.INFO, activitysmith_client, include_traceback=True)
    handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    log.addHandler(handler)
    log.info("info")
    log.warning("warn")
    try:
        1 / 0  # noqa: B018
    except ZeroDivisionError:
        log.critical("boom", exc_info=True)
    handler.flush()
    pushes = _pushes(activitysmith_server)
    assert [p["interruption_level"] for p in pushes] == ["passive", "active", "time-sensitive"]
    assert pushes[0]["message"] == "INFO info"
    assert "ZeroDivisionError" in str(pushes[2]["message"])
    assert "target" not in pushes[0]


def test_bursts_coalesce_and_the_next_push_counts_the_suppressed(
    log: logging.Logger,
    activitysmith_client: ActivitySmith,
    activitysmith_server: ActivitySmithServer,
) -> None:
    handler = ActivitySmithHandler(client=activitysmith_client, min_interval=0.5)
    log.addHandler(handler)
    for n in range(6):
        log.error("disk full on %s", f"db-{n}")
    log.error("another failure")  # a different template is not coalesced
    handler.flush()
    assert [p["message"] for p in _pushes(activitysmith_server)] == [
        "disk full on db-0",
        "another failure",
    ]
    time.sleep(0.6)
    log.error("disk full on %s", "db-9")
    handler.flush()
    assert _pushes(activitysmith_server)[-1]["message"] == (
        "disk full on db-9\n(5 similar messages suppressed)"
    )


def test_close_sends_what_a_burst_held_back(
    log: logging.Logger,
    activitysmith_client: ActivitySmith,
    activitysmith_server: ActivitySmithServer,
) -> None:
    handler = ActivitySmithHandler(client=activitysmith_client, min_interval=60)
    log.addHandler(handler)
    for n in range(6):
        log.error("disk full on %s", f"db-{n}")
    log.error("cache miss storm")
    log.error("cache miss storm")
    log.error("a lone failure")
    handler.flush()
    assert [p["message"] for p in _pushes(activitysmith_server)] == [
        "disk full on db-0",
        "cache miss storm",
        "a lone failure",
    ]
    handler.close()
    handler.close()  # nothing is held back twice
    assert [p["message"] for p in _pushes(activitysmith_server)][3:] == [
        "disk full on db-5\n(4 similar messages suppressed)",
        "cache miss storm",
    ]


def test_logging_never_blocks_on_a_slow_api_and_the_queue_is_bounded(
    log: logging.Logger,
    activitysmith_client: ActivitySmith,
    activitysmith_server: ActivitySmithServer,
) -> None:
    activitysmith_server.inject(Fault.hang(1.5))
    handler = ActivitySmithHandler(client=activitysmith_client, queue_size=2, flush_timeout=10)
    log.addHandler(handler)
    started = time.monotonic()
    for n in range(10):
        log.error(f"failure {n}")  # distinct templates: none coalesced
    assert time.monotonic() - started < 1.0  # the API hangs 1.5 s; the logging calls do not wait
    handler.flush()
    assert 1 <= handler.dropped <= 8
    assert len(_pushes(activitysmith_server)) == 10 - handler.dropped


def test_failures_never_raise_into_the_application(
    log: logging.Logger, activitysmith_server: ActivitySmithServer, caplog: pytest.LogCaptureFixture
) -> None:
    client = ActivitySmith("ask_wrong_key_secret", base_url=activitysmith_server.base_url)
    handler = ActivitySmithHandler(client=client)
    log.addHandler(handler)
    with caplog.at_level(logging.WARNING, logger="activitysmith"):
        log.error("not delivered")
        handler.flush()
    assert activitysmith_server.requests[-1].status == 401
    assert "could not send a log record" in caplog.text
    assert "ask_wrong_key_secret" not in caplog.text
    handler.close()
    log.error("after close: ignored, no error")
    client.close()


def test_handler_recognises_bad_settings() -> None:
    with pytest.raises(ValueError, match="min_interval"):
        ActivitySmithHandler(min_interval=-1)
    with pytest.raises(ValueError, match="queue_size"):
        ActivitySmithHandler(queue_size=0)
    assert activitysmith.ActivitySmithHandler is ActivitySmithHandler


def test_dict_config_builds_it_and_interpreter_exit_flushes(
    activitysmith_server: ActivitySmithServer, tmp_path: object
) -> None:
    script = """
import logging, logging.config
logging.config.dictConfig({
    "version": 1,
    "handlers": {"phone": {
        "class": "activitysmith.ActivitySmithHandler",
        "level": "ERROR",
        "channels": ["ops"],
        "min_interval": 30,
    }},
    "root": {"handlers": ["phone"], "level": "INFO"},
})
logging.getLogger("cron.backup").error("backup failed: %s", "disk full")
# no close(): interpreter exit flushes through logging.shutdown
"""
    env = dict(
        os.environ,
        ACTIVITYSMITH_API_KEY=activitysmith_server.api_key,
        ACTIVITYSMITH_BASE_URL=activitysmith_server.base_url,
    )
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    [push] = _pushes(activitysmith_server)
    assert push == {
        "title": "ERROR: cron.backup",
        "message": "backup failed: disk full",
        "interruption_level": "time-sensitive",
        "target": {"channels": ["ops"]},
    }


def test_pushes_keep_to_the_clients_rate_budget(
    log: logging.Logger, activitysmith_server: ActivitySmithServer
) -> None:
    client = ActivitySmith(
        activitysmith_server.api_key, base_url=activitysmith_server.base_url, rate_limit=1
    )
    handler = ActivitySmithHandler(client=client, flush_timeout=1.0)
    log.addHandler(handler)
    log.error("first failure")
    log.error("second failure")  # waits for the budget's next slot, a minute away
    handler.flush()
    assert [p["message"] for p in _pushes(activitysmith_server)] == ["first failure"]
    assert all(r.status == 200 for r in activitysmith_server.requests)  # no 429 collected
    log.removeHandler(handler)
    started = time.monotonic()
    handler.close()  # gives up on the waiting push after flush_timeout, never hangs
    assert time.monotonic() - started < 10
    client.close()
