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
