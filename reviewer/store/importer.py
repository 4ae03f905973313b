"""Batch import: files and folders into the library, parsed in parallel processes.

The main process reads each file and hashes it (a file already held is skipped before any parsing), worker
processes parse chunks of files, and the main process writes each chunk in one transaction, in the order the
files were given (`import_writer`); a chunk with a report that cannot be written is written again report by
report, so that file is named and the batch goes on. `progress(done, total, path)` is called for every file
once its report is committed; `cancel()` is polled between chunks. What was written before a cancel or a
crash stays, complete report by report, and importing again resumes (what is held is skipped).
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

from reviewer.api import PARSER_VERSION, parse_bytes
from reviewer.errors import ReviewerError
from reviewer.model import Finding, Record, Tables, assign_keys
from reviewer.reading import load_bytes
from reviewer.reading.walk import walk
from reviewer.store import crossreport
from reviewer.store.backend import INTEGRITY_ERRORS, Db
from reviewer.store.db import now, write
from reviewer.store.guard import is_store_wide, store_error
from reviewer.store.handle import LibraryHandle
from reviewer.store.import_writer import Known, Pending, lookup, previous_record, recheck_next_year
from reviewer.store.normalize import agency_key
from reviewer.store.records import cell_rows, counts, extra_json, findings_rows
from reviewer.store.types import KIND_IMPORT, ImportSummary

CHUNK = 8  # files per task sent to a worker
ADMIT_BLOCK = 4 * CHUNK  # files read and hashed before the library is asked which it holds
IN_PROCESS_MAX = 4  # this many files or fewer: parse here, a process pool would cost more than it saves

Item = tuple[str, bytes, str]  # path, bytes, sha256
Job = tuple[str, bytes, str, dict[str, Any]]  # path, bytes, file name, extra keys of the record's source


@dataclass(frozen=True, slots=True)
class Source:
    """A report already in memory (fetched from a web address): `path` is its address, `name` the file name
    it is read and listed by, `extra` goes into the record's source (e.g. url, fetched_at)."""

    path: str
    name: str
    data: bytes
    extra: dict[str, Any]


@dataclass(slots=True)
class Prepared:
    """A parsed report made ready for the library in the worker (the writer only runs the INSERTs)."""

    source_name: str
    source_format: str | None
    agency: str | None
    year: int | None
    region: str | None
    template: str | None
    table2_variant: str | None
    parser_version: str
    text: str
    extra: str  # documents.extra JSON
    cells: list[tuple[Any, ...]]  # cell rows without the report id
    findings: list[Finding]  # checked without last year's report
    finding_rows: list[tuple[Any, ...]]  # (seq, rule, severity, key, json)
    tables: Tables

    def light(self) -> Record:
        """Metadata and values: what the rules across years read."""
        return Record(source={}, agency=self.agency, year=self.year, template=self.template,
                      table2_variant=self.table2_variant, region=self.region, tables=self.tables)


Parsed = tuple[Prepared | None, str | None]  # the report, or the reason it could not be read


def prepare(record: Record, name: str) -> Prepared:
    rows = cell_rows(record)
    return Prepared(
        name, record.source.get("format"), record.agency, record.year, record.region, record.template,
        record.table2_variant, record.parser_version or PARSER_VERSION, record.text, extra_json(record), rows,
        record.findings, [r[1:] for r in findings_rows(0, record.findings)], record.tables)


def expand(paths: list[str | Path]) -> tuple[list[Path], list[tuple[str, str]], list[tuple[str, str]]]:
    """Files to import (folders recursively, hidden files skipped), the paths that cannot be read (missing,
    unreadable folders) and the paths skipped as not reports (special files, hidden files), with reasons."""
    walked = walk(paths)
    return walked.files, walked.unreadable, walked.skipped


def parse_chunk(items: list[Job]) -> list[Parsed]:
    """Run in a worker: parse each file; a failure is a one-line reason, never an exception."""
    out: list[Parsed] = []
    for path, data, name, extra in items:
        try:
            record = parse_bytes(data, name, path=path)
            record.source.update(extra)
            out.append((prepare(record, name), None))
        except ReviewerError as exc:
            out.append((None, str(exc)))
        except Exception as exc:  # a parser bug must not stop the batch: report it as this file's failure
            out.append((None, f"{name}: 解析失败（{type(exc).__name__}: {str(exc)[:160]}）"))
    return out


def insert_report(c: Db, item: Item, rep: Prepared, reviewer: str | None, at: str, known: Known | None = None,
                  pending: Pending | None = None) -> tuple[int, int | None]:
    """Write one parsed report inside the caller's transaction; its rows other than the report's own wait in
    `pending` (sent before anything reads them and before the commit: `Pending.flush`; without `pending`, they
    are sent here). `known`: light records of the reports this run wrote. Returns the report's id and, when the
    library already holds a report of the same agency and year, the id of the first of them."""
    path, data, sha = item
    own = pending is None
    pending = Pending() if pending is None else pending
    known = Known() if known is None else known
    akey = agency_key(rep.agency)
    found = lookup(c, akey, rep.year)
    batch = pending.next_batch(found.next_batch)
    # The findings, with what R7/R8 find against last year's report (the worker checked without it), before the
    # report's row: a new report's row is written with its counts and its findings added, nothing replaced.
    this = rep.light()
    prev = previous_record(c, found, known, pending)
    cross = crossreport.cross_findings(this, prev) if prev is not None else []
    findings = rep.findings + cross
    if cross:
        assign_keys(findings)
    errors, warnings = counts(findings)  # nothing of a new report is confirmed as a source defect yet
    rid = c.insert(
        "INSERT INTO reports(source_name, source_path, sha256, source_format, agency, agency_key, year, region, "
        "template, table2_variant, parser_version, checked_with, version_of, imported_at, updated_at, errors, "
        "warnings) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (rep.source_name, path, sha, rep.source_format, rep.agency, akey, rep.year, rep.region, rep.template,
         rep.table2_variant, rep.parser_version, PARSER_VERSION, found.version_of, at, at, errors, warnings))
    known.stage((rid, 1), this, rep.cells)  # a new report's version is 1
    pending.reports.add(rid)
    pending.documents.append((rid, data, rep.text, rep.extra))
    pending.cells.extend((rid, cid, i, v, v, t, o, o, s0, s1) for cid, i, v, t, o, s0, s1 in rep.cells)
    pending.findings.extend(findings_rows(rid, findings) if cross else [(rid, *r) for r in rep.finding_rows])
    # the report's first audit line: its chain starts here
    pending.edits.append((rid, batch, KIND_IMPORT, None, None, rep.source_name, reviewer, at, None))
    if found.next_year:  # next year's reports, if this is now their previous
        recheck_next_year(c, akey, rep.year, rid, this, known, pending)
    if own:
        pending.flush(c)
    return rid, found.version_of


class _Run:
    def __init__(self, lib: LibraryHandle, total: int, reviewer: str | None,
                 progress: Callable[[int, int, str], None] | None, cancel: Callable[[], bool] | None) -> None:
        self.lib = lib
        self.summary = ImportSummary(total=total)
        self.reviewer = reviewer
        self.progress = progress
        self.cancel = cancel
        self.done = 0
        self.seen: dict[str, str] = {}  # sha256 -> first path of this run
        self.repeats: list[tuple[str, str]] = []  # (path, sha256) of files repeated within this run
        self.sources: dict[str, Source] = {}  # in-memory reports by path
        self.known = Known()  # light records of the reports written, for R7/R8 of later ones

    def jobs(self, chunk: list[Item]) -> list[Job]:
        """What a worker parses: each item with its file name and its source's extra keys."""
        out: list[Job] = []
        for path, data, _ in chunk:
            source = self.sources.get(path)
            out.append((path, data, source.name, source.extra) if source else (path, data, Path(path).name, {}))
        return out

    def tick(self, path: str) -> None:
        self.done += 1
        if self.progress is not None:
            self.progress(self.done, self.summary.total, path)

    def cancelled(self) -> bool:
        if self.cancel is not None and self.cancel():
            self.summary.cancelled = True
        return self.summary.cancelled

    def prepared(self, files: list[Path], sources: list[Source]) -> Iterator[Item]:
        """Files to parse, read and hashed here, then reports already in memory; duplicates and unreadable
        files are reported at once. The library is asked which are held `ADMIT_BLOCK` files at a time."""
        block: list[tuple[str, bytes]] = []
        for path, data in self._read(files, sources):
            block.append((path, data))
            if len(block) >= ADMIT_BLOCK:
                yield from self.admit(block)
                block = []
        yield from self.admit(block)

    def _read(self, files: list[Path], sources: list[Source]) -> Iterator[tuple[str, bytes]]:
        for p in files:
            if self.cancelled():
                return
            path = str(p)
            try:
                data = load_bytes(p)
            except ReviewerError as exc:
                self.summary.failed.append((path, str(exc)))
                self.tick(path)
                continue
            except OSError as exc:
                self.summary.failed.append((path, f"{p.name}: 无法读取（{exc.strerror or exc}）"))
                self.tick(path)
                continue
            yield path, data
        for source in sources:
            if self.cancelled():
                return
            self.sources[source.path] = source
            yield source.path, source.data

    def admit(self, block: list[tuple[str, bytes]]) -> list[Item]:
        """The items to parse, in order; duplicates (of the library or of this run) are reported here."""
        hashed = [(path, data, hashlib.sha256(data).hexdigest()) for path, data in block]
        if not hashed:
            return []
        conn = self.lib.connection
        with self.lib.lock:
            held = dict(conn.execute(f"SELECT sha256, id FROM reports WHERE sha256 IN (SELECT value FROM "
                                     f"{conn.each_text})", (json.dumps([sha for _, _, sha in hashed]),)).fetchall())
        out: list[Item] = []
        for path, data, sha in hashed:
            if sha in held:
                self.summary.duplicates.append((path, held[sha]))
                self.tick(path)
            elif sha in self.seen:
                self.repeats.append((path, sha))
                self.tick(path)
            else:
                self.seen[sha] = path
                out.append((path, data, sha))
        return out

    def store(self, items: list[Item], results: list[Parsed]) -> None:
        """The chunk's reports in one transaction (the library's write lock held once, one commit); if any of
        them cannot be written the whole chunk is rolled back and written again report by report (`_store_one`),
        so that file is named and the rest kept. Each report is whole or absent whichever way it is written,
        and `progress` is told of a file only once its report is committed."""
        at = now()
        todo = [(item, record) for item, (record, _) in zip(items, results, strict=True) if record is not None]
        written: list[tuple[int, int | None]] | None = None
        if len(todo) > 1:
            written = self._store_chunk(todo, at)
        out = iter(written or [])
        for item, (record, reason) in zip(items, results, strict=True):
            try:
                if record is None:
                    self.summary.failed.append((item[0], reason or "无法读取"))
                elif written is not None:
                    self._imported(*next(out))
                else:
                    self._store_one(item, record, at)
            finally:
                self.tick(item[0])

    def _store_chunk(self, todo: list[tuple[Item, Prepared]], at: str) -> list[tuple[int, int | None]] | None:
        """Write the reports in one transaction; None when one of them failed (nothing of the chunk is kept)."""
        try:
            with self.lib.lock, write(self.lib.connection) as c:
                pending = Pending()
                out = [insert_report(c, item, record, self.reviewer, at, self.known, pending)
                       for item, record in todo]
                pending.flush(c)
        except Exception:  # rolled back: each report again in its own transaction, which names the failure
            self.known.discard()
            return None
        self.known.commit()
        return out

    def _imported(self, rid: int, version_of: int | None) -> None:
        self.summary.imported.append(rid)
        if version_of is not None:
            self.summary.versions_flagged.append(rid)

    def _store_one(self, item: Item, record: Prepared, at: str) -> None:
        name = Path(item[0]).name
        try:
            with self.lib.lock, write(self.lib.connection) as c:
                rid, version_of = insert_report(c, item, record, self.reviewer, at, self.known)
        except INTEGRITY_ERRORS:
            self.known.discard()
            with self.lib.lock:
                row = self.lib.connection.execute("SELECT id FROM reports WHERE sha256 = ?", (item[2],)).fetchone()
            if row is None:
                self.summary.failed.append((item[0], f"{name}: 无法写入资料库（数据约束冲突）"))
            else:
                self.summary.duplicates.append((item[0], row[0]))
            return
        except Exception as exc:
            self.known.discard()
            if is_store_wide(exc):
                raise store_error(exc, self.lib.path, f"导入 {name} 时") from exc
            self.summary.failed.append((item[0], f"{name}: 无法写入资料库（{type(exc).__name__}: {str(exc)[:120]}）"))
            return
        self.known.commit()
        self._imported(rid, version_of)

    def settle_repeats(self) -> None:
        """A file given twice in one run: a duplicate of the first copy if that was imported, else failed too."""
        conn = self.lib.connection
        for path, sha in self.repeats:
            with self.lib.lock:
                row = conn.execute("SELECT id FROM reports WHERE sha256 = ?", (sha,)).fetchone()
            if row is not None:
                self.summary.duplicates.append((path, row[0]))
            else:
                self.summary.failed.append((path, f"{Path(path).name}: 与 {Path(self.seen[sha]).name} 内容相同，未导入"))


def _chunks(items: Iterator[Item], size: int) -> Iterator[list[Item]]:
    while chunk := list(islice(items, size)):
        yield chunk


def _context() -> multiprocessing.context.BaseContext:
    """forkserver where available: forking a process that runs GUI threads is unsafe."""
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def run_import(lib: LibraryHandle, paths: list[str | Path], *, reviewer: str | None = None,
               progress: Callable[[int, int, str], None] | None = None, cancel: Callable[[], bool] | None = None,
               workers: int | None = None, sources: list[Source] | None = None) -> ImportSummary:
    files, missing, skipped = expand(paths)
    sources = list(sources or [])
    run = _Run(lib, len(files) + len(missing) + len(sources), reviewer.strip() if reviewer else None, progress,
               cancel)
    run.summary.skipped.extend(skipped)
    for path, reason in missing:
        run.summary.failed.append((path, reason))
        run.tick(path)
    n = workers or min(os.cpu_count() or 1, 8)
    chunks = _chunks(run.prepared(files, sources), CHUNK)
    conn = lib.connection
    with lib.lock:
        conn.bulk(True)  # a commit survives a killed process; the disk is waited for at the end
    try:
        if n <= 1 or len(files) + len(sources) <= IN_PROCESS_MAX:
            for chunk in chunks:
                if run.cancelled():
                    break
                run.store(chunk, parse_chunk(run.jobs(chunk)))
        else:
            _pooled(run, chunks, n)
    finally:
        with lib.lock:
            conn.bulk(False)
    run.settle_repeats()
    return run.summary


def _pooled(run: _Run, chunks: Iterator[list[Item]], workers: int) -> None:
    """Parse in worker processes, `workers * 3` chunks ahead of the writer, results taken in file order.

    If the pool breaks (a worker killed, or a main module the workers cannot import, as in an interactive
    session), the rest is parsed in this process."""
    window: deque[tuple[list[Item], Future[list[Parsed]] | None]] = deque()
    ex = ProcessPoolExecutor(max_workers=workers, mp_context=_context())
    broken = False
    try:
        def fill() -> None:
            while len(window) < workers * 3 and not run.cancelled():
                chunk = next(chunks, None)
                if chunk is None:
                    return
                window.append((chunk, None if broken else ex.submit(parse_chunk, run.jobs(chunk))))

        fill()
        while window and not run.cancelled():
            chunk, fut = window.popleft()
            results = None
            if fut is not None and not broken:
                try:
                    results = fut.result()
                except BrokenProcessPool:
                    broken = True
            if results is None:
                results = parse_chunk(run.jobs(chunk))
            run.store(chunk, results)
            fill()
    finally:
        ex.shutdown(wait=True, cancel_futures=True)
