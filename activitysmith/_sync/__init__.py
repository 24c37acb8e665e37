"""The sync client, resources, transports and trackers, generated from `activitysmith/_async/`.

Edit the async originals and run `make generate` (scripts/unasync.py); only
`_primitives.py` (threads instead of asyncio) is written by hand here.
"""
