"""What an auditor hands over and takes back: `reviewer report` (the review report as DOCX) and
`reviewer import-edits` (values corrected in an exported spreadsheet, back as audited edits)."""

from __future__ import annotations

import argparse
import sys

from reviewer.cli.library import _common, _open, _who
from reviewer.errors import ValidationError


def register(sub: argparse._SubParsersAction) -> None:
    common = _common()
    p = sub.add_parser("report", parents=[common],
                       help="审核意见书（一份报告）或问题清单（多份，按机关分节），DOCX，可在 WPS 和 Word 中编辑")
    p.add_argument("reports", nargs="*", type=int, metavar="ID", help="报告编号；不给则为所有已核实的报告")
    p.add_argument("-o", "--output", required=True, metavar="FILE.docx")
    p.add_argument("--year", type=int, help="只含该年度的报告（不给编号时）")
    p.add_argument("--verified-from", metavar="YYYY-MM-DD", help="核实日期起（不给编号时）")
    p.add_argument("--verified-to", metavar="YYYY-MM-DD", help="核实日期止（不给编号时）")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("import-edits", parents=[common],
                       help="导入在 Excel 中修改过的导出文件（XLSX 或长表 CSV）：列出每处修改和冲突，确认后记入审核记录")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--yes", action="store_true", help="不询问，应用所有无冲突的修改")
    p.add_argument("--dry-run", action="store_true", help="只列出修改，不应用")
    p.set_defaults(func=cmd_import_edits)


def cmd_report(args: argparse.Namespace) -> int:
    from reviewer.review_report.build import review_document, reviews, select_for_review
    from reviewer.review_report.docx import write_docx
    from reviewer.store.stats import open_reader

    if not str(args.output).lower().endswith(".docx"):
        raise ValidationError(f"{args.output}：审核意见书只能保存为 .docx")
    with _open(args) as lib:
        path = lib.address
    conn = open_reader(path)
    try:
        rows = select_for_review(conn, ids=args.reports, verified_from=args.verified_from,
                                 verified_to=args.verified_to, year=args.year)
        if not rows:
            raise ValidationError("没有符合条件的报告（不给编号时只含已核实的报告）")
        period = ""
        if not args.reports and (args.verified_from or args.verified_to):
            period = f"核实日期：{args.verified_from or '…'} 至 {args.verified_to or '…'}"
        document = review_document(reviews(conn, rows), period=period)
    finally:
        conn.close()
    write_docx(document, args.output)
    print(f"已写出{'审核意见书' if len(rows) == 1 else '问题清单'}（{len(rows)} 份报告）到 {args.output}")
    return 0


def _v(v: object) -> str:
    return "空" if v is None else str(v)


def cmd_import_edits(args: argparse.Namespace) -> int:
    from reviewer.export.excel_edits import apply_edits, read_edits
    from reviewer.review_report.build import cell_name
    from reviewer.store.stats import open_reader

    with _open(args) as lib:
        conn = open_reader(lib.address)
        try:
            preview = read_edits(conn, args.file)
            templates = dict(conn.execute("SELECT id, template FROM reports").fetchall())
        finally:
            conn.close()
        for c in preview.changes:
            head = f"报告 {c.report_id} {preview.agencies.get(c.report_id, '')} {cell_name(templates.get(c.report_id), c.cell)}"
            if c.is_conflict:
                print(f"冲突  {head}：导出时 {_v(c.old)}，文件中 {_v(c.new)}，资料库现为 {_v(c.current)}（{c.conflict}）")
            else:
                print(f"修改  {head}：{_v(c.old)} → {_v(c.new)}")
        for line in preview.problems:
            print(f"无法读取  {line}", file=sys.stderr)
        print(preview.text(), file=sys.stderr)
        todo = preview.applicable
        if not todo or args.dry_run:
            return 1 if preview.conflicts else 0
        if not args.yes:
            if not sys.stdin.isatty():
                print("未应用：加 --yes 应用以上无冲突的修改", file=sys.stderr)
                return 1 if preview.conflicts else 0
            answer = input(f"应用 {len(todo)} 处修改（理由“{preview.reason}”）？[y/N] ").strip().lower()
            if answer not in ("y", "yes", "是"):
                print("未应用", file=sys.stderr)
                return 1 if preview.conflicts else 0
        changes = apply_edits(lib, preview, reviewer=_who(args))
    print(f"已应用 {sum(len(c.cells) for c in changes)} 处修改（{len(changes)} 份报告），理由“{preview.reason}”")
    return 1 if preview.conflicts else 0
