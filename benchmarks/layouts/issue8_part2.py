"""The layouts of issue #8 part 2 (tests/variants_layouts.py): PDF converted to Markdown (and its text layer),
Word documents saved as web pages, a 2021 report printing the 2019 single （六）其他处理 row, and labels that
differ from the form — every truth record in each, in every input format where the layout occurs.

Registered with `benchmarks/layouts/` (bench_accuracy.py's registry) by being in this package."""

from __future__ import annotations

from collections.abc import Iterator

from benchmarks.layouts import Case, layout, value_findings
from tests import variants_layouts as vl


def _cases(name: str) -> Iterator[Case]:
    for c in vl.LAYOUTS[name]():
        expected = value_findings(c.want.get("expected_findings", []), c.want)
        yield Case(layout=LABELS[name], fmt=c.out, name=f"{c.variant}/{c.record}", data=c.data, filename=c.filename,
                   want=c.want, expected=expected)


LABELS = {"pdf-md": "pdf → markdown", "word-html": "word-export html", "t3-2019-other": "2021 + 2019 （六）",
          "label-variants": "label variants"}


@layout(LABELS["pdf-md"])
def pdf_markdown() -> Iterator[Case]:
    return _cases("pdf-md")


@layout(LABELS["word-html"])
def word_html() -> Iterator[Case]:
    return _cases("word-html")


@layout(LABELS["t3-2019-other"])
def single_other_row() -> Iterator[Case]:
    return _cases("t3-2019-other")


@layout(LABELS["label-variants"])
def label_variants() -> Iterator[Case]:
    return _cases("label-variants")
