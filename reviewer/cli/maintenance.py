"""`reviewer backup FILE` and `reviewer repair`: a consistent copy of the library, and recovery of a damaged one."""

from __future__ import annotations

import argparse
from pathlib import Path

from reviewer.errors import StoreError
from reviewer.store.config import default_library_path


def _db(args: argparse.Namespace) -> Path:
    path = Path(args.db) if args.db else default_library_path()
    if not path.exists():
        raise StoreError(f"{path}: 资料库不存在")
    return path


def cmd_backup(args: argparse.Namespace) -> int:
    from reviewer.store.backup import backup
    from reviewer.store.library import Library

    with Library(_db(args), seed_samples=False) as lib:
        print(backup(lib, args.file).text())
    return 0


def cmd_repair(args: argparse.Namespace) -> int:
    from reviewer.store.repair import repair

    report = repair(_db(args))
    for line in report.lines():
        print(line)
    return 0 if report.complete else 1


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("backup", help="把资料库完整备份到一个文件（程序运行时也可以）")
    p.add_argument("file", metavar="FILE", help="备份文件（或文件夹：按日期命名）")
    p.add_argument("--db", metavar="FILE", help="资料库文件（默认：用户数据目录中的资料库）")
    p.set_defaults(func=cmd_backup)
    p = sub.add_parser("repair", help="从损坏的资料库中恢复可读的内容到新文件（原文件保留）；有丢失时退出码为 1")
    p.add_argument("--db", metavar="FILE", help="资料库文件（默认：用户数据目录中的资料库）")
    p.set_defaults(func=cmd_repair)
