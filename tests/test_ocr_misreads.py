"""A number OCR misread with letters of its shape (0 → O, 1 → l) stays in its cell's place, flagged, never guessed.

Before, such a cell read as label text: the row's later values moved one column left (a row sum error named the
wrong cells). Now it is a malformed value: the cell is blank with an R6 error until the reviewer enters it, and
every other cell of the row keeps its column.
"""

from __future__ import annotations

import pytest

from reviewer import parse_bytes
from reviewer.model import cell_id
from reviewer.values import parse_printed

from .conftest import SAMPLES, SEEDS, truth

MISREAD = str.maketrans({"0": "O", "1": "l"})


def _cells(t: dict) -> dict[str, object]:
    return {cell_id(tb, r, c): v for tb in ("table2", "table3", "table4") for r, cols in t[tb].items()
            for c, v in cols.items()}


@pytest.mark.parametrize("name", SEEDS)
@pytest.mark.parametrize("table", ["table3", "table4"])
def test_a_misread_number_is_flagged_in_its_own_cell(name: str, table: str) -> None:
    text = (SAMPLES / f"{name}.txt").read_text(encoding="utf-8")
    rec = parse_bytes(text.encode("utf-8"), "r.txt")
    # the first cell of the table printed with a 0 or a 1 (every seed prints one)
    cid, src = next((c, s) for c, s in rec.provenance.items() if c.startswith(table + ":") and s.span
                    and parse_printed(s.text).kind == "number" and any(d in s.text for d in "01"))
    start, end = src.span
    misread = text[start:end].translate(MISREAD)
    bad = parse_bytes((text[:start] + misread + text[end:]).encode("utf-8"), "r.txt")
    want = _cells(truth(name))
    got = _cells({t: bad.tables[t] for t in ("table2", "table3", "table4")})
    assert got[cid] is None
    assert {c: v for c, v in got.items() if c != cid and v != want.get(c)} == {}
    assert any(f.rule == "R6" and f.severity == "error" and f.cells == [cid] and misread in f.message
               for f in bad.findings)


@pytest.mark.parametrize("name", SEEDS)
@pytest.mark.parametrize("misread", ["IO", "lO", "Ol", "lOO"])
def test_a_number_misread_as_letters_only_keeps_its_place(name: str, misread: str) -> None:
    """"10" OCR'd as "IO" / "lO" (no digit left): still a malformed value in its cell, never label text."""
    text = (SAMPLES / f"{name}.txt").read_text(encoding="utf-8")
    rec = parse_bytes(text.encode("utf-8"), "r.txt")
    cid, src = next((c, s) for c, s in rec.provenance.items() if c.startswith("table3:") and s.span
                    and parse_printed(s.text).kind == "number")
    start, end = src.span
    bad = parse_bytes((text[:start] + misread + text[end:]).encode("utf-8"), "r.txt")
    want = _cells(truth(name))
    got = _cells({t: bad.tables[t] for t in ("table2", "table3", "table4")})
    assert got[cid] is None
    assert {c: v for c, v in got.items() if c != cid and v != want.get(c)} == {}
    assert any(f.rule == "R6" and f.severity == "error" and f.cells == [cid] and misread in f.message
               for f in bad.findings)


@pytest.mark.parametrize("label", ["II", "III", "Io"])
def test_roman_numerals_and_words_stay_text(label: str) -> None:
    """Letters alone read as a misread number only when they hold a 0's shape and a 1's: "II" stays text."""
    assert parse_printed(label).kind == ("bad" if label == "Io" else "text")
