"""The async client, resources, transports and trackers: written once, here.

`scripts/unasync.py` generates their sync forms into `activitysmith/_sync/` (token
renames: `async def` -> `def`, `await` dropped, `AsyncActivitySmith` -> `ActivitySmith`,
...); `make check` fails when the two differ. Only `_primitives.py` (how to wait, how to
run in the background) is written separately for each.
"""
