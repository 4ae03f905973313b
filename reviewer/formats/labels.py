"""A cell's labels, worked out in one place for messages, the command line, the UI and the exports."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from reviewer.formats.loading import catalog
from reviewer.formats.model import RowDef

TABLE_SHORT = {"table2": "表二", "table3": "表三", "table4": "表四"}


@dataclass(frozen=True, slots=True)
class CellLabel:
    """The labels of a row (and column) as the form prints them.

    `row_group`/`row_label`/`column_group`/`column_label` are the parts (the exports write them apart);
    `row` names the row in a sentence (with its nearest group: "（四）无法提供 1.本机关不掌握相关政府信息"; a
    provincial table's whole label path); `text` adds the column: "…·总计". Keys nobody defines stay keys.
    """

    table: str
    row_group: str
    row_label: str
    row: str
    column_group: str = ""
    column_label: str = ""
    known: bool = True  # False: no format defines the row (its key stands for its label)

    @property
    def table_short(self) -> str:
        return TABLE_SHORT.get(self.table, self.table)

    @property
    def text(self) -> str:
        return f"{self.row}·{self.column_label}" if self.column_label else self.row


def full_row_label(rdef: RowDef) -> str:
    """A row's label with its nearest group: "（四）无法提供 1.本机关不掌握相关政府信息"."""
    if rdef.group and not rdef.label.startswith("（") and "、" not in rdef.label[:3]:
        return f"{rdef.group.split('/')[-1]} {rdef.label}"
    return rdef.label


@cache
def cell_label(template: str | None, variant: str | None, table: str, row: str, col: str | None = None) -> CellLabel:
    """The labels of `table:row:col` (or of the row alone when `col` is None) in a report of `template` whose
    table 2 is the provincial `variant` (None: the national one).

    The report's own format is asked first, then the other national formats: a cell kept from an edit made under
    the other format (the reviewer changed the format) is still named in words. A provincial table 2's rows are
    label paths and its columns the variant's (any variant's when the report does not say which).
    """
    cat = catalog()
    if table == "table2" and (variant in {v.id for v in cat.variants} or not _national_row(table, row)):
        path = row.split("/")
        group, own = "/".join(path[:-1]), path[-1]
        if col is None:
            return CellLabel(table, group, own, row)
        chosen = [v for v in cat.variants if v.id == variant] or list(cat.variants)
        cdef = next((c for v in chosen for c in v.columns if c.key == col), None)
        return CellLabel(table, group, own, row, (cdef.group or "") if cdef else "", cdef.label if cdef else col)
    order = ([template] if template in cat.national else []) + [t for t in cat.national if t != template]
    for t in order:
        tdef = cat.national[t].tables.get(table)
        if tdef is None:
            continue
        try:
            rdef = tdef.row(row)
        except KeyError:
            continue
        group, own, whole = rdef.group or "", rdef.label, full_row_label(rdef)
        if col is None:
            return CellLabel(table, group, own, whole)
        cdef = next((c for c in tdef.columns if c.key == col), None)
        return CellLabel(table, group, own, whole, (cdef.group or "") if cdef else "", cdef.label if cdef else col)
    cdef = next((c for t in order if (tdef := cat.national[t].tables.get(table)) is not None
                 for c in tdef.columns if c.key == col), None)  # a row beyond the form, in a column it has
    return CellLabel(table, "", row, row, (cdef.group or "") if cdef else "", cdef.label if cdef else (col or ""),
                     known=False)


def column_label(template: str | None, table: str, col: str, variant: str | None = None) -> str:
    """A column's own label (e.g. 自然人), the report's format asked first; the key when no format has it."""
    cat = catalog()
    if table == "table2" and variant is not None:
        chosen = [v for v in cat.variants if v.id == variant]
        cdef = next((c for v in chosen for c in v.columns if c.key == col), None)
        if cdef is not None:
            return cdef.label
    order = ([template] if template in cat.national else []) + [t for t in cat.national if t != template]
    cdef = next((c for t in order if (tdef := cat.national[t].tables.get(table)) is not None
                 for c in tdef.columns if c.key == col), None)
    return cdef.label if cdef is not None else col


def printed_labels(template: str | None, variant: str | None, table: str, row: str) -> tuple[str, ...]:
    """The texts a row's label may be printed as, to find it in a report: the form's label and the variants seen
    in real reports (a provincial row: the last part of its label path; a row no format has: its key)."""
    lab = cell_label(template, variant, table, row)
    if table == "table2" and (variant or "/" in row) and not _national_row(table, row):
        return (lab.row_label,)
    cat = catalog()
    for t in ([template] if template in cat.national else []) + [t for t in cat.national if t != template]:
        tdef = cat.national[t].tables.get(table)
        rdef = next((r for r in tdef.rows if r.key == row), None) if tdef is not None else None
        if rdef is not None:
            return (rdef.label, *rdef.variants)
    return (lab.row_label,)


def _national_row(table: str, row: str) -> bool:
    return any(tdef is not None and any(r.key == row for r in tdef.rows)
               for tdef in (f.tables.get(table) for f in catalog().national.values()))


def label_of(template: str | None, table: str, row: str, col: str | None = None, variant: str | None = None) -> str:
    """`cell_label(...).text`: "（四）无法提供 1.本机关不掌握相关政府信息·总计"."""
    return cell_label(template, variant, table, row, col).text
