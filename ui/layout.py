"""Default pane sizes for a window width: 表三 (the widest national table with its labels) shown whole.

Used on the first start (no sizes kept yet): the library list keeps its width where it can, the grid gets two
thirds of the review area or at least what 表三 needs, the text the rest (never less than a readable column).
A window too narrow for the library to show agencies beside them (`fits_beside`, 1280 px) folds the library
while a report is open (`ui.library_drawer`): the review's sizes are then those of the whole width.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QStyle, QTableView, QWidget

from ui.grid_view import DATA_WIDTH, LABEL_WIDTHS

LIBRARY = 360  # the library list's width when there is room
LIBRARY_MIN = 260
TEXT_MIN = 300
TABLE3_LABEL_COLS, TABLE3_VALUE_COLS = 3, 7
HANDLE = 6  # a splitter handle and the margins around it
AGENCY_READABLE = "临清市行政审批局"  # eight characters of an agency: its place and its kind


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


def library_readable(view: QTableView, agency_column: int) -> int:
    """The library list's least useful width: its other shown columns whole and AGENCY_READABLE of an agency."""
    others = sum(view.columnWidth(c) for c in range(view.model().columnCount())
                 if c != agency_column and not view.isColumnHidden(c))
    frame = 2 * view.frameWidth() + 4  # the panel's margin
    return others + view.fontMetrics().horizontalAdvance(AGENCY_READABLE) + 8 + frame


def fits_beside(width: int, library: int, widget: QWidget) -> bool:
    """The library (at `library` px) fits beside a whole 表三 and a readable text in a window `width` wide."""
    return library + HANDLE + table3_width(widget) + HANDLE + TEXT_MIN <= width


def default_sizes(width: int, widget: QWidget, library_shown: bool = True, library_min: int = LIBRARY_MIN) -> Sizes:
    """`library_min`: the library's least useful width (`library_readable`); narrower than that beside the
    review, the library folds while a report is open, so the review is sized for the whole width, and the
    library gets that width for when it shows (no report open, or unfolded to choose one)."""
    need = table3_width(widget)
    if library_shown and not fits_beside(width, library_min, widget):
        folded = default_sizes(width + HANDLE, widget, library_shown=False).review
        return Sizes([library_min, width - library_min - HANDLE], folded)
    library = LIBRARY if library_shown else 0
    review = width - library - HANDLE
    grid = max(need, review * 2 // 3)
    text = review - grid - HANDLE
    if text < TEXT_MIN and library_shown:  # narrow window: the library gives up some width first
        give = min(library - library_min, TEXT_MIN - text)
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
