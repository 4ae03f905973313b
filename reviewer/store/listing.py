"""The ids of a long list read as a view needs them: the count at once, pages of ids on first access.

A library on a server may hold a million reports: `Library.list_reports` there counts the matching reports and
reads the ids of the first screenful only (`ORDER BY … LIMIT`, along an index), instead of every id at once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import overload

from reviewer.store.backend import Db

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


# -- what the filter bar reads, on a server: along indexes, not a scan of every report -------------------------------
def server_counts(conn: Db, any_retired: bool) -> tuple[list[tuple[str, int]], int, int, int, int]:
    """(status, count) rows and the counts with errors, with warnings, with defects, retired — as `Library.count`
    reads them on SQLite, in queries a server answers from its indexes (`pg_schema` v3: the status index and
    partial indexes of the reports with errors, warnings, defects, retired ones)."""
    live = " AND retired_at IS NULL" if any_retired else ""
    rows = [(s, int(n)) for s, n in conn.execute(
        f"SELECT status, count(*) FROM reports WHERE TRUE{live} GROUP BY status")]
    counts = [int(conn.execute(f"SELECT count(*) FROM reports WHERE {col} > 0{live}").fetchone()[0])
              for col in ("errors", "warnings", "defects")]
    retired = int(conn.execute("SELECT count(*) FROM reports WHERE retired_at IS NOT NULL").fetchone()[0])
    return rows, counts[0], counts[1], counts[2], retired


def server_years(conn: Db, any_retired: bool) -> list[int]:
    """The distinct years, latest first, one index probe per year (a loose index scan)."""
    live = " AND retired_at IS NULL" if any_retired else ""
    return [int(y) for (y,) in conn.execute(
        "WITH RECURSIVE y(year) AS ("
        f"(SELECT max(year) FROM reports WHERE year IS NOT NULL{live}) UNION ALL "
        f"SELECT (SELECT max(year) FROM reports WHERE year < y.year{live}) FROM y WHERE y.year IS NOT NULL) "
        "SELECT year FROM y WHERE year IS NOT NULL")]
