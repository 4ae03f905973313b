"""`reviewer migrate --from FILE --to postgresql://…`: a local library moved into a team's server library answers
the same through the Library API, its audit chains intact, every table's rows and checksum equal; a non-empty
target is refused; a failure midway leaves the target without any of the source's rows."""

from __future__ import annotations

import dataclasses
import hashlib
import sqlite3
from pathlib import Path

import pytest

from reviewer.cli import main
from reviewer.errors import StoreError
from reviewer.model import finding_key
from reviewer.store import SCHEMA_VERSION, Library
from reviewer.store.library_move import move
from tests.fixtures.reports import CLEAN, FAULTY, variant_text, write_report

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _full_library(tmp_path: Path) -> Path:
    """Imports (two files of one agency and year, last year's report), edits (an amount as 13.0), an undo, a
    value captured from the text, source defects, a verification with an acknowledged warning, a reopening and a
    second verification, a retired report, a chosen version and a re-parse under the other format that loses an
    edit (a conflict)."""
    folder = tmp_path / "reports"
    write_report(folder, "a-2021.txt", variant_text(CLEAN, agency="迁移市行政审批服务局", year=2021))
    write_report(folder, "a-2022.txt", variant_text(CLEAN, agency="迁移市行政审批服务局", year=2022))
    write_report(folder, "a-2022-corrected.txt",
                 variant_text(CLEAN, agency="迁移市行政审批服务局", year=2022) + "\n（更正版）\n")
    write_report(folder, "faulty.txt", variant_text(FAULTY))
    write_report(folder, "mistake.txt", variant_text(CLEAN, agency="误导入县行政审批服务局", year=2020))
    db = tmp_path / "lib.sqlite3"
    with Library(db, seed_samples=False) as lib:
        lib.import_paths([folder], workers=1)
        ids = {s.source_name: s.id for s in lib.list_reports()}
        rep = lib.load(ids["faulty.txt"])
        amount = next(c for c in rep.record.cell_ids() if c.endswith(":amount"))
        ch = lib.set_cells(rep.id, {amount: 13.0}, reviewer="张三", reason="金额", expected_version=rep.version)
        ch = lib.set_cells(rep.id, {"table3:granted:natural": 9, amount: 13}, reviewer="张三",
                           expected_version=ch.version)
        ch = lib.set_cells(rep.id, {"table3:granted:natural": rep.record.get("table3:granted:natural"),
                                    amount: 13.0}, reviewer="张三", kind="undo", expected_version=ch.version)
        start = rep.text.index(str(rep.record.get("table3:granted:natural")))
        ch = lib.set_cells(rep.id, {"table3:granted:natural": rep.record.get("table3:granted:natural")},
                           reviewer="张三", kind="capture", spans={"table3:granted:natural": (start, start + 1)},
                           expected_version=ch.version)
        errors = [f for f in lib.load(rep.id).record.findings if f.severity == "error"]
        ch = lib.confirm_defect(rep.id, finding_key(errors[0]), reason="原件如此", reviewer="张三",
                                should_be={errors[0].cells[0]: 3}, expected_version=ch.version)
        ch = lib.confirm_defect(rep.id, finding_key(errors[1]), reason="原件如此", reviewer="张三",
                                expected_version=ch.version)
        acks = {finding_key(f): "以表格为准" for f in lib.load(rep.id).record.findings
                if f.severity == "warning" and not f.confirmed}
        ch = lib.verify(rep.id, reviewer="李四", note="已核", acknowledgements=acks, expected_version=ch.version)
        ch = lib.reopen(rep.id, reason="原件有更正页", reviewer="王五", expected_version=ch.version)
        lib.verify(rep.id, reviewer="李四", note="再核", acknowledgements=acks, expected_version=ch.version)
        lib.choose_version(ids["a-2022-corrected.txt"], reviewer="张三", reason="更正版为准")
        old = lib.summary(ids["a-2021.txt"])
        ch = lib.set_cells(old.id, {"table3:other.other:natural": 2}, reviewer="张三", expected_version=old.version)
        lib.reparse(old.id, template="2019", reviewer="张三", reason="按 2019 年格式", expected_version=ch.version)
        mistake = lib.summary(ids["mistake.txt"])
        lib.retire(mistake.id, reason="误导入", reviewer="王五", expected_version=mistake.version)
    with sqlite3.connect(db) as conn:  # a setting of the library (as team mode keeps its own in library_meta)
        conn.execute("INSERT INTO library_meta(key, value) VALUES ('office', '测试处')")
    conn.close()
    return db


def _answers(lib: Library) -> dict[str, object]:
    """What the Library API says about every report: the lists, each record, its history."""
    out: dict[str, object] = {
        "list": [s._asdict() for s in lib.list_reports(retired=None)],
        "count": lib.count(), "years": lib.years(),
    }
    for s in lib.list_reports(retired=None):
        rep = lib.load(s.id)
        out[f"{s.id}"] = (rep.record.to_json(), rep.origins, rep.parsed, rep.acknowledged, rep.version,
                          dataclasses.asdict(rep.verification) if rep.verification else None,
                          [dataclasses.asdict(c) for c in rep.confirmations], rep.should_be, rep.locked,
                          rep.previous_id, rep.forced_template, [dataclasses.asdict(c) for c in rep.conflicts],
                          [dataclasses.asdict(e) for e in lib.history(s.id)],
                          [v._asdict() for v in lib.versions(s.id)], lib.source_spans(s.id))
    return out


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_library_moves_and_answers_the_same(pg_cluster, tmp_path: Path,  # noqa: ANN001
                                              capsys: pytest.CaptureFixture[str]) -> None:
    db = _full_library(tmp_path)
    with Library(db, seed_samples=False) as lib:
        before = _answers(lib)
    untouched = _digest(db)
    url = pg_cluster.new_database("move")
    assert main(["migrate", "--from", str(db), "--to", url, "--quiet"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 1 and out[0].startswith(f"已迁移 {db} → ") and "5 份报告" in out[0]
    assert "张表的行数与校验和两边一致，审核记录哈希链完好" in out[0]
    assert _digest(db) == untouched  # the original file is never written
    with Library(url, seed_samples=False) as team:
        assert _answers(team) == before
        assert team.verify_audit().intact
        # the team goes on where the file stopped: ids continue, the chain grows
        rid = next(s.id for s in team.list_reports() if s.source_name == "a-2022.txt")
        s = team.summary(rid)
        team.set_cells(rid, {"table3:granted:natural": 4321}, reviewer="赵六", expected_version=s.version)
        login = team.actor().name  # team mode: the login is recorded, not a typed name
        new_edit = team.connection.execute("SELECT min(id) FROM edits WHERE reviewer = ? AND kind = 'edit'",
                                           (login,)).fetchone()[0]
        with sqlite3.connect(db) as conn:
            assert new_edit == conn.execute("SELECT max(id) FROM edits").fetchone()[0] + 1
        assert team.verify_audit().intact
    # a target that holds reports is refused, untouched
    assert main(["migrate", "--from", str(db), "--to", url, "--quiet"]) == 2
    assert "目标资料库已有 5 份报告" in capsys.readouterr().err
    pg_cluster.drop_database(url)


def test_a_failure_midway_leaves_the_target_without_the_source(pg_cluster, tmp_path: Path) -> None:  # noqa: ANN001
    db = _full_library(tmp_path)
    url = pg_cluster.new_database("moveagain")
    with pytest.raises(StoreError, match="中断"):
        move(db, url, fail_after="verifications")
    with Library(url, seed_samples=False) as team:
        c = team.connection
        assert [c.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in
                ("reports", "documents", "cells", "edits", "verifications", "audit_heads")] == [0] * 6
    summary = move(db, url)  # and it simply runs again
    assert summary.ok and summary.rows("reports") == 5
    assert {t.table for t in summary.tables} >= {"reports", "documents", "cells", "findings", "edits",
                                                  "verifications", "acknowledgements", "conflicts",
                                                  "confirmations", "audit_heads"}
    assert all(t.source_rows == t.target_rows and t.source_sum == t.target_sum for t in summary.tables)
    assert summary.rows("conflicts") > 0 and summary.rows("acknowledgements") == 2
    with Library(url, seed_samples=False) as team:  # the file's settings and facts came too, marked as moved
        meta = dict(team.connection.execute("SELECT key, value FROM library_meta").fetchall())
        assert meta["migrated_from"] == str(db.resolve()) and meta["schema_version"] == str(SCHEMA_VERSION)
        assert meta["source_created_at"] and meta["office"] == "测试处"
    pg_cluster.drop_database(url)


def test_a_library_of_an_earlier_version_moves_with_its_trail_linked(pg_cluster, tmp_path: Path) -> None:  # noqa: ANN001
    path = tmp_path / "v3.sqlite3"
    conn = sqlite3.connect(path)
    conn.executescript((FIXTURES / "library-v3.sql").read_text(encoding="utf-8"))
    conn.close()
    url = pg_cluster.new_database("movev3")
    summary = move(path, url)
    assert summary.ok and summary.audit is not None and summary.audit.entries == 18 + 3 + 2
    with sqlite3.connect(path) as conn:  # the file keeps its version: the copy was migrated, not the file
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 3
    with Library(url, seed_samples=False) as team:
        faulty = next(s for s in team.list_reports() if s.source_name == "faulty.txt")
        assert faulty.status == "verified" and faulty.defects == 2
        amounts = [e.new for e in team.history(faulty.id) if e.reason in ("金额", "整数")]
        assert amounts == [13.0, 13] and [type(a) for a in amounts] == [float, int]
    pg_cluster.drop_database(url)


def test_a_broken_chain_is_not_moved(pg_cluster, tmp_path: Path) -> None:  # noqa: ANN001
    db = _full_library(tmp_path)
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("DROP TRIGGER edits_no_update")
    conn.execute("UPDATE edits SET reason = '改过' WHERE reason = '金额'")
    conn.close()
    url = pg_cluster.new_database("movebroken")
    with pytest.raises(StoreError, match="审核记录哈希链已断开"):
        move(db, url)
    pg_cluster.drop_database(url)


def test_the_checksum_sees_values_not_order() -> None:
    from reviewer.store.audit_trail import AuditReport
    from reviewer.store.library_move import Checksum, MoveSummary, TableCheck

    def of(rows: list[tuple[object, ...]]) -> str:
        check = Checksum()
        for r in rows:
            check.add(r)
        return check.hex

    rows: list[tuple[object, ...]] = [(1, 13, "a", None, b"\x00"), (2, 0.1, "", "b", b"")]
    assert of(rows) == of(rows[::-1])
    for changed in ([(1, 13.0, "a", None, b"\x00"), rows[1]], [(1, 13, "a", "", b"\x00"), rows[1]],
                    [(1, "13", "a", None, b"\x00"), rows[1]], rows[:1], rows + rows[:1]):
        assert of(changed) != of(rows)
    summary = MoveSummary("lib.sqlite3", "postgresql://server/office",
                          [TableCheck("cells", 10, 10, "a" * 64, "b" * 64), TableCheck("edits", 3, 3, "c" * 64, "c" * 64)],
                          AuditReport(1, 3))
    assert not summary.ok
    assert summary.line() == ("迁移 lib.sqlite3 → postgresql://server/office 后核对失败：行数或校验和不一致的表："
                              "cells（10 → 10）")
