"""Render a core finding in the UI's language.

The core gives each finding a Chinese `message` plus `message_id` and `params`. In Chinese the core's message is
shown as is; in another language the message id picks a translated template (through `tr()`), filled with the
params; an id without a template falls back to the core's Chinese text. Row and column labels stay as the
form prints them.
"""

from __future__ import annotations

from typing import Any

from reviewer.formats import TABLE_SHORT, label_of, load_format, load_formats
from reviewer.formats import cell_label as form_label
from reviewer.formats.labels import column_label
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
        "re-parse conflict": tr("重新解析冲突"), "unit converted": tr("单位换算"), "unit not stated": tr("金额单位未注明"), "table not found": tr("缺少表格"),
        "year mismatch": tr("年度不一致"), "not a number": tr("不是数字"), "no total row": tr("缺少合计行"),
        "row with missing cells": tr("行内单元格缺失"), "fee is not the processing fee": tr("收费不是信息处理费"),
        "published late": tr("逾期公布"),
        "split by arithmetic": tr("按运算拆分"), "split breaking fewest relations": tr("按最少违反拆分"),
        "ambiguous split": tr("拆分不唯一"), "cannot split": tr("无法拆分"), "split chosen by the reviewer": tr("审核人选定拆分"),
        "split by a heuristic bound": tr("按经验关系拆分"), "split by the prose": tr("按正文所述拆分"),
        "total on the line above": tr("总计印在上一行"),
        "low OCR confidence": tr("文字识别置信度低"),
    }
    return names.get(finding.name, finding.name)


def cell_label(cid: str, template: str | None, variant: str | None = None) -> str:
    """`table3:unable.not_held:total` -> 表三 1.本机关不掌握相关政府信息·总计."""
    if cid.endswith(":*"):
        return tr("{table}（整表）").format(table=table_name(cid.split(":", 1)[0]))
    table, row, col = split_cell_id(cid)
    label = label_of(template, table, row, col, variant)
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
        "period_not_calendar_year": tr("统计期限为 {start} 至 {end}，不是完整的自然年度"),
        "unit_converted": tr("{cell} 印为“{printed}”，已换算为 {value} 万元"),
        "unit_converted_header": tr("{cell} 印为“{printed}”，表头单位为元，已换算为 {value} 万元"),
        "unit_not_stated": tr("{cell} 印为“{printed}”，单元格和表头均未注明金额单位（元或万元），已按万元记录，请核对原文"),
        "split_arithmetic": tr("{table}“{rows}”印为“{printed}”，已按运算拆分为 {split}"),
        "split_only": tr("{table}“{rows}”印为“{printed}”，已按列数拆分为 {split}"),
        "split_least": tr("{table}“{rows}”印为“{printed}”，任何拆分都不能使各项关系全部成立；已按违反关系最少、相差最小的拆分 {split} 放置。"
                          "其他拆分：{others}"),
        "split_ambiguous": tr("{table}“{rows}”印为“{printed}”，可拆分为：{others}。各项关系都成立，无法确定，{blank} 个单元格留空，请核对原文选择"),
        "split_tied": tr("{table}“{rows}”印为“{printed}”，可拆分为：{others}。违反的关系一样少，无法确定，{blank} 个单元格留空，请核对原文选择"),
        "split_heuristic": tr("{table}“{rows}”印为“{printed}”，按经验关系（如本年新公开数量不超过对外公开总数量）拆分为 {split}；"
                              "若该关系不成立，也可拆分为：{others}，请核对"),
        "split_prose": tr("{table}“{rows}”印为“{printed}”，各项关系允许多种拆分（另有：{others}），按正文所述的{figures}拆分为 {split}"),
        "total_on_line_above": tr("{table}“{row}”一行的总计印在上一行（分组标签旁），已按表格版式读作该行总计；"
                                  "该行各列之和与之不符，请核对原文"),
        "split_chosen": tr("{table}“{rows}”印为“{printed}”，审核人已选择拆分 {chosen}（所列 {count} 种拆分中的第 {choice} 种）"),
        "split_entered": tr("{table}“{rows}”印为“{printed}”，审核人已填入 {chosen}，不是所列的拆分（{others}）"),
        "split_failed": tr("{table}“{rows}”印为“{printed}”，无法按格式拆分为 {count} 个单元格，已列为未放置数值"),
        "split_too_many": tr("{table}“{rows}”印为“{printed}”，可能的拆分过多，未能确定 {count} 个单元格，已列为未放置数值"),
        "ocr_low_confidence": tr("“{printed}”是文字识别读出的，置信度仅 {confidence}，请对照原图核对"),
        "blank_column": tr("{table}“{column}”列有 {count} 个单元格为空（空白不等于 0，请核实）"),
        "not_a_number": tr("{cell} 印为“{printed}”，不是有效数字"),
        "out_of_range": tr("{cell} 印为“{printed}”，数值超出范围，未作为数值读入"),
        "prose_named_mismatch": tr("正文所述{key}为 {stated}，表格为 {table}"),
        "prose_all_finished": tr("正文称申请均已办结，表三“四、结转下年度继续办理”为 {table}"),
        "prose_all_upheld": tr("正文称复议、诉讼均获维持，表四有 {others} 件为纠正、其他结果或尚未审结"),
        "fee_vs_processing_fee": tr("表二“行政事业性收费·本年收费金额”为 {amount}，与正文所述信息处理费 {fee_yuan} 元相同："
                                    "本年收费金额应为行政事业性收费（单位：万元），不是信息处理费"),
        "reparse_conflict": tr("重新解析后该单元格读作 {parsed}，与审核人所替换的原解析值 {replaced} 不同；"
                               "已保留审核人的值 {edited}，请确认"),
        "reparse_conflict_missing": tr("重新解析后没有单元格 {cell}；审核人曾将其由 {replaced} 改为 {edited}，"
                                       "该修改未能重新应用（仍在修改记录中）"),
        "row_short": tr("{table}“{row}”一行印出的数值少于应有的个数，缺少的单元格记为空，请核对所在列"),
        "variant_no_total": tr("表二（{variant}）未印出合计行"),
        "value_kind_negative_count": tr("{cell} 的数值 {value} 为负数，计数不能为负"),
        "value_kind_fractional_count": tr("{cell} 的数值 {value} 带小数，计数应为整数"),
        "value_kind_fractional_signed": tr("{cell} 的数值 {value} 带小数，增减数应为整数"),
        "value_kind_negative_money": tr("{cell} 的数值 {value} 为负数，金额不能为负"),
        "published_late": tr("报告发布于 {published}，晚于《条例》第五十条规定的公布期限 {deadline}（晚 {days} 天）"),
    }


def relation_text(text: str) -> str:
    """The words a format's relation uses for its two sides (`lhs_text`, `rhs_text`), in the UI's language.
    Form labels inside them stay as the form prints them."""
    words = {
        "总计列": tr("总计列"), "总计": tr("总计"), "（七）总计": tr("（七）总计"),
        "（一）至（六）各项之和": tr("（一）至（六）各项之和"),
        "自然人与法人或其他组织各列之和": tr("自然人与法人或其他组织各列之和"),
        "一、本年新收 + 二、上年结转": tr("一、本年新收 + 二、上年结转"),
        "本年新收与上年结转之和": tr("本年新收与上年结转之和"),
        "（七）总计 + 四、结转下年度继续办理": tr("（七）总计 + 四、结转下年度继续办理"),
        "结果维持、结果纠正、其他结果、尚未审结之和": tr("结果维持、结果纠正、其他结果、尚未审结之和"),
        "本年新公开数量": tr("本年新公开数量"), "本年新制作数量": tr("本年新制作数量"),
        "对外公开总数量": tr("对外公开总数量"), "左边": tr("左边"), "右边": tr("右边"),
    }
    return words.get(text, text)


def prose_name(key: str) -> str:
    """What a figure of the prose counts (`reviewer.rules.prose.CHECKS`), in the UI's language."""
    names = {
        "requests_received": tr("收到申请数"), "requests_answered": tr("办结（答复）数"),
        "carried_over": tr("上年结转数"), "carried_forward": tr("结转下年度数"),
        "granted_or_partial": tr("予以公开及部分公开数"), "denied_total": tr("不予公开数"),
        "unable_total": tr("无法提供数"), "not_processed_total": tr("不予处理数"),
        "review_total": tr("行政复议数"), "litigation_total": tr("行政诉讼数"),
        "regulations_made": tr("制发规章数"), "regulations_published": tr("新公开规章数"),
        "normative_made": tr("制发规范性文件数"), "normative_published": tr("新公开规范性文件数"),
        "normative_repealed": tr("废止规范性文件数"), "normative_in_force": tr("现行有效规范性文件数"),
        "review_upheld": tr("行政复议结果维持数"), "review_corrected": tr("行政复议结果纠正数"),
        "review_other": tr("行政复议其他结果数"), "review_pending": tr("行政复议尚未审结数"),
        "litigation_upheld": tr("行政诉讼结果维持数"), "litigation_corrected": tr("行政诉讼结果纠正数"),
        "litigation_other": tr("行政诉讼其他结果数"), "litigation_pending": tr("行政诉讼尚未审结数"),
        "litigation_direct_total": tr("未经复议直接起诉数"), "litigation_after_review_total": tr("复议后起诉数"),
    }
    return names.get(key, key)


def variant_name(variant_id: str) -> str:
    from reviewer.formats import table2_variant

    v = table2_variant(variant_id)
    return v.name if v is not None else variant_id


def _value_kind_key(value: Any, kind: Any) -> str:
    negative = isinstance(value, int | float) and value < 0
    if kind == "count":
        return "value_kind_negative_count" if negative else "value_kind_fractional_count"
    if kind == "signed":
        return "value_kind_fractional_signed"
    if kind == "money":
        return "value_kind_negative_money"
    return "value_kind"


# Message ids whose text depends on its parameters: the templates they may use.
VARIANTS = {
    "value_kind": ("value_kind", "value_kind_negative_count", "value_kind_fractional_count",
                   "value_kind_fractional_signed", "value_kind_negative_money"),
    "reparse_conflict": ("reparse_conflict", "reparse_conflict_missing"),
    "prose_mismatch": ("prose_mismatch", "prose_named_mismatch"),
}


def template_keys(message_id: str) -> tuple[str, ...]:
    """The templates a core message id is rendered with (a relation's: by its operator)."""
    if message_id.startswith("relation_"):
        return ("relation_eq", "relation_le")
    return VARIANTS.get(message_id, (message_id,))


def templates() -> dict[str, str]:
    """Every template by key, in the UI's language."""
    return _templates()


def _relation(template: str | None, rule: str) -> dict[str, Any]:
    if template not in load_formats():
        return {}
    for rel in load_format(template).relations:
        if rel.get("id") == rule:
            return rel
    return {}


def _relation_op(template: str | None, rule: str) -> str:
    return str(_relation(template, rule).get("op", "eq"))


def _fmt(v: Any) -> str:
    return format_value(v, blank=tr("空"))


def render(finding: Finding, language: str, template: str | None = None) -> str:
    if language.startswith("zh") or not finding.message_id:
        return finding.message
    p = dict(finding.params)
    mid = finding.message_id
    key = mid
    if mid.startswith("relation_"):
        rel = _relation(template, finding.rule)
        key = "relation_le" if rel.get("op", "eq") == "le" else "relation_eq"
        along = str(p.get("along", ""))
        table = str(p.get("table", ""))
        if not along:
            p["along"] = ""
        elif rel.get("each") == "column":  # the relation holds down each column: name the column, not a row
            p["along"] = " " + tr("“{column}”列").format(column=column_label(template, table, along))
        else:
            p["along"] = f" {label_of(template, table, along)}"
        p["diff"] = _fmt(abs((p.get("lhs") or 0) - (p.get("rhs") or 0)))
        for side in ("lhs_text", "rhs_text"):
            if isinstance(p.get(side), str):
                p[side] = relation_text(p[side])
    elif mid == "value_kind":
        key = _value_kind_key(p.get("value"), p.get("kind"))
    elif mid == "reparse_conflict" and p.get("missing"):
        key = "reparse_conflict_missing"
    elif mid == "prose_mismatch" and isinstance(p.get("key"), str):
        key = "prose_named_mismatch"
        p["key"] = prose_name(p["key"])
    elif mid == "split_prose" and isinstance(p.get("figure_keys"), list):
        p["figures"] = ", ".join(prose_name(str(k)) for k in p.pop("figure_keys"))
    elif mid == "blank_column" and isinstance(p.get("column"), str):
        p["column"] = column_label(template, str(p.get("table", "")), p["column"])
    elif mid == "row_short" and isinstance(p.get("row_key"), str):
        p["row"] = p.pop("row_key")
    elif mid == "variant_no_total" and isinstance(p.get("variant"), str):
        p["variant"] = variant_name(p["variant"])
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


def column_headers(cells: list[str], template: str | None, printed: list[str] | None = None) -> list[str]:
    """The cells' labels as column headers: the column alone when the run printed one row (named above the
    table), else the row over the column (table 4 prints its three rows as one run)."""
    labels = [form_label(template, None, *split_cell_id(c)) for c in cells]
    one_row = len({split_cell_id(c)[:2] for c in printed or cells}) == 1
    return [lab.column_label or lab.text if one_row else f"{lab.row}\n{lab.column_label}" for lab in labels]


def cells_text(cells: list[str], template: str | None) -> str:
    """Cells as one label: 表二 行政规范性文件·本年制发件数、本年废止件数、现行有效件数 when they share a row."""
    if not cells:
        return ""
    first = cell_label(cells[0], template)
    if len({split_cell_id(c)[:2] for c in cells}) == 1:
        return "、".join([first, *column_headers(cells, template)[1:]])
    return "、".join([first, *(cell_label(c, template) for c in cells[1:])])
