"""The findings of `reviewer check` in machine-readable forms: text, JSON Lines, CSV, JUnit XML and SARIF 2.1.0.

Every formatter takes plain data — one `Checked` per input file (its record, or the one-line reason it could not
be read) — and writes to a text stream. Text, JSON and CSV stream a file at a time; JUnit and SARIF are one
document and are written when every file is in. A finding's location is the character span of its cell in the
record's text (the text the reviewer sees; for a .txt/.md file the file's own characters).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import IO, Any
from xml.etree import ElementTree as ET

from reviewer.model import Finding, Record

CHECK_FORMATS = ("text", "json", "csv", "junit", "sarif")
SEVERITY_LABELS = {"error": "错误", "warning": "警告", "info": "提示"}
SARIF_LEVELS = {"error": "error", "warning": "warning", "info": "note"}
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
CSV_HEADER = ["path", "agency", "year", "severity", "rule", "name", "cells", "message", "suggestion_cell",
              "suggestion_value", "char_offset", "char_length"]


@dataclass(slots=True)
class Checked:
    """One input of `reviewer check`: its record, or why it could not be read."""

    path: str
    record: Record | None = None
    error: str | None = None

    @property
    def findings(self) -> list[Finding]:
        return self.record.findings if self.record is not None else []

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)


@dataclass(slots=True)
class Region:
    """A character range of the record's text, with the line and column (1-based) it starts and ends at."""

    offset: int
    length: int
    start_line: int
    start_column: int
    end_line: int
    end_column: int
    snippet: str

    def to_sarif(self) -> dict[str, Any]:
        return {"charOffset": self.offset, "charLength": self.length, "startLine": self.start_line,
                "startColumn": self.start_column, "endLine": self.end_line, "endColumn": self.end_column,
                "snippet": {"text": self.snippet}}


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def region_of(record: Record, cid: str) -> Region | None:
    """Where a cell was read, or None (a cell without a span: not printed, or not a cell)."""
    src = record.provenance.get(cid)
    if src is None or src.span is None:
        return None
    start, end = src.span
    text = record.text
    if not 0 <= start <= end <= len(text):
        return None
    sl, sc = _line_col(text, start)
    el, ec = _line_col(text, end)
    return Region(start, end - start, sl, sc, el, ec, text[start:end])


def finding_regions(record: Record, finding: Finding) -> list[tuple[str, Region]]:
    """The cells of a finding that have a place in the text, the suggested culprit first."""
    order = list(finding.cells)
    culprit = (finding.suggestion or {}).get("cell")
    if culprit in order:
        order.remove(culprit)
        order.insert(0, culprit)
    out = []
    for cid in order:
        r = region_of(record, cid)
        if r is not None:
            out.append((cid, r))
    return out


def summary_line(items: Iterable[Checked]) -> str:
    """The one line on stderr: files checked, with errors, errors, warnings, unreadable."""
    items = list(items)
    readable = [c for c in items if c.record is not None]
    errors = sum(c.count("error") for c in readable)
    warnings = sum(c.count("warning") for c in readable)
    failing = sum(1 for c in readable if c.count("error"))
    unreadable = len(items) - len(readable)
    text = f"核对 {len(items)} 份：{failing} 份有错误（错误 {errors} 个，警告 {warnings} 个）"
    if unreadable:
        text += f"，无法读取 {unreadable} 份"
    return text


# -- streaming formats ------------------------------------------------------------------------------------
def text_block(c: Checked) -> str:
    """The human-readable findings of one file."""
    if c.record is None:
        return f"{c.path}: 无法读取：{c.error}"
    record = c.record
    lines = [f"{record.source.get('path', c.path)}: {record.agency or '？'} {record.year or '？'}"]
    if not record.findings:
        lines.append("  未发现问题")
    for f in record.findings:
        sug = f"（建议：{f.suggestion['cell']} → {f.suggestion['value']}）" if f.suggestion else ""
        lines.append(f"  [{SEVERITY_LABELS.get(f.severity, f.severity)}] {f.rule} {f.message}{sug}")
    return "\n".join(lines)


def json_line(c: Checked) -> str:
    if c.record is None:
        return json.dumps({"path": c.path, "error": c.error}, ensure_ascii=False)
    r = c.record
    return json.dumps({"path": c.path, "source": r.source, "agency": r.agency, "year": r.year,
                       "findings": [f.to_json() for f in r.findings]}, ensure_ascii=False)


class CsvWriter:
    """One row per finding (an unreadable file is a row of severity 'unreadable')."""

    def __init__(self, out: IO[str]) -> None:
        self.writer = csv.writer(out, lineterminator="\n")
        self.writer.writerow(CSV_HEADER)

    def add(self, c: Checked) -> None:
        if c.record is None:
            self.writer.writerow([c.path, "", "", "unreadable", "", "", "", c.error or "", "", "", "", ""])
            return
        r = c.record
        for f in r.findings:
            where = finding_regions(r, f)
            sug = f.suggestion or {}
            self.writer.writerow([
                c.path, r.agency or "", r.year if r.year is not None else "", f.severity, f.rule, f.name,
                " ".join(f.cells), f.message, sug.get("cell", ""), sug.get("value", ""),
                where[0][1].offset if where else "", where[0][1].length if where else ""])


# -- whole-document formats -------------------------------------------------------------------------------
def junit_xml(items: Iterable[Checked]) -> str:
    """JUnit XML: one testcase per report, a <failure> per error, an <error> for a file that cannot be read;
    warnings go to the testcase's <system-out>."""
    items = list(items)
    suite = ET.Element("testsuite", name="reviewer check")
    failures = errors = 0
    for c in items:
        r = c.record
        case = ET.SubElement(suite, "testcase", classname=(r.agency or "") if r else "", name=c.path)
        if r is None:
            errors += 1
            ET.SubElement(case, "error", message=c.error or "", type="unreadable").text = c.error or ""
            continue
        for f in r.findings:
            if f.severity == "error":
                failures += 1
                fail = ET.SubElement(case, "failure", message=f.message, type=f.rule)
                fail.text = f"{f.rule} {f.name}: {f.message}\ncells: {', '.join(f.cells)}"
        notes = [f"[{f.severity}] {f.rule} {f.message}" for f in r.findings if f.severity != "error"]
        if notes:
            ET.SubElement(case, "system-out").text = "\n".join(notes)
    for key, n in (("tests", len(items)), ("failures", failures), ("errors", errors), ("skipped", 0)):
        suite.set(key, str(n))
    root = ET.Element("testsuites", name="reviewer check", tests=str(len(items)), failures=str(failures),
                      errors=str(errors))
    root.append(suite)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def sarif_log(items: Iterable[Checked], *, tool_version: str) -> dict[str, Any]:
    """SARIF 2.1.0: one run, one result per finding located at its culprit cell's characters (the other cells
    of the finding as related locations); a file that cannot be read is a tool execution notification."""
    rules: dict[str, dict[str, Any]] = {}
    results: list[dict[str, Any]] = []
    artifacts: list[dict[str, Any]] = []
    notifications: list[dict[str, Any]] = []
    for c in items:
        if c.record is None:
            notifications.append({"level": "error", "message": {"text": f"{c.path}: {c.error}"},
                                  "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(c.path)}}}]})
            continue
        r = c.record
        index = len(artifacts)
        artifacts.append({"location": {"uri": _uri(c.path)}, "sourceLanguage": "text",
                          "hashes": {"sha-256": r.source["sha256"]} if r.source.get("sha256") else {},
                          "properties": {"format": r.source.get("format"), "agency": r.agency, "year": r.year}})
        for f in r.findings:
            if f.rule not in rules:
                rules[f.rule] = {"id": f.rule, "name": f.name or f.rule,
                                 "shortDescription": {"text": f.name or f.rule},
                                 "defaultConfiguration": {"level": SARIF_LEVELS.get(f.severity, "warning")}}
            where = finding_regions(r, f)
            phys: dict[str, Any] = {"artifactLocation": {"uri": _uri(c.path), "index": index}}
            if where:
                phys["region"] = where[0][1].to_sarif()
            result: dict[str, Any] = {
                "ruleId": f.rule, "level": SARIF_LEVELS.get(f.severity, "warning"),
                "message": {"text": f.message},
                "locations": [{"physicalLocation": phys,
                               "logicalLocations": [{"name": where[0][0] if where else (f.cells[0] if f.cells else ""),
                                                     "kind": "element"}]}],
                "properties": {"cells": list(f.cells), "severity": f.severity},
            }
            if len(where) > 1:
                result["relatedLocations"] = [
                    {"id": i, "message": {"text": cid},
                     "physicalLocation": {"artifactLocation": {"uri": _uri(c.path), "index": index},
                                          "region": reg.to_sarif()}}
                    for i, (cid, reg) in enumerate(where[1:], 1)]
            if f.suggestion is not None:
                result["properties"]["suggestion"] = f.suggestion
            results.append(result)
    run: dict[str, Any] = {
        "tool": {"driver": {"name": "reviewer", "fullName": "年报审核台 Report Reviewer", "version": tool_version,
                            "rules": list(rules.values())}},
        "columnKind": "unicodeCodePoints",
        "artifacts": artifacts,
        "results": results,
        "invocations": [{"executionSuccessful": not notifications,
                         "toolExecutionNotifications": notifications}],
    }
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}


def _uri(path: str) -> str:
    """A relative URI reference for a path as given (SARIF wants forward slashes and percent-encoding)."""
    from urllib.parse import quote

    return quote(path.replace("\\", "/"), safe="/:")


__all__ = ["CHECK_FORMATS", "Checked", "CsvWriter", "finding_regions", "json_line", "junit_xml", "region_of",
           "sarif_log", "summary_line", "text_block"]
