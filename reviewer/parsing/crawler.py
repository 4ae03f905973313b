"""Crawler text: a report saved by a scraper, its table cells joined without separators.

Such a file starts with a header block (`标题:`, `发布时间:`, `发布机构:`, `栏目:`, `原文链接:`), may carry page
chrome before the title (`当前位置：首页…`, `-->`) and `附件下载` after the body, and often holds the whole body
on one line. `relayout` cuts it into rows the parser can read: header lines, the title, prose sentences, section
titles, and inside each table one row per printed row — its label text, then its value segments. A segment
is a run of digits that may still hold several cells ("121214"); the fused-table solver splits it.
Every cell keeps its span in the document text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from reviewer.formats import load_formats, load_table2_variants
from reviewer.model import Cell, Document
from reviewer.parsing.labels import norm
from reviewer.parsing.report_words import REPORT, SUBJECT

# keys of the header block scrapers write before the body ("标题: …")
HEADER_KEYS = ("标题", "发布时间", "发布日期", "发布机构", "发文机关", "栏目", "原文链接", "链接", "来源", "网址",
               "索引号", "文号", "成文日期", "主题分类", "采集时间", "抓取时间", "url", "URL", "title")
_HEADER = re.compile(r"^\s*(" + "|".join(HEADER_KEYS) + r")\s*[:：]\s*(.*)$")
TITLE_KEYS = ("标题", "title")

_CJK = "\u4e00-\u9fff"
_UNITS = "万元|元|个|件|项|次|条|宗"
# a printed value: a signed or plain number (thousands grouped), a decimal, an optional unit fused after it
_VALUE = re.compile(rf"[+\-−]?(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?(?:{_UNITS})?")
_NULL = re.compile(r"[—–－/／]+|-+(?!\d)")
_NUMBERING_SEP = re.compile(rf"[.．、)）]\s*[{_CJK}“\"（(]")
_SPACE = re.compile(r"(?:[\s\u3000\u00a0]|&nbsp;|&#160;|&ensp;|&emsp;)+")  # entities a scraper left undecoded
_OPEN, _CLOSE = "（(【[", "）)】]"
_PROSE_UNITS = set("年月日号%％，。；;")  # after a figure of prose, never after a cell
_MEASURE = set("起人家份余次名")  # "行政复议3起，": a measure word then a clause break (labels may start 人事…)


def header_value(line: str) -> str | None:
    """A crawler header line's content when it is the title ("标题: X" -> "X"); "" for other header lines
    (never an agency); None when the line is not a header line."""
    m = _HEADER.match(line)
    if not m:
        return None
    return m.group(2).strip() if m.group(1) in TITLE_KEYS else ""


_CHROME_START = re.compile(r"^\s*(?:当前位置|您当前的位置|您的位置|您现在的位置|所在位置|位置)\s*[:：]|^\s*首页\s*[>»›＞]")
_CHROME_SEP = re.compile(r"-->|->|—>|>>|[>»›＞]")


def strip_chrome(line: str) -> str:
    """A line without the site's breadcrumb before its text ("当前位置：首页 > 政务公开 > X" -> "X")."""
    if not (_CHROME_START.search(line) or "-->" in line):
        return line
    last = None
    for m in _CHROME_SEP.finditer(line):
        last = m
    return line[last.end():].strip() if last is not None else ""


@cache
def _row_variants(template: str) -> tuple[tuple[str, ...], ...]:
    """The normalised label variants of table 3's rows (the most distinctive labels of the form)."""
    tdef = load_formats()[template].tables["table3"]
    return tuple(tuple(sorted({norm(v) for v in r.variants if len(norm(v)) >= 3}, key=len, reverse=True))
                 for r in tdef.rows)


_CLOSING = "”\"’）)"
_NOT_A_CELL = set("件条个项次宗人家年月日号%％余元")


def _glued(text: str, variant: str) -> bool:
    """The label printed with a digit right after it ("予以公开4000004"), not a figure of prose ("4件")."""
    at = text.find(variant)
    tries = 0
    while at >= 0 and tries < 8:
        j = at + len(variant)
        while j < len(text) and text[j] in _CLOSING:
            j += 1
        if j < len(text) and text[j] in "+-−":
            j += 1
        if j < len(text) and text[j].isdigit():
            while j < len(text) and (text[j].isdigit() or text[j] in ",."):
                j += 1
            if j >= len(text) or text[j] not in _NOT_A_CELL:
                return True
        at = text.find(variant, at + 1)
        tries += 1
    return False


def is_fused(text: str) -> bool:
    """True when table rows print their values glued to their labels ("予以公开4000004").

    Counted over table 3's distinctive row labels: prose states a figure after a label too ("予以公开4件"), but
    not a bare run of digits followed by the next label.
    """
    if len(text) < 200:
        return False
    for template in load_formats():
        hits = 0
        for variants in _row_variants(template):
            if any(_glued(text, v) for v in variants[:2]):
                hits += 1
                if hits >= 4:
                    return True
    return False


@dataclass(frozen=True, slots=True)
class _Anchor:
    start: int
    end: int
    kind: str  # "title一" … (a numbered section title) | "doc" (the report's title) | "table二" … (a bare table title)


@cache
def _section_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Numbered section titles: 二/三/四 from the formats' title variants, 一/五/六 by their usual words; a report
    may number them 1、 2、 3、 instead."""
    out: list[tuple[str, re.Pattern[str]]] = []
    variants: dict[str, set[str]] = {}
    for fmt in load_formats().values():
        for table, numeral in (("table2", "二"), ("table3", "三"), ("table4", "四")):
            variants.setdefault(numeral, set()).update(fmt.tables[table].title_variants)
    num = {n: f"(?:{n}|{k})" for k, n in enumerate("一二三四五六", start=1)}
    for numeral, vs in variants.items():
        alts = "|".join(re.escape(v) for v in sorted(vs, key=len, reverse=True))
        out.append((numeral, re.compile(rf"{num[numeral]}\s*[、.．]\s*(?:{alts})(?:情况)?")))
    out.append(("一", re.compile(rf"{num['一']}\s*[、.．]\s*总体情况")))
    out.append(("五", re.compile(rf"{num['五']}\s*[、.．]\s*[{_CJK}、，]{{0,16}}?(?:主要问题|改进)[{_CJK}]{{0,10}}?情况")))
    out.append(("六", re.compile(rf"{num['六']}\s*[、.．]\s*[{_CJK}]{{0,6}}?其他需要报告的事项")))
    return tuple(out)


_DOC_TITLE = re.compile(rf"(?:19|20)\d\d\s*年度?[{_CJK}（）()]{{0,24}}?{SUBJECT}[{_CJK}]{{0,12}}?{REPORT}")
_TAIL = re.compile(r"附件下载|附件[:：]|相关附件|【打印本页】|打印本页|关闭窗口")
_CHROME_END = re.compile(r"-->|—>|>>|»")


def _title_anchor(text: str, lo: int, hi: int) -> _Anchor | None:
    """The report's title inside [lo, hi): the agency before the year back to a separator, up to 报告."""
    m = _DOC_TITLE.search(text, lo, min(hi, lo + 3000))
    if not m:
        return None
    start = m.start()
    k = start
    while k > lo and start - k < 40 and re.match(rf"[{_CJK}（）()]", text[k - 1]):
        k -= 1
    return _Anchor(k, m.end(), "doc")


def _cells_of_values(text: str, start: int, end: int) -> list[Cell]:
    """Hard segments of a value chunk: apart by spaces; a sign starts a segment, a unit ends one."""
    out: list[Cell] = []
    pos = start
    while pos < end:
        sp = _SPACE.match(text, pos, end)
        if sp:
            pos = sp.end()
            continue
        m = _VALUE.match(text, pos, end) or _NULL.match(text, pos, end)
        if not m or m.end() == pos:
            pos += 1
            continue
        out.append(Cell(m.group(), m.start(), m.end()))
        pos = m.end()
    return out


def _table_rows(text: str, start: int, end: int) -> list[list[Cell]]:
    """A fused table region cut into rows: [label cell, value segment cells…] per value chunk.

    Digits inside parentheses are label text (notes such as "如-8", "（单位：万元）"); a digit followed by "."
    "、" and a label is the next row's numbering ("…00001.属于国家秘密").
    """
    rows: list[list[Cell]] = []
    label_start = start
    pos = start
    depth = 0
    while pos < end:
        ch = text[pos]
        if ch in _OPEN:
            depth += 1
            pos += 1
            continue
        if ch in _CLOSE:
            depth = max(0, depth - 1)
            pos += 1
            continue
        if depth or not (ch.isdigit() or ch in "+-−—–－/／"):
            pos += 1
            continue
        # a value chunk: value tokens and spaces
        chunk_start = pos
        q = pos
        last_end = pos
        while q < end:
            sp = _SPACE.match(text, q, end)
            if sp:
                q = sp.end()
                continue
            m = _VALUE.match(text, q, end) or _NULL.match(text, q, end)
            if not m or m.end() == q:
                break
            q = last_end = m.end()
        if last_end == chunk_start:
            pos += 1
            continue
        prev = text[chunk_start - 1] if chunk_start > start else ""
        after = text[last_end] if last_end < end else ""
        if not any(c.isdigit() for c in text[chunk_start:last_end]) and (
                re.match(rf"[{_CJK}]", prev) and re.match(rf"[{_CJK}]", after)):
            pos = last_end  # "增/减": a mark between two characters of a label
            continue
        then = text[last_end + 1] if last_end + 1 < end else ""
        if (after and after in _PROSE_UNITS) or prev == "第" or (after in _MEASURE and then in "，。；;、"):
            pos = last_end  # "2024年", "12月31日", "第20条": a date or an ordinal, not a cell
            continue
        chunk_end = last_end
        if _NUMBERING_SEP.match(text, chunk_end, end) and text[chunk_end - 1].isdigit():
            chunk_end -= 1  # the next row's numbering
        values = _cells_of_values(text, chunk_start, chunk_end)
        if values:
            stop = text.rfind("。", label_start, chunk_start)
            if stop >= 0:  # a sentence before the label (a lead line) is prose, not part of the label
                rows.extend(_prose_rows(text, label_start, stop + 1))
                label_start = stop + 1
            rows.append([_trimmed(text, label_start, chunk_start), *values])
            label_start = chunk_end
        pos = max(chunk_end, pos + 1)
    tail = _trimmed(text, label_start, end)
    if tail.text:
        rows.append([tail])
    return rows


def _trimmed(text: str, start: int, end: int) -> Cell:
    raw = text[start:end]
    lead = len(raw) - len(raw.lstrip())
    s = raw.strip()
    return Cell(s, start + lead, start + lead + len(s)) if s else Cell("", start, start)


def _prose_rows(text: str, start: int, end: int) -> list[list[Cell]]:
    """Prose cut into sentences (and lines): one cell each."""
    rows: list[list[Cell]] = []
    for m in re.finditer(r"[^\n。]*(?:。|\n|$)", text[start:end]):
        cell = _trimmed(text, start + m.start(), start + m.end())
        if cell.text:
            rows.append([cell])
    return rows


@cache
def _bare_titles() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Unnumbered table titles: a title variant followed closely by one of the table's column labels."""
    out: list[tuple[str, re.Pattern[str]]] = []
    for table, numeral in (("table2", "二"), ("table3", "三"), ("table4", "四")):
        titles: set[str] = set()
        cols: set[str] = set()
        for fmt in load_formats().values():
            titles.update(fmt.tables[table].title_variants)
            cols.update(v for c in fmt.tables[table].columns for v in c.variants if len(v) >= 3)
        if table == "table2":  # a provincial table's own header
            cols.update(m for v in load_table2_variants() for m in v.detect if len(m) >= 3)
        alts = "|".join(re.escape(v) for v in sorted(titles, key=len, reverse=True))
        heads = "|".join(re.escape(v) for v in sorted(cols, key=len, reverse=True))
        out.append((numeral, re.compile(rf"(?:{alts})(?:情况)?(?=[^。]{{0,80}}?(?:{heads}))")))
    return tuple(out)


def _anchors(text: str, lo: int, hi: int) -> list[_Anchor]:
    found: list[tuple[_Anchor, str]] = []
    for numeral, pat in _section_patterns():
        for m in pat.finditer(text, lo, hi):
            found.append((_Anchor(m.start(), m.end(), "title" + numeral), numeral))
    at = {n: a for a, n in found}
    floor = lo
    for numeral, pat in _bare_titles():  # 二, 三, 四 in order: each after the one before
        if numeral in at:
            floor = max(floor, at[numeral].end)
            continue
        bare = pat.search(text, floor, hi)  # a table title printed without its number
        if bare:
            found.append((_Anchor(bare.start(), bare.end(), "table" + numeral), numeral))
            floor = bare.end()
    found.sort(key=lambda an: an[0].start)
    out: list[_Anchor] = []
    for a, _n in found:  # overlapping matches: keep the first
        if not out or a.start >= out[-1].end:
            out.append(a)
    return out


def one_line_body(text: str) -> bool:
    """True when the report's body, tables included, is one long line (cells apart by spaces or not)."""
    return any(len(line) > 1500 and "收到和处理政府信息公开申请" in line and "本年新收" in line
               for line in text.split("\n"))


def relayout(doc: Document) -> Document | None:
    """The document cut into rows for a crawler text (cells fused, or the whole body on one line), or None."""
    text = doc.text
    if not (is_fused(text) or one_line_body(text)):
        return None
    rows: list[list[Cell]] = []
    pos = 0
    # the header block: "key: value" lines at the top
    for line in text.split("\n"):
        if line.strip() and header_value(line) is None:
            break
        cell = _trimmed(text, pos, pos + len(line))
        if cell.text:
            rows.append([cell])
        pos += len(line) + 1
    body_start = min(pos, len(text))
    anchors = _anchors(text, body_start, len(text))
    # 附件下载, 打印本页 … after the last section: the page's own text ends there (a 附件 named in the prose
    # before does not)
    tail = _TAIL.search(text, anchors[-1].end if anchors else body_start)
    body_end = tail.start() if tail else len(text)
    first = anchors[0].start if anchors else body_end
    # before the first section: page chrome, the title, the opening paragraph
    head_rows: list[list[Cell]] = []
    chrome = None
    for m in _CHROME_END.finditer(text, body_start, first):
        chrome = m
    lead_start = chrome.end() if chrome is not None and chrome.start() - body_start < 400 else body_start
    if lead_start > body_start:
        head_rows.append([_trimmed(text, body_start, lead_start)])
    title = _title_anchor(text, lead_start, first)
    if title is not None:
        head_rows.extend(_prose_rows(text, lead_start, title.start))
        head_rows.append([_trimmed(text, title.start, title.end)])
        head_rows.extend(_prose_rows(text, title.end, first))
    else:
        head_rows.extend(_prose_rows(text, lead_start, first))
    rows.extend(r for r in head_rows if r[0].text)
    for k, a in enumerate(anchors):
        nxt = anchors[k + 1].start if k + 1 < len(anchors) else body_end
        rows.append([_trimmed(text, a.start, a.end)])
        if a.kind[-1] in "二三四":  # a table's section, its title numbered or not
            rows.extend(_table_rows(text, a.end, nxt))
        else:
            rows.extend(_prose_rows(text, a.end, nxt))
    if tail is not None:
        rows.extend(_prose_rows(text, tail.start(), len(text)))
    return Document(text=text, rows=rows, source_format=doc.source_format, encoding=doc.encoding,
                    notes=list(doc.notes))
