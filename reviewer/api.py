"""The core's entry points: a file or bytes -> a checked `Record`."""

from __future__ import annotations

import hashlib
from pathlib import Path

from reviewer.model import Document, Record
from reviewer.reading import read_bytes

PARSER_VERSION = "1.9"  # bump on any change of parsing or rules: stored findings are re-checked


def parse_document(doc: Document, source: dict | None = None, template: str | None = None) -> Record:
    """Parse a read document into a record and check it (findings filled in).

    `template` forces the national format ("2019" or "2021") instead of detecting it.
    """
    from reviewer.parsing import parse
    from reviewer.parsing.confidence import confidence_notes
    from reviewer.parsing.published import published_date

    record = parse(doc, template)
    from reviewer.parsing.multiple import refuse_several

    refuse_several(doc, record.template, Path(str((source or {}).get("path") or "文件")).name)
    if doc.boxes:
        record.page_boxes = list(doc.boxes)
        record.parse_notes.extend(confidence_notes(record))
    record.source = dict(source or {})
    record.source.setdefault("format", doc.source_format)
    published = published_date(doc.text)
    if published:
        record.source["published"] = published
    if doc.encoding:
        record.source.setdefault("encoding", doc.encoding)
    record.parser_version = PARSER_VERSION
    refresh_findings(record)
    return record


def source_of(doc: Document, data: bytes, path: str) -> dict:
    """The record's `source`: where the report came from, its content hash and its input format."""
    return {"path": path, "sha256": hashlib.sha256(data).hexdigest(), "format": doc.source_format}


def parse_bytes(data: bytes, name: str, path: str | None = None, template: str | None = None) -> Record:
    """Read and parse a report from its bytes. Raises `ReadError` with a one-line reason."""
    doc = read_bytes(data, name)
    return parse_document(doc, source_of(doc, data, path or name), template)


def parse_file(path: str | Path) -> Record:
    from reviewer.reading import read_document

    doc, data = read_document(path)
    return parse_document(doc, source_of(doc, data, str(path)))


def refresh_findings(record: Record, previous: Record | None = None) -> Record:
    """Re-check the current values: findings = notes from reading + every rule that fails now.

    Cheap enough to call on every edit (the rules touch a few hundred cells).
    """
    from reviewer.model import assign_keys
    from reviewer.parsing.money_units import answered as unit_answered
    from reviewer.rules import check
    from reviewer.rules.answered import answer_notes
    from reviewer.rules.cells import missing_tables

    missing = missing_tables(record)  # a table not found, then captured by the reviewer, is no longer missing
    notes = [f for f in record.parse_notes if f.rule != "MISSING" or f.params.get("table") in missing]
    notes = [f for f in notes if not unit_answered(record, f)]  # an amount of unstated unit the reviewer set
    notes = answer_notes(record, notes)  # a split the reviewer chose, unplaced values they captured: answered
    record.findings = assign_keys(notes + check(record, previous))
    return record
