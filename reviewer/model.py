"""Plain data of the core: a read document, a parsed record and its findings.

The JSON shape of `Record.to_json()` is the contract in ../shared/spec/record-schema.md; the extra keys
(`narrative`, `provenance`, `unplaced`, `region`, `parser_version`) add to it and never change it.
"""

from __future__ import annotations

import bisect
import json
from dataclasses import dataclass, field
from typing import Any

Number = int | float
Tables = dict[str, dict[str, dict[str, Number | None]]]

# Cell origins, as stored and shown.
ORIGIN_PARSED = "parsed"
ORIGIN_POSITION = "position"  # placed by position because its row label was lost
ORIGIN_EDITED = "edited"

SEVERITIES = ("error", "warning", "info")


def cell_id(table: str, row: str, col: str) -> str:
    return f"{table}:{row}:{col}"


def split_cell_id(cid: str) -> tuple[str, str, str]:
    """`table3:unable.not_held:total` -> ('table3', 'unable.not_held', 'total').

    Row keys may contain dots and, for provincial tables, slashes, never colons.
    """
    table, rest = cid.split(":", 1)
    row, col = rest.rsplit(":", 1)
    return table, row, col


@dataclass(frozen=True, slots=True)
class Cell:
    """One cell (or one prose line) as read: its text and its character span in `Document.text`."""

    text: str
    start: int
    end: int


LOW_OCR_CONFIDENCE = 0.85  # a value read by OCR with less confidence is a warning to check against the image


@dataclass(frozen=True, slots=True)
class PageBox:
    """Where a piece of the text stands on a page image (OCR): the page (from 1), its box in points from the
    page's top left, the span of `Document.text` it was read into, and the recogniser's confidence (0–1)."""

    page: int
    box: tuple[float, float, float, float]
    span: tuple[int, int]
    confidence: float

    def to_json(self) -> dict[str, Any]:
        return {"page": self.page, "box": list(self.box), "span": list(self.span), "confidence": self.confidence}

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> PageBox:
        x0, y0, x1, y1 = d["box"]
        s0, s1 = d["span"]
        return cls(int(d["page"]), (x0, y0, x1, y1), (s0, s1), float(d["confidence"]))


@dataclass(slots=True)
class Document:
    """What every reader yields: the text the reviewer sees and its rows of cells, in reading order.

    A paragraph of prose is a row of one cell; a table row is a row of several cells. Blank table cells
    are kept as cells with empty text (their span is an empty range at their place).
    """

    text: str
    rows: list[list[Cell]]
    source_format: str  # txt | md | html | docx | doc | wps | rtf | pdf | image
    encoding: str | None = None
    notes: list[str] = field(default_factory=list)  # e.g. "undecodable bytes replaced"
    boxes: list[PageBox] = field(default_factory=list)  # OCR: where the text stands on the page images


def join_documents(parts: list[Document], source_format: str, notes: list[str]) -> Document:
    """One document of several read apart (text-layer pages and OCR'd pages, prose and tables): texts joined by
    a newline, every span moved to where its part now starts."""
    texts: list[str] = []
    rows: list[list[Cell]] = []
    boxes: list[PageBox] = []
    notes = list(notes)
    offset = 0
    for part in parts:
        texts.append(part.text)
        rows += [[Cell(c.text, c.start + offset, c.end + offset) for c in row] for row in part.rows]
        boxes += [PageBox(b.page, b.box, (b.span[0] + offset, b.span[1] + offset), b.confidence) for b in part.boxes]
        notes += [n for n in part.notes if n not in notes]
        offset += len(part.text) + 1
    return Document(text="\n".join(texts), rows=rows, source_format=source_format, notes=notes, boxes=boxes)


@dataclass(slots=True)
class CellSource:
    """Where a cell's value came from."""

    text: str  # as printed ('' when the cell was blank)
    span: tuple[int, int] | None
    origin: str = ORIGIN_PARSED

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "span": list(self.span) if self.span else None, "origin": self.origin}

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> CellSource:
        span = d.get("span")
        return cls(d.get("text", ""), tuple(span) if span else None, d.get("origin", ORIGIN_PARSED))


@dataclass(slots=True)
class Finding:
    """A failed rule. `message` is rendered Chinese; `message_id` + `params` let a UI render it anew."""

    rule: str
    severity: str
    cells: list[str]
    message: str
    message_id: str = ""
    params: dict[str, Any] = field(default_factory=dict)
    suggestion: dict[str, Any] | None = None  # {"cell": id, "value": number}
    name: str = ""  # short English name of the rule, e.g. "row total"
    key: str = ""  # unique within the report's findings (`assign_keys`); empty: `finding_key` computes it
    # How a reviewer resolved it, set by the store: {"kind": "source_defect", "reason", "should_be": {cell: value},
    # "reviewer", "at"} when confirmed as a defect of the source (源文件错误). None: open.
    resolution: dict[str, Any] | None = None

    @property
    def confirmed(self) -> bool:
        """Confirmed as a source defect: it no longer blocks verification and stays a documented problem."""
        return self.resolution is not None

    def to_json(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "rule": self.rule,
            "name": self.name,
            "severity": self.severity,
            "cells": list(self.cells),
            "message": self.message,
            "message_id": self.message_id,
            "params": self.params,
        }
        if self.suggestion is not None:
            d["suggestion"] = self.suggestion
        if self.key:
            d["key"] = self.key
        if self.resolution is not None:
            d["resolution"] = self.resolution
        return d

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Finding:
        return cls(
            rule=d["rule"],
            severity=d["severity"],
            cells=list(d.get("cells", [])),
            message=d.get("message", ""),
            message_id=d.get("message_id", ""),
            params=dict(d.get("params", {})),
            suggestion=d.get("suggestion"),
            name=d.get("name", ""),
            key=d.get("key", ""),
            resolution=d.get("resolution"),
        )


@dataclass(slots=True)
class Unplaced:
    """A value read inside a table region that could not be given a cell. Never dropped."""

    table: str
    text: str
    span: tuple[int, int] | None
    reason: str

    def to_json(self) -> dict[str, Any]:
        return {"table": self.table, "text": self.text, "span": list(self.span) if self.span else None,
                "reason": self.reason}


@dataclass(slots=True)
class Record:
    source: dict[str, Any]
    agency: str | None = None
    year: int | None = None
    template: str | None = None  # "2019" | "2021"
    table2_variant: str | None = None
    region: str | None = None
    period: dict[str, str] | None = None  # the stated 统计期限 {"start", "end"} (ISO dates), when the text states one
    tables: Tables = field(default_factory=dict)
    provenance: dict[str, CellSource] = field(default_factory=dict)
    narrative: dict[str, Number] = field(default_factory=dict)
    unplaced: list[Unplaced] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    parse_notes: list[Finding] = field(default_factory=list)  # findings of reading (position, unplaced…)
    text: str = ""  # the document text; not part of the JSON record
    page_boxes: list[PageBox] = field(default_factory=list)  # OCR'd reports: where the text stands on the pages
    parser_version: str = ""

    # -- cell access -------------------------------------------------------------------------------
    def get(self, cid: str) -> Number | None:
        table, row, col = split_cell_id(cid)
        return self.tables.get(table, {}).get(row, {}).get(col)

    def set(self, cid: str, value: Number | None) -> None:
        table, row, col = split_cell_id(cid)
        self.tables.setdefault(table, {}).setdefault(row, {})[col] = value

    def cell_ids(self) -> list[str]:
        return [f"{t}:{r}:{c}" for t, rows in self.tables.items() for r, cols in rows.items() for c in cols]

    def cell_boxes(self) -> dict[str, PageBox]:
        """The page box each cell was read from (OCR'd reports): the box whose span holds the cell's span."""
        if not self.page_boxes:
            return {}
        by_start = sorted(self.page_boxes, key=lambda b: b.span)
        starts = [b.span[0] for b in by_start]
        out: dict[str, PageBox] = {}
        for cid, source in self.provenance.items():
            if source.span is None:
                continue
            i = bisect.bisect_right(starts, source.span[0]) - 1
            if i >= 0 and by_start[i].span[0] <= source.span[0] and source.span[1] <= by_start[i].span[1]:
                out[cid] = by_start[i]
        return out

    # -- JSON --------------------------------------------------------------------------------------
    def to_json(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "source": dict(self.source),
            "agency": self.agency,
            "year": self.year,
            "template": self.template,
        }
        if self.table2_variant:
            d["table2_variant"] = self.table2_variant
        d["region"] = self.region
        if self.period:
            d["period"] = dict(self.period)
        d["tables"] = self.tables
        d["findings"] = [f.to_json() for f in self.findings]
        d["narrative"] = dict(self.narrative)
        d["provenance"] = {k: v.to_json() for k, v in self.provenance.items()}
        if self.page_boxes:  # read by OCR: each cell's confidence, and every box for a viewer of the pages
            for cid, box in self.cell_boxes().items():
                d["provenance"][cid]["confidence"] = box.confidence
            d["page_boxes"] = [b.to_json() for b in self.page_boxes]
        d["unplaced"] = [u.to_json() for u in self.unplaced]
        d["parser_version"] = self.parser_version
        return d

    @classmethod
    def from_json(cls, d: dict[str, Any], text: str = "") -> Record:
        rec = cls(
            source=dict(d.get("source", {})),
            agency=d.get("agency"),
            year=d.get("year"),
            template=d.get("template"),
            table2_variant=d.get("table2_variant"),
            region=d.get("region"),
            period=dict(d["period"]) if d.get("period") else None,
            tables={t: {r: dict(c) for r, c in rows.items()} for t, rows in d.get("tables", {}).items()},
            provenance={k: CellSource.from_json(v) for k, v in d.get("provenance", {}).items()},
            page_boxes=[PageBox.from_json(b) for b in d.get("page_boxes", [])],
            narrative=dict(d.get("narrative", {})),
            unplaced=[Unplaced(u["table"], u["text"], tuple(u["span"]) if u.get("span") else None, u["reason"])
                      for u in d.get("unplaced", [])],
            findings=[Finding.from_json(f) for f in d.get("findings", [])],
            text=text,
            parser_version=d.get("parser_version", ""),
        )
        return rec


def base_key(finding: Finding) -> str:
    """The rule and the cells; a finding naming no cell adds its message id and parameters, which then are all
    that tells two findings of one rule apart (two rows printed short, two prose figures). A note the reviewer's
    values answered adds `|answered`: a decision about the note never attaches to the answer."""
    key = f"{finding.rule}|{','.join(sorted(finding.cells))}"
    if not finding.cells and (finding.message_id or finding.params):
        key += f"|{finding.message_id}|{json.dumps(finding.params, ensure_ascii=False, sort_keys=True, default=str)}"
    if finding.params.get("answered"):  # the reviewer's answer to a note (`rules.answered`) is not the note itself
        key += "|answered"
    return key


def assign_keys(findings: list[Finding]) -> list[Finding]:
    """Give every finding its key, unique within the list: a key already taken gets `#2`, `#3`… in list order."""
    seen: dict[str, int] = {}
    for f in findings:
        base = base_key(f)
        n = seen[base] = seen.get(base, 0) + 1
        f.key = base if n == 1 else f"{base}#{n}"
    return findings


def finding_key(finding: Finding) -> str:
    """The key of a finding, used to acknowledge a warning at verification and to confirm a source defect:
    the one `assign_keys` gave it, else `base_key`. Stable while the finding stays (an edit of another cell
    keeps it)."""
    return finding.key or base_key(finding)


NUMBER_PREFIX = {"error": "E", "warning": "W", "info": "I"}


def number_findings(findings: list[Finding]) -> list[tuple[str, Finding]]:
    """(E1 | W1 | I1 …, finding) in the findings' order, each severity counted on its own: how the command line,
    the exports and the UI name a finding to a person (a confirmed one keeps its number)."""
    n: dict[str, int] = {}
    out = []
    for f in findings:
        p = NUMBER_PREFIX.get(f.severity, "I")
        n[p] = n.get(p, 0) + 1
        out.append((f"{p}{n[p]}", f))
    return out
