"""Each file is read within a time and memory budget (default 10 s and 500 MB, set by $REVIEWER_READ_SECONDS
and $REVIEWER_READ_MB or `set_budget`).

Memory is kept by limits on what a file expands into, checked before the expansion happens: the XML inside a
Word file, the decoded text of a page, the inflated streams of a PDF, and the grid cells every table expands
to (a row spanning 256 columns is 256 cells, whatever the file size). The limits follow from the budget with
factors measured by benchmarks/bench_hostile.py (bytes of memory and seconds per unit of each). Time is kept
by a deadline the readers check as they go. Over budget, the file is refused in one line naming the file and
the limit; nothing is ever cut silently.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from reviewer.errors import ReadError

MB = 1024 * 1024
SECONDS_ENV = "REVIEWER_READ_SECONDS"
MEGABYTES_ENV = "REVIEWER_READ_MB"
OCR_PAGE_SECONDS_ENV = "REVIEWER_OCR_PAGE_SECONDS"

# Measured costs (benchmarks/bench_hostile.py): memory and time per unit when a file is read and parsed.
BYTES_PER_CELL = 250  # a grid cell through reading and parsing
CELLS_PER_SECOND = 100_000
BYTES_PER_XML_BYTE = 10  # lxml tree of a Word body, and the walk over it
XML_BYTES_PER_SECOND = 1.6 * MB  # reading and parsing what it holds
BYTES_PER_PDF_BYTE = 2.5  # PDFium on an inflated content stream
PDF_BYTES_PER_SECOND = 2 * MB  # PDFium draws about 1 MB of path operators a second
BYTES_PER_HTML_BYTE = 12
HTML_BYTES_PER_SECOND = 2 * MB
BYTES_PER_TEXT_CHAR = 40  # rows of cells cut from plain text
TEXT_BYTES_PER_SECOND = 0.5 * MB


@dataclass(frozen=True, slots=True)
class Budget:
    seconds: float = 10.0
    megabytes: int = 500
    ocr_page_seconds: float = 120.0  # OCR takes seconds a page: each scanned page adds this to the deadline

    def _limit(self, bytes_per_unit: float, units_per_second: float | None = None) -> int:
        by_memory = self.megabytes * MB / bytes_per_unit
        by_time = self.seconds * units_per_second if units_per_second else by_memory
        return int(min(by_memory, by_time) / 2)  # half: the rest of the read and the parse need their share

    @property
    def max_cells(self) -> int:
        """Grid cells all the tables of one file may expand to."""
        return self._limit(BYTES_PER_CELL, CELLS_PER_SECOND)

    @property
    def max_xml(self) -> int:
        return self._limit(BYTES_PER_XML_BYTE, XML_BYTES_PER_SECOND)

    @property
    def max_pdf_streams(self) -> int:
        return self._limit(BYTES_PER_PDF_BYTE, PDF_BYTES_PER_SECOND)

    @property
    def max_html(self) -> int:
        return self._limit(BYTES_PER_HTML_BYTE, HTML_BYTES_PER_SECOND)

    @property
    def max_text(self) -> int:
        return self._limit(BYTES_PER_TEXT_CHAR, TEXT_BYTES_PER_SECOND)

    def words(self) -> str:
        return f"读取预算 {self.seconds:g} 秒、{self.megabytes} MB"


def _env_number(name: str, default: float) -> float:
    try:
        value = float(os.environ.get(name, ""))
    except ValueError:
        return default
    return value if value > 0 else default


_override: Budget | None = None


def current() -> Budget:
    """The budget in force: `set_budget`'s, else the environment's, else the defaults."""
    if _override is not None:
        return _override
    return Budget(seconds=_env_number(SECONDS_ENV, 10.0), megabytes=int(_env_number(MEGABYTES_ENV, 500)),
                  ocr_page_seconds=_env_number(OCR_PAGE_SECONDS_ENV, 120.0))


def set_budget(budget: Budget | None) -> None:
    """Use `budget` for every read from now on (None: back to the environment and defaults)."""
    global _override
    _override = budget


class Meter:
    """The budget of one file being read: its deadline and the grid cells its tables have used."""

    def __init__(self, name: str, budget: Budget) -> None:
        self.name = name
        self.budget = budget
        self.deadline = time.monotonic() + budget.seconds
        self.cells_used = 0
        self._ticks = 0

    def refuse(self, what: str) -> ReadError:
        seconds, megabytes = f"{self.budget.seconds:g}", self.budget.megabytes
        return ReadError(f"{self.name}: {what}，超出读取预算 {seconds} 秒、{megabytes} MB，拒绝读取")

    def allow(self, seconds: float) -> None:
        """More time for work known to be slow (the OCR of a scanned page), on top of the file's own budget."""
        self.deadline += seconds

    def check(self) -> None:
        """Refuse the file now if it is past its deadline (after a unit of slow work, such as a page of OCR)."""
        if time.monotonic() > self.deadline:
            raise self.refuse(f"读取超过 {self.budget.seconds:g} 秒")

    def tick(self) -> None:
        """Called as a reader goes (per row, page, element): over time, the file is refused."""
        self._ticks += 1
        if self._ticks % 64 == 0 and time.monotonic() > self.deadline:
            raise self.refuse(f"读取超过 {self.budget.seconds:g} 秒")

    def cells(self, n: int) -> None:
        """`n` more grid cells are about to be made."""
        self.cells_used += n
        if self.cells_used > self.budget.max_cells:
            raise self.refuse(f"表格展开后超过 {self.budget.max_cells:,} 个单元格")
        self.tick()

    def size(self, what: str, n: int, limit: int) -> None:
        """An expanded size (`what`, n bytes) checked against its limit before it is expanded."""
        if n > limit:
            raise self.refuse(f"{what}展开后为 {n / MB:.1f} MB，超过 {limit / MB:.1f} MB 的上限")


_ACTIVE: ContextVar[Meter | None] = ContextVar("reviewer_read_meter", default=None)


def meter() -> Meter:
    """The meter of the file being read (a fresh one with the current budget outside `metered`)."""
    m = _ACTIVE.get()
    return m if m is not None else Meter("文件", current())


@contextmanager
def metered(name: str, budget: Budget | None = None) -> Iterator[Meter]:
    m = Meter(name, budget or current())
    token = _ACTIVE.set(m)
    try:
        yield m
    finally:
        _ACTIVE.reset(token)
