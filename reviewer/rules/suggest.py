"""The likely culprit: one cell whose change mends every failing relation it is part of.

For each failing relation, each of its cells is tried at the value that relation needs. A cell qualifies
when every failing relation through it needs the same value, every passing relation through it keeps
holding, and the value is valid for its column. Among a failure's candidates, the one through the most
failures wins; a tie means the data cannot tell, and no suggestion is made.
"""

from __future__ import annotations

from reviewer.formats import column_kind
from reviewer.model import Number, Record, split_cell_id
from reviewer.rules.relations import EPS, Instance, holds, total


def _needed(inst: Instance, cell: str, values: dict[str, Number | None]) -> Number | None:
    lhs, rhs = total(values, inst.lhs), total(values, inst.rhs)
    v = values.get(cell)
    if lhs is None or rhs is None or v is None or inst.op != "eq":
        return None
    return v + (rhs - lhs) if cell in inst.lhs else v + (lhs - rhs)


def _valid(record: Record, cell: str, value: Number) -> bool:
    table, _row, col = split_cell_id(cell)
    kind = column_kind(record.template, table, col, record.table2_variant if table == "table2" else None)
    if kind == "signed":
        return float(value).is_integer()
    if value < -EPS:
        return False
    return kind == "money" or float(value).is_integer()


def suggest(failing: list[Instance], insts: tuple[Instance, ...], values: dict[str, Number | None],
            record: Record) -> dict[int, tuple[str, Number]]:
    """id(failing instance) -> (cell id, value) for the failures a single change would mend."""
    if not failing:
        return {}
    through: dict[str, list[Instance]] = {}
    for inst in insts:
        for c in inst.cells:
            through.setdefault(c, []).append(inst)
    fail_ids = {id(i) for i in failing}
    verdict: dict[str, tuple[Number, int] | None] = {}

    def judge(cell: str) -> tuple[Number, int] | None:
        if cell in verdict:
            return verdict[cell]
        result: tuple[Number, int] | None = None
        needs = [_needed(i, cell, values) for i in through.get(cell, []) if id(i) in fail_ids]
        if needs and None not in needs and all(abs(n - needs[0]) <= EPS for n in needs):  # type: ignore[operator]
            value = needs[0]
            assert value is not None
            if isinstance(value, float) and value.is_integer() and isinstance(values.get(cell), int):
                value = int(value)
            trial = dict(values)
            trial[cell] = value
            if _valid(record, cell, value) and all(holds(i, trial) is not False for i in through.get(cell, [])):
                result = (value, len(needs))
        verdict[cell] = result
        return result

    out: dict[int, tuple[str, Number]] = {}
    for inst in failing:
        cands = [(c, judge(c)) for c in dict.fromkeys(inst.cells)]
        good = [(c, j) for c, j in cands if j is not None]
        if not good:
            continue
        top = max(j[1] for _, j in good)
        best = [(c, j) for c, j in good if j[1] == top]
        if len(best) == 1:
            out[id(inst)] = (best[0][0], best[0][1][0])
    return out
