"""How a report names itself in its title: 政府信息公开工作年度报告, 政务信息公开年度报告, 政府信息公开年报 …"""

SUBJECT = r"(?:政府信息公开|政务信息公开|政务公开)"
REPORT = r"(?:报告|年报)"
