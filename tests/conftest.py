"""Shared fixtures and the Hypothesis profiles.

Profiles, chosen with ``HYPOTHESIS_PROFILE=NAME`` (for example
``HYPOTHESIS_PROFILE=dev make test``):

- ``default``: what CI runs; every test's examples as written.
- ``dev``: a tenth of the examples, for the edit-test loop.
- ``thorough``: a hundred times the examples, for long hunts.

A test that asks for more examples than the default asks through
`support.examples`, so its count scales with the profile too.

Paths are built from this file, so the tests pass from any working directory.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

import claims
from support import DATA

ROOT = Path(__file__).resolve().parent.parent
"""The repository: the folder that holds ``tests``, ``seeds`` and ``docs``."""

# CI's profile draws the same examples on every run (`derandomize`), so a red
# run is the code's doing and can be replayed; `thorough` explores afresh.
settings.register_profile(
    "default",
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", parent=settings.get_profile("default"), max_examples=10)
settings.register_profile(
    "thorough", parent=settings.get_profile("default"), max_examples=10_000, derandomize=False
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@pytest.fixture(scope="session")
def root() -> Path:
    """The repository's folder."""
    return ROOT


@pytest.fixture(scope="session")
def data_dir() -> Path:
    """``tests/data``: vendored schemas, taxonomies and old documents."""
    return DATA


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """``seeds``: the example dossier and the article it was read from."""
    return ROOT / "seeds"


@pytest.fixture(scope="session")
def seed_path(seeds_dir: Path) -> Path:
    """The example dossier's JSON document."""
    return seeds_dir / "baghdad-drone-strike.json"


@pytest.fixture(scope="session")
def article(seeds_dir: Path) -> str:
    """The text of the article the example dossier quotes."""
    return (seeds_dir / "000_722b12ae6f7ab902.txt").read_text(encoding="utf-8")


@pytest.fixture
def seed(seed_path: Path) -> claims.Dossier:
    """The example dossier, loaded afresh for each test."""
    return claims.load(seed_path)
