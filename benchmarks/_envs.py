"""The two throwaway virtualenvs the contenders run in, created on first use and then reused.

- `benchmarks/.venv-official/`: the official `activitysmith` package from PyPI. It shares our
  package's name, so it can only be imported by its own interpreter.
- `benchmarks/.out/venv-runtime/`: our package with only its runtime dependencies, pinned to
  the versions of the development venv, and the repository on `sys.path` through a `.pth` file.
  The development venv also holds click and rich, which `import httpx` loads for its command
  line when present; a user's application usually does not, so import figures come from here.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import venv
from importlib import metadata
from pathlib import Path

__all__ = [
    "OFFICIAL_REQUIREMENT",
    "REPO",
    "EnvError",
    "ensure_official",
    "ensure_runtime",
]

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "benchmarks" / ".out"
OFFICIAL_DIR = REPO / "benchmarks" / ".venv-official"
RUNTIME_DIR = OUT / "venv-runtime"
OFFICIAL_REQUIREMENT = "activitysmith==1.14.0"
STAMP = ".bench-requirements"
INSTALL_TIMEOUT = 900.0
# On the hot path of every call: pinned like the direct dependencies so both envs run the same code.
TRANSITIVE = ("httpcore", "h11", "anyio")


class EnvError(RuntimeError):
    """A benchmark virtualenv could not be created or installed (often: no network)."""


def _python(directory: Path) -> Path:
    return directory / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")


def _tool_environment() -> dict[str, str]:
    """The environment for pip: without the tests' warnings-as-errors, which are for our code."""
    return {name: value for name, value in os.environ.items() if name != "PYTHONWARNINGS"}


def _ensure(directory: Path, requirements: list[str], log: list[str]) -> Path:
    """The interpreter of `directory`, a venv holding exactly `requirements` (reused if so)."""
    python = _python(directory)
    stamp = directory / STAMP
    wanted = "\n".join(requirements) + "\n"
    if python.exists() and stamp.exists() and stamp.read_text() == wanted:
        return python
    log.append(f"creating {directory.relative_to(REPO)} with {' '.join(requirements)}")
    print(f"[bench] {log[-1]} ...", file=sys.stderr, flush=True)
    try:
        if not python.exists():
            venv.EnvBuilder(with_pip=True, clear=True).create(directory)
        done = subprocess.run(
            [
                str(python),
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
                *requirements,
            ],
            capture_output=True,
            text=True,
            timeout=INSTALL_TIMEOUT,
            check=False,
            env=_tool_environment(),
        )
    except (OSError, subprocess.SubprocessError) as exc:
        raise EnvError(f"could not create {directory}: {exc}") from exc
    if done.returncode != 0:
        tail = "\n".join(done.stderr.strip().splitlines()[-5:])
        raise EnvError(f"pip install {' '.join(requirements)} failed:\n{tail}")
    stamp.write_text(wanted)
    return python


def ensure_official(log: list[str]) -> Path:
    """The interpreter of the venv holding the official SDK from PyPI."""
    return _ensure(OFFICIAL_DIR, [OFFICIAL_REQUIREMENT], log)


def _runtime_requirements() -> list[str]:
    names = []
    for requirement in metadata.requires("activitysmith") or []:
        if "extra ==" in requirement:
            continue
        match = re.match(r"[A-Za-z0-9_.-]+", requirement)
        if match:
            names.append(match.group(0))
    pins = []
    for name in (*names, *TRANSITIVE):
        try:
            pins.append(f"{name}=={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            pins.append(name)
    return sorted(set(pins), key=str.lower)


def ensure_runtime(log: list[str]) -> Path:
    """The interpreter of the venv holding our package with only its runtime dependencies."""
    python = _ensure(RUNTIME_DIR, _runtime_requirements(), log)
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout.strip()
    pth = Path(site) / "activitysmith_bench_repo.pth"
    if not pth.exists() or pth.read_text().strip() != str(REPO):
        pth.write_text(f"{REPO}\n")
    return python
