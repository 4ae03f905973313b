"""Parsing a read document into a record: sections, format, tables, metadata and stated figures."""

from __future__ import annotations

from reviewer.formats import FormatDef, latest_template, load_formats, template_for_year
from reviewer.model import Document, Finding, Record
from reviewer.parsing.builder import Builder
from reviewer.parsing.crawler import relayout
from reviewer.parsing.fused_tables import parse_fused
from reviewer.parsing.labels import norm
from reviewer.parsing.meta import extract_meta
from reviewer.parsing.money_units import check_money_units
from reviewer.parsing.narrative import extract_narrative
from reviewer.parsing.rows import scan
from reviewer.parsing.sections import Section, find_sections, row_text
from reviewer.parsing.table2 import detect_variant, parse_national, parse_variant
from reviewer.parsing.table3 import parse_table3
from reviewer.parsing.table4 import parse_table4
from reviewer.parsing.traditional import fold_document

__all__ = ["parse", "detect_template"]

MISSING_NAMES = {"table2": "表二（主动公开）", "table3": "表三（依申请）", "table4": "表四（复议诉讼）"}


def detect_template(text: str, year: int | None) -> str:
    """2019 or 2021, by the labels each format alone uses; by the year when the labels do not tell."""
    flat = norm(text)
    scores = {t: sum(1 for mark in f.detect if norm(mark) in flat) for t, f in load_formats().items()}
    best = max(scores.values())
    winners = [t for t, s in scores.items() if s == best]
    if best > 0 and len(winners) == 1:
        return winners[0]
    return template_for_year(year)


def _region_text(doc: Document, sec: Section) -> str:
    return "\n".join(row_text(r) for r in doc.rows[sec.start: sec.end])


def _prose(doc: Document, sections: dict[str, Section]) -> str:
    """The text outside the tables' regions (prose lines inside them are kept)."""
    table_rows: set[int] = set()
    for sec in sections.values():
        table_rows.update(range(sec.start, sec.end))
    parts = []
    for i, row in enumerate(doc.rows):
        if i in table_rows and not (len(row) == 1 and ("。" in row[0].text or len(row[0].text) > 40)):
            continue
        parts.append(doc.text[row[0].start: row[-1].end] if row else "")
    return "\n".join(parts)


def parse(doc: Document, template: str | None = None) -> Record:
    """Parse a document; `template` ("2019"/"2021") forces the format where the reviewer knows better."""
    printed = doc.text
    doc = fold_document(doc) or doc  # a traditional-Chinese page read with the form's simplified labels
    fused = relayout(doc)  # crawler text with cells joined: rows cut by label, digit runs split later
    if fused is not None:
        doc = fused
    meta = extract_meta("\n".join(row_text(r) for r in doc.rows) if fused is not None else doc.text)
    record = Record(source={"format": doc.source_format}, agency=meta.agency, year=meta.year,
                    region=meta.region, text=printed,
                    period={"start": meta.period[0], "end": meta.period[1]} if meta.period else None)
    b = Builder(record)
    formats = load_formats()
    # the format is told by the labels inside the tables; fall back on the whole text
    probe = find_sections(doc.rows, formats[latest_template()])
    table_text = "\n".join(_region_text(doc, s) for s in probe.values()) or doc.text
    if template is not None and template not in formats:
        raise ValueError(f"unknown format {template!r}; known: {', '.join(formats)}")
    record.template = template or detect_template(table_text, meta.year)
    fmt: FormatDef = formats[record.template]
    same_titles = all(fmt.tables[t].title_variants == formats[latest_template()].tables[t].title_variants
                      for t in fmt.tables)
    sections = probe if same_titles else find_sections(doc.rows, fmt)

    record.narrative = extract_narrative(_prose(doc, sections))
    if fused is not None:
        parse_fused({t: (scan(doc.rows, sec.start, sec.end), _region_text(doc, sec)) for t, sec in sections.items()},
                    fmt, b, record.narrative, alternatives=template is None)
    if "table2" in sections and fused is None:
        sec = sections["table2"]
        region = scan(doc.rows, sec.start, sec.end)
        variant = detect_variant(region, _region_text(doc, sec), fmt.tables["table2"])
        if variant is not None:
            parse_variant(region, variant, b)
        else:
            parse_national(region, fmt.tables["table2"], b, record.template)
    if "table3" in sections and fused is None:
        sec = sections["table3"]
        # a format the reviewer forces is read with its own rows; a detected one also with the rows its
        # file declares as printed instead (a 2021 report's single （六）其他处理 row)
        parse_table3(scan(doc.rows, sec.start, sec.end), fmt.tables["table3"], b, alternatives=template is None)
    if "table4" in sections and fused is None:
        sec = sections["table4"]
        parse_table4(scan(doc.rows, sec.start, sec.end), fmt.tables["table4"], b)

    for table, sec in sections.items():
        if not (table == "table2" and record.table2_variant):  # a money cell whose unit the form leaves open
            check_money_units(record, table, fmt.tables[table], _region_text(doc, sec))
    for table in ("table2", "table3", "table4"):
        if table not in sections:
            # an error: verification waits until the reviewer captures the table or confirms the report has none
            b.note(Finding(rule="MISSING", severity="error", cells=[f"{table}:*"], name="table not found",
                           message=f"未找到{MISSING_NAMES[table]}", message_id="table_missing",
                           params={"table": table}))
            tdef = fmt.tables[table]
            for r in tdef.rows:  # a table not found is all blanks, never zeros
                for c in tdef.row_columns(r):
                    b.put(table, r.key, c, None)
    if meta.year and meta.period_year and meta.year != meta.period_year:
        b.note(Finding(rule="YEAR", severity="warning", cells=[], name="year mismatch",
                       message=f"标题年度为 {meta.year}，统计期限为 {meta.period_year} 年",
                       message_id="year_mismatch", params={"title": meta.year, "period": meta.period_year}))
    if meta.period is not None and not meta.calendar_year:
        start, end = meta.period
        b.note(Finding(rule="PERIOD", severity="info", cells=[], name="period not the calendar year",
                       message=f"统计期限为 {start} 至 {end}，不是完整的自然年度",
                       message_id="period_not_calendar_year", params={"start": start, "end": end}))
    if record.unplaced:
        b.note(Finding(rule="UNPLACED", severity="warning",
                       cells=sorted({f"{u.table}:*" for u in record.unplaced}), name="unplaced values",
                       message=f"有 {len(record.unplaced)} 个数值无法确定所属单元格，已列出，未计入表格",
                       message_id="unplaced", params={"count": len(record.unplaced)}))
    return record
