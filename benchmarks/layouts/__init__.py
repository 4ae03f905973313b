"""The registry of layout generators scored by `benchmarks/bench_accuracy.py`.

A layout generator yields `Case`s: a report file in one input format and the record it must read as. Add a
layout by writing a module in this package with a function decorated `@layout("name")`; every module here
is imported by `load_all()`, so nothing else needs changing.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Case:
    """One report to score.

    `want` holds the record as the report prints it (agency, year, template, table2–4: what must be read back);
    `expected` the findings a reviewer must see ({"rule": English name or rule id, "cells": [...]}; no cells:
    any finding of that rule). `table2_in_order`: a provincial table whose label paths the layout loses is
    compared by its values in order. `group` names a sub-layout the table also shows apart.
    """

    layout: str
    fmt: str  # txt | md | html | docx | pdf
    name: str
    data: bytes
    filename: str
    want: dict[str, Any]
    expected: list[dict[str, Any]] = field(default_factory=list)
    table2_in_order: bool = False
    group: str = ""  # a sub-layout shown on its own line (a crawl style, a variation)


Generator = Callable[[], Iterable[Case]]
LAYOUTS: dict[str, Generator] = {}


def layout(name: str) -> Callable[[Generator], Generator]:
    """Register a generator of cases under a layout name (shown in the table)."""

    def register(fn: Generator) -> Generator:
        if name in LAYOUTS:
            raise ValueError(f"layout {name!r} registered twice")
        LAYOUTS[name] = fn
        return fn

    return register


def load_all() -> dict[str, Generator]:
    """Import every generator module of this package (each registers its layouts) and return the registry."""
    for info in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{info.name}")
    return LAYOUTS


def value_findings(expected: list[dict[str, Any]], want: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """The expected findings that follow from the values (not from how one file was extracted).

    With `want` (the record as a variant prints it), a finding is kept only if those printed values still
    raise it: a variant that blanks a cell leaves a relation through it undecided.
    """
    kept = [f for f in expected if f.get("rule") not in ("row labels lost",)]
    if want is None:
        return kept
    from reviewer.formats import load_table2_variants
    from reviewer.model import Record
    from reviewer.rules import check

    variant = want.get("table2_variant") or (
        load_table2_variants()[0].id if "regulations" not in want.get("table2", {}) else None)
    rec = Record(source={}, template=want.get("template"), table2_variant=variant,
                 tables={t: {r: dict(c) for r, c in want.get(t, {}).items()} for t in ("table2", "table3", "table4")})
    raised = check(rec)
    return [f for f in kept if any(f["rule"] in (g.name, g.rule) and set(f.get("cells", [])) & set(g.cells)
                                   for g in raised)]
