"""Finding sections 二, 三, 四 (the three tables) by their titles and known variants."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from reviewer.formats import FormatDef, load_table2_variants
from reviewer.model import Cell
from reviewer.parsing.labels import norm
from reviewer.values import clean

_SECTION_NUMERAL = re.compile(r"^\s*[#\s]*[（(]?([一二三四五六七八九十])[）)]?\s*[、.．]?")
# the section after the tables: 五、/六、, or by its words when the report numbers its sections wrongly
_NEXT_SECTION = re.compile(r"^\s*[#\s]*(?:(五|六|七)\s*[、.．]|[一二三四五六七八九十1-9]\s*[、.．].{0,16}(?:存在的主要问题|其他需要报告))")
# a report numbering its sections 1、 2、 3、 (its first section printed "1、总体情况"): then "3、收到和处理…" is
# section 三's title, not an item inside 一、总体情况
_ARABIC_FIRST = re.compile(r"^\s*[#\s]*1\s*[、.．]\s*总体情况")
_ARABIC = re.compile(r"^\s*[#\s]*([1-9])\s*[、.．]")
_CN_NUMBERS = "一二三四五六七八九"
_MAX_TITLE = 48
_TOP_NUMERALS = "一二三四五六"  # the numbers a table's section may wrongly carry (shifted, or repeated)
TITLE_WORDS = ("公开", "复议", "诉讼")  # every title variant of the three tables holds one (a test checks it)


@dataclass(frozen=True, slots=True)
class Section:
    table: str
    title_row: int  # index of the title row
    start: int  # first row of the region (after the title)
    end: int  # one past the last row


def row_text(row: list[Cell]) -> str:
    """The row's text; a merged cell repeated across columns (a title row spanning a table) counts once."""
    parts: list[str] = []
    for c in row:
        if c.text and (not parts or parts[-1] != c.text):
            parts.append(c.text)
    return "".join(parts)


def _distinct_cells(row: list[Cell]) -> int:
    return len({c.text for c in row if c.text})


_TOP_NUMBERED = re.compile(r"^\s*[#\s]*([一二三四五六七八九十])\s*[、.．]")
_MISPRINT = 80  # how close (rapidfuzz ratio) a misprinted title is to a variant ("主动公开政府政府情况")


def _misprinted_title(t: str, n: str, variants: tuple[str, ...], numeral: str) -> bool:
    """A title under the section's own number with a word misprinted: as good as a bare title."""
    m = _TOP_NUMBERED.match(t)
    return bool(m and m.group(1) == numeral and max(fuzz.ratio(n, norm(v)) for v in variants) >= _MISPRINT)


def _title_score(text: str, variants: tuple[str, ...], numeral: str, arabic: bool = False) -> int:
    """2: numbered title of this section; 1: a bare title line; 0: not a title. `arabic`: the report numbers
    its sections 1、 2、 3、."""
    t = clean(text)
    if len(t) > _MAX_TITLE or "。" in t:
        return 0
    n = norm(t)
    if not any(norm(v) in n for v in variants):
        return 1 if _misprinted_title(t, n, variants, numeral) else 0
    am = _ARABIC.match(t) if arabic else None
    if am:
        return 2 if _CN_NUMBERS[int(am.group(1)) - 1] == numeral else 1
    m = _SECTION_NUMERAL.match(t)
    if m and m.group(1) == numeral and not t.lstrip("#（( ").startswith(numeral + "）"):
        return 2
    if m and m.group(1) != numeral:
        if re.match(r"^\s*[#\s]*[一二三四五六七八九十][、.．]", t) and m.group(1) in _TOP_NUMERALS:
            return 1  # a section title numbered wrongly (table 3 under 二、): as good as a bare title
        return 0  # another section's number in parentheses (a sub-heading of 一、总体情况)
    if re.match(r"^\s*\d+\s*[.、．]", t):
        return 0  # "1.收到和处理政府信息公开申请情况" inside 一、总体情况
    return 1


def find_sections(rows: list[list[Cell]], fmt: FormatDef) -> dict[str, Section]:
    """Regions of rows per table; a table whose title is not found is absent."""
    numerals = {t: tdef.section for t, tdef in fmt.tables.items()}  # the number printed before the title
    titles: dict[str, int] = {}
    floor = 0
    arabic = any(r and len(r) <= 2 and "总体情况" in r[0].text and _ARABIC_FIRST.match(clean(row_text(r))) for r in rows)
    for table in fmt.tables:
        variants = fmt.tables[table].title_variants
        best: tuple[int, int] | None = None  # (score, row index)
        for i in range(floor, len(rows)):
            row = rows[i]
            if len(row) > 3 and _distinct_cells(row) > 2:
                continue
            text = row_text(row)
            if len(text) > 2 * _MAX_TITLE or not any(w in text for w in TITLE_WORDS):
                continue  # cheap test first: every title variant holds one of these words
            score = _title_score(text, variants, numerals[table], arabic)
            if score == 2:
                best = (2, i)
                break
            if score == 1 and (best is None or best[0] < 2):
                best = (1, i)  # the last bare title wins: earlier ones are summaries in 一、总体情况
        if best is not None:
            titles[table] = best[1]
            floor = best[1] + 1
    opened = _openings(rows, fmt, titles)
    titles.update(opened)
    ordered = sorted(titles.items(), key=lambda kv: kv[1])
    sections: dict[str, Section] = {}
    for k, (table, ti) in enumerate(ordered):
        end = ordered[k + 1][1] if k + 1 < len(ordered) else len(rows)
        if k + 1 == len(ordered) or table == "table4":
            for j in range(ti + 1, end):
                if (len(rows[j]) <= 2 or _distinct_cells(rows[j]) == 1) and _NEXT_SECTION.match(clean(row_text(rows[j]))):
                    end = j
                    break
        sections[table] = Section(table, ti, ti if table in opened else ti + 1, end)
    return sections


VARIANT_TABLE = "table2"  # the table a provincial variant (reviewer.formats.Table2Variant) replaces
_MAX_OPENING = 80  # a row opening a table is a caption or a header row, never a paragraph


def _openings(rows: list[list[Cell]], fmt: FormatDef, titles: dict[str, int]) -> dict[str, int]:
    """Tables printed without their section title (a page that drops the headings between its tables): the
    first row, between the tables found before and after, that starts with one of the table's opening texts
    (第二十条第（一）项, 本列数据的勾稽关系…, 行政复议) opens it."""
    order = list(fmt.tables)
    found = dict(titles)
    out: dict[str, int] = {}
    for k, table in enumerate(order):
        texts = fmt.tables[table].opening
        if table == VARIANT_TABLE:  # a provincial table printed instead opens with its own marks
            texts += tuple(m for v in load_table2_variants() for m in v.detect)
        marks = tuple(norm(m) for m in texts if norm(m))
        if table in found or not marks:
            continue
        lo = max((found[t] + 1 for t in order[:k] if t in found), default=0)
        hi = min((found[t] for t in order[k + 1:] if t in found), default=len(rows))
        for i in range(lo, hi):
            text = row_text(rows[i])
            if len(text) > _MAX_OPENING or "。" in text:
                continue
            if norm(text).startswith(marks):
                found[table] = out[table] = i
                break
    return out
