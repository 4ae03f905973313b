"""A stale write said with who changed what: "张三 于 10:42 修改了 表三 …·总计 为 5".

When a write is based on an older version than the one stored, the audit lines written since that version (one
batch per version) say who changed the report, when and how; `StaleWrite` carries them (`changes`, newest last)
so that a window can name them in its own language, and says them in one line."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reviewer.errors import StaleWriteError
from reviewer.formats.labels import TABLE_SHORT, label_of
from reviewer.model import split_cell_id
from reviewer.store import timefmt
from reviewer.store.types import (
    CELL_KINDS,
    KIND_CONFIRM,
    KIND_METADATA,
    KIND_REPARSE,
    KIND_RESTORE,
    KIND_RETIRE,
    KIND_SIGN_OFF,
    KIND_STATUS,
    KIND_WITHDRAW,
    STATUS_LABELS,
    Value,
)
from reviewer.values import format_value

MAX_CHANGES = 3  # versions described in the message (the rest counted)
METADATA_WORDS = {"agency": "机关", "year": "年度", "region": "地区", "template": "格式版本"}


@dataclass(frozen=True, slots=True)
class OtherChange:
    """One write of another reviewer (one batch of the trail)."""

    reviewer: str
    at: str
    kind: str
    cells: tuple[tuple[str, Value], ...] = ()  # (cell id, new value) of a cell kind
    labels: tuple[str, ...] = ()  # the cells' labels (表三 …·总计), as `cells`
    status: str | None = None  # the new status, when the batch changed it
    field: str | None = None  # a metadata field
    text: str | None = None  # new metadata value, finding key …

    def describe(self) -> str:
        who = f"{self.reviewer or '（未署名）'} 于 {timefmt.short(self.at)} "
        if self.cells:
            first = f"{self.labels[0]} 为 {format_value(self.cells[0][1], blank='空')}"
            more = f" 等 {len(self.cells)} 个单元格" if len(self.cells) > 1 else ""
            return who + f"修改了 {first}{more}"
        if self.kind == KIND_METADATA and self.field:
            return who + f"修改了 {METADATA_WORDS.get(self.field, self.field)} 为 {self.text or '空'}"
        if self.kind == KIND_CONFIRM:
            return who + f"确认了源文件错误 {self.text or ''}".rstrip()
        if self.kind == KIND_WITHDRAW:
            return who + f"撤回了源文件错误 {self.text or ''}".rstrip()
        if self.kind == KIND_REPARSE:
            return who + "重新解析了报告"
        if self.kind == KIND_RETIRE:
            return who + "停用了报告"
        if self.kind == KIND_RESTORE:
            return who + "恢复了报告"
        if self.kind == KIND_SIGN_OFF:
            return who + "签核了报告"
        if self.status:
            return who + f"将状态改为 {STATUS_LABELS.get(self.status, self.status)}"
        return who + f"修改了报告（{self.kind}）"


class StaleWrite(StaleWriteError):
    """`StaleWriteError` with the writes made since the version the refused write was based on."""

    def __init__(self, message: str, report_id: int, expected: int, current: int,
                 changes: list[OtherChange]) -> None:
        super().__init__(message)
        self.report_id = report_id
        self.expected = expected
        self.current = current
        self.changes = changes


def _cell_label(cid: str, template: str | None, variant: str | None) -> str:
    try:
        table, row, col = split_cell_id(cid)
        return f"{TABLE_SHORT.get(table, table)} {label_of(template, table, row, col, variant)}"
    except (ValueError, KeyError):
        return cid


def since(c: Any, report_id: int, versions: int, template: str | None, variant: str | None) -> list[OtherChange]:
    """The latest `versions` batches of the report's trail (a write is one batch), oldest first."""
    if versions <= 0:
        return []
    batches = [b for (b,) in c.execute("SELECT DISTINCT batch FROM edits WHERE report_id = ? ORDER BY batch DESC "
                                      "LIMIT ?", (report_id, min(versions, MAX_CHANGES))).fetchall()]
    out: list[OtherChange] = []
    for batch in sorted(batches):
        rows = c.execute("SELECT kind, cell, old_value, new_value, reviewer, at FROM edits WHERE report_id = ? AND "
                         "batch = ? ORDER BY id", (report_id, batch)).fetchall()
        main = next((r for r in rows if r[0] != KIND_STATUS), rows[0])
        status = next((r[3] for r in rows if r[0] == KIND_STATUS), None)
        cells = tuple((r[1], r[3]) for r in rows if r[0] in CELL_KINDS and r[1])
        out.append(OtherChange(
            reviewer=str(main[4] or ""), at=str(main[5]), kind=str(main[0]), cells=cells,
            labels=tuple(_cell_label(cid, template, variant) for cid, _v in cells),
            status=str(status) if status else None,
            field=str(main[1]) if main[0] == KIND_METADATA and main[1] else None,
            text=str(main[3]) if main[0] == KIND_METADATA and main[3] is not None
            else str(main[1]) if main[0] in (KIND_CONFIRM, KIND_WITHDRAW) else None))
    return out


def stale_write(c: Any, report_id: int, name: str, expected: int, current: int) -> StaleWrite:
    """The refusal of a write based on version `expected` of a report now at `current`."""
    row = c.execute("SELECT template, table2_variant FROM reports WHERE id = ?", (report_id,)).fetchone()
    changes = since(c, report_id, current - expected, *(row or (None, None)))
    said = "；".join(ch.describe() for ch in changes)
    more = current - expected - len(changes)
    if more > 0:
        said += f"（另有 {more} 次修改）"
    message = (f"报告 {report_id}（{name}）已被其他窗口或程序修改：{said}。当前版本为 {current}，本次修改基于版本 {expected}；"
               "已重新载入，请核对后再修改。" if said else
               f"报告 {report_id}（{name}）已被其他窗口或程序修改：当前版本为 {current}，本次修改基于版本 {expected}。"
               "请重新载入后再修改。")
    return StaleWrite(message, report_id, expected, current, changes)
