"""Team mode's people on the throwaway PostgreSQL cluster: two `Library` objects logged in as two people.

Logins: anna and bo are reviewers (reviewer_role), wang and li are leads (lead_role, a member of reviewer_role).
Claims and takeover, lapse, the live feed within a second, a stale write naming the other reviewer, role
permissions (a reviewer's reopen, retire and settings change refused by the store, its UPDATE of the audit
trail refused by the server), four eyes with two leads, and the login as the only name."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator

import pytest

from reviewer.errors import ReviewerError, StaleWriteError, ValidationError
from reviewer.store import Library
from reviewer.store.claims import ClaimHeld
from reviewer.store.live import LiveEvent
from reviewer.store.roles import PermissionRefused
from reviewer.store.stale import StaleWrite
from reviewer.store.timefmt import minutes_before

from .fixtures.reports import CLEAN

CELL = "table3:new_received:natural"
LOGINS = {"anna": "reviewer_role", "bo": "reviewer_role", "wang": "lead_role", "li": "lead_role"}


def login_url(url: str, login: str) -> str:
    return re.sub(r"postgresql://[^@/]*@", f"postgresql://{login}@", url)


@pytest.fixture
def team(pg_cluster) -> Iterator[dict[str, Library]]:  # noqa: ANN001
    url = pg_cluster.new_database("team")
    Library(url).close()  # the administrator creates the library (schema, roles, grants)
    admin = pg_cluster.admin()
    for login, role in LOGINS.items():
        if admin.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (login,)).fetchone() is None:
            admin.execute(f"CREATE ROLE {login} LOGIN")
        admin.execute(f"GRANT {role} TO {login}")
    libs = {login: Library(login_url(url, login), seed_samples=False) for login in LOGINS}
    yield libs
    for lib in libs.values():
        lib.close()
    pg_cluster.drop_database(url)


def _clean(lib: Library) -> int:
    return next(s.id for s in lib.list_reports() if s.source_name.startswith(CLEAN))


def test_the_login_is_the_reviewer_and_its_roles_say_what_it_may_do(team: dict[str, Library]) -> None:
    anna, wang = team["anna"], team["wang"]
    assert anna.team and (anna.actor().name, anna.actor().lead) == ("anna", False)
    assert (wang.actor().name, wang.actor().lead, wang.actor().reviewer) == ("wang", True, True)
    rid = _clean(anna)
    anna.set_cells(rid, {CELL: 5}, reviewer="冒名顶替", expected_version=anna.load(rid).version)
    assert anna.history(rid)[-2:][0].reviewer == "anna"  # a typed name is no identity: the login is recorded


def test_claim_and_takeover_between_two_reviewers(team: dict[str, Library]) -> None:
    anna, bo = team["anna"], team["bo"]
    rid = _clean(anna)
    anna.claim(rid)
    assert bo.claims()[rid].holder == "anna"  # everyone sees 审核中 · anna
    with pytest.raises(ClaimHeld, match="正由 anna 审核"):
        bo.claim(rid)
    v = bo.load(rid).version
    with pytest.raises(ClaimHeld, match="anna"):
        bo.set_cells(rid, {CELL: 9}, expected_version=v)
    with pytest.raises(ValidationError, match="理由"):
        bo.take_over(rid, reason="")
    assert bo.take_over(rid, reason="anna 出差，由我接手").holder == "bo"
    line = anna.history(rid)[-1]
    assert (line.kind, line.old, line.new, line.reviewer, line.reason) == ("takeover", "anna", "bo", "bo",
                                                                           "anna 出差，由我接手")
    assert anna.heartbeat(rid) is None  # anna's window learns it lost the report
    with pytest.raises(ClaimHeld, match="bo"):
        anna.set_cells(rid, {CELL: 9}, expected_version=v)
    assert bo.set_cells(rid, {CELL: 9}, expected_version=v).version == v + 1
    assert bo.release(rid) and rid not in anna.claims()


def test_a_claim_lapses_after_the_idle_time(team: dict[str, Library]) -> None:
    anna, bo, wang = team["anna"], team["bo"], team["wang"]
    rid = _clean(anna)
    with pytest.raises(PermissionRefused, match="组长"):
        anna.change_setting("claim_idle_minutes", 5)
    wang.change_setting("claim_idle_minutes", 5)
    claim = anna.claim(rid)
    import psycopg

    # anna's window went away 6 minutes ago without closing the report (the administrator sets the clock back)
    with psycopg.connect(login_url(bo.url or "", "postgres"), autocommit=True) as raw:
        raw.execute("UPDATE claims SET seen_at = %s WHERE report_id = %s", (minutes_before(claim.seen_at, 6), rid))
    assert rid not in bo.claims()
    assert bo.claim(rid).holder == "bo"  # lapsed: claimed without a takeover
    assert not [e for e in bo.history(rid) if e.kind == "takeover"]


def test_a_claim_lapses_by_the_servers_clock_not_a_reviewers(team: dict[str, Library],
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """bo's computer runs two hours fast: anna's fresh claim still holds for bo, and bo's own claim does not
    lapse for anna."""
    import reviewer.store.db as db
    from reviewer.store.timefmt import minutes_after

    anna, bo = team["anna"], team["bo"]
    rid = _clean(anna)
    anna.claim(rid)
    real_now = db.now
    monkeypatch.setattr(db, "now", lambda: minutes_after(real_now(), 120))
    monkeypatch.setattr("reviewer.store.claim_guard.now", db.now)
    assert bo.claims()[rid].holder == "anna"
    with pytest.raises(ClaimHeld, match="anna"):
        bo.claim(rid)
    anna.release(rid)
    bo.claim(rid)
    monkeypatch.undo()
    assert anna.claims()[rid].holder == "bo"


def test_another_reviewers_change_arrives_live_within_a_second(team: dict[str, Library]) -> None:
    anna, bo = team["anna"], team["bo"]
    rid = _clean(anna)
    watcher = bo.watch()
    try:
        assert watcher.wait(0.05) == []
        start = time.monotonic()
        change = anna.set_cells(rid, {CELL: 41}, expected_version=anna.load(rid).version)
        events = watcher.wait(1.0)
        elapsed = time.monotonic() - start
        assert LiveEvent("report", rid, "anna", change.version) in events
        assert elapsed < 1.0
        anna.claim(rid)
        assert LiveEvent("claim", rid, "anna") in watcher.wait(1.0)
        anna.heartbeat(rid)
        assert watcher.wait(0.3) == []  # a heartbeat is no news
    finally:
        watcher.close()


def test_a_stale_write_names_the_other_reviewer(team: dict[str, Library]) -> None:
    anna, bo = team["anna"], team["bo"]
    rid = _clean(anna)
    seen = bo.load(rid).version
    anna.set_cells(rid, {CELL: 7}, expected_version=seen)
    with pytest.raises(StaleWriteError) as info:
        bo.set_cells(rid, {CELL: 8}, expected_version=seen)
    assert isinstance(info.value, StaleWrite)
    assert re.search(r"anna 于 \d\d:\d\d 修改了 表三 .*自然人 为 7", str(info.value)), str(info.value)
    assert bo.load(rid).record.get(CELL) == 7


def test_role_permissions(team: dict[str, Library]) -> None:
    anna, wang = team["anna"], team["wang"]
    rid = _clean(anna)
    v = anna.verify(rid, expected_version=anna.load(rid).version).version
    with pytest.raises(PermissionRefused) as refused:
        anna.reopen(rid, reason="再看一下", expected_version=v)
    assert "anna" in str(refused.value) and "组长" in str(refused.value) and "\n" not in str(refused.value)
    with pytest.raises(PermissionRefused, match="停用报告须由组长"):
        anna.retire(rid, reason="误导入", expected_version=v)
    back = wang.reopen(rid, reason="原件有更正页", expected_version=v)
    assert back.status == "in_review" and wang.history(rid)[-1].reviewer == "wang"
    # the server itself refuses a reviewer's change of the audit trail
    import psycopg

    with psycopg.connect(login_url(anna.url or "", "anna"), autocommit=True) as raw:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            raw.execute("UPDATE edits SET reason = 'changed' WHERE report_id = %s", (rid,))
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            raw.execute("DELETE FROM edits WHERE report_id = %s", (rid,))
        with pytest.raises(psycopg.errors.InsufficientPrivilege):  # nor the library's settings
            raw.execute("UPDATE library_meta SET value = '0' WHERE key = 'four_eyes'")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            raw.execute("INSERT INTO library_meta(key, value) VALUES ('four_eyes', '0')")


def test_four_eyes_needs_another_lead(team: dict[str, Library]) -> None:
    anna, wang, li = team["anna"], team["wang"], team["li"]
    rid = _clean(anna)
    with pytest.raises(PermissionRefused):
        anna.change_setting("four_eyes", "on")
    wang.change_setting("four_eyes", "on")
    pending = anna.verify(rid, expected_version=anna.load(rid).version)
    assert pending.status == "pending" and li.count()["pending"] == 1
    with pytest.raises(PermissionRefused, match="组长"):
        anna.sign_off(rid, expected_version=pending.version)
    # a lead's own verification needs another lead
    back = wang.reopen(rid, reason="我来核", expected_version=pending.version)
    mine = wang.verify(rid, expected_version=back.version)
    with pytest.raises(ValidationError, match="另一位组长"):
        wang.sign_off(rid, expected_version=mine.version)
    done = li.sign_off(rid, note="抽查无误", expected_version=mine.version)
    assert done.status == "verified"
    line = next(e for e in li.history(rid) if e.kind == "sign_off")
    assert (line.old, line.new, line.reviewer, line.reason) == ("wang", "li", "li", "抽查无误")


def test_a_login_without_a_role_reads_but_never_writes(team: dict[str, Library], pg_cluster) -> None:  # noqa: ANN001
    admin = pg_cluster.admin()
    if admin.execute("SELECT 1 FROM pg_roles WHERE rolname = 'guest'").fetchone() is None:
        admin.execute("CREATE ROLE guest LOGIN")
    anna = team["anna"]
    with pytest.raises(ReviewerError):  # no privilege on the tables: refused by the server, said in one line
        Library(login_url(anna.url or "", "guest"), seed_samples=False).list_reports()
