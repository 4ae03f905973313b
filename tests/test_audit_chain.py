"""The audit trail's hash chain: its canonical form, a library's chains, and tampering found by `audit verify`."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from reviewer.cli import main
from reviewer.model import finding_key
from reviewer.store import Library
from reviewer.store.audit_chain import GENESIS, canonical, entry_hash
from tests.fixtures.reports import CLEAN, FAULTY, variant_text, write_report


def test_the_canonical_form_is_the_documented_one() -> None:
    values = (3, 5, "edit", "table2:fees:amount", 13, 13.0, "张三", "2025-03-01T09:00:00.000Z", None)
    text = canonical("edits", 3, 1, GENESIS, values).decode("utf-8")
    assert text == ('["rr-audit/1","edits",3,1,"' + "0" * 64 + '",["i:3","i:5","t:edit","t:table2:fees:amount",'
                    '"i:13","f:13.0","t:张三","t:2025-03-01T09:00:00.000Z",null]]')
    assert entry_hash("edits", 3, 1, GENESIS, values) == hashlib.sha256(text.encode("utf-8")).hexdigest()


@pytest.mark.parametrize(("a", "b"), [(13, 13.0), (None, ""), ("13", 13), (0, None), ("i:1", 1), (1e16, 10**16)])
def test_values_that_differ_hash_differently(a: object, b: object) -> None:
    row = (1, 1, "edit", "c", None, a, "张三", "t", None)
    other = (1, 1, "edit", "c", None, b, "张三", "t", None)
    assert entry_hash("edits", 1, 1, GENESIS, row) != entry_hash("edits", 1, 1, GENESIS, other)


def test_the_place_and_the_previous_link_are_hashed() -> None:
    row = (1, 1, "edit", "c", 1, 2, "张三", "t", None)
    base = entry_hash("edits", 1, 2, "a" * 64, row)
    assert base != entry_hash("edits", 1, 3, "a" * 64, row)
    assert base != entry_hash("edits", 2, 2, "a" * 64, row)
    assert base != entry_hash("edits", 1, 2, "b" * 64, row)
    assert entry_hash("verifications", 1, 1, GENESIS, (1, "张三", "t", None, 2)) != entry_hash(
        "verifications", 1, 1, GENESIS, (1, "张三", "t", "", 2))


@pytest.fixture
def library(tmp_path: Path) -> tuple[Path, dict[str, int]]:
    """A library with imports, edits (an amount too), an undo, a confirmed defect, a verification with an
    acknowledged warning, a reopening and a second verification."""
    folder = tmp_path / "reports"
    write_report(folder, "clean.txt", variant_text(CLEAN))
    write_report(folder, "faulty.txt", variant_text(FAULTY))
    db = tmp_path / "lib.sqlite3"
    with Library(db, seed_samples=False) as lib:
        lib.import_paths([folder], workers=1)
        ids = {s.source_name: s.id for s in lib.list_reports()}
        rep = lib.load(ids["faulty.txt"])
        amount = next(c for c in rep.record.cell_ids() if c.endswith(":amount"))
        ch = lib.set_cells(rep.id, {amount: 13.0}, reviewer="张三", reason="金额", expected_version=rep.version)
        ch = lib.set_cells(rep.id, {amount: 13}, reviewer="张三", expected_version=ch.version)
        ch = lib.set_cells(rep.id, {amount: 13.0}, reviewer="张三", kind="undo", expected_version=ch.version)
        for f in [f for f in lib.load(rep.id).record.findings if f.severity == "error"]:
            ch = lib.confirm_defect(rep.id, finding_key(f), reason="原件如此", reviewer="张三",
                                    expected_version=ch.version)
        acks = {finding_key(f): "以表格为准" for f in lib.load(rep.id).record.findings
                if f.severity == "warning" and not f.confirmed}
        assert acks
        ch = lib.verify(rep.id, reviewer="李四", acknowledgements=acks, expected_version=ch.version)
        ch = lib.reopen(rep.id, reason="复查", reviewer="王五", expected_version=ch.version)
        lib.verify(rep.id, reviewer="李四", note="再核", acknowledgements=acks, expected_version=ch.version)
    return db, ids


def _tamper(db: Path, *sql: str) -> None:
    """What an attacker with the file can do: lift the append-only triggers and write plain SQL."""
    conn = sqlite3.connect(db, isolation_level=None)
    for table in ("edits", "verifications", "acknowledgements"):
        for what in ("update", "delete"):
            conn.execute(f"DROP TRIGGER IF EXISTS {table}_no_{what}")
    for stmt in sql:
        conn.execute(stmt)
    conn.close()


def _verify(db: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, list[str]]:
    code = main(["audit", "verify", "--db", str(db), *extra])
    return code, capsys.readouterr().out.splitlines()


def test_an_untouched_library_verifies(library: tuple[Path, dict[str, int]],
                                       capsys: pytest.CaptureFixture[str]) -> None:
    db, ids = library
    with Library(db, seed_samples=False) as lib:
        c = lib.connection
        n = sum(c.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("edits", "verifications", "acknowledgements"))
        # every entry is linked: one chain per report, 1..n without a gap, its head recorded
        faulty = ids["faulty.txt"]
        seqs = sorted(s for t in ("edits", "verifications") for (s,) in
                      c.execute(f"SELECT chain_seq FROM {t} WHERE report_id = ?", (faulty,)))
        seqs += [s for (s,) in c.execute("SELECT a.chain_seq FROM acknowledgements a JOIN verifications v "
                                         "ON v.id = a.verification_id WHERE v.report_id = ?", (faulty,))]
        assert sorted(seqs) == list(range(1, len(seqs) + 1))
        assert c.execute("SELECT seq FROM audit_heads WHERE report_id = ?", (faulty,)).fetchone()[0] == len(seqs)
    code, out = _verify(db, capsys)
    assert code == 0
    assert out == [f"审核记录完整：2 份报告的 {n} 条记录，哈希链均完好"]


def test_an_edit_changed_with_plain_sql_is_named(library: tuple[Path, dict[str, int]],
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    db, ids = library
    faulty = ids["faulty.txt"]
    conn = sqlite3.connect(db)
    (eid, seq), = conn.execute("SELECT id, chain_seq FROM edits WHERE report_id = ? AND new_value = 13 AND "
                               "typeof(new_value) = 'integer'", (faulty,)).fetchall()
    conn.close()
    # the amount 13 becomes 13.0: the same number to SQL's eye, another value to the trail
    _tamper(db, f"UPDATE edits SET new_value = 13.0 WHERE id = {eid}")
    code, out = _verify(db, capsys)
    assert code == 1
    assert out[0] == (f"报告 #{faulty}（高青县行政审批服务局 2020）：哈希链在第 {seq} 条（edits #{eid}，"
                      "内容与其哈希不符（此条被改动，或其前的记录被删除后重新编号））处断开")
    assert out[-1].startswith("审核记录被改动：1 份报告的哈希链断开")
    code, out = _verify(db, capsys, "--report", str(ids["clean.txt"]))
    assert code == 0 and out[-1].startswith("审核记录完整：1 份报告")


def test_a_deleted_entry_is_named(library: tuple[Path, dict[str, int]], capsys: pytest.CaptureFixture[str]) -> None:
    db, ids = library
    faulty = ids["faulty.txt"]
    conn = sqlite3.connect(db)
    eid, seq = conn.execute("SELECT id, chain_seq FROM edits WHERE report_id = ? AND kind = 'undo'",
                            (faulty,)).fetchone()
    after = conn.execute("SELECT id FROM edits WHERE report_id = ? AND chain_seq = ?", (faulty, seq + 1)).fetchone()[0]
    conn.close()
    _tamper(db, f"DELETE FROM edits WHERE id = {eid}")
    code, out = _verify(db, capsys)
    assert code == 1 and len(out) == 2
    assert f"报告 #{faulty}" in out[0] and f"第 {seq} 条（edits #{after}，此前缺少第 {seq} 条（被删除））" in out[0]


def test_an_acknowledgement_removed_and_the_last_entries_removed_are_found(
        library: tuple[Path, dict[str, int]], capsys: pytest.CaptureFixture[str]) -> None:
    db, ids = library
    faulty = ids["faulty.txt"]
    conn = sqlite3.connect(db)
    last, = conn.execute("SELECT max(id) FROM verifications").fetchone()
    head, = conn.execute("SELECT seq FROM audit_heads WHERE report_id = ?", (faulty,)).fetchone()
    conn.close()
    # the last verification and its acknowledgements go: the chain itself is intact, shorter than its head
    _tamper(db, f"DELETE FROM acknowledgements WHERE verification_id = {last}",
            f"DELETE FROM verifications WHERE id = {last}")
    code, out = _verify(db, capsys)
    assert code == 1 and "此后的" in out[0] and f"链尾应为第 {head} 条" in out[0]


def test_an_inserted_entry_is_named(library: tuple[Path, dict[str, int]], capsys: pytest.CaptureFixture[str]) -> None:
    db, ids = library
    clean = ids["clean.txt"]
    _tamper(db, "INSERT INTO edits(report_id, batch, kind, cell, old_value, new_value, reviewer, at, reason) "
                f"VALUES ({clean}, 1, 'edit', 'table2:fees:amount', 0, 5, '张三', '2025-01-01T00:00:00.000Z', NULL)")
    conn = sqlite3.connect(db)
    new_id, = conn.execute("SELECT max(id) FROM edits").fetchone()
    conn.close()
    code, out = _verify(db, capsys)
    assert code == 1
    assert out[0] == f"报告 #{clean}（临清市行政审批服务局 2022）：哈希链在第 2 条（edits #{new_id}，不在哈希链中（被插入））处断开"


def test_an_entry_inserted_with_a_forged_place_is_found(library: tuple[Path, dict[str, int]],
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    db, ids = library
    clean = ids["clean.txt"]
    _tamper(db, "DROP INDEX edits_chain",
            "INSERT INTO edits(report_id, batch, kind, cell, old_value, new_value, reviewer, at, reason, chain_seq, "
            f"chain_hash) VALUES ({clean}, 1, 'edit', 'x', 0, 5, '张三', 't', NULL, 1, '{'0' * 64}')")
    code, out = _verify(db, capsys)
    assert code == 1 and f"报告 #{clean}" in out[0] and "第 1 条" in out[0]


def test_an_unknown_report_is_refused(library: tuple[Path, dict[str, int]], capsys: pytest.CaptureFixture[str]) -> None:
    db, _ = library
    assert main(["audit", "verify", "--db", str(db), "--report", "999"]) == 2
    assert "999" in capsys.readouterr().err


def test_heads_kept_elsewhere_find_a_trail_rewritten_with_its_hashes(library: tuple[Path, dict[str, int]],
                                                                     tmp_path: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    db, ids = library
    faulty = ids["faulty.txt"]
    heads = tmp_path / "heads.json"
    code, out = _verify(db, capsys, "--save-heads", str(heads))
    assert code == 0 and out[-1] == f"已保存 2 份报告的链尾到 {heads}（请另处保管；以后用 --against 核对）"
    # an attacker with the file changes an edit and links the whole trail again with the program's own code
    conn = sqlite3.connect(db)
    eid, = conn.execute("SELECT min(id) FROM edits WHERE report_id = ? AND kind = 'edit'", (faulty,)).fetchone()
    conn.close()
    _tamper(db, f"UPDATE edits SET new_value = 99 WHERE id = {eid}",
            "UPDATE edits SET chain_seq = NULL, chain_hash = NULL", "UPDATE verifications SET chain_seq = NULL",
            "UPDATE acknowledgements SET chain_seq = NULL", "DELETE FROM audit_heads")
    from reviewer.store.audit_trail import backfill
    from reviewer.store.backend.sqlite import SqliteDb

    raw = sqlite3.connect(db, isolation_level=None)
    backfill(SqliteDb(raw, str(db)))
    raw.close()
    code, out = _verify(db, capsys)
    assert code == 0  # the chain alone is whole again: that is what the heads kept elsewhere are for
    code, out = _verify(db, capsys, "--against", str(heads))
    assert code == 1 and len(out) == 2
    assert out[0].startswith(f"报告 #{faulty}（高青县行政审批服务局 2020）：哈希链在第 ") and "与保存的链尾（" in out[0]
    assert "被改写，哈希被重新计算" in out[0]
    # a broken trail's heads are not saved, and a file that is not one is refused in one line
    code, out = _verify(db, capsys, "--save-heads", str(tmp_path / "again.json"), "--against", str(heads))
    assert code == 1 and not (tmp_path / "again.json").exists()
    (tmp_path / "other.json").write_text("{}", encoding="utf-8")
    assert main(["audit", "verify", "--db", str(db), "--against", str(tmp_path / "other.json")]) == 2
    assert "不是保存的审核记录链尾文件" in capsys.readouterr().err


def test_a_repaired_library_keeps_its_chains_and_an_older_one_gets_them(library: tuple[Path, dict[str, int]],
                                                                        tmp_path: Path) -> None:
    from reviewer.store.repair import repair

    db, _ = library
    with Library(db, seed_samples=False) as lib:
        before = lib.verify_audit()
    assert repair(db).complete
    with Library(db, seed_samples=False) as lib:
        after = lib.verify_audit()
        assert after.intact and (after.reports, after.entries, after.heads) == (before.reports, before.entries,
                                                                               before.heads)
    old = tmp_path / "v3.sqlite3"
    conn = sqlite3.connect(old)
    conn.executescript((Path(__file__).parent / "fixtures" / "library-v3.sql").read_text(encoding="utf-8"))
    conn.close()
    assert repair(old).complete
    with Library(old, seed_samples=False) as lib:
        report = lib.verify_audit()
        assert report.intact and report.entries == 18 + 3 + 2
