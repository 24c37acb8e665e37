"""`client.live_activities.progress()` and `.track()` against the local server."""

from __future__ import annotations

import logging
import math
import sys
import time
from collections.abc import Iterator

import pytest

from activitysmith import ActivitySmith, Progress, Tracker, ValidationError
from activitysmith.testing import ActivitySmithServer, Fault
from tests.progress.helpers import stream_calls, wait_until


class JobFailed(Exception):
    pass


def test_ten_thousand_fast_iterations_send_one_update_per_interval_and_end_with_the_final_state(
    activitysmith_server: ActivitySmithServer, activitysmith_client: ActivitySmith
) -> None:
    min_interval = 0.05
    started = time.monotonic()
    for i in activitysmith_client.live_activities.progress(
        range(10_000), "reindex", title="Search reindex", min_interval=min_interval
    ):
        if i % 500 == 0:
            time.sleep(0.02)  # ~0.4 s of work in bursts
    elapsed = time.monotonic() - started  # includes the final flush

    calls = stream_calls(activitysmith_server, "reindex")
    assert len(calls) <= math.ceil(elapsed / min_interval) + 2
    assert [c.method for c in calls[:-1]] == ["PUT"] * (len(calls) - 1)
    last = calls[-1]
    assert last.method == "DELETE" and last.status == 200
    assert last.json["content_state"]["percentage"] == 100
    assert last.json["content_state"]["subtitle"].startswith("Done: 10,000 items in ")
    percentages = [c.json["content_state"]["percentage"] for c in calls]
    assert percentages == sorted(percentages)
    (activity,) = activitysmith_server.live_activities
    assert activity.ended and activity.state["percentage"] == 100


def test_progress_draws_a_bar_with_counts(
    activitysmith_server: ActivitySmithServer, activitysmith_client: ActivitySmith
) -> None:
    bar = activitysmith_client.live_activities.progress(
        range(50), "backup", title="Backup", unit="files", color="purple", min_interval=0.01
    )
    assert isinstance(bar, Progress) and bar.total == 50
    for _ in bar:
        time.sleep(0.002)
    assert bar.n == 50
    first = stream_calls(activitysmith_server, "backup")[0].json["content_state"]
    assert first["type"] == "progress"
    assert first["color"] == "purple"
    assert first["subtitle"].endswith(" of 50 files") or " of 50 files · " in first["subtitle"]


def test_the_loop_never_waits_on_the_network(
    activitysmith_server: ActivitySmithServer, activitysmith_client: ActivitySmith
) -> None:
    activitysmith_server.inject(Fault.hang(1.0), method="PUT")
    seen_during_loop = []
    for i in activitysmith_client.live_activities.progress(
        range(1000), "slow", title="Slow API", min_interval=0.01
    ):
        if i == 999:
            seen_during_loop = list(activitysmith_server.requests)
    assert seen_during_loop == []  # the whole loop ran while the first PUT hung
    assert stream_calls(activitysmith_server, "slow")[-1].method == "DELETE"


def test_exception_in_the_loop_ends_it_red_and_propagates_unchanged(
    activitysmith_server: ActivitySmithServer, activitysmith_client: ActivitySmith
) -> None:
    error = JobFailed("disk full")

    def etl() -> None:
        for i in activitysmith_client.live_activities.progress(
            range(100), "etl", title="Nightly ETL", min_interval=0.01
        ):
            if i == 40:
                raise error

    with pytest.raises(JobFailed) as caught:
        etl()
    assert caught.value is error
    assert caught.traceback[-1].name == "etl"  # raised right where it was, not re-raised by us

    last = stream_calls(activitysmith_server, "etl")[-1].json
    state = last["content_state"]
    assert state["color"] == "red"
    assert state["badge"] == {"title": "FAILED", "color": "red"}
    assert state["percentage"] == 40.0
    assert state["subtitle"] == "Failed at 40 of 100 items"
    assert last["alert"] == {"title": "Nightly ETL failed", "body": "Failed at 40 of 100 items"}
    (activity,) = activitysmith_server.live_activities
    assert activity.ended and activity.state["color"] == "red"


def test_with_form_names_the_exception_type(
    activitysmith_server: ActivitySmithServer, activitysmith_client: ActivitySmith
) -> None:
    def etl() -> None:
        with activitysmith_client.live_activities.progress(
            range(10), "etl", title="ETL", min_interval=0.01
        ) as bar:
            for i in bar:
                if i == 3:
                    raise JobFailed

    with pytest.raises(JobFailed):
        etl()
    state = stream_calls(activitysmith_server, "etl")[-1].json["content_state"]
    assert state["subtitle"] == "Failed at 3 of 10 items: JobFailed"


def test_break_ends_it_where_it_stopped_without_red(
    activitysmith_server: ActivitySmithServer, activitysmith_client: ActivitySmith
) -> None:
    for epoch in activitysmith_client.live_activities.progress(
        range(100), "train", title="Training", unit="epochs", min_interval=0.01
    ):
        if epoch == 25:
            break  # early stopping
    last = stream_calls(activitysmith_server, "train")[-1]
    assert last.method == "DELETE"
    assert last.json["content_state"]["subtitle"] == "Stopped at 25 of 100 epochs"
    assert "color" not in last.json["content_state"] and "alert" not in last.json


def test_an_error_from_the_iterable_itself_ends_it_red(
    activitysmith_server: ActivitySmithServer, activitysmith_client: ActivitySmith
) -> None:
    def rows() -> Iterator[int]:
        yield 1
        yield 2
        raise ConnectionResetError("cursor lost")

    with pytest.raises(ConnectionResetError):
        for _ in activitysmith_client.live_activities.progress(
            rows(), "export", title="Export", min_interval=0.01
        ):
            pass
    state = stream_calls(activitysmith_server, "export")[-1].json["content_state"]
    assert state["subtitle"] == "Failed at 2 items: ConnectionResetError"
    assert state["type"] == "metrics"  # a generator has no len(): a running count


def test_steps_show_segmented_progress(
    activitysmith_server: ActivitySmithServer, activitysmith_client: ActivitySmith
) -> None:
    stages = ["build", "test", "deploy"]
    bar = activitysmith_client.live_activities.progress(
        stages, "deploy", title="Deploy api", steps=3, min_interval=0.01
    )
    for stage in bar:
        bar.subtitle = stage
        time.sleep(0.03)
    calls = stream_calls(activitysmith_server, "deploy")
    assert {c.json["content_state"]["type"] for c in calls} == {"segmented_progress"}
    final = calls[-1].json["content_state"]
    assert (final["number_of_steps"], final["current_step"]) == (3, 3)
    assert final["subtitle"] == "deploy"


def test_a_loop_faster_than_one_request_still_starts_and_ends_the_stream(
    activitysmith_server: ActivitySmithServer, activitysmith_client: ActivitySmith
) -> None:
    for _ in activitysmith_client.live_activities.progress([], "empty", title="Nothing to do"):
        pass
    calls = stream_calls(activitysmith_server, "empty")
    assert [c.method for c in calls][-1] == "DELETE"
    assert len(calls) <= 2
    assert calls[-1].json["content_state"]["percentage"] == 100


def test_network_failures_are_logged_never_raised(
    activitysmith_server: ActivitySmithServer,
    activitysmith_client: ActivitySmith,
    caplog: pytest.LogCaptureFixture,
) -> None:
    activitysmith_server.inject(Fault.server_error(503), times=3, method="PUT")
    caplog.set_level(logging.INFO, logger="activitysmith")
    for _ in activitysmith_client.live_activities.progress(
        range(200), "flaky", title="Secret project X", min_interval=0.01
    ):
        time.sleep(0.001)
    calls = stream_calls(activitysmith_server, "flaky")
    assert [c.status for c in calls][:3] == [503, 503, 503]
    assert calls[-1].method == "DELETE" and calls[-1].status == 200
    records = [r for r in caplog.records if r.name == "activitysmith"]
    assert any("update failed (HTTP 503)" in r.getMessage() for r in records)
    assert all("Secret project" not in r.getMessage() for r in records)  # metadata only


def test_an_unreachable_api_costs_the_job_at_most_the_flush_timeout(
    caplog: pytest.LogCaptureFixture,
) -> None:
    client = ActivitySmith(api_key="ask_test", base_url="http://127.0.0.1:9/api", max_retries=0)
    started = time.monotonic()
    for _ in client.live_activities.progress(
        range(100), "offline", title="Offline", flush_timeout=0.3
    ):
        pass
    assert time.monotonic() - started < 5  # generous: the budget is 0.3 s
    assert any("final state not delivered" in r.getMessage() for r in caplog.records)


def test_progress_rejects_bad_arguments_before_sending(
    activitysmith_server: ActivitySmithServer, activitysmith_client: ActivitySmith
) -> None:
    with pytest.raises(ValidationError):
        activitysmith_client.live_activities.progress([1], "bad key", title="X")
    with pytest.raises(ValidationError):
        activitysmith_client.live_activities.progress([1], "job", title="X", color="pink")
    bar = activitysmith_client.live_activities.progress([1], "job", title="X")
    list(bar)
    with pytest.raises(RuntimeError, match="only once"):
        iter(bar)
    assert all(r.path.endswith("/job") for r in activitysmith_server.requests)


# --- track() -------------------------------------------------------------------------------


def test_track_sends_the_first_state_then_the_latest_and_ends_with_it(
    activitysmith_server: ActivitySmithServer, activitysmith_client: ActivitySmith
) -> None:
    with activitysmith_client.live_activities.track(
        "deploy",
        type="segmented_progress",
        title="Deploy api",
        number_of_steps=3,
        min_interval=0.05,
    ) as t:
        assert isinstance(t, Tracker)
        for stage in ("build", "test", "release"):
            t.step(subtitle=stage)
            time.sleep(0.07)
    calls = stream_calls(activitysmith_server, "deploy")
    steps = [c.json["content_state"]["current_step"] for c in calls]
    assert steps == sorted(steps) and steps[0] <= 1  # the latest state wins
    final = calls[-1]
    assert final.method == "DELETE"
    assert final.json["content_state"]["current_step"] == 3
    assert final.json["content_state"]["subtitle"] == "release"
    assert "color" not in final.json["content_state"]


def test_track_coalesces_updates_and_skips_identical_states(
    activitysmith_server: ActivitySmithServer, activitysmith_client: ActivitySmith
) -> None:
    with activitysmith_client.live_activities.track("copy", title="Copy", min_interval=0.05) as t:
        for pct in range(101):
            t.update(percentage=pct)  # 101 updates in a microsecond burst
        time.sleep(0.1)
        for _ in range(50):
            t.update(percentage=100)  # nothing new
        time.sleep(0.1)
    calls = stream_calls(activitysmith_server, "copy")
    puts = [c.json["content_state"]["percentage"] for c in calls if c.method == "PUT"]
    assert len(puts) <= 3 and len(set(puts)) == len(puts)
    assert calls[-1].method == "DELETE"
    assert calls[-1].json["content_state"]["percentage"] == 100


def test_track_metrics_show_readouts(
    activitysmith_server: ActivitySmithServer, activitysmith_client: ActivitySmith
) -> None:
    with activitysmith_client.live_activities.track(
        "train",
        type="metrics",
        title="Training",
        metrics=[{"label": "Loss", "value": 2.0}],
        min_interval=0.01,
    ) as t:
        t.metrics({"Loss": 0.42, "Epoch": 7})
    state = activitysmith_server.live_activities[0].state
    assert state["metrics"] == [{"label": "Loss", "value": 0.42}, {"label": "Epoch", "value": 7}]


def test_track_exception_ends_red_with_an_alert_and_reraises_the_same_object(
    activitysmith_server: ActivitySmithServer, activitysmith_client: ActivitySmith
) -> None:
    error = JobFailed("migration 42 failed")

    def migrate() -> None:
        with activitysmith_client.live_activities.track(
            "migrate", title="DB migration", min_interval=0.01
        ) as t:
            t.update(percentage=60, subtitle="migration 42")
            raise error

    with pytest.raises(JobFailed) as caught:
        migrate()
    assert caught.value is error
    assert caught.traceback[-1].name == "migrate"
    last = stream_calls(activitysmith_server, "migrate")[-1].json
    assert last["content_state"]["color"] == "red"
    assert last["content_state"]["percentage"] == 60
    assert last["content_state"]["subtitle"] == "Failed: JobFailed"
    assert last["alert"] == {"title": "DB migration failed", "body": "Failed: JobFailed"}
    assert activitysmith_server.live_activities[0].ended


def test_sys_exit_zero_is_not_a_failure(
    activitysmith_server: ActivitySmithServer, activitysmith_client: ActivitySmith
) -> None:
    with (
        pytest.raises(SystemExit),
        activitysmith_client.live_activities.track("job", title="Job", min_interval=0.01),
    ):
        sys.exit(0)
    assert "color" not in stream_calls(activitysmith_server, "job")[-1].json["content_state"]


def test_an_invalid_update_is_logged_and_skipped_not_raised(
    activitysmith_server: ActivitySmithServer,
    activitysmith_client: ActivitySmith,
    caplog: pytest.LogCaptureFixture,
) -> None:
    with activitysmith_client.live_activities.track("job", title="Job", min_interval=0.01) as t:
        t.update(percentage=50, color="pink")
        wait_until(
            lambda: any("invalid content_state.color" in r.getMessage() for r in caplog.records)
        )
        t.update(percentage=60, color="green")
    state = activitysmith_server.live_activities[0].state
    assert (state["percentage"], state["color"]) == (60, "green")


def test_track_rejects_a_first_state_the_api_would_reject(
    activitysmith_server: ActivitySmithServer, activitysmith_client: ActivitySmith
) -> None:
    with pytest.raises(ValidationError, match="metrics"):
        activitysmith_client.live_activities.track("job", type="metrics", title="Job")
    with pytest.raises(ValidationError, match="step"):
        activitysmith_client.live_activities.track("job", title="Job").step()
    assert activitysmith_server.requests == []


def test_a_tracker_can_be_ended_without_a_with_block(
    activitysmith_server: ActivitySmithServer, activitysmith_client: ActivitySmith
) -> None:
    tracker = activitysmith_client.live_activities.track("job", title="Job")
    tracker.update(percentage=80)
    tracker.close()
    tracker.close()  # idempotent
    calls = stream_calls(activitysmith_server, "job")
    assert [c.method for c in calls] == ["PUT", "DELETE"]
    assert calls[-1].json["content_state"]["percentage"] == 80


def test_a_progress_wrapper_never_iterated_sends_nothing(
    activitysmith_server: ActivitySmithServer, activitysmith_client: ActivitySmith
) -> None:
    bar = activitysmith_client.live_activities.progress(range(3), "job", title="Job")
    iter(bar)
    with bar:
        pass
    bar.close()
    assert activitysmith_server.requests == []
