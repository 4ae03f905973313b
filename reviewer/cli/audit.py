"""`reviewer audit verify`: walk the audit trail's hash chains and name the first broken link of each report;
`reviewer audit roles`: a server library's group roles and grants (`reviewer.store.pg_roles`)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reviewer.errors import StoreError
from reviewer.store.config import default_library_path


def _db(args: argparse.Namespace) -> str | Path:
    if args.db and "://" in args.db:
        return str(args.db)
    path = Path(args.db) if args.db else default_library_path()
    if not path.exists():
        raise StoreError(f"{path}: 资料库不存在")
    return path


def cmd_verify(args: argparse.Namespace) -> int:
    from reviewer.store.audit_trail import SavedHeads
    from reviewer.store.db import now
    from reviewer.store.library import Library

    saved = None
    if args.against:
        try:
            text = Path(args.against).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise StoreError(f"{args.against}: 无法读取（{exc}）") from exc
        saved = SavedHeads.from_json(text, args.against)
    with Library(_db(args), seed_samples=False) as lib:
        if args.report is not None:
            lib.summary(args.report)  # an unknown id is refused with its message
        report = lib.verify_audit(args.report, saved)
        location = lib.location
    for line in report.lines():
        print(line)
    if args.save_heads:
        if not report.intact:
            print(f"未保存链尾：哈希链已断开，{args.save_heads} 未写入", file=sys.stderr)
            return 1
        Path(args.save_heads).write_text(SavedHeads(now(), location, report.heads).to_json(), encoding="utf-8")
        print(f"已保存 {len(report.heads)} 份报告的链尾到 {args.save_heads}（请另处保管；以后用 --against 核对）")
    return 0 if report.intact else 1


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("audit", help="审核记录：检查哈希链是否完整")
    inner = p.add_subparsers(dest="audit_command", required=True)
    v = inner.add_parser("verify", help="逐份报告检查审核记录的哈希链，报告每份报告第一处断开的位置；有断开时退出码为 1")
    v.add_argument("--db", metavar="PATH|URL", help="资料库文件或 postgresql:// 地址（默认：用户数据目录中的资料库）")
    v.add_argument("--report", type=int, metavar="ID", help="只检查这份报告")
    v.add_argument("--save-heads", metavar="FILE",
                   help="检查完好时，把每份报告的链尾（位置与哈希）写入此文件，另处保管")
    v.add_argument("--against", metavar="FILE",
                   help="与以前保存的链尾核对：找出连同哈希一起被改写的审核记录")
    v.set_defaults(func=cmd_verify)
    r = inner.add_parser("roles", help="服务器资料库：创建组角色 reviewer_role、lead_role 并授权（审核记录表只能追加，"
                                       "不能修改或删除）；由资料库的所有者运行")
    r.add_argument("--db", metavar="URL", required=True, help="postgresql:// 地址")
    r.set_defaults(func=cmd_roles)


def cmd_roles(args: argparse.Namespace) -> int:
    from reviewer.store import pg_roles
    from reviewer.store.backend import is_server_url
    from reviewer.store.library import Library

    if not (args.db and is_server_url(args.db)):
        raise StoreError("角色和授权只用于服务器资料库：请用 --db postgresql://… 指定")
    with Library(args.db, seed_samples=False) as lib:
        for line in pg_roles.apply(lib.connection):
            print(line)
    return 0
