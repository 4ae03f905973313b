"""Text that is mostly one encoding is read in it: stray bytes replaced with a note naming their lines, a NUL
byte is no proof of a binary file, a line saved in GBK inside a UTF-8 file is recovered."""

from __future__ import annotations

import random

import pytest

from reviewer.api import parse_bytes
from reviewer.errors import ReadError
from reviewer.reading import read_bytes

from .fixtures.reports import CLEAN, sample_text

TEXT = sample_text(CLEAN)


def _lines_containing(text: str, *needles: str) -> list[int]:
    lines = text.split("\n")
    return [next(i for i, line in enumerate(lines, 1) if needle in line) for needle in needles]


@pytest.mark.parametrize("trial", range(20))
def test_utf8_with_stray_bad_bytes_is_read_and_the_lines_named(trial: int) -> None:
    data = bytearray(TEXT.encode("utf-8"))
    rng = random.Random(trial)
    places = sorted(rng.sample([i for i, byte in enumerate(data) if byte == ord("。")  # never inside a table
                                or byte == 0xE3], 4))
    for at in places:
        data[at] = 0xFF
    doc = read_bytes(bytes(data), "report.txt")
    assert doc.encoding == "utf-8"
    lines = sorted({bytes(data[:at]).count(b"\n") + 1 for at in places})
    (note,) = doc.notes
    assert "替换" in note and f"第 {'、'.join(map(str, lines))} 行" in note
    assert doc.text.count("\ufffd") >= 4 and "临清市行政审批服务局" in doc.text


def test_a_nul_byte_is_not_a_binary_file() -> None:
    data = TEXT.encode("utf-8")
    at = data.index("行政许可".encode())
    damaged = data[:at] + b"\x00" + data[at:]
    assert parse_bytes(damaged, "report.txt").get("table2:licensing:decisions") == 19536
    (note,) = read_bytes(damaged, "report.txt").notes
    line = data[:at].count(b"\n") + 1
    assert f"第 {line} 行有空字符" in note


@pytest.mark.parametrize("trial", range(20))
def test_a_gbk_line_in_a_utf8_file_is_recovered(trial: int) -> None:
    lines = TEXT.split("\n")
    rng = random.Random(trial)
    chinese = [i for i, line in enumerate(lines) if not line.isascii()]
    k = rng.choice(chinese)
    data = b"\n".join(line.encode("gbk") if i == k else line.encode("utf-8") for i, line in enumerate(lines))
    doc = read_bytes(data, "report.txt")
    assert doc.text == TEXT.replace("\r", "")
    assert doc.encoding == "utf-8" and f"第 {k + 1} 行不是 UTF-8" in doc.notes[0]


@pytest.mark.parametrize("seed", range(5))
def test_random_bytes_are_still_binary(seed: int) -> None:
    with pytest.raises(ReadError, match="二进制"):
        read_bytes(random.Random(seed).randbytes(8192), "junk.txt")
