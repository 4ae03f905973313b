"""A server's long list (`reviewer.store.listing.PagedIds`): counted at once, read a page at a time."""

from __future__ import annotations

from reviewer.store.listing import PAGE, PagedIds
from reviewer.store.types import ReportList


def _ids(n: int) -> tuple[PagedIds, list[tuple[int, int]]]:
    asked: list[tuple[int, int]] = []
    ids = list(range(1000, 1000 + n))

    def page(offset: int, limit: int) -> list[int]:
        asked.append((offset, limit))
        return ids[offset:] if limit < 0 else ids[offset:offset + limit]

    return PagedIds(lambda: n, page), asked


def test_length_at_once_and_only_the_pages_shown_are_read() -> None:
    paged, asked = _ids(3 * PAGE + 7)
    assert len(paged) == 3 * PAGE + 7 and asked == []
    assert paged[:3] == [1000, 1001, 1002] and asked == [(0, PAGE)]
    assert paged[PAGE - 1: PAGE + 1] == [1000 + PAGE - 1, 1000 + PAGE] and asked == [(0, PAGE), (PAGE, PAGE)]
    assert paged[-1] == 1000 + 3 * PAGE + 6
    assert list(paged)[5] == 1005 and asked[-1] == (0, -1)  # iterating reads every id once


def test_a_report_on_a_page_read_is_found_without_reading_every_id() -> None:
    paged, asked = _ids(10 * PAGE)
    rows = ReportList(paged, lambda ids: [])
    paged[PAGE + 3]
    assert rows.index_of(1000 + PAGE + 3) == PAGE + 3 and (0, -1) not in asked
    assert rows.index_of(1000 + 9 * PAGE) == 9 * PAGE and (0, -1) in asked  # elsewhere: every id, once
    assert rows.index_of(5) == -1
