"""What only a server library has: its schema and version, values that keep their nature through NUMERIC and
JSONB, a database that is not a library refused untouched, and the server going away in the middle of an edit."""

from __future__ import annotations

import time
from decimal import Decimal
from pathlib import Path

import pytest

from reviewer.errors import ReviewerError, StoreError
from reviewer.store import SCHEMA_VERSION, Library
from reviewer.store.backend import ERRORS, is_server_url, redact
from reviewer.store.backend.postgres import RETRY_AFTER_S, _FloatAsNumeric, _NumericAsNumber, translate

from .fixtures.reports import FAULTY

NOT_HELD = "table3:unable.not_held:total"  # in every format
FEES = "table2:fees:amount"


def test_addresses_and_placeholders() -> None:
    assert is_server_url("postgresql://u@host/db") and is_server_url(" postgres://h/db")
    assert not is_server_url("lib.sqlite3") and not is_server_url(Path("postgresql"))
    assert redact("postgresql://ann:secret@db.example/lib") == "postgresql://ann@db.example/lib"
    assert translate("SELECT a FROM t WHERE b = ? AND c LIKE ? ESCAPE '\\' AND d = '?%'") == (
        "SELECT a FROM t WHERE b = %t AND c ILIKE %t ESCAPE '\\' AND d = '?%%'")


def test_numbers_keep_their_nature_through_numeric() -> None:
    load = _NumericAsNumber(1700).load
    assert load(b"13") == 13 and type(load(b"13")) is int
    assert load(b"13.0") == 13.0 and type(load(b"13.0")) is float
    assert load(str(Decimal("-0.50")).encode()) == -0.5
    dump = _FloatAsNumeric(float).dump
    assert dump(13.0) == b"13.0" and dump(13.39) == b"13.39" and dump(1e20) == b"100000000000000000000.0"
    assert dump(1e-7) == b"0.0000001"


@pytest.fixture
def lib(pg_cluster) -> Library:  # noqa: ANN001
    url = pg_cluster.new_database("pgonly")
    with Library(url) as library:
        yield library
    pg_cluster.drop_database(url)


def _faulty(lib: Library) -> int:
    return next(s.id for s in lib.list_reports() if s.source_name.startswith(FAULTY))


def test_a_new_database_becomes_a_library_of_the_current_version(lib: Library) -> None:
    c = lib.connection
    assert lib.created and lib.is_server and c.kind == "postgresql"
    assert c.execute("SELECT value FROM library_meta WHERE key = 'schema_version'").fetchone()[0] == str(SCHEMA_VERSION)
    types = dict(c.execute("SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'cells'"))
    assert types["value"] == types["parsed"] == "numeric"
    assert lib.integrity_check() == "ok"
    assert lib.address == lib.url and "postgresql://" in repr(lib)


def test_values_and_trail_keep_int_float_text_and_blank(lib: Library) -> None:
    rid = next(s.id for s in lib.list_reports() if s.source_name.startswith("002_"))
    v = lib.load(rid).version
    ch = lib.set_cells(rid, {NOT_HELD: 3, FEES: 13.0}, reviewer="张三", expected_version=v)
    ch = lib.set_cells(rid, {FEES: None}, reviewer="张三", expected_version=ch.version)
    lib.update_metadata(rid, expected_version=ch.version, reviewer="张三", agency="某某局")
    back = lib.load(rid).record
    assert back.get(NOT_HELD) == 3 and type(back.get(NOT_HELD)) is int and back.get(FEES) is None
    raw = lib.connection.execute("SELECT value::text FROM cells WHERE report_id = ? AND cell = ?",
                                 (rid, NOT_HELD)).fetchone()[0]
    assert raw == "3"
    trail = [(e.kind, e.cell, e.old, e.new) for e in lib.history(rid) if e.kind in ("edit", "metadata")]
    fee_lines = [t for t in trail if t[1] == FEES]
    assert fee_lines[0][3] == 13.0 and type(fee_lines[0][3]) is float  # 13.0 stays an amount in the trail
    assert fee_lines[1][2] == 13.0 and fee_lines[1][3] is None
    assert ("metadata", "agency") == trail[-1][:2] and isinstance(trail[-1][3], str)


def test_the_audit_tables_refuse_update_delete_and_truncate(lib: Library) -> None:
    c = lib.connection
    for sql in ("UPDATE edits SET reason = 'x'", "DELETE FROM edits", "TRUNCATE edits", "TRUNCATE acknowledgements"):
        with pytest.raises(ERRORS, match="append-only"):
            c.execute(sql)


def test_text_search_ignores_case_as_on_sqlite(lib: Library) -> None:
    rid = _faulty(lib)
    lib.update_metadata(rid, expected_version=lib.load(rid).version, reviewer="张三", region="Shandong")
    assert [s.id for s in lib.list_reports(text="shandong")] == [rid]


def test_a_database_of_another_program_is_refused_untouched(pg_cluster) -> None:  # noqa: ANN001
    url = pg_cluster.new_database("other")
    try:
        import psycopg

        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("CREATE TABLE invoices (id int)")
        with pytest.raises(StoreError, match="不是审核台资料库"):
            Library(url)
        with psycopg.connect(url, autocommit=True) as conn:
            assert [r[0] for r in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")] == [
                "invoices"]
    finally:
        pg_cluster.drop_database(url)


def test_a_library_of_a_newer_program_is_refused(lib: Library) -> None:
    lib.connection.execute("UPDATE library_meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION + 1),))
    with pytest.raises(ReviewerError, match="请升级程序"):
        Library(lib.url)


def test_an_unreachable_server_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as err:
        Library(f"postgresql://nobody@/none?host={tmp_path}&port=1&connect_timeout=2")
    assert "无法连接资料库服务器" in str(err.value) and "\n" not in str(err.value)


def test_file_care_says_what_applies_on_a_server(lib: Library, tmp_path: Path) -> None:
    from reviewer.store.backup import backup

    with pytest.raises(StoreError, match="pg_dump"):
        backup(lib, tmp_path / "copy.sqlite3")


@pytest.fixture
def own_cluster():  # noqa: ANN201 - a tests.pg.Cluster of this test alone: it is stopped inside the test
    from .pg import start_cluster

    try:
        cluster = start_cluster()
    except RuntimeError as exc:
        pytest.skip(str(exc))
    yield cluster
    cluster.remove()


def test_the_server_stopped_in_the_middle_of_an_edit(own_cluster, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    """The edit is refused with a clear message and not applied; nothing committed is lost; once the server is
    back the same library object saves the same edit (it connects again by itself)."""
    from reviewer.store import crossreport

    url = own_cluster.new_database("outage")
    lib = Library(url)
    rid = _faulty(lib)
    done = lib.set_cells(rid, {NOT_HELD: 3}, reviewer="张三", expected_version=lib.load(rid).version)
    real = crossreport.recheck

    def stop_then_recheck(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        own_cluster.stop("immediate")  # mid-transaction: the cells are written, the commit has not happened
        return real(*args, **kwargs)

    monkeypatch.setattr(crossreport, "recheck", stop_then_recheck)
    with pytest.raises(StoreError) as err:
        lib.set_cells(rid, {NOT_HELD: 4}, reviewer="张三", expected_version=done.version)
    message = str(err.value)
    assert "\n" not in message and "连接中断" in message and "未保存" in message, message
    monkeypatch.setattr(crossreport, "recheck", real)
    with pytest.raises(StoreError, match="连接"):  # still down: reads say so too
        lib.load(rid)
    own_cluster.start()
    time.sleep(RETRY_AFTER_S)  # reads right after a failed reconnect fail at once, for this long
    back = lib.load(rid)  # connected again by itself
    assert back.version == done.version and back.record.get(NOT_HELD) == 3  # the committed edit is there …
    assert [e.new for e in lib.history(rid) if e.cell == NOT_HELD] == [3]  # … and the failed one is not
    again = lib.set_cells(rid, {NOT_HELD: 4}, reviewer="张三", expected_version=done.version)  # the retry saves
    assert again.version == done.version + 1 and lib.load(rid).record.get(NOT_HELD) == 4
    lib.close()


def test_a_connection_dropped_while_idle_is_replaced_before_the_next_write(own_cluster) -> None:  # noqa: ANN001
    url = own_cluster.new_database("restart")
    with Library(url) as lib:
        rid = _faulty(lib)
        v = lib.load(rid).version
        own_cluster.stop("fast")
        own_cluster.start()
        ch = lib.set_cells(rid, {NOT_HELD: 5}, reviewer="张三", expected_version=v)  # no error: a new connection
        assert ch.version == v + 1 and lib.load(rid).record.get(NOT_HELD) == 5
