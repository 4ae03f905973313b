"""Shared fixtures: the bundled sample reports and their expected records."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import settings

from reviewer.resources import samples_dir

settings.register_profile("default", max_examples=120)
settings.register_profile("long", max_examples=3000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = samples_dir()
SHARED = ROOT.parent / "shared"
TRUTH_DIR = Path(__file__).resolve().parent / "truth"

SEEDS = sorted(p.stem for p in SAMPLES.glob("*.txt"))


def truth(name: str) -> dict:
    """The expected record of a sample (kept in tests/truth, a copy of ../shared/truth)."""
    return json.loads((TRUTH_DIR / f"{name}.json").read_text(encoding="utf-8"))


@pytest.fixture(params=SEEDS)
def seed(request: pytest.FixtureRequest) -> str:
    return request.param


# -- the library on both backends (tests/pg.py starts the PostgreSQL cluster) -----------------------------------
BACKENDS = ("sqlite", "postgresql")


@pytest.fixture(scope="session")
def pg_cluster():  # noqa: ANN201 - a tests.pg.Cluster
    """One throwaway PostgreSQL cluster for the session (skips, saying why, when the server binaries are absent)."""
    from .pg import start_cluster

    try:
        cluster = start_cluster()
    except RuntimeError as exc:
        if os.environ.get("REVIEWER_TEST_POSTGRES") == "required":  # CI: never skip quietly
            pytest.fail(str(exc))
        pytest.skip(str(exc))
    yield cluster
    cluster.remove()


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def library_at(backend: str, tmp_path: Path, request: pytest.FixtureRequest):  # noqa: ANN201
    """`library_at(name="lib")`: where a library of that name lives in this test — a file in tmp_path (sqlite)
    or a fresh database of the test cluster (postgresql); the same name gives the same place."""
    cluster = request.getfixturevalue("pg_cluster") if backend == "postgresql" else None
    made: dict[str, str] = {}

    def at(name: str = "lib") -> str:
        if name not in made:
            made[name] = str(tmp_path / f"{name}.sqlite3") if cluster is None else cluster.new_database(name)
        return made[name]

    yield at
    if cluster is not None:
        for url in made.values():
            cluster.drop_database(url)
