"""The library commands of `reviewer`: import, list, show, set, verify, status, reparse, export, config.

`reviewer.cli.build_parser` calls `register(subparsers)`. Each command takes `--db FILE` (default: the
library in the user's data directory) and `--reviewer NAME` (default: $REVIEWER_NAME or `reviewer config
--reviewer NAME`).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from typing import Any

from reviewer.cli import web
from reviewer.cli.findings import numbered, resolution_text, summary_marks
from reviewer.cli.reports import summary_text
from reviewer.errors import ValidationError
from reviewer.export import export
from reviewer.model import finding_key
from reviewer.store.claims import shown_status
from reviewer.store.config import default_reviewer, save_config
from reviewer.store.library import Library
from reviewer.store.types import DEFECT_LABEL, KIND_CONFIRM, KIND_WITHDRAW, STATUS_LABELS, VerificationRefused

SEVERITY = {"error": "错误", "warning": "警告", "info": "提示"}


DB_HELP = ("资料库文件，或团队的 PostgreSQL 服务器地址 postgresql://用户@主机/库名（密码放在 PGPASSWORD、~/.pgpass "
           "或 libpq 服务文件中，不写进地址）；默认：$REVIEWER_LIBRARY，或用户数据目录中的资料库")


def _common() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(add_help=False)
    p.add_argument("--db", metavar="FILE|URL", help=DB_HELP)
    p.add_argument("--reviewer", metavar="NAME", help="审核人姓名（默认：$REVIEWER_NAME 或 reviewer config 所设）")
    p.add_argument("--no-samples", action="store_true", help="新建资料库时不放入示例报告")
    return p


def register(sub: argparse._SubParsersAction) -> None:
    common = _common()
    p = sub.add_parser("import", parents=[common], help="导入报告文件、文件夹（递归）或网址到资料库")
    p.add_argument("paths", nargs="+", metavar="PATH", help="文件、文件夹，或 http(s) 网址（报告网页、PDF/Word 链接、年报栏目页）")
    p.add_argument("--pick", metavar="N", help="网址是年报栏目页时导入其中哪几份：all 或 1,3-5")
    p.add_argument("--workers", type=int, default=None, help="并行解析的进程数（默认：CPU 核数）")
    p.add_argument("--quiet", action="store_true", help="不显示进度条")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("list", parents=[common], help="列出资料库中的报告")
    p.add_argument("--status", help="new/待审核、in_review/审核中、verified/已核实")
    p.add_argument("--agency", help="机关名称的一部分")
    p.add_argument("--year", type=int)
    p.add_argument("--text", help="机关、地区或文件名的一部分")
    p.add_argument("--has", metavar="PROBLEM", help="errors/有错误、warnings/有警告、defects/源文件错误")
    p.add_argument("--retired", action="store_true", help="只列出已停用的报告")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.set_defaults(func=cmd_list)

    p = sub.add_parser("show", parents=[common], help="显示一份报告：数值、问题、修改记录")
    p.add_argument("report", type=int, metavar="REPORT")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("set", parents=[common], help="修改一个单元格的值（记入审核记录）")
    p.add_argument("report", type=int, metavar="REPORT")
    p.add_argument("cell", metavar="CELL", help="单元格编号，如 table3:unable.not_held:total")
    p.add_argument("value", metavar="VALUE", help="数值；空字符串或“空”表示无数值")
    p.add_argument("--reason", required=True, help="修改理由")
    p.add_argument("--expected-version", type=int, help="仅当报告仍为此版本时修改")
    p.set_defaults(func=cmd_set)

    p = sub.add_parser("verify", parents=[common], help="核实报告（错误须已修正或确认为源文件错误；每个警告须说明理由）")
    p.add_argument("report", type=int, metavar="REPORT")
    p.add_argument("--note", help="核实说明")
    p.add_argument("--ack", action="append", default=[], metavar="KEY=REASON",
                   help="说明一个警告（KEY 见 reviewer show）；可重复")
    p.add_argument("--ack-all", metavar="REASON", help="以同一理由说明所有警告")
    p.add_argument("--expected-version", type=int)
    p.set_defaults(func=cmd_verify)

    p = sub.add_parser("status", parents=[common], help="将报告改回待审核或审核中")
    p.add_argument("report", type=int, metavar="REPORT")
    p.add_argument("status", metavar="STATUS", help="new/待审核 或 in_review/审核中")
    p.add_argument("--reason")
    p.set_defaults(func=cmd_status)

    p = sub.add_parser("reparse", parents=[common], help="用当前解析器重新解析报告，保留审核人的修改")
    p.add_argument("report", type=int, metavar="REPORT")
    p.add_argument("--format", dest="template", choices=["2019", "2021"],
                   help="按指定格式（2019年试行格式 / 2021年修订格式）解析，以后重新解析也沿用")
    p.add_argument("--reason", help="修改格式的原因（记入修改记录）")
    p.set_defaults(func=cmd_reparse)

    p = sub.add_parser("export", parents=[common], help="导出已核实的报告（--all 包括其他状态）")
    p.add_argument("--format", required=True, choices=["csv", "csv-wide", "xlsx", "jsonl"])
    p.add_argument("-o", "--output", required=True, metavar="FILE")
    p.add_argument("--all", action="store_true", help="也导出未核实的报告（标明其状态）")
    p.add_argument("--all-versions", action="store_true",
                   help="同机关同年度的各版本都导出（默认只导出为准的一份）")
    p.add_argument("--no-bom", action="store_true", help="CSV 不写 UTF-8 BOM")
    p.add_argument("--status", help="只导出此状态的报告（可为未核实的状态）")
    p.add_argument("--agency", help="机关名称的一部分")
    p.add_argument("--year", type=int)
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("config", help="保存命令行的默认设置")
    p.add_argument("--reviewer", metavar="NAME", help="默认审核人")
    p.set_defaults(func=cmd_config)


def _open(args: argparse.Namespace) -> Library:
    return Library(args.db, seed_samples=not args.no_samples)


def _who(args: argparse.Namespace) -> str | None:
    return args.reviewer or default_reviewer()


def _err(text: str) -> None:
    print(text, file=sys.stderr)


class _Bar:
    """A one-line progress bar on stderr (only on a terminal)."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled and sys.stderr.isatty()
        self.last = 0.0

    def __call__(self, done: int, total: int, path: str) -> None:
        if not self.enabled or (time.monotonic() - self.last < 0.1 and done < total):
            return
        self.last = time.monotonic()
        width = 30
        filled = width * done // max(total, 1)
        name = path.rsplit("/", 1)[-1][:40]
        sys.stderr.write(f"\r导入 [{'#' * filled}{'.' * (width - filled)}] {done}/{total} {name:<40}")
        if done >= total:
            sys.stderr.write("\n")
        sys.stderr.flush()


def cmd_import(args: argparse.Namespace) -> int:
    local, urls = web.split(args.paths)
    fetched = web.fetch_addresses(urls, args.pick)
    web.print_listings(fetched)
    if not local and not fetched.fetched:
        return 2 if fetched.failed else 1
    with _open(args) as lib:
        summary = lib.import_paths(local, reviewer=_who(args), progress=_Bar(not args.quiet),
                                   workers=args.workers, fetched=fetched.fetched)
        retired = {rid for _p, rid in summary.duplicates if lib.summary(rid).retired}
    print(summary.text())
    for path, rid in summary.duplicates:
        print(f"  已在库中（#{rid}" + (f"，已停用：reviewer restore {rid} 可恢复" if rid in retired else "") + f"）：{path}")
    for rid in summary.versions_flagged:
        print(f"  #{rid} 与库中已有报告同机关同年度，作为另一版本保存")
    for _path, reason in summary.skipped:
        print(f"  跳过 {reason}")
    for _path, reason in summary.failed:
        _err(f"  无法读取 {reason}")
    return 2 if summary.failed or fetched.failed else 1 if fetched.unpicked else 0


def cmd_list(args: argparse.Namespace) -> int:
    with _open(args) as lib:
        rows = list(lib.list_reports(status=args.status, agency=args.agency, year=args.year, text=args.text,
                                     has=args.has, retired=True if args.retired else False))
        held = {rid: c.holder for rid, c in lib.claims().items()}  # 审核中 · name, as the app shows it
    if args.format == "json":
        for s in rows:
            print(json.dumps({**s._asdict(), "counts": s.counts, "verified_with_defects": s.verified_with_defects,
                              "held_by": held.get(s.id)}, ensure_ascii=False))
        return 0
    print(f"{'编号':>5} {'状态':<4} {'年度':<5} {'错误':>3} {'警告':>3} {'机关'}")
    for s in rows:
        label = STATUS_LABELS[shown_status(s.status, s.id in held)]
        holder = f"  · {held[s.id]} 审核中" if s.id in held else ""
        print(f"{s.id:>6} {label:<4} {s.year or '？':<6} {s.errors:>4} {s.warnings:>4}  "
              f"{s.agency or '（未识别）'}  [{s.source_name}]{summary_marks(s)}{holder}")
    print(f"共 {len(rows)} 份")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    with _open(args) as lib:
        rep = lib.load(args.report)
        trail = lib.history(args.report)
    if args.format == "json":
        d = rep.record.to_json()
        d["library"] = {"id": rep.id, "status": rep.status, "version": rep.version, "origins": rep.origins,
                        "acknowledged": rep.acknowledged, "should_be": rep.should_be,
                        "numbers": {finding_key(f): n for n, f in numbered(rep.record.findings)},
                        "retired_at": rep.summary.retired_at}
        print(json.dumps(d, ensure_ascii=False))
        return 0
    s = rep.summary
    print(f"#{s.id} {STATUS_LABELS.get(s.status, s.status)}" + ("（只读，reviewer reopen 可重新打开审核）" if s.status
                                                               == "verified" else "") + f" · 版本 {rep.version}"
          + (f" · 审核人 {s.reviewer}" if s.reviewer else "")
          + (f" · {DEFECT_LABEL} {s.defects}" if s.defects else "")
          + (f" · 同机关同年度共 {s.versions} 个版本，" + ("以此为准" if s.counts else f"以 #{s.counting_id} 为准")
             if s.has_versions else "")
          + (f" · 已停用（{s.retired_at}）" if s.retired else ""))
    print(summary_text(rep.record))
    if rep.record.findings:
        print(f"  问题（错误须修正或确认为{DEFECT_LABEL}：reviewer confirm REPORT E1 --reason 理由；"
              "警告须在核实时说明理由：reviewer verify REPORT --ack W1=理由）：")
    for number, f in numbered(rep.record.findings):
        tag = f"{SEVERITY.get(f.severity, f.severity)} {number}"
        print(f"    [{tag}] {f.message}")
        if f.resolution is not None:
            print(f"        → {resolution_text(f)}")
    gone = [c for c in rep.confirmations if not c.active]
    if gone:
        print(f"  已不适用的{DEFECT_LABEL}确认（问题已随修改消失）：")
        for c in gone:
            print(f"    {c.rule} {c.message}（{c.reason}）")
    edited = [cid for cid, o in rep.origins.items() if o == "edited"]
    if edited:
        print("  已修改的单元格：")
        for cid in edited:
            print(f"    {cid}: {_v(rep.parsed.get(cid))} → {_v(rep.record.get(cid))}")
    if rep.should_be:
        print(f"  {DEFECT_LABEL}（印制值 → 应为）：")
        for cid, v in rep.should_be.items():
            print(f"    {cid}: {_v(rep.record.get(cid))} → {_v(v)}")
    cell_edits = [e for e in trail if e.kind not in ("import",)]
    if cell_edits:
        print("  审核记录：")
        numbers = {finding_key(f): n for n, f in numbered(rep.record.findings)}
        for e in cell_edits:
            if e.kind in (KIND_CONFIRM, KIND_WITHDRAW):  # cell is the finding key: name it by its number and rule
                what = f"{numbers.get(e.cell or '', '')} {e.new or e.old}".strip()
                print(f"    {e.at} {e.reviewer or ''} {e.kind} {what}" + (f"（{e.reason}）" if e.reason else ""))
                continue
            what = e.cell or ""
            print(f"    {e.at} {e.reviewer or ''} {e.kind} {what} {_v(e.old)} → {_v(e.new)}"
                  + (f"（{e.reason}）" if e.reason else ""))
    return 0


def _v(v: Any) -> str:
    return "空" if v is None else str(v)


def cmd_set(args: argparse.Namespace) -> int:
    with _open(args) as lib:
        version = args.expected_version if args.expected_version is not None else lib.summary(args.report).version
        change = lib.set_cells(args.report, {args.cell: args.value}, reviewer=_who(args), reason=args.reason,
                               expected_version=version)
    if not change.cells:  # nothing written, no audit line: not reported as a success
        _err(f"未写入：#{args.report} {args.cell} 的值已是 {args.value.strip() or '空'}（可能已由他人改过），"
             "未记入审核记录")
        return 1
    print(f"#{args.report} {args.cell} 已改为 {args.value.strip() or '空'}（版本 {change.version}）；"
          f"错误 {change.errors} · 警告 {change.warnings}")
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    with _open(args) as lib:
        rep = lib.load(args.report)
        warnings = [f for f in rep.record.findings if f.severity == "warning"]
        numbers = {finding_key(f): n for n, f in numbered(rep.record.findings)}
        acks: dict[str, str] = {}
        for item in args.ack:
            key, sep, reason = item.partition("=")
            if not sep or not reason.strip():
                raise ValidationError(f"--ack 应写作 W编号=理由 或 KEY=理由：{item}")
            key = key.strip()
            number = key[1:] if key[:1] in ("W", "w") else key
            if number.isdigit():
                if not 1 <= int(number) <= len(warnings):
                    raise ValidationError(f"报告 {args.report} 没有警告 W{number}（共 {len(warnings)} 个）")
                key = finding_key(warnings[int(number) - 1])
            acks[key] = reason.strip()
        if args.ack_all:
            for f in warnings:
                if not f.confirmed:
                    acks.setdefault(finding_key(f), args.ack_all)
        version = args.expected_version if args.expected_version is not None else rep.version
        try:
            change = lib.verify(args.report, reviewer=_who(args), note=args.note, acknowledgements=acks,
                                expected_version=version)
        except VerificationRefused as exc:
            _err(str(exc))
            for f in exc.errors:
                n = numbers.get(finding_key(f), "")
                _err(f"  [错误 {n}] {f.message}（修正数值，或 reviewer confirm {args.report} {n} --reason 理由）")
            for f in exc.unacknowledged:
                n = numbers.get(finding_key(f), "")
                _err(f"  [警告 {n}] {f.message}（--ack {n}=理由）")
            return 1
    print(f"#{args.report} {STATUS_LABELS.get(change.status, change.status)}（版本 {change.version}）")
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    with _open(args) as lib:
        s = lib.summary(args.report)
        change = lib.set_status(args.report, args.status, reviewer=_who(args), expected_version=s.version,
                                reason=args.reason)
    print(f"#{args.report} 状态：{STATUS_LABELS.get(change.status, change.status)}")
    return 0


def cmd_reparse(args: argparse.Namespace) -> int:
    with _open(args) as lib:
        s = lib.summary(args.report)
        result = lib.reparse(args.report, reviewer=_who(args), template=args.template, reason=args.reason,
                             expected_version=s.version)
    fmt = f"，格式 {result.template_before} → {result.template}" if result.format_changed else ""
    print(f"#{args.report} 已用解析器 {result.parser_version} 重新解析{fmt}：重新应用 {len(result.reapplied)} 处修改，"
          f"{len(result.conflicts) - len(result.lost)} 处冲突")
    for c in result.conflicts:
        if c.missing:
            print(f"  未能应用 {c.cell}：新的解析中没有该单元格；审核人曾由 {_v(c.replaced)} 改为 {_v(c.edited)}"
                  "（仍在修改记录中）")
        else:
            print(f"  冲突 {c.cell}：原解析 {_v(c.replaced)}，新解析 {_v(c.parsed)}，保留审核值 {_v(c.edited)}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    with _open(args) as lib:
        result = export(lib, args.output, args.format, include_all=args.all, bom=not args.no_bom,
                        status=args.status, agency=args.agency, year=args.year, all_versions=args.all_versions)
    print(result.text())
    return 0


def cmd_config(args: argparse.Namespace) -> int:
    if args.reviewer:
        path = save_config(reviewer=args.reviewer.strip())
        print(f"默认审核人：{args.reviewer.strip()}（{path}）")
    else:
        print(f"默认审核人：{default_reviewer() or '（未设置）'}")
    return 0
