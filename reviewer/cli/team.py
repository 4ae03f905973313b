"""The people of a library on the command line: four eyes' sign-off, the library's settings, who holds what.

    reviewer sign-off 4 --note "抽查无误"          # a lead signs off a 待复核 report (not the one who verified it)
    reviewer library-settings                    # four eyes, the claims' idle time (and who changed them)
    reviewer library-settings --four-eyes on --claim-idle 20     # a lead only
    reviewer claims                              # the reports open to edit, by whom, since when
    reviewer whoami --db postgresql://…          # the login and its role (team mode)
"""

from __future__ import annotations

import argparse

from reviewer.store.library import Library
from reviewer.store.library_settings import CLAIM_IDLE, FOUR_EYES
from reviewer.store.timefmt import short
from reviewer.store.types import STATUS_LABELS


def register(sub: argparse._SubParsersAction) -> None:
    from reviewer.cli.library import _common

    common = _common()
    p = sub.add_parser("sign-off", parents=[common], help="四眼复核：组长签核待复核的报告（不能是核实人本人）")
    p.add_argument("report", type=int, metavar="REPORT")
    p.add_argument("--note", help="签核意见")
    p.add_argument("--expected-version", type=int)
    p.set_defaults(func=cmd_sign_off)

    p = sub.add_parser("library-settings", parents=[common], help="查看或更改资料库设置（四眼复核、领取失效时间；更改须组长）")
    p.add_argument("--four-eyes", choices=("on", "off"), help="四眼复核：审核员核实后为待复核，须组长签核")
    p.add_argument("--claim-idle", type=int, metavar="MINUTES", help="审核中的报告无操作多少分钟后自动释放")
    p.set_defaults(func=cmd_settings)

    p = sub.add_parser("claims", parents=[common], help="列出正在审核中的报告：由谁、自何时")
    p.set_defaults(func=cmd_claims)

    p = sub.add_parser("whoami", parents=[common], help="当前审核人及其角色（团队服务器上为数据库登录名）")
    p.set_defaults(func=cmd_whoami)


def _open(args: argparse.Namespace) -> Library:
    from reviewer.cli.library import _open as open_library

    return open_library(args)


def _who(args: argparse.Namespace) -> str | None:
    from reviewer.cli.library import _who as who

    return who(args)


def cmd_sign_off(args: argparse.Namespace) -> int:
    with _open(args) as lib:
        version = args.expected_version if args.expected_version is not None else lib.summary(args.report).version
        change = lib.sign_off(args.report, reviewer=_who(args), note=args.note, expected_version=version)
    print(f"#{args.report} 已签核：{STATUS_LABELS[change.status]}（版本 {change.version}）")
    return 0


def cmd_settings(args: argparse.Namespace) -> int:
    with _open(args) as lib:
        if args.four_eyes is not None:
            lib.change_setting(FOUR_EYES, args.four_eyes, reviewer=_who(args))
        if args.claim_idle is not None:
            lib.change_setting(CLAIM_IDLE, args.claim_idle, reviewer=_who(args))
        s = lib.settings()
    by = s.changed_by or {}
    print(f"四眼复核：{'开' if s.four_eyes else '关'}" + (f"（{by[FOUR_EYES]}）" if FOUR_EYES in by else ""))
    print(f"领取失效时间：{s.claim_idle_minutes} 分钟" + (f"（{by[CLAIM_IDLE]}）" if CLAIM_IDLE in by else ""))
    return 0


def cmd_claims(args: argparse.Namespace) -> int:
    with _open(args) as lib:
        claims = lib.claims()
        rows = [(c, lib.summary(rid)) for rid, c in claims.items()]
    for c, s in rows:
        print(f"#{s.id}\t{s.agency or s.source_name}\t{s.year or ''}\t审核中 · {c.holder}\t{short(c.claimed_at)} 起，"
              f"最近活动 {short(c.seen_at)}")
    print(f"共 {len(rows)} 份报告正在审核")
    return 0


def cmd_whoami(args: argparse.Namespace) -> int:
    with _open(args) as lib:
        actor = lib.actor(_who(args))
    print(f"{actor.name}\t{actor.role_word}")
    return 0
