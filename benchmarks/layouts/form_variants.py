"""The form's known variations (tests/test_variants.py): every truth record printed with one variation at a
time — numbering, wording, group labels, headers, table-4 shapes, blanks, digits, noise, markup."""

from __future__ import annotations

from collections.abc import Iterator

from benchmarks.layouts import Case, layout, value_findings
from tests import test_variants as tv

_FORMAT = {"tsv": "txt", "lines": "txt", "pdftext": "txt", "md": "md", "html": "html"}


@layout("form variations")
def variations() -> Iterator[Case]:
    for v in tv.VARIANTS:
        for name in v.records:
            want, data, filename = tv.render(name, v)
            expected = value_findings(want.get("expected_findings", []), want)
            if v.expect == "reported":
                expected = [*expected, {"rule": "unplaced values", "cells": []}]
            in_order = v.out in ("lines", "pdftext") and "regulations" not in want["table2"]
            yield Case("form variations", _FORMAT[v.out], f"{v.name}/{name}", data, filename, want, expected,
                       in_order)
