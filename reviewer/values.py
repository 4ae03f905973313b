"""Reading a printed cell into a value: integers, decimals, full-width digits, units, signs, non-values."""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from reviewer.errors import ValidationError
from reviewer.model import Number

# Printed marks that mean "no value" (kept as printed text, value null).
NULL_MARKS = {"—", "——", "-", "--", "－", "/", "／", "无", "空", "—-", "-—", "–", "×", "\\", "N/A", "n/a"}
_BOOKMARK = re.compile(r"\[(?:bookmark|image):[^\]]*\]|<br\s*/?>|</?(?:b|strong|span|p|em|i)>|\*\*|\\(?=[|*_])")
# a space lost when a page was re-encoded (a no-break space turned "?" or "\ufffd") before a printed number
_LOST_SPACE = re.compile(r"^[?\ufffd](?=\s*[+\-−]?\d)")
_MALFORMED = re.compile(r"^[+\-−—–]*\d[\d,.]*[+\-−—–]*$")  # "--253", "1.2.3", "12-": a number gone wrong
# a number as OCR misreads it: digits mixed with letters of their shape (1O, l2, I3, 5S), or a lone O/l/I/〇 in a
# value's place, or letters alone holding both a 0's shape and a 1's (IO, lO, Ol; not "II", a roman numeral).
# Never "corrected" into a number: it is a malformed value, flagged until the reviewer enters it
_OCR_NUMBER = re.compile(r"^[+\-−]?(?=[^\d]*\d)(?=.*[OolI〇SBZ])[\dOolI〇SBZ][\dOolI〇SBZ,.]*$|^[OolI〇]$"
                         r"|^(?=.*[Oo〇])(?=.*[lI])[OolI〇]{2,6}$")
_VALUE = re.compile(
    r"^(?P<sign>[+\-−]?)\s*(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(?P<unit>万元|元|件|条|个|项|次|宗)?$"
)


# The largest magnitude the library holds (SQLite's 64-bit INTEGER); a float must also be finite.
MAX_MAGNITUDE = 2**63 - 1
OUT_OF_RANGE = "数值超出范围"


def in_range(value: Number) -> bool:
    """True for a value the store can hold: an integer within 64 bits, a finite decimal of that size."""
    if isinstance(value, float):
        return math.isfinite(value) and abs(value) <= MAX_MAGNITUDE
    return abs(value) <= MAX_MAGNITUDE


@dataclass(frozen=True, slots=True)
class Parsed:
    """A printed cell read: `kind` is number | null (a printed "—") | blank | bad (a malformed number, or one
    outside what the store can hold: `out_of_range`) | text."""

    value: Number | None
    kind: str
    unit: str | None = None
    signed: bool = False
    out_of_range: bool = False


def clean(text: str) -> str:
    """NFKC (full-width digits and punctuation to half-width), bookmark markers and spaces removed."""
    t = _LOST_SPACE.sub("", _BOOKMARK.sub("", text))
    t = unicodedata.normalize("NFKC", t)
    return t.replace("\u00a0", " ").strip()


@lru_cache(maxsize=16384)
def parse_printed(text: str) -> Parsed:
    t = clean(text).replace(" ", "")
    if not t:
        return Parsed(None, "blank")
    if t in NULL_MARKS:
        return Parsed(None, "null")
    m = _VALUE.match(t.replace("，", ","))
    if not m:
        return Parsed(None, "bad" if _MALFORMED.match(t) or _OCR_NUMBER.match(t) else "text")
    num = m.group("num").replace(",", "")
    value: Number = float(num) if "." in num else int(num)
    sign = m.group("sign")
    if sign in ("-", "−"):
        value = -value
    if not in_range(value):
        return Parsed(None, "bad", m.group("unit"), bool(sign), out_of_range=True)
    return Parsed(value, "number", m.group("unit"), bool(sign))


def to_wan_yuan(value: Number, unit: str | None) -> tuple[Number, bool]:
    """Money is kept in 万元: a value printed in 元 is converted (returns the value and whether it was)."""
    if unit == "元":
        v = round(value / 10000, 6)
        return (int(v) if float(v).is_integer() and isinstance(value, int) and value % 10000 == 0 else v), True
    return value, False


def parse_user_value(text: str) -> Number | None:
    """What a reviewer typed into a cell: a number, or empty for "no value". Anything else is refused."""
    t = clean(text).replace(" ", "")
    if t == "":
        return None
    p = parse_printed(t)
    if p.kind == "null":
        return None
    if p.out_of_range:
        raise ValidationError(f"“{text.strip()[:40]}” {OUT_OF_RANGE}（绝对值不能超过 {MAX_MAGNITUDE}）")
    if p.kind != "number" or p.value is None:
        raise ValidationError(f"“{text.strip()}” 不是数字；请输入数字，或清空表示无数值")
    if p.unit == "元":
        raise ValidationError("金额请以万元为单位输入")
    return p.value


def format_value(v: Number | None, blank: str = "", keep_point: bool = False) -> str:
    """A value as a reviewer reads it: integers plain, decimals without trailing zeros, a blank as `blank`.

    `keep_point` shows a whole decimal as "3.0", so an amount still reads as an amount.
    """
    if v is None:
        return blank
    if isinstance(v, float):
        if v.is_integer():
            return f"{v:.1f}" if keep_point else str(int(v))
        return f"{v:.6f}".rstrip("0").rstrip(".")
    return str(v)
