"""`AsyncActivitySmith.live_activities.progress()` and `.track()` against the local server."""

from __future__ import annotations

import asyncio
import math
import time
from collections.abc import AsyncIterator, Callable

import pytest

from activitysmith import AsyncActivitySmith, AsyncProgress, AsyncTracker
from activitysmith.testing import ActivitySmithServer
from tests.progress.helpers import stream_calls

pytestmark = pytest.mark.anyio


class JobFailed(Exception):
    pass


async def _until(condition: Callable[[], object], timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition not met in time"
        await asyncio.sleep(0.01)


async def test_async_for_sends_one_update_per_interval_and_ends_at_100(
    activitysmith_server: ActivitySmithServer, async_activitysmith_client: AsyncActivitySmith
) -> None:
    min_interval = 0.05
    started = time.monotonic()
    bar = async_activitysmith_client.live_activities.progress(
        range(10_000), "reindex", title="Search reindex", min_interval=min_interval
    )
    assert isinstance(bar, AsyncProgress)
    async for i in bar:
        if i % 500 == 0:
            await asyncio.sleep(0.02)
    elapsed = time.monotonic() - started

    calls = stream_calls(activitysmith_server, "reindex")
    assert len(calls) <= math.ceil(elapsed / min_interval) + 2
    assert len(calls) >= 3  # the task did send while the loop ran
    assert calls[-1].method == "DELETE"
    assert calls[-1].json["content_state"]["percentage"] == 100
    assert bar.n == 10_000


async def test_async_for_over_an_async_iterable(
    activitysmith_server: ActivitySmithServer, async_activitysmith_client: AsyncActivitySmith
) -> None:
    async def pages() -> AsyncIterator[int]:
        for page in range(5):
            await asyncio.sleep(0.01)
            yield page

    seen = [
        page
        async for page in async_activitysmith_client.live_activities.progress(
            pages(), "crawl", title="Crawl", total=5, unit="pages", min_interval=0.01
        )
    ]
    assert seen == [0, 1, 2, 3, 4]
    final = stream_calls(activitysmith_server, "crawl")[-1].json["content_state"]
    assert final["percentage"] == 100
    assert final["subtitle"].startswith("Done: 5 pages in ")


async def test_exception_in_async_for_ends_it_red_and_propagates_unchanged(
    activitysmith_server: ActivitySmithServer, async_activitysmith_client: AsyncActivitySmith
) -> None:
    error = JobFailed("boom")

    async def etl() -> None:
        async for i in async_activitysmith_client.live_activities.progress(
            range(100), "etl", title="ETL", min_interval=0.01
        ):
            await asyncio.sleep(0)
            if i == 30:
                raise error

    with pytest.raises(JobFailed) as caught:
        await etl()
    assert caught.value is error
    assert caught.traceback[-1].name == "etl"
    # The loop could not wait for the final state; the worker task delivers it.
    # The end is logged just after the activity ends: wait for the log, not the state.
    await _until(
        lambda: [c.method for c in stream_calls(activitysmith_server, "etl")][-1:] == ["DELETE"]
    )
    last = stream_calls(activitysmith_server, "etl")[-1].json
    assert last["content_state"]["color"] == "red"
    assert last["content_state"]["subtitle"] == "Failed at 30 of 100 items"
    assert last["alert"]["title"] == "ETL failed"


async def test_closing_the_client_waits_for_a_final_state_on_its_way(
    activitysmith_server: ActivitySmithServer,
) -> None:
    async def job() -> None:
        async with AsyncActivitySmith(
            api_key=activitysmith_server.api_key, base_url=activitysmith_server.base_url
        ) as client:
            async for i in client.live_activities.progress(range(10), "job", title="Job"):
                if i == 5:
                    raise JobFailed

    with pytest.raises(JobFailed):
        await job()
    # No waiting here: close() already did.
    assert activitysmith_server.live_activities[0].ended
    assert stream_calls(activitysmith_server, "job")[-1].json["content_state"]["color"] == "red"


async def test_break_in_async_for_ends_it_normally(
    activitysmith_server: ActivitySmithServer, async_activitysmith_client: AsyncActivitySmith
) -> None:
    async for i in async_activitysmith_client.live_activities.progress(
        range(100), "train", title="Train", unit="epochs", min_interval=0.01
    ):
        if i == 10:
            break
    await _until(
        lambda: [c.method for c in stream_calls(activitysmith_server, "train")][-1:] == ["DELETE"]
    )
    state = stream_calls(activitysmith_server, "train")[-1].json["content_state"]
    assert state["subtitle"] == "Stopped at 10 of 100 epochs"
    assert "color" not in state


async def test_async_with_progress_names_the_exception(
    activitysmith_server: ActivitySmithServer, async_activitysmith_client: AsyncActivitySmith
) -> None:
    async def etl() -> None:
        async with async_activitysmith_client.live_activities.progress(
            range(10), "etl", title="ETL", min_interval=0.01
        ) as bar:
            async for i in bar:
                if i == 4:
                    raise JobFailed

    with pytest.raises(JobFailed):
        await etl()
    state = stream_calls(activitysmith_server, "etl")[-1].json["content_state"]
    assert state["subtitle"] == "Failed at 4 of 10 items: JobFailed"


async def test_async_track_ends_with_the_latest_state(
    activitysmith_server: ActivitySmithServer, async_activitysmith_client: AsyncActivitySmith
) -> None:
    async with async_activitysmith_client.live_activities.track(
        "deploy", type="segmented_progress", title="Deploy", number_of_steps=2, min_interval=0.01
    ) as t:
        assert isinstance(t, AsyncTracker)
        t.step(subtitle="build")
        await asyncio.sleep(0.05)
        t.step(subtitle="release")
    last = stream_calls(activitysmith_server, "deploy")[-1]
    assert last.method == "DELETE"
    assert last.json["content_state"]["current_step"] == 2
    assert t.state["subtitle"] == "release"


async def test_async_track_exception_ends_red_and_reraises_the_same_object(
    activitysmith_server: ActivitySmithServer, async_activitysmith_client: AsyncActivitySmith
) -> None:
    error = JobFailed("nope")

    async def migrate() -> None:
        async with async_activitysmith_client.live_activities.track(
            "migrate", title="Migrate", min_interval=0.01
        ) as t:
            t.update(percentage=20)
            await asyncio.sleep(0.02)
            raise error

    with pytest.raises(JobFailed) as caught:
        await migrate()
    assert caught.value is error
    assert caught.traceback[-1].name == "migrate"
    last = stream_calls(activitysmith_server, "migrate")[-1].json
    assert last["content_state"]["color"] == "red"
    assert last["content_state"]["percentage"] == 20
    assert last["alert"] == {"title": "Migrate failed", "body": "Failed: JobFailed"}


async def test_a_cancelled_job_still_shows_that_it_was_cancelled(
    activitysmith_server: ActivitySmithServer, async_activitysmith_client: AsyncActivitySmith
) -> None:
    async def job() -> None:
        async with async_activitysmith_client.live_activities.track(
            "sync", title="Sync", min_interval=0.01
        ) as t:
            t.update(percentage=10)
            await asyncio.sleep(30)

    task = asyncio.create_task(job())
    await _until(lambda: stream_calls(activitysmith_server, "sync"))
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    last = stream_calls(activitysmith_server, "sync")[-1].json
    assert last["content_state"]["subtitle"] == "Cancelled"
    assert last["content_state"]["color"] == "red"


async def test_the_worker_delivers_the_final_state_when_the_loop_shuts_down(
    activitysmith_server: ActivitySmithServer,
) -> None:
    # A job left by an exception, in a program whose event loop then shuts down: asyncio
    # cancels the worker task, which still ends the Live Activity.
    def program() -> None:
        async def main() -> None:
            client = AsyncActivitySmith(
                api_key=activitysmith_server.api_key, base_url=activitysmith_server.base_url
            )
            async for i in client.live_activities.progress(range(10), "cli", title="CLI"):
                if i == 2:
                    raise JobFailed

        with pytest.raises(JobFailed):
            asyncio.run(main())

    await asyncio.to_thread(program)
    last = stream_calls(activitysmith_server, "cli")[-1]
    assert last.method == "DELETE"
    assert last.json["content_state"]["color"] == "red"
