"""`reviewer parse` and `reviewer check` as a user runs them."""

from __future__ import annotations

import json

import pytest

from reviewer.cli import main

from .conftest import SAMPLES, truth


def _sample(prefix: str) -> str:
    return str(next(SAMPLES.glob(f"{prefix}_*.txt")))


def test_parse_json_is_one_record_per_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", _sample("000"), _sample("003"), "--format", "json"]) == 0
    lines = capsys.readouterr().out.strip().split("\n")
    assert len(lines) == 2
    recs = [json.loads(line) for line in lines]
    t = truth("003_572269c7f2b1c0ee")
    assert recs[1]["agency"] == t["agency"] and recs[1]["template"] == "2019"
    assert recs[1]["tables"]["table3"]["unable.not_held"] == t["table3"]["unable.not_held"]
    assert {"source", "agency", "year", "template", "tables", "findings"} <= set(recs[0])
    assert len(recs[0]["source"]["sha256"]) == 64


def test_parse_text_summary(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", _sample("002")]) == 0
    out = capsys.readouterr().out
    assert "河东区行政审批服务局" in out and "表三" in out and "13.39" in out


def test_check_exit_status(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", _sample("000")]) == 0
    assert main(["check", _sample("003")]) == 1
    out = capsys.readouterr().out
    assert "R2" in out and "table3:unable.not_held:total → 3" in out


def test_unreadable_file_is_reported_and_the_rest_processed(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:
    junk = tmp_path / "junk.pdf"
    junk.write_bytes(b"\x00\x01binary")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert main(["check", str(junk), _sample("001"), str(empty)]) == 2
    captured = capsys.readouterr()
    assert "淄博市临淄区行政审批服务局" in captured.out
    err = captured.err.strip().split("\n")
    assert len(err) == 3 and "junk.pdf" in err[0] and "empty.txt" in err[1]
    assert err[2] == "核对 3 份：0 份有错误（错误 0 个，警告 0 个），无法读取 2 份"  # the one-line summary
    assert "Traceback" not in captured.err


def test_check_json(capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", _sample("003"), "--format", "json"])
    rec = json.loads(capsys.readouterr().out)
    assert {f["rule"] for f in rec["findings"] if f["severity"] == "error"} == {"R2", "R3"}
