"""Notes of reading that the reviewer's own work has answered: they stop asking for a reason.

Derived from the record every time `refresh_findings` runs, never stored: the same values give the same
findings after a reload (SQLite or PostgreSQL), and clearing a cell (or undoing) brings the warning back.

- An ambiguous fused split (SPLIT `split_ambiguous` / `split_tied`: several splits satisfy the relations equally
  well, the cells they disagree on were left blank) is answered once a reviewer has set every undecided cell
  (provenance origin `edited`). It becomes an info finding naming the split chosen (`split_chosen`, or
  `split_entered` when the values are none of the splits listed). The answer's key is not the warning's
  (`params.answered`, see `model.base_key`): a confirmation of the warning as a source defect never attaches
  to the answer; it stays listed, inactive, and applies again when the warning comes back.
- The UNPLACED warning counts only the values not yet accounted for. A value is accounted for when a cell a
  reviewer filled reads from a span overlapping it (a value captured from the text), or when it is the run of an
  answered split. None left, the warning goes. Its cells, hence its key, stay those the parser gave it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from reviewer.model import ORIGIN_EDITED, Finding, Number, Record, Unplaced
from reviewer.values import format_value

Span = tuple[int, int]
AMBIGUOUS = ("split_ambiguous", "split_tied")  # a SPLIT that left cells for the reviewer to choose

# the findings this module writes, in Chinese (ui/messages.py holds the same templates for other languages)
MESSAGES = {
    "split_chosen": "{table}“{rows}”印为“{printed}”，审核人已选择拆分 {chosen}（所列 {count} 种拆分中的第 {choice} 种）",
    "split_entered": "{table}“{rows}”印为“{printed}”，审核人已填入 {chosen}，不是所列的拆分（{others}）",
    "unplaced": "有 {count} 个数值无法确定所属单元格，已列出，未计入表格",
}
_SHORT = {"table2": "表二", "table3": "表三", "table4": "表四"}


def choices(f: Finding) -> list[dict[str, Any]]:
    """The alternatives of an ambiguous SPLIT as the reviewer may choose one (`params.choices`): each
    {"split": text, "cells": {cell: {"text", "span", "value"}}} over the undecided cells; [] for any other."""
    if f.rule != "SPLIT" or f.message_id not in AMBIGUOUS:
        return []
    found = f.params.get("choices")
    return list(found) if isinstance(found, list) else []


def choosable(f: Finding) -> bool:
    """An open ambiguous SPLIT that lists its alternatives: a reviewer can pick one."""
    return bool(choices(f)) and f.severity == "warning" and f.resolution is None


def _same(a: Number | None, b: Number | None) -> bool:
    if a is None or b is None:
        return a is b
    return abs(float(a) - float(b)) < 1e-9


def _edited(record: Record, cid: str) -> bool:
    """A value a reviewer set (an edit back to the parsed value is no longer one)."""
    src = record.provenance.get(cid)
    return src is not None and src.origin == ORIGIN_EDITED


def chosen_index(record: Record, f: Finding) -> int | None:
    """The alternative (from 0) whose values the undecided cells now hold, if any."""
    for k, choice in enumerate(choices(f)):
        cells = choice.get("cells", {})
        if cells and all(_same(record.get(c), v.get("value")) for c, v in cells.items()):
            return k
    return None


def answered(record: Record, f: Finding) -> bool:
    """Whether a reviewer has set every cell the split left undecided (a blank the chosen split itself prints
    needs no setting)."""
    if f.rule != "SPLIT" or f.message_id not in AMBIGUOUS or f.resolution is not None:
        return False
    undecided = [str(c) for c in f.params.get("undecided") or []]
    if not undecided:
        return False
    if all(_edited(record, c) and record.get(c) is not None for c in undecided):
        return True
    k = chosen_index(record, f)
    if k is None:
        return False
    cells = choices(f)[k]["cells"]
    set_ = [c for c in undecided if cells.get(c, {}).get("value") is not None]
    return bool(set_) and all(_edited(record, c) for c in set_)


def _answer(record: Record, f: Finding) -> Finding:
    p = f.params
    row = [str(c) for c in p.get("cells") or f.cells]
    chosen = " · ".join(format_value(record.get(c), "空") for c in row)
    k = chosen_index(record, f)
    listed = [str(a) for a in p.get("alternatives") or []]
    if k is None and not choices(f) and chosen in listed:  # a split read before its choices were kept
        k = listed.index(chosen)
    params: dict[str, Any] = {key: p[key] for key in ("table", "rows", "printed", "cells", "undecided", "run",
                                                        "alternatives", "others") if key in p}
    params.update(answered=True, chosen=chosen, count=len(choices(f)) or len(p.get("alternatives") or []),
                  values={c: record.get(c) for c in f.cells})
    fields = {**params, "table": _SHORT.get(str(p.get("table")), str(p.get("table")))}
    if k is not None:
        params["choice"] = k + 1
        fields["choice"] = k + 1
        return Finding(rule="SPLIT", severity="info", cells=list(f.cells), name="split chosen by the reviewer",
                       message=MESSAGES["split_chosen"].format(**fields), message_id="split_chosen", params=params)
    return Finding(rule="SPLIT", severity="info", cells=list(f.cells), name="split chosen by the reviewer",
                   message=MESSAGES["split_entered"].format(**fields), message_id="split_entered", params=params)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


Run = tuple[str, tuple[int, int], list[str]]  # an answered split: its table, the span of its run, its cells


def _placed(unplaced: list[Unplaced], captured: Mapping[str, Span], runs: list[Run]) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for i, u in enumerate(unplaced):
        if u.span is None:
            continue
        span = (int(u.span[0]), int(u.span[1]))
        cells = [cid for cid, s in captured.items() if _overlaps((int(s[0]), int(s[1])), span)]
        cells += [c for table, run, cs in runs if table == u.table and run[0] <= span[0] and span[1] <= run[1]
                  for c in cs]
        if cells:
            out[i] = list(dict.fromkeys(cells))
    return out


def _run(f: Finding) -> Run | None:
    run = f.params.get("run")
    if not (isinstance(run, list) and len(run) == 2):
        return None
    return str(f.params.get("table")), (int(run[0]), int(run[1])), [str(c) for c in f.cells]


def _waiting(splits: list[Finding]) -> set[str]:
    """The undecided cells of splits not answered yet: a value captured into one of them accounts for nothing
    until the split is answered (the run is the split's to account for)."""
    return {str(c) for f in splits for c in f.params.get("undecided") or []}


def accounted(record: Record, notes: list[Finding]) -> dict[int, list[str]]:
    """The unplaced values (by index in `record.unplaced`) a reviewer has accounted for, each with the cells that
    now hold it: those filled from a span overlapping it, or the undecided cells of the answered split whose run
    it is."""
    splits = [f for f in notes if f.rule == "SPLIT" and f.message_id in AMBIGUOUS]
    done = [f for f in splits if answered(record, f)]
    waiting = _waiting([f for f in splits if f not in done])
    runs = [r for f in done if (r := _run(f)) is not None]  # a split read before `run` was kept: by its spans
    captured = {cid: src.span for cid, src in record.provenance.items()
                if src.origin == ORIGIN_EDITED and src.span and cid not in waiting and record.get(cid) is not None}
    return _placed(record.unplaced, captured, runs)


def placed_marks(unplaced: list[Unplaced], findings: list[Finding], captured: Mapping[str, Span]
                 ) -> dict[int, list[str]]:
    """What the 未定位数值 panel shows as placed, from the findings the store computed and the spans the reviewer
    captured values from: the same accounting as the UNPLACED count."""
    waiting = _waiting([f for f in findings if f.rule == "SPLIT" and f.message_id in AMBIGUOUS])
    runs = [r for f in findings if f.rule == "SPLIT" and f.params.get("answered") if (r := _run(f)) is not None]
    return _placed(unplaced, {c: s for c, s in captured.items() if c not in waiting}, runs)


def remaining(record: Record, notes: list[Finding]) -> list[Unplaced]:
    """The unplaced values not yet accounted for."""
    done = accounted(record, notes)
    return [u for i, u in enumerate(record.unplaced) if i not in done]


def answer_notes(record: Record, notes: list[Finding]) -> list[Finding]:
    """The notes of reading as the reviewer's work leaves them: answered splits as info, UNPLACED recounted (gone
    when nothing is left). Every other note is returned as it is."""
    out: list[Finding] = []
    left: int | None = None
    for f in notes:
        if answered(record, f):
            out.append(_answer(record, f))
        elif f.rule == "UNPLACED" and record.unplaced:
            if left is None:
                left = len(remaining(record, notes))
            if left == 0:
                continue
            if left != f.params.get("count"):
                f = Finding(rule=f.rule, severity=f.severity, cells=list(f.cells), name=f.name,
                            message=MESSAGES["unplaced"].format(count=left), message_id="unplaced",
                            params={**f.params, "count": left, "accounted": len(record.unplaced) - left})
            out.append(f)
        else:
            out.append(f)
    return out
