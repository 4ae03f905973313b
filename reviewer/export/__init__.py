"""Exports of the library: CSV long and wide (UTF-8 with BOM by default), XLSX laid out like the official form,
JSON Lines in the record schema. Verified reports only unless `include_all`. Files are written under a
temporary name and renamed when complete."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reviewer.errors import ValidationError
from reviewer.export.common import (
    Cancel,
    ExportCancelled,
    ExportResult,
    LibrarySource,
    Progress,
    escape_text,
    unescape_text,
    watching,
)

FORMATS = ("csv", "csv-wide", "xlsx", "jsonl")


def export(lib: LibrarySource, path: str | Path, fmt: str, *, include_all: bool = False, bom: bool = True,
           ids: list[int] | None = None, progress: Progress | None = None, cancel: Cancel | None = None,
           **filters: Any) -> ExportResult:
    """Write `lib`'s reports to `path` as `fmt` (csv | csv-wide | xlsx | jsonl).

    `filters`: status, agency, year (as in `Library.list_reports`). `progress(done, total, message)` is called
    as reports are written and `cancel()` polled: a cancelled export raises `ExportCancelled` and writes no
    file."""
    if fmt not in FORMATS:
        raise ValidationError(f"未知的导出格式 {fmt}；可用：" + "、".join(FORMATS))
    with watching(progress, cancel):
        return _export(lib, path, fmt, include_all=include_all, bom=bom, ids=ids, **filters)


def _export(lib: LibrarySource, path: str | Path, fmt: str, *, include_all: bool, bom: bool, ids: list[int] | None,
            **filters: Any) -> ExportResult:
    if fmt == "csv":
        from reviewer.export.csv_long import write_csv_long

        return write_csv_long(lib, path, include_all=include_all, bom=bom, ids=ids, **filters)
    if fmt == "csv-wide":
        from reviewer.export.csv_wide import write_csv_wide

        return write_csv_wide(lib, path, include_all=include_all, bom=bom, ids=ids, **filters)
    if fmt == "xlsx":
        from reviewer.export.xlsx import write_xlsx

        return write_xlsx(lib, path, include_all=include_all, ids=ids, **filters)
    if fmt == "jsonl":
        from reviewer.export.jsonl import write_jsonl

        return write_jsonl(lib, path, include_all=include_all, ids=ids, **filters)
    raise ValidationError(f"未知的导出格式 {fmt}；可用：" + "、".join(FORMATS))


__all__ = ["FORMATS", "ExportCancelled", "ExportResult", "escape_text", "export", "unescape_text"]
