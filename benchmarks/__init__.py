"""Benchmarks: the SDK side by side with raw httpx and the official `activitysmith` package.

`make bench` (`python -m benchmarks`, `--help` for options) prints the comparison table;
`python -m benchmarks.floor` shows where the per-call floor lies. Method and results: BENCHMARKS.md.
"""
