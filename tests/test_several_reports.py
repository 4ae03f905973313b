"""A file holding two reports is never silently read as its first: it is refused with a message saying so."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.api import parse_bytes
from reviewer.cli import main
from reviewer.errors import ReadError
from reviewer.store import Library

from .fixtures.reports import CLEAN, FAULTY, SAMPLE_META, sample_text, write_report

TWO = sample_text(CLEAN) + "\n\n" + sample_text(FAULTY)


def test_two_reports_in_one_file_are_refused_naming_where_each_starts() -> None:
    with pytest.raises(ReadError, match=r"^two.txt: 文件中有 2 份报告（分别从第 \d+ 行、第 \d+ 行起）"):
        parse_bytes(TWO.encode(), "two.txt")


def test_check_and_import_say_so(library_at, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_report(tmp_path / "in", "two.txt", TWO)
    assert main(["check", str(path)]) == 2
    assert "2 份报告" in capsys.readouterr().err
    with Library(library_at(), seed_samples=False) as lib:
        summary = lib.import_paths([tmp_path / "in"], workers=1)
    assert summary.imported == [] and "2 份报告" in summary.failed[0][1]


@pytest.mark.parametrize("stem", list(SAMPLE_META) + ["004_0dc7f1f0762d964b"])
def test_one_report_is_one_report(stem: str) -> None:
    assert parse_bytes(sample_text(stem).encode(), "one.txt").tables
