"""Benchmark: the parser scored against every gold record the project has, per layout and input format.

Run: PYTHONPATH=. python benchmarks/bench_accuracy.py [--layout NAME] [--details N]

Cases come from the layout generators registered in `benchmarks/layouts/` (the seeds, the real PDF, the
seeds rendered in every format, the form's variations, the layouts of issue #8 …). Per layout it prints:

- cells exact: cells read as the truth (a provincial table a layout flattens: its values in order);
- silently wrong: cells that differ from the truth with no warning or error finding on the cell (or its
  table) — the number that must stay 0;
- expected flagged: the findings the truth expects (relation errors, blanks, unplaced values …) that the
  parser raised;
- false errors: error findings on cells the truth expects no error on (on a clean report, every error);
- open: of the cells not exact, those left blank with the alternatives listed (a fused digit run the report's
  relations and prose do not decide: the reviewer chooses).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

if str(Path(__file__).resolve().parent.parent) not in sys.path:  # run as a script: the project's root
    sys.path.append(str(Path(__file__).resolve().parent.parent))

from benchmarks.layouts import Case, load_all  # noqa: E402
from reviewer import parse_bytes  # noqa: E402
from reviewer.errors import ReadError  # noqa: E402
from reviewer.model import Finding, Record  # noqa: E402

TABLES = ("table2", "table3", "table4")


@dataclass
class Score:
    cases: int = 0
    cells: int = 0
    exact: int = 0
    silent: int = 0
    open: int = 0  # not exact: left null by an undecided split, its alternatives listed
    expected: int = 0
    flagged: int = 0
    false_errors: int = 0
    failed: int = 0  # files the parser refused
    seconds: float = 0.0
    wrong: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name in ("cases", "cells", "exact", "silent", "open", "expected", "flagged", "false_errors", "failed",
                     "seconds"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.wrong += other.wrong
        self.missed += other.missed


def _flags(rec: Record) -> dict[str, list[Finding]]:
    out: dict[str, list[Finding]] = {}
    for f in rec.findings:
        if f.severity in ("warning", "error"):
            for c in f.cells:
                out.setdefault(c, []).append(f)
    return out


def _cells(want: dict[str, Any], rec: Record, in_order: bool) -> Iterable[tuple[str, Any, Any]]:
    """(cell id, truth, read) for every truth cell."""
    for table in TABLES:
        rows = want.get(table, {})
        if table == "table2" and in_order:
            got = [cols.get("value") for cols in rec.tables.get(table, {}).values()]
            for k, (row, cols) in enumerate(rows.items()):
                yield f"table2:{row}:value", cols.get("value"), got[k] if k < len(got) else "absent"
            continue
        for row, cols in rows.items():
            for col, value in cols.items():
                yield f"{table}:{row}:{col}", value, rec.tables.get(table, {}).get(row, {}).get(col, "absent")


def _matches(exp: dict[str, Any], f: Finding) -> bool:
    if exp["rule"] not in (f.name, f.rule):
        return False
    cells = set(exp.get("cells", []))
    return not cells or bool(cells & set(f.cells))


def score(case: Case) -> Score:
    s = Score(cases=1)
    t0 = time.perf_counter()
    try:
        rec = parse_bytes(case.data, case.filename)
    except ReadError as e:
        s.failed = 1
        s.wrong.append(f"{case.layout}/{case.fmt}/{case.name}: {e}")
        return s
    s.seconds = time.perf_counter() - t0
    flags = _flags(rec)
    for cid, want, got in _cells(case.want, rec, case.table2_in_order):
        s.cells += 1
        if got == want and type(got) is type(want):
            s.exact += 1
            continue
        if got == want:  # 0 against 0.0: the same figure
            s.exact += 1
            continue
        table = cid.split(":", 1)[0]
        if got is None and any(f.rule == "SPLIT" and f.params.get("alternatives") for f in flags.get(cid, ())):
            s.open += 1
        if not flags.get(cid) and not flags.get(f"{table}:*"):
            s.silent += 1
            s.wrong.append(f"{case.layout}/{case.fmt}/{case.name}: {cid} truth {want!r}, read {got!r} (no finding)")
    s.expected = len(case.expected)
    for exp in case.expected:
        if any(_matches(exp, f) for f in rec.findings):
            s.flagged += 1
        else:
            s.missed.append(f"{case.layout}/{case.fmt}/{case.name}: expected {exp['rule']} on {exp.get('cells')}")
    allowed = {c for exp in case.expected for c in exp.get("cells", [])}
    s.false_errors = sum(1 for f in rec.findings if f.severity == "error" and not set(f.cells) & allowed)
    return s


def _row(label: str, fmt: str, s: Score) -> str:
    pct = 100 * s.exact / s.cells if s.cells else 0.0
    flagged = f"{s.flagged}/{s.expected}" if s.expected else "—"
    ms = 1000 * s.seconds / max(1, s.cases - s.failed)
    return (f"| {label:<24} | {fmt:<5} | {s.cases:>5} | {s.cells:>7} | {pct:>7.2f} % | {s.silent:>6} | {s.open:>4} "
            f"| {flagged:>9} | {s.false_errors:>6} | {ms:>7.1f} |")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--layout", action="append", help="only these layouts (repeatable)")
    ap.add_argument("--details", type=int, default=10,
                    help="list this many silently wrong cells and missed expected findings")
    args = ap.parse_args()
    layouts = load_all()
    names = [n for n in layouts if not args.layout or n in args.layout]
    print("| layout                   | fmt   | cases |   cells |   exact   | silent | open | expected  | false  | ms/case |")
    print("|--------------------------|-------|------:|--------:|----------:|-------:|-----:|----------:|-------:|--------:|")
    overall = Score()
    for name in names:
        per_fmt: dict[str, Score] = {}
        per_group: dict[tuple[str, str], Score] = {}
        for case in layouts[name]():
            s = score(case)
            per_fmt.setdefault(case.fmt, Score()).add(s)
            if case.group:
                per_group.setdefault((case.group, case.fmt), Score()).add(s)
        for (group, fmt), s in per_group.items():
            print(_row(f"  {group}", fmt, s))
        total = Score()
        for fmt, s in per_fmt.items():
            total.add(s)
            print(_row(name, fmt, s))
        if len(per_fmt) > 1:
            print(_row(name, "all", total))
        overall.add(total)
    print(_row("overall", "all", overall))
    if overall.failed:
        print(f"{overall.failed} file(s) refused")
    for line in overall.wrong[: args.details] + overall.missed[: args.details]:
        print("  " + line)


if __name__ == "__main__":
    main()
