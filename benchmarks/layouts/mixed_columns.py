"""Table 2 printed with another format's columns (tests/variants_mixed_columns.py): a 2021 report keeping 2019's
block （一） header (its values reported, never placed by position), a 2019 report printing 2021's single
本年处理决定数量 column — every truth record of the format, as text and as a web page."""

from __future__ import annotations

from collections.abc import Iterator

from benchmarks.layouts import Case, layout, value_findings
from tests import variants_mixed_columns as vm


@layout("mixed table-2 columns")
def mixed_columns() -> Iterator[Case]:
    for c in vm.mixed_cases():
        expected = value_findings(c.want.get("expected_findings", []), c.want)
        if c.variant.startswith("2019-columns-in-2021"):
            expected = [*expected, {"rule": "unplaced values", "cells": []}]
        yield Case(layout="mixed table-2 columns", fmt=c.out, name=f"{c.variant}/{c.record}", data=c.data,
                   filename=c.filename, want=c.want, expected=expected, group=c.variant)
