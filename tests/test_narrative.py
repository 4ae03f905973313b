"""The figures the prose states: realistic sentences, including ones where a figure of another subject
(a year-on-year change, a review request, a sub-channel, a combined count) sits next to the one asked for."""

from __future__ import annotations

import pytest

from reviewer.parsing.narrative import extract_narrative

CASES: list[tuple[str, str, int | float | None]] = [
    # 收到 / 受理 / 新收 … 申请 N 件
    ("收到政府信息公开申请17件。", "requests_received", 17),
    ("2023年，共受理政府信息公开申请12件（含上年结转2件）。", "requests_received", 12),
    ("本年度新收政府信息公开申请3,119件。", "requests_received", 3119),
    ("全年共受理依申请公开15件，均已按时答复。", "requests_received", 15),
    ("新收2件政府信息公开申请。", "requests_received", 2),
    ("收到政府信息公开申请事项共计8件。", "requests_received", 8),
    # … with a figure of another subject first
    ("本年度收到行政复议申请2件，收到政府信息公开申请9件。", "requests_received", 9),
    ("收到政府信息公开申请同比增加5件，共计21件。", "requests_received", 21),
    ("接到群众咨询电话30个，收到政府信息公开申请6件。", "requests_received", 6),
    ("我局收到2件行政复议申请。", "requests_received", None),
    # 办结 / 答复
    ("收到申请25件，上年结转3件，共办结26件。", "requests_answered", 26),
    ("共办结政府信息公开申请20件，结转下年度1件。", "requests_answered", 20),
    ("依法答复政府信息公开申请14件。", "requests_answered", 14),
    # 上年结转 / 结转下年度
    ("上年结转政府信息公开申请2件。", "carried_over", 2),
    ("上年度结转申请1件。", "carried_over", 1),
    ("结转下年度继续办理3件。", "carried_forward", 3),
    ("另有2件结转至下年度继续办理。", "carried_forward", 2),
    ("结转到下一年度办理4件。", "carried_forward", 4),
    ("上年结转2件，结转下年度3件。", "carried_forward", 3),
    ("上年结转2件，结转下年度3件。", "carried_over", 2),
    # 行政复议 / 行政诉讼
    ("因政府信息公开工作被申请行政复议2件、提起行政诉讼1件。", "review_total", 2),
    ("因政府信息公开工作被申请行政复议2件、提起行政诉讼1件。", "litigation_total", 1),
    ("被申请行政复议3起，被提起行政诉讼2起。", "review_total", 3),
    ("被申请行政复议3起，被提起行政诉讼2起。", "litigation_total", 2),
    ("发生政府信息公开行政复议案件5件，其中维持3件。", "review_total", 5),
    ("行政复议和行政诉讼案件共3件。", "review_total", None),
    ("行政复议和行政诉讼案件共3件。", "litigation_total", None),
    ("行政复议结果维持2件。", "review_total", None),
    # 主动公开 N 条
    ("全年主动公开政府信息1,234条。", "proactive_items", 1234),
    ("通过政务微博发布信息1200条，主动公开政府信息391条。", "proactive_items", 391),
    ("主动公开政府信息共计120条，其中政策文件15条。", "proactive_items", 120),
    ("2022年，我局主动公开各类信息共计2253条。", "proactive_items", 2253),
    # 予以公开 / 不予公开 / 无法提供
    ("予以公开及部分公开258件，占总数的76%。", "granted_or_partial", 258),
    ("不予公开的申请2件。", "denied_total", 2),
    ("无法提供265件。", "unable_total", 265),
    # 表二's documents: made or newly published, repealed, in force; never a pair counted together
    ("全年新增公开市政府规章 1 件、市政府及市政府办政策性文件 11 件。", "regulations_published", 1),
    ("全年新增公开市政府规章1件、市政府及市政府办政策性文件11件。", "normative_made", None),
    ("本年制发规范性文件12件，废止规范性文件3件，现行有效规范性文件40件。", "normative_made", 12),
    ("本年制发规范性文件12件，废止规范性文件3件，现行有效规范性文件40件。", "normative_repealed", 3),
    ("本年制发规范性文件12件，废止规范性文件3件，现行有效规范性文件40件。", "normative_in_force", 40),
    ("印发行政规范性文件3件。", "normative_made", 3),
    ("制定规章和规范性文件共12件。", "normative_made", None),
    ("制定规章和规范性文件共12件。", "regulations_made", None),
    ("制定完善内部规章制度3件。", "regulations_made", None),
    ("本年制定规章一件。", "regulations_made", 1),
    # 表四's outcomes, of the subject the sentence names last (or the sentence before, for 其中 …)
    ("政府信息公开行政复议351件，其中结果维持72件，结果纠正64件；政府信息公开行政诉讼46件，其中结果维持25件。",
     "review_upheld", 72),
    ("政府信息公开行政复议351件，其中结果维持72件，结果纠正64件；政府信息公开行政诉讼46件，其中结果维持25件。",
     "litigation_upheld", 25),
    ("被申请行政复议2件。其中结果维持1件，结果纠正1件。", "review_corrected", 1),
    ("在行政诉讼案件中，结果维持数0件，结果纠正数0件，尚未审结数2件。", "litigation_pending", 2),
    ("行政复议和行政诉讼结果维持3件。", "review_upheld", None),
    ("行政复议和行政诉讼结果维持3件。", "litigation_upheld", None),
    ("结果维持3件。", "review_upheld", None),
    ("行政复议结果维持数同比增加2件。", "review_upheld", None),
    ("未经复议直接起诉0件，复议后起诉2件。", "litigation_direct_total", 0),
    ("未经复议直接起诉0件，复议后起诉2件。", "litigation_after_review_total", 2),
]


@pytest.mark.parametrize(("sentence", "key", "want"), CASES, ids=[f"{k}-{i}" for i, (_, k, _) in enumerate(CASES)])
def test_stated_figure(sentence: str, key: str, want: int | float | None) -> None:
    assert extract_narrative(sentence).get(key) == want


def test_figures_of_one_paragraph() -> None:
    text = ("2023年，本机关共收到政府信息公开申请56件，较上年减少4件；上年结转3件。已办结54件，其中予以公开30件，"
            "部分公开5件，不予公开2件，无法提供12件，不予处理5件；结转下年度继续办理5件。全年因政府信息公开被申请"
            "行政复议1件、被提起行政诉讼0件，行政复议结果维持1件。")
    got = extract_narrative(text)
    assert got == {**got, "requests_received": 56, "carried_over": 3, "requests_answered": 54,
                   "denied_total": 2, "unable_total": 12, "not_processed_total": 5, "carried_forward": 5,
                   "review_total": 1, "litigation_total": 0}
