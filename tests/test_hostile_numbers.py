"""Numbers the store cannot hold (2^63 and beyond): a finding, never a traceback or a stopped batch."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.api import parse_bytes
from reviewer.cli import main
from reviewer.errors import ValidationError
from reviewer.store import Library
from reviewer.values import parse_user_value

from .fixtures.reports import CLEAN, many_reports, variant_text, write_report

HUGE = str(2**63)  # one more than SQLite's largest integer
CELL = "table2:licensing:decisions"


def huge_report(agency: str = "超大数县行政审批服务局") -> str:
    text = variant_text(CLEAN, agency=agency)
    assert "19536" in text
    return text.replace("19536", HUGE)


def test_a_huge_printed_value_is_an_r6_finding_and_kept_as_printed() -> None:
    record = parse_bytes(huge_report().encode(), "huge.txt")
    found = [f for f in record.findings if f.rule == "R6" and "数值超出范围" in f.message]
    assert len(found) == 1 and found[0].severity == "error"
    (cid,) = found[0].cells
    assert record.get(cid) is None and record.provenance[cid].text == HUGE


def test_import_of_a_batch_with_a_huge_value_imports_every_file(library_at, tmp_path: Path) -> None:
    files = many_reports(tmp_path / "in", 6)
    write_report(tmp_path / "in", "r002-huge.txt", huge_report())  # sorted in the middle of the batch
    with Library(library_at(), seed_samples=False) as lib:
        summary = lib.import_paths([tmp_path / "in"], workers=1)
        assert not summary.failed and len(summary.imported) == len(files) + 1
        rid = next(i for i in summary.imported if lib.summary(i).source_name == "r002-huge.txt")
        rep = lib.load(rid)
        (cid,) = [c for f in rep.record.findings if "数值超出范围" in f.message for c in f.cells]
        assert rep.record.get(cid) is None and rep.record.provenance[cid].text == HUGE


def test_a_failure_writing_one_file_is_reported_by_name_and_the_batch_goes_on(library_at,
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    many_reports(tmp_path / "in", 5)
    from reviewer.store import importer

    real = importer.insert_report

    def flaky(c, item, rep, *args):  # type: ignore[no-untyped-def]
        if item[0].endswith("r002.txt"):
            raise OverflowError("Python int too large to convert to SQLite INTEGER")
        return real(c, item, rep, *args)

    monkeypatch.setattr(importer, "insert_report", flaky)
    with Library(library_at(), seed_samples=False) as lib:
        summary = lib.import_paths([tmp_path / "in"], workers=1)
        assert len(summary.imported) == 4
        ((path, reason),) = summary.failed
        assert path.endswith("r002.txt") and "r002.txt" in reason and "OverflowError" in reason
        assert lib.integrity_check() == "ok"


@pytest.mark.parametrize("typed", [HUGE, "-" + HUGE, "1" * 400 + ".5"])
def test_typing_a_huge_value_is_refused_with_a_message(typed: str) -> None:
    with pytest.raises(ValidationError, match="数值超出范围"):
        parse_user_value(typed)


def test_reviewer_set_refuses_a_huge_value(library_at, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(library_at())
    write_report(tmp_path / "in", "a.txt", variant_text(CLEAN))
    assert main(["import", str(tmp_path / "in"), "--db", db, "--no-samples", "--quiet"]) == 0
    capsys.readouterr()
    assert main(["set", "1", CELL, HUGE, "--reason", "r", "--reviewer", "张三", "--db", db]) == 2
    err = capsys.readouterr().err
    assert "数值超出范围" in err and "Traceback" not in err
    with Library(db) as lib:
        assert lib.load(1).record.get(CELL) == 19536 and lib.load(1).version == 1
