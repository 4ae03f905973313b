"""Figures of the library by year, for charts: requests received and how they were handled (table 3),
administrative reviews and lawsuits by outcome (table 4), reports and reports with open errors. No Qt.

    from reviewer.store.stats import by_year
    stats = by_year(library)                      # verified reports only
    stats = by_year(library, include_all=True)    # every status
    [(y.year, y.value("requests.received"), y.blanks("requests.received")) for y in stats.years]

Series are named `requests.<key>` (REQUEST_SERIES) and `<group>.<outcome>` (APPEAL_GROUPS × APPEAL_OUTCOMES),
each the sum of the `total` column (table 3) or of the outcome column (table 4) of the rows in `series_cells`.
A blank cell (NULL) is not a zero: the value of a series is the sum of the numbers printed, and `blanks` says
how many reports of that year left at least one of its cells blank (or lack the table), so a chart can say
"N reports not counted" instead of silently counting them as 0.

A library may hold two files of the same agency and year (a corrected version): by default one report stands
for each agency and year, the one that counts (`versions.RANK`: the version a reviewer chose, else the verified
one, else the latest imported — as `crossreport.previous_id` chooses), and the others are counted in
`superseded`. Retired reports are never counted.

Efficiency: one narrow query on `reports`, then per year and format one query over `cells` that seeks
exactly the cells of the series by primary key (report_id, cell), grouped by cell in SQLite. The blanks
come back as the ids of the reports concerned (`group_concat`), so the work in Python is per cell, not per
report. Given a path, the figures are read through a read-only connection of their own (one snapshot), so a
background thread can compute them while the library is written.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from reviewer.formats import load_formats
from reviewer.model import Number
from reviewer.store.backend import Db, is_server_url, server_reader
from reviewer.store.backend.sqlite import SqliteDb
from reviewer.store.normalize import agency_key
from reviewer.store.types import STATUS_VERIFIED, STATUSES, status_code
from reviewer.store.versions import COUNTING_IDS

if TYPE_CHECKING:
    from reviewer.store.library import Library

# The series the charts draw. Which cells each one sums is the format's knowledge: the `charts` of each national
# format file (e.g. `requests.other` is the single （六） row of 2019, the three `other.*` rows of 2021).
# How requests were handled (table 3, column `total`): each is one row or the sum of a group of rows.
REQUEST_OUTCOMES = ("granted", "partial", "denied", "unable", "not_processed", "other", "carried_forward")
REQUEST_SERIES = ("received", "carried_over", *REQUEST_OUTCOMES, "total")
# Table 4: administrative reviews and lawsuits; `litigation` adds the two kinds of lawsuit.
APPEAL_GROUPS = ("review", "litigation", "litigation_direct", "litigation_after_review")
APPEAL_OUTCOMES = ("upheld", "corrected", "other", "pending", "total")

SERIES = (*(f"requests.{k}" for k in REQUEST_SERIES),
          *(f"{g}.{o}" for g in APPEAL_GROUPS for o in APPEAL_OUTCOMES))


@cache
def series_cells(template: str | None) -> Mapping[str, tuple[str, ...]]:
    """Series key -> the cell ids it sums, for a national format ("2019", "2021"). An unknown format (None)
    gets the cells of every format, which it lacks: its reports count as blanks."""
    formats = load_formats()
    chosen = [formats[template]] if template in formats else list(formats.values())
    out: dict[str, tuple[str, ...]] = {}
    for key in SERIES:
        cells: list[str] = []
        for fmt in chosen:
            cells += [c for c in fmt.charts.get(key, ()) if c not in cells]
        out[key] = tuple(cells)
    return out


@dataclass(frozen=True, slots=True)
class Figure:
    """One series in one year: the sum of the numbers printed, and how many reports left a cell of it blank."""

    value: Number = 0
    blanks: int = 0


@dataclass(frozen=True, slots=True)
class YearStats:
    year: int
    reports: int  # reports counted in this year
    with_errors: int  # of which with at least one open error
    figures: Mapping[str, Figure] = field(default_factory=dict)

    def figure(self, key: str) -> Figure:
        if key not in SERIES:
            raise KeyError(key)
        return self.figures.get(key, Figure())

    def value(self, key: str) -> Number:
        return self.figure(key).value

    def blanks(self, key: str) -> int:
        return self.figure(key).blanks


@dataclass(frozen=True, slots=True)
class LibraryStats:
    """The figures of the reports a filter selects, by year (ascending)."""

    statuses: tuple[str, ...]
    agency: str | None
    years: tuple[YearStats, ...]
    undated: int = 0  # reports selected that have no year (in no year's figures)
    superseded: int = 0  # other files of an agency and year, left out (one report per agency and year)

    @property
    def reports(self) -> int:
        return sum(y.reports for y in self.years)

    def year(self, year: int) -> YearStats | None:
        return next((y for y in self.years if y.year == year), None)

    def values(self, key: str) -> list[Number]:
        return [y.value(key) for y in self.years]

    def blanks(self, key: str) -> list[int]:
        return [y.blanks(key) for y in self.years]


def by_year(source: Library | str | Path, *, include_all: bool = False, statuses: Iterable[str] | None = None,
            agency: str | None = None, one_per_agency_year: bool = True) -> LibraryStats:
    """The figures of the library by year.

    Verified reports only by default; `include_all` takes every status, `statuses` (codes or labels) a chosen
    set. `agency` keeps the agencies whose name contains it (whitespace and punctuation ignored, as the
    library list does). `source` is a `Library` (read through its connection, under its lock) or the path of
    a library file (read through a read-only connection of its own: safe in a background thread)."""
    chosen = _statuses(include_all, statuses)
    if isinstance(source, (str, Path)):
        conn = open_reader(source)
        try:
            return _compute(conn, chosen, agency, one_per_agency_year)
        finally:
            conn.close()
    with source.lock, source.connection.snapshot() as conn:
        return _compute(conn, chosen, agency, one_per_agency_year)


@dataclass(frozen=True, slots=True)
class Contribution:
    """One report behind a figure: what it adds (None when every cell of the series is blank or missing in it)
    and how many of the series' cells it left blank."""

    id: int
    agency: str | None
    year: int
    status: str
    value: Number | None
    blanks: int


# `reports` and `with_errors` are the two counts of the numbers table: the reports of a year, those with errors.
COUNTS = ("reports", "with_errors")


def reports_behind(source: Library | str | Path, year: int, key: str, *, include_all: bool = False,
                   statuses: Iterable[str] | None = None, agency: str | None = None,
                   one_per_agency_year: bool = True) -> list[Contribution]:
    """The reports a figure of `by_year` (same filters) adds up for `year`: for a series, each report's sum of
    its cells (largest first, blanks last); for `reports` / `with_errors`, the reports counted."""
    if key not in SERIES and key not in COUNTS:
        raise KeyError(key)
    chosen = _statuses(include_all, statuses)
    if isinstance(source, (str, Path)):
        conn = open_reader(source)
        try:
            return _behind(conn, chosen, agency, one_per_agency_year, year, key)
        finally:
            conn.close()
    with source.lock, source.connection.snapshot() as conn:
        return _behind(conn, chosen, agency, one_per_agency_year, year, key)


def _behind(conn: Db, statuses: tuple[str, ...], agency: str | None, one_per_agency_year: bool,
            year: int, key: str) -> list[Contribution]:
    rows = _select(conn, statuses, agency)
    kept = [r for r in (_one_per_agency_year(rows) if one_per_agency_year else rows) if r[2] == year]
    if key == "with_errors":
        kept = [r for r in kept if r[5]]
    names = dict(conn.execute(f"SELECT id, agency FROM reports WHERE id IN (SELECT value FROM {conn.each_int})",
                              (json.dumps([r[0] for r in kept]),)).fetchall())
    formats = load_formats()
    out: list[Contribution] = []
    for rid, _k, _y, template, status, _e, *_rest in kept:
        if key in COUNTS:
            out.append(Contribution(rid, names.get(rid), year, status, None, 0))
            continue
        cells = series_cells(template if template in formats else None)[key]
        got = dict(conn.execute("SELECT cell, value FROM cells WHERE report_id = ? AND cell IN "
                                f"(SELECT value FROM {conn.each_text})", (rid, json.dumps(list(cells)))).fetchall())
        numbers = [got[c] for c in cells if got.get(c) is not None]
        blanks = sum(1 for c in cells if got.get(c) is None)
        out.append(Contribution(rid, names.get(rid), year, status, sum(numbers) if numbers else None, blanks))
    if key not in COUNTS:
        out.sort(key=lambda c: (c.value is None, -(c.value or 0), c.id))
    return out


Marker = tuple[object, ...]
_MARKER_SQL = ("SELECT count(*), coalesce(sum(version), 0), max(id), coalesce(sum(errors), 0), max(updated_at) "
               "FROM reports")


def marker(source: Library | str | Path) -> Marker:
    """A cheap token that changes whenever a report is imported or written (or its count of errors changes):
    a view can skip recomputing the figures while it stays the same."""
    if isinstance(source, (str, Path)):
        conn = open_reader(source)
        try:
            return tuple(conn.execute(_MARKER_SQL).fetchone())
        finally:
            conn.close()
    with source.lock:
        return tuple(source.connection.execute(_MARKER_SQL).fetchone())


def open_reader(path: str | Path) -> Db:
    """A read-only connection to a library file (or server), in one snapshot until closed."""
    if is_server_url(path):
        return server_reader(str(path))
    target = Path(path).resolve()
    if not target.is_file():
        raise FileNotFoundError(f"资料库文件不存在：{target}")
    raw = sqlite3.connect(target.as_uri() + "?mode=ro", uri=True, isolation_level=None, check_same_thread=False)
    conn = SqliteDb(raw, str(target), readonly=True)
    conn.begin_snapshot()
    return conn


def _statuses(include_all: bool, statuses: Iterable[str] | None) -> tuple[str, ...]:
    if statuses is not None:
        codes = {status_code(s) for s in statuses}
        return tuple(s for s in STATUSES if s in codes)
    return STATUSES if include_all else (STATUS_VERIFIED,)


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


# (id, agency_key, year, template, status, errors) of one report
_Row = tuple[int, str | None, int | None, str | None, str, int, int]  # …, errors, counts (1/0)


def _select(conn: Db, statuses: tuple[str, ...], agency: str | None) -> list[_Row]:
    """The reports of the statuses (retired ones never), with whether each counts for its agency and year."""
    sql = (f"SELECT id, agency_key, year, template, status, errors, id IN ({COUNTING_IDS}) FROM reports "
           f"WHERE retired_at IS NULL AND status IN (SELECT value FROM {conn.each_text})")
    params: list[object] = [json.dumps(list(statuses))]
    key = agency_key(agency) if agency else None
    if key:
        sql += " AND agency_key LIKE ? ESCAPE '\\'"
        params.append(_like(key))
    return list(conn.execute(sql + " ORDER BY id", params))


def _one_per_agency_year(rows: list[_Row]) -> list[_Row]:
    """The reports that count for their agency and year (`versions.RANK`: the version a reviewer chose, else a
    verified one, else the latest imported). When that one lacks a charted status, its agency and year are not
    charted by another version: the reviewer's choice holds."""
    return [row for row in rows if row[6]]


# Per cell of one format: the sum of the numbers, and the reports where the cell is blank or missing.
def _cell_sql(conn: Db) -> str:
    return f"""
SELECT cl.value, sum(c.value), {conn.group_concat("CASE WHEN c.value IS NULL THEN ids.value END")}
FROM {conn.each_int} AS ids CROSS JOIN {conn.each_text} AS cl
LEFT JOIN cells AS c ON c.report_id = ids.value AND c.cell = cl.value
GROUP BY cl.value
"""


def _compute(conn: Db, statuses: tuple[str, ...], agency: str | None,
             one_per_agency_year: bool) -> LibraryStats:
    rows = _select(conn, statuses, agency)
    kept = _one_per_agency_year(rows) if one_per_agency_year else rows
    superseded = len(rows) - len(kept)
    undated = sum(1 for r in kept if r[2] is None)
    groups: dict[int, dict[str | None, list[int]]] = {}
    errors: dict[int, int] = {}
    formats = load_formats()
    for rid, _k, year, template, _s, errs, _c in kept:
        if year is None:
            continue
        fmt = template if template in formats else None
        groups.setdefault(year, {}).setdefault(fmt, []).append(rid)
        errors[year] = errors.get(year, 0) + (1 if errs else 0)
    years: list[YearStats] = []
    for year in sorted(groups):
        sums: dict[str, Number] = {}
        blank_ids: dict[str, set[int]] = {}
        for template, ids in groups[year].items():
            cells = series_cells(template)
            wanted = sorted({cid for cs in cells.values() for cid in cs})
            per_cell: dict[str, tuple[Number | None, set[int]]] = {}
            for cid, total, blanks in conn.execute(_cell_sql(conn), (json.dumps(ids), json.dumps(wanted))):
                per_cell[cid] = (total, {int(x) for x in blanks.split(",")} if blanks else set())
            for key, cs in cells.items():
                for cid in cs:
                    total, blank = per_cell.get(cid, (None, set(ids)))
                    if total is not None:
                        sums[key] = sums.get(key, 0) + total
                    if blank:
                        blank_ids.setdefault(key, set()).update(blank)
        figures = {key: Figure(sums.get(key, 0), len(blank_ids.get(key, ()))) for key in SERIES}
        n = sum(len(ids) for ids in groups[year].values())
        years.append(YearStats(year, n, errors.get(year, 0), figures))
    return LibraryStats(statuses, agency.strip() if agency and agency.strip() else None, tuple(years), undated,
                        superseded)


__all__ = [
    "APPEAL_GROUPS",
    "COUNTS",
    "APPEAL_OUTCOMES",
    "REQUEST_OUTCOMES",
    "REQUEST_SERIES",
    "SERIES",
    "Contribution",
    "Figure",
    "LibraryStats",
    "Marker",
    "YearStats",
    "by_year",
    "marker",
    "open_reader",
    "reports_behind",
    "series_cells",
]
