"""The publication date read from a page's header, and 《条例》第五十条's deadlines."""

from __future__ import annotations

import pytest

from reviewer.model import Record
from reviewer.parsing.published import published_date
from reviewer.rules.timeliness import deadline_for, timeliness_findings


@pytest.mark.parametrize(("text", "expected"), [
    ("标题:某局2023年报\n发布时间:2024-01-20 10:22\n发布机构:某局", "2024-01-20"),
    ("首页 > 政务公开\n发布日期：2024年3月5日 来源：办公室", "2024-03-05"),
    ("发布时间： 2024/02/30 发布日期：2024/02/28", "2024-02-28"),  # an impossible date is passed over
    ("某局2023年政府信息公开工作年度报告\n统计期限自2023年1月1日起至2023年12月31日止", None),
])
def test_published_date(text: str, expected: str | None) -> None:
    assert published_date(text) == expected


def test_a_date_deep_in_the_report_is_not_its_publication() -> None:
    assert published_date("正文" * 3000 + "发布时间：2024-05-01") is None


@pytest.mark.parametrize(("agency", "deadline"), [
    ("淮安市人民政府", "2025-03-31"), ("高青县人民政府", "2025-03-31"), ("江苏省人民政府", "2025-03-31"),
    ("淮安市人民政府办公室", "2025-01-31"), ("高青县行政审批服务局", "2025-01-31"),
    ("某某镇人民政府", "2025-01-31"), (None, "2025-01-31"),
])
def test_deadline_by_kind_of_agency(agency: str | None, deadline: str) -> None:
    assert deadline_for(agency, 2024).isoformat() == deadline


def test_late_and_on_time() -> None:
    on_time = Record(source={"published": "2025-01-31"}, agency="高青县行政审批服务局", year=2024)
    late = Record(source={"published": "2025-02-01"}, agency="高青县行政审批服务局", year=2024)
    unknown = Record(source={}, agency="高青县行政审批服务局", year=2024)
    assert timeliness_findings(on_time) == [] and timeliness_findings(unknown) == []
    (finding,) = timeliness_findings(late)
    assert finding.rule == "TIMELY" and finding.params["days"] == 1
