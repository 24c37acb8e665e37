"""The Pythons the package claims are the ones the suite runs on, and the README says so."""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
CHECK_PYTHONS = (ROOT / "scripts" / "check-pythons").read_text(encoding="utf-8")
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def claimed() -> list[str]:
    """The `Programming Language :: Python :: 3.N` classifiers, oldest first."""
    prefix = "Programming Language :: Python :: "
    found = [c.removeprefix(prefix) for c in PYPROJECT["project"]["classifiers"]]
    return sorted((v for v in found if re.fullmatch(r"3\.\d+", v)), key=_key)


def test_classifiers_name_a_run_of_consecutive_versions_from_requires_python() -> None:
    versions = claimed()
    oldest = _key(versions[0])
    assert versions == [f"3.{minor}" for minor in range(oldest[1], oldest[1] + len(versions))]
    assert PYPROJECT["project"]["requires-python"] == f">={versions[0]}"


def test_check_pythons_runs_every_claimed_version_besides_the_hosts() -> None:
    default = re.search(r'^DEFAULT_VERSIONS="([0-9. ]+)"', CHECK_PYTHONS, re.M)
    assert default is not None
    others = default.group(1).split()
    # The oldest claimed version is the one `make check` runs on (this machine's python3).
    assert [claimed()[0], *others] == claimed()


def test_the_readme_names_the_same_versions() -> None:
    sentence = re.search(r"CPython ((?:3\.\d+, )+3\.\d+ and 3\.\d+)", README)
    assert sentence is not None
    assert re.split(r", | and ", sentence.group(1)) == claimed()


def test_this_interpreter_is_one_the_package_claims() -> None:
    running = f"{sys.version_info.major}.{sys.version_info.minor}"
    assert running in claimed(), f"the suite runs on {running}; pyproject.toml does not claim it"
