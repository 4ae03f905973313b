"""Layout 1 of issue #8: crawler text with fused cells, every truth record in every crawl style."""

from __future__ import annotations

from collections.abc import Iterator

from benchmarks.layouts import Case, layout, value_findings
from tests import crawler_gen as cg
from tests import test_variants as tv


@layout("fused crawler text")
def fused() -> Iterator[Case]:
    for style in cg.STYLES:
        for name in tv.RECORDS:
            want, text = cg.crawler_text(name, style)
            yield Case("fused crawler text", "txt", f"{style.name}/{name}", text.encode("utf-8"), "report.txt", want,
                       value_findings(want.get("expected_findings", []), want), "regulations" not in want["table2"],
                       group=style.name)
    for seed in range(1, 6):  # large agencies: figures up to 999 in most cells of tables 3 and 4
        want, text = cg.crawler_text("large", cg.STYLES[0], cg.large_record(seed))
        yield Case("fused crawler text", "txt", f"large-{seed}", text.encode("utf-8"), "report.txt", want, [],
                   group="fused-large-figures")
