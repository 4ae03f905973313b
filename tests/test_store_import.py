"""Batch import: folders, duplicates, unreadable files, second versions, progress, cancel, worker processes."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.store import Library

from .fixtures.reports import CLEAN, many_reports, sample_text, variant_text, write_report


@pytest.fixture
def lib(library_at, tmp_path: Path) -> Library:
    with Library(library_at(), seed_samples=False) as library:
        yield library


def test_folder_recursively_with_duplicates_failures_and_versions(lib: Library, tmp_path: Path) -> None:
    src = tmp_path / "in"
    a = write_report(src, "a.txt", variant_text(agency="甲县行政审批服务局"))
    write_report(src / "sub" / "deeper", "b.txt", variant_text(agency="乙县行政审批服务局"))
    write_report(src / "sub", "a-copy.txt", a.read_text(encoding="utf-8"))  # same bytes as a.txt
    write_report(src, ".hidden.txt", "ignored")
    (src / "empty.txt").write_bytes(b"")
    (src / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    # the same agency and year from another file (another layout of the text): kept and flagged
    write_report(src / "v2", "a-v2.txt", variant_text(agency="甲县行政审批服务局") + "\n（更正版）\n")
    seen: list[tuple[int, int, str]] = []
    summary = lib.import_paths([src], reviewer="张三", progress=lambda d, t, p: seen.append((d, t, p)))
    assert len(summary.imported) == 3
    assert [Path(p).name for p, _ in summary.duplicates] == ["a-copy.txt"]
    assert sorted(Path(p).name for p, _ in summary.failed) == ["empty.txt", "picture.png"]
    assert all(reason for _, reason in summary.failed)
    assert len(summary.versions_flagged) == 1
    flagged = lib.summary(summary.versions_flagged[0])
    assert flagged.version_of is not None and lib.summary(flagged.version_of).agency == flagged.agency
    assert seen[-1][0] == seen[-1][1] == summary.total == 6 and [d for d, _, _ in seen] == list(range(1, 7))
    again = lib.import_paths([src])
    assert again.imported == [] and len(again.duplicates) == 4
    assert "导入 0 份" in again.text()


def test_missing_path_is_reported(lib: Library, tmp_path: Path) -> None:
    summary = lib.import_paths([tmp_path / "nope.txt"])
    assert summary.imported == [] and "不存在" in summary.failed[0][1]


def test_parallel_import_with_worker_processes(lib: Library, tmp_path: Path) -> None:
    files = many_reports(tmp_path / "in", 24)
    summary = lib.import_paths([tmp_path / "in"], workers=2)
    assert len(summary.imported) == 24 and not summary.failed
    assert [lib.summary(i).source_name for i in summary.imported] == [f.name for f in files]  # in order
    assert lib.integrity_check() == "ok"
    rep = lib.load(summary.imported[5])
    assert rep.record.agency == "测试005号县行政审批服务局" and len(rep.record.cell_ids()) == 200


def test_cancel_keeps_what_was_imported(lib: Library, tmp_path: Path) -> None:
    many_reports(tmp_path / "in", 20)
    calls = []
    summary = lib.import_paths([tmp_path / "in"], workers=1, progress=lambda d, t, p: calls.append(d),
                               cancel=lambda: len(calls) >= 8)
    assert summary.cancelled
    assert 8 <= len(summary.imported) < 20
    assert len(lib.list_reports()) == len(summary.imported)


def test_two_files_with_the_same_content_in_one_run(lib: Library, tmp_path: Path) -> None:
    text = sample_text(CLEAN)
    write_report(tmp_path / "in", "x.txt", text)
    write_report(tmp_path / "in", "y.txt", text)
    summary = lib.import_paths([tmp_path / "in"])
    assert len(summary.imported) == 1 and summary.duplicates == [(str(tmp_path / "in" / "y.txt"), summary.imported[0])]
