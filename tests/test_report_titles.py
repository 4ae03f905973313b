"""Agency, year and statistics period from the ways real reports print their title and period: site chrome
before the title, 年报 / 政务信息公开 wordings, the title only inside the first sentence, 统计时限 for 统计期限."""

from __future__ import annotations

import pytest

from reviewer import parse_bytes
from reviewer.parsing.meta import extract_meta

from .conftest import SAMPLES, truth

BODY_SEED = "001_0e482e19bd443c5d"


def _body() -> str:
    text = (SAMPLES / f"{BODY_SEED}.txt").read_text(encoding="utf-8")
    return text[text.index("一、总体情况"):]


@pytest.mark.parametrize(("head", "agency", "year"), [
    ("【字体：大 中 小】 打印\n2023年度青石镇政府信息公开工作年度报告\n来源：本站  发布时间：2024-01-30 09:12  浏览次数：",
     "青石镇", 2023),
    ("首页 / 政府信息公开 / 政府信息公开年报 / 镇街 / 2023年 / 正文\n\n白沙镇2023年度政府信息公开年报", "白沙镇", 2023),
    ("登录 注册\n\n东湖市农业农村局2022年政务信息公开年度报告\n\n发布日期：2023-01-20  点击数：", "东湖市农业农村局", 2022),
    ("索 引 号 | 000000000/2024-00001 | 分 类 | 政府信息公开年报 |\n发布机构 | 市政府办 | 发文日期 | 2024-01-25 |\n"
     "根据《中华人民共和国政府信息公开条例》规定，现公布南川市人民政府2023年政府信息公开工作年度报告。",
     "南川市人民政府", 2023),
    ("当前位置：首页>政府信息公开>政府信息公开年报>2023年>部门公开年报\n\n红柳街道2023年度政府信息公开工作年度报告\n\n"
     "发表日期：2024-01-26 发布机构：政务服务管理局", "红柳街道", 2023),
    ("金台区人民政府2023年度政府\n信息公开工作年度报告", "金台区人民政府", 2023),
    ("根据《条例》的有关规定，现向社会公布2022年东湖市教育局政府信息公开工作年度报告。", "东湖市教育局", 2022),
    ("北河区人民政府办公室2022年政府信息公开工作年度报告（以下简称年报）依据《条例》编制。", "北河区人民政府办公室", 2022),
    ("依据《条例》规定，西岭区政务公开领导小组办公室编制了西岭区人民政府2021年度政府信息公开工作年度报告。",
     "西岭区人民政府", 2021),
    # a page's metadata table or block before the body: its keys never leak into the agency
    ("索 引 号 | 000000000/2020-00001 | 分 类 | 其他 |\n发布机构 | 北港街道 | 发文日期 | 2020-01-09 |\n"
     "标 题 | 北港街道2019年度政府信息公开工作报告 | ||\n时 效 | 有效 |", "北港街道", 2019),
    ("名称\t东湖市教育局2021年政府信息公开工作年度报告\n索引号\t000000000/2022-00003\n发布日期\t2022-01-20",
     "东湖市教育局", 2021),
    ("信息名称：南湖区民政局2022年政府信息公开工作年度报告\n发布机构：南湖区民政局", "南湖区民政局", 2022),
    ("【标题】青石镇2023年度政府信息公开工作年度报告\n【发布时间】2024-01-12", "青石镇", 2023),
    ("标    题 白沙镇人民政府2020年政府信息公开工作年度报告\n文    号 无", "白沙镇人民政府", 2020),
    # a flipbook's page text: "Page 1 - <the book's name>" and "P. 1" before the title
    ("Page 1 - 东湖市信访局2022年政府信息公开工作年度报告\nP. 1\n东湖市信访局2022年政府信息公开工作年度报告",
     "东湖市信访局", 2022),
])
def test_agency_and_year_from_the_title_as_pages_print_it(head: str, agency: str, year: int) -> None:
    rec = parse_bytes((head + "\n\n" + _body()).encode("utf-8"), "r.txt")
    assert (rec.agency, rec.year) == (agency, year)
    want = truth(BODY_SEED)
    assert rec.tables["table3"] == want["table3"]


def test_a_notice_named_before_the_report_is_not_the_agency() -> None:
    """《关于做好2022年政府信息公开年度报告…的通知》 names no agency; the report after 特编制 does."""
    meta = extract_meta("按照市政府办公室《关于做好2022年政府信息公开工作年度报告编制工作的通知》要求，"
                        "特编制东湖市水务局2022年政府信息公开工作年度报告。\n一、总体情况")
    assert (meta.agency, meta.year) == ("东湖市水务局", 2022)


@pytest.mark.parametrize("word", ["统计时限", "统计期间", "统计时间", "统计日期", "统计限", "统计期"])
def test_the_period_under_other_words(word: str) -> None:
    meta = extract_meta(f"本报告数据{word}为2021年1月1日至12月31日。\n一、总体情况")
    assert (meta.period, meta.period_year, meta.year) == (("2021-01-01", "2021-12-31"), 2021, 2021)


def test_sections_numbered_with_arabic_numerals_are_found() -> None:
    """A report numbering its sections 1、 2、 3、 (from 1、总体情况 on): its tables are under 2、 3、 4、."""
    name = BODY_SEED
    text = (SAMPLES / f"{name}.txt").read_text(encoding="utf-8")
    for cn, n in (("一、总体情况", "1、总体情况"), ("二、主动公开", "2、主动公开"), ("三、收到和处理", "3、收到和处理"),
                  ("四、政府信息公开行政", "4、政府信息公开行政")):
        text = text.replace(cn, n, 1)
    rec = parse_bytes(text.encode("utf-8"), "r.txt")
    want = truth(name)
    assert [rec.tables[t] == want[t] for t in ("table2", "table3", "table4")] == [True, True, True]


def test_an_item_numbered_3_inside_the_overview_is_not_table_3s_title() -> None:
    """With sections numbered 一、二、三、, "3.收到和处理政府信息公开申请情况" in 一、总体情况 is an item."""
    text = (SAMPLES / f"{BODY_SEED}.txt").read_text(encoding="utf-8")
    at = text.index("二、主动公开")
    text = text[:at] + "3.收到和处理政府信息公开申请情况\n全年收到申请若干件。\n" + text[at:]
    rec = parse_bytes(text.encode("utf-8"), "r.txt")
    assert rec.tables["table3"] == truth(BODY_SEED)["table3"]


def test_a_title_naming_no_agency_leaves_it_blank() -> None:
    """"关于2022年度政府信息公开情况的报告": the year is the title's, 关于 is not an agency."""
    meta = extract_meta("关于2022年度政府信息公开情况的报告\n一、总体情况\n本办认真贯彻落实《条例》。")
    assert (meta.agency, meta.year) == (None, 2022)


@pytest.mark.parametrize(("opening", "agency"), [
    ("本年度报告是根据《条例》的要求，由南湖区司法局编制。全文包括总体情况等六部分。", "南湖区司法局"),
    ("2023年度报告根据《条例》的要求，由东湖市教育局编制而成，并向社会公布。", "东湖市教育局"),
    ("本年度报告由区政府办公室根据各部门报送的材料汇总编制。", None),
])
def test_the_agency_that_compiled_a_report_without_a_title(opening: str, agency: str | None) -> None:
    meta = extract_meta(opening + "本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。\n一、总体情况\n本局……")
    assert (meta.agency, meta.year) == (agency, 2023)
