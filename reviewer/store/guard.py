"""Checks before a library file is opened or written, and store errors said in one line.

A file is adopted as a library only when it is one: a missing file becomes a new library; an empty (0-byte)
file, a file that is not SQLite, another program's SQLite database or a damaged library is refused with a
reason and never written into. `describe` turns what sqlite3 or the operating system raised into a one-line
message naming what is wrong (read-only, no space, locked, damaged at page N, not a library).
"""

from __future__ import annotations

import errno
import os
import re
import sqlite3
from pathlib import Path

from reviewer.errors import StoreError
from reviewer.store.backend import Db, DbConnectionLost, DbError, DbIntegrityError
from reviewer.store.schema import SCHEMA_VERSION
from reviewer.store.types import CELL_KINDS

SQLITE_MAGIC = b"SQLite format 3\x00"
LIBRARY_TABLES = frozenset({"library_meta", "reports", "documents", "cells", "edits"})
_PAGE = re.compile(r"\bpage (\d+)", re.IGNORECASE)

# SQLite primary result codes (the low byte of an extended code)
_BUSY, _LOCKED, _READONLY, _IOERR, _CORRUPT, _FULL, _CANTOPEN, _NOTADB, _PERM = 5, 6, 8, 10, 11, 13, 14, 26, 3


def repair_hint(path: str | Path) -> str:
    return f"请运行 reviewer repair --db {path} 恢复可读的内容（原文件会保留）"


def _code(exc: sqlite3.Error) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return None if code is None else int(code) & 0xFF


def damaged_pages(conn: sqlite3.Connection, limit: int = 20) -> tuple[bool, list[int], str]:
    """`PRAGMA quick_check`: (damaged, page numbers named in its report, its first line)."""
    try:
        rows = [r[0] for r in conn.execute(f"PRAGMA quick_check({int(limit)})")]
    except sqlite3.DatabaseError as exc:  # damage so deep the check itself cannot run
        return True, [int(n) for n in _PAGE.findall(str(exc))], str(exc)
    if rows == ["ok"]:
        return False, [], "ok"
    pages = sorted({int(n) for line in rows for n in _PAGE.findall(str(line))})
    return True, pages, str(rows[0]) if rows else ""


def damage_message(path: str | Path, pages: list[int], detail: str = "") -> str:
    where = f"（第 {'、'.join(map(str, pages[:5]))}{'…' if len(pages) > 5 else ''} 页）" if pages else ""
    detail = detail.split(" with text", 1)[0].splitlines()[0] if detail.strip() else ""
    why = f"：{detail[:100]}" if detail and not pages else ""
    return f"{path}: 资料库文件已损坏{where}{why}；{repair_hint(path)}"


def describe(exc: BaseException, path: str | Path, action: str = "") -> str:
    """One line for a store failure; `action` says what was being done ("保存修改", "打开")."""
    doing = f"{action}失败：" if action else ""
    if isinstance(exc, DbConnectionLost):
        return f"{exc}；{action or '操作'}未完成，修改未保存。服务器恢复后重试即可（会自动重新连接）"
    if isinstance(exc, DbError):
        return f"{doing}{exc}"
    if isinstance(exc, StoreError):
        return str(exc)
    if isinstance(exc, sqlite3.Error):
        code = _code(exc)
        text = str(exc)
        if code == _READONLY or "readonly" in text:
            return f"{path}: {doing}资料库文件或其所在文件夹是只读的，无法写入（可查看和导出，不能修改）"
        if code == _FULL or "disk is full" in text:
            return f"{path}: {doing}磁盘空间不足，修改未保存；请腾出空间后重试"
        if code in (_BUSY, _LOCKED) or "locked" in text:
            return f"{path}: {doing}资料库正被另一程序占用（已锁定），请关闭它或稍后再试"
        if code == _NOTADB or "not a database" in text:
            return f"{path}: 不是审核台资料库（文件不是 SQLite 数据库，或文件头已损坏）；{repair_hint(path)}"
        if code == _CORRUPT or "malformed" in text or "Could not decode" in text:
            return damage_message(path, [int(n) for n in _PAGE.findall(text)], text)
        if code == _CANTOPEN or "unable to open" in text:
            return f"{path}: {doing}无法打开资料库文件（文件夹不存在、不可写或没有权限）"
        if code == _PERM:
            return f"{path}: {doing}没有访问资料库文件的权限"
        if code == _IOERR or "disk I/O" in text:
            return f"{path}: {doing}读写资料库时发生磁盘错误（{text}）"
        return f"{path}: {doing}资料库出错（{text[:120]}）"
    if isinstance(exc, OSError):
        if exc.errno == errno.ENOSPC:
            return f"{path}: {doing}磁盘空间不足"
        if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            return f"{path}: {doing}没有写入权限（文件或文件夹只读）"
        return f"{path}: {doing}{exc.strerror or exc}"
    return f"{path}: {doing}{type(exc).__name__}: {str(exc)[:120]}"


def store_error(exc: BaseException, path: str | Path, action: str = "") -> StoreError:
    return StoreError(describe(exc, path, action))


def is_store_wide(exc: BaseException) -> bool:
    """True for a failure of the library itself (read-only, full, locked, damaged, I/O), not of one report."""
    if isinstance(exc, StoreError | OSError):
        return True
    if isinstance(exc, sqlite3.IntegrityError | sqlite3.DataError | sqlite3.ProgrammingError | DbIntegrityError):
        return False
    if isinstance(exc, DbError):
        return True
    if isinstance(exc, sqlite3.Error):
        return _code(exc) in (_BUSY, _LOCKED, _READONLY, _IOERR, _CORRUPT, _FULL, _CANTOPEN, _NOTADB, _PERM) or \
            isinstance(exc, sqlite3.OperationalError | sqlite3.DatabaseError)
    return False


def check_file(path: Path) -> bool:
    """Before opening: True if `path` is an existing library file, False if it does not exist yet (a new
    library is made). Raises `StoreError` for anything that must not be written into."""
    try:
        st = path.stat()
    except FileNotFoundError:
        parent = path.parent
        if parent.exists() and not os.access(parent, os.W_OK | os.X_OK):
            raise StoreError(f"{path}: 资料库不存在，且文件夹 {parent} 不可写，无法新建") from None
        return False
    except OSError as exc:
        raise StoreError(describe(exc, path, "打开")) from exc
    import stat as st_mod

    if st_mod.S_ISDIR(st.st_mode):
        raise StoreError(f"{path}: 这是一个文件夹，不是资料库文件")
    if not st_mod.S_ISREG(st.st_mode):
        raise StoreError(f"{path}: 不是普通文件（设备、管道或套接字），不能作为资料库")
    if st.st_size == 0:
        raise StoreError(f"{path}: 文件为空（0 字节），不是审核台资料库；未作任何改动。"
                         "若要新建资料库，请换一个文件名，或先删除此文件")
    try:
        with open(path, "rb") as f:
            head = f.read(100)
    except OSError as exc:
        raise StoreError(describe(exc, path, "打开")) from exc
    if not head.startswith(SQLITE_MAGIC):
        if len(head) < 100 and SQLITE_MAGIC.startswith(head[:16]):
            raise StoreError(damage_message(path, [1], "文件被截断"))
        raise StoreError(f"{path}: 不是审核台资料库（不是 SQLite 数据库文件）；未作任何改动")
    return True


def check_library(conn: sqlite3.Connection, path: Path) -> None:
    """An existing SQLite file: refuse another program's database and a damaged library (before any write)."""
    try:
        names = {n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    except sqlite3.DatabaseError as exc:
        raise StoreError(describe(exc, path, "打开")) from exc
    if not names and version == 0:
        return  # an empty SQLite file (a library whose creation was interrupted): nothing in it to lose
    if version > SCHEMA_VERSION:
        return  # a newer program's library: `migrate` refuses it with its own message
    if not LIBRARY_TABLES <= names:
        shown = "、".join(sorted(names)[:5])
        raise StoreError(f"{path}: 是另一个程序的 SQLite 数据库（表 {shown}），不是审核台资料库；未作任何改动")
    damaged, pages, first = damaged_pages(conn)
    if damaged:
        raise StoreError(damage_message(path, pages, first))


# A cell a reviewer edited holds the value of its latest audit line: a disagreement is damage to one of them.
# The latest line that set the cell's value: not a capture's source span, nor a confirmed defect's should-be value.
_TRAIL_SQL = f"""
SELECT c.cell, c.value, e.new_value FROM cells c
JOIN edits e ON e.id = (SELECT max(id) FROM edits WHERE report_id = c.report_id AND cell = c.cell
                        AND kind IN ({", ".join(repr(k) for k in CELL_KINDS)}))
WHERE c.report_id = ? AND c.origin = 'edited'
"""


def trail_mismatches(conn: Db, report_id: int) -> list[tuple[str, object, object]]:
    """(cell, stored value, value of its latest audit line) for edited cells whose two disagree."""
    out = []
    for cell, value, new in conn.execute(_TRAIL_SQL, (report_id,)):
        if type(value) is not type(new) or value != new:
            out.append((cell, value, new))
    return out


def check_report(conn: Db, report_id: int, path: str | Path) -> None:
    """Refuse to show a report whose edited cells disagree with the audit trail (a damaged library)."""
    bad = trail_mismatches(conn, report_id)
    if bad:
        cells = "、".join(c for c, _v, _n in bad[:3])
        raise StoreError(f"{path}: 资料库已损坏：报告 #{report_id} 的 {cells} 与修改记录不一致；{repair_hint(path)}")
