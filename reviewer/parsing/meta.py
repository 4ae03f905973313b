"""Agency, year and region from the title, checked against the 统计期限 line."""

from __future__ import annotations

import re
from dataclasses import dataclass

from reviewer.values import clean

_TITLE_A = re.compile(r"^(?P<agency>.+?)(?:关于)?(?P<year>(?:19|20)\d\d)\s*年度?(?:政府信息公开|政务公开)")
_TITLE_B = re.compile(r"^(?P<year>(?:19|20)\d\d)\s*年度?(?P<agency>.+?)(?:政府信息公开|政务公开)")
_PERIOD = re.compile(r"统计期限[^。]{0,24}?((?:19|20)\d\d)\s*年\s*0?1\s*月\s*0?1\s*日")
_PERIOD2 = re.compile(r"((?:19|20)\d\d)\s*年\s*0?1\s*月\s*0?1\s*日\s*(?:起|始)?\s*[，,]?\s*(?:至|到)\s*\1\s*年\s*12\s*月\s*31\s*日")
_AGENCY_TAIL = re.compile(r"(局|委员会|委|政府|办公室|办|院|厅|部|中心|署|所|镇|乡|街道|街道办事处|管委会|管理委员会|公司|站|队|处)$")
_REGION = re.compile(r"^((?:[^省市县区旗盟州]{1,7}?(?:省|自治区|市|自治州|地区|盟|县|区|旗)){1,3})")


@dataclass(slots=True)
class Meta:
    agency: str | None
    year: int | None
    period_year: int | None
    region: str | None


def _title_lines(text: str) -> list[str]:
    out: list[str] = []
    for line in text.split("\n"):
        t = clean(line).replace(" ", "").replace("\u3000", "").lstrip("#").strip()
        if not t:
            continue
        if t.startswith("一、") or len(out) >= 6:
            break
        if len(t) > 48 or "。" in t:
            if out:
                break
            continue
        out.append(t)
        if "报告" in t:
            break
    return out


def extract_meta(text: str) -> Meta:
    lines = _title_lines(text)
    joined = "".join(lines)
    agency: str | None = None
    year: int | None = None
    for pat in (_TITLE_A, _TITLE_B):
        m = pat.search(joined)
        if m:
            agency = m.group("agency").strip("：:，,、 ") or None
            year = int(m.group("year"))
            break
    if agency and not _AGENCY_TAIL.search(agency):
        cand = next((ln for ln in lines if _AGENCY_TAIL.search(ln) and "报告" not in ln), None)
        if cand:
            agency = cand
    if agency is None:
        agency = next((ln for ln in lines if _AGENCY_TAIL.search(ln) and "报告" not in ln), None)
    flat = clean(text).replace("\n", "")
    pm = _PERIOD.search(flat) or _PERIOD2.search(flat)
    period_year = int(pm.group(1)) if pm else None
    if year is None:
        year = period_year
    region = None
    if agency:
        rm = _REGION.match(agency)
        region = rm.group(1) if rm else None
    return Meta(agency, year, period_year, region)
