"""The library commands as a user runs them: `reviewer import|list|show|set|verify|status|reparse|export|config`."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from reviewer.cli import main
from reviewer.store import Library

from .fixtures.reports import FAULTY, many_reports, write_report
from .people import named, recorded

CELL = "table3:unable.not_held:total"


@pytest.fixture
def db(library_at, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.delenv("REVIEWER_NAME", raising=False)
    monkeypatch.setattr("reviewer.store.config.config_path", lambda: tmp_path / "config" / "cli.json")
    return str(library_at())


def _faulty_id(db: str) -> int:
    with Library(db) as lib:
        return next(s.id for s in lib.list_reports() if s.source_name.startswith(FAULTY))


def test_import_list_and_show(db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    many_reports(tmp_path / "in", 3)
    write_report(tmp_path / "in", "bad.docx", "not a word file")
    assert main(["import", str(tmp_path / "in"), "--db", db, "--reviewer", "张三"]) == 2  # one file unreadable
    out, err = capsys.readouterr()
    assert "导入 3 份" in out and "bad.docx" in err
    assert main(["import", str(tmp_path / "in"), "--db", db, "--quiet"]) == 2
    assert "已在库中跳过 3 份" in capsys.readouterr().out
    assert main(["list", "--db", db]) == 0
    out = capsys.readouterr().out
    assert "共 8 份" in out and "高青县行政审批服务局" in out  # the 5 samples of a new library + 3
    assert main(["list", "--db", db, "--year", "2020", "--format", "json"]) == 0
    (line,) = capsys.readouterr().out.strip().splitlines()
    assert json.loads(line)["agency"] == "高青县行政审批服务局"
    assert main(["list", "--db", db, "--status", "已核实"]) == 0
    assert "共 0 份" in capsys.readouterr().out
    rid = _faulty_id(db)
    assert main(["show", str(rid), "--db", db]) == 0
    out = capsys.readouterr().out
    assert "待审核" in out and "[错误 E1]" in out and "表三" in out
    assert main(["show", str(rid), "--db", db, "--format", "json"]) == 0
    d = json.loads(capsys.readouterr().out)
    assert d["library"]["id"] == rid and d["tables"]["table3"]["unable.not_held"]["natural"] == 3


def test_set_verify_and_export(db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rid = _faulty_id(db)
    if named(db):  # who acts? (team mode: the login)
        assert main(["set", str(rid), CELL, "3", "--reason", "按行合计", "--db", db]) == 2
        assert "审核人" in capsys.readouterr().err
    assert main(["config", "--reviewer", "张三"]) == 0
    assert main(["set", str(rid), CELL, "3", "--reason", "按行合计", "--db", db]) == 0
    assert "已改为 3" in capsys.readouterr().out
    assert main(["set", str(rid), CELL, "三", "--reason", "x", "--db", db]) == 2
    assert "不是数字" in capsys.readouterr().err
    assert main(["verify", str(rid), "--note", "已核对", "--db", db]) == 0
    assert main(["export", "--format", "csv", "-o", str(tmp_path / "out.csv"), "--db", db]) == 0
    assert "已导出 1 份报告" in capsys.readouterr().out
    rows = list(csv.DictReader(io.StringIO((tmp_path / "out.csv").read_text(encoding="utf-8-sig"))))
    cell = next(r for r in rows if r["row"] == "unable.not_held" and r["column"] == "total")
    assert (cell["value"], cell["parsed_value"], cell["edited"]) == ("3", "0", "1")
    assert main(["export", "--format", "jsonl", "-o", str(tmp_path / "all.jsonl"), "--all", "--db", db]) == 0
    assert len((tmp_path / "all.jsonl").read_text(encoding="utf-8").splitlines()) == 5
    assert main(["export", "--format", "csv-wide", "--no-bom", "-o", str(tmp_path / "w.csv"), "--db", db]) == 0
    assert not (tmp_path / "w.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert main(["export", "--format", "xlsx", "-o", str(tmp_path / "v.xlsx"), "--db", db]) == 0
    assert (tmp_path / "v.xlsx").stat().st_size > 0
    assert main(["status", str(rid), "审核中", "--reason", "复查", "--db", db]) == 0
    assert "审核中" in capsys.readouterr().out
    with Library(db) as lib:
        trail = lib.history(rid)
    assert [(e.kind, e.reviewer) for e in trail if e.kind in ("edit", "status")][-1] == ("status", recorded(db, "张三"))


def test_verify_with_acknowledgements(db: str, capsys: pytest.CaptureFixture[str],
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REVIEWER_NAME", "李四")
    with Library(db) as lib:
        rid = next(s.id for s in lib.list_reports() if s.source_name.startswith("004_"))
    assert main(["verify", str(rid), "--db", db]) == 1
    err = capsys.readouterr().err
    assert "W1" in err and "W3" in err and "不能核实" in err
    assert main(["show", str(rid), "--db", db]) == 0
    assert "警告 W2" in capsys.readouterr().out
    assert main(["verify", str(rid), "--db", db, "--ack", "W1=逐行核对", "--ack", "W9=x"]) == 2
    assert main(["verify", str(rid), "--db", db, "--ack", "W1=逐行核对", "--ack-all", "与原件一致"]) == 0
    with Library(db) as lib:
        rep = lib.load(rid)
    assert rep.status == "verified" and sorted(rep.acknowledged.values()) == ["与原件一致", "与原件一致", "逐行核对"]
    assert rep.verification is not None and rep.verification.reviewer == recorded(db, "李四")


def test_reparse_command(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    rid = _faulty_id(db)
    assert main(["set", str(rid), CELL, "3", "--reason", "r", "--db", db, "--reviewer", "张三"]) == 0
    assert main(["reparse", str(rid), "--db", db]) == 0
    assert "重新应用 1 处修改，0 处冲突" in capsys.readouterr().out
    assert main(["set", str(rid), "table3:other:natural", "2", "--reason", "r", "--db", db, "--reviewer", "张三"]) == 0
    assert main(["reparse", str(rid), "--format", "2021", "--reason", "2021年格式", "--db", db]) == 2  # who?
    assert "审核人" in capsys.readouterr().err
    assert main(["reparse", str(rid), "--format", "2021", "--reason", "2021年格式", "--db", db,
                 "--reviewer", "张三"]) == 0
    out = capsys.readouterr().out
    assert "格式 2019 → 2021" in out and "重新应用 1 处修改" in out
    assert "未能应用 table3:other:natural" in out and "由 0 改为 2" in out


def test_unknown_report(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "999", "--db", db]) == 2
    assert "没有编号为 999 的报告" in capsys.readouterr().err
