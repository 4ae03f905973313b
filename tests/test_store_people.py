"""People in one library, on SQLite (two `Library` objects on one file stand for two reviewers' processes):
claims and takeover, lapse, four eyes (待复核), a stale write naming who changed what, the live feed."""

from __future__ import annotations

import re
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from reviewer.errors import StaleWriteError, ValidationError
from reviewer.export import export
from reviewer.store import Library, ReportLocked
from reviewer.store.claims import ClaimHeld
from reviewer.store.live import LiveEvent
from reviewer.store.stale import StaleWrite
from reviewer.store.stats import by_year
from reviewer.store.timefmt import minutes_before

from .fixtures.reports import CLEAN

CELL = "table3:new_received:natural"


@pytest.fixture
def two(tmp_path: Path) -> Iterator[tuple[Library, Library]]:
    with Library(tmp_path / "lib.sqlite3") as a, Library(tmp_path / "lib.sqlite3", seed_samples=False) as b:
        yield a, b


def _clean(lib: Library) -> int:
    return next(s.id for s in lib.list_reports() if s.source_name.startswith(CLEAN))


# -- claims ------------------------------------------------------------------------------------------------------

def test_a_claimed_report_is_read_only_for_others_until_taken_over_with_a_reason(two: tuple[Library, Library]) -> None:
    a, b = two
    rid = _clean(a)
    a.claim(rid, reviewer="张三")
    assert b.claims()[rid].holder == "张三"  # shown to everyone
    with pytest.raises(ClaimHeld, match="正由 张三 审核"):
        b.claim(rid, reviewer="李四")
    version = b.load(rid).version
    with pytest.raises(ClaimHeld, match="张三"):  # a write of another reviewer is refused, nothing changes
        b.set_cells(rid, {CELL: 9}, reviewer="李四", expected_version=version)
    assert b.load(rid).version == version
    with pytest.raises(ValidationError, match="须说明理由"):
        b.take_over(rid, reviewer="李四", reason=" ")
    taken = b.take_over(rid, reviewer="李四", reason="张三今天请假")
    assert taken.holder == "李四"
    line = b.history(rid)[-1]
    assert (line.kind, line.old, line.new, line.reviewer, line.reason) == ("takeover", "张三", "李四", "李四", "张三今天请假")
    assert b.load(rid).version == version  # a claim is not a change of the report
    assert a.heartbeat(rid, reviewer="张三") is None  # 张三's window learns it lost the report
    with pytest.raises(ClaimHeld, match="李四"):
        a.set_cells(rid, {CELL: 9}, reviewer="张三", expected_version=version)
    b.set_cells(rid, {CELL: 9}, reviewer="李四", expected_version=version)
    assert b.release(rid, reviewer="李四")
    assert rid not in a.claims()
    a.claim(rid, reviewer="张三")  # free again: claimed without a reason


def test_a_claim_lapses_after_the_idle_time_and_a_heartbeat_keeps_it(two: tuple[Library, Library]) -> None:
    a, b = two
    rid = _clean(a)
    assert a.settings().claim_idle_minutes == 30
    a.change_setting("claim_idle_minutes", 10, reviewer="组长")
    assert b.settings().claim_idle_minutes == 10
    claim = a.claim(rid, reviewer="张三")
    assert claim.expires_at > claim.seen_at
    # 张三 left 11 minutes ago without closing the report (the window crashed): the claim has lapsed
    with sqlite3.connect(a.path) as raw:
        raw.execute("UPDATE claims SET seen_at = ? WHERE report_id = ?", (minutes_before(claim.seen_at, 11), rid))
    assert rid not in b.claims()
    taken = b.claim(rid, reviewer="李四")  # no takeover, no reason: nobody held it any more
    assert taken.holder == "李四"
    assert not [e for e in b.history(rid) if e.kind == "takeover"]
    # 9 minutes idle is still within the time; a heartbeat renews it
    with sqlite3.connect(a.path) as raw:
        raw.execute("UPDATE claims SET seen_at = ? WHERE report_id = ?", (minutes_before(taken.seen_at, 9), rid))
    assert a.claims()[rid].holder == "李四"
    renewed = b.heartbeat(rid, reviewer="李四")
    assert renewed is not None and renewed.seen_at > minutes_before(taken.seen_at, 9)
    assert renewed.claimed_at == taken.claimed_at


def test_the_idle_time_is_checked(two: tuple[Library, Library]) -> None:
    a, _ = two
    for bad in (0, "abc", 10_000):
        with pytest.raises(ValidationError, match="分钟"):
            a.change_setting("claim_idle_minutes", bad, reviewer="组长")
    with pytest.raises(ValidationError, match="未知的资料库设置"):
        a.change_setting("colour", "red", reviewer="组长")


# -- four eyes ----------------------------------------------------------------------------------------------------

def test_four_eyes_a_verification_awaits_another_persons_sign_off(two: tuple[Library, Library], tmp_path: Path) -> None:
    a, b = two
    rid = _clean(a)
    a.change_setting("four_eyes", "on", reviewer="王组长")
    assert b.settings().four_eyes
    a.claim(rid, reviewer="张三")
    change = a.verify(rid, reviewer="张三", expected_version=a.load(rid).version)
    assert change.status == "pending"
    s = b.summary(rid)
    assert (s.status, s.status_label) == ("pending", "待复核")
    assert rid not in b.claims()  # verifying ends the work: the claim is released
    assert b.count()["pending"] == 1 and b.count()["verified"] == 0
    assert [r.id for r in b.list_reports(status="待复核")] == [rid]
    with pytest.raises(ReportLocked, match="待组长复核"):
        b.set_cells(rid, {CELL: 1}, reviewer="李四", expected_version=s.version)
    # a 待复核 record is not verified: not exported as verified data, not charted as verified
    out = tmp_path / "verified.jsonl"
    export(b, out, "jsonl")
    assert out.read_text(encoding="utf-8").strip() == ""
    assert not by_year(b).years
    with pytest.raises(ValidationError, match="另一位组长"):
        b.sign_off(rid, reviewer="张三", expected_version=s.version)
    signed = b.sign_off(rid, reviewer="王组长", note="抽查无误", expected_version=s.version)
    assert signed.status == "verified"
    line = next(e for e in b.history(rid) if e.kind == "sign_off")
    assert (line.old, line.new, line.reason) == ("张三", "王组长", "抽查无误")
    export(b, out, "jsonl")
    assert f'"id": {rid}' in out.read_text(encoding="utf-8")
    with pytest.raises(ValidationError, match="无需签核"):
        b.sign_off(rid, reviewer="王组长", expected_version=signed.version)


def test_a_lead_sends_a_pending_report_back(two: tuple[Library, Library]) -> None:
    a, b = two
    rid = _clean(a)
    a.change_setting("four_eyes", True, reviewer="王组长")
    v = a.verify(rid, reviewer="张三", expected_version=a.load(rid).version).version
    back = b.reopen(rid, reviewer="王组长", reason="表三第二行请再核", expected_version=v)
    assert back.status == "in_review"
    a.change_setting("four_eyes", "off", reviewer="王组长")
    assert a.verify(rid, reviewer="张三", expected_version=back.version).status == "verified"


# -- stale writes ------------------------------------------------------------------------------------------------

def test_a_stale_write_names_who_changed_what_and_when(two: tuple[Library, Library]) -> None:
    a, b = two
    rid = _clean(a)
    seen = b.load(rid).version  # 李四's window shows this version
    a.set_cells(rid, {CELL: 7}, reviewer="张三", expected_version=seen)
    with pytest.raises(StaleWriteError) as info:
        b.set_cells(rid, {CELL: 8}, reviewer="李四", expected_version=seen)
    exc = info.value
    assert isinstance(exc, StaleWrite)
    assert re.search(r"张三 于 \d\d:\d\d 修改了 表三", str(exc))
    assert "张三 于" in str(exc) and "修改了 表三" in str(exc) and "为 7" in str(exc)
    assert str(exc).count("\n") == 0
    (other,) = exc.changes
    assert (other.reviewer, other.cells, other.at[:4]) == ("张三", ((CELL, 7),), time.strftime("%Y"))
    assert other.labels[0].startswith("表三") and "自然人" in other.labels[0]
    assert b.load(rid).record.get(CELL) == 7  # the refused write changed nothing


# -- live ----------------------------------------------------------------------------------------------------------

def test_another_processes_changes_arrive_on_the_live_feed(two: tuple[Library, Library]) -> None:
    a, b = two
    rid = _clean(a)
    watcher = b.watch()
    try:
        assert watcher.wait(0.05) == []
        start = time.monotonic()
        a.set_cells(rid, {CELL: 3}, reviewer="张三", expected_version=a.load(rid).version)
        events = watcher.wait(1.0)
        assert time.monotonic() - start < 1.0
        assert LiveEvent("report", rid, "张三", a.load(rid).version) in events
        a.claim(rid, reviewer="张三")
        assert LiveEvent("claim", rid, "张三") in watcher.wait(1.0)
        a.release(rid, reviewer="张三")
        assert LiveEvent("claim", rid, "张三") in watcher.wait(1.0)
    finally:
        watcher.close()


# -- the command line ------------------------------------------------------------------------------------------

def test_four_eyes_and_claims_on_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from reviewer.cli import main

    db = str(tmp_path / "cli.sqlite3")
    assert main(["library-settings", "--db", db, "--reviewer", "王组长", "--four-eyes", "on", "--claim-idle", "20"]) == 0
    out = capsys.readouterr().out
    assert "四眼复核：开（王组长" in out and "领取失效时间：20 分钟" in out
    with Library(db, seed_samples=False) as lib:
        rid = _clean(lib)
        lib.claim(rid, reviewer="张三")
    assert main(["claims", "--db", db]) == 0
    assert f"#{rid}\t" in (out := capsys.readouterr().out) and "审核中 · 张三" in out
    assert main(["verify", str(rid), "--db", db, "--reviewer", "张三"]) == 0
    assert "待复核" in capsys.readouterr().out
    assert main(["sign-off", str(rid), "--db", db, "--reviewer", "张三"]) == 2
    assert "另一位组长" in capsys.readouterr().err
    assert main(["sign-off", str(rid), "--db", db, "--reviewer", "王组长", "--note", "抽查无误"]) == 0
    assert "已签核：已核实" in capsys.readouterr().out
