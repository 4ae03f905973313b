"""The figures the prose states (收到申请N件, 予以公开N件, 行政复议N件 …), for the prose checks."""

from __future__ import annotations

import re

from reviewer.model import Number
from reviewer.parsing.cn_numerals import PATTERN as CN_NUMERAL
from reviewer.parsing.cn_numerals import cn_to_int

_N = rf"(\d[\d,]*|{CN_NUMERAL})"  # digits, or a Chinese numeral (收到申请三件, 二十一件)
_UNIT = r"(?:件|条|个|宗|起)"
# words that turn a nearby figure into another subject's: a change on last year, a review or lawsuit, a petition
_OFF = "同比|较上年|比上年|较去年|增加|减少|增长|下降|复议|诉讼|信访|举报"


_OFF_RE = re.compile(_OFF)


def _gap(n: int) -> str:
    """Up to n characters inside one clause: no figure, no clause break (the _OFF words are checked on the
    match: a per-character look-ahead would cost more than the rest of the prose search)."""
    return rf"[^。；;，,\d]{{0,{n}}}?"


_CHANGE = r"(?P<chg>(?:同比|较上年|比上年|较去年)[^。；;，,]{0,12}[，,])?"  # "同比增加5件，" before the figure
_CHECKED = frozenset({"proactive_items", "requests_received", "requests_answered", "carried_over", "carried_forward"})

PATTERNS: dict[str, tuple[re.Pattern[str], ...]] = {
    "proactive_items": (  # 主动公开 first: "发布信息N条" is often one channel's count
        re.compile(r"主动公开" + _gap(20) + r"信息" + _gap(8) + _N + r"余?条"),
        re.compile(r"(?:发布|公开)" + _gap(20) + r"信息" + _gap(8) + _N + r"余?条"),
    ),
    "requests_received": (
        re.compile(r"(?:收到|受理|接收|接到|新收)" + _gap(20) + r"申请" + _CHANGE + _gap(6) + _N + _UNIT),
        re.compile(r"(?:收到|受理|接收|接到|新收)" + _gap(6) + _N + _UNIT + _gap(8) + r"申请"),
    ),
    "requests_answered": (
        re.compile(r"申请[^。；]{0,20}?(?:答复|办结|办理完结)(?:申请)?数?(?:共)?" + _N + r"件"),
        re.compile(r"(?:答复|办结|办理完结)" + _gap(12) + r"申请" + _gap(4) + _N + r"件"),
        re.compile(r"(?:办结|办理完结)(?:申请)?(?:共)?" + _N + r"件"),  # "已办结54件" in a sentence of its own
    ),
    "carried_over": (re.compile(r"上一?年度?结转" + _gap(12) + _N + r"件"),),
    "carried_forward": (
        re.compile(_N + r"件" + _gap(4) + r"(?:顺延|结转|转入)(?:到|至)?下一?年度"),
        re.compile(r"结转(?:到|至)?下一?年度" + _gap(10) + _N + r"件"),
    ),
    "granted_or_partial": (re.compile(r"予以公开(?:及|和|或)部分公开[^。；，,\d]{0,6}?" + _N + r"件"),),
    "denied_total": (re.compile(r"(?<!予以公开、)不予公开(?:的|申请)*" + _N + r"件"),),
    "unable_total": (re.compile(r"无法提供(?:的|申请)*" + _N + r"件"),),
    "not_processed_total": (re.compile(r"不予处理(?:的|申请)*" + _N + r"件"),),
    # not "行政复议和行政诉讼案件共N件" (a combined count) nor "行政复议结果维持N件" (one outcome)
    "review_total": (re.compile(r"行政复议(?:案件|申请)?(?:共计|共)?" + _N + _UNIT),),
    "processing_fee_yuan": (re.compile(r"信息处理费[^。；\d]{0,12}?(\d[\d,]*(?:\.\d+)?)元"),),
    "litigation_total": (re.compile(r"(?<!复议[和与及、])行政诉讼(?:案件)?(?:共计|共)?" + _N + _UNIT),),
}


# a key's patterns are tried only when the prose holds one of these words (most reports lack most subjects)
NEEDS: dict[str, tuple[str, ...]] = {
    "requests_answered": ("答复", "办结", "办理完结"),
    "carried_over": ("结转",),
    "carried_forward": ("下年度", "下一年度"),
    "granted_or_partial": ("部分公开",),
    "denied_total": ("不予公开",),
    "unable_total": ("无法提供",),
    "not_processed_total": ("不予处理",),
    "review_total": ("行政复议",),
    "processing_fee_yuan": ("信息处理费",),
    "litigation_total": ("行政诉讼",),
}

# table 2's documents: 制发规范性文件12件 (made or issued), 新增公开规章1件 (newly published), 废止 …, 现行有效 …
_MADE = r"(?:制发|制定|出台|印发|新制作|新制定)"
_PUBLISHED = r"(?:新增公开|新公开)"
_NORMATIVE = r"(?<![章和与及、])(?:行政)?规范性文件"
_REGULATION = r"规章(?!制度|[和与及、])"


def _doc(verb: str, noun: str) -> re.Pattern[str]:
    """verb … noun … N件, inside one clause, the noun not one of a pair (规章和规范性文件共N件)."""
    return re.compile(verb + r"[^。；;，,\d规]{0,10}?" + noun + r"[^。；;，,\d、和与及]{0,3}?" + _N + r"件")


PATTERNS.update({
    "regulations_made": (_doc(_MADE, _REGULATION),),
    "regulations_published": (_doc(_PUBLISHED, _REGULATION),),
    "normative_made": (_doc(_MADE, _NORMATIVE),),
    "normative_published": (_doc(_PUBLISHED, _NORMATIVE),),
    "normative_repealed": (_doc("废止", _NORMATIVE),),
    "normative_in_force": (re.compile(r"现行有效(?:的)?" + _NORMATIVE + r"(?:共|共计)?" + _N + r"件"),),
    "litigation_direct_total": (re.compile(r"未经复议直接(?:提起)?(?:行政)?(?:起诉|诉讼)(?:案件)?数?(?:为|共)?" + _N + _UNIT),),
    "litigation_after_review_total": (
        re.compile(r"复议后(?:提起)?(?:行政)?(?:起诉|诉讼)(?:案件)?数?(?:为|共)?" + _N + _UNIT),),
})
NEEDS.update({"regulations_made": ("规章",), "regulations_published": ("规章",), "normative_made": ("规范性文件",),
              "normative_published": ("规范性文件",), "normative_repealed": ("废止",),
              "normative_in_force": ("现行有效",), "litigation_direct_total": ("直接",),
              "litigation_after_review_total": ("复议后",)})

# table 4's outcomes: "行政复议5件，其中结果维持3件，结果纠正1件 …" — each of the subject the sentence names last
_OUTCOME = re.compile(r"(结果维持|结果纠正|其他结果|尚未审结)(?:数|的|案件)*(?:为|共|共计)?" + _N + _UNIT)
_OUTCOME_KEYS = {"结果维持": "upheld", "结果纠正": "corrected", "其他结果": "other", "尚未审结": "pending"}


def _last_subject(text: str) -> tuple[str, int] | None:
    """The last 行政复议 / 行政诉讼 the text names, and where."""
    at = max((text.rfind(w), w) for w in ("行政复议", "行政诉讼"))
    return (at[1], at[0]) if at[0] >= 0 else None


def _outcomes(flat: str) -> dict[str, Number]:
    """review_upheld … litigation_pending: the outcome figures a sentence states of 行政复议 or 行政诉讼.

    The subject is the last one the sentence names before the figure (or, for a sentence opening with 其中,
    the last one of the sentence before); a figure after both named together (行政复议和行政诉讼结果维持N件), or
    in a clause of a change on last year, is nobody's."""
    out: dict[str, Number] = {}
    for m in _OUTCOME.finditer(flat):
        start = max(flat.rfind(c, 0, m.start()) for c in "。；;") + 1
        last = _last_subject(flat[start:m.start()])
        if last is not None:
            subject, at = last
            if re.search(r"(?:行政复议|行政诉讼)[和与及、]$", flat[max(start, start + at - 5): start + at]):
                continue  # both subjects together
        elif flat.startswith("其中", start) and start > 0:
            before = max(flat.rfind(c, 0, start - 1) for c in "。；;") + 1
            prev = _last_subject(flat[before:start - 1])
            if prev is None:
                continue
            subject = prev[0]
        else:
            continue
        clause = flat[max(start, flat.rfind("，", 0, m.start()) + 1): m.end()]
        if re.search(r"同比|较上年|比上年|较去年|增加|减少", clause):
            continue
        key = ("review_" if subject == "行政复议" else "litigation_") + _OUTCOME_KEYS[m.group(1)]
        value = _figure(m)
        if value is not None and key not in out:
            out[key] = value
    return out


# statements without a figure, kept as 1 when the prose makes them
FLAGS: dict[str, re.Pattern[str]] = {
    "all_finished": re.compile(r"(?:均已|全部|均)(?:按时|按期|依法)?(?:办结|答复完毕|办理完毕)"),
    "all_upheld": re.compile(r"均(?:获|被|予以)?维持"),
}


def _own_subject(m: re.Match[str]) -> bool:
    """The match does not run through words of another subject (a change on last year, a review …)."""
    text = m.group(0)
    if "chg" in m.re.groupindex and m.group("chg"):
        text = text.replace(m.group("chg"), "", 1)
    return not _OFF_RE.search(text)


def _figure(m: re.Match[str]) -> Number | None:
    """The match's figure (each pattern's last group), or None when it is not a well-formed number."""
    raw = m.group(m.re.groups).replace(",", "")
    if raw[0].isdigit():
        return float(raw) if "." in raw else int(raw)
    return cn_to_int(raw)


def extract_narrative(prose: str) -> dict[str, Number]:
    """First stated figure per key; `prose` is the report text outside the tables, line breaks removed."""
    flat = re.sub(r"\s+", "", prose)
    out: dict[str, Number] = {}
    for key, pats in PATTERNS.items():
        needs = NEEDS.get(key)
        if needs and not any(w in flat for w in needs):
            continue
        for pat in pats:
            found = next((v for m in pat.finditer(flat) if key not in _CHECKED or _own_subject(m)
                          if (v := _figure(m)) is not None), None)
            if found is not None:
                out[key] = found
                break
    if "结果" in flat or "尚未审结" in flat:
        for key, value in _outcomes(flat).items():
            out.setdefault(key, value)
    for key, pat in FLAGS.items():
        if pat.search(flat):
            out[key] = 1
    return out
