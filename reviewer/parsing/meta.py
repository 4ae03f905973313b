"""Agency, year and region from the title, checked against the 统计期限 line."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from reviewer.parsing.crawler import header_value, strip_chrome
from reviewer.parsing.report_words import REPORT, SUBJECT
from reviewer.values import clean

_TITLE_A = re.compile(rf"^(?P<agency>.+?)(?:关于)?(?P<year>(?:19|20)\d\d)\s*年度?{SUBJECT}")
_TITLE_B = re.compile(rf"^(?P<year>(?:19|20)\d\d)\s*年度?(?P<agency>.+?){SUBJECT}")
_TITLE_YEAR_ONLY = re.compile(rf"^(?P<year>(?:19|20)\d\d)\s*年度?{SUBJECT}[^。]*{REPORT}$")
# the title inside the first sentences when no title line is printed ("现公布泰州市人民政府2017年政府信息公开工作
# 年度报告", "荆州区人民政府办公室2021年政府信息公开工作年度报告(以下简称年报)是根据…"): the agency is the run of
# characters before the year, after the last verb that leads to it
_IN_SENTENCE = re.compile(rf"(?P<run>[\u4e00-\u9fff（）()]{{2,48}}?)(?P<year>(?:19|20)\d\d)\s*年度?{SUBJECT}"
                          rf"(?:工作)?(?:年度)?{REPORT}")
_COMPILED_BY = re.compile(r"(?:本|该|(?:19|20)\d\d\s*)(?:年度)?(?:报告|年报)[^。]{0,80}?由(?P<agency>[\u4e00-\u9fff（）()]{2,30}?)"
                          r"(?:负责)?(?:编制|编写|汇总编制)")
_YEAR_REPORT = re.compile(r"(?:19|20)\d\d\s*年.*年报")
_IN_SENTENCE_YEAR_FIRST = re.compile(rf"(?P<year>(?:19|20)\d\d)\s*年度?(?P<agency>[\u4e00-\u9fff（）()]{{2,30}}?)"
                                     rf"{SUBJECT}(?:工作)?(?:年度)?{REPORT}")
_LEAD_WORDS = re.compile(r"^.*(?:现公布|现将|特编制|编制了|编制|公布|发布|印发|形成)")
# "统计期限自2022年1月1日起至2022年12月31日止", "统计期限为2021年9月1日至12月31日": start, then end (its year
# may be left out); a period without 统计期限 is read only when it spans a whole calendar year
# (a day left out: "2021年9月至12月" is the first of the one month to the last of the other)
_DATE = r"((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(?:(\d{1,2})\s*日)?"
# 统计期限 and the words reports use for it (统计日期), or print by mistake (统计限, 统计期)
_PERIOD_WORD = "统计(?:期限|时限|期间|时间|时段|区间|日期|限|期)"
_PERIOD = re.compile(_PERIOD_WORD + r"[^。]{0,24}?" + _DATE + r"\s*(?:起|始)?\s*[，,]?\s*(?:至|到|—|-|～|~)\s*"
                     r"(?:((?:19|20)\d\d)\s*年)?\s*(\d{1,2})\s*月\s*(?:(\d{1,2})\s*日)?")
_PERIOD_START = re.compile(_PERIOD_WORD + r"[^。]{0,24}?((?:19|20)\d\d)\s*年\s*0?1\s*月\s*0?1\s*日")  # its end not read
_PERIOD2 = re.compile(r"((?:19|20)\d\d)\s*年\s*0?1\s*月\s*0?1\s*日\s*(?:起|始)?\s*[，,]?\s*(?:至|到)\s*\1\s*年\s*12\s*月\s*31\s*日")
_AGENCY_TAIL = re.compile(r"(局|委员会|委|政府|办公室|办|院|厅|部|中心|署|所|镇|乡|街道|街道办事处|管委会|管理委员会|公司|站|队|处)$")
_REGION = re.compile(r"^((?:[^省市县区旗盟]{1,7}?(?:省|自治区|市|自治州|地区|盟|县|区|旗)){1,3})")


@dataclass(slots=True)
class Meta:
    agency: str | None
    year: int | None
    period_year: int | None  # the year of a calendar-year period
    region: str | None
    period: tuple[str, str] | None = None  # the stated 统计期限, ISO dates (start, end)

    @property
    def calendar_year(self) -> bool:
        """The period is a whole calendar year (or not stated)."""
        return self.period is None or self.period_year is not None


def _iso(y: str, m: str, d: str | None, end: bool = False) -> str | None:
    """An ISO date, or None when the printed date does not exist; a month without its day is its first day
    (or, for the end of a period, its last)."""
    try:
        if d is None:
            day = calendar.monthrange(int(y), int(m))[1] if end else 1
        else:
            day = int(d)
        return date(int(y), int(m), day).isoformat()
    except ValueError:
        return None


def _period(text: str) -> tuple[tuple[str, str] | None, int | None]:
    """The stated statistics period and, when it is one whole calendar year, that year."""
    for m in re.finditer(_PERIOD_WORD, text):  # only the windows that matter are normalised
        pm = _PERIOD.search(clean(text[m.start(): m.start() + 160]).replace("\n", ""))
        if pm:
            y0, m0, d0, y1, m1, d1 = pm.groups()
            start, end = _iso(y0, m0, d0), _iso(y1 or y0, m1, d1, end=True)
            if start is None or end is None or end < start:
                continue
            whole = start[5:] == "01-01" and end[5:] == "12-31" and start[:4] == end[:4]
            return (start, end), (int(y0) if whole else None)
        pm = _PERIOD_START.search(clean(text[m.start(): m.start() + 160]).replace("\n", ""))
        if pm:
            return None, int(pm.group(1))
    pm = _PERIOD2.search(text.replace("\n", ""))
    if pm:
        y = pm.group(1)
        return (f"{y}-01-01", f"{y}-12-31"), int(y)
    return None, None


_CN_DIGITS = str.maketrans("〇○零一二三四五六七八九", "00012345678" "9")
_CN_YEAR = re.compile(r"[〇○零一二三四五六七八九]{4}(?=\s*年)")


# the keys of a page's metadata block or table ("标 题 | X |", "信息名称：X", "【标题】X", "索 引 号:…"): only
# the value of a title key is kept, other fields never name the report (a key never leaks into the agency)
_TITLE_FIELDS = ("标题", "文章标题", "信息名称", "文件名称", "名称", "题名")
_OTHER_FIELDS = ("索引号", "发布机构", "发文机关", "发文日期", "发布日期", "发布时间", "成文日期", "生效日期", "废止日期",
                 "文号", "发文字号", "分类", "主题分类", "组配分类", "体裁分类", "主题词", "关键词", "有效性", "时效",
                 "内容概述", "信息来源", "来源", "发布者", "浏览次数", "点击数", "所属机构", "公开方式", "公开范围")
_FIELD = re.compile(r"^[\s|｜]*[【\[]?(?P<key>" + "|".join(
    "[\\s\u3000]*".join(k) for k in sorted(_TITLE_FIELDS + _OTHER_FIELDS, key=len, reverse=True))
    + r")[】\]]?(?:\s*[:：|｜\t]|(?<=[】\]])|[\s\u3000]{2,})\s*(?P<value>.*)$")
# a key printed with spaces between its characters ("标    题 X"): one space then ends it
_SPACED_FIELD = re.compile(r"^[\s|｜]*(?P<key>" + "|".join(
    "[\\s\u3000]+".join(k) for k in sorted(_TITLE_FIELDS + _OTHER_FIELDS, key=len, reverse=True))
    + r")[\s\u3000]+(?P<value>\S.*)$")


def field_value(line: str) -> str | None:
    """A metadata field's line: the title when the key names it ("标 题 | X | |" -> "X"), "" for another field,
    None when the line is not a field."""
    m = _FIELD.match(line) or _SPACED_FIELD.match(line)
    if not m:
        return None
    if re.sub(r"[\s\u3000]", "", m.group("key")) not in _TITLE_FIELDS:
        return ""
    return re.split(r"[|｜\t]", m.group("value"))[0].strip()


# a flipbook's page header before the title ("Page 1 - X年政府信息公开工作年度报告"), its page mark ("P. 1")
_PAGE_HEAD = re.compile(r"^(?:Page|PAGE)\d{1,3}[-—–:：]|^P\.\d{1,3}$")


def _lines(text: str, limit: int = 80) -> list[str]:
    out: list[str] = []
    for line in text.split("\n"):
        header = header_value(line)  # a crawler's header line: only 标题 is kept (its value)
        if header is None:
            header = field_value(line)
        t = clean(strip_chrome(line) if header is None else header).replace(" ", "").replace("\u3000", "")
        t = _PAGE_HEAD.sub("", t.lstrip("#").strip())
        t = _CN_YEAR.sub(lambda m: m.group().translate(_CN_DIGITS), t)
        if t:
            out.append(t)
        if len(out) >= limit:
            break
    return out


def _title(lines: list[str]) -> tuple[str | None, int | None]:
    """The first title-like line (alone or joined with its neighbours) naming a year and an agency."""
    fallback: tuple[str | None, int | None] = (None, None)
    for i, line in enumerate(lines):
        if line.startswith("一、"):
            break
        # a title names a report (…报告); one named …年报 also names its year (a breadcrumb's 部门公开年报 does not)
        if len(line) > 60 or "。" in line or ("报告" not in line and not _YEAR_REPORT.search(line)):
            continue
        combos = [line]
        if i > 0 and len(lines[i - 1]) <= 40 and "。" not in lines[i - 1]:
            combos.append(lines[i - 1] + line)
        if i + 1 < len(lines) and len(lines[i + 1]) <= 30 and "报告" in lines[i + 1]:
            combos.append(line + lines[i + 1])
        if i > 1 and len(lines[i - 2]) <= 40 and "。" not in lines[i - 2] + lines[i - 1]:
            combos.append(lines[i - 2] + lines[i - 1] + line)
        for combo in combos:
            for pat in (_TITLE_A, _TITLE_B):
                m = pat.search(combo)
                if not m:
                    continue
                agency = m.group("agency").strip("：:，,、 《》").removesuffix("关于") or None
                year = int(m.group("year"))
                if agency and _AGENCY_TAIL.search(agency):
                    return agency, year
                if fallback == (None, None):
                    fallback = (agency, year)
    for i, line in enumerate(lines[:40]):
        m = _TITLE_YEAR_ONLY.match(line)
        if m:  # "2023年政府信息公开工作年度报告" with the agency on a line of its own
            near = [lines[k].strip("（）()【】[]《》 ") for k in (i - 1, i + 1) if 0 <= k < len(lines)]
            agency = next((n for n in near if _AGENCY_TAIL.search(n) and len(n) <= 30), None)
            return agency, int(m.group("year"))
    return fallback if fallback != (None, None) else _title_in_sentence(lines)


def _title_in_sentence(lines: list[str]) -> tuple[str | None, int | None]:
    """The report named in one of the first sentences, with an agency before its year."""
    for line in lines[:6]:
        if line.startswith("一、"):
            break
        for m in _IN_SENTENCE.finditer(line):
            agency = _LEAD_WORDS.sub("", m.group("run"))
            if 2 <= len(agency) <= 30 and _AGENCY_TAIL.search(agency):
                return agency, int(m.group("year"))
        for m in _IN_SENTENCE_YEAR_FIRST.finditer(line):  # "现向社会公布2021年石家庄市教育局政府信息公开…报告"
            if _AGENCY_TAIL.search(m.group("agency")):
                return m.group("agency"), int(m.group("year"))
    for line in lines[:6]:  # "本年度报告……由杭州市上城区司法局编制": the agency that compiled it, no year
        if line.startswith("一、"):
            break
        by = _COMPILED_BY.search(line)
        if by and _AGENCY_TAIL.search(by.group("agency")):
            return by.group("agency"), None
    return None, None


def extract_meta(text: str) -> Meta:
    lines = _lines(text)
    agency, year = _title(lines)
    if agency is not None and not _AGENCY_TAIL.search(agency):
        agency = next((ln for ln in lines[:8] if _AGENCY_TAIL.search(ln) and len(ln) <= 30), agency)
    if agency is None:
        agency = next((ln for ln in lines[:8] if _AGENCY_TAIL.search(ln) and len(ln) <= 30), None)
    period, period_year = _period(text)
    if year is None and period is not None:
        year = period_year if period_year is not None else int(period[1][:4])
    region = None
    if agency:
        rm = _REGION.match(agency)
        region = rm.group(1) if rm else None
    return Meta(agency, year, period_year, region, period)
