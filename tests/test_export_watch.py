"""Exports report their progress and can be cancelled, leaving no file behind."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.export import FORMATS, ExportCancelled, export
from reviewer.store import Library


@pytest.fixture(scope="module")
def lib(tmp_path_factory: pytest.TempPathFactory) -> Library:
    library = Library(tmp_path_factory.mktemp("watch") / "lib.sqlite3")
    yield library
    library.close()


@pytest.mark.parametrize("fmt", FORMATS)
def test_progress_counts_every_report(lib: Library, tmp_path: Path, fmt: str) -> None:
    seen: list[tuple[int, int]] = []
    result = export(lib, tmp_path / f"x.{fmt}", fmt, include_all=True,
                    progress=lambda done, total, _m: seen.append((done, total)))
    assert result.reports == 5
    assert seen[0] == (0, 5) and seen[-1] == (5, 5)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


@pytest.mark.parametrize("fmt", FORMATS)
def test_cancel_writes_nothing(lib: Library, tmp_path: Path, fmt: str) -> None:
    calls = []

    def cancel() -> bool:
        calls.append(1)
        return len(calls) > 2  # after two reports

    with pytest.raises(ExportCancelled):
        export(lib, tmp_path / f"x.{fmt}", fmt, include_all=True, cancel=cancel)
    assert list(tmp_path.iterdir()) == []
