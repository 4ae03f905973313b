"""Opening a library file safely: a new file is created, an existing one is checked before any write."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from reviewer.errors import StoreError
from reviewer.store.db import connect, connect_readonly
from reviewer.store.guard import check_file, check_library, store_error


def _writable(path: Path) -> bool:
    """The file and its folder can be written (WAL mode writes -wal and -shm files beside it)."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK | os.X_OK)


def guard_open(path: Path) -> tuple[sqlite3.Connection, bool]:
    """A connection to the library at `path` and whether it is read-only.

    A missing file becomes a new library; an existing one must be an undamaged library (see `guard`)."""
    if not check_file(path):
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"{path}: 无法新建资料库所在的文件夹（{exc.strerror or exc}）") from exc
        return connect(path), False
    try:  # checked through a read-only connection: nothing is written (not even the WAL mark) before
        probe = connect_readonly(path)
    except sqlite3.Error as exc:
        raise store_error(exc, path, "打开") from exc
    try:
        check_library(probe, path)
    finally:
        probe.close()
    readonly = not _writable(path)
    return connect(path, readonly=readonly), readonly
