"""Writing read values into a record, with their provenance and the notes of reading."""

from __future__ import annotations

from reviewer.formats import column_kind, label_of
from reviewer.model import ORIGIN_PARSED, CellSource, Finding, Record, Unplaced, cell_id
from reviewer.parsing.rows import Value
from reviewer.values import to_wan_yuan


class Builder:
    def __init__(self, record: Record) -> None:
        self.record = record

    def put(self, table: str, row: str, col: str, value: Value | None, origin: str = ORIGIN_PARSED) -> None:
        rec = self.record
        cid = cell_id(table, row, col)
        cells = rec.tables.setdefault(table, {}).setdefault(row, {})
        if value is None:
            cells[col] = None
            rec.provenance[cid] = CellSource("", None, origin)
            return
        p = value.parsed
        cell = value.cell
        span = (cell.start, cell.end)
        v = p.value if p.kind == "number" else None
        if v is not None:
            kind = column_kind(rec.template, table, col, rec.table2_variant if table == "table2" else None)
            if kind == "money":
                v, converted = to_wan_yuan(v, p.unit)
                if converted:
                    rec.parse_notes.append(Finding(
                        rule="UNIT", severity="info", cells=[cid], name="unit converted",
                        message=f"{label_of(rec.template, table, row, col, rec.table2_variant)}：印为“{cell.text}”，已按万元记为 {v}",
                        message_id="unit_converted", params={"cell": cid, "printed": cell.text, "value": v}))
        cells[col] = v
        rec.provenance[cid] = CellSource(cell.text, span, origin)

    def unplaced(self, table: str, values: list[Value], reason: str) -> None:
        for v in values:
            if v.parsed.kind in ("number", "null", "bad"):
                self.record.unplaced.append(Unplaced(table, v.cell.text, (v.cell.start, v.cell.end), reason))

    def note(self, finding: Finding) -> None:
        self.record.parse_notes.append(finding)
