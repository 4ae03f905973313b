"""A `Record` to rows of the library and back."""

from __future__ import annotations

import json
import math
from typing import Any

from reviewer.errors import ValidationError
from reviewer.model import ORIGIN_EDITED, CellSource, Finding, PageBox, Record, Unplaced
from reviewer.store.backend import Db
from reviewer.store.types import (
    Conflict,
    NotFoundError,
    ReportSummary,
    Value,
)
from reviewer.store.versions import COUNTING_COLUMN, VERSIONS_COLUMN

SUMMARY_COLUMNS = ("id, agency, year, region, template, status, errors, warnings, version, source_name, "
                   f"updated_at, version_of, reviewer, defects, retired_at, {VERSIONS_COLUMN}, {COUNTING_COLUMN}")


def same(a: Value, b: Value) -> bool:
    """Equal values of the same nature: 3 and 3.0 differ (an amount keeps its decimals); None only equals None."""
    if a is None or b is None:
        return a is None and b is None
    return type(a) is type(b) and a == b


def check_value(cid: str, v: Any) -> Value:
    """A value the store accepts: int, float (finite) or None. Text is read as a reviewer's input."""
    if isinstance(v, str):
        from reviewer.values import parse_user_value

        return parse_user_value(v)
    from reviewer.values import MAX_MAGNITUDE, OUT_OF_RANGE, in_range

    if isinstance(v, int | float) and not isinstance(v, bool) and not in_range(v):
        raise ValidationError(f"{cid}: 值 {str(v)[:40]} {OUT_OF_RANGE}（绝对值不能超过 {MAX_MAGNITUDE}）")
    if v is None or (isinstance(v, int) and not isinstance(v, bool)):
        return v
    if isinstance(v, float) and math.isfinite(v):
        return v
    raise ValidationError(f"{cid}: 值 {v!r} 不是数字（应为整数、小数或空）")


def cell_rows(record: Record) -> list[tuple[Any, ...]]:
    """(cell, ord, parsed, printed, parsed_origin, span_start, span_end) for every cell of the record."""
    out: list[tuple[Any, ...]] = []
    prov = record.provenance
    for table, rows in record.tables.items():
        for row, cols in rows.items():
            for col, v in cols.items():
                cid = f"{table}:{row}:{col}"
                src = prov.get(cid)
                if src is None:
                    out.append((cid, len(out), v, None, "parsed", None, None))
                else:
                    span = src.span
                    out.append((cid, len(out), v, src.text, src.origin, span[0] if span else None,
                                span[1] if span else None))
    return out


def extra_json(record: Record) -> str:
    return json.dumps({
        "source": record.source,
        "narrative": record.narrative,
        "period": record.period,
        "unplaced": [u.to_json() for u in record.unplaced],
        "parse_notes": [f.to_json() for f in record.parse_notes],
        **({"page_boxes": [b.to_json() for b in record.page_boxes]} if record.page_boxes else {}),
    }, ensure_ascii=False)


def findings_rows(report_id: int, findings: list[Finding]) -> list[tuple[Any, ...]]:
    from reviewer.model import finding_key

    return [(report_id, i, f.rule, f.severity, finding_key(f), json.dumps(f.to_json(), ensure_ascii=False))
            for i, f in enumerate(findings)]


def counts(findings: list[Finding]) -> tuple[int, int]:
    """Open errors and warnings: a finding confirmed as a source defect is resolved and counted apart."""
    return (sum(1 for f in findings if f.severity == "error" and not f.confirmed),
            sum(1 for f in findings if f.severity == "warning" and not f.confirmed))


def summary(conn: Db, report_id: int) -> ReportSummary:
    row = conn.execute(f"SELECT {SUMMARY_COLUMNS} FROM reports WHERE id = ?", (report_id,)).fetchone()
    if row is None:
        raise NotFoundError(f"资料库中没有编号为 {report_id} 的报告")
    return ReportSummary._make(row)


def conflicts(conn: Db, report_id: int, *, unresolved: bool = True) -> list[Conflict]:
    sql = ("SELECT id, cell, replaced, parsed, edited, missing, at, resolved_at, resolution FROM conflicts "
           "WHERE report_id = ?" + (" AND resolved_at IS NULL" if unresolved else "") + " ORDER BY id")
    return [Conflict(i, c, r, p, e, bool(m), at, ra, res)
            for i, c, r, p, e, m, at, ra, res in conn.execute(sql, (report_id,))]


def stored_findings(conn: Db, report_id: int) -> list[Finding]:
    return [Finding.from_json(json.loads(j)) for (j,) in
            conn.execute("SELECT json FROM findings WHERE report_id = ? ORDER BY seq", (report_id,))]


class Loaded:
    """A report read back: the record with current values and what the store knows beside it."""

    __slots__ = ("summary", "record", "origins", "parsed", "conflicts", "agency_key", "checked_with")

    def __init__(self, summary: ReportSummary, record: Record, origins: dict[str, str], parsed: dict[str, Value],
                 conflicts: list[Conflict], agency_key: str | None, checked_with: str) -> None:
        self.summary = summary
        self.record = record
        self.origins = origins
        self.parsed = parsed
        self.conflicts = conflicts
        self.agency_key = agency_key
        self.checked_with = checked_with


def read(conn: Db, report_id: int, *, with_text: bool = True, findings: bool = True) -> Loaded:
    """The report's record with its current values. Its `parse_notes` include unresolved re-parse conflicts."""
    s = summary(conn, report_id)
    meta = conn.execute("SELECT source_path, source_format, table2_variant, parser_version, agency_key, "
                        "checked_with, sha256 FROM reports WHERE id = ?", (report_id,)).fetchone()
    source_path, source_format, variant, parser_version, akey, checked_with, sha = meta
    sql = "SELECT text, extra FROM documents WHERE report_id = ?" if with_text else \
        "SELECT '', extra FROM documents WHERE report_id = ?"
    doc = conn.execute(sql, (report_id,)).fetchone()
    text, extra_s = doc if doc is not None else ("", "{}")
    extra = json.loads(extra_s)
    tables: dict[str, dict[str, dict[str, Value]]] = {}
    provenance: dict[str, CellSource] = {}
    origins: dict[str, str] = {}
    parsed: dict[str, Value] = {}
    for cid, p, v, printed, origin, s0, s1 in conn.execute(
            "SELECT cell, parsed, value, printed, origin, span_start, span_end FROM cells "
            "WHERE report_id = ? ORDER BY ord", (report_id,)):
        table, rest = cid.split(":", 1)
        row, col = rest.rsplit(":", 1)
        tables.setdefault(table, {}).setdefault(row, {})[col] = v
        provenance[cid] = CellSource(printed or "", (s0, s1) if s0 is not None else None, origin)
        origins[cid] = origin
        parsed[cid] = p
    from reviewer.store.spans import captured_spans

    for cid, span in captured_spans(conn, report_id).items():  # values a reviewer read from the text
        if cid in provenance:
            provenance[cid] = CellSource(provenance[cid].text, span, provenance[cid].origin)
    open_conflicts = conflicts(conn, report_id)
    notes = [Finding.from_json(f) for f in extra.get("parse_notes", [])] + [c.finding() for c in open_conflicts]
    source = dict(extra.get("source", {}))
    source.setdefault("path", source_path or s.source_name)
    source.setdefault("sha256", sha)
    if source_format:
        source.setdefault("format", source_format)
    record = Record(
        source=source, agency=s.agency, year=s.year, template=s.template, table2_variant=variant, region=s.region,
        tables=tables, provenance=provenance, narrative=dict(extra.get("narrative", {})),
        period=extra.get("period"),
        unplaced=[Unplaced(u["table"], u["text"], tuple(u["span"]) if u.get("span") else None, u["reason"])
                  for u in extra.get("unplaced", [])],
        parse_notes=notes, text=text, parser_version=parser_version,
        page_boxes=[PageBox.from_json(b) for b in extra.get("page_boxes", [])],
    )
    if findings:
        record.findings = stored_findings(conn, report_id)
    return Loaded(s, record, origins, parsed, open_conflicts, akey, checked_with)


def origin_after(value: Value, parsed: Value, parsed_origin: str) -> str:
    """An edited cell whose value is back to the parsed one is no longer 'edited' (an undo clears the mark)."""
    return parsed_origin if same(value, parsed) else ORIGIN_EDITED
