"""Rules on single cells: R6 (kinds of values) and blank cells."""

from __future__ import annotations

from reviewer.formats import TABLE_SHORT, CellLabel, cell_label, column_kind, table2_variant
from reviewer.model import ORIGIN_EDITED, Finding, Number, Record, split_cell_id
from reviewer.values import OUT_OF_RANGE, parse_printed


def _labels(record: Record, table: str, row: str, col: str | None = None) -> CellLabel:
    variant = record.table2_variant if table == "table2" else None
    return cell_label(record.template, variant, table, row, col)


def _label(record: Record, table: str, row: str, col: str) -> str:
    """A cell in a message: "（四）无法提供 1.本机关不掌握相关政府信息·总计"."""
    return _labels(record, table, row, col).text


def value_findings(record: Record, values: dict[str, Number | None]) -> list[Finding]:
    """R6: counts are non-negative integers; 本年增/减 is a signed integer; money may have decimals."""
    out: list[Finding] = []
    for cid, v in values.items():
        if v is None:
            continue
        table, row, col = split_cell_id(cid)
        kind = column_kind(record.template, table, col, record.table2_variant if table == "table2" else None)
        problem = None
        if kind == "count":
            if v < 0:
                problem = "为负数，计数不能为负"
            elif not float(v).is_integer():
                problem = "带小数，计数应为整数"
        elif kind == "signed" and not float(v).is_integer():
            problem = "带小数，增减数应为整数"
        elif kind == "money" and v < 0:
            problem = "为负数，金额不能为负"
        if problem:
            out.append(Finding(rule="R6", severity="error", cells=[cid], name="value kind",
                               message=f"{TABLE_SHORT[table]}“{_label(record, table, row, col)}” {v} {problem}",
                               message_id="value_kind", params={"cell": cid, "value": v, "kind": kind}))
    return out


def malformed_findings(record: Record, values: dict[str, Number | None]) -> list[Finding]:
    """A printed value that is not a number ("--253"): an error until the reviewer enters the value."""
    out = []
    for cid, src in record.provenance.items():
        if src.origin == ORIGIN_EDITED or values.get(cid) is not None or not src.text:
            continue
        printed = parse_printed(src.text)
        if printed.out_of_range:
            table, row, col = split_cell_id(cid)
            out.append(Finding(rule="R6", severity="error", cells=[cid], name="out of range",
                               message=f"{TABLE_SHORT[table]}“{_label(record, table, row, col)}”印为"
                                       f"“{src.text[:40]}”，{OUT_OF_RANGE}，未作为数值读入",
                               message_id="out_of_range", params={"cell": cid, "printed": src.text}))
        elif printed.kind == "bad":
            table, row, col = split_cell_id(cid)
            out.append(Finding(rule="R6", severity="error", cells=[cid], name="not a number",
                               message=f"{TABLE_SHORT[table]}“{_label(record, table, row, col)}”印为“{src.text}”，不是有效数字",
                               message_id="not_a_number", params={"cell": cid, "printed": src.text}))
    return out


def _printed_bad(record: Record, cid: str) -> bool:
    src = record.provenance.get(cid)
    return src is not None and parse_printed(src.text).kind == "bad"


def missing_tables(record: Record) -> set[str]:
    """Tables the parser did not find (its MISSING notes) and the reviewer has not captured since: none of
    their cells holds a value. A table captured by edits is checked like any other."""
    noted = {str(f.params.get("table")) for f in record.parse_notes if f.rule == "MISSING"}
    return {t for t in noted if all(v is None for cols in record.tables.get(t, {}).values() for v in cols.values())}


def blank_findings(record: Record, values: dict[str, Number | None]) -> list[Finding]:
    """A blank is not a 0. A column left blank down many rows (Shanghai leaves the 总计 of detail rows empty)
    is one warning; other blanks one warning per row. A missing table is reported once, elsewhere."""
    missing = missing_tables(record)
    variant = table2_variant(record.table2_variant or "")
    skip_total = {f"table2:{variant.total_row}:{c.key}" for c in variant.columns} if variant else set()
    blanks: list[tuple[str, str, str, str]] = []
    for cid, v in values.items():
        if v is not None or cid in skip_total or _printed_bad(record, cid):
            continue  # a malformed number is reported by malformed_findings
        table, row, col = split_cell_id(cid)
        if table not in missing:
            blanks.append((cid, table, row, col))
    by_col: dict[tuple[str, str], list[str]] = {}
    for cid, table, _row, col in blanks:
        by_col.setdefault((table, col), []).append(cid)
    wide = {key for key, cells in by_col.items() if len(cells) >= BLANK_COLUMN_MIN}
    out = []
    for (table, col), cells in by_col.items():
        if (table, col) in wide:
            label = _labels(record, table, split_cell_id(cells[0])[1], col).column_label
            out.append(Finding(rule="BLANK", severity="warning", cells=cells, name="blank cell",
                               message=f"{TABLE_SHORT[table]}“{label}”列有 {len(cells)} 个单元格为空（空白不等于 0，请核实）",
                               message_id="blank_column", params={"table": table, "column": col, "count": len(cells)}))
    by_row: dict[tuple[str, str], list[str]] = {}
    for cid, table, row, col in blanks:
        if (table, col) not in wide:
            by_row.setdefault((table, row), []).append(cid)
    for (table, row), cells in by_row.items():
        label = _labels(record, table, row).row
        out.append(Finding(rule="BLANK", severity="warning", cells=cells, name="blank cell",
                           message=f"{TABLE_SHORT[table]}“{label}”一行有 {len(cells)} 个单元格为空（空白不等于 0，请核实）",
                           message_id="blank_cells", params={"table": table, "row": row, "count": len(cells)}))
    return out


BLANK_COLUMN_MIN = 4  # this many blanks down one column make one finding for the column
