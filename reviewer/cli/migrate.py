"""`reviewer migrate --from lib.sqlite3 --to postgresql://…`: move a local library into a team's server library,
then compare both sides (rows and checksum of every table, the audit chains) and print one line."""

from __future__ import annotations

import argparse
import sys

from reviewer.errors import StoreError


def cmd_migrate(args: argparse.Namespace) -> int:
    from reviewer.store.backend import is_server_url
    from reviewer.store.library_move import move

    if not is_server_url(args.to):
        raise StoreError(f"{args.to}: 目标须为 postgresql:// 地址（团队服务器上的资料库）")
    shown = {"table": ""}

    def progress(table: str, done: int, total: int) -> None:
        if args.quiet:
            return
        if table != shown["table"]:
            shown["table"] = table
        print(f"\r{table}: {done}/{total}", end="" if done < total else "\n", file=sys.stderr, flush=True)

    summary = move(args.source, args.to, progress=progress)
    print(summary.line())
    return 0 if summary.ok else 1


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("migrate", help="把本地资料库（SQLite 文件）迁移到团队服务器上的空资料库，迁移后逐表核对行数、"
                                       "校验和与审核记录哈希链；核对不一致时退出码为 1")
    p.add_argument("--from", dest="source", metavar="FILE", required=True, help="本地资料库文件（不会被改动）")
    p.add_argument("--to", metavar="URL", required=True, help="postgresql:// 地址（空数据库或空资料库）")
    p.add_argument("--quiet", action="store_true", help="不显示进度")
    p.set_defaults(func=cmd_migrate)
