"""The key registry never deadlocks: a collected client's finalizer may run at any allocation,
on any thread, including one that holds the registry's lock (the garbage collector decides).
"""

from __future__ import annotations

import gc
import subprocess
import sys
import textwrap

from activitysmith import _secrets

_COLLECT_UNDER_THE_LOCK = textwrap.dedent(
    """
    import gc, logging, threading
    from activitysmith import ActivitySmith, _secrets

    KEY = "ask_live_" + "A" * 32
    for _ in range(3):
        client = ActivitySmith(KEY)
        client.close()
        client.cycle = client  # only the collector frees it, and runs its finalizer then
        del client
        with _secrets._lock:
            gc.collect()  # the finalizer runs here, on the thread that holds the lock

    # A finalizer that runs while the scrubbing filter reads the keys, on another thread.
    logging.basicConfig(level=logging.DEBUG)
    gc.set_threshold(1)  # collect at nearly every allocation
    def log_a_lot():
        for i in range(500):
            logging.getLogger("httpx").debug("record %d", i)
    worker = threading.Thread(target=log_a_lot)
    worker.start()
    for _ in range(50):
        client = ActivitySmith(KEY)
        client.cycle = client
        del client
    worker.join()
    print("done")
    """
)


def test_a_finalizer_run_under_the_registry_lock_does_not_deadlock() -> None:
    run = subprocess.run(
        [sys.executable, "-c", _COLLECT_UNDER_THE_LOCK],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.strip() == "done"


class _Owner:
    """Something a key can be registered for (a client, in the SDK)."""


def test_a_collected_clients_key_is_forgotten_at_the_next_registration() -> None:
    first = _Owner()
    _secrets.register_secret(first, "ask_first_key_0000000000")
    first_id = id(first)
    del first
    gc.collect()
    second = _Owner()
    _secrets.register_secret(second, "ask_second_key_000000000")
    assert "ask_first_key_0000000000" not in _secrets._secrets.values() or (
        id(second) == first_id  # the id was reused, and the new key replaced the old one
    )
    assert "ask_second_key_000000000" in _secrets._keys
    del second
    gc.collect()


def test_an_id_reused_by_a_new_client_keeps_the_new_key() -> None:
    owner = _Owner()
    _secrets._gone.append(id(owner))  # an earlier object with this id died, not yet dropped
    _secrets.register_secret(owner, "ask_reused_id_key_00000000")
    assert _secrets._secrets[id(owner)] == "ask_reused_id_key_00000000"
    assert "ask_reused_id_key_00000000" in _secrets._keys
    del owner
    gc.collect()
