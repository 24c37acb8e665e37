"""The pytest plugin as a user's suite meets it: a shared server reset per test, fresh servers
on demand, pooled clients, the clock, and pytest-xdist workers. Each scenario runs pytest in a
fresh directory, loading the plugin through its entry point."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from activitysmith.testing.pytest_plugin import ServerPool


def run_pytest(
    directory: Path, files: dict[str, str], *args: str
) -> subprocess.CompletedProcess[str]:
    for name, text in files.items():
        (directory / name).write_text(textwrap.dedent(text))
    # Only the plugins a scenario needs, named: auto-loading every installed one (hypothesis,
    # schemathesis...) costs seconds per run. Loading by entry point is tested elsewhere.
    plugins = ["-p", "activitysmith.testing.pytest_plugin", "-p", "anyio.pytest_plugin"]
    if "-n" in args:
        plugins += ["-p", "xdist.plugin"]
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            *plugins,
            *args,
            directory,
        ],
        cwd=directory,
        env={**os.environ, "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"},
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


def records(directory: Path) -> list[dict[str, object]]:
    """What the scenario's tests wrote to `seen.jsonl`, one line per test."""
    lines = (directory / "seen.jsonl").read_text().splitlines()
    return [json.loads(line) for line in lines]


RECORD = """
    import json, os, pathlib

    def record(**fields):
        fields["worker"] = os.environ.get("PYTEST_XDIST_WORKER", "main")
        with (pathlib.Path(__file__).parent / "seen.jsonl").open("a") as out:
            out.write(json.dumps(fields) + "\\n")
"""


def test_one_server_per_session_reset_for_every_test(tmp_path: Path) -> None:
    result = run_pytest(
        tmp_path,
        {
            "recording.py": RECORD,
            "test_shared.py": """
                import pytest
                from activitysmith.testing import Fault
                from recording import record

                @pytest.mark.parametrize("n", range(3))
                def test_each_test_starts_clean(activitysmith_server, activitysmith_client, n):
                    assert activitysmith_server.requests == []
                    assert activitysmith_server.notifications == []
                    assert activitysmith_server.faults.pending == 0
                    assert activitysmith_server.clock.advanced == 0
                    activitysmith_client.notifications.send(title=f"n{n}")
                    activitysmith_client.live_activities.stream(
                        "deploy", content_state={"title": "x", "type": "alert", "message": "m"}
                    )
                    activitysmith_server.inject(Fault.server_error(), times=5)
                    activitysmith_server.clock.advance(3600)
                    record(port=activitysmith_server.port, client=id(activitysmith_client))

                def test_the_session_server_is_the_shared_one(
                    activitysmith_session_server, activitysmith_server
                ):
                    assert activitysmith_session_server is activitysmith_server
                    record(port=activitysmith_server.port, client=None)
            """,
        },
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "4 passed" in result.stdout
    seen = records(tmp_path)
    assert len({entry["port"] for entry in seen}) == 1


def test_options_and_the_marker_choose_the_server(tmp_path: Path) -> None:
    result = run_pytest(
        tmp_path,
        {
            "recording.py": RECORD,
            "test_choice.py": """
                import httpx
                import pytest
                from activitysmith.testing import RateLimits
                from recording import record

                def test_default(activitysmith_server):
                    record(kind="default", port=activitysmith_server.port)

                @pytest.mark.activitysmith_fresh_server
                def test_fresh(activitysmith_server):
                    record(kind="fresh", port=activitysmith_server.port)

                @pytest.mark.activitysmith_fresh_server
                def test_fresh_again(activitysmith_server):
                    record(kind="fresh", port=activitysmith_server.port)

                @pytest.mark.parametrize(
                    "activitysmith_server_options",
                    [{"api_key": "ask_one", "rate_limit": RateLimits(requests=2)}] * 2
                    + [{"api_key": "ask_two"}],
                )
                def test_options(activitysmith_server, activitysmith_server_options):
                    assert activitysmith_server.api_key == activitysmith_server_options["api_key"]
                    if activitysmith_server.api_key == "ask_one":  # the window starts empty
                        headers = {"Authorization": "Bearer ask_one"}
                        url = activitysmith_server.base_url + "/push-notification"
                        for expected in (200, 200, 429):
                            response = httpx.post(url, json={"title": "x"}, headers=headers)
                            assert response.status_code == expected
                    record(kind=activitysmith_server.api_key, port=activitysmith_server.port)

                def test_default_again(activitysmith_server):
                    record(kind="default", port=activitysmith_server.port)
            """,
        },
    )

    assert result.returncode == 0, result.stdout + result.stderr
    ports: dict[object, set[object]] = {}
    for entry in records(tmp_path):
        ports.setdefault(entry["kind"], set()).add(entry["port"])
    assert len(ports["default"]) == 1  # shared
    assert len(ports["ask_one"]) == 1  # equal options share a server of their own
    assert len(ports["fresh"]) == 2  # one each
    all_ports = [port for group in ports.values() for port in group]
    assert len(all_ports) == len(set(all_ports))


def test_a_test_that_stops_or_hangs_the_shared_server_does_not_break_the_next(
    tmp_path: Path,
) -> None:
    result = run_pytest(
        tmp_path,
        {
            "test_rude.py": """
                import httpx
                import pytest
                from activitysmith.testing import Fault

                def test_stops_it(activitysmith_server):
                    activitysmith_server.stop()

                def test_hangs_a_request(activitysmith_server):
                    activitysmith_server.inject(Fault.hang(3))
                    with pytest.raises(httpx.ReadTimeout):
                        httpx.post(
                            activitysmith_server.base_url + "/badge",
                            json={"badge": 1},
                            headers={"Authorization": "Bearer " + activitysmith_server.api_key},
                            timeout=0.3,
                        )

                def test_next(activitysmith_server, activitysmith_client):
                    activitysmith_client.badge_count(2)
                    import time; time.sleep(3.5)  # the hung request would have finished by now
                    assert [r.json for r in activitysmith_server.requests] == [{"badge": 2}]
                    assert activitysmith_server.badge == 2
            """,
        },
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 passed" in result.stdout


def test_async_client_fixture_on_the_shared_server(tmp_path: Path) -> None:
    result = run_pytest(
        tmp_path,
        {
            "conftest.py": """
                import pytest

                @pytest.fixture
                def anyio_backend():
                    return "asyncio"
            """,
            "test_async.py": """
                import pytest

                @pytest.mark.anyio
                @pytest.mark.parametrize("n", range(3))
                async def test_stream(activitysmith_server, async_activitysmith_client, n):
                    await async_activitysmith_client.live_activities.stream(
                        "etl", content_state={"title": "ETL", "type": "progress", "percentage": n}
                    )
                    [activity] = activitysmith_server.live_activities
                    assert activity.state["percentage"] == n
            """,
        },
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 passed" in result.stdout


def test_each_xdist_worker_has_its_own_shared_server(tmp_path: Path) -> None:
    tests = "\n".join(
        f"""
        def test_{n}(activitysmith_server, activitysmith_client):
            assert activitysmith_server.notifications == []
            activitysmith_client.notifications.send(title="{n}")
            assert [x.title for x in activitysmith_server.notifications] == ["{n}"]
            record(port=activitysmith_server.port)
        """
        for n in range(8)
    )
    result = run_pytest(
        tmp_path,
        {
            "recording.py": RECORD,
            "test_parallel.py": "from recording import record\n" + textwrap.dedent(tests),
        },
        "-n",
        "2",
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "8 passed" in result.stdout
    by_worker: dict[object, set[object]] = {}
    for entry in records(tmp_path):
        by_worker.setdefault(entry["worker"], set()).add(entry["port"])
    assert set(by_worker) == {"gw0", "gw1"}
    assert all(len(ports) == 1 for ports in by_worker.values())
    assert by_worker["gw0"] != by_worker["gw1"]


# -- the pool, in this process ----------------------------------------------------------------


def test_the_pool_keeps_a_few_servers_and_stops_the_rest() -> None:
    pool = ServerPool()
    try:
        servers = [pool.server({"api_key": f"ask_{n}"}) for n in range(6)]
        again = pool.server({"api_key": "ask_5"})

        assert again is servers[5]
        assert [s.running for s in servers] == [False, False, True, True, True, True]
        assert pool.client_for(servers[5]) is not None
        assert pool.client_for(servers[0]) is None
    finally:
        pool.close()
    assert not any(s.running for s in servers)


def test_a_fixed_port_is_never_shared() -> None:
    from activitysmith.testing.pytest_plugin import _shareable

    assert not _shareable({"port": 18123})
    assert _shareable({"port": 0})
    assert _shareable({})
