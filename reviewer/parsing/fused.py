"""Splitting fused digit runs into cells: a whole table solved as one constraint problem.

A scraper that joins table cells prints "规范性文件121214" for 12 · 12 · 14. Each printed row is a `Slot`: the
cells the format gives the row, in column order, and the row's hard segments (runs apart by spaces; a sign
starts a segment, a unit ends one). The candidate splits of a slot cut its segments into exactly as many
pieces as it has cells — numbers without leading zeros (except "0"), a sign only in a signed column, a
decimal only in a money column, at most `MAX_DIGITS` digits. The relations of the format (row sums, column
sums, table-4 blocks, table-2 bounds) then choose among the combinations: a branch-and-bound search over the
slots that still have several candidates finds every combination breaking the fewest relations.

A row made only of sums (table 3's rows, table 4's three blocks) is split by the block search of
`fused_blocks`, which finds the same splits far faster.

The outcome per slot: one combination left → placed; several → the figures the prose states (`Figure`) keep
the combinations that give them, if any do; then the cells all agree on placed, the others left undecided with
the alternatives listed; none within the budget → each slot's own best candidates. Nothing is guessed: an
undecided cell stays null and is reported.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field

from reviewer.formats.relations import EPS, Instance, holds, total
from reviewer.model import Number
from reviewer.parsing.fused_blocks import block_splits, sum_blocks
from reviewer.parsing.fused_pieces import MAX_DIGITS, Candidate, Piece, Slot, Split, piece_value

CANDIDATE_CAP = 2000  # candidate splits kept per slot
SPLIT_BUDGET = 150_000  # steps to enumerate one slot's splits; beyond it the slot is left undecided
SOLUTION_CAP = 256  # best combinations kept
NODE_BUDGET = 200_000  # search steps before falling back on each slot's own candidates
MAX_BROKEN = 6  # relations a combination may break beyond the fixed rows' before the search gives up


@dataclass(slots=True)
class SlotResult:
    """What was decided for a slot.

    status: "printed" (one segment per cell, nothing split) · "only" (the one split the column count and the
    number rules allow) · "unique" (the relations leave one split, or several agreeing on every value) ·
    "least" (the report does not add up: the split breaking the fewest relations) · "ambiguous" (several
    splits fit and disagree: those cells undecided) · "failed" (no split at all) · "too_many" (more ways to
    split than the budget lets the search try: undecided) · "heuristic" (placed, but only a warning-level
    bound such as R9 ruled the alternatives out: they are listed) · "prose" (the relations allow several
    splits; the figures the report's prose states leave one: the others are listed).
    """

    slot: Slot
    status: str
    placed: dict[str, Piece | None] = field(default_factory=dict)  # cell id -> piece (None: printed blank)
    undecided: list[str] = field(default_factory=list)
    alternatives: list[Split] = field(default_factory=list)
    violations: int = 0
    prose: list[str] = field(default_factory=list)  # status "prose": the keys of the stated figures that chose it

    @property
    def split(self) -> bool:
        """True when a segment was cut into several cells."""
        return len(self.slot.segments) != len(self.slot.cells) and bool(self.slot.segments)


def _local(slot: Slot, relations: Sequence[Instance]) -> list[Instance]:
    """The relations among the slot's own cells (its row total)."""
    cells = set(slot.cells)
    first = {c.split(":", 2)[1] for c in slot.cells}  # rows of the slot: a cheap test first
    return [r for r in relations if r.cells[0].split(":", 2)[1] in first and set(r.cells) <= cells]


def candidates(slot: Slot, relations: Sequence[Instance], strict: bool = True,
               cap: int = CANDIDATE_CAP) -> list[Candidate]:
    """The splits of a slot's segments into its cells (see `enumerate_splits`)."""
    return enumerate_splits(slot, relations, strict, cap)[0]


def miss(inst: Instance, values: dict[str, Number | None]) -> float:
    """By how much a relation misses (0 when it holds or a blank leaves it undecided)."""
    lhs, rhs = total(values, inst.lhs), total(values, inst.rhs)
    if lhs is None or rhs is None:
        return 0.0
    return float(max(0, lhs - rhs)) if inst.op == "le" else float(abs(lhs - rhs))


def enumerate_splits(slot: Slot, relations: Sequence[Instance], strict: bool = True,
                     cap: int = CANDIDATE_CAP, local: Sequence[Instance] | None = None, fast: bool = True
                     ) -> tuple[list[Candidate], bool, bool]:
    """The splits of a slot's segments into its cells, in print order.

    `strict`: only those keeping every relation local to the slot (row totals); otherwise all, each with the
    count of local relations it breaks (the fewest kept). A total printed after its parts can only be their
    sum. The last block of a row (parts then their total, ending the run) is searched total first: each
    length of the run's tail, then parts that never exceed it and leave room for no more than it can hold.
    A block no relation joins to the cells before it is searched once per start position.
    Returns the candidates, whether a relation ruled a split out, and whether the enumeration finished
    within `SPLIT_BUDGET` steps (if not, the list may be incomplete). A row made only of sum blocks (table 3's
    rows, table 4) goes to the block search of `fused_blocks` (`fast=False`: this general search, for tests).
    """
    n, segs = len(slot.cells), list(slot.segments)
    k = len(segs)
    if k == 0:
        return [Candidate((None,) * n, (None,) * n, 0)], False, True
    if k > n or sum(len(sg.text) for sg in segs) < n:
        return [], False, True
    own = list(local if local is not None else _local(slot, relations))
    blocks = sum_blocks(slot, own) if strict and fast else None
    if blocks is not None:
        return block_splits(slot, blocks, cap, SPLIT_BUDGET)
    index = {c: i for i, c in enumerate(slot.cells)}
    checks: dict[int, list[Instance]] = {}
    sums: dict[int, list[int]] = {}
    for inst in own:
        idx = [index[c] for c in inst.cells]
        checks.setdefault(max(idx), []).append(inst)
        if inst.op == "eq" and len(inst.lhs) == 1:
            target, parts = index[inst.lhs[0]], [index[c] for c in inst.rhs]
            if target > max(parts):
                sums[target] = parts
    spans = [[index[c] for c in inst.cells] for inst in own]
    boundaries = {c for c in range(1, n) if all(min(sp) >= c or max(sp) < c for sp in spans)}
    last = n - 1
    kinds = slot.kinds
    # the last block: parts [first, last) then their total, all counts; searched total first
    tail_parts = sorted(sums.get(last, ()))
    first = tail_parts[0] if tail_parts else n
    total_first = (strict and tail_parts == list(range(first, last)) and (first == 0 or first in boundaries)
                   and all(kinds[j] == "count" for j in range(first, n)))
    # after cell c, the totals still to come whose parts are partly assigned: their digits need room
    pending = {c: [(t, [p for p in parts if p <= c]) for t, parts in sums.items() if t > c and min(parts) <= c]
               for c in range(n)}
    pieces: list[Piece | None] = [None] * n
    vals: list[Number | None] = [None] * n
    values: dict[str, Number | None] = {}
    out: list[Candidate] = []
    best = [0 if strict else 1 << 30]
    ruled = [False]
    steps = [0]
    memo: dict[tuple[int, int, int], list[tuple[tuple[Piece | None, ...], tuple[Number | None, ...]]]] = {}

    def assign(c: int, piece: Piece | None, value: Number | None) -> None:
        pieces[c] = piece
        vals[c] = value
        if piece is None:
            values.pop(slot.cells[c], None)
        else:
            values[slot.cells[c]] = value

    def finish(viol: int, missed: float) -> None:
        if not strict and viol < best[0]:
            best[0] = viol
            out[:] = [x for x in out if x.violations <= viol]
        if viol <= best[0]:
            out.append(Candidate(tuple(pieces), tuple(vals), viol, missed))

    def explore(S: list[Piece], N: int, ceiling: int | None, i0: int, o0: int, c0: int) -> None:
        """Fill cells [c0, N) from segments S, starting at S[i0][o0:]; N == n - 1: the total is set."""
        ks = len(S)
        after = [0] * (ks + 1)
        for j in range(ks - 1, -1, -1):
            after[j] = after[j + 1] + len(S[j].text)
        digit_seg = [any(ch.isdigit() for ch in sg.text) for sg in S]

        def rec(i: int, o: int, c: int, viol: int, missed: float, partial: int) -> None:
            """At a block boundary the ways to finish depend only on where the next cell starts: found once,
            then reused for every way the blocks before were split."""
            if not strict or c not in boundaries or c >= N or ceiling is not None:
                step(i, o, c, viol, missed, partial)
                return
            key = (i, o, c)
            done = memo.get(key)
            if done is None:
                before = len(out)
                if total_first and c == first:
                    last_block(i, o)
                else:
                    step(i, o, c, viol, missed, partial)
                if steps[0] <= SPLIT_BUDGET and len(out) < cap:
                    memo[key] = [(x.split[c:], x.values[c:]) for x in out[before:]]
                return
            head_p, head_v = tuple(pieces[:c]), tuple(vals[:c])
            for tail_p, tail_v in done:
                if len(out) >= cap:
                    return
                out.append(Candidate(head_p + tail_p, head_v + tail_v, viol, missed))

        def last_block(i: int, o: int) -> None:
            """The row's last block from S[i][o:]: each tail of the run as the total, then its parts."""
            tail = S[-1]
            start = o if i == ks - 1 else 0
            for tl in range(1, len(tail.text) - start + 1):
                steps[0] += 1
                if steps[0] > SPLIT_BUDGET:
                    return
                ttext = tail.text[len(tail.text) - tl:]
                ok, value = piece_value(ttext, kinds[last])
                if not ok or not isinstance(value, int):
                    continue
                head = tail.text[: len(tail.text) - tl]
                S2 = S[:-1] + ([Piece(head, tail.start, tail.start + len(head))] if head else [])
                if len(S2) <= i or (len(S2) == i + 1 and len(S2[i].text) <= o and i == ks - 1):
                    continue
                assign(last, Piece(ttext, tail.end - tl, tail.end), value)
                explore(S2, last, value, i, o, first)
            assign(last, None, None)

        def step(i: int, o: int, c: int, viol: int, missed: float, partial: int) -> None:
            if len(out) >= cap:
                return
            if c == N:
                if i != ks:
                    return
                if N < n:  # the total was set first: its own checks now
                    for inst in checks.get(last, ()):
                        if holds(inst, values) is False:
                            ruled[0] = True
                            return
                finish(viol, missed)
                return
            if total_first and c == first and ceiling is None:
                last_block(i, o)
                return
            seg = S[i]
            text = seg.text
            length = len(text)
            rest = N - c - 1
            target: str | None = None
            if c in sums:
                parts = [vals[j] for j in sums[c]]
                if all(isinstance(v, int) for v in parts):
                    target = str(sum(parts))  # type: ignore[arg-type]
            ends: range | tuple[int, ...] = range(o + 1, length + 1)
            if strict and target is not None:  # the cell can only print the sum (a unit may follow)
                e0 = o + len(target)
                ends = tuple(e for e in (e0, e0 + 1, e0 + 2) if e <= length) if text.startswith(target, o) else ()
                if not ends:
                    ruled[0] = True
            for e in ends:
                steps[0] += 1
                if steps[0] > SPLIT_BUDGET:
                    return
                room = (length - e) + after[i + 1]  # characters left after this piece
                if e < length:
                    if not (ks - i <= rest <= room):
                        continue
                elif not (ks - i - 1 <= rest <= room):
                    continue
                ptext = text[o:e]
                ok, value = piece_value(ptext, kinds[c])
                if value is None and digit_seg[i]:
                    ok = False  # a lone sign is not a printed blank: "-3" is one cell
                if not ok:
                    if e - o > MAX_DIGITS + 6:
                        break
                    continue
                if strict and target is not None and value is not None and str(value) != target:
                    ruled[0] = True
                    if len(ptext) > len(target) + 2:
                        break
                    continue
                part = partial
                if ceiling is not None and isinstance(value, int):
                    part += value
                    if part > ceiling:
                        ruled[0] = True
                        break  # a longer piece is a larger part
                    if rest:
                        left = ceiling - part
                        # the parts left share `room` digits: the longest has ceil(room / rest) of them …
                        widest = -(-room // rest)
                        if room > rest and 10 ** (widest - 1) > left:
                            ruled[0] = True
                            continue
                        # … and together they cannot exceed one part of all but rest - 1 digits, plus 9s
                        if left > 10 ** (room - rest + 1) + 9 * rest:
                            ruled[0] = True
                            continue
                        if rest == 1:  # the last part is what the total leaves: the rest must print it
                            if e < length:
                                nxt = text[e:] if i == ks - 1 else ""
                            else:
                                nxt = S[i + 1].text if i + 2 == ks else ""
                            if not nxt or piece_value(nxt, kinds[c + 1]) != (True, left):
                                ruled[0] = True
                                continue
                elif pending[c] and isinstance(value, int):
                    vals[c] = value
                    need = 0
                    for _t, ps in pending[c]:
                        sub = sum(vals[p] for p in ps)  # type: ignore[misc]
                        if isinstance(sub, int) and sub > 0:
                            need += len(str(sub)) - 1
                    if need > room - rest:
                        ruled[0] = True
                        if kinds[c] != "money":
                            break  # a longer piece only needs more room
                        continue
                assign(c, Piece(ptext, seg.start + o, seg.start + e), value)
                v, m = viol, missed
                for inst in checks.get(c, ()):
                    if holds(inst, values) is False:
                        v += 1
                        m += miss(inst, values)
                if v > best[0]:
                    ruled[0] = True
                    continue
                if e == length:
                    rec(i + 1, 0, c + 1, v, m, part)
                else:
                    rec(i, e, c + 1, v, m, part)
            assign(c, None, None)

        rec(i0, o0, c0, 0, 0.0, 0)

    explore(segs, n, None, 0, 0, 0)
    return out, ruled[0], steps[0] <= SPLIT_BUDGET


SET_CAP = 4096  # reachable sums kept per relation and depth; beyond it only their range


class _Sums:
    """Every relation across slots as Σ lhs − Σ rhs, kept while the search assigns slots in order.

    For each relation and depth the sums the slots still to assign can reach are known in advance, so a
    relation that can no longer hold — and the least it can miss by — is known long before its last cell is
    assigned. That bound keeps the branch-and-bound small. A relation through a blank cell is undecided,
    never broken.
    """

    def __init__(self, rels: Sequence[Instance], fixed: dict[str, Number | None], order: list[Slot],
                 cands: list[list[Candidate]]) -> None:
        self.rels = list(rels)
        n = len(self.rels)
        owner: dict[str, int] = {c: d for d, slot in enumerate(order) for c in slot.cells}
        self.part = [0.0] * n
        self.dead = [False] * n
        self.blank = [0] * n  # assigned blank cells (the relation is then undecided)
        self.nullable = [False] * n
        self.touch: list[list[int]] = [[] for _ in order]  # relations each depth's slot enters
        for ri, r in enumerate(self.rels):
            for sign, cells in ((1, r.lhs), (-1, r.rhs)):
                for c in cells:
                    if c in owner:
                        d = owner[c]
                        if not self.touch[d] or self.touch[d][-1] != ri:
                            self.touch[d].append(ri)
                        continue
                    v = fixed.get(c)
                    if v is None:
                        self.dead[ri] = True
                    else:
                        self.part[ri] += sign * v
        # contribution of each candidate to each relation it enters: Σ lhs − Σ rhs (None: through a blank)
        self.contrib: list[list[dict[int, float | None]]] = []
        for d, slot in enumerate(order):
            index = {c: k for k, c in enumerate(slot.cells)}
            rows = []
            for cand in cands[d]:
                cm: dict[int, float | None] = {}
                for ri in self.touch[d]:
                    r = self.rels[ri]
                    total_: float | None = 0.0
                    for sign, cells in ((1, r.lhs), (-1, r.rhs)):
                        for c in cells:
                            if c in index and total_ is not None:
                                v = cand.values[index[c]]
                                total_ = None if v is None else total_ + sign * v
                    if total_ is None:
                        self.nullable[ri] = True
                    cm[ri] = total_
                rows.append(cm)
            self.contrib.append(rows)
        # reachable[ri][d]: the sums slots d.. can still add (sorted), or a (lo, hi) range when too many
        self.reach: list[dict[int, list[float] | tuple[float, float]]] = [{} for _ in range(len(order) + 1)]
        for ri in range(n):
            if self.dead[ri] or self.nullable[ri]:
                continue
            cur: list[float] | tuple[float, float] = [0.0]
            self.reach[len(order)][ri] = cur
            for d in range(len(order) - 1, -1, -1):
                if ri in self.touch[d]:
                    opts = sorted({float(cm[ri]) for cm in self.contrib[d]})  # type: ignore[arg-type]
                    if isinstance(cur, list) and len(cur) * len(opts) <= 4 * SET_CAP:
                        nxt = sorted({a + b for a in cur for b in opts})
                        cur = nxt if len(nxt) <= SET_CAP else (nxt[0], nxt[-1])
                    else:
                        lo, hi = (cur[0], cur[-1])
                        cur = (lo + opts[0], hi + opts[-1])
                self.reach[d][ri] = cur
        self.flag = [0] * n
        self.gap = [0.0] * n
        self.total = 0
        self.total_gap = 0.0
        for ri in range(n):
            self._bound(ri, 0)

    def _bound(self, ri: int, depth: int) -> None:
        """Recompute the least a relation can break (0/1) and miss by, with slots depth.. still open."""
        flag, gap = 0, 0.0
        reach = self.reach[depth].get(ri)
        if not self.dead[ri] and not self.blank[ri] and reach is not None:
            p = self.part[ri]
            if self.rels[ri].op == "le":
                low = p + (reach[0] if isinstance(reach, list) else reach[0])
                gap = max(0.0, low)
            elif isinstance(reach, list):
                k = bisect_left(reach, -p)
                near = [abs(p + reach[j]) for j in (k - 1, k) if 0 <= j < len(reach)]
                gap = min(near)
            else:
                gap = max(0.0, reach[0] + p, -(reach[1] + p))
            flag = int(gap > EPS)
        self.total += flag - self.flag[ri]
        self.total_gap += (gap if flag else 0.0) - (self.gap[ri] if self.flag[ri] else 0.0)
        self.flag[ri], self.gap[ri] = flag, gap

    def assign(self, depth: int, j: int, sign: int) -> None:
        """Assign (sign 1) or take back (sign -1) candidate j of the slot at `depth`."""
        for ri, v in self.contrib[depth][j].items():
            if v is None:
                self.blank[ri] += sign
            else:
                self.part[ri] += sign * v
            self._bound(ri, depth + 1 if sign > 0 else depth)

    def exact(self) -> tuple[int, float]:
        """Relations broken once every slot is assigned: nullable ones are evaluated now."""
        v, m = self.total, self.total_gap
        for ri in range(len(self.rels)):
            if self.nullable[ri] and not self.dead[ri] and not self.blank[ri]:
                p = self.part[ri]
                g = max(0.0, p) if self.rels[ri].op == "le" else abs(p)
                if g > EPS:
                    v, m = v + 1, m + g
        return v, round(m, 6)

    def cost(self) -> tuple[int, float]:
        return self.total, round(self.total_gap, 6)


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure the report's prose states (收到申请N件, 行政诉讼结果维持N件) and the cells it restates: each
    alternative a list of cells whose sum it may be (the format's `prose` checks)."""

    key: str
    name: str
    stated: Number
    alternatives: tuple[tuple[str, ...], ...]


def solve(slots: Sequence[Slot], relations: Sequence[Instance], known: dict[str, Number | None] | None = None,
          budget: int = NODE_BUDGET, prose: Sequence[Figure] = ()) -> list[SlotResult]:
    """Decide every slot's split, each table (the slots its relations join) as one problem; where the relations
    leave several splits, the figures the prose states choose among them (`prose`)."""
    results: dict[int, SlotResult] = {}
    for group, rels, figs in _components(slots, relations, prose):
        for slot, res in zip(group, _solve(group, rels, known, budget, figs), strict=True):
            results[id(slot)] = res
    return [results[id(s)] for s in slots]


def _components(slots: Sequence[Slot], relations: Sequence[Instance], prose: Sequence[Figure]
                ) -> list[tuple[list[Slot], list[Instance], list[Figure]]]:
    """The slots as independent problems: two slots are in one when a relation or a stated figure joins their
    cells (table 3's rows by its column sums; table 2's rows, joined by nothing, each alone). Each comes with
    the relations and figures touching it."""
    owner = {c: k for k, s in enumerate(slots) for c in s.cells}
    parent = list(range(len(slots)))

    def find(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    rel_links = [(r, {owner[c] for c in r.cells if c in owner}) for r in relations]
    fig_links = [(f, {owner[c] for alt in f.alternatives for c in alt if c in owner}) for f in prose]
    for ks in [ks for _r, ks in rel_links] + [ks for _f, ks in fig_links]:
        if ks:
            first = find(min(ks))
            for k in ks:
                parent[find(k)] = first
    groups: dict[int, list[int]] = {}
    for k in range(len(slots)):
        groups.setdefault(find(k), []).append(k)
    out: list[tuple[list[Slot], list[Instance], list[Figure]]] = []
    for members in groups.values():
        mine = set(members)
        out.append(([slots[k] for k in members], [r for r, ks in rel_links if ks & mine],
                    [f for f, ks in fig_links if ks & mine]))
    return out


def _solve(slots: Sequence[Slot], relations: Sequence[Instance], known: dict[str, Number | None] | None,
           budget: int, prose: Sequence[Figure] = ()) -> list[SlotResult]:
    """Decide every slot's split together: the combinations breaking the fewest relations, and what they share.

    The search minimises (relations broken, by how much they miss): where a report does not add up, a printed
    slip is small, and a split that moves digits between columns makes other sums miss by far more.
    `known` holds the values of cells outside the slots (rows printed apart), so relations through them count.
    """
    cands: list[list[Candidate]] = []
    ruled: list[bool] = []
    too_many: set[int] = set()
    hard_only: dict[int, list[Candidate]] = {}  # splits the row's error-level relations alone allow
    for k, slot in enumerate(slots):
        own = _local(slot, relations)
        hard = [r for r in own if r.rel.get("severity", "error") == "error"]
        if len(hard) < len(own):  # a heuristic bound (R9) among the row's relations: what would it admit?
            hcs, _r, hdone = enumerate_splits(slot, relations, strict=True, local=hard)
            if hdone:
                hard_only[k] = hcs
        cs, by_rule, done = enumerate_splits(slot, relations, strict=True, local=own)
        if done and not cs:
            cs, by_rule, done = enumerate_splits(slot, relations, strict=False, local=own)
        if not done:  # too many ways to split: nothing this slot yields can be trusted
            cs = []
            too_many.add(k)
        cs.sort(key=lambda x: (x.violations, x.miss))
        cands.append(cs)
        ruled.append(by_rule)
    values: dict[str, Number | None] = dict(known or {})
    # slots that cannot keep their own row total first (they are where a report goes wrong), then the fewest
    multi = sorted((i for i, cs in enumerate(cands) if len(cs) > 1),
                   key=lambda i: (cands[i][0].violations == 0, len(cands[i]), i))
    for i, cs in enumerate(cands):
        if len(cs) == 1:
            values.update(zip(slots[i].cells, cs[0].values, strict=True))
    local = {id(r) for s in slots for r in _local(s, relations)}
    sums = _Sums([r for r in relations if id(r) not in local], values, [slots[i] for i in multi],
                 [cands[i] for i in multi])
    fixed = [cs[0] for cs in cands if len(cs) == 1]
    base = (sum(c.violations for c in fixed), sum(c.miss for c in fixed))
    best: list[tuple[int, float]] = [(1 << 30, 0.0)]
    sols: list[tuple[int, ...]] = []
    choice: list[int] = [0] * len(multi)
    nodes = [0]
    overflow = [False]  # more equally good combinations than kept: what they share is unknown

    def cost(own: tuple[int, float], done: bool = False) -> tuple[int, float]:
        v, m = sums.exact() if done else sums.cost()
        return own[0] + v, round(own[1] + m, 6)

    def rec(d: int, own: tuple[int, float]) -> bool:
        if d == len(multi):
            c = cost(own, done=True)
            if c > best[0]:
                return True
            if c < best[0]:
                best[0] = c
                sols.clear()
            if len(sols) < SOLUTION_CAP:
                sols.append(tuple(choice))
            else:
                overflow[0] = True
            return True
        for j, cand in enumerate(cands[multi[d]]):
            nodes[0] += 1
            if nodes[0] > budget:
                return False
            mine = (own[0] + cand.violations, own[1] + cand.miss)
            if mine[0] > best[0][0]:
                break  # candidates are sorted by their own violations
            sums.assign(d, j, 1)
            if cost(mine) <= best[0]:
                choice[d] = j
                if not rec(d + 1, mine):
                    sums.assign(d, j, -1)
                    return False
            sums.assign(d, j, -1)
        return True

    complete = False
    for limit in range(MAX_BROKEN + 1):  # fewest broken relations first: a tight limit prunes hard
        best[0] = (base[0] + limit, float("inf"))
        overflow[0] = False
        complete = rec(0, base)
        if not complete or sols:
            break
    complete = complete and bool(sols) and not overflow[0]
    chosen: dict[int, tuple[list[str], list[int]]] = {}
    if complete and prose:
        sols, chosen = _by_prose(sols, prose, [slots[i] for i in multi], [cands[i] for i in multi], values)
    out: list[SlotResult] = []
    for i, slot in enumerate(slots):
        cs = cands[i]
        if not cs:
            out.append(SlotResult(slot, "too_many" if i in too_many else "failed", undecided=list(slot.cells)))
            continue
        split = len(slot.segments) != len(slot.cells) and bool(slot.segments)
        if len(cs) == 1:
            status = "printed" if not split else ("unique" if ruled[i] else "only")
            res = SlotResult(slot, status, violations=best[0][0] if complete else cs[0].violations)
            res.placed = dict(zip(slot.cells, cs[0].split, strict=True))
            out.append(res)
            continue
        d = multi.index(i)
        if complete:
            used = sorted({s[d] for s in sols})
        else:  # over budget: the slot's own best candidates
            low = (cs[0].violations, cs[0].miss)
            used = [j for j, c in enumerate(cs) if (c.violations, c.miss) == low]
        res = _agree(slot, [cs[j] for j in used], cs, best[0][0] if complete else cs[0].violations)
        if d in chosen and not res.undecided:
            names, allowed = chosen[d]
            res.status, res.prose = "prose", names
            res.alternatives = [cs[j].split for j in allowed if cs[j].values != cs[used[0]].values][:8]
        out.append(res)
    _blame(out, cands, relations, values)
    for k, hcs in hard_only.items():  # decided only thanks to a heuristic bound: say so, list what it excluded
        res = out[k]
        if res.status in ("only", "unique") and not res.undecided:
            placed = tuple(piece_value(p.text, "money")[1] if p else None
                           for p in (res.placed.get(c) for c in res.slot.cells))
            others = [c for c in hcs if c.values != placed]
            if not others:
                continue
            res.status, res.alternatives = "heuristic", [c.split for c in others[:8]]
            # a stated figure the placed split gives and none of the others does: the prose decides, not the bound
            cells = res.slot.cells
            mine = [f for f in prose if any(c in cells for alt in f.alternatives for c in alt)]
            deciding = [f for f in mine if _gives(f, {**values, **dict(zip(cells, placed, strict=True))})
                        and not any(_gives(f, {**values, **dict(zip(cells, o.values, strict=True))}) for o in others)]
            if deciding:
                res.status, res.prose = "prose", [f.key for f in deciding]
    return out


def _gives(fig: Figure, values: dict[str, Number | None]) -> bool:
    """Whether some alternative of the figure sums to what the prose states, with these values."""
    for alt in fig.alternatives:
        vs = [values.get(c) for c in alt]
        if all(v is not None for v in vs) and abs(sum(vs) - fig.stated) <= EPS:  # type: ignore[arg-type]
            return True
    return False


def _by_prose(sols: list[tuple[int, ...]], prose: Sequence[Figure], order: list[Slot], cands: list[list[Candidate]],
              fixed: dict[str, Number | None]
              ) -> tuple[list[tuple[int, ...]], dict[int, tuple[list[str], list[int]]]]:
    """The combinations that also give every figure the prose states that some combination gives, and the
    slots (by depth) this narrowed to one split: the keys of the figures that did it, and the candidates the
    relations allowed before.

    A figure no combination gives (the prose and the table disagree: the prose check reports it) is set
    aside; figures that no combination gives together are all set aside: the prose does not choose then.
    """
    where = {c: (d, k) for d, slot in enumerate(order) for k, c in enumerate(slot.cells)}

    def gives(fig: Figure, sol: tuple[int, ...]) -> bool | None:
        """Whether the combination gives the figure; None when no alternative can be summed."""
        summed = False
        for alt in fig.alternatives:
            total_: float = 0.0
            for c in alt:
                if c in where:
                    d, k = where[c]
                    v = cands[d][sol[d]].values[k]
                else:
                    v = fixed.get(c)
                if v is None:
                    break
                total_ += v
            else:
                summed = True
                if abs(total_ - fig.stated) <= EPS:
                    return True
        return False if summed else None

    touching = [f for f in prose if any(c in where for alt in f.alternatives for c in alt)]
    usable = [f for f in touching if any(gives(f, s) for s in sols)]
    if not usable:
        return sols, {}
    kept = [s for s in sols if all(gives(f, s) is not False for f in usable)]
    if not kept or len(kept) == len(sols):
        return sols, {}
    deciding = [f for f in usable if any(gives(f, s) is False for s in sols)]  # those that ruled any out
    chosen: dict[int, tuple[list[str], list[int]]] = {}
    for d in range(len(order)):
        before = {cands[d][s[d]].values for s in sols}
        after = {cands[d][s[d]].values for s in kept}
        if len(before) > 1 and len(after) == 1:
            cells = set(order[d].cells)
            keys = [f.key for f in deciding if any(c in cells for alt in f.alternatives for c in alt)]
            chosen[d] = (keys or [f.key for f in deciding], sorted({s[d] for s in sols}))
    return kept, chosen


def _blame(results: list[SlotResult], cands: list[list[Candidate]], relations: Sequence[Instance],
           known: dict[str, Number | None]) -> None:
    """Where the report does not add up, a slot is "least" only if another of its splits breaks no more
    relations (the one placed merely misses by less); a slot the holding relations decide is "unique"."""
    values: dict[str, Number | None] = dict(known)
    for res in results:
        for c in res.slot.cells:
            p = res.placed.get(c)
            values[c] = piece_value(p.text, "money")[1] if p is not None else None
    for res, cs in zip(results, cands, strict=True):
        if res.status != "least":
            continue
        mine = set(res.slot.cells)
        rels = [r for r in relations if set(r.cells) & mine]
        broken = sum(1 for r in rels if holds(r, values) is False)
        others: list[tuple[int, float, Split]] = []
        for cand in cs:
            if cand.values == tuple(values[c] for c in res.slot.cells):
                continue
            trial = {**values, **dict(zip(res.slot.cells, cand.values, strict=True))}
            others.append((sum(1 for r in rels if holds(r, trial) is False), cand.miss, cand.split))
        others.sort(key=lambda o: (o[0], o[1]))
        res.violations = broken
        rivals = [o[2] for o in others if o[0] <= broken]
        if rivals:  # as few relations broken, only a larger miss
            res.alternatives = rivals[:8]
        elif cs[0].violations:  # the row's own total cannot hold: show the next best splits
            res.alternatives = [o[2] for o in others[:5]]
        else:
            res.status, res.alternatives = "unique", []


def _agree(slot: Slot, chosen: list[Candidate], every: list[Candidate], violations: int) -> SlotResult:
    res = SlotResult(slot, "unique" if violations == 0 else "least", violations=violations)
    for k, cell in enumerate(slot.cells):
        if len({c.values[k] for c in chosen}) == 1:
            res.placed[cell] = chosen[0].split[k]
        else:
            res.undecided.append(cell)
    if res.undecided:
        res.status = "ambiguous"
        res.alternatives = [c.split for c in chosen][:8]
    elif violations:
        res.alternatives = [c.split for c in every if c not in chosen][:8]
    return res


def split_text(split: Split, sep: str = " · ") -> str:
    return sep.join(p.text if p is not None else "空" for p in split)

