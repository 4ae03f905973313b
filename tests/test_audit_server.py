"""The audit trail enforced by a PostgreSQL server: a reviewer's login may append to the audit tables but the
server refuses its UPDATE, DELETE and TRUNCATE; the owner's are refused by the triggers; what a superuser changes
with the triggers off is found by `reviewer audit verify`. Two `Library` objects are two clients."""

from __future__ import annotations

import itertools
from pathlib import Path

import psycopg
import pytest

from reviewer.cli import main
from reviewer.model import finding_key
from reviewer.store import SCHEMA_VERSION, Library
from reviewer.store.pg_roles import LEAD_ROLE, REVIEWER_ROLE
from tests.fixtures.reports import CLEAN, FAULTY, variant_text, write_report

_logins = itertools.count(1)


def _login(cluster, url: str, role: str) -> str:  # noqa: ANN001
    """A new login in the group role; the library's address as that login."""
    name = f"auditor_{next(_logins)}"
    cluster.admin().execute(f"CREATE ROLE {name} LOGIN IN ROLE {role}")
    return url.replace("postgresql://postgres@", f"postgresql://{name}@", 1)


@pytest.fixture
def server(pg_cluster, tmp_path: Path, capsys: pytest.CaptureFixture[str]):  # noqa: ANN001, ANN201
    """A server library the owner filled (imports, an edit, a verification with an acknowledged warning) and
    granted to the group roles with `reviewer audit roles`."""
    url = pg_cluster.new_database("audit")
    folder = tmp_path / "reports"
    write_report(folder, "clean.txt", variant_text(CLEAN))
    write_report(folder, "faulty.txt", variant_text(FAULTY))
    with Library(url, seed_samples=False) as lib:
        lib.import_paths([folder], workers=1)
        rep = lib.load(next(s.id for s in lib.list_reports() if s.source_name == "faulty.txt"))
        ch = lib.set_cells(rep.id, {"table3:granted:natural": 13.0}, reviewer="张三", expected_version=rep.version)
        for f in [f for f in lib.load(rep.id).record.findings if f.severity == "error"]:
            ch = lib.confirm_defect(rep.id, finding_key(f), reason="原件如此", reviewer="张三",
                                    expected_version=ch.version)
        acks = {finding_key(f): "以表格为准" for f in lib.load(rep.id).record.findings
                if f.severity == "warning" and not f.confirmed}
        lib.verify(rep.id, reviewer="李四", acknowledgements=acks, expected_version=ch.version)
    assert main(["audit", "roles", "--db", url]) == 0
    out = capsys.readouterr().out
    assert f"{REVIEWER_ROLE} 可读全部" in out and "只能追加" in out
    yield url
    pg_cluster.drop_database(url)


def test_a_reviewer_appends_but_the_server_refuses_changing_the_trail(pg_cluster, server: str) -> None:  # noqa: ANN001
    alice = _login(pg_cluster, server, REVIEWER_ROLE)
    with Library(alice, seed_samples=False) as lib:  # the reviewer's client: the review works as usual
        rep = next(s for s in lib.list_reports() if s.source_name == "clean.txt")
        ch = lib.set_cells(rep.id, {"table3:granted:natural": 5}, reviewer="alice", expected_version=rep.version)
        assert lib.load(rep.id).record.get("table3:granted:natural") == 5 and ch.version == rep.version + 1
        assert lib.verify_audit().intact
    with psycopg.connect(alice, autocommit=True) as raw:
        for sql in ("UPDATE edits SET reason = 'x'", "DELETE FROM edits", "TRUNCATE edits",
                    "UPDATE verifications SET note = 'x'", "DELETE FROM acknowledgements",
                    "UPDATE acknowledgements SET reason = 'x'"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege, match="permission denied"):
                raw.execute(sql)
        # appending stays possible, and state tables are the reviewer's to write
        assert raw.execute("SELECT count(*) FROM edits").fetchone()[0] > 0
        raw.execute("UPDATE reports SET updated_at = updated_at")


def test_a_lead_is_refused_too_and_the_owner_by_the_triggers(pg_cluster, server: str) -> None:  # noqa: ANN001
    lead = _login(pg_cluster, server, LEAD_ROLE)
    with psycopg.connect(lead, autocommit=True) as raw:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            raw.execute("DELETE FROM verifications")
        raw.execute("UPDATE library_meta SET value = value WHERE key = 'created_at'")  # a lead's settings
    with psycopg.connect(server, autocommit=True) as owner:  # the owner (here a superuser) has every grant
        for sql in ("UPDATE edits SET reason = 'x'", "DELETE FROM acknowledgements", "TRUNCATE verifications CASCADE"):
            with pytest.raises(psycopg.errors.IntegrityConstraintViolation, match="append-only"):
                owner.execute(sql)


def test_audit_verify_on_the_server(pg_cluster, server: str, capsys: pytest.CaptureFixture[str]) -> None:  # noqa: ANN001
    assert main(["audit", "verify", "--db", server]) == 0
    assert capsys.readouterr().out.startswith("审核记录完整：2 份报告的 ")
    # only the owner or a superuser can lift a trigger: what it then changes breaks the chain
    with psycopg.connect(server, autocommit=True) as owner:
        owner.execute("ALTER TABLE edits DISABLE TRIGGER edits_no_update")
        eid, rid, seq = owner.execute("SELECT id, report_id, chain_seq FROM edits WHERE cell = 'table3:granted:natural'"
                                      ).fetchone()
        owner.execute("UPDATE edits SET new_value = '13'::jsonb WHERE id = %s", (eid,))  # 13.0 becomes 13
    assert main(["audit", "verify", "--db", server]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(f"报告 #{rid}（高青县行政审批服务局 2020）：哈希链在第 {seq} 条（edits #{eid}，内容与其哈希不符")


def test_a_server_library_of_version_3_gets_its_trail_linked(server: str) -> None:
    """A team's library written before the chain (v3) is linked when a client of v4 opens it, its append-only
    triggers lifted only inside that step."""
    with psycopg.connect(server, autocommit=True) as owner:  # take the library back to what v3 wrote
        before = owner.execute("SELECT id, report_id, kind, new_value FROM edits ORDER BY id").fetchall()
        owner.execute("DROP TABLE audit_heads")
        for table in ("edits", "verifications", "acknowledgements"):
            owner.execute(f"ALTER TABLE {table} DROP COLUMN chain_seq, DROP COLUMN chain_hash")
        owner.execute("DROP TABLE claims")  # and what team mode's people (v5) added
        owner.execute("DROP TRIGGER reports_live ON reports")
        owner.execute("DROP FUNCTION rr_notify_report(), rr_notify_claim()")
        owner.execute("ALTER TABLE reports DROP CONSTRAINT reports_status_check, ADD CONSTRAINT reports_status_check "
                      "CHECK (status IN ('new', 'in_review', 'verified'))")
        owner.execute("UPDATE library_meta SET value = '3' WHERE key = 'schema_version'")
    with Library(server, seed_samples=False) as lib:
        assert lib.connection.execute("SELECT value FROM library_meta WHERE key = 'schema_version'").fetchone()[0] \
            == str(SCHEMA_VERSION)
        report = lib.verify_audit()
        assert report.intact and report.entries == len(before) + 2 and report.reports == 2
        assert lib.connection.execute("SELECT id, report_id, kind, new_value FROM edits ORDER BY id").fetchall() == before
    with psycopg.connect(server, autocommit=True) as owner:
        with pytest.raises(psycopg.errors.IntegrityConstraintViolation, match="append-only"):
            owner.execute("UPDATE edits SET reason = 'x'")
