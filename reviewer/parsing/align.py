"""Aligning the data rows of a region to the rows of a format, in order, by label similarity.

Rows appear in the form's order, so the best monotone alignment (dynamic programming) tolerates wrapped
and fragmented labels, vertical group labels interleaved with rows, and rows whose labels were lost: such a
row can be placed by position, but only where the count of unlabeled rows fits the count of rows between the
two nearest rows placed by label.
"""

from __future__ import annotations

from dataclasses import dataclass

from reviewer.formats import RowDef
from reviewer.parsing.labels import norm, similarity
from reviewer.parsing.rows import DataRow

MATCH = 0.6  # a label at least this similar names the row
POSITION_BONUS = 0.05
MAX_DATA_ROWS = 1000  # a table of the form has under 30 rows; the alignment is quadratic


@dataclass(frozen=True, slots=True)
class Placement:
    data: int  # index into the data rows
    row: int  # index into the row definitions
    by_position: bool
    score: float


def strip_groups(label: str, groups: tuple[str, ...]) -> str:
    n = norm(label)
    for g in groups:
        if g and g in n:
            n = n.replace(g, "")
    return n


def _context(drow: DataRow, groups: tuple[str, ...]) -> tuple[str, str, str]:
    return (strip_groups(drow.label, groups), strip_groups(drow.before, groups),
            strip_groups(drow.after, groups))


def context_similarity(own: str, before: str, after: str, variants: tuple[str, ...], mode: str = "both") -> float:
    """The label's own similarity, or that of the label joined with wrapped text before or after it.

    `mode` says where wrapped label text may come from: "both", or only "before" (values at the bottom of a
    tall row) or only "after" (values top-aligned, the label wrapping downwards).
    """
    s = similarity(own, variants) if own else 0.0
    if mode == "before":
        after = ""
    elif mode == "after":
        before = ""
    if s < 0.95 and (before or after):
        if before:
            s = max(s, 0.95 * similarity(before + own, variants))
        if after:
            s = max(s, 0.95 * similarity(own + after, variants))
        if before and after and s < MATCH:
            s = max(s, 0.9 * similarity(before + own + after, variants))
    return s


def is_weak(drow: DataRow, groups: tuple[str, ...]) -> bool:
    """A row whose own label is lost (empty or a stray fragment once group labels are removed)."""
    return len(strip_groups(drow.label, groups)) <= 1


def align(data: list[DataRow], rows: tuple[RowDef, ...], groups: tuple[str, ...] = (),
          positional: bool = True, value_range: tuple[int, int] | None = None) -> list[Placement]:
    """The best alignment; where labels wrap, the reading of wrapped text (before/after) that fits best."""
    if len(data) > MAX_DATA_ROWS:
        return []  # not a report's table (the caller reports every value as unplaced)
    best_total, best = _align(data, rows, groups, positional, value_range, "both")
    placed = {p.data for p in best}
    unsure = any(not p.by_position and p.score < 0.9 for p in best) or any(
        i not in placed and d.has_numbers and not is_weak(d, groups) for i, d in enumerate(data))
    if unsure:
        for mode in ("after", "before"):
            total, places = _align(data, rows, groups, positional, value_range, mode)
            if total > best_total + 1e-9:
                best_total, best = total, places
    return best


def _align(data: list[DataRow], rows: tuple[RowDef, ...], groups: tuple[str, ...], positional: bool,
           value_range: tuple[int, int] | None, mode: str) -> tuple[float, list[Placement]]:
    n, m = len(data), len(rows)
    neg = float("-inf")
    score = [[neg] * m for _ in range(n)]
    weak = [is_weak(d, groups) for d in data]
    for i, d in enumerate(data):
        count = len(d.numbers)
        fits = value_range is None or value_range[0] <= len(d.values) and count <= value_range[1]
        ctx = _context(d, groups)
        has_numbers = d.has_numbers
        threshold = MATCH if has_numbers else 0.9
        by_position = positional and weak[i] and has_numbers and fits
        row_scores = score[i]
        own = [similarity(ctx[0], r.variants) if ctx[0] else 0.0 for r in rows]
        clear = max(own, default=0.0) >= 0.95  # the row's own label names it: wrapped text cannot matter
        for j, r in enumerate(rows):
            s = own[j] if clear else context_similarity(*ctx, r.variants, mode)
            if s >= threshold:
                row_scores[j] = s
            elif by_position:
                row_scores[j] = POSITION_BONUS
    # dp[i][j]: best total for data[:i] and rows[:j]
    dp = [[0.0] * (m + 1) for _ in range(n + 1)]
    move = [[0] * (m + 1) for _ in range(n + 1)]  # 1 skip data, 2 skip row, 3 match
    for i in range(n + 1):
        for j in range(m + 1):
            if i == 0 and j == 0:
                continue
            best, mv = neg, 0
            if i > 0 and dp[i - 1][j] > best:
                best, mv = dp[i - 1][j], 1
            if j > 0 and dp[i][j - 1] > best:
                best, mv = dp[i][j - 1], 2
            if i > 0 and j > 0 and score[i - 1][j - 1] > neg and dp[i - 1][j - 1] + score[i - 1][j - 1] > best:
                best, mv = dp[i - 1][j - 1] + score[i - 1][j - 1], 3
            dp[i][j], move[i][j] = best, mv
    out: list[Placement] = []
    i, j = n, m
    while i > 0 or j > 0:
        mv = move[i][j]
        if mv == 3:
            s = score[i - 1][j - 1]
            out.append(Placement(i - 1, j - 1, s < MATCH, s))
            i, j = i - 1, j - 1
        elif mv == 1:
            i -= 1
        else:
            j -= 1
    out.reverse()
    return dp[n][m], _only_fitting_gaps(out, n, m)


def _only_fitting_gaps(places: list[Placement], n: int, m: int) -> list[Placement]:
    """Keep rows placed by position only where the unlabeled rows exactly fill the gap between anchors."""
    anchors = [(-1, -1)] + [(p.data, p.row) for p in places if not p.by_position] + [(n, m)]
    keep: list[Placement] = [p for p in places if not p.by_position]
    for (d0, r0), (d1, r1) in zip(anchors, anchors[1:], strict=False):
        gap = [p for p in places if p.by_position and d0 < p.data < d1]
        if not gap:
            continue
        data_in_gap = d1 - d0 - 1
        rows_in_gap = r1 - r0 - 1
        if len(gap) == rows_in_gap == data_in_gap:
            keep.extend(gap)
    keep.sort(key=lambda p: p.data)
    return keep
