"""Crawler text built from a truth record: the report as a scraper saves a government page.

The scraper takes the page's text without separators: every table cell joined to the next in the page's
order (a merged cell once, in its first row), units and signs fused in, the whole body on one line (or one
line per block), page chrome before the title (`当前位置：首页…-->`), `附件下载` after the body, and a header
block before it (`标题:`, `发布时间:`, `发布机构:`, `栏目:`, `原文链接:`).
"""

from __future__ import annotations

import copy
import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from . import test_variants as tv
from .builders import HEADING2, HEADING3, HEADING4, HEADING5, HEADING6, Span

TABLE_TITLES = (HEADING2, HEADING3, HEADING4)


@dataclass(frozen=True)
class Crawl:
    name: str
    lines: bool = False  # one line per block (title, paragraph, table) instead of the whole body on one line
    header: bool = True  # the crawler's header block
    chrome: bool = True  # the site's breadcrumb before the title
    spaced: str = ""  # "" | "table2" (table 2's value cells apart by a space, "行政许可52 0 7") | "all" | "cells"
    # ("cells": every cell apart by a space, labels too: a scraper joining text nodes with " ")
    units: bool = False  # counts of table 2 printed with 个, money in 元 ("185000元")
    digits: str = "ascii"
    bare_titles: bool = False  # the three table titles without their numbers
    entity: str = " "  # what stands between padded cells (a scraper may leave "&nbsp;" undecoded)
    groups: str = "span"  # span: a group label once, in its first row (HTML rowspan) | repeat: on every row
    lead: bool = False  # a sentence with figures between each table title and its table
    row_lines: bool = False  # each table row on a line of its own (a scraper breaking lines at <tr>)
    t3_2019: bool = False  # a 2021 report printing the 2019 single （六）其他处理 row (2021 records only)
    arabic: bool = False  # sections numbered 1、 2、 3、


STYLES: tuple[Crawl, ...] = (
    Crawl("fused-one-line"),
    Crawl("fused-lines", lines=True, header=False, groups="repeat"),
    Crawl("fused-no-header", header=False),
    Crawl("fused-table2-spaced", spaced="table2"),
    Crawl("fused-units", units=True, chrome=False),
    Crawl("fused-spaced", spaced="all", lines=True),
    Crawl("one-line-spaced-cells", spaced="cells"),
    Crawl("bare-titles-nbsp", spaced="table2", bare_titles=True, entity="&nbsp;", header=False),
    Crawl("lead-sentences", spaced="table2", lead=True),
    Crawl("fused-row-lines", lines=True, row_lines=True, chrome=False),
    Crawl("fused-arabic-sections", arabic=True),
)
# a 2021 report whose table 3 prints the 2019 single （六）其他处理 row, crawled fused (2021 records only)
SINGLE_OTHER = Crawl("fused-2019-other", t3_2019=True)
SUBS = ("other.overdue_correction", "other.unpaid_fee", "other.other")
LEADS = {HEADING2: "本年度主动公开政府信息{n}条，其中规范性文件{m}件。", HEADING3: "本年度共收到申请{n}件，均已按时答复。",
         HEADING4: "本年度发生行政复议{m}起，情况如下（单位：件）："}


def _flat(grid: list[list[Span]], spaced: bool, every: bool = False, pad: str = " ") -> str:
    """The table's text as get_text() returns it: every cell in page order, nothing between them —
    except a space between value cells when the page padded them (`every`: between all cells)."""
    if every:
        return " ".join(c.text.replace("\n", "") for row in grid for c in row if c.text)
    out: list[str] = []
    for row in grid:
        prev_value = False
        for cell in row:
            text = cell.text.replace("\n", "")
            value = bool(text) and (text[0].isdigit() or text[0] in "+-")
            if spaced and value and prev_value:
                out.append(pad)
            out.append(text)
            prev_value = value
    return "".join(out)


def _units(rec: dict[str, Any], grid: list[list[Span]]) -> list[list[Span]]:
    """Table 2 with units fused in: counts with 个, money in 元."""
    out = []
    for row in grid:
        line = []
        fees = rec["template"] == "2021" and row and row[0].text == "行政事业性收费"
        for cell in row:
            t = cell.text
            if fees and t and t[0].isdigit():  # 本年收费金额 is in 万元: printed in 元
                t = f"{round(float(t) * 10000)}元"
            elif t.endswith("万元"):
                amount = float(t[:-2])
                t = f"{round(amount * 10000)}元"
            elif t and t.lstrip("+-").isdigit() and not t.startswith(("+", "-")):
                t = f"{t}个"
            line.append(Span(t, cell.rowspan, cell.colspan))
        out.append(line)
    return out


def large_record(seed: int, high: int = 999) -> tuple[dict[str, Any], dict[str, list[str]]]:
    """A report of a large agency (figures up to `high` in most cells), every relation of the form kept:
    a seed's prose with tables 3 and 4 drawn at random (reproducibly)."""
    rnd = random.Random(seed)
    base, prose = tv._record("001_0e482e19bd443c5d")
    rec = copy.deepcopy(base)
    t3 = rec["table3"]
    parts = tv.T3_COLUMNS[:-1]
    results = [k for k in t3 if k not in ("new_received", "carried_over", "total", "carried_forward")]
    for key in results:
        row = {c: (rnd.randint(1, high) if rnd.random() < 0.6 else 0) for c in parts}
        t3[key] = {**row, "total": sum(row.values())}
    col = {c: sum(t3[k][c] for k in results) for c in parts}
    t3["total"] = {**col, "total": sum(col.values())}
    over = {c: rnd.randint(0, high // 5) for c in parts}
    forward = {c: rnd.randint(0, high // 5) for c in parts}
    for key, row in (("new_received", {c: col[c] + forward[c] - over[c] for c in parts}), ("carried_over", over),
                     ("carried_forward", forward)):
        t3[key] = {**row, "total": sum(row.values())}
    for g in tv.T4_GROUPS:
        v = [rnd.randint(0, high) for _ in range(4)]
        rec["table4"][g] = {**dict(zip(tv.T4_COLUMNS[:4], v, strict=True)), "total": sum(v)}
    return rec, prose


def crawler_text(name: str, style: Crawl,
                 record: tuple[dict[str, Any], dict[str, list[str]]] | None = None,
                 table2: Callable[[list[list[Span]]], list[list[Span]]] | None = None) -> tuple[dict[str, Any], str]:
    """The expected record and the crawler text of truth record `name` (or of `record`: record and prose);
    `table2` reprints table 2's grid (the expected record is then the caller's)."""
    v = tv.Variant("crawl", digits=style.digits, groups=style.groups, t3_2019=style.t3_2019,
                   titles="arabic" if style.arabic else "plain")
    rec, items = tv.blocks(name, v, record)
    rec = copy.deepcopy(rec)
    if style.t3_2019:  # read back as printed: the single row `other` in place of the three it sums
        rows = list(rec["table3"].items())
        at = [k for k, _ in rows].index(SUBS[0])
        other = {c: sum(rec["table3"][k][c] for k in SUBS) for c in tv.T3_COLUMNS}
        rec["table3"] = dict([*rows[:at], ("other", other), *(kv for kv in rows[at:] if kv[0] not in SUBS)])
    agency, year = rec["agency"], rec["year"]
    title = f"{agency}{year}年政府信息公开工作年度报告"
    parts: list[str] = []
    tables = 0
    for kind, content in items:
        if kind == "title":
            continue
        if kind == "table":
            grid, _h = content
            if tables == 0 and table2 is not None:
                grid = table2(grid)
            if tables == 0 and style.units:
                grid = _units(rec, grid)
            spaced = style.spaced == "all" or (style.spaced == "table2" and tables == 0)
            if style.row_lines:
                parts.append("\n".join(_flat([row], spaced, pad=style.entity) for row in grid))
            else:
                parts.append(_flat(grid, spaced, every=style.spaced == "cells", pad=style.entity))
            tables += 1
        elif kind == "h" and style.bare_titles and content in TABLE_TITLES:
            parts.append(str(content)[2:])
        elif kind == "h" and style.lead and content in LEADS:
            parts.append(str(content) + LEADS[content].format(n=120 + len(parts), m=3))
        elif kind == "h":
            parts.append(tv.heading_text(str(content), v))
        else:
            parts.append(str(content))
    sep = "\n" if style.lines else (" " if style.spaced == "cells" else "")
    body = sep.join(parts)
    lead = "当前位置：首页 > 政务公开 > 政府信息公开年报 -->" if style.chrome else ""
    text = f"{lead}{title}{sep}{body}{sep}附件下载：{title}.docx 【打印本页】【关闭窗口】"
    if style.header:
        text = (f"标题:{title}\n发布时间:{year + 1}-01-20 09:30\n发布机构:{agency}\n栏目:政府信息公开年报\n"
                f"原文链接:http://www.example.gov.cn/art/{year + 1}/1/20/art_1_2.html\n\n{text}")
    return rec, text + "\n"


__all__ = ["Crawl", "STYLES", "SINGLE_OTHER", "crawler_text", "HEADING5", "HEADING6"]
