"""The gold records the project holds: the bundled seeds as published, the real PDF, and each seed
rendered as the web page, Word document and PDF it could have been published as."""

from __future__ import annotations

from collections.abc import Iterator

from benchmarks.layouts import Case, layout, value_findings
from tests import builders as b

SEEDS = sorted(p.stem for p in b.SAMPLES.glob("*.txt"))
NATIONAL = [s for s in SEEDS if "regulations" in b.truth(s)["table2"]]


@layout("seeds as published")
def seeds() -> Iterator[Case]:
    for name in SEEDS:
        t = b.truth(name)
        yield Case("seeds as published", "txt", name, (b.SAMPLES / f"{name}.txt").read_bytes(), f"{name}.txt", t,
                   list(t.get("expected_findings", [])))


@layout("real PDF")
def real_pdf() -> Iterator[Case]:
    t = b.truth("huaian-2024")
    yield Case("real PDF", "pdf", "huaian-2024", b.HUAIAN_PDF.read_bytes(), "huaian-2024.pdf", t,
               list(t.get("expected_findings", [])))


@layout("seeds rendered")
def rendered() -> Iterator[Case]:
    for name in [*NATIONAL, "huaian-2024"]:
        t = b.truth(name)
        spec = b.spec_for_huaian() if name == "huaian-2024" else b.spec_for_seed(name)
        exp = value_findings(t.get("expected_findings", []))
        yield Case("seeds rendered", "html", name, b.to_html(spec), "r.html", t, exp)
        yield Case("seeds rendered", "docx", name, b.to_docx(spec), "r.docx", t, exp)
        if t["template"] == "2021":  # the official blank form is the 2021 one
            yield Case("seeds rendered", "docx", f"{name}-template", b.fill_template(spec, t), "r.docx", t, exp)
        yield Case("seeds rendered", "pdf", name, b.to_pdf(spec), "r.pdf", t, exp)
        yield Case("seeds rendered", "pdf", f"{name}-word-form", b.to_pdf(spec, word_form=True), "r.pdf", t, exp)
