"""The reviewer's decisions on the command line: confirm, withdraw, reopen, retire, restore, versions,
choose-version; `show` numbers findings E1/W1 and shows their resolution, `list` marks defects and versions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reviewer.cli import main
from reviewer.store import Library

from .fixtures.reports import CLEAN, FAULTY, variant_text, write_report

CELL = "table3:unable.not_held:total"


@pytest.fixture
def db(library_at, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("REVIEWER_NAME", "张三")
    monkeypatch.setattr("reviewer.store.config.config_path", lambda: tmp_path / "config" / "cli.json")
    return str(library_at())


def _id(db: str, stem: str) -> int:
    with Library(db) as lib:
        return next(s.id for s in lib.list_reports(retired=None) if s.source_name.startswith(stem))


def test_confirm_source_defects_and_verify(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    rid = _id(db, FAULTY)
    assert main(["show", str(rid), "--db", db]) == 0
    out = capsys.readouterr().out
    assert "[错误 E1]" in out and "[错误 E2]" in out and "[警告 W1]" in out
    assert main(["verify", str(rid), "--db", db, "--ack", "W1=原件如此"]) == 1
    err = capsys.readouterr().err
    assert f"reviewer confirm {rid} E1 --reason" in err
    assert main(["confirm", str(rid), "E1", "--reason", "原件即印为 0", "--should-be", f"{CELL}=3", "--db", db]) == 0
    out = capsys.readouterr().out
    assert "已确认为源文件错误" in out and f"{CELL} 应为 3" in out and "错误 1" in out
    assert main(["confirm", str(rid), "e2", "--reason", "同一处", "--db", db]) == 0
    capsys.readouterr()
    assert main(["verify", str(rid), "--db", db, "--ack", "W1=正文与表格均照原件"]) == 0
    assert "已核实" in capsys.readouterr().out
    # the printed value stands, the defect is shown with its reason and should-be value
    assert main(["show", str(rid), "--db", db]) == 0
    out = capsys.readouterr().out
    assert "→ 源文件错误：原件即印为 0" in out and f"{CELL}: 0 → 3" in out and "只读" in out
    assert "confirm E1 R2（原件即印为 0）" in out or "confirm E1 " in out
    assert main(["show", str(rid), "--db", db, "--format", "json"]) == 0
    d = json.loads(capsys.readouterr().out)
    assert d["tables"]["table3"]["unable.not_held"]["total"] == 0 and d["library"]["should_be"] == {CELL: 3}
    confirmed = [f for f in d["findings"] if "resolution" in f]
    assert len(confirmed) == 2 and confirmed[0]["resolution"]["kind"] == "source_defect"
    assert main(["list", "--db", db, "--has", "源文件错误"]) == 0
    out = capsys.readouterr().out
    assert "已核实" in out and "（源文件错误 2）" in out and "共 1 份" in out


def test_a_verified_report_is_read_only_until_reopened(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    rid = _id(db, FAULTY)
    assert main(["set", str(rid), CELL, "3", "--reason", "按行合计", "--db", db]) == 0
    assert main(["verify", str(rid), "--db", db, "--ack-all", "已核对"]) == 0
    capsys.readouterr()
    assert main(["set", str(rid), CELL, "4", "--reason", "再改", "--db", db]) == 2
    assert "已核实，为只读" in capsys.readouterr().err
    assert main(["confirm", str(rid), "W1", "--reason", "x", "--db", db]) == 2
    with pytest.raises(SystemExit):
        main(["reopen", str(rid), "--db", db])  # --reason is required
    capsys.readouterr()
    assert main(["reopen", str(rid), "--reason", "发现更正页", "--db", db]) == 0
    assert "审核中" in capsys.readouterr().out
    assert main(["set", str(rid), CELL, "4", "--reason", "再改", "--db", db]) == 0


def test_withdraw_unknown_finding_and_bad_should_be(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    rid = _id(db, FAULTY)
    assert main(["confirm", str(rid), "E9", "--reason", "x", "--db", db]) == 2
    assert "没有问题 E9" in capsys.readouterr().err
    assert main(["confirm", str(rid), "E1", "--reason", "x", "--should-be", "3", "--db", db]) == 2
    assert "--should-be 应写作" in capsys.readouterr().err
    assert main(["confirm", str(rid), "E1", "--reason", "原件如此", "--db", db]) == 0
    assert main(["withdraw", str(rid), "E1", "--reason", "看错了", "--db", db]) == 0
    assert "已撤销" in capsys.readouterr().out
    with Library(db) as lib:
        assert lib.summary(rid).defects == 0 and lib.summary(rid).errors == 2


def test_retire_restore_and_choose_a_version(db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_report(tmp_path / "in", "again.txt", variant_text(CLEAN) + "\n（重新发布）\n")
    assert main(["import", str(tmp_path / "in"), "--db", db, "--quiet"]) == 0
    first, again = _id(db, CLEAN), _id(db, "again")
    capsys.readouterr()
    assert main(["list", "--db", db]) == 0
    out = capsys.readouterr().out
    assert f"2 个版本，以 #{again} 为准" in out and "2 个版本，以此为准" in out
    assert main(["choose-version", str(first), "--reason", "原版为准", "--db", db]) == 0
    assert f"其他版本：#{again}" in capsys.readouterr().out
    for extra, expected in (([], {str(first)}), (["--all-versions"], {str(first), str(again)})):
        out_csv = tmp_path / "x.csv"
        assert main(["export", "--format", "csv", "--all", "--agency", "临清", "-o", str(out_csv), "--db", db,
                     *extra]) == 0
        ids = {line.split(",")[0] for line in out_csv.read_text("utf-8-sig").splitlines()[1:]}
        assert ids == expected
    capsys.readouterr()
    assert main(["versions", str(again), "--db", db]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[0] == str(first) and lines[0].endswith("以此为准") and not lines[1].endswith("以此为准")
    assert main(["retire", str(again), "--reason", "重复发布", "--db", db]) == 0
    capsys.readouterr()
    assert main(["list", "--db", db]) == 0
    assert "again.txt" not in capsys.readouterr().out
    assert main(["list", "--retired", "--db", db]) == 0
    assert "again.txt" in capsys.readouterr().out
    assert main(["import", str(tmp_path / "in"), "--db", db, "--quiet"]) == 0  # the file again: held, retired
    assert f"已在库中（#{again}，已停用：reviewer restore {again} 可恢复）" in capsys.readouterr().out
    assert main(["restore", str(again), "--db", db]) == 0
    assert main(["show", str(again), "--db", db]) == 0
    out = capsys.readouterr().out
    assert "retire" in out and "重复发布" in out and "restore" in out
