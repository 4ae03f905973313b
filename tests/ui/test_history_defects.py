"""The edit history dialog names a confirmed source defect, its withdrawal, a retirement and a version choice."""

from __future__ import annotations

from pathlib import Path

from reviewer.model import finding_key
from reviewer.store import Library
from tests.fixtures.reports import FAULTY
from ui.history_dialog import HistoryModel
from ui.messages import cell_label


def test_history_rows_of_the_review_decisions(qapp, tmp_path: Path) -> None:
    with Library(tmp_path / "lib.sqlite3") as lib:
        rid = next(s.id for s in lib.list_reports() if s.source_name.startswith(FAULTY))
        rep = lib.load(rid)
        error = next(f for f in rep.record.findings if f.severity == "error")
        ch = lib.confirm_defect(rid, finding_key(error), reason="原件如此", reviewer="张三",
                                should_be={"table3:unable.not_held:total": 3}, expected_version=rep.version)
        ch = lib.withdraw_defect(rid, finding_key(error), reason="看错了", reviewer="张三", expected_version=ch.version)
        lib.retire(rid, reason="误导入", reviewer="张三", expected_version=ch.version)
        entries = lib.history(rid)
    model = HistoryModel(entries, lambda cid: cell_label(cid, rep.record.template))
    rows = [[model.index(r, c).data() for c in range(6)] for r in range(model.rowCount())]
    by_kind = {row[2]: row for row in rows}
    confirm = by_kind["确认源文件错误"]
    assert confirm[3].startswith(f"{error.rule} 表三") and confirm[5] == "原件如此"
    assert by_kind["撤销源文件错误确认"][5] == "看错了"
    assert by_kind["应为"][4] in ("空 → 3", "3 → 空")
    assert by_kind["停用"][5] == "误导入"


def test_a_session_counts_confirmed_defects_as_resolved(qapp, tmp_path: Path) -> None:
    from ui.session import ReportSession

    with Library(tmp_path / "lib.sqlite3") as lib:
        rid = next(s.id for s in lib.list_reports() if s.source_name.startswith(FAULTY))
        session = ReportSession(lib, rid, "张三")
        assert len(session.errors()) == 2 and len(session.warnings()) == 1
        version = session.version
        for f in [*session.errors(), *session.warnings()]:
            version = lib.confirm_defect(rid, finding_key(f), reason="原件如此", reviewer="张三",
                                         expected_version=version).version
        session.reload()
        assert session.errors() == [] and session.warnings() == []
        assert lib.verify(rid, reviewer="张三", expected_version=session.version).status == "verified"
