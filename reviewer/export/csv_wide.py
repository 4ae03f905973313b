"""CSV wide: one row per report, one column per cell id (for statistics tools)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from reviewer.export.common import (
    ExportResult,
    LibrarySource,
    atomic_file,
    escape_text,
    iter_cells,
    open_reader,
    select_reports,
)
from reviewer.export.problems import CellDefect, cell_defects
from reviewer.formats import load_formats
from reviewer.store.backend import Db

FIXED = ["report_id", "agency", "year", "format", "status", "status_label", "region", "source_name"]
TABLE_ORDER = {"table2": 0, "table3": 1, "table4": 2}
# After the cells: how many cells a confirmed source defect names, and `cell=should-be` for those given.
DEFECT_COLUMNS = ["source_defect_cells", "should_be"]


def _defect_fields(marked: dict[str, CellDefect]) -> list[object]:
    should = " ".join(f"{cid}={'' if d.should_be is None else d.should_be}" for cid, d in marked.items()
                      if d.has_should_be)
    return [len(marked), should]


def _known_order() -> dict[str, int]:
    """Cells of the national formats in form order (2021 first, then what only 2019 has)."""
    order: dict[str, int] = {}
    for template in sorted(load_formats(), reverse=True):
        for tid, tdef in load_formats()[template].tables.items():
            for row in tdef.rows:
                for col in tdef.row_columns(row):
                    order.setdefault(f"{tid}:{row.key}:{col}", len(order))
    return order


def columns_for(conn: Db, ids: list[int]) -> list[str]:
    """Every cell id among the reports, national cells in form order, others (provincial rows) after them."""
    known = _known_order()
    rows = conn.execute(
        f"SELECT c.cell, min(c.ord) FROM {conn.each_int} AS j JOIN cells AS c ON c.report_id = j.value GROUP BY c.cell",
        (json.dumps(ids),)).fetchall()

    def key(item: tuple[str, int]) -> tuple[int, int, int]:
        cid, ord_ = item
        t = TABLE_ORDER.get(cid.split(":", 1)[0], 3)
        return (t, 0, known[cid]) if cid in known else (t, 1, ord_)

    return [cid for cid, _o in sorted(rows, key=key)]


def write_csv_wide(lib: LibrarySource, path: str | Path, *, include_all: bool = False, bom: bool = True,
                   ids: list[int] | None = None, **filters: object) -> ExportResult:
    conn = open_reader(lib)
    try:
        reports = select_reports(conn, include_all=include_all, ids=ids, **filters)  # type: ignore[arg-type]
        by_id = {r.id: r for r in reports}
        cols = columns_for(conn, list(by_id))
        index = {cid: i for i, cid in enumerate(cols)}
        with atomic_file(path, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as f:
            w = csv.writer(f)
            w.writerow(FIXED + [escape_text(c) for c in cols] + DEFECT_COLUMNS)
            defects = cell_defects(conn, list(by_id))
            for rid, cells in iter_cells(conn, list(by_id)):
                r = by_id[rid]
                values: list[object] = [None] * len(cols)
                for cid, v, _p, _o in cells:
                    values[index[cid]] = v
                w.writerow([rid, escape_text(r.agency or ""), r.year, r.template or "", r.status, r.status_label,
                            escape_text(r.region or ""), escape_text(r.source_name), *values, *_defect_fields(
                                defects.get(rid, {}))])
    finally:
        conn.close()
    return ExportResult(Path(path), "csv-wide", len(reports), len(reports))
