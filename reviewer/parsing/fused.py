"""Splitting fused digit runs into cells: a whole table solved as one constraint problem.

A scraper that joins table cells prints "规范性文件121214" for 12 · 12 · 14. Each printed row is a `Slot`: the
cells the format gives the row, in column order, and the row's hard segments (runs apart by spaces; a sign
starts a segment, a unit ends one). The candidate splits of a slot cut its segments into exactly as many
pieces as it has cells — numbers without leading zeros (except "0"), a sign only in a signed column, a
decimal only in a money column, at most `MAX_DIGITS` digits. The relations of the format (row sums, column
sums, table-4 blocks, table-2 bounds) then choose among the combinations: a branch-and-bound search over the
slots that still have several candidates finds every combination breaking the fewest relations.

The outcome per slot: one combination left → placed; several → the cells they agree on placed, the others
left undecided with the alternatives listed; none within the budget → each slot's own best candidates.
Nothing is guessed: an undecided cell stays null and is reported.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from reviewer.model import Number
from reviewer.rules.relations import EPS, Instance, holds
from reviewer.values import parse_printed

MAX_DIGITS = 9  # a count of more than 999 999 999 is not a report's figure
CANDIDATE_CAP = 2000  # candidate splits kept per slot
SOLUTION_CAP = 256  # best combinations kept
NODE_BUDGET = 200_000  # search steps before falling back on each slot's own candidates


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


@dataclass(slots=True)
class SlotResult:
    """What was decided for a slot.

    status: "printed" (one segment per cell, nothing split) · "unique" (one split) · "agreed" (several splits
    fit, the placed cells are those they agree on) · "least" (the report does not add up: the split breaking
    the fewest relations) · "ambiguous" (several splits fit and disagree) · "failed" (no split at all).
    """

    slot: Slot
    status: str
    placed: dict[str, Piece | None] = field(default_factory=dict)  # cell id -> piece (None: printed blank)
    undecided: list[str] = field(default_factory=list)
    alternatives: list[Split] = field(default_factory=list)
    violations: int = 0

    @property
    def split(self) -> bool:
        """True when a segment was cut into several cells."""
        return len(self.slot.segments) != len(self.slot.cells) and bool(self.slot.segments)


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


def _local(slot: Slot, relations: Sequence[Instance]) -> list[Instance]:
    cells = set(slot.cells)
    return [r for r in relations if set(r.cells) <= cells]


def candidates(slot: Slot, relations: Sequence[Instance], strict: bool = True,
               cap: int = CANDIDATE_CAP) -> list[Candidate]:
    """The splits of a slot's segments into its cells, in print order.

    `strict`: only those keeping every relation local to the slot (row totals); otherwise all, each with the
    count of local relations it breaks (the fewest kept). A cell that is the sum of cells printed before it
    can only be that sum, which keeps the search small.
    """
    n, segs = len(slot.cells), slot.segments
    k = len(segs)
    if k == 0:
        return [Candidate((None,) * n, (None,) * n, 0)]
    chars_after = [0] * (k + 1)
    for i in range(k - 1, -1, -1):
        chars_after[i] = chars_after[i + 1] + len(segs[i].text)
    if k > n or chars_after[0] < n:
        return []
    digit_seg = [any(ch.isdigit() for ch in sg.text) for sg in segs]
    index = {c: i for i, c in enumerate(slot.cells)}
    checks: dict[int, list[Instance]] = {}
    sums: dict[int, list[int]] = {}
    for inst in _local(slot, relations):
        idx = [index[c] for c in inst.cells]
        checks.setdefault(max(idx), []).append(inst)
        if inst.op == "eq" and len(inst.lhs) == 1:
            target, parts = index[inst.lhs[0]], [index[c] for c in inst.rhs]
            if target > max(parts):
                sums[target] = parts
    pieces: list[Piece | None] = [None] * n
    vals: list[Number | None] = [None] * n
    values: dict[str, Number | None] = {}
    out: list[Candidate] = []
    best = [0 if strict else 1 << 30]

    def rec(i: int, o: int, c: int, viol: int) -> None:
        if len(out) >= cap:
            return
        if c == n:
            if i == k:
                if not strict and viol < best[0]:
                    best[0] = viol
                    out[:] = [x for x in out if x.violations <= viol]
                out.append(Candidate(tuple(pieces), tuple(vals), viol))
            return
        seg = segs[i]
        text = seg.text
        length = len(text)
        rest = n - c - 1
        target: str | None = None
        if c in sums:
            parts = [vals[j] for j in sums[c]]
            if all(isinstance(v, int) for v in parts):
                target = str(sum(parts))  # type: ignore[arg-type]
        for e in range(o + 1, length + 1):
            if e < length:
                if not (k - i <= rest <= (length - e) + chars_after[i + 1]):
                    continue
            elif not (k - i - 1 <= rest <= chars_after[i + 1]):
                continue
            ptext = text[o:e]
            ok, value = piece_value(ptext, slot.kinds[c])
            if value is None and digit_seg[i]:
                ok = False  # a lone sign is not a printed blank: "-3" is one cell
            if not ok:
                if sum(ch.isdigit() for ch in ptext) > MAX_DIGITS + 4:
                    break
                continue
            if strict and target is not None and value is not None and str(value) != target:
                if len(ptext) > len(target) + 2:
                    break
                continue
            pieces[c] = Piece(ptext, seg.start + o, seg.start + e)
            vals[c] = value
            values[slot.cells[c]] = value
            v = viol
            for inst in checks.get(c, ()):
                if holds(inst, values) is False:
                    v += 1
            if v > best[0]:
                continue
            if e == length:
                rec(i + 1, 0, c + 1, v)
            else:
                rec(i, e, c + 1, v)
        pieces[c] = None
        vals[c] = None
        values.pop(slot.cells[c], None)

    rec(0, 0, 0, 0)
    return out


class _Bounds:
    """Interval sums of every relation across slots, kept while the search assigns slots.

    A relation whose sides can no longer meet (their intervals apart) is certainly broken before all its cells
    are assigned: the branch-and-bound counts it at once. A relation through a blank cell is undecided, never
    broken.
    """

    def __init__(self, rels: Sequence[Instance], values: dict[str, Number | None],
                 ranges: dict[str, tuple[Number, Number, bool]]) -> None:
        self.rels = list(rels)
        n = len(self.rels)
        self.lo = [[0.0, 0.0] for _ in range(n)]
        self.hi = [[0.0, 0.0] for _ in range(n)]
        self.open = [0] * n  # cells not yet assigned
        self.nullable = [0] * n  # unassigned cells that may turn out blank
        self.blank = [0] * n  # assigned blank cells: the relation is undecided
        self.flag = [0] * n
        self.total = 0
        self.by_cell: dict[str, list[tuple[int, int]]] = {}
        for ri, r in enumerate(self.rels):
            for side, cells in enumerate((r.lhs, r.rhs)):
                for c in cells:
                    if c in ranges:
                        lo, hi, nullable = ranges[c]
                        self.lo[ri][side] += lo
                        self.hi[ri][side] += hi
                        self.open[ri] += 1
                        self.nullable[ri] += nullable
                        self.by_cell.setdefault(c, []).append((ri, side))
                    else:
                        v = values.get(c)
                        if v is None:
                            self.blank[ri] += 1
                        else:
                            self.lo[ri][side] += v
                            self.hi[ri][side] += v
            self._reflag(ri)
        self.ranges = ranges

    def _broken(self, ri: int) -> int:
        if self.blank[ri] or (self.open[ri] and self.nullable[ri]):
            return 0
        (ll, rl), (lh, rh) = self.lo[ri], self.hi[ri]
        if self.rels[ri].op == "le":
            return int(ll > rh + EPS)
        return int(lh < rl - EPS or ll > rh + EPS)

    def _reflag(self, ri: int) -> None:
        f = self._broken(ri)
        self.total += f - self.flag[ri]
        self.flag[ri] = f

    def assign(self, cells: Sequence[str], vals: Sequence[Number | None], sign: int) -> None:
        """Assign (sign 1) or take back (sign -1) a slot's values."""
        touched: set[int] = set()
        for c, v in zip(cells, vals, strict=True):
            lo, hi, nullable = self.ranges[c]
            for ri, side in self.by_cell.get(c, ()):
                touched.add(ri)
                self.open[ri] -= sign
                self.nullable[ri] -= sign * nullable
                if v is None:
                    self.blank[ri] += sign
                    self.lo[ri][side] -= sign * lo
                    self.hi[ri][side] -= sign * hi
                else:
                    self.lo[ri][side] += sign * (v - lo)
                    self.hi[ri][side] += sign * (v - hi)
        for ri in touched:
            self._reflag(ri)


def solve(slots: Sequence[Slot], relations: Sequence[Instance], known: dict[str, Number | None] | None = None,
          budget: int = NODE_BUDGET) -> list[SlotResult]:
    """Decide every slot's split together: the combinations breaking the fewest relations, and what they share.

    `known` holds the values of cells outside the slots (rows printed apart), so relations through them count.
    """
    cands: list[list[Candidate]] = []
    for slot in slots:
        cs = candidates(slot, relations, strict=True)
        if not cs:
            cs = candidates(slot, relations, strict=False)
        cs.sort(key=lambda x: x.violations)
        cands.append(cs)
    values: dict[str, Number | None] = dict(known or {})
    multi = sorted((i for i, cs in enumerate(cands) if len(cs) > 1), key=lambda i: (len(cands[i]), i))
    for i, cs in enumerate(cands):
        if len(cs) == 1:
            values.update(zip(slots[i].cells, cs[0].values, strict=True))
    ranges: dict[str, tuple[Number, Number, bool]] = {}
    for i in multi:
        for k, c in enumerate(slots[i].cells):
            vs = [x.values[k] for x in cands[i]]
            nums = [v for v in vs if v is not None]
            ranges[c] = (min(nums, default=0), max(nums, default=0), len(nums) < len(vs))
    local = {id(r) for s in slots for r in _local(s, relations)}
    bounds = _Bounds([r for r in relations if id(r) not in local], values, ranges)
    base = sum(cs[0].violations for cs in cands if len(cs) == 1)
    best = [1 << 30]
    sols: list[tuple[int, ...]] = []
    choice: list[int] = [0] * len(multi)
    nodes = [0]

    def rec(d: int, viol: int) -> bool:
        if d == len(multi):
            if viol + bounds.total < best[0]:
                best[0] = viol + bounds.total
                sols.clear()
            if len(sols) < SOLUTION_CAP:
                sols.append(tuple(choice))
            return True
        slot = slots[multi[d]]
        for j, cand in enumerate(cands[multi[d]]):
            nodes[0] += 1
            if nodes[0] > budget:
                return False
            v = viol + cand.violations
            if v > best[0]:
                break  # candidates are sorted by their own violations
            bounds.assign(slot.cells, cand.values, 1)
            if v + bounds.total <= best[0]:
                choice[d] = j
                if not rec(d + 1, v):
                    bounds.assign(slot.cells, cand.values, -1)
                    return False
            bounds.assign(slot.cells, cand.values, -1)
        return True

    complete = rec(0, base)
    out: list[SlotResult] = []
    for i, slot in enumerate(slots):
        cs = cands[i]
        if not cs:
            out.append(SlotResult(slot, "failed", undecided=list(slot.cells)))
            continue
        if len(cs) == 1:
            res = SlotResult(slot, "printed" if not (len(slot.segments) != len(slot.cells) and slot.segments)
                             else "unique", violations=cs[0].violations)
            res.placed = dict(zip(slot.cells, cs[0].split, strict=True))
            out.append(res)
            continue
        d = multi.index(i)
        if complete:
            used = sorted({s[d] for s in sols})
        else:  # over budget: the slot's own best candidates
            low = cs[0].violations
            used = [j for j, c in enumerate(cs) if c.violations == low]
        chosen = [cs[j] for j in used]
        out.append(_agree(slot, chosen, cs, best[0] if complete else cs[0].violations))
    return out


def _agree(slot: Slot, chosen: list[Candidate], every: list[Candidate], violations: int) -> SlotResult:
    if len(chosen) == 1:
        res = SlotResult(slot, "unique" if violations == 0 else "least", violations=violations)
        res.placed = dict(zip(slot.cells, chosen[0].split, strict=True))
        if violations:
            res.alternatives = [c.split for c in every if c is not chosen[0]][:8]
        return res
    res = SlotResult(slot, "agreed", violations=violations, alternatives=[c.split for c in chosen][:8])
    for k, cell in enumerate(slot.cells):
        vals = {c.values[k] for c in chosen}
        if len(vals) == 1:
            res.placed[cell] = chosen[0].split[k]
        else:
            res.undecided.append(cell)
    if res.undecided:
        res.status = "ambiguous"
    return res


def split_text(split: Split, sep: str = " · ") -> str:
    return sep.join(p.text if p is not None else "空" for p in split)

