"""The unit of a money cell the form leaves open (2019's 采购总金额): stated in the cell, in its header, or nowhere.

The 2021 form prints 本年收费金额（单位：万元）, so its amounts are in 万元 whatever the cell shows. The 2019 form's
采购总金额 states no unit: reports write "251000元", "160.5964万元", or put the unit in the header
("采购总金额（万元）", "采购总金额(单位:元)"). A bare number under a header without a unit may mean 元 or 万元: it
is kept as printed, in 万元 (never rescaled on a guess), with a warning saying the unit is not stated. A header
stating 元 is read like a cell printed with 元: converted to 万元, with an info finding.
"""

from __future__ import annotations

import re

from reviewer.formats import TableDef, label_of
from reviewer.model import ORIGIN_EDITED, Finding, Record, cell_id
from reviewer.values import clean, parse_printed, to_wan_yuan

_UNIT = r"\s*[(（【\[/]?\s*(?:(?:金额)?单位\s*[:：]?\s*)?(万元|元)"
_TABLE_UNIT = re.compile(r"(?:金额)?单位\s*[:：]\s*(万元|元)")
_BEFORE = 200  # how far before a column's label a table's "单位：万元" still speaks for it


def header_unit(region_text: str, variants: tuple[str, ...]) -> str | None:
    """The unit the table prints for a column: after its label ("采购总金额（万元）"), or a "单位：元" shortly
    before it (a caption over the block); None when neither is printed."""
    text = clean(region_text)
    for v in sorted(variants, key=len, reverse=True):
        for m in re.finditer(re.escape(clean(v)), text):
            after = re.match(_UNIT, text[m.end():])
            if after:
                return after.group(1)
            before = list(_TABLE_UNIT.finditer(text, max(0, m.start() - _BEFORE), m.start()))
            if before:
                return before[-1].group(1)
    return None


def check_money_units(record: Record, table: str, tdef: TableDef, region_text: str) -> None:
    """Every money cell of the table whose unit the form leaves open: a bare amount under a header naming 元 is
    converted; under a header naming no unit it keeps its value and gets a warning (a zero is the same in any
    unit and needs none)."""
    rows = record.tables.get(table, {})
    for col in tdef.columns:
        if col.kind != "money" or col.form_unit:
            continue
        unit = header_unit(region_text, col.variants)
        for rdef in tdef.rows:
            if col.key not in tdef.row_columns(rdef):
                continue
            value = rows.get(rdef.key, {}).get(col.key)
            cid = cell_id(table, rdef.key, col.key)
            src = record.provenance.get(cid)
            if value is None or src is None or not src.text or parse_printed(src.text).unit is not None:
                continue
            label = label_of(record.template, table, rdef.key, col.key)
            printed = clean(src.text)
            if unit == "元":
                converted, _ = to_wan_yuan(value, "元")
                rows[rdef.key][col.key] = converted
                record.parse_notes.append(Finding(
                    rule="UNIT", severity="info", cells=[cid], name="unit converted",
                    message=f"{label}：印为“{printed}”，表头单位为元，已按万元记为 {converted}",
                    message_id="unit_converted_header",
                    params={"cell": cid, "printed": printed, "value": converted, "unit": "元"}))
            elif unit is None and value != 0:
                record.parse_notes.append(Finding(
                    rule="UNIT", severity="warning", cells=[cid], name="unit not stated",
                    message=f"{label}：印为“{printed}”，单元格和表头均未注明金额单位（元或万元），已按万元记录，请核对原文",
                    message_id="unit_not_stated", params={"cell": cid, "printed": printed, "value": value}))


def answered(record: Record, finding: Finding) -> bool:
    """A unit-not-stated warning the reviewer has answered by setting the cell themselves."""
    if finding.message_id != "unit_not_stated":
        return False
    src = record.provenance.get(str(finding.params.get("cell", "")))
    return src is not None and src.origin == ORIGIN_EDITED
