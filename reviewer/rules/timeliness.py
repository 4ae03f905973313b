"""Timeliness: a report published after the deadline of 《政府信息公开条例》第五十条.

Every administrative agency publishes its report for a year by 31 January of the next year; the information
disclosure office of a people's government at county level or above publishes that government's own report by
31 March. The publication date comes from the source (`source["published"]`, read from the page).
"""

from __future__ import annotations

import re
from datetime import date

from reviewer.model import Finding, Record

# A people's government at county level or above: 省/自治区/直辖市/市/州/盟/县/区/旗 …人民政府 (not 乡/镇/街道).
_GOVERNMENT = re.compile(r"(省|自治区|市|州|盟|县|区|旗)人民政府$")
DEPARTMENT_DEADLINE = (1, 31)
GOVERNMENT_DEADLINE = (3, 31)


def is_government_report(agency: str | None) -> bool:
    return bool(agency and _GOVERNMENT.search(agency.strip()))


def deadline_for(agency: str | None, year: int) -> date:
    month, day = GOVERNMENT_DEADLINE if is_government_report(agency) else DEPARTMENT_DEADLINE
    return date(year + 1, month, day)


def timeliness_findings(record: Record) -> list[Finding]:
    published = record.source.get("published")
    if not published or record.year is None:
        return []
    try:
        when = date.fromisoformat(str(published))
    except ValueError:
        return []
    deadline = deadline_for(record.agency, record.year)
    if when <= deadline:
        return []
    kind = "本级人民政府" if is_government_report(record.agency) else "行政机关"
    return [Finding(
        rule="TIMELY", severity="warning", cells=[], name="published late",
        message=f"报告发布于 {when.isoformat()}，晚于《条例》第五十条规定的{kind}年度报告公布期限 "
                f"{deadline.year}年{deadline.month}月{deadline.day}日（晚 {(when - deadline).days} 天）",
        message_id="published_late",
        params={"published": when.isoformat(), "deadline": deadline.isoformat(), "days": (when - deadline).days,
                "government": is_government_report(record.agency)})]
