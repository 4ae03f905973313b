"""Libraries written by earlier schema versions open, migrate and keep everything."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from reviewer.errors import ReviewerError
from reviewer.model import finding_key
from reviewer.store import SCHEMA_VERSION, Library

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _from_fixture(tmp_path: Path, version: int) -> Path:
    path = tmp_path / f"library-v{version}.sqlite3"
    conn = sqlite3.connect(path)
    conn.executescript((FIXTURES / f"library-v{version}.sql").read_text(encoding="utf-8"))
    assert conn.execute("PRAGMA user_version").fetchone()[0] == version
    conn.close()
    return path


def _schema(conn: sqlite3.Connection) -> set[tuple[str, str]]:
    return {(name, " ".join(sql.split())) for name, sql in
            conn.execute("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'")}


def test_every_earlier_version_has_a_fixture() -> None:
    assert sorted(p.name for p in FIXTURES.glob("library-v*.sql")) == [
        f"library-v{v}.sql" for v in range(1, SCHEMA_VERSION)]


def test_migrate_v1(tmp_path: Path) -> None:
    path = _from_fixture(tmp_path, 1)
    with Library(path) as lib:  # seed_samples is on: an existing library must not be seeded
        assert not lib.created
        c = lib.connection
        assert c.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert lib.integrity_check() == "ok"
        assert c.execute("PRAGMA foreign_key_check").fetchall() == []
        rows = lib.list_reports()
        assert [s.source_name for s in rows] == ["2021.txt", "2022.txt", "verified.txt"]
        keys = {k for (k,) in c.execute("SELECT agency_key FROM reports")}
        assert keys == {"测试市行政审批服务局", "核实县行政审批服务局"}  # backfilled, spelling differences gone
        prev, this, verified = (s.id for s in rows)
        # the edit of v1 is still in force and in the trail
        old = lib.load(prev)
        cell = "table3:carried_forward:natural"
        assert (old.record.get(cell), old.parsed[cell], old.origins[cell]) == (2, 0, "edited")
        assert [(e.kind, e.cell, e.old, e.new) for e in lib.history(prev) if e.kind == "edit"] == [("edit", cell, 0, 2)]
        # findings of the old rule set are computed anew, now with last year's report found by the normalised name
        rep = lib.load(this)
        assert rep.previous_id == prev
        assert "R7" in {f.rule for f in rep.record.findings}
        # verifications and acknowledgements are kept, and still append-only
        v = lib.load(verified)
        assert v.status == "verified" and v.acknowledged == {"BLANK|table2:fees:amount": "原件即为空"}
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            c.execute("DELETE FROM edits")
        # and the library takes new work
        ch = lib.set_cells(prev, {cell: 0}, reviewer="张三", kind="undo", expected_version=old.version)
        assert ch.version == old.version + 1 and "R7" not in {f.rule for f in lib.load(this).record.findings}


def test_migrate_v2(tmp_path: Path) -> None:
    path = _from_fixture(tmp_path, 2)
    with Library(path) as lib:
        assert not lib.created and lib.integrity_check() == "ok"
        assert lib.connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        rows = lib.list_reports()
        assert [(s.source_name, s.status) for s in rows] == [
            ("a-2022-corrected.txt", "new"), ("a-2022.txt", "verified"), ("faulty.txt", "in_review")]
        corrected, verified, faulty = (s.id for s in rows)
        # nothing retired, nothing confirmed; of the two files of one agency and year the verified one counts
        assert all(s.retired_at is None and s.defects == 0 for s in rows)
        assert (rows[0].versions, rows[0].counts, rows[1].counts) == (2, False, True)
        # the verification of v2 stands, and the verified report is read-only now
        v = lib.load(verified)
        assert v.verification is not None and v.verification.reviewer == "李四" and v.locked
        # the trail of v2 is kept, and the errors of the faulty report can now be confirmed as source defects
        rep = lib.load(faulty)
        assert [e.kind for e in lib.history(faulty)] == ["import", "edit", "status", "undo"]
        errors = [f for f in rep.record.findings if f.severity == "error"]
        assert len(errors) == 2 and rep.summary.errors == 2
        ch = lib.confirm_defect(faulty, finding_key(errors[0]), reason="原件如此", reviewer="张三",
                                expected_version=rep.version)
        assert (ch.errors, ch.defects) == (1, 1)
        lib.choose_version(corrected, reviewer="张三", reason="更正版为准")
        assert lib.summary(corrected).counts and not lib.summary(verified).counts


def test_migrate_v3_links_the_trail(tmp_path: Path) -> None:
    path = _from_fixture(tmp_path, 3)
    with sqlite3.connect(path) as old:
        before = {t: old.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall()
                  for t in ("edits", "verifications", "acknowledgements")}
    with Library(path) as lib:
        c = lib.connection
        assert not lib.created and lib.integrity_check() == "ok"
        assert c.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        # every entry kept as it was (an amount 13.0 still a REAL beside the integer 13), now with its link
        for table, rows in before.items():
            n = len(rows[0])
            assert [r[:n] for r in c.execute(f"SELECT * FROM {table} ORDER BY 1, 2")] == rows
            assert c.execute(f"SELECT count(*) FROM {table} WHERE chain_seq IS NULL OR chain_hash IS NULL"
                             ).fetchone()[0] == 0
        assert c.execute("SELECT typeof(new_value) FROM edits WHERE reason = '金额'").fetchone()[0] == "real"
        report = lib.verify_audit()
        assert report.intact and (report.reports, report.entries) == (4, 18 + 3 + 2)
        # the faulty report's chain in the order it was written: the status line before its verification,
        # then the verification's acknowledgement
        faulty = next(s.id for s in lib.list_reports() if s.source_name == "faulty.txt")
        order = sorted([(s, "edits", k) for s, k in c.execute("SELECT chain_seq, kind FROM edits WHERE report_id = ?",
                                                                (faulty,))]
                       + [(s, "verifications", n) for s, n in c.execute(
                           "SELECT chain_seq, note FROM verifications WHERE report_id = ?", (faulty,))]
                       + [(s, "acknowledgements", "") for (s,) in c.execute(
                           "SELECT a.chain_seq FROM acknowledgements a JOIN verifications v ON v.id = a.verification_id "
                           "WHERE v.report_id = ?", (faulty,))])
        assert [x[1:] for x in order[-7:]] == [
            ("edits", "status"), ("verifications", "与原件核对"), ("acknowledgements", ""), ("edits", "status"),
            ("edits", "status"), ("verifications", "再核"), ("acknowledgements", "")]
        # still append-only, and new work extends the chain
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            c.execute("UPDATE edits SET reason = 'x'")
        rep = lib.load(faulty)
        assert rep.locked and [e.kind for e in lib.history(faulty)][:3] == ["import", "edit", "status"]
        ch = lib.reopen(faulty, reason="再查", reviewer="王五", expected_version=rep.version)
        assert ch.status == "in_review" and lib.verify_audit(faulty).intact
        assert c.execute("SELECT seq FROM audit_heads WHERE report_id = ?", (faulty,)).fetchone()[0] == len(order) + 1


def test_migrate_v4_adds_claims_and_the_pending_status(tmp_path: Path) -> None:
    path = _from_fixture(tmp_path, 4)
    with Library(path) as lib:
        assert lib.verify_audit().intact  # v4's chains go on from where they were
        ids = {s.source_name: s.id for s in lib.list_reports(retired=None)}
        faulty, clean = ids["faulty.txt"], ids["mistake.txt"]
        assert lib.summary(faulty).status == "verified"
        lib.claim(faulty, reviewer="张三")
        assert lib.claims()[faulty].holder == "张三"
        lib.change_setting("four_eyes", "on", reviewer="王组长")
        ch = lib.restore(clean, reviewer="王五", reason="确属本单位", expected_version=lib.summary(clean).version)
        assert lib.verify(clean, reviewer="李四", expected_version=ch.version).status == "pending"
        assert lib.verify_audit().intact


@pytest.mark.parametrize("version", [1, 2, 3, 4])
def test_a_migrated_library_has_the_schema_of_a_new_one(tmp_path: Path, version: int) -> None:
    path = _from_fixture(tmp_path, version)
    with Library(path) as lib:  # and its trail is linked into chains that verify
        assert lib.verify_audit().intact and lib.verify_audit().entries > 0
    Library(tmp_path / "new.sqlite3", seed_samples=False).close()
    with sqlite3.connect(path) as a, sqlite3.connect(tmp_path / "new.sqlite3") as b:
        assert _schema(a) == _schema(b)


def test_a_library_from_a_newer_program_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(ReviewerError, match="请升级程序"):
        Library(path)


def test_a_file_that_is_not_a_library_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_text("这不是数据库" * 200, encoding="utf-8")
    with pytest.raises(ReviewerError, match="不是审核台资料库"):
        Library(path)
