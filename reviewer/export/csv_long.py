"""CSV long: one row per cell, with the report, the keys and the Chinese labels (for pivot tables)."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

from reviewer.export.common import (
    ExportResult,
    LibrarySource,
    atomic_file,
    audit_positions,
    escape_text,
    iter_cells,
    labels,
    open_reader,
    select_reports,
)
from reviewer.export.problems import cell_defects
from reviewer.model import ORIGIN_EDITED

# value: as reviewed (the reviewer's reading); parsed_value: as printed, read from the source (never changed);
# printed_text: the cell's text in the source; source_defect: 1 when a finding naming the cell was confirmed as a
# defect of the source (源文件错误), with the should-be value (应为) when given and the reason.
HEADER = ["report_id", "agency", "year", "format", "status", "status_label", "table", "row", "column", "row_group",
          "row_label", "column_group", "column_label", "value", "parsed_value", "edited", "origin", "printed_text",
          "source_defect", "should_be", "defect_reason",
          "report_version", "audit_seq"]  # the last two let `reviewer import-edits` find what changed since


def _csv_line(fields: Sequence[object]) -> str:
    """One CSV line of text fields, quoted as the csv module quotes them (without the line end)."""
    buf = io.StringIO()
    csv.writer(buf, lineterminator="").writerow(fields)
    return buf.getvalue()


def _text_field(text: str | None) -> str:
    """A text as one CSV field: most printed texts are plain digits and need no quoting (2 million rows)."""
    t = escape_text(text or "")
    return t if not any(ch in t for ch in ',"\r\n') else _csv_line([t])


def _num(v: object) -> str:
    return "" if v is None else str(v)


def write_csv_long(lib: LibrarySource, path: str | Path, *, include_all: bool = False, bom: bool = True,
                   ids: list[int] | None = None, **filters: object) -> ExportResult:
    """Lines are assembled from pre-quoted pieces (the report's and each cell's labels are quoted once), which
    is what makes 2 million rows take seconds."""
    conn = open_reader(lib)
    n_rows = 0
    try:
        reports = select_reports(conn, include_all=include_all, ids=ids, **filters)  # type: ignore[arg-type]
        by_id = {r.id: r for r in reports}
        seqs = audit_positions(conn, list(by_id))
        label_cache: dict[tuple[str | None, str | None, str], str] = {}
        text_cache: dict[str | None, str] = {}  # printed texts repeat (digits): each quoted once
        with atomic_file(path, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as f:
            f.write(_csv_line(HEADER) + "\r\n")
            defects = cell_defects(conn, list(by_id))
            for rid, cells in iter_cells(conn, list(by_id), printed=True):
                r = by_id[rid]
                marked = defects.get(rid, {})
                ends = f",{r.version},{seqs[rid]}\r\n"
                head = _csv_line([rid, escape_text(r.agency or ""), _num(r.year), r.template or "", r.status,
                                  r.status_label]) + ","
                lines = []
                for cid, v, p, origin, text in cells:
                    key = (r.template, r.variant, cid)
                    lab = label_cache.get(key)
                    if lab is None:
                        table, rest = cid.split(":", 1)
                        row, col = rest.rsplit(":", 1)
                        cl = labels(r.template, r.variant if table == "table2" else None, cid)
                        lab = label_cache[key] = _csv_line([escape_text(x) for x in (
                            table, row, col, cl.row_group, cl.row_label, cl.column_group, cl.column_label)]) + ","
                    d = marked.get(cid)
                    tail = "0,," if d is None else _csv_line(
                        [1, _num(d.should_be) if d.has_should_be else "", escape_text(d.reason)])
                    lines.append(f"{head}{lab}{_num(v)},{_num(p)},{1 if origin == ORIGIN_EDITED else 0},{origin},"
                                 f"{text_cache.get(text) or text_cache.setdefault(text, _text_field(text))},{tail}{ends}")
                f.write("".join(lines))
                n_rows += len(lines)
    finally:
        conn.close()
    return ExportResult(Path(path), "csv", len(reports), n_rows)
