"""Opening the library (the store) for the UI: its default place, and one connection per thread."""

from __future__ import annotations

import getpass
from pathlib import Path
from typing import Any


def default_library_path() -> Path:
    from reviewer.store import default_library_path as store_default

    return store_default()


def default_reviewer() -> str:
    """$REVIEWER_NAME or the name saved by `reviewer config`, else the login name."""
    from reviewer.store import default_reviewer as store_default

    return store_default() or getpass.getuser()


def configured_reviewer() -> str:
    """$REVIEWER_NAME or the name saved by `reviewer config`; '' when neither is set (no login-name fallback)."""
    from reviewer.store import default_reviewer as store_default

    return store_default() or ""


def open_library(path: str | Path | None = None, *, seed_samples: bool = True) -> Any:
    """A `reviewer.store.Library` on `path` (the default library when None). Raises `ReviewerError`."""
    from reviewer.store import Library

    target = Path(path) if path else default_library_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    return Library(target, seed_samples=seed_samples)


def close_library(library: Any) -> None:
    library.close()


if __name__ == "__main__":
    from ui.preview import sample_library

    print("default library:", default_library_path())
    lib = sample_library()
    print("sample library:", lib.path)
    for s in lib.list_reports():
        print(f"  {s.id} {s.agency} {s.year} {s.status} errors={s.errors} warnings={s.warnings}")
    close_library(lib)
