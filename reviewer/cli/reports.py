"""`reviewer parse` and `reviewer check`: read reports and print records or findings, no library involved."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from reviewer.errors import ReviewerError
from reviewer.formats import TABLE_SHORT, cell_label
from reviewer.model import Record


def _expand(paths: Sequence[str]) -> tuple[list[Path], bool]:
    """Regular files under `paths`, and whether a path could not be read; every path left out (special file,
    unreadable folder) is said on stderr."""
    from reviewer.reading.walk import walk

    walked = walk(list(paths), skip_hidden=False)
    for _path, reason in walked.skipped:
        print(f"跳过 {reason}", file=sys.stderr)
    for _path, reason in walked.unreadable:
        print(f"无法读取 {reason}", file=sys.stderr)
    return walked.files, bool(walked.unreadable)


def _fmt_value(v: object) -> str:
    return "空" if v is None else str(v)


def summary_text(record: Record) -> str:
    """A readable summary of one record for the terminal."""
    lines = [f"{record.source.get('path', '')}",
             f"  机关：{record.agency or '（未识别）'}  年度：{record.year or '（未识别）'}  格式：{record.template or '？'}"
             + (f"  表二变体：{record.table2_variant}" if record.table2_variant else "")]
    if record.period:
        lines.append(f"  统计期限：{record.period['start']} 至 {record.period['end']}")
    for table, rows in record.tables.items():
        lines.append(f"  {TABLE_SHORT.get(table, table)}")
        variant = record.table2_variant if table == "table2" else None
        for rkey, cols in rows.items():
            label = cell_label(record.template, variant, table, rkey).row
            vals = " ".join(_fmt_value(v) for v in cols.values())
            lines.append(f"    {label[:28]:<28} {vals}")
    if record.unplaced:
        lines.append(f"  未能定位的数值：{len(record.unplaced)} 个")
    counts = {s: sum(1 for f in record.findings if f.severity == s) for s in ("error", "warning", "info")}
    confirmed = sum(1 for f in record.findings if f.confirmed)
    lines.append(f"  问题：错误 {counts['error']} · 警告 {counts['warning']} · 提示 {counts['info']}"
                 + (f"（其中 {confirmed} 个已确认为源文件错误）" if confirmed else ""))
    return "\n".join(lines)


def findings_text(record: Record) -> str:
    from reviewer.export.checks import Checked, text_block

    return text_block(Checked(str(record.source.get("path", "")), record))


NO_TABLES = "未找到报告表格（表二、表三、表四都没有找到），这不像政府信息公开工作年度报告"


def not_a_report(record: Record) -> bool:
    """No statistical table was found at all: the file is not a report (or not one this program reads)."""
    missing = {f.params.get("table") for f in record.findings if f.rule == "MISSING"}
    return {"table2", "table3", "table4"} <= missing


def _name(path: Path) -> str:
    from reviewer.cli.safe_output import shown_name

    return shown_name(str(path))


def cmd_parse(args: argparse.Namespace) -> int:
    from reviewer.api import parse_file

    files, missing = _expand(args.files)
    status = 2 if missing else 0
    for path in files:
        try:
            record = parse_file(path)
        except ReviewerError as exc:
            print(f"无法读取 {exc}", file=sys.stderr)
            status = 2
            continue
        if args.format == "json":
            print(json.dumps(record.to_json(), ensure_ascii=False))
        else:
            print(summary_text(record))
    return status


def cmd_check(args: argparse.Namespace) -> int:
    """Findings of every file as text, JSON Lines or CSV (streamed), or JUnit XML or SARIF (one document at the
    end); a one-line summary on stderr. Exit 2 if a file is unreadable, else 1 if any error, else 0."""
    from reviewer.api import parse_file
    from reviewer.export import checks
    from reviewer.version import __version__

    fmt = args.format
    out = sys.stdout
    files, unreadable = _expand(args.files)
    errors = False
    items: list[checks.Checked] = []
    csv_out = checks.CsvWriter(out) if fmt == "csv" else None
    for path in files:
        try:
            item = checks.Checked(str(path), parse_file(path))
        except ReviewerError as exc:
            item = checks.Checked(str(path), None, str(exc))
            print(f"无法读取 {exc}", file=sys.stderr)
            unreadable = True
        if item.record is not None and not_a_report(item.record):
            errors = True
            print(f"{_name(path)}: {NO_TABLES}", file=sys.stderr)
        items.append(item)
        if fmt == "text" and item.record is not None:
            print(checks.text_block(item), flush=True)
        elif fmt == "json" and item.record is not None:
            print(checks.json_line(item), flush=True)
        elif csv_out is not None:
            csv_out.add(item)
            out.flush()
        if item.record is not None and fmt != "sarif":
            item.record.text = ""  # only SARIF still needs the text (its regions' snippets)
    if fmt == "junit":
        out.write(checks.junit_xml(items))
    elif fmt == "sarif":
        out.write(json.dumps(checks.sarif_log(items, tool_version=__version__), ensure_ascii=False, indent=1) + "\n")
    out.flush()
    print(checks.summary_line(items), file=sys.stderr)
    if unreadable or any(c.record is None for c in items):
        return 2
    return 1 if errors or any(c.count("error") for c in items) else 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("parse", help="解析报告，输出记录")
    p.add_argument("files", nargs="+", help="报告文件或文件夹")
    p.add_argument("--format", choices=["json", "text"], default="text")
    p.set_defaults(func=cmd_parse)
    c = sub.add_parser("check", help="核对报告，列出问题；有错误时退出码为 1，有无法读取的文件时为 2")
    c.add_argument("files", nargs="+")
    c.add_argument("--format", choices=["text", "json", "csv", "junit", "sarif"], default="text",
                   help="text（默认）、json（每份一行）、csv（每个问题一行）、junit（XML）、sarif（2.1.0）")
    c.set_defaults(func=cmd_check)
