"""Default pane sizes for a window width: 表三 (the widest national table with its labels) shown whole.

Used on the first start (no sizes kept yet): the library list keeps its width where it can, the grid gets two
thirds of the review area or at least what 表三 needs, the text the rest (never less than a readable column).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QStyle, QWidget

from ui.grid_view import DATA_WIDTH, LABEL_WIDTHS

LIBRARY = 360  # the library list's width when there is room
LIBRARY_MIN = 260
TEXT_MIN = 300
TABLE3_LABEL_COLS, TABLE3_VALUE_COLS = 3, 7
HANDLE = 6  # a splitter handle and the margins around it


@dataclass(frozen=True, slots=True)
class Sizes:
    main: list[int]  # library, review
    review: list[int]  # text, grids


def table3_width(widget: QWidget) -> int:
    """The width 表三 needs: its label and value columns, the vertical scroll bar and the frame."""
    style = widget.style()
    scrollbar = style.pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
    frame = 2 * style.pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth)
    return sum(LABEL_WIDTHS[TABLE3_LABEL_COLS]) + TABLE3_VALUE_COLS * DATA_WIDTH + scrollbar + frame + 4


def default_sizes(width: int, widget: QWidget, library_shown: bool = True) -> Sizes:
    need = table3_width(widget)
    library = LIBRARY if library_shown else 0
    review = width - library - HANDLE
    grid = max(need, review * 2 // 3)
    text = review - grid - HANDLE
    if text < TEXT_MIN and library_shown:  # narrow window: the library gives up some width first
        give = min(library - LIBRARY_MIN, TEXT_MIN - text)
        library -= give
        text += give
    if text < TEXT_MIN:  # then the grid, down to what 表三 needs
        take = min(grid - need, TEXT_MIN - text)
        grid -= take
        text += take
    return Sizes([library, width - library - HANDLE], [max(text, 120), grid])


if __name__ == "__main__":
    from ui.preview import app_instance

    app_instance()
    probe = QWidget()
    for w in (1280, 1366, 1600, 1920):
        print(w, default_sizes(w, probe))
