"""Cell marks: what the core says about each cell, and how the UI shows it (colour + icon + tooltip).

`compute_marks` maps findings and cell origins to per-cell marks (the core decides error/warning, which cells a
failing relation involves and which cell a suggestion names; this only indexes that by cell). `MarkStyle`
turns a mark into a colour that suits a light or dark palette and an icon whose shape differs per mark,
so colour is never the only signal.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QIcon,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPixmap,
    QPolygonF,
)

from reviewer.model import ORIGIN_EDITED, ORIGIN_POSITION, Finding, Number
from ui.i18n import tr

CULPRIT, ERROR, INVOLVED, WARNING, POSITION, EDITED, INFO = (
    "culprit", "error", "involved", "warning", "position", "edited", "info")
DEFECT = "defect"  # a finding the reviewer confirmed as a defect of the source (源文件错误)
PRIORITY = (CULPRIT, ERROR, INVOLVED, DEFECT, WARNING, POSITION, EDITED, INFO)
POSITION_RULES = {"POSITION"}


def mark_names() -> dict[str, str]:
    return {
        CULPRIT: tr("可能出错的单元格"),
        ERROR: tr("错误"),
        INVOLVED: tr("涉及未通过的关系"),
        DEFECT: tr("源文件错误"),
        WARNING: tr("警告"),
        POSITION: tr("按位置放置"),
        EDITED: tr("已修改"),
        INFO: tr("提示"),
    }


def mark_short_names() -> dict[str, str]:
    """The words of the status bar's legend, short enough for a 1366-px window (`mark_names` in its tooltips)."""
    return {
        CULPRIT: tr("可能出错"),
        ERROR: tr("错误"),
        INVOLVED: tr("涉及关系"),
        DEFECT: tr("源文件错误"),
        WARNING: tr("警告"),
        POSITION: tr("按位置"),
        EDITED: tr("已修改"),
        INFO: tr("提示"),
    }


@dataclass(slots=True)
class CellMarks:
    kinds: set[str] = field(default_factory=set)
    lines: list[str] = field(default_factory=list)
    suggestion: Number | None = None

    @property
    def top(self) -> str | None:
        for kind in PRIORITY:
            if kind in self.kinds:
                return kind
        return None

    def tooltip(self) -> str:
        return "\n".join(self.lines)

    def key(self) -> tuple:
        return (frozenset(self.kinds), tuple(self.lines), self.suggestion)


@dataclass(slots=True)
class Marks:
    cells: dict[str, CellMarks] = field(default_factory=dict)
    tables: dict[str, list[Finding]] = field(default_factory=dict)  # findings about a whole table (`table3:*`)

    def get(self, cid: str) -> CellMarks | None:
        return self.cells.get(cid)

    def changed(self, other: Marks) -> set[str]:
        """Cells whose marks differ between two computations."""
        ids = set(self.cells) | set(other.cells)
        empty = CellMarks().key()
        return {c for c in ids
                if (self.cells[c].key() if c in self.cells else empty)
                != (other.cells[c].key() if c in other.cells else empty)}


def _fmt(v: Number | None) -> str:
    return tr("空") if v is None else str(v)


def compute_marks(findings: Iterable[Finding], origins: Mapping[str, str],
                  render: Callable[[Finding], str]) -> Marks:
    """Index findings and origins by cell. A finding's suggestion cell is the likely culprit; the other cells of
    a failing relation are involved; an error about one cell marks that cell."""
    out = Marks()
    names = mark_names()

    def at(cid: str) -> CellMarks:
        return out.cells.setdefault(cid, CellMarks())

    for f in findings:
        real = [c for c in f.cells if not c.endswith(":*")]
        for c in f.cells:
            if c.endswith(":*"):
                out.tables.setdefault(c.split(":", 1)[0], []).append(f)
        text = render(f)
        sug = f.suggestion.get("cell") if f.suggestion else None
        if f.rule in POSITION_RULES:
            for c in real:
                at(c).kinds.add(POSITION)
            continue
        if f.resolution is not None:  # confirmed as printed that way: documented, not an open problem
            should_be = f.resolution.get("should_be") or {}
            for c in real:
                line = tr("源文件错误（已确认）：{text}；理由：{reason}").format(text=text,
                                                                        reason=f.resolution.get("reason", ""))
                if c in should_be:
                    line += tr("；应为 {value}").format(value=_fmt(should_be[c]))
                at(c).kinds.add(DEFECT)
                at(c).lines.append(line)
            continue
        if f.severity == "error":
            kind = ERROR if len(real) == 1 else INVOLVED
        elif f.severity == "warning":
            kind = WARNING
        else:
            kind = INFO
        for c in real:
            m = at(c)
            m.kinds.add(CULPRIT if c == sug and f.severity == "error" else kind)
            m.lines.append(f"{names[kind]}：{text}")
        if sug and f.suggestion is not None:
            m = at(sug)
            if m.suggestion is None:
                m.suggestion = f.suggestion.get("value")
    for cid, origin in origins.items():
        if origin == ORIGIN_POSITION:
            at(cid).kinds.add(POSITION)
        elif origin == ORIGIN_EDITED:
            at(cid).kinds.add(EDITED)
    for m in out.cells.values():
        head = []
        if CULPRIT in m.kinds:
            head.append(tr("可能出错的单元格：建议改为 {value}").format(value=_fmt(m.suggestion)))
        elif m.suggestion is not None:
            head.append(tr("建议值：{value}").format(value=_fmt(m.suggestion)))
        if POSITION in m.kinds:
            head.append(tr("按位置放置：该行标签在提取中丢失，数值按表格格式的行序放置，请核对"))
        if EDITED in m.kinds:
            head.append(tr("已由审核人修改"))
        m.lines[:0] = head
    return out


# -- presentation -------------------------------------------------------------------------------------
_LIGHT = {CULPRIT: "#f3a0a0", ERROR: "#f7c6c6", INVOLVED: "#fbdcae", WARNING: "#fdf1a6",
          POSITION: "#dcd5f5", EDITED: "#cdeed8", INFO: "#dcebfa", DEFECT: "#d9d4cc"}
_DARK = {CULPRIT: "#8a2f2f", ERROR: "#6a3030", INVOLVED: "#6b4a1e", WARNING: "#5f5620",
         POSITION: "#453c70", EDITED: "#245a3c", INFO: "#23425f", DEFECT: "#4d4842"}
_ICON = {CULPRIT: "#c62828", ERROR: "#d32f2f", INVOLVED: "#ef8c00", WARNING: "#f2b600",
         POSITION: "#6a4fc4", EDITED: "#2e8b57", INFO: "#1e78c8", DEFECT: "#6d5c4a"}


def _draw(kind: str, size: int, ratio: float) -> QPixmap:
    pm = QPixmap(int(size * ratio), int(size * ratio))
    pm.setDevicePixelRatio(ratio)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = QColor(_ICON[kind])
    r = QRectF(1, 1, size - 2, size - 2)
    p.setPen(QPen(colour.darker(130), 1))
    p.setBrush(colour)
    glyph = "!"
    if kind == ERROR:  # circle
        p.drawEllipse(r)
    elif kind == CULPRIT:  # diamond
        c = r.center()
        p.drawPolygon(QPolygonF([QPointF(c.x(), r.top()), QPointF(r.right(), c.y()),
                                 QPointF(c.x(), r.bottom()), QPointF(r.left(), c.y())]))
    elif kind == INVOLVED:  # ring
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.setPen(QPen(colour, max(2.0, size / 7)))
        p.drawEllipse(r.adjusted(1.5, 1.5, -1.5, -1.5))
        glyph = ""
    elif kind == WARNING:  # triangle
        p.drawPolygon(QPolygonF([QPointF(r.center().x(), r.top()), r.bottomRight(), r.bottomLeft()]))
    elif kind == POSITION:  # square with rows
        p.drawRect(r.adjusted(1, 1, -1, -1))
        p.setPen(QPen(Qt.GlobalColor.white, max(1.0, size / 9)))
        for k in (0.35, 0.55, 0.75):
            y = r.top() + r.height() * k
            p.drawLine(QPointF(r.left() + 3, y), QPointF(r.right() - 3, y))
        glyph = ""
    elif kind == DEFECT:  # a page with its corner folded and a cross: the document itself is wrong
        page = QPolygonF([r.topLeft(), QPointF(r.right() - 3, r.top()), QPointF(r.right(), r.top() + 3),
                          r.bottomRight(), r.bottomLeft()])
        p.drawPolygon(page)
        p.setPen(QPen(Qt.GlobalColor.white, max(1.2, size / 8)))
        p.drawLine(QPointF(r.left() + 3, r.top() + 4), QPointF(r.right() - 3, r.bottom() - 2))
        p.drawLine(QPointF(r.right() - 3, r.top() + 4), QPointF(r.left() + 3, r.bottom() - 2))
        glyph = ""
    elif kind == EDITED:  # pencil
        path = QPainterPath()
        path.moveTo(r.left() + 1, r.bottom() - 1)
        path.lineTo(r.left() + 2, r.bottom() - 5)
        path.lineTo(r.right() - 4, r.top() + 1)
        path.lineTo(r.right() - 1, r.top() + 4)
        path.lineTo(r.left() + 5, r.bottom() - 2)
        path.closeSubpath()
        p.drawPath(path)
        glyph = ""
    else:  # info: circle with i
        p.drawEllipse(r)
        glyph = "i"
    if glyph:
        f = QFont()
        f.setBold(True)
        f.setPixelSize(max(7, int(size * 0.7)))
        p.setFont(f)
        p.setPen(Qt.GlobalColor.white)
        p.drawText(r.adjusted(0, 1 if kind == WARNING else 0, 0, 0), Qt.AlignmentFlag.AlignCenter, glyph)
    p.end()
    return pm


class MarkStyle:
    """Colours and icons of marks for the current palette. Icons are drawn (no files), sharp at any DPI."""

    def __init__(self, dark: bool = False, size: int = 12) -> None:
        self.dark = dark
        self._brushes = {k: QBrush(QColor(v)) for k, v in (_DARK if dark else _LIGHT).items()}
        self._icons: dict[str, QIcon] = {}
        self.size = size
        self.header_brush = QBrush(QColor("#353a42" if dark else "#e9edf3"))
        self.label_brush = QBrush(QColor("#2b2f35" if dark else "#f6f7f9"))
        self.text_brush = QBrush(QColor("#e8e8e8" if dark else "#1b1b1b"))

    @classmethod
    def for_palette(cls, palette: QPalette) -> MarkStyle:
        """Dark colours when the window background is dark (the system's dark mode)."""
        return cls(dark=palette.color(QPalette.ColorRole.Window).lightness() < 128)

    def brush(self, kind: str) -> QBrush:
        return self._brushes[kind]

    def icon(self, kind: str) -> QIcon:
        icon = self._icons.get(kind)
        if icon is None:
            icon = QIcon()
            for ratio in (1.0, 1.5, 2.0, 3.0):
                icon.addPixmap(_draw(kind, self.size, ratio))
            self._icons[kind] = icon
        return icon

    def severity_icon(self, severity: str) -> QIcon:
        return self.icon({"error": ERROR, "warning": WARNING, DEFECT: DEFECT}.get(severity, INFO))


if __name__ == "__main__":
    from ui.menus import legend
    from ui.preview import run_preview

    run_preview(lambda: legend(MarkStyle(), None), size=(700, 30))  # type: ignore[arg-type]
