"""A claim is shown as 审核中 everywhere: a 待审核 report someone holds open to edit is counted as 审核中 by
`Library.count()` and listed under 审核中 (not 待审核) by the status filter, on SQLite and PostgreSQL; released or
lapsed, it is 待审核 again; its stored status changes only with the holder's first edit."""

from __future__ import annotations

import json

import pytest

from reviewer.store import Library
from reviewer.store.claims import shown_status
from reviewer.store.db import write
from reviewer.store.timefmt import minutes_before

CELL = "table3:new_received:natural"


@pytest.fixture
def lib(library_at) -> Library:  # noqa: ANN001
    with Library(library_at()) as library:
        yield library


def _listed(lib: Library, status: str) -> set[int]:
    return {s.id for s in lib.list_reports(status=status)}


def test_a_claimed_new_report_counts_and_lists_as_in_review_until_released(lib: Library) -> None:
    before = lib.count()
    assert (before["new"], before["in_review"], before["claimed"]) == (5, 0, 0)
    rid = lib.list_reports().ids[1]
    lib.claim(rid, reviewer="张三")
    assert lib.summary(rid).status == "new"  # stored: nothing was changed yet
    counts = lib.count()
    assert (counts["new"], counts["in_review"], counts["claimed"], counts["all"]) == (4, 1, 1, 5)
    assert _listed(lib, "in_review") == {rid} and rid not in _listed(lib, "new")
    assert len(lib.list_reports(status="审核中")) == counts["in_review"]  # the filter's rows agree with the count
    assert len(lib.list_reports(status="待审核")) == counts["new"]
    lib.release(rid, reviewer="张三")
    after = lib.count()
    assert (after["new"], after["in_review"], after["claimed"]) == (5, 0, 0)
    assert rid in _listed(lib, "new")


def test_an_edited_claimed_report_is_counted_once_and_a_lapsed_claim_not_at_all(lib: Library) -> None:
    ids = lib.list_reports().ids
    edited, idle = ids[0], ids[2]
    lib.claim(edited, reviewer="张三")
    name = lib.actor("张三").name
    lib.set_cells(edited, {CELL: 9}, reviewer="张三", expected_version=lib.load(edited).version)
    assert lib.summary(edited).status == "in_review"
    lib.claim(idle, reviewer="张三")
    counts = lib.count()
    assert (counts["new"], counts["in_review"], counts["claimed"]) == (3, 2, 1)
    assert _listed(lib, "in_review") == {edited, idle}
    # the second claim's holder left 31 minutes ago without closing it: lapsed, so 待审核 again
    seen = lib.claim_of(idle)
    assert seen is not None and seen.holder == name
    with lib.lock, write(lib.connection) as c:
        c.execute("UPDATE claims SET seen_at = ? WHERE report_id = ?", (minutes_before(seen.seen_at, 31), idle))
    counts = lib.count()
    assert (counts["new"], counts["in_review"], counts["claimed"]) == (4, 1, 0)
    assert _listed(lib, "in_review") == {edited} and idle in _listed(lib, "new")


def test_a_retired_claimed_report_is_not_counted(lib: Library) -> None:
    rid = lib.list_reports().ids[3]
    lib.claim(rid, reviewer="张三")
    lib.retire(rid, reason="误导入", reviewer="张三", expected_version=lib.load(rid).version)
    counts = lib.count()
    assert (counts["new"], counts["in_review"], counts["all"], counts["retired"]) == (4, 0, 4, 1)


def test_shown_status_is_in_review_only_for_a_claimed_new_report() -> None:
    assert shown_status("new", True) == "in_review"
    assert shown_status("new", False) == "new"
    assert {shown_status(s, True) for s in ("in_review", "pending", "verified")} == {"in_review", "pending",
                                                                                      "verified"}


def test_the_command_line_lists_a_held_report_as_in_review_with_its_holder(library_at, capsys) -> None:  # noqa: ANN001
    from reviewer.cli import main

    db = library_at()
    with Library(db) as lib:
        rid = lib.list_reports().ids[0]
        lib.claim(rid, reviewer="张三")
        name = lib.actor("张三").name
    capsys.readouterr()
    assert main(["list", "--db", db, "--status", "审核中"]) == 0
    out = capsys.readouterr().out.splitlines()
    row = next(line for line in out if line.split()[0] == str(rid))
    assert row.split()[1] == "审核中" and row.endswith(f"· {name} 审核中") and out[-1] == "共 1 份"
    assert main(["list", "--db", db, "--status", "待审核", "--format", "json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(rows) == 4 and rid not in {r["id"] for r in rows} and {r["held_by"] for r in rows} == {None}
