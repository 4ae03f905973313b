"""Opening the library (the store) for the UI: its default place, and one connection per thread."""

from __future__ import annotations

import getpass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reviewer.store import Library


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


def default_library() -> Path | str:
    """The default library: a file, or the postgresql:// address $REVIEWER_LIBRARY names."""
    from reviewer.store.config import default_library as store_default

    return store_default()


def library_name(location: Path | str) -> str:
    """How the status bar names a library: the file's name, or the server's address without password."""
    from reviewer.store.backend import is_server_url, redact

    return redact(str(location)) if is_server_url(location) else Path(location).name


def open_library(path: str | Path | None = None, *, seed_samples: bool = True) -> Library:
    """A `reviewer.store.Library` on `path` — a file or a postgresql:// address (the default library when
    None). Raises `ReviewerError`."""
    from reviewer.store import Library
    from reviewer.store.backend import is_server_url

    if path and is_server_url(path):
        return Library(str(path), seed_samples=seed_samples)
    chosen = path or default_library()
    if is_server_url(chosen):
        return Library(str(chosen), seed_samples=seed_samples)
    target = Path(chosen)
    target.parent.mkdir(parents=True, exist_ok=True)
    return Library(target, seed_samples=seed_samples)


def close_library(library: Library) -> None:
    library.close()


if __name__ == "__main__":
    from ui.preview import sample_library

    print("default library:", default_library_path())
    lib = sample_library()
    print("sample library:", lib.path)
    for s in lib.list_reports():
        print(f"  {s.id} {s.agency} {s.year} {s.status} errors={s.errors} warnings={s.warnings}")
    close_library(lib)
