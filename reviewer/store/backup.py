"""Consistent copies of a library: SQLite's online backup API reads through the open connection, so edits
still in the `-wal` file are in the copy, even while the app has the library open (copying the file is not).

`backup(lib, dest)` writes one copy; `auto_backup(lib)` keeps a dated copy a day in a `backups` folder beside
the library and removes all but the newest `keep`.
"""

from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from reviewer.errors import StoreError
from reviewer.store.backend.sqlite import SqliteDb
from reviewer.store.db import connect_readonly
from reviewer.store.guard import describe

if TYPE_CHECKING:
    from reviewer.store.library import Library

KEEP = 7  # daily backups kept
BACKUP_DIR = "backups"
_PAGES_PER_STEP = 1024  # copied between the library's other work (the backup yields the lock between steps)


@dataclass(frozen=True, slots=True)
class BackupResult:
    path: Path
    reports: int
    bytes: int

    def text(self) -> str:
        return f"已备份 {self.reports} 份报告到 {self.path}（{self.bytes / 1048576:.1f} MB）"


# What backs up a library on a server (team mode) instead of a copy of a file.
SERVER_BACKUP = ("资料库在 PostgreSQL 服务器上：请用服务器的备份（pg_dump 或数据库管理员的定期备份），"
                 "审核台只备份 SQLite 资料库文件")


def backup(lib: Library | Path, dest: str | Path) -> BackupResult:
    """Copy the library to `dest` (written beside it under a temporary name, then renamed: a reader of `dest`
    never sees half a copy). Refuses to write over the library itself.

    `lib` is an open `Library` (copied through its connection) or a library file (copied through a read-only
    connection of its own: what a background thread uses while the app writes)."""
    if not isinstance(lib, Path) and lib.is_server:
        raise StoreError(SERVER_BACKUP)
    source = lib if isinstance(lib, Path) else lib.path
    target = Path(dest)
    if target.exists() and target.resolve() == source.resolve():
        raise StoreError(f"{target}: 不能把资料库备份到它自己")
    if target.is_dir():
        target = target / f"{source.stem}-{date.today().isoformat()}{source.suffix or '.sqlite3'}"
    tmp = target.with_name(f".{target.name}.part")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp.unlink(missing_ok=True)
        out = sqlite3.connect(str(tmp))
        try:
            if isinstance(lib, Path):
                own = connect_readonly(lib)
                try:
                    own.backup(out, pages=_PAGES_PER_STEP)
                finally:
                    own.close()
            else:
                with lib.lock:
                    conn = lib.connection
                    assert isinstance(conn, SqliteDb)  # a server library was refused above
                    conn.raw.backup(out, pages=_PAGES_PER_STEP)
            out.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
            (reports,) = out.execute("SELECT count(*) FROM reports").fetchone()
            check = out.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            out.close()
        if check != "ok":
            raise StoreError(f"{target}: 备份校验失败（{check}）；资料库可能已损坏，请运行 reviewer repair")
        os.replace(tmp, target)
    except (sqlite3.Error, OSError) as exc:
        tmp.unlink(missing_ok=True)
        raise StoreError(describe(exc, target, "备份")) from exc
    return BackupResult(target, int(reports), target.stat().st_size)


def backup_folder(lib: Library | Path) -> Path:
    return (lib if isinstance(lib, Path) else lib.path).parent / BACKUP_DIR


def _dated(folder: Path, stem: str) -> list[Path]:
    pattern = re.compile(re.escape(stem) + r"-\d{4}-\d{2}-\d{2}\.sqlite3$")
    return sorted(p for p in folder.glob(f"{stem}-*.sqlite3") if pattern.fullmatch(p.name))


def auto_backup(lib: Library | Path, *, folder: Path | None = None, keep: int = KEEP,
                today: date | None = None) -> BackupResult | None:
    """Today's backup if there is none yet (None otherwise); then only the newest `keep` are kept."""
    folder = folder or backup_folder(lib)
    stem = (lib if isinstance(lib, Path) else lib.path).stem
    name = f"{stem}-{(today or date.today()).isoformat()}.sqlite3"
    result = None
    if not (folder / name).exists():
        result = backup(lib, folder / name)
    for old in _dated(folder, stem)[:-keep] if keep > 0 else []:
        try:
            old.unlink()
        except OSError:
            pass  # an old backup that cannot be removed is left; the next run tries again
    return result
