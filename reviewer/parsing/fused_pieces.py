"""The pieces of the fused-digit split: a printed cell cut out of a run, a printed row (`Slot`), a candidate
split, and which texts can be one cell of a column."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from reviewer.model import Number
from reviewer.values import parse_printed

MAX_DIGITS = 9  # a count of more than 999 999 999 is not a report's figure


@dataclass(frozen=True, slots=True)
class Piece:
    """A printed cell cut out of a segment: its text and its span in the document text."""

    text: str
    start: int
    end: int


Split = tuple[Piece | None, ...]


@dataclass(slots=True)
class Slot:
    """A printed row: its cells (ids and kinds, in column order) and its hard segments (in print order)."""

    cells: tuple[str, ...]
    kinds: tuple[str, ...]
    segments: tuple[Piece, ...]


@dataclass(slots=True)
class Candidate:
    split: Split
    values: tuple[Number | None, ...]
    violations: int  # relations of the slot alone that it breaks
    miss: float = 0.0  # by how much they miss, summed (a printed slip is usually small)


@lru_cache(maxsize=65536)
def piece_value(text: str, kind: str) -> tuple[bool, Number | None]:
    """Whether `text` can be one cell of a column of `kind`, and its value (None for a printed blank)."""
    p = parse_printed(text)
    if p.kind == "null":
        return not any(ch.isdigit() for ch in text), None
    if p.kind != "number" or p.value is None:
        return False, None
    core = text.lstrip("+-−")
    if p.unit:
        core = core[: -len(p.unit)]
    if len(core) > 1 and core[0] == "0" and core[1] != ".":
        return False, None  # a leading zero: "05" is two cells
    digits = sum(ch.isdigit() for ch in core)
    if digits > MAX_DIGITS + (4 if kind == "money" else 0):
        return False, None
    if kind == "money":
        return (not p.signed and p.unit not in ("个", "件", "项", "次", "条", "宗")), p.value
    if p.unit in ("元", "万元") or "." in core:
        return False, None
    if kind == "count" and p.signed:
        return False, None
    return True, p.value
