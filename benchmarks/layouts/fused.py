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
    for name in tv.RECORDS:  # a 2021 report printing the 2019 single （六）其他处理 row
        if tv._record(name)[0]["template"] != "2021":
            continue
        want, text = cg.crawler_text(name, cg.SINGLE_OTHER)
        yield Case("fused crawler text", "txt", f"{cg.SINGLE_OTHER.name}/{name}", text.encode("utf-8"), "report.txt",
                   want, value_findings(want.get("expected_findings", []), want), "regulations" not in want["table2"],
                   group=cg.SINGLE_OTHER.name)
    for seed in range(1, 6):  # large agencies: figures up to 999 in most cells of tables 3 and 4
        want, text = cg.crawler_text("large", cg.STYLES[0], cg.large_record(seed))
        yield Case("fused crawler text", "txt", f"large-{seed}", text.encode("utf-8"), "report.txt", want, [],
                   group="fused-large-figures")
