"""JSON Lines: one record per line in the record schema (current values, provenance, findings — a finding
confirmed as a source defect carries its `resolution`), plus a `library` key with the report's id, status and
review (edited cells and their parsed values, `source_defects`, `should_be`)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from reviewer.export.common import (
    EXPORT_VERSION,
    ExportResult,
    LibrarySource,
    atomic_file,
    open_reader,
    select_reports,
    tick,
)
from reviewer.model import ORIGIN_EDITED, Finding, finding_key, number_findings
from reviewer.store import records


def _portable_source(source: dict, name: str) -> dict:
    """The source as an export shows it: the file's name and content hash, never a local absolute path."""
    out = {k: v for k, v in source.items() if k != "path"}
    return {"path": name, **out}


def _defects(findings: list[Finding]) -> list[dict[str, Any]]:
    """The findings confirmed as source defects, numbered as `reviewer show` numbers them (E1, W2 …)."""
    return [{"number": n, "key": finding_key(f), "rule": f.rule, "severity": f.severity, "cells": f.cells,
             "message": f.message, **(f.resolution or {})}
            for n, f in number_findings(findings) if f.resolution is not None]


def write_jsonl(lib: LibrarySource, path: str | Path, *, include_all: bool = False, ids: list[int] | None = None,
                **filters: object) -> ExportResult:
    conn = open_reader(lib)
    try:
        reports = select_reports(conn, include_all=include_all, ids=ids, **filters)  # type: ignore[arg-type]
        with atomic_file(path, "w", encoding="utf-8", newline="\n") as f:
            for i, r in enumerate(reports):
                tick(i, len(reports))
                loaded = records.read(conn, r.id, with_text=False)
                d = loaded.record.to_json()
                d["source"] = _portable_source(d.get("source") or {}, r.source_name)
                d["library"] = {
                    "export_version": EXPORT_VERSION, "id": r.id, "status": r.status, "version": r.version, "reviewer": r.reviewer,
                    "verified_at": r.verified_at, "source_name": r.source_name,
                    "edited": [cid for cid, o in loaded.origins.items() if o == ORIGIN_EDITED],
                    "parsed": {cid: v for cid, v in loaded.parsed.items()
                               if loaded.origins.get(cid) == ORIGIN_EDITED},
                    "source_defects": _defects(loaded.record.findings),
                    "should_be": {cid: v for f in loaded.record.findings if f.resolution is not None
                                  for cid, v in (f.resolution.get("should_be") or {}).items()},
                }
                f.write(json.dumps(d, ensure_ascii=False, allow_nan=False) + "\n")
            tick(len(reports), len(reports))
    finally:
        conn.close()
    return ExportResult(Path(path), "jsonl", len(reports), len(reports))
