"""Plain-text and Markdown reports: decode the bytes, then let `layout` cut the text into rows of cells.

Also home of the two helpers the other readers share: `decode_bytes` (the charset detection, used by the
HTML reader too) and `TextBuilder` (writes lines and table rows while recording every cell's span, used by
the HTML and Word readers).
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable

import charset_normalizer

from reviewer.errors import ReadError
from reviewer.model import Cell, Document
from reviewer.reading.budget import meter

# Byte-order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
)

# Magic numbers of binary files that can slip through the NUL test (they are short or NUL-free at the start).
_BINARY_MAGIC: tuple[bytes, ...] = (
    b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"BM", b"\x1f\x8b", b"Rar!", b"7z\xbc\xaf", b"MZ", b"\x7fELF",
    b"II*\x00", b"MM\x00*", b"{\\rtf",
)

# Chinese encodings that charset-normalizer may name; GB18030 decodes all of them (it is their superset, and
# pages labelled gb2312 routinely use GBK characters).
_GB_FAMILY = {"gb2312", "gbk", "gb18030", "cp936", "euc_cn", "euc-cn", "hz", "x-gbk", "ms936"}

# What charset-normalizer may choose from once UTF-8 and the byte-order marks have failed. Reports are Chinese;
# left free it names exotic code pages (cp1006, cp949 …) for short or damaged files. UTF-16 without a BOM is
# caught earlier by its NUL bytes (every report has ASCII digits and newlines).
_CANDIDATES = ["gb18030", "big5"]

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x0c]")

BINARY_MESSAGE = "这是二进制文件，不是文本报告"


def _binary(name: str) -> ReadError:
    return ReadError(f"{name}: {BINARY_MESSAGE}")


def _canonical(encoding: str) -> str:
    """A codec name as Python knows it, lower case with dashes (`utf_16_le` -> `utf-16-le`)."""
    try:
        return codecs.lookup(encoding).name.replace("_", "-")
    except LookupError:
        return encoding.lower().replace("_", "-")


def _decode_with_note(data: bytes, codec: str, label: str, name: str) -> tuple[str, str, list[str]]:
    """Decode leniently: undecodable bytes become U+FFFD and the document gets a note saying how many."""
    text = data.decode(codec, errors="replace")
    bad = text.count("\ufffd") - data.decode(codec, errors="ignore").count("\ufffd")
    notes = [f"{name}: {bad} 处无法按 {label} 解码的字节已替换为 �"] if bad else []
    return text, label, notes


def _looks_like_utf16(data: bytes) -> str | None:
    """`utf-16-le`/`utf-16-be` when NUL bytes sit on one parity (ASCII in UTF-16 without a BOM), else None."""
    sample = data[:65536]
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    if even + odd == 0:
        return None
    if odd >= 0.9 * (even + odd):
        candidate = "utf-16-le"
    elif even >= 0.9 * (even + odd):
        candidate = "utf-16-be"
    else:
        return None
    try:
        text = data[: len(data) - len(data) % 2].decode(candidate)
    except UnicodeDecodeError:
        return None
    return None if _mostly_control(text) else candidate


_PRIVATE = re.compile("[\ue000-\uf8ff\ud800-\udfff\U000f0000-\U0010ffff]")  # private use and surrogates


def _mostly_control(text: str) -> bool:
    """True for text that is binary in disguise: many control or unassigned characters."""
    if not text:
        return False
    sample = text[:20000]
    bad = len(_CONTROL.findall(sample)) + len(_PRIVATE.findall(sample))
    return bad > max(4, len(sample) // 50)


def decode_bytes(data: bytes, name: str, declared: str | None = None) -> tuple[str, str, list[str]]:
    """Decode a text file: returns (text with `\\n` newlines, encoding name, notes).

    Order: a byte-order mark; NUL bytes (UTF-16 without a mark; many NULs: binary -> `ReadError`; a few are
    dropped with a note naming their lines); strict UTF-8 (the common case, and GBK text practically never
    passes it); the `declared` charset (an HTML meta tag) if it decodes cleanly; mostly UTF-8, line by line
    (a GBK line recovered, bad bytes replaced, notes naming the lines); charset-normalizer; GB18030 last.
    Undecodable bytes never raise: they are replaced and a note says so.
    """
    notes: list[str] = []
    text: str | None = None
    encoding = ""
    for bom, label, codec in _BOMS:
        if data.startswith(bom):  # the codec named after the mark strips it
            encoding = "utf-8-sig" if label == "utf-8" else label
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                text, encoding, notes = _decode_with_note(data, codec, encoding, name)
            break
    nul_lines: list[int] = []
    if text is None and b"\x00" in data:
        utf16 = _looks_like_utf16(data)
        if utf16 is not None:
            text, encoding, notes = _decode_with_note(data, utf16, utf16, name)
        elif data.count(0) > max(8, len(data) // 100):
            raise _binary(name)
        else:  # a few NUL bytes in a text (a copy gone wrong): not a binary file; they are dropped
            nul_lines = _lines_with(data, lambda line: b"\x00" in line)
            data = data.replace(b"\x00", b"")
    if text is None and data.startswith(_BINARY_MAGIC):
        raise _binary(name)
    if text is None:
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            text = None
    if text is None and declared:
        codec = "gb18030" if _canonical(declared) in _GB_FAMILY else declared
        try:
            text, encoding = data.decode(codec), _canonical(codec)
        except (UnicodeDecodeError, LookupError):
            text = None
    if text is None:
        mixed = _utf8_by_lines(data, name)
        if mixed is not None:
            text, notes = mixed
            encoding = "utf-8"
    if text is None:
        best = charset_normalizer.from_bytes(data, cp_isolation=_CANDIDATES).best()
        if best is not None:
            found = _canonical(best.encoding)
            codec = "gb18030" if found in _GB_FAMILY else found
            try:
                text, encoding = data.decode(codec), _canonical(codec)
            except (UnicodeDecodeError, LookupError):
                text = None
    if text is None:
        text, encoding, notes = _decode_with_note(data, "gb18030", "gb18030", name)
    if text.startswith("\ufeff"):
        text = text[1:]
    if _mostly_control(text):
        raise _binary(name)
    if nul_lines:
        notes.append(f"{name}: 第 {_listed(nul_lines)} 行有空字符（NUL），已删除")
    return _NEWLINES.sub("\n", text), encoding, notes


def _listed(numbers: list[int]) -> str:
    return "、".join(map(str, numbers[:10])) + ("…" if len(numbers) > 10 else "")


def _lines_with(data: bytes, test: Callable[[bytes], bool]) -> list[int]:
    """1-based numbers of the lines of `data` for which `test` holds."""
    return [i for i, line in enumerate(data.split(b"\n"), start=1) if test(line)]


def _utf8_line(line: bytes) -> bool:
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _utf8_by_lines(data: bytes, name: str) -> tuple[str, list[str]] | None:
    """A text that is mostly UTF-8, line by line: a line that is not UTF-8 but is clean GB18030 (a line pasted
    from a GBK file) is read as GB18030; other bad bytes are replaced. None when UTF-8 is not the text's
    encoding (most lines holding non-ASCII bytes are not UTF-8)."""
    lines = data.split(b"\n")
    wide = [line for line in lines if not line.isascii()]
    bad = [i for i, line in enumerate(lines) if not line.isascii() and not _utf8_line(line)]
    if not wide or len(bad) * 2 >= len(wide):
        return None
    out: list[str] = []
    recovered: list[int] = []
    replaced: list[int] = []
    count = 0
    bad_set = set(bad)
    for i, line in enumerate(lines):
        if i not in bad_set:
            out.append(line.decode("utf-8"))
            continue
        try:
            other = line.decode("gb18030")
        except UnicodeDecodeError:
            other = None
        if other is not None and not _mostly_control(other) and not _PRIVATE.search(other):
            out.append(other)
            recovered.append(i + 1)
        else:
            text = line.decode("utf-8", errors="replace")
            count += text.count("\ufffd") - line.decode("utf-8", errors="ignore").count("\ufffd")
            out.append(text)
            replaced.append(i + 1)
    notes = []
    if recovered:
        notes.append(f"{name}: 第 {_listed(recovered)} 行不是 UTF-8 编码，已按 GB18030 读出")
    if replaced:
        notes.append(f"{name}: 第 {_listed(replaced)} 行有 {count} 处无法按 utf-8 解码的字节，已替换为 �")
    return "\n".join(out), notes


def read_text(data: bytes, name: str, markdown: bool = False) -> Document:
    """Read a .txt or .md report: decode it and cut it into rows with `layout.text_to_rows`."""
    from reviewer.reading.layout import text_to_rows  # written alongside; imported late on purpose

    m = meter()
    m.size("文字", len(data), m.budget.max_text)
    text, encoding, notes = decode_bytes(data, name)
    return Document(text=text, rows=text_to_rows(text), source_format="md" if markdown else "txt",
                    encoding=encoding, notes=notes)


class TextBuilder:
    """Writes the reviewer-visible text line by line and keeps every cell's exact span in it.

    A prose line becomes a row of one cell; a table row becomes one line, its cells joined by a tab.
    """

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._pos = 0
        self._blank = True  # the text is at a line start after a blank line (or at the very start)
        self.rows: list[list[Cell]] = []

    def _write(self, s: str) -> None:
        self._parts.append(s)
        self._pos += len(s)

    def line(self, text: str) -> None:
        """Add one prose line (already collapsed). Empty lines are not written."""
        if not text:
            return
        self.rows.append([Cell(text, self._pos, self._pos + len(text))])
        self._write(text + "\n")
        self._blank = False

    def row(self, cells: list[str]) -> None:
        """Add one table row; cells must not contain tabs or newlines (collapse them first)."""
        out: list[Cell] = []
        for i, text in enumerate(cells):
            if i:
                self._write("\t")
            out.append(Cell(text, self._pos, self._pos + len(text)))
            self._write(text)
        self._write("\n")
        self.rows.append(out)
        self._blank = False

    def blank(self) -> None:
        """Separate blocks (tables) by one empty line, never two."""
        if not self._blank:
            self._write("\n")
            self._blank = True

    def build(self, source_format: str, encoding: str | None = None, notes: list[str] | None = None) -> Document:
        text = "".join(self._parts).rstrip("\n")
        return Document(text=text, rows=self.rows, source_format=source_format, encoding=encoding,
                        notes=list(notes or []))
