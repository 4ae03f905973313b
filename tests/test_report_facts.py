"""Facts about a report beyond its cells: figures stated in Chinese numerals, a statistics period other than
the calendar year, and tables that cannot be found (an error that blocks verification)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reviewer import parse_bytes
from reviewer.cli.reports import summary_text
from reviewer.parsing.cn_numerals import cn_to_int
from reviewer.parsing.narrative import extract_narrative
from reviewer.store import Library, VerificationRefused

from .conftest import SAMPLES, SEEDS, truth


def _sample_text(prefix: str) -> str:
    return next(SAMPLES.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


@pytest.mark.parametrize(("text", "value"), [
    ("三", 3), ("十", 10), ("十五", 15), ("二十一", 21), ("两千三百", 2300), ("一百零五", 105),
    ("一千零一十", 1010), ("一万二千三百四十五", 12345), ("一〇五", 105), ("零", 0),
    ("二三十", None), ("百", None), ("十百", None), ("", None), ("3", None),
])
def test_chinese_numerals(text: str, value: int | None) -> None:
    assert cn_to_int(text) == value


@pytest.mark.parametrize(("prose", "key", "value"), [
    ("本年度共收到政府信息公开申请三件，均已按时答复。", "requests_received", 3),
    ("全年收到申请二十一件，办结二十件，结转下年度一件。", "requests_received", 21),
    ("全年收到申请二十一件，办结二十件，结转下年度一件。", "requests_answered", 20),
    ("全年收到申请二十一件，办结二十件，结转下年度一件。", "carried_forward", 1),
    ("上年结转两件。", "carried_over", 2),
    ("被申请行政复议一起，未被提起行政诉讼。", "review_total", 1),
    ("通过政府网站主动公开政府信息一千二百条。", "proactive_items", 1200),
    ("收到政府信息公开申请同比增加五件，共计二十一件。", "requests_received", 21),
    ("收到申请十二三件。", "requests_received", None),  # "twelve or thirteen": not one figure
])
def test_figures_stated_in_chinese_numerals_are_read(prose: str, key: str, value: int | None) -> None:
    assert extract_narrative(prose).get(key) == value


def test_a_figure_in_chinese_numerals_is_checked_against_the_table() -> None:
    text = _sample_text("001")
    m = re.search(r"收到政府信息公开申请(\d)(件|条)", text)
    assert m is not None, "the seed states its requests in digits"
    want = truth("001_0e482e19bd443c5d")["table3"]["new_received"]["total"]
    assert int(m.group(1)) == want
    words = "零一两三四五六七八九"
    rec = parse_bytes(text.replace(m.group(0), f"收到政府信息公开申请{words[want]}{m.group(2)}").encode(), "r.txt")
    assert rec.narrative["requests_received"] == want
    assert not [f for f in rec.findings if f.rule == "PROSE" and f.params.get("key") == "requests_received"]
    wrong = want % 9 + 1
    rec = parse_bytes(text.replace(m.group(0), f"收到政府信息公开申请{words[wrong]}{m.group(2)}").encode(), "r.txt")
    assert [f.params["stated"] for f in rec.findings
            if f.rule == "PROSE" and f.params.get("key") == "requests_received"] == [wrong]


def _with_period(prefix: str, period: str) -> bytes:
    text = _sample_text(prefix)
    start = text.index("统计期限")
    end = text.index("。", start)
    return (text[:start] + period + text[end:]).encode()


def test_a_period_other_than_the_calendar_year_is_kept_and_shown(library_at, tmp_path: Path) -> None:
    rec = parse_bytes(_with_period("001", "统计期限为2024年9月1日至12月31日"), "r.txt")
    want = truth("001_0e482e19bd443c5d")
    assert (rec.agency, rec.year) == (want["agency"], want["year"])
    assert rec.period == {"start": "2024-09-01", "end": "2024-12-31"}
    assert rec.to_json()["period"] == rec.period
    notes = [f for f in rec.findings if f.rule == "PERIOD"]
    assert [(f.severity, f.params) for f in notes] == [("info", {"start": "2024-09-01", "end": "2024-12-31"})]
    assert not [f for f in rec.findings if f.rule == "YEAR" or f.severity == "error"]
    assert "统计期限：2024-09-01 至 2024-12-31" in summary_text(rec)
    path = tmp_path / "r.txt"
    path.write_bytes(_with_period("001", "统计期限为2024年9月1日至12月31日"))
    with Library(library_at()) as lib:
        [rid] = lib.import_paths([path], workers=1).imported
        assert lib.load(rid).record.period == rec.period


def test_a_calendar_year_period_is_kept_without_a_note() -> None:
    rec = parse_bytes(_sample_text("000").encode(), "r.txt")
    assert rec.period == {"start": "2022-01-01", "end": "2022-12-31"}
    assert not [f for f in rec.findings if f.rule in ("PERIOD", "YEAR")]


def test_a_calendar_year_of_another_year_is_still_a_warning() -> None:
    rec = parse_bytes(_with_period("001", "统计期限为2023年1月1日至2023年12月31日"), "r.txt")
    assert [f.severity for f in rec.findings if f.rule == "YEAR"] == ["warning"]


def _without(text: str, heading: str, until: str) -> str:
    start = text.index(heading)
    return text[:start] + text[text.index(until, start):]


@pytest.mark.parametrize("missing", ["table2", "table3", "table4", "all"])
def test_a_table_not_found_is_an_error(missing: str) -> None:
    text = _sample_text("001")
    cut = {"table2": ("二、主动公开", "三、收到和处理"), "table3": ("三、收到和处理", "四、政府信息公开行政复议"),
           "table4": ("四、政府信息公开行政复议", "五、")}
    for table, (head, until) in cut.items():
        if missing in (table, "all"):
            text = _without(text, head, until)
    rec = parse_bytes(text.encode(), "r.txt")
    gone = ["table2", "table3", "table4"] if missing == "all" else [missing]
    found = [f for f in rec.findings if f.rule == "MISSING"]
    assert [(f.severity, f.message_id, f.params["table"]) for f in found] == [
        ("error", "table_missing", t) for t in gone]
    for table in gone:  # a table not found is blanks, never zeros
        assert all(v is None for row in rec.tables[table].values() for v in row.values())


def test_a_report_with_no_table_cannot_be_verified(library_at, tmp_path: Path) -> None:
    text = _sample_text("001")
    start = text.index("二、主动公开")
    path = tmp_path / "no-tables.txt"
    path.write_text(text[:start] + text[text.index("五、", start):], encoding="utf-8")
    with Library(library_at()) as lib:
        [rid] = lib.import_paths([path], workers=1).imported
        assert lib.load(rid).summary.errors >= 3
        with pytest.raises(VerificationRefused):
            lib.verify(rid, reviewer="张三", note="", expected_version=None)


@pytest.mark.parametrize("name", SEEDS)
def test_a_clean_report_has_no_error_finding(name: str) -> None:
    rec = parse_bytes((SAMPLES / f"{name}.txt").read_bytes(), f"{name}.txt")
    expected = {c for f in truth(name).get("expected_findings", []) for c in f["cells"]}
    assert [f.message for f in rec.findings if f.severity == "error" and not set(f.cells) & expected] == []


@pytest.mark.parametrize(("sentence", "period", "year"), [
    ("统计期限为2021年9月1日至12月31日。", ("2021-09-01", "2021-12-31"), None),
    ("统计期限：2021年9月至12月。", ("2021-09-01", "2021-12-31"), None),
    ("统计期限为2021年9月至2022年8月。", ("2021-09-01", "2022-08-31"), None),
    ("本报告统计期限自2022年1月1日起至2022年12月31日止。", ("2022-01-01", "2022-12-31"), 2022),
    ("统计期限为 2022 年 1 月 1 日到 2022 年 12 月 31 日止。", ("2022-01-01", "2022-12-31"), 2022),
    ("统计期限自2022年1月1日起至今。", None, 2022),
    ("统计期限为2021年2月30日至12月31日。", None, None),  # no such day: nothing is guessed
])
def test_the_stated_period(sentence: str, period: tuple[str, str] | None, year: int | None) -> None:
    from reviewer.parsing.meta import extract_meta

    meta = extract_meta("某某局2022年政府信息公开工作年度报告\n" + sentence)
    assert (meta.period, meta.period_year) == (period, year)
