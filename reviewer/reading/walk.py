"""Which paths are report files: folders walked, special files skipped with a reason before anything opens them.

A FIFO would block a reader forever and `/dev/zero` never ends, so every path is looked at with `os.stat`
first; only regular files are read. Unreadable folders, special files, hidden files and broken links are
returned as `skipped` (path, one-line reason) so that a summary can list every one of them.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

SKIP_NAMES = {"thumbs.db", "desktop.ini", ".ds_store"}

_KINDS = ((stat.S_ISFIFO, "命名管道（FIFO）"), (stat.S_ISCHR, "字符设备"), (stat.S_ISBLK, "块设备"),
          (stat.S_ISSOCK, "套接字"))


def special_kind(mode: int) -> str | None:
    """What a non-regular, non-folder file is, in words (None for a regular file or a folder)."""
    for test, word in _KINDS:
        if test(mode):
            return word
    return None


def not_regular_reason(path: Path, mode: int) -> str | None:
    kind = special_kind(mode)
    return f"{path}: 这是{kind}，不是普通文件；已跳过（未打开）" if kind else None


@dataclass(slots=True)
class Walked:
    files: list[Path] = field(default_factory=list)  # regular files, to read
    skipped: list[tuple[str, str]] = field(default_factory=list)  # not reports: special, hidden, linked folders
    unreadable: list[tuple[str, str]] = field(default_factory=list)  # missing paths, folders that cannot be read


def walk(paths: list[str | Path], *, skip_hidden: bool = True) -> Walked:
    """Regular files under `paths` (folders recursively, in sorted order) and every path left out, with why."""
    out = Walked()
    for p in map(Path, paths):
        _visit(p, out, skip_hidden, top=True)
    return out


def _visit(p: Path, out: Walked, skip_hidden: bool, top: bool) -> None:
    files, skipped = out.files, out.skipped
    try:
        st = p.stat()
    except FileNotFoundError:
        reason = "链接指向的文件不存在" if p.is_symlink() else "文件不存在"
        out.unreadable.append((str(p), f"{p}: {reason}"))
        return
    except OSError as exc:
        out.unreadable.append((str(p), f"{p}: 无法访问（{exc.strerror or exc}）"))
        return
    if not top and skip_hidden and (p.name.startswith(".") or p.name.lower() in SKIP_NAMES):
        what = "隐藏文件夹" if stat.S_ISDIR(st.st_mode) else "隐藏文件或系统文件"
        skipped.append((str(p), f"{p}: {what}，已跳过"))
        return
    if stat.S_ISDIR(st.st_mode):
        if not top and p.is_symlink():
            skipped.append((str(p), f"{p}: 指向文件夹的链接，未跟随（避免重复或循环）"))
            return
        try:
            children = sorted(os.scandir(p), key=lambda e: e.name)
        except OSError as exc:
            out.unreadable.append((str(p), f"{p}: 文件夹无法读取（{exc.strerror or exc}），其中的文件未读入"))
            return
        for entry in children:
            _visit(Path(entry.path), out, skip_hidden, top=False)
        return
    special = not_regular_reason(p, st.st_mode)
    if special:  # named by the user: it cannot be read; found in a folder: not a report
        (out.unreadable if top else skipped).append((str(p), special))
        return
    files.append(p)
