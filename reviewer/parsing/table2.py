"""Table 2 — 主动公开政府信息情况: the national blocks, or a provincial table kept by label path."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from reviewer.formats import Table2Variant, TableDef, load_formats, load_table2_variants
from reviewer.model import Cell, Finding
from reviewer.parsing.align import MATCH
from reviewer.parsing.builder import Builder
from reviewer.parsing.labels import norm, similarity
from reviewer.parsing.rows import DataRow, Region, Value, fit
from reviewer.values import clean, parse_printed

TABLE = "table2"


def detect_variant(region: Region, rows_text: str, tdef: TableDef) -> Table2Variant | None:
    """A provincial table instead of the national one: its marks are printed and no national row is."""
    national = sum(1 for d in region.data if max(similarity(d.label, r.variants) for r in tdef.rows) >= 0.9)
    text = norm(rows_text)
    for v in load_table2_variants():
        if any(norm(mark) in text for mark in v.detect) and national <= 1:
            return v
    return None


@dataclass(frozen=True, slots=True)
class _Header:
    """A header row's columns in order; `foreign`: cells naming a column only another format has (a 2021
    report printing 2019's 本年新制作数量 …); `unknown`: cells naming no column at all."""

    columns: tuple[str, ...]
    foreign: tuple[str, ...] = ()
    unknown: int = 0
    weak: int = 0  # cells naming their column only in part ("本年新" of a header cell cut short)


@cache
def _other_columns(template: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Table-2 columns of the other national formats that this one does not have: (key, variants)."""
    own = {c.key: set(c.variants) for c in load_formats()[template].tables[TABLE].columns}
    out: dict[str, tuple[str, ...]] = {}
    for t, fmt in load_formats().items():
        if t != template and TABLE in fmt.tables:
            for c in fmt.tables[TABLE].columns:
                if not own.get(c.key, set()) & set(c.variants):  # not the same column under the same key
                    out[f"{t}:{c.key}"] = c.variants
    return tuple(out.items())


def foreign_columns(text: str, template: str) -> list[str]:
    """The column labels of another format's table 2 printed in `text` (a header joined to its row in crawler
    text): "本年新制作数量" in a 2021 report."""
    n = norm(text)
    return [variants[0] for _k, variants in _other_columns(template) if any(norm(v) in n for v in variants[:1])]


def named_columns(text: str, tdef: TableDef) -> list[str]:
    """This format's columns a header joined to its row names, in the order printed ("信息内容本年处理决定数量")."""
    n = norm(text)
    found: list[tuple[int, str]] = []
    for c in tdef.columns:
        at = [n.find(norm(v)) for v in c.variants if norm(v) and norm(v) in n]
        if at:
            found.append((min(at), c.key))
    return [k for _at, k in sorted(found)]


def foreign_reason(label: str, foreign: list[str] | tuple[str, ...]) -> str:
    return f"“{label}”一行的列为另一格式的“{'、'.join(foreign)}”，与本格式的列不对应"


_STRONG = 0.9  # a header cell that names its column outright


def _joined_cells(texts: list[str], tdef: TableDef, template: str) -> list[str]:
    """Header cells with a label broken over two or three lines joined back ("本年新" "制作数量"): at each cell
    the join of it and the next ones that names a column best (the longest on a tie)."""
    out: list[str] = []
    i = 0
    while i < len(texts):
        best, take = -1.0, 1
        for j in range(i + 1, min(i + 3, len(texts)) + 1):
            best_own, _key, other = _column_match("".join(texts[i:j]), tdef, template)
            s = max(best_own, other)
            if s >= best:
                best, take = s, j - i
        out.append("".join(texts[i:i + take]))
        i += take
    return out


_MATCHES: dict[tuple[str, int, str], tuple[TableDef, tuple[float, str | None, float]]] = {}


def _column_match(t: str, tdef: TableDef, template: str) -> tuple[float, str | None, float]:
    """How well a header cell's text names this table's best column (its score and key), and the best score of
    a column only the other formats have. Memoised by text: reports print the same few headers again and again
    (the table is kept in the entry, so its id is never another table's)."""
    k = (t, id(tdef), template)
    hit = _MATCHES.get(k)
    if hit is not None and hit[0] is tdef:
        return hit[1]
    best, key = 0.0, None
    for c in tdef.columns:
        s = similarity(t, c.variants)
        if s > best:
            best, key = s, c.key
    other = max((similarity(t, variants) for _k, variants in _other_columns(template)), default=0.0)
    if len(_MATCHES) > 4096:
        _MATCHES.clear()
    _MATCHES[k] = (tdef, (best, key, other))
    return best, key, other


def _header_columns(cells_text: list[str], tdef: TableDef, template: str) -> _Header:
    out: list[str] = []
    foreign: list[str] = []
    unknown = weak = 0
    for t in _joined_cells([t for t in cells_text if norm(t) and not (tdef.header_mark and
                                                                      norm(tdef.header_mark) in norm(t))],
                           tdef, template):
        best, key, other = _column_match(t, tdef, template)
        if other >= MATCH and other > best:
            foreign.append(t)
        elif key is not None and best >= MATCH:
            out.append(key)
            weak += best < _STRONG
        else:
            unknown += 1
    return _Header(tuple(out), tuple(foreign), unknown, weak)


def _merged_copies(d: DataRow, positions: tuple[str, ...]) -> DataRow:
    """The row without the copies of a merged value cell: a converter that writes a merged cell's text in every
    position it covers (the header's merged cell too) prints one value k times under the one column."""
    vals = d.values
    if len(vals) != len(positions) or len(set(positions)) == len(positions):
        return d
    keep = [v for k, v in enumerate(vals)
            if k == 0 or positions[k] != positions[k - 1] or v.blank or clean(v.cell.text) != clean(vals[k - 1].cell.text)]
    return d if len(keep) == len(vals) else replace(d, values=keep)


def _detached_label(label_lines: dict[int, list[Cell]], prev: int, index: int, mark: str | None) -> str:
    """The line of label text right above a data row (after the previous one): a PDF converted to Markdown
    prints a row's label, or the top line of a wrapped label, on a line of its own above its values."""
    lines: list[str] = []
    for i in range(index - 1, prev, -1):
        cells = label_lines.get(i)
        if cells is None:
            continue
        if len(cells) != 1 or (mark and mark in norm(cells[0].text)):
            break  # a header row: the label lines are those below it
        lines.append(cells[0].text)
    return "".join(reversed(lines))


def _sub_row(line: str, label: str, variants: tuple[str, ...]) -> bool:
    """A row printed under a label line that is the form row's whole label, with a label of its own that names no
    part of it: a sub-row (行政检查 under 其他对外管理服务事项), not the tail of a wrapped label (服务事项)."""
    return bool(line and norm(label)) and similarity(line, variants) >= _STRONG and similarity(label, variants) < MATCH


def parse_national(region: Region, tdef: TableDef, b: Builder, template: str) -> None:
    # header rows ("信息内容 | 本年制发件数 | …") set the columns of the rows under them
    mark = norm(tdef.header_mark) if tdef.header_mark else None
    candidates = list(region.label_rows) + [(d.index, d.label_cells) for d in region.data if not d.has_numbers]
    headers: list[tuple[int, _Header]] = []
    ordered = sorted(candidates, key=lambda ir: ir[0])
    data_at = sorted(d.index for d in region.data if d.has_numbers)
    for k, (idx, row) in enumerate(ordered):
        texts = [c.text for c in row if c.text]
        if mark and any(mark in norm(t) for t in texts):
            if len(texts) == 1:  # one cell a line: the header's cells are the label lines after it, up to
                # the row of the next values (its label line is that row's)
                nxt = next((i for i in data_at if i > idx), None)
                after = [r for i, r in ordered[k + 1:] if nxt is None or i < nxt]
                texts += [c.text for r in after if len(r) == 1 for c in r if c.text]
            headers.append((idx, _header_columns(texts, tdef, template)))
    used: set[str] = set()
    label_lines = dict(region.label_rows)
    prev = -1
    for d in region.data:
        if not d.has_numbers and (not d.label or (mark and mark in norm(d.label))):
            prev = d.index
            continue
        line = _detached_label(label_lines, prev, d.index, mark)
        prev = d.index
        best, rdef = 0.0, None
        for r in tdef.rows:
            if r.key in used:
                continue
            s = similarity(d.label, r.variants)
            if s < 0.95 and line:
                s = max(s, 0.95 * similarity(line + d.label, r.variants))
            if s > best:
                best, rdef = s, r
        if rdef is None or best < MATCH:
            b.unplaced(TABLE, d.values, f"无法确定所属行（行标签：“{d.label or '无'}”）")
            continue
        if _sub_row(line, d.label, rdef.variants):
            # the row's own label on a line of its own, then rows of their own labels under it (其他对外管理服务事项
            # over 行政检查, 行政确认): the form's row is not printed, its parts are; none is taken for the whole
            used.add(rdef.key)
            for c in tdef.row_columns(rdef):
                b.put(TABLE, rdef.key, c, None)
            b.unplaced(TABLE, d.values, f"“{rdef.label}”下分列子行“{d.label}”，子行数值未计入该行")
            continue
        used.add(rdef.key)
        cols = list(tdef.row_columns(rdef))
        header = next((h for i, h in reversed(headers) if i < d.index), _Header(()))
        if header.foreign:
            # the block prints another format's columns: its values have no column of this format
            for c in cols:
                b.put(TABLE, rdef.key, c, None)
            b.unplaced(TABLE, d.values, foreign_reason(rdef.label, header.foreign))
            continue
        named = list(dict.fromkeys(header.columns))  # a merged header cell is read in each of its positions
        d = _merged_copies(d, header.columns)
        if named and len(named) == len(cols) and set(named) == set(cols):
            cols = named
        elif (named and not header.unknown and not header.weak and set(named) < set(cols)
              and len(d.numbers) <= len(named)):
            # the header names some of the row's columns (2021's 本年处理决定数量 alone under a 2019 form):
            # the values are theirs, the other columns were not printed
            for c in cols:
                if c not in named:
                    b.put(TABLE, rdef.key, c, None)
            cols = named
        f = fit(d, len(cols), prefer="first")
        for c, v in zip(cols, f.values, strict=True):
            b.put(TABLE, rdef.key, c, v)
        if f.extra:
            b.unplaced(TABLE, f.extra, f"“{rdef.label}”一行的数值多于 {len(cols)} 列")
    for r in tdef.rows:
        if r.key not in used:
            for c in tdef.row_columns(r):
                b.put(TABLE, r.key, c, None)
    _glued_values(region, tdef, b)


_GLUED = re.compile(r"^(?P<label>.*?\D)(?P<digits>[+\-]?\d[\d,.]*(?:万元|元)?)$")


def _glued_values(region: Region, tdef: TableDef, b: Builder) -> None:
    """Digits joined to a row label with no separator ("规章000") in a table read as cells: never dropped, listed
    as unplaced (a form's row label never ends with a number)."""
    rows = [row for _i, row in region.label_rows] + [d.label_cells for d in region.data]
    for row in rows:
        cell = next((c for c in reversed(row) if c.text), None)
        m = _GLUED.match(cell.text) if cell is not None else None
        if cell is None or m is None or max(similarity(m.group("label"), r.variants) for r in tdef.rows) < _STRONG:
            continue
        start = cell.start + m.start("digits")
        digits = Cell(m.group("digits"), start, start + len(m.group("digits")))
        b.unplaced(TABLE, [Value(digits, parse_printed(digits.text))],
                   f"“{m.group('label')}”与其数值连在一起印出，未能拆分为单元格")


def _path(d: DataRow, prev: list[str]) -> list[str]:
    """The label path of a row; leading empty cells are merged cells that repeat the row above."""
    cells = [c.text for c in d.label_cells]
    first = next((k for k, t in enumerate(cells) if t), len(cells))
    path = prev[:first] + [t for t in cells[first:] if t]
    return [p.strip() for p in path if p.strip()]


def variant_columns(region: Region, variant: Table2Variant) -> list[str]:
    """The variant's columns in the order its header prints them (when a header row names every one of them),
    else in the order of its file."""
    default = [c.key for c in variant.columns]
    if len(default) == 1:
        return default
    first_data = next((d.index for d in region.data if d.has_numbers), None)
    rows = [cells for idx, cells in region.label_rows if first_data is None or idx < first_data]
    rows += [d.label_cells for d in region.data if not d.has_numbers and (first_data is None or d.index < first_data)]
    for cells in rows:
        order: list[str] = []
        for cell in cells:
            best, key = 0.0, None
            for c in variant.columns:
                s = similarity(cell.text, c.variants) if norm(cell.text) else 0.0
                if s > best:
                    best, key = s, c.key
            if key is not None and best >= MATCH and key not in order:
                order.append(key)
        if sorted(order) == sorted(default):
            return order
    return default


def parse_variant(region: Region, variant: Table2Variant, b: Builder) -> None:
    """Every row by its label path, each of its values in the variant's columns (none dropped: a value beyond
    them is reported as unplaced)."""
    b.record.table2_variant = variant.id
    cols = variant_columns(region, variant)
    prev: list[str] = []
    seen: set[str] = set()
    marks = tuple(norm(m) for m in variant.detect)
    for d in region.data:
        if not d.has_numbers and any(m in norm(d.label) for m in marks):
            continue  # the header row
        path = _path(d, prev)
        if not path:
            b.unplaced(TABLE, d.values, "无行标签")
            continue
        prev = path
        total = any(norm(path[-1]) == norm(t) for t in variant.total_variants)
        key = variant.total_row if total else "/".join(path)
        if key in seen:
            key = f"{key}#{sum(1 for s in seen if s.split('#')[0] == key) + 1}"
        seen.add(key)
        f = fit(d, len(cols), prefer="first")
        for col, v in zip(cols, f.values, strict=True):
            b.put(TABLE, key, col, v)
        if f.extra:
            b.unplaced(TABLE, f.extra, f"“{key}”一行的数值多于 {len(cols)} 列")
    if variant.total_row not in b.record.tables.get(TABLE, {}):
        for col in cols:
            b.put(TABLE, variant.total_row, col, None)
        b.note(Finding(rule="T2-TOTAL", severity="info", cells=[], name="no total row",
                       message=f"表二（{variant.name}）未印出{variant.total_row}行",
                       message_id="variant_no_total", params={"variant": variant.id}))
