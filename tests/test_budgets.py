"""Every reader keeps to its time and memory budget: crafted small files that expand into huge work are read
or refused in one line naming the file and the limit. Each read runs in a child process whose peak memory
(RSS) and time are measured."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from benchmarks import hostile_inputs as h
from reviewer.errors import ReadError
from reviewer.reading import read_bytes
from reviewer.reading.budget import Budget, set_budget

ROOT = Path(__file__).resolve().parent.parent
BUDGET_MB = 500
BUDGET_S = 10

@cache
def _pdf_bomb() -> bytes:
    return h.pdf_inflating(96)


CASES = {
    "wide-spans.docx": lambda: h.docx_wide_spans(3000),  # 768,000 grid cells from a few KB
    "huge-body.docx": lambda: h.docx_huge_xml(64),  # document.xml of 64 MiB
    "many-tables.html": lambda: h.html_many_tables(4, 199_000),  # tables under the per-table limit
    "inflating.pdf": _pdf_bomb,  # a content stream of 96 MiB
    "spaces.pdf": lambda: h.pdf_inflating(3, b" "),  # PDFium stalls on megabytes of spaces in a row
}


def _measure(tmp_path: Path, name: str, data: bytes) -> dict:
    path = tmp_path / name
    path.write_bytes(data)
    outcome = h.measure(path, timeout=120)
    assert "crashed" not in outcome and "timeout" not in outcome, outcome
    return outcome


@pytest.mark.parametrize("name", list(CASES))
def test_a_hostile_file_is_refused_within_budget(tmp_path: Path, name: str) -> None:
    data = CASES[name]()
    assert len(data) < 2 * 1024 * 1024  # small files, each expanding far beyond the budget
    outcome = _measure(tmp_path, name, data)
    assert "refused" in outcome, outcome
    message = outcome["refused"]
    assert message.startswith(name) and "读取预算" in message and "\n" not in message
    assert outcome["peak_mb"] < BUDGET_MB and outcome["seconds"] < BUDGET_S


def test_deep_html_is_read_and_deeper_is_refused(tmp_path: Path) -> None:
    outcome = _measure(tmp_path, "deep.html", h.html_deep(255))
    assert outcome.get("read") == 200, outcome  # the whole report, below 255 levels of <div>
    deeper = _measure(tmp_path, "deeper.html", h.html_deep(3000))
    assert "嵌套过深" in deeper.get("refused", ""), deeper
    assert deeper["peak_mb"] < BUDGET_MB


def test_the_budget_is_configurable(monkeypatch: pytest.MonkeyPatch) -> None:
    text = h.SAMPLE.read_bytes() + "\n附注：本报告另附说明。".encode() * 2000  # about 60 KB
    try:
        set_budget(Budget(seconds=10, megabytes=1))
        with pytest.raises(ReadError, match=r"^report.txt: .*上限.*读取预算 10 秒、1 MB"):
            read_bytes(text, "report.txt")
    finally:
        set_budget(None)
    monkeypatch.setenv("REVIEWER_READ_MB", "1")
    with pytest.raises(ReadError, match="1 MB"):
        read_bytes(text, "report.txt")
    monkeypatch.delenv("REVIEWER_READ_MB")
    assert read_bytes(text, "report.txt").rows
