"""Chinese numerals as prose writes figures: 三, 二十一, 一百零五, 两千三百, 1万2千 is not one of them."""

from __future__ import annotations

import re

DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
          "八": 8, "九": 9}
UNITS = {"十": 10, "百": 100, "千": 1000}
CHARS = "".join(DIGITS) + "".join(UNITS) + "万"
PATTERN = f"[{CHARS}]+"
_VALID = re.compile(PATTERN)


def _below_wan(text: str) -> int | None:
    """A number under 10 000 written with 十/百/千 (or digit by digit with 〇: 一〇五)."""
    if not text:
        return 0
    if not any(u in text for u in UNITS):
        if len(text) == 1 or all(c in DIGITS for c in text) and len(text) <= 4:
            return int("".join(str(DIGITS[c]) for c in text)) if all(c in DIGITS for c in text) else None
        return None
    total, digit, last_unit = 0, None, 100000
    for c in text:
        if c in DIGITS:
            if digit is not None and DIGITS[c] != 0:
                return None  # two digits in a row: 二三十
            digit = DIGITS[c] if DIGITS[c] != 0 else None
        else:
            unit = UNITS[c]
            if unit >= last_unit:
                return None  # units out of order: 十百
            if digit is None:
                if c != "十" or total:  # only a leading 十 stands for 一十
                    return None
                digit = 1
            total += digit * unit
            digit, last_unit = None, unit
    return total + (digit or 0)


def cn_to_int(text: str) -> int | None:
    """The value of a Chinese numeral, or None when the text is not a well-formed one."""
    if not text or not _VALID.fullmatch(text):
        return None
    if text.count("万") > 1:
        return None
    if "万" in text:
        high, low = text.split("万")
        h = _below_wan(high)
        lo = _below_wan(low.lstrip("零〇"))
        if h is None or lo is None or h == 0:
            return None
        return h * 10000 + lo
    return _below_wan(text)
