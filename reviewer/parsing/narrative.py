"""The figures the prose states (收到申请N件, 予以公开N件, 行政复议N件 …), for the prose checks."""

from __future__ import annotations

import re

from reviewer.model import Number

_N = r"(\d[\d,]*)"
PATTERNS: dict[str, tuple[re.Pattern[str], ...]] = {
    "proactive_items": (
        re.compile(r"(?:主动公开|发布|公开)[^。；，,]{0,20}?信息[^。；，,\d]{0,8}?" + _N + r"余?条"),
    ),
    "requests_received": (
        re.compile(r"(?:收到|受理|接收|接到|新收)[^。；，,\d]{0,20}?申请[^。；，,\d]{0,4}?" + _N + r"(?:件|条|个|宗)"),
        re.compile(r"(?:收到|受理|接收|接到|新收)[^。；，,\d]{0,6}?" + _N + r"(?:件|条|个|宗)[^。；，,]{0,8}申请"),
    ),
    "requests_answered": (
        re.compile(r"申请[^。；]{0,20}?(?:答复|办结|办理完结)(?:申请)?数?(?:共)?" + _N + r"件"),
    ),
    "carried_over": (re.compile(r"上一?年度?结转(?:的|申请)*" + _N + r"件"),),
    "carried_forward": (
        re.compile(_N + r"件[^。；，,\d]{0,4}?(?:顺延|结转|转入)(?:到|至)?下一?年度"),
        re.compile(r"结转下一?年度(?:继续办理)?(?:的|申请)*" + _N + r"件"),
    ),
    "granted_or_partial": (re.compile(r"予以公开(?:及|和|或)部分公开[^。；，,\d]{0,6}?" + _N + r"件"),),
    "denied_total": (re.compile(r"(?<!予以公开、)不予公开(?:的|申请)*" + _N + r"件"),),
    "unable_total": (re.compile(r"无法提供(?:的|申请)*" + _N + r"件"),),
    "not_processed_total": (re.compile(r"不予处理(?:的|申请)*" + _N + r"件"),),
    "review_total": (re.compile(r"行政复议(?:案件|申请)?(?:共)?" + _N + r"件"),),
    "processing_fee_yuan": (re.compile(r"信息处理费[^。；\d]{0,12}?(\d[\d,]*(?:\.\d+)?)元"),),
    "litigation_total": (re.compile(r"行政诉讼(?:案件)?(?:共)?" + _N + r"件"),),
}


# statements without a figure, kept as 1 when the prose makes them
FLAGS: dict[str, re.Pattern[str]] = {
    "all_finished": re.compile(r"(?:均已|全部|均)(?:按时|按期|依法)?(?:办结|答复完毕|办理完毕)"),
    "all_upheld": re.compile(r"均(?:获|被|予以)?维持"),
}


def extract_narrative(prose: str) -> dict[str, Number]:
    """First stated figure per key; `prose` is the report text outside the tables, line breaks removed."""
    flat = re.sub(r"\s+", "", prose)
    out: dict[str, Number] = {}
    for key, pats in PATTERNS.items():
        for pat in pats:
            m = pat.search(flat)
            if m:
                raw = m.group(1).replace(",", "")
                out[key] = float(raw) if "." in raw else int(raw)
                break
    for key, pat in FLAGS.items():
        if pat.search(flat):
            out[key] = 1
    return out
