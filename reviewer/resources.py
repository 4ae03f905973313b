"""Where the package data is: format files, sample reports and translations.

The repository's `resources/` folder installs as the package `reviewer_resources` (setup.py maps it), so a
wheel, an editable install and the frozen app (PyInstaller collects it under that name) all find it with
`importlib.resources`. Only a bare checkout run with `PYTHONPATH=.` (nothing installed) has no such package;
there the folder the wheel would map is used. Every user of the data asks this module.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from pathlib import Path

PACKAGE = "reviewer_resources"
_CHECKOUT = Path(__file__).resolve().parent.parent / "resources"


@cache
def root() -> Path:
    """The folder holding `formats/`, `samples/` and `translations/`."""
    try:
        found = files(PACKAGE)
    except ModuleNotFoundError:
        return _CHECKOUT
    if not isinstance(found, Path):  # e.g. imported from a zip: the readers and Qt need real files
        raise RuntimeError(f"{PACKAGE} is not a folder on disk ({found!r}); install the wheel unpacked")
    return found


def formats_dir() -> Path:
    """The national formats and provincial variants (`*.json`)."""
    return root() / "formats"


def samples_dir() -> Path:
    """The bundled sample reports a new library is seeded with."""
    return root() / "samples"


def sample_paths() -> list[Path]:
    return sorted(samples_dir().glob("*.txt"))


def translations_dir() -> Path:
    """The translation sources (`reviewer_<lang>.ts`) and any `.qm` compiled next to them."""
    return root() / "translations"
