"""Printed cells to values: what a reviewer sees in real reports."""

from __future__ import annotations

import pytest

from reviewer.errors import ValidationError
from reviewer.values import parse_printed, parse_user_value, to_wan_yuan


@pytest.mark.parametrize(("printed", "value", "kind"), [
    ("0", 0, "number"), (" 0\u00a0", 0, "number"), ("１２３", 123, "number"), ("1,234", 1234, "number"),
    ("13.39", 13.39, "number"), ("347.08万元", 347.08, "number"), ("+3", 3, "number"), ("-8", -8, "number"),
    ("−8", -8, "number"), ("5件", 5, "number"), ("[bookmark: _GoBack]347.08万元", 347.08, "number"),
    ("", None, "blank"), ("—", None, "null"), ("/", None, "null"), ("无", None, "null"), ("-", None, "null"),
    ("予以公开", None, "text"), ("1.属于国家秘密", None, "text"),
])
def test_printed_values(printed: str, value: object, kind: str) -> None:
    p = parse_printed(printed)
    assert (p.value, p.kind) == (value, kind)
    assert type(p.value) is type(value)


def test_signs_are_kept_for_change_columns() -> None:
    assert parse_printed("+3").signed and parse_printed("-8").signed and not parse_printed("3").signed


def test_yuan_converted_to_wan_yuan() -> None:
    assert to_wan_yuan(251000, "元") == (25.1, True)
    assert to_wan_yuan(160.5964, "万元") == (160.5964, False)


def test_user_input() -> None:
    assert parse_user_value(" 12 ") == 12
    assert parse_user_value("") is None
    assert parse_user_value("3.5") == 3.5
    with pytest.raises(ValidationError, match="不是数字"):
        parse_user_value("abc")
    with pytest.raises(ValidationError):
        parse_user_value("12元")
