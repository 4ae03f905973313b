"""Red team: the truth records rendered the many ways real reports print them, read back cell by cell.

Real reports (other provinces, levels, years, both formats) are published as web pages, Markdown and plain
text, copied by hand from the Word form. The generator below renders each truth record (every seed, the
real 淮安 report and a 2019-format report derived from a 2021 seed) with one variation at a time — label
numbering and wording, group-label layouts, header layouts, table 4 shapes, blank marks, digits, page
footers and notes, section titles, Markdown and HTML markup — and asserts that every cell reads as the
truth, with no error finding the truth does not expect and nothing left unplaced. A variation a human
could not read either is asserted to be *reported* (unplaced values or a warning), not guessed.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field, replace
from functools import cache
from html import escape
from typing import Any

import pytest

from reviewer import parse_bytes
from reviewer.model import Record

from . import builders as b
from .builders import T3_BOTTOM, T3_COLUMNS, T3_RESULTS_HEAD, T3_TOP, T4_COLUMNS, T4_GROUPS, T4_LABELS, Span

SEED_NAMES = ("000_b710f638428fe90f", "001_0e482e19bd443c5d", "002_45714cd7a3994f14", "003_572269c7f2b1c0ee",
              "004_0dc7f1f0762d964b")
SYNTH_2019 = "000-as-2019"
DISTINCT = "001-distinct"  # every cell a different figure: a value in the wrong place shows
DISTINCT_2019 = "001-distinct-2019"
RECORDS = (*SEED_NAMES, "huaian-2024", SYNTH_2019, DISTINCT, DISTINCT_2019)

# --- the records ------------------------------------------------------------------------------------------


@cache
def _record(name: str) -> tuple[dict[str, Any], dict[str, list[str]]]:
    """A truth record and the prose parts of its report."""
    if name == "huaian-2024":
        return b.truth(name), b.split_prose(b.huaian_text())
    if name == SYNTH_2019:
        return _as_2019(*_record("000_b710f638428fe90f"), 2020)
    if name == DISTINCT:
        return _distinct(*_record("001_0e482e19bd443c5d"))
    if name == DISTINCT_2019:
        return _as_2019(*_record(DISTINCT), 2020)
    return b.truth(name), b.split_prose(b.seed_text(name))


def _distinct(truth: dict[str, Any], prose: dict[str, list[str]]) -> tuple[dict[str, Any], dict[str, list[str]]]:
    """The record with a different figure in nearly every cell, every relation of the form kept."""
    rec = copy.deepcopy(truth)
    t3 = rec["table3"]
    parts = T3_COLUMNS[:-1]
    results = [k for k in t3 if k not in ("new_received", "carried_over", "total", "carried_forward")]
    for i, key in enumerate(results):
        row = dict(zip(parts, (i + 3, i % 3, i % 2, (i + 1) % 2, i % 4, (i + 2) % 3), strict=True))
        t3[key] = {**row, "total": sum(row.values())}
    col_sum = {c: sum(t3[k][c] for k in results) for c in parts}
    t3["total"] = {**col_sum, "total": sum(col_sum.values())}
    over = dict(zip(parts, (4, 1, 0, 2, 0, 1), strict=True))
    forward = dict(zip(parts, (6, 2, 1, 0, 3, 0), strict=True))
    new = {c: col_sum[c] + forward[c] - over[c] for c in parts}
    for key, row in (("new_received", new), ("carried_over", over), ("carried_forward", forward)):
        t3[key] = {**row, "total": sum(row.values())}
    t4 = rec["table4"]
    for g, (up, corr, oth, pend) in zip(T4_GROUPS, ((15, 4, 3, 2), (7, 1, 5, 6), (9, 8, 11, 10)), strict=True):
        t4[g] = {"upheld": up, "corrected": corr, "other": oth, "pending": pend, "total": up + corr + oth + pend}
    rec["table2"] = {"regulations": {"issued": 1, "repealed": 2, "in_force": 3},
                     "normative_documents": {"issued": 4, "repealed": 5, "in_force": 16},
                     "licensing": {"decisions": 1234}, "penalty": {"decisions": 56}, "coercion": {"decisions": 7},
                     "fees": {"amount": 8.5}}
    return rec, prose


def _as_2019(truth: dict[str, Any], prose: dict[str, list[str]], year: int) -> tuple[dict[str, Any], dict[str, list[str]]]:
    """A 2021-format record turned into a report on `year` in the 2019 format (（六） one row, 2019 table 2)."""
    rec = copy.deepcopy(truth)
    old = str(rec["year"])
    prose = {k: [line.replace(old, str(year)) for line in v] for k, v in prose.items()}
    rec["year"], rec["template"] = year, "2019"
    t3 = rec["table3"]
    parts = [t3.pop(k) for k in ("other.overdue_correction", "other.unpaid_fee", "other.other")]
    other = {c: sum(p[c] for p in parts) for c in T3_COLUMNS}
    rows = list(t3.items())
    at = [k for k, _ in rows].index("total")
    rec["table3"] = dict([*rows[:at], ("other", other), *rows[at:]])
    rec["table2"] = {
        "regulations": {"made": 0, "published": 0, "total_published": 0},
        "normative_documents": {"made": 2, "published": 2, "total_published": 15},
        "licensing": {"prev_items": 85, "change": -3, "decisions": 1288},
        "other_services": {"prev_items": 12, "change": 2, "decisions": 40},
        "penalty": {"prev_items": 5, "change": 0, "decisions": 3},
        "coercion": {"prev_items": 0, "change": 0, "decisions": 0},
        "fees": {"prev_items": 2, "change": 0},
        "procurement": {"items": 3, "amount": 12.5},
    }
    rec["expected_findings"] = []
    return rec, prose


# --- the variations -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Variant:
    name: str
    out: str = "tsv"  # tsv | lines (one cell per line, no tabs) | pdftext (cells apart by spaces) | md | html
    groups: str = "repeat"  # repeat | first | absent | heading | subtotal | joined | span (html)
    numbering: str = "full"  # full | none | half | enum (1、) | dot (1．)
    spaced: bool = False  # 本 年 新 收 …
    wording: str = ""  # "" | 2019 (2019 wording in a 2021 report) | hubei (notes inside labels) | loose
    wrap: bool = False  # long labels wrapped inside their cell (a line break, <br>)
    t3_header: str = "form"  # form | flat | one_row | split | reordered
    t4: str = "form"  # form | rows5 | flat15 | vertical | scrambled | transposed (5 rows × 3 groups)
    lead: bool = False  # a lead-in line with figures between each section title and its table
    t2_captions: bool = True
    titles: str = "plain"  # plain | variants | md | bold | bare (no numbering) | arabic (1、 2、 3、)
    blank: str | None = None  # the mark of blanked cells ("" for an empty cell)
    digits: str = "ascii"  # ascii | fullwidth | thousands
    noise: bool = False  # page footers inside table 3, a note row after it
    page_number: bool = False  # a bare page number line ("5") between two rows of tables 2 and 3 (a PDF's text)
    md_pipes: str = "both"  # both | none | lead
    md_br: bool = False  # labels wrapped with <br>, an escaped pipe in a header
    html: frozenset[str] = field(default_factory=frozenset)  # thead, nested, nbsp, layout
    title: str = "form"  # form | one_line | year_first | cn_year
    t3_2019: bool = False  # a 2021 report printing the 2019 table 3 (a single （六）其他处理 row)
    blank_total: bool = False  # the 总计 column left blank on detail rows (Shanghai 2019)
    expect: str = "exact"  # exact | reported (ambiguous: must be reported, not guessed)
    records: tuple[str, ...] = RECORDS


def _v(name: str, **kw: Any) -> Variant:
    return Variant(name, **kw)


VARIANTS: tuple[Variant, ...] = (
    _v("tsv-baseline"),
    _v("tsv-groups-first", groups="first"),
    _v("tsv-groups-absent", groups="absent"),
    _v("tsv-groups-heading-rows", groups="heading"),
    _v("tsv-group-subtotal-rows", groups="subtotal", expect="reported"),
    _v("lines-web-copy", out="lines", groups="first", blank="—"),
    _v("lines-no-numbering", out="lines", groups="first", numbering="none"),
    _v("lines-t4-vertical", out="lines", groups="absent", t4="vertical"),
    _v("tsv-no-numbering", numbering="none"),
    _v("tsv-half-width-numbering", numbering="half"),
    _v("tsv-enum-numbering", numbering="enum", groups="first"),
    _v("tsv-dot-numbering", numbering="dot"),
    _v("tsv-spaced-labels", spaced=True),
    _v("tsv-spaced-absent", spaced=True, groups="absent", numbering="none"),
    _v("tsv-2019-wording", wording="2019", groups="heading"),
    _v("tsv-hubei-notes", wording="hubei"),
    _v("tsv-t3-header-flat", t3_header="flat"),
    _v("tsv-t3-header-one-row", t3_header="one_row"),
    _v("tsv-t3-header-split", t3_header="split"),
    _v("tsv-t3-header-reordered", t3_header="reordered"),
    _v("tsv-t4-rows5", t4="rows5"),
    _v("tsv-t4-flat15", t4="flat15"),
    _v("tsv-t4-vertical", t4="vertical"),
    _v("tsv-t4-scrambled", t4="scrambled"),
    _v("tsv-t2-no-captions", t2_captions=False),
    _v("tsv-title-variants", titles="variants"),
    _v("md-headings", out="md", titles="md"),
    _v("tsv-bold-titles", titles="bold"),
    _v("md-pipes-both", out="md"),
    _v("md-no-edge-pipes", out="md", md_pipes="none", groups="first"),
    _v("md-lead-pipe-only", out="md", md_pipes="lead", groups="absent"),
    _v("md-br-escaped", out="md", md_br=True),
    _v("html-spans", out="html", groups="span"),
    _v("html-thead-nested", out="html", groups="span", html=frozenset({"thead", "nested"})),
    _v("html-nbsp-layout", out="html", groups="span", html=frozenset({"nbsp", "layout"}), blank=""),
    _v("html-repeat-t4-rows5", out="html", groups="repeat", t4="rows5", t3_header="flat"),
    _v("html-bold-titles-blank-slash", out="html", groups="span", titles="bold", blank="/"),
    _v("tsv-blank-empty", blank=""),
    _v("tsv-blank-dash", blank="—"),
    _v("tsv-blank-slash", blank="/"),
    _v("tsv-blank-wu", blank="无"),
    _v("tsv-fullwidth", digits="fullwidth"),
    _v("tsv-thousands", digits="thousands"),
    _v("tsv-noise", noise=True),
    _v("lines-noise", out="lines", groups="first", noise=True),
    _v("md-blank-empty-thousands", out="md", blank="", digits="thousands"),
    _v("tsv-groups-joined", groups="joined"),
    _v("md-groups-joined-no-numbering", out="md", groups="joined", numbering="half"),
    _v("tsv-title-one-line", title="one_line"),
    _v("tsv-title-year-first", title="year_first"),
    _v("lines-title-cn-year", out="lines", title="cn_year", groups="first"),
    _v("tsv-blank-total-column", blank="", blank_total=True),
    _v("html-blank-total-column", out="html", groups="span", blank="", blank_total=True),
    _v("tsv-loose-wording", wording="loose"),
    _v("lines-loose-wording-wrapped", out="lines", wording="loose", wrap=True, groups="first"),
    _v("html-wrapped-labels", out="html", groups="span", wrap=True, html=frozenset({"nested"})),
    _v("md-wrapped-loose", out="md", wrap=True, wording="loose", groups="first"),
    _v("pdftext", out="pdftext", groups="first"),
    _v("pdftext-no-numbering-dash", out="pdftext", groups="first", numbering="none", blank="—"),
    _v("tsv-bare-titles", titles="bare"),
    _v("tsv-t4-transposed", t4="transposed"),
    _v("html-t4-transposed-lead", out="html", groups="span", t4="transposed", lead=True),
    _v("tsv-t4-transposed-no-header", t4="transposed_bare", expect="reported"),
    _v("tsv-lead-lines", lead=True),
    _v("pdftext-lead-lines", out="pdftext", groups="first", lead=True),
    _v("pdftext-page-numbers", out="pdftext", groups="first", page_number=True),
    _v("html-heading-rows-no-numbering", out="html", groups="heading", numbering="none"),
    _v("tsv-arabic-section-numbers", titles="arabic"),
    _v("html-arabic-section-numbers", out="html", groups="span", titles="arabic"),
    _v("lines-arabic-section-numbers", out="lines", groups="first", titles="arabic", blank="—"),
    _v("tsv-2019-table3-in-2021", t3_2019=True,
       records=tuple(r for r in RECORDS if r not in ("003_572269c7f2b1c0ee", SYNTH_2019, DISTINCT_2019))),
)

# --- rendering the tables as grids of spans -------------------------------------------------------------------

_CN = "一二三四五六七八九十"
_FULLWIDTH = str.maketrans("0123456789.,", "０１２３４５６７８９．，")


LOOSE = {  # wordings of real reports that shorten or reword the form's labels
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）": "（二）部分公开",
    "3.危及“三安全一稳定”": '3.危及"三安全一稳定"',
    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请": "1.申请人无正当理由逾期不补正",
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请": "2.申请人逾期未按收费通知要求缴纳费用",
    "5.要求行政机关确认或重新出具已获取信息": "5.要求行政机关确认或重新出具已获取信息的",
    "一、本年新收政府信息公开申请数量": "一、本年新收政府信息公开申请数",
    "二、上年结转政府信息公开申请数量": "二、上年结转政府信息公开申请数",
    "（七）总计": "（七）合计",
    "四、结转下年度继续办理": "四、结转下年度继续办理数量",
    "本年收费金额（单位：万元）": "本年收费金额(万元)",
}


def relabel(text: str, v: Variant) -> str:
    """A form label as a report may print it: other numbering, spaces inside, 2019 wording, Hubei notes."""
    t = LOOSE.get(text, text) if v.wording == "loose" else text
    if v.numbering == "none":
        t = re.sub(rf"^([{_CN}]+、|（[{_CN}]+）|\d+\.)\s*", "", t)
    elif v.numbering == "half":
        t = re.sub(rf"^（([{_CN}]+)）", r"(\1)", t)
        t = re.sub(r"^(\d+)\.", r"\1. ", t)
    elif v.numbering == "enum":
        t = re.sub(r"^(\d+)\.", r"\1、", t)
    elif v.numbering == "dot":
        t = re.sub(r"^(\d+)\.", lambda m: m.group(1).translate(_FULLWIDTH) + "．", t)
        t = re.sub(rf"^([{_CN}]+)、", r"\1．", t)
    if v.spaced and len(t) >= 3:
        t = " ".join(t)
    if v.wrap and len(t) > 10:
        t = t[:7] + "\n" + t[7:]
    return t


def value_text(value: Any, v: Variant, money: bool = False, signed: bool = False) -> str:
    if value is None:
        return v.blank if v.blank is not None else ""
    if isinstance(value, float):
        text = repr(value)
    elif v.digits == "thousands":
        text = f"{value:,}"
    else:
        text = str(value)
    if signed and isinstance(value, int) and value > 0:
        text = "+" + text
    if v.digits == "fullwidth":
        text = text.translate(_FULLWIDTH)
    return text + ("万元" if money else "")


def blanked(rec: dict[str, Any], v: Variant) -> dict[str, Any]:
    """The record with some zero cells left blank (as real reports do), when the variant prints blanks."""
    if v.blank is None:
        return rec
    out = copy.deepcopy(rec)
    if v.blank_total:
        for key, row in out["table3"].items():
            if key not in ("new_received", "carried_over", "total", "carried_forward"):
                row["total"] = None
    for row in out["table3"].values():
        for c in ("research", "social", "legal"):
            if row.get(c) == 0:
                row[c] = None
    for row in out["table4"].values():
        if row.get("pending") == 0:
            row["pending"] = None
    if out["template"] == "2021" and "table2_variant" not in out and out["table2"]["regulations"]["repealed"] == 0:
        out["table2"]["regulations"]["repealed"] = None
    return out


def table2_grid(rec: dict[str, Any], v: Variant, source: str) -> list[list[Span]]:
    if "regulations" not in rec["table2"]:  # a provincial table: printed as the seed prints it
        return _provincial_grid(source)
    t2 = rec["table2"]
    template = rec["template"]
    cap = lambda item: [Span(f"第二十条第（{item}）项", colspan=4)]  # noqa: E731
    change = "本年增/减(增加用正值表示，减少用负值表示，如-8)" if v.wording == "hubei" else "本年增/减"

    def label(text: str) -> str:
        if v.wording == "hubei" and text == "规章":
            text = "规章(设区的市、自治州人民政府应提供相关数据)"
        if v.wording == "2019" and text == "行政规范性文件":
            text = "规范性文件"
        return relabel(text, v)

    def row(text: str, key: str, cols: tuple[str, ...]) -> list[Span]:
        cells = [Span(value_text(t2[key].get(c), v, money=(template == "2019" and c == "amount"),
                                 signed=(c == "change"))) for c in cols]
        cells[-1] = Span(cells[-1].text, colspan=4 - len(cols))
        return [Span(label(text)), *cells]

    def head(*labels: str) -> list[Span]:
        cells = [Span(relabel("信息内容", v)), *(Span(relabel(x, v)) for x in labels)]
        cells[-1] = Span(cells[-1].text, colspan=5 - len(cells))
        return cells

    if template == "2021":
        three = ("issued", "repealed", "in_force")
        blocks = [("一", head("本年制发件数", "本年废止件数", "现行有效件数"),
                   [row("规章", "regulations", three), row("行政规范性文件", "normative_documents", three)]),
                  ("五", head("本年处理决定数量"), [row("行政许可", "licensing", ("decisions",))]),
                  ("六", head("本年处理决定数量"), [row("行政处罚", "penalty", ("decisions",)),
                                                row("行政强制", "coercion", ("decisions",))]),
                  ("八", head("本年收费金额（单位：万元）"), [row("行政事业性收费", "fees", ("amount",))])]
    else:
        three = ("made", "published", "total_published")
        ch = ("prev_items", "change", "decisions")
        blocks = [("一", head("本年新制作数量", "本年新公开数量", "对外公开总数量"),
                   [row("规章", "regulations", three), row("规范性文件", "normative_documents", three)]),
                  ("五", head("上一年项目数量", change, "处理决定数量"),
                   [row("行政许可", "licensing", ch), row("其他对外管理服务事项", "other_services", ch)]),
                  ("六", head("上一年项目数量", change, "处理决定数量"),
                   [row("行政处罚", "penalty", ch), row("行政强制", "coercion", ch)]),
                  ("八", head("上一年项目数量", change), [row("行政事业性收费", "fees", ("prev_items", "change"))]),
                  ("九", head("采购项目数量", "采购总金额"),
                   [row("政府集中采购", "procurement", ("items", "amount"))])]
    grid: list[list[Span]] = []
    for item, header, rows in blocks:
        if v.t2_captions:
            grid.append(cap(item))
        grid.append(header)
        grid.extend(rows)
    return grid


def _provincial_grid(source: str) -> list[list[Span]]:
    """Seed 004's own table 2 (the Hebei classification), row by row as its text prints it."""
    text = b.seed_text(source)
    start = text.index("二、主动公开政府信息情况")
    end = text.index("三、收到和处理政府信息公开申请情况")
    lines = [ln for ln in text[start:end].split("\n")[1:] if ln.strip()]
    return [[Span(c.strip()) for c in ln.split("\t")] for ln in lines]


def t3_paths(template: str) -> list[tuple[str, list[str]]]:
    """Each row of table 3 with its label path (group labels first)."""
    rows = [(k, [label]) for k, label in T3_TOP]
    for group, items in b.t3_result_groups(template):
        for key, sub in items:
            rows.append((key, [T3_RESULTS_HEAD, group] + ([sub] if sub else [])))
    return rows + [(k, [label]) for k, label in T3_BOTTOM]


def _t3_header(v: Variant, label_cols: int) -> list[list[Span]]:
    note = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    subs = ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
    r = lambda x: relabel(x, v)  # noqa: E731
    if v.t3_header == "flat":  # no 法人或其他组织 group row
        return [[Span(note, colspan=label_cols), *(Span(r(x)) for x in ["自然人", *subs, "总计"])]]
    if v.t3_header == "one_row":  # the group label and 总计 after the sub-columns, in one extracted row
        return [[Span(note, rowspan=2, colspan=label_cols), Span(r("申请人情况"), colspan=7)],
                [Span(r("自然人")), Span(r("法人或其他组织")), *(Span(r(x)) for x in subs[:4]),
                 Span(r("其他")), Span(r("总计"))]]
    if v.t3_header == "reordered":  # a single header row that names every column, 总计 first
        return [[Span(note, colspan=label_cols), *(Span(r(x)) for x in ["总计", "自然人", *subs])]]
    split = v.t3_header == "split"
    sub_cells = [Span(("商业\n企业" if x == "商业企业" else x) if split else r(x)) for x in subs]
    return [[Span(note, rowspan=3, colspan=label_cols), Span(r("申请人情况"), colspan=7)],
            [Span(r("自然人"), rowspan=2), Span(r("法人或其他组织"), colspan=5), Span(r("总计"), rowspan=2)],
            sub_cells]


def table3_grid(rec: dict[str, Any], v: Variant) -> tuple[list[list[Span]], int]:
    """Table 3 and the number of its header rows."""
    t3 = rec["table3"]
    cols = list(T3_COLUMNS)
    if v.t3_header == "reordered":
        cols = ["total", *cols[:-1]]
    vals = lambda key: [Span(value_text(t3[key][c], v)) for c in cols]  # noqa: E731
    paths = t3_paths("2019" if v.t3_2019 else rec["template"])
    if v.t3_2019:  # the single row prints the sum of the three
        t3 = {**t3, "other": {c: sum(t3[k][c] for k in ("other.overdue_correction", "other.unpaid_fee", "other.other"))
                              for c in T3_COLUMNS}}
    label_cols = 1 if v.groups in ("absent", "heading", "subtotal", "joined") else 3
    grid = _t3_header(v, label_cols)
    header_rows = len(grid)
    if label_cols == 1:
        seen: set[str] = set()
        for key, path in paths:
            if v.groups == "joined":  # the whole label path in one cell
                grid.append([Span("".join(relabel(p, v) for p in path)), *vals(key)])
                continue
            for depth, group in enumerate(path[:-1]):
                if v.groups == "absent" or group in seen or (depth == 0 and len(path) == 2):
                    continue
                seen.add(group)
                if v.groups == "subtotal" and depth > 0:  # the group printed as a row of subtotals
                    members = [k for k, p in paths if group in p[:-1]]
                    sums = [sum(t3[m][c] or 0 for m in members) for c in cols]
                    grid.append([Span(relabel(group, v)), *(Span(value_text(s, v)) for s in sums)])
                else:
                    grid.append([Span(relabel(group, v)), *(Span("") for _ in cols)])
            grid.append([Span(relabel(path[-1], v)), *vals(key)])
        return grid, header_rows
    # three label columns: group labels as merged cells (a span over their rows, or repeated / first only)
    n_results = sum(1 for _, p in paths if len(p) > 1)
    for key, path in paths:
        line: list[Span] = []
        if len(path) == 1:
            line.append(Span(relabel(path[0], v), colspan=3))
        else:
            if v.groups == "span":
                if path is next(p for _, p in paths if len(p) > 1):
                    line.append(Span(relabel(path[0], v), rowspan=n_results))
            else:
                first = path is next(p for _, p in paths if len(p) > 1)
                line.append(Span(relabel(path[0], v) if first or v.groups == "repeat" else ""))
            if len(path) == 2:
                line.append(Span(relabel(path[1], v), colspan=2))
            else:
                members = [p for _, p in paths if len(p) == 3 and p[1] == path[1]]
                first = path is members[0]
                if v.groups == "span":
                    if first:
                        line.append(Span(relabel(path[1], v), rowspan=len(members)))
                else:
                    line.append(Span(relabel(path[1], v) if first or v.groups == "repeat" else ""))
                line.append(Span(relabel(path[2], v)))
        grid.append(line + vals(key))
    return grid, header_rows


def table4_grid(rec: dict[str, Any], v: Variant) -> list[list[Span]]:
    t4 = rec["table4"]
    r = lambda x: relabel(x, v)  # noqa: E731
    values = [Span(value_text(t4[g][c], v)) for g in T4_GROUPS for c in T4_COLUMNS]
    if v.t4 == "rows5":
        return [[Span("", colspan=2), *(Span(r(x)) for x in T4_LABELS)],
                [Span(r("行政复议"), colspan=2), *values[0:5]],
                [Span(r("行政诉讼"), rowspan=2), Span(r("未经复议直接起诉")), *values[5:10]],
                [Span(r("复议后起诉")), *values[10:15]]]
    if v.t4 == "flat15":
        return [values]
    if v.t4.startswith("transposed"):
        heads = ["行政复议", "行政诉讼（未经复议直接起诉）", "行政诉讼（复议后起诉）"]
        return [*([[Span(""), *(Span(r(x)) for x in heads)]] if v.t4 == "transposed" else []),
                *([Span(r(label)), *(values[5 * g + k] for g in range(3))] for k, label in enumerate(T4_LABELS))]
    if v.t4 == "vertical":
        return [[Span(r("行政复议"))], [Span(r("行政诉讼"))], *([x] for x in values)]
    if v.t4 == "scrambled":  # the two header rows read out of order, the group labels last
        return [[*(Span(r(x)) for x in T4_LABELS)], [Span(r("未经复议直接起诉")), Span(r("复议后起诉"))],
                [*(Span(r(x)) for _ in range(2) for x in T4_LABELS)], [Span(r("行政复议")), Span(r("行政诉讼"))],
                values]
    return [[Span(r("行政复议"), colspan=5), Span(r("行政诉讼"), colspan=10)],
            [*(Span(r(x), rowspan=2) for x in T4_LABELS), Span(r("未经复议直接起诉"), colspan=5),
             Span(r("复议后起诉"), colspan=5)],
            [Span(r(x)) for _ in range(2) for x in T4_LABELS],
            values]


FOOTERS = ("- 3 -", "第 3 页 共 8 页")
NOTE = "注：1.本表统计期限为1月1日至12月31日；2.“其他”指个体工商户等其他申请人。"


def with_noise(grid: list[list[Span]], header_rows: int, running: str) -> list[list[Span]]:
    """A page break inside the table — page footers, the running page header, the header rows printed
    again — and a note row after it."""
    out = list(grid)
    k = header_rows + 6
    out[k:k] = [[Span(FOOTERS[0])], [Span(FOOTERS[1])], [Span(running)], *grid[:header_rows]]
    out.append([Span(NOTE)])
    return out


# --- a report: blocks, and the text / Markdown / HTML renderings -------------------------------------------

TITLES = {
    "plain": (b.HEADING2, b.HEADING3, b.HEADING4),
    "bare": ("主动公开政府信息情况", "收到和处理政府信息公开申请情况", "政府信息公开行政复议、行政诉讼情况"),
    "variants": ("二、主动公开政府信息", "三、收到和处理政府信息公开申请情况", "四、因政府信息公开工作被申请行政复议和提起行政诉讼情况"),
}


_CN_DIGITS = "〇一二三四五六七八九"


def title_lines(rec: dict[str, Any], lines: list[str], v: Variant) -> list[str]:
    agency, year = rec["agency"], rec["year"]
    if v.title == "one_line":
        return [f"{agency}{year}年政府信息公开工作年度报告"]
    if v.title == "year_first":
        return [f"{year}年{agency}政府信息公开工作年度报告"]
    if v.title == "cn_year":
        return [agency, f"{''.join(_CN_DIGITS[int(d)] for d in str(year))}年度政府信息公开工作年度报告"]
    return lines


def blocks(name: str, v: Variant,
           record: tuple[dict[str, Any], dict[str, list[str]]] | None = None) -> tuple[dict[str, Any], list[tuple[str, Any]]]:
    rec, prose = record or _record(name)
    rec = blanked(rec, v)
    t3, t3_head = table3_grid(rec, v)
    if v.noise:
        t3 = with_noise(t3, t3_head, f"{rec['agency']}{rec['year']}年政府信息公开工作年度报告")
    t2 = table2_grid(rec, v, name)
    if v.page_number:  # a page ends inside the table: its bare number printed between two rows
        t2, t3 = [*t2[:5], [Span("4")], *t2[5:]], [*t3[:t3_head + 7], [Span("5")], *t3[t3_head + 7:]]
    tables = [t2, t3, table4_grid(rec, v)]
    heads = TITLES[v.titles if v.titles in TITLES else "plain"]
    out: list[tuple[str, Any]] = [("title", t) for t in title_lines(rec, prose["title"], v)]
    out += [("p", t) for t in prose["intro"]]
    out.append(("h", "一、总体情况"))
    out += [("p", t) for t in prose["overview"]]
    leads = (f"{rec['year']}年主动公开情况统计如下", "本年度收到和处理申请情况（单位：件）",
             f"{rec['year']}年行政复议、行政诉讼情况如下")
    for head, table, hrows, lead in zip(heads, tables, (0, t3_head, 0), leads, strict=True):
        out.append(("h", head))
        if v.lead:
            out.append(("p", lead))
        out.append(("table", (table, hrows)))
    out.append(("h", b.HEADING5))
    out += [("p", t) for t in prose["problems"]]
    out.append(("h", b.HEADING6))
    out += [("p", t) for t in prose["other"]]
    return rec, out


def expand(grid: list[list[Span]], repeat_rows: bool) -> list[list[str]]:
    """A rectangular grid of texts as a copy from Word prints it: a merged cell once, its other positions
    empty (or, with `repeat_rows`, a label merged over rows repeated on each row)."""
    taken = {(rr, c): cell.text if (rr, c) == (r, col) or (repeat_rows and c == col and rr > r) else ""
             for (rr, c), (cell, r, col) in b.covered(grid).items()}
    out = []
    for r in range(len(grid)):
        width = max((c for rr, c in taken if rr == r), default=-1) + 1
        out.append([taken.get((r, c), "") for c in range(width)])
    return out


def heading_text(text: str, v: Variant) -> str:
    if v.titles == "arabic":  # sections numbered 1、 2、 3、 (a report's own numbering)
        return re.sub(r"^([一二三四五六])、", lambda m: f"{'一二三四五六'.index(m.group(1)) + 1}、 ", text)
    if v.titles == "md":
        return "## " + text
    if v.titles == "bold":
        return f"**{text}**"
    return text


def render_text(items: list[tuple[str, Any]], v: Variant) -> str:
    parts: list[str] = []
    for kind, content in items:
        if kind == "h":
            parts.append(heading_text(content, v))
        elif kind != "table":
            parts.append(content)
        else:
            grid, hrows = content
            rows = expand(grid, repeat_rows=v.groups == "repeat")
            if v.out == "lines":
                parts.append("\n".join(c for row in rows for c in row if c.strip()))
            elif v.out == "pdftext":
                parts.append("\n".join("  ".join(c for c in row if c.strip()) for row in rows))
            elif v.out == "md":
                parts.append(_markdown(rows, v))
            else:
                lines = []
                for row in rows:
                    if any("\n" in c for c in row):  # a header broken over two lines (商业 / 企业)
                        lines.append("\t".join(c.split("\n")[0] for c in row))
                        lines.append("\t".join(c.split("\n")[1] if "\n" in c else "" for c in row))
                    else:
                        lines.append("\t".join(row))
                parts.append("\n".join(lines))
    sep = "\n" if v.out == "lines" else "\n\n"
    return sep.join(parts) + "\n"


def _markdown(rows: list[list[str]], v: Variant) -> str:
    width = max(len(r) for r in rows)
    out = []

    def cell(t: str) -> str:
        t = t.replace("|", "\\|").replace("\n", "<br>")
        if v.md_br and len(t) > 12 and "<br>" not in t:
            t = t[:6] + "<br>" + t[6:]
        return t

    for i, row in enumerate(rows):
        if len([c for c in row if c]) == 1 and len(row) == 1 and i > 0:
            out.append("")  # a footer or note breaks the table: a paragraph of its own
            out.append(row[0])
            out.append("")
            continue
        cells = [cell(c) for c in row] + [""] * (width - len(row))
        if v.md_br and i == 0:
            cells[-1] = cells[-1] or "增\\|减"  # an escaped pipe inside a cell (not a column)
        body = " | ".join(cells)
        if v.md_pipes != "both" and not cells[0]:
            line = f"| {body}"  # a leading pipe is an edge pipe: an empty first cell needs one before it
        elif v.md_pipes == "both":
            line = f"| {body} |"
        elif v.md_pipes == "lead":
            line = f"| {body}"
        else:
            line = body
        out.append(line)
        if i == 0:
            sep = " | ".join("---" for _ in range(width))
            out.append(f"| {sep} |" if v.md_pipes == "both" else sep)
    return "\n".join(out)


def render_html(items: list[tuple[str, Any]], v: Variant) -> str:
    body: list[str] = []
    for kind, content in items:
        if kind == "title":
            body.append(f"<h1>{escape(content)}</h1>")
        elif kind == "h":
            body.append(f"<p><strong>{escape(content)}</strong></p>" if v.titles == "bold"
                        else f"<h2>{escape(heading_text(content, v))}</h2>")
        elif kind == "p":
            body.append(f'<p style="text-indent:2em">{escape(content)}</p>')
        else:
            grid, hrows = content
            body.append(_html_table(grid, hrows, v))
    article = "\n".join(body)
    if "layout" in v.html:
        article = (f'<table width="100%"><tr><td class="nav">当前位置：首页 &gt; 政务公开</td></tr>'
                   f"<tr><td>\n{article}\n</td></tr></table>")
    return ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>年度报告</title></head><body>"
            f"<div class='article'>{article}</div></body></html>")


def _html_table(grid: list[list[Span]], hrows: int, v: Variant) -> str:
    if v.groups != "span":
        grid = [[Span(t) for t in row] for row in expand(grid, repeat_rows=v.groups == "repeat")]
    width = max(sum(c.colspan for c in row) for row in grid)

    def cell(c: Span, tag: str) -> str:
        attrs = "".join(f' {a}="{n}"' for a, n in (("rowspan", c.rowspan), ("colspan", c.colspan)) if n > 1)
        if c.text in (NOTE, *FOOTERS) or (c.text.endswith("政府信息公开工作年度报告") and len(c.text) > 14):
            attrs = f' colspan="{width}"'
        text = "<br/>".join(escape(part) for part in c.text.split("\n"))
        if "nbsp" in v.html:
            text = f"&nbsp;{text}&nbsp;" if text else "&nbsp;"
        if "nested" in v.html:
            text = f'<p class="MsoNormal" align="center"><span style="font-size:10pt"><span>{text}</span></span></p>'
        return f"<{tag}{attrs}>{text}</{tag}>"

    head = [row for row in grid[:hrows]] if "thead" in v.html else []
    rest = grid[len(head):]
    out = ['<table border="1" cellspacing="0">']
    if head:
        out.append("<thead>" + "".join("<tr>" + "".join(cell(c, "th") for c in row) + "</tr>" for row in head)
                   + "</thead>")
    out.append("<tbody>" + "".join("<tr>" + "".join(cell(c, "td") for c in row) + "</tr>" for row in rest)
               + "</tbody>")
    out.append("</table>")
    return "\n".join(out)


def render(name: str, v: Variant) -> tuple[dict[str, Any], bytes, str]:
    """The record as the report prints it (what must be read back), the file, and its name."""
    rec, items = blocks(name, v)
    if v.t3_2019:  # the single row is kept as printed (row `other`) in place of the three it sums
        rec = copy.deepcopy(rec)
        subs = ("other.overdue_correction", "other.unpaid_fee", "other.other")
        rows = list(rec["table3"].items())
        at = [k for k, _ in rows].index(subs[0])
        other = {c: sum(rec["table3"][k][c] for k in subs) for c in T3_COLUMNS}
        rec["table3"] = dict([*rows[:at], ("other", other), *(kv for kv in rows[at:] if kv[0] not in subs)])
    if v.t4 == "transposed_bare":  # which column is which group is not printed: blank, values reported
        rec = copy.deepcopy(rec)
        rec["table4"] = {g: dict.fromkeys(T4_COLUMNS) for g in T4_GROUPS}
    if v.out == "html":
        return rec, render_html(items, v).encode("utf-8"), "report.html"
    text = render_text(items, v)
    return rec, text.encode("utf-8"), "report.md" if v.out == "md" else "report.txt"


# --- the checks ---------------------------------------------------------------------------------------------


def wrong_cells(rec: Record, want: dict[str, Any]) -> list[tuple[str, Any, Any]]:
    out = []
    for table in ("table2", "table3", "table4"):
        for row, cols in want[table].items():
            for col, value in cols.items():
                got = rec.tables.get(table, {}).get(row, {}).get(col, "absent")
                if got != value:
                    out.append((f"{table}:{row}:{col}", value, got))
    return out


def _expected_error_cells(want: dict[str, Any]) -> set[str]:
    return {c for f in want.get("expected_findings", []) for c in f["cells"]}


CASES = [pytest.param(name, v, id=f"{v.name}-{name if '-' in name[:4] else name[:3]}") for v in VARIANTS
         for name in v.records]


@pytest.mark.parametrize(("name", "variant"), CASES)
def test_variant_reads_as_the_truth(name: str, variant: Variant) -> None:
    want, data, filename = render(name, variant)
    rec = parse_bytes(data, filename)
    assert (rec.agency, rec.year, rec.template) == (want["agency"], want["year"], want["template"])
    if variant.out in ("lines", "pdftext") and "regulations" not in want["table2"]:
        # a provincial table printed one cell per line (or its merged cells dropped) has lost which label cells were merged (the depth of
        # each label): a human cannot rebuild the label paths either. Every value is still read, in order.
        assert rec.table2_variant is not None
        assert [r["value"] for r in rec.tables["table2"].values()] == [r["value"] for r in want["table2"].values()]
        want = {**want, "table2": {}}
    assert wrong_cells(rec, want) == []
    errors = [f for f in rec.findings if f.severity == "error"]
    allowed = _expected_error_cells(want)
    assert [f.message for f in errors if not set(f.cells) & allowed] == []
    if variant.expect == "exact":
        assert [(u.table, u.text, u.reason) for u in rec.unplaced] == []
    else:
        assert rec.unplaced and any(f.rule == "UNPLACED" for f in rec.findings)


def test_an_escaped_pipe_stays_inside_its_cell() -> None:
    from reviewer.reading.layout import text_to_rows

    rows = text_to_rows("| 信息内容 | 本年增\\|减 | 处理决定数量 |\n| --- | --- | --- |\n| 行政许可 | -3 | 12 |")
    assert [c.text for c in rows[0]] == ["信息内容", "本年增\\|减", "处理决定数量"]
    assert [c.text for c in rows[1]] == ["行政许可", "-3", "12"]


def test_every_listed_variation_is_distinct() -> None:
    names = [v.name for v in VARIANTS]
    assert len(names) == len(set(names))
    assert all(replace(v, name="") != replace(w, name="") for i, v in enumerate(VARIANTS) for w in VARIANTS[i + 1:])
