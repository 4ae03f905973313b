"""Finding, reading and validating the format files.

The bundled formats (`reviewer.resources.formats_dir()`) come first, then every folder named in
`$REVIEWER_FORMATS` (separated by `os.pathsep`; `reviewer.formats.add_format_dir` adds to it). Every `*.json` in
them is one format; its `kind` says which. Each file is checked against the JSON Schema
(`reviewer.formats.schema`) and its references (a relation's rows, a prose check's cells …) against its own
tables, so a bad file stops the load with one line naming the file and the key.

Importing jsonschema costs about 0.2 s, paid by every process that loads formats (the app, each import
worker). So a file whose exact bytes already passed this schema leaves a stamp in the user's cache and is not
run through jsonschema again; a changed file or a changed schema is checked anew, and a bad file never gets a
stamp. The reference checks run on every load.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from reviewer.errors import ReviewerError
from reviewer.formats.model import (
    ColumnDef,
    FormatDef,
    ProseCheck,
    RowAlternative,
    RowDef,
    Table2Variant,
    TableDef,
)
from reviewer.formats.schema import FILE, SCHEMAS
from reviewer.resources import formats_dir

FORMATS_ENV = "REVIEWER_FORMATS"


class FormatError(ReviewerError):
    """A format file that cannot be used; the message names the file and the key."""


@dataclass(frozen=True, slots=True)
class Catalog:
    national: dict[str, FormatDef]  # by template, oldest first
    variants: tuple[Table2Variant, ...]


def _env_dirs() -> list[str]:
    return [p for p in os.environ.get(FORMATS_ENV, "").split(os.pathsep) if p.strip()]


def format_dirs() -> list[Path]:
    """The folders format files are read from, in order."""
    return [formats_dir(), *(Path(p) for p in _env_dirs())]


def add_extra_dir(path: str | Path) -> None:
    """Kept in $REVIEWER_FORMATS, so the processes started from now on (the importer's workers) read it too."""
    os.environ[FORMATS_ENV] = os.pathsep.join([*_env_dirs(), str(path)])


def remove_extra_dir(path: str | Path) -> None:
    os.environ[FORMATS_ENV] = os.pathsep.join(p for p in _env_dirs() if p != str(path))


def _where(path: Iterable[Any]) -> str:
    return "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path).lstrip(".") or "(top level)"


@cache
def _stamps() -> Path:
    from platformdirs import user_cache_path

    schema = json.dumps([FILE, SCHEMAS], sort_keys=True, ensure_ascii=False).encode("utf-8")
    return user_cache_path("reviewer-gui") / "formats-valid" / hashlib.sha256(schema).hexdigest()[:16]


def _validate(path: Path, raw: bytes, data: Any) -> None:
    stamp = _stamps() / hashlib.sha256(raw).hexdigest()
    if stamp.exists():
        return
    import jsonschema

    for schema in (FILE, SCHEMAS.get(data.get("kind", "")) if isinstance(data, dict) else None):
        if schema is None:
            continue
        error = jsonschema.exceptions.best_match(jsonschema.Draft202012Validator(schema).iter_errors(data))
        if error is not None:
            raise FormatError(f"{path}: {_where(error.absolute_path)}: {error.message}")
    try:
        stamp.parent.mkdir(parents=True, exist_ok=True)
        stamp.touch()
    except OSError:
        pass  # no cache: the next load checks again


def _columns(items: list[dict[str, Any]]) -> tuple[ColumnDef, ...]:
    return tuple(ColumnDef(c["key"], c["label"], tuple(c.get("variants", [c["label"]])), c.get("kind", "count"),
                           c.get("group"), c.get("form_unit")) for c in items)


def _row(r: dict[str, Any]) -> RowDef:
    return RowDef(r["key"], r["label"], tuple(r.get("variants", [r["label"]])), r.get("group"),
                  tuple(r["columns"]) if "columns" in r else None)


def _table(tid: str, d: dict[str, Any]) -> TableDef:
    rows = tuple(_row(r) for r in d["rows"])
    alternatives = tuple(RowAlternative(_row(a["row"]), tuple(a["replaces"])) for a in d.get("alternatives", []))
    return TableDef(tid, d["title"], tuple(d.get("title_variants", [d["title"]])), d.get("kind", "grid"),
                    _columns(d["columns"]), rows, d.get("total_column"), d["section"], d.get("header_mark"),
                    alternatives, tuple(d.get("opening", [])))


class _Checker:
    """The references inside one file, each checked against the file's own tables."""

    def __init__(self, path: Path, tables: dict[str, TableDef]) -> None:
        self.path, self.tables = path, tables

    def fail(self, where: str, problem: str) -> None:
        raise FormatError(f"{self.path}: {where}: {problem}")

    def table(self, where: str, tid: str) -> TableDef:
        if tid not in self.tables:
            self.fail(where, f"no table {tid!r} in sections")
        return self.tables[tid]

    def rows(self, where: str, tdef: TableDef, keys: Iterable[str]) -> None:
        for k in keys:
            if not any(r.key == k for r in tdef.rows):
                self.fail(where, f"{tdef.id} has no row {k!r}")

    def columns(self, where: str, tdef: TableDef, keys: Iterable[str]) -> None:
        for k in keys:
            if not any(c.key == k for c in tdef.columns):
                self.fail(where, f"{tdef.id} has no column {k!r}")

    def cells(self, where: str, cells: Iterable[str]) -> None:
        for cid in cells:
            table, rest = cid.split(":", 1)
            row, col = rest.rsplit(":", 1)
            tdef = self.table(where, table)
            self.rows(where, tdef, [row])
            if not tdef.has_cell(row, col):
                self.fail(where, f"{cid}: row {row!r} has no column {col!r}")


def _check_tables(c: _Checker, tables: dict[str, TableDef]) -> None:
    for tid, tdef in tables.items():
        keys = [r.key for r in tdef.rows]
        if len(set(keys)) != len(keys):
            c.fail(f"sections.{tid}.rows", f"a row key appears twice: {sorted({k for k in keys if keys.count(k) > 1})}")
        cols = [col.key for col in tdef.columns]
        if len(set(cols)) != len(cols):
            c.fail(f"sections.{tid}.columns", "a column key appears twice")
        for i, r in enumerate(tdef.rows):
            if r.columns is not None:
                c.columns(f"sections.{tid}.rows[{i}].columns", tdef, r.columns)
        if tdef.total_column is not None:
            c.columns(f"sections.{tid}.total_column", tdef, [tdef.total_column])
        for i, alt in enumerate(tdef.alternatives):
            where = f"sections.{tid}.alternatives[{i}]"
            c.rows(f"{where}.replaces", tdef, alt.replaces)
            if alt.row.key in keys:
                c.fail(f"{where}.row", f"{alt.row.key!r} is already a row of {tid}")


def _national(path: Path, d: dict[str, Any]) -> FormatDef:
    tables = {tid: _table(tid, td) for tid, td in d["sections"].items()}
    c = _Checker(path, tables)
    _check_tables(c, tables)
    for i, rel in enumerate(d["relations"]):
        where = f"relations[{i}]"
        tdef = c.table(f"{where}.table", rel["table"])
        along_rows = rel["each"] == "column"
        for side in ("lhs", "rhs"):
            (c.rows if along_rows else c.columns)(f"{where}.{side}", tdef, rel[side])
        c.rows(f"{where}.rows", tdef, rel.get("rows", []))
    for i, rule in enumerate(d.get("cross", [])):
        where = f"cross[{i}]"
        tdef = c.table(f"{where}.table", rule["table"])
        if rule["kind"] == "carry":
            c.rows(where, tdef, [rule["this_row"], rule["prev_row"]])
        else:
            c.rows(f"{where}.rows", tdef, rule["rows"])
            c.columns(where, tdef, [rule[k] for k in ("this", "prev", "plus", "minus")])
    for i, p in enumerate(d.get("prose", [])):
        for j, alt in enumerate(p["alternatives"]):
            c.cells(f"prose[{i}].alternatives[{j}]", alt)
    for key, cells in d.get("statements", {}).items():
        c.cells(f"statements.{key}", cells)
    if "fee_check" in d:
        c.cells("fee_check.cell", [d["fee_check"]["cell"]])
    for key, cells in d.get("charts", {}).items():
        c.cells(f"charts.{key}", cells)
    return FormatDef(
        d["id"], d["template"], d["name"], d["since"], tuple(d["detect"]), tables, tuple(d["relations"]),
        tuple(d.get("cross", [])),
        prose=tuple(ProseCheck(p["key"], p["name"], tuple(tuple(a) for a in p["alternatives"]))
                    for p in d.get("prose", [])),
        statements={k: tuple(v) for k, v in d.get("statements", {}).items()},
        fee_cell=d["fee_check"]["cell"] if "fee_check" in d else None,
        charts={k: tuple(v) for k, v in d.get("charts", {}).items()},
        path=str(path))


def _variant(path: Path, d: dict[str, Any]) -> Table2Variant:
    cols = [col["key"] for col in d["columns"]]
    if len(set(cols)) != len(cols):
        raise FormatError(f"{path}: columns: a column key appears twice")
    stated = d.get("stated_total")
    if stated is not None and stated["column"] not in cols:
        raise FormatError(f"{path}: stated_total.column: no column {stated['column']!r}")
    return Table2Variant(d["id"], d["name"], tuple(d["detect"]), _columns(d["columns"]), d["total_row"],
                         tuple(d.get("total_variants", [d["total_row"]])), str(path),
                         (stated["key"], stated["column"]) if stated else None)


def read_file(path: Path) -> FormatDef | Table2Variant:
    """One format file, validated; FormatError names the file and the key when it cannot be used."""
    try:
        raw = path.read_bytes()
        data = json.loads(raw.decode("utf-8"))
    except OSError as exc:
        raise FormatError(f"{path}: cannot be read: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise FormatError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    except json.JSONDecodeError as exc:
        raise FormatError(f"{path}: not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})") from exc
    _validate(path, raw, data)
    return _national(path, data) if data["kind"] == "national" else _variant(path, data)


@cache
def catalog() -> Catalog:
    national: dict[str, FormatDef] = {}
    variants: dict[str, Table2Variant] = {}
    seen: dict[str, str] = {}
    for folder in format_dirs():
        if not folder.is_dir():
            raise FormatError(f"{folder}: no such folder of format files (${FORMATS_ENV} or add_format_dir)")
        for path in sorted(folder.glob("*.json")):
            f = read_file(path)
            if f.id in seen:
                raise FormatError(f"{path}: id: {f.id!r} is already defined by {seen[f.id]}")
            seen[f.id] = str(path)
            if isinstance(f, FormatDef):
                if f.template in national:
                    raise FormatError(f"{path}: template: {f.template!r} is already defined by "
                                      f"{national[f.template].path}")
                national[f.template] = f
            else:
                variants[f.id] = f
    if not national:
        raise FormatError(f"{format_dirs()[0]}: no national format file")
    ordered = dict(sorted(national.items(), key=lambda kv: kv[1].since))
    return Catalog(ordered, tuple(variants.values()))
