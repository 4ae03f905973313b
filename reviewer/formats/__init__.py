"""The national formats and provincial variants: every question about a format is answered here.

A format is data (`resources/formats/*.json`, plus any folder in `$REVIEWER_FORMATS` or given to
`add_format_dir`): its sections, tables, rows and columns (with the label variants seen in real reports), its
relations, its cross-year rules, the figures the prose checks compare, R10's cell and the chart series. Every
file is validated when loaded (`loading`, against `schema`); adding a variant means adding a file, not code.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from reviewer.formats.labels import (
    TABLE_SHORT,
    CellLabel,
    cell_label,
    full_row_label,
    label_of,
    printed_labels,
)
from reviewer.formats.loading import (
    FORMATS_ENV,
    FormatError,
    add_extra_dir,
    catalog,
    format_dirs,
    read_file,
    remove_extra_dir,
)
from reviewer.formats.model import ColumnDef, FormatDef, ProseCheck, RowDef, Table2Variant, TableDef

__all__ = [
    "FORMATS_ENV", "TABLE_SHORT", "CellLabel", "ColumnDef", "FormatDef", "FormatError",
    "ProseCheck", "RowDef", "Table2Variant", "TableDef", "add_format_dir", "cell_label", "column_kind",
    "format_dirs", "full_row_label", "label_of", "latest_template", "load_format", "load_formats",
    "load_table2_variants", "printed_labels", "read_file", "reload", "remove_format_dir", "table2_variant", "template_for_year",
]


def load_formats() -> dict[str, FormatDef]:
    """All national formats by template ("2019", "2021"), oldest first."""
    return catalog().national


def load_format(template: str) -> FormatDef:
    return catalog().national[template]


def load_table2_variants() -> tuple[Table2Variant, ...]:
    return catalog().variants


def table2_variant(variant_id: str) -> Table2Variant | None:
    for v in catalog().variants:
        if v.id == variant_id:
            return v
    return None


def latest_template() -> str:
    """The newest national format: the one a report of an unknown year is read with first."""
    return next(reversed(catalog().national))


def template_for_year(year: int | None) -> str:
    """The format in force for a report year (the newest when the year is unknown)."""
    if year is None:
        return latest_template()
    chosen = [t for t, f in catalog().national.items() if f.since <= year]
    return chosen[-1] if chosen else next(iter(catalog().national))


@cache
def column_kind(template: str | None, table: str, col: str, variant: str | None = None) -> str:
    """The kind of a column: count (non-negative integer), signed (integer) or money (decimal)."""
    if table == "table2" and variant:
        v = table2_variant(variant)
        if v:
            for c in v.columns:
                if c.key == col:
                    return c.kind
        return "count"
    if template not in load_formats():
        return "count"
    tdef = load_format(template).tables.get(table)
    if tdef is None:
        return "count"
    for c in tdef.columns:
        if c.key == col:
            return c.kind
    return "count"



def reload() -> None:
    """Read the format files again (after $REVIEWER_FORMATS changed)."""
    for fn in (catalog, column_kind, cell_label):
        fn.cache_clear()


def add_format_dir(path: str | Path) -> None:
    """Read the format files of one more folder from now on (provincial variants, a test's formats)."""
    add_extra_dir(path)
    reload()


def remove_format_dir(path: str | Path) -> None:
    remove_extra_dir(path)
    reload()
