"""`reviewer backup FILE` and `reviewer repair`: a consistent copy of the library, and recovery of a damaged one."""

from __future__ import annotations

import argparse
from pathlib import Path

from reviewer.errors import StoreError
from reviewer.store.backend import is_server_url
from reviewer.store.config import default_library

# What applies instead of the file commands to a library on a PostgreSQL server.
SERVER_BACKUP = ("资料库在 PostgreSQL 服务器上：请用服务器的备份（pg_dump 或数据库管理员的定期备份），"
                 "reviewer backup 只复制 SQLite 资料库文件")
SERVER_REPAIR = ("资料库在 PostgreSQL 服务器上：数据由服务器保证完整，reviewer repair 只修复 SQLite 资料库文件；"
                 "服务器的检查与恢复请用 pg_amcheck 和服务器的备份")


def _db(args: argparse.Namespace, what: str) -> Path:
    location = args.db or default_library()
    if is_server_url(location):  # file care is SQLite's; a server keeps (and backs up) its own database
        raise StoreError(SERVER_BACKUP if what == "backup" else SERVER_REPAIR)
    path = Path(location)
    if not path.exists():
        raise StoreError(f"{path}: 资料库不存在")
    return path


def cmd_backup(args: argparse.Namespace) -> int:
    from reviewer.store.backup import backup
    from reviewer.store.library import Library

    with Library(_db(args, "backup"), seed_samples=False) as lib:
        print(backup(lib, args.file).text())
    return 0


def cmd_repair(args: argparse.Namespace) -> int:
    from reviewer.store.repair import repair

    report = repair(_db(args, "repair"))
    for line in report.lines():
        print(line)
    return 0 if report.complete else 1


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("backup", help="把资料库完整备份到一个文件（程序运行时也可以）")
    p.add_argument("file", metavar="FILE", help="备份文件（或文件夹：按日期命名）")
    p.add_argument("--db", metavar="FILE|URL", help="资料库文件（默认：用户数据目录中的资料库）；服务器上的资料库请用服务器的备份与检查")
    p.set_defaults(func=cmd_backup)
    p = sub.add_parser("repair", help="从损坏的资料库中恢复可读的内容到新文件（原文件保留）；有丢失时退出码为 1")
    p.add_argument("--db", metavar="FILE|URL", help="资料库文件（默认：用户数据目录中的资料库）；服务器上的资料库请用服务器的备份与检查")
    p.set_defaults(func=cmd_repair)
