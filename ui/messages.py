"""Render a core finding in the UI's language.

The core gives each finding a Chinese `message` plus `message_id` and `params`. In Chinese the core's message is
shown as is; in another language the message id picks a translated template (through `tr()`), filled with the
params; an id without a template falls back to the core's Chinese text. Row and column labels stay as the
form prints them.
"""

from __future__ import annotations

from typing import Any

from reviewer.formats import TABLE_SHORT, label_of, load_format, load_formats
from reviewer.model import Finding, split_cell_id
from reviewer.values import format_value
from ui.i18n import tr


def table_name(table: str) -> str:
    names = {"table2": tr("表二"), "table3": tr("表三"), "table4": tr("表四")}
    return names.get(table, TABLE_SHORT.get(table, table))


def severity_name(severity: str) -> str:
    return {"error": tr("错误"), "warning": tr("警告"), "info": tr("提示")}.get(severity, severity)


def rule_name(finding: Finding) -> str:
    """The rule in a few words, in the UI's language (the core names rules in English)."""
    names = {
        "column balance": tr("列平衡"), "row total": tr("行合计"), "column total": tr("列合计"),
        "one result per request": tr("一申请一结果"), "table 4 total": tr("表四合计"),
        "value kind": tr("数值类型"), "blank cell": tr("空白单元格"), "prose against table": tr("正文与表格"),
        "row labels lost": tr("行标签丢失"), "unplaced values": tr("未定位数值"), "carry-over": tr("结转衔接"),
        "in-force roll-forward": tr("现行有效件数衔接"), "variant total": tr("表二合计"),
        "re-parse conflict": tr("重新解析冲突"), "unit converted": tr("单位换算"), "table not found": tr("缺少表格"),
        "year mismatch": tr("年度不一致"), "not a number": tr("不是数字"), "no total row": tr("缺少合计行"),
        "row with missing cells": tr("行内单元格缺失"), "fee is not the processing fee": tr("收费不是信息处理费"),
        "published late": tr("逾期公布"),
        "low OCR confidence": tr("文字识别置信度低"),
    }
    return names.get(finding.name, finding.name)


def cell_label(cid: str, template: str | None) -> str:
    """`table3:unable.not_held:total` -> 表三 1.本机关不掌握相关政府信息·总计."""
    if cid.endswith(":*"):
        return tr("{table}（整表）").format(table=table_name(cid.split(":", 1)[0]))
    table, row, col = split_cell_id(cid)
    label = label_of(template, table, row, col) if "/" not in row else f"{row}·{col}"
    return f"{table_name(table)} {label}"


def _templates() -> dict[str, str]:
    return {
        "relation_eq": tr("{table}{along}：{rhs_text}为 {rhs}，{lhs_text}印为 {lhs}，相差 {diff}。"),
        "relation_le": tr("{table}{along}：{lhs_text}为 {lhs}，超过{rhs_text} {rhs}。"),
        "value_kind": tr("{cell} 的数值 {value} 不符合该列的类型（{kind}）"),
        "blank_cells": tr("{table}“{row}”一行有 {count} 个单元格为空（空白不等于 0，请核实）"),
        "prose_mismatch": tr("正文所述数字为 {stated}，表格为 {table}"),
        "rows_by_position": tr("{table}有 {rows} 行的行标签在提取中丢失，已按表格格式的行序依次放置，请逐行核对"),
        "unplaced": tr("有 {count} 个数值无法确定所属单元格，已列出，未计入表格"),
        "variant_total_blank": tr("表二合计为空；其各项之和为 {sum}，正文所述为 {stated}"),
        "variant_total": tr("表二合计印为 {printed}，各项之和为 {sum}"),
        "carry_over": tr("{cell}：本年为 {this}，上年报告为 {previous}"),
        "in_force_roll": tr("{cell}：本年为 {this}，按上年及本年增减应为 {expected}"),
        "table_missing": tr("未找到{table}"),
        "year_mismatch": tr("标题年度 {title} 与统计期限年度 {period} 不一致"),
        "unit_converted": tr("{cell} 印为“{printed}”，已换算为 {value} 万元"),
        "ocr_low_confidence": tr("“{printed}”是文字识别读出的，置信度仅 {confidence}，请对照原图核对"),
        "published_late": tr("报告发布于 {published}，晚于《条例》第五十条规定的公布期限 {deadline}（晚 {days} 天）"),
    }


def _relation_op(template: str | None, rule: str) -> str:
    if template not in load_formats():
        return "eq"
    for rel in load_format(template).relations:
        if rel.get("id") == rule:
            return str(rel.get("op", "eq"))
    return "eq"


def _fmt(v: Any) -> str:
    return format_value(v, blank=tr("空"))


def render(finding: Finding, language: str, template: str | None = None) -> str:
    if language.startswith("zh") or not finding.message_id:
        return finding.message
    p = dict(finding.params)
    mid = finding.message_id
    key = mid
    if mid.startswith("relation_"):
        key = "relation_le" if _relation_op(template, finding.rule) == "le" else "relation_eq"
        along = str(p.get("along", ""))
        table = str(p.get("table", ""))
        p["along"] = f" {label_of(template, table, along)}" if along else ""
        p["diff"] = _fmt(abs((p.get("lhs") or 0) - (p.get("rhs") or 0)))
    text = _templates().get(key)
    if text is None:
        return finding.message
    if "table" in p and isinstance(p["table"], str) and p["table"].startswith("table"):
        p["table"] = table_name(p["table"])
    if isinstance(p.get("cell"), str):
        p["cell"] = cell_label(p["cell"], template)
    if "row" in p and isinstance(p["row"], str) and isinstance(finding.params.get("table"), str):
        p["row"] = label_of(template, finding.params["table"], p["row"])
    try:
        out = text.format(**{k: (_fmt(v) if not isinstance(v, str) else v) for k, v in p.items()})
    except (KeyError, IndexError, ValueError):
        return finding.message
    if finding.suggestion:
        out += " " + tr("建议将 {cell} 改为 {value}。").format(
            cell=cell_label(finding.suggestion["cell"], template), value=_fmt(finding.suggestion.get("value")))
    return out


if __name__ == "__main__":
    from ui.i18n import install
    from ui.preview import app_instance, sample_record

    app = app_instance()
    rec = sample_record("003")
    for lang in ("zh_CN", "en"):
        app._translators = install(app, lang)  # type: ignore[attr-defined]
        for f in rec.findings:
            print(f"[{lang}] {severity_name(f.severity)} {f.rule} {rule_name(f)}: {render(f, lang, rec.template)}")
