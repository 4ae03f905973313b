"""Generators of table 2 printed with another format's columns, as real reports of the changeover years do.

- `2019-columns-in-2021`: a 2021 report whose block （一） keeps 2019's header (本年新制作数量 · 本年新公开数量 ·
  对外公开总数量). Those columns are not the 2021 form's (本年新公开数量 is not 本年废止件数): the values must be
  reported as unplaced, never put by position into 本年制发件数 · 本年废止件数 · 现行有效件数.
- `2021-columns-in-2019`: a 2019 report whose blocks （五） and （六） print 2021's single 本年处理决定数量 column
  (the row's one value): it is 处理决定数量, not 上一年项目数量.

Every truth record of the format, as text, as a web page and as crawler text; scored by tests/test_variants_mixed_columns.py and
benchmarks/layouts/mixed_columns.py.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from html import escape
from typing import Any

from . import crawler_gen as cg
from .builders import Span
from .test_variants import RECORDS, Variant, _record, expand
from .variants_layouts import HEADS, LayoutCase, _attrs, _pad, _prose_blocks, _tables

T2019 = {"本年制发件数": "本年新制作数量", "本年废止件数": "本年新公开数量", "现行有效件数": "对外公开总数量"}
ONE_COLUMN = ("第二十条第（五）项", "第二十条第（六）项")


def _2019_columns(grid: list[list[Span]], want: dict[str, Any]) -> list[list[Span]]:
    for key in ("regulations", "normative_documents"):
        want["table2"][key] = dict.fromkeys(want["table2"][key])
    return [[Span(T2019.get(c.text, c.text), c.rowspan, c.colspan) for c in row] for row in grid]


def _2021_columns(grid: list[list[Span]], want: dict[str, Any]) -> list[list[Span]]:
    out: list[list[Span]] = []
    block = ""
    for row in grid:
        first = row[0].text
        if first.startswith("第二十条"):
            block = first
        if block in ONE_COLUMN and len(row) == 4 and not first.startswith("第二十条"):
            last = "本年处理决定数量" if first == "信息内容" else row[3].text
            row = [row[0], Span(last, colspan=3)]
        out.append(row)
    for key in ("licensing", "other_services", "penalty", "coercion"):
        want["table2"][key] = {**want["table2"][key], "prev_items": None, "change": None}
    return out


MIXED = {"2019-columns-in-2021": ("2021", _2019_columns), "2021-columns-in-2019": ("2019", _2021_columns)}


def render_mixed(name: str, kind: str, out: str) -> tuple[dict[str, Any], bytes, str]:
    if out == "crawl":  # crawler text: cells fused, the header joined to the block's first row
        rec, _text = cg.crawler_text(name, cg.STYLES[0])
        want = copy.deepcopy(rec)
        _rec, text = cg.crawler_text(name, cg.STYLES[0], table2=lambda g: MIXED[kind][1](g, want))
        return want, text.encode("utf-8"), "report.txt"
    v = Variant(kind, out=out, groups="span" if out == "html" else "repeat")
    rec, prose, tables = _tables(name, v)
    want = copy.deepcopy(rec)
    grids = [g for g, _h in tables]
    grids[0] = MIXED[kind][1](grids[0], want)
    head, tail = _prose_blocks(rec, prose, v)
    if out == "html":
        body = [f"<p>{escape(t)}</p>" for t in head]
        for title, grid in zip(HEADS, grids, strict=True):
            rows = "".join("<tr>" + "".join(f"<td{_attrs(c)}>{escape(c.text)}</td>" for c in row) + "</tr>"
                           for row in grid)
            body += [f"<h2>{escape(title)}</h2>", f'<table border="1">{rows}</table>']
        body += [f"<p>{escape(t)}</p>" for t in tail]
        return want, ("<html><body>" + "\n".join(body) + "</body></html>").encode("utf-8"), "report.html"
    parts = ["\n\n".join(head)]
    for title, grid in zip(HEADS, grids, strict=True):
        parts += [title, "\n".join("\t".join(r) for r in _pad(expand(grid, repeat_rows=True)))]
    parts.append("\n\n".join(tail))
    return want, ("\n\n".join(parts) + "\n").encode("utf-8"), "report.txt"


def mixed_cases() -> Iterator[LayoutCase]:
    for kind, (template, _fn) in MIXED.items():
        for name in RECORDS:
            rec = _record(name)[0]
            if rec["template"] != template or "regulations" not in rec["table2"]:
                continue
            for out in ("tsv", "html", "crawl"):
                want, data, filename = render_mixed(name, kind, out)
                yield LayoutCase("mixed-columns", f"{kind}-{out}", name, "html" if out == "html" else "txt", want,
                                 data, filename)
