"""Random damage to real reports never crashes the parser, and no number in a table region is lost."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reviewer import parse_bytes
from reviewer.errors import ReadError
from reviewer.formats import load_format
from reviewer.model import Document
from reviewer.parsing import parse
from reviewer.parsing.rows import is_page_footer, is_prose
from reviewer.parsing.sections import find_sections
from reviewer.reading.layout import text_to_rows
from reviewer.values import parse_printed

from .conftest import SAMPLES

TEXTS = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
GARBAGE = st.sampled_from(["\t", "|", "  ", "\n", "0", "12", "—", "合计", "（三）", "- 3 -", "\x00", "\ufffd",
                           "一、", "总计", "abc", "3.5万元", "<td>", "\r\n", "四、结转下年度继续办理"])


@st.composite
def damaged(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(TEXTS))
    lines = text.split("\n")
    for _ in range(draw(st.integers(0, 6))):
        op = draw(st.sampled_from(["delete", "swap_sep", "inject", "duplicate"]))
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        if op == "delete":
            del lines[i]
        elif op == "swap_sep":
            lines[i] = lines[i].replace("\t", draw(st.sampled_from([" ", "|", "  ", ""])))
        elif op == "inject":
            pos = draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:pos] + draw(GARBAGE) + lines[i][pos:]
        else:
            lines.insert(i, lines[i])
    out = "\n".join(lines)
    if draw(st.booleans()):
        out = out[: draw(st.integers(0, len(out)))]  # truncated
    return out


def _table_numbers(text: str) -> list[tuple[int, int]]:
    """Spans of every number inside the table regions (not prose, not page footers)."""
    rows = text_to_rows(text)
    fmt = load_format("2021")
    spans = []
    for sec in find_sections(rows, fmt).values():
        for row in rows[sec.start: sec.end]:
            if is_prose(row) or is_page_footer(row):
                continue
            spans += [(c.start, c.end) for c in row if parse_printed(c.text).kind == "number"]
    return spans


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(damaged())
def test_damaged_reports_never_crash(text: str) -> None:
    try:
        rec = parse_bytes(text.encode("utf-8"), "damaged.txt")
    except ReadError as exc:
        assert "\n" not in str(exc)
        return
    assert rec.template in ("2019", "2021")
    for f in rec.findings:
        assert f.severity in ("error", "warning", "info") and f.message


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(damaged())
def test_every_table_number_is_placed_or_reported(text: str) -> None:
    if not text.strip():
        return
    doc = Document(text, text_to_rows(text), "txt")
    rec = parse(doc)
    if rec.template != "2021":
        return  # the regions below are found with the 2021 titles; both formats share them
    placed = {src.span for src in rec.provenance.values() if src.span}
    reported = {u.span for u in rec.unplaced}
    lost = [text[a:b] for a, b in _table_numbers(text) if (a, b) not in placed and (a, b) not in reported]
    # a number cell whose span differs because a split cell was joined back is covered by a joined span
    joined = [s for s in placed if s[1] - s[0] > 1]
    lost = [n for n, (a, b) in zip(lost, [(a, b) for a, b in _table_numbers(text)
                                          if (a, b) not in placed and (a, b) not in reported], strict=True)
            if not any(ja <= a and b <= jb for ja, jb in joined)]
    assert lost == [], lost


def test_no_number_lost_in_the_samples() -> None:
    for text in TEXTS:
        rows = text_to_rows(text)
        rec = parse(Document(text, rows, "txt"))
        placed = {src.span for src in rec.provenance.values() if src.span}
        reported = {u.span for u in rec.unplaced}
        for a, b in _table_numbers(text):
            assert (a, b) in placed or (a, b) in reported, (text[:30], text[a:b])
        assert re.sub(r"\s", "", text)  # sanity: real text
