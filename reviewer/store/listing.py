"""The ids of a long list read as a view needs them: the count at once, pages of ids on first access.

A library on a server may hold a million reports: `Library.list_reports` there counts the matching reports and
reads the ids of the first screenful only (`ORDER BY … LIMIT`, along an index), instead of every id at once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import overload

PAGE = 512


class PagedIds(Sequence[int]):
    """`count()` gives the length; `page(offset, limit)` a run of ids in list order. Pages are kept once read;
    iterating (or `index_of`, which needs every id) reads all the ids in one query."""

    def __init__(self, count: Callable[[], int], page: Callable[[int, int], list[int]]) -> None:
        self._len = count()
        self._page = page
        self._pages: dict[int, list[int]] = {}
        self._all: list[int] | None = None

    def __len__(self) -> int:
        return self._len if self._all is None else len(self._all)

    def _chunk(self, p: int) -> list[int]:
        if self._all is not None:
            return self._all[p * PAGE:(p + 1) * PAGE]
        got = self._pages.get(p)
        if got is None:
            got = self._pages[p] = self._page(p * PAGE, PAGE)
        return got

    @overload
    def __getitem__(self, index: int) -> int: ...

    @overload
    def __getitem__(self, index: slice) -> list[int]: ...

    def __getitem__(self, index: int | slice) -> int | list[int]:
        if isinstance(index, slice):
            start, stop, step = index.indices(len(self))
            if step != 1:
                return [self[i] for i in range(start, stop, step)]
            out: list[int] = []
            for p in range(start // PAGE, (stop + PAGE - 1) // PAGE if stop > start else start // PAGE):
                chunk = self._chunk(p)
                lo, hi = max(start - p * PAGE, 0), min(stop - p * PAGE, len(chunk))
                out.extend(chunk[lo:hi])
            return out
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        chunk = self._chunk(index // PAGE)
        if index % PAGE >= len(chunk):  # the list shrank since it was counted
            raise IndexError(index)
        return chunk[index % PAGE]

    def __iter__(self) -> Iterator[int]:
        if self._all is None:
            self._all = self._page(0, -1)
        return iter(self._all)
