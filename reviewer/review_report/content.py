"""A document as plain blocks: a title, numbered headings, paragraphs of runs (a run may be marked), tables.

Renderers (`docx`, `html`) walk these; nothing here knows a file format.
"""

from __future__ import annotations

from dataclasses import dataclass, field

CN_NUMERALS = "一二三四五六七八九十"


def cn_number(n: int) -> str:
    """1 -> 一, 10 -> 十, 12 -> 十二, 23 -> 二十三 (headings run to a few dozen at most)."""
    if n <= 0:
        return str(n)
    if n <= 10:
        return CN_NUMERALS[n - 1]
    tens, ones = divmod(n, 10)
    head = "" if tens == 1 else CN_NUMERALS[tens - 1]
    return head + "十" + (CN_NUMERALS[ones - 1] if ones else "")


@dataclass(frozen=True, slots=True)
class Run:
    text: str
    bold: bool = False
    mark: bool = False  # the value a problem is about, marked in its source excerpt


@dataclass(slots=True)
class Paragraph:
    runs: list[Run]
    style: str = "body"  # body | note | excerpt

    @classmethod
    def of(cls, text: str, style: str = "body", bold: bool = False) -> Paragraph:
        return cls([Run(text, bold=bold)], style)

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


@dataclass(slots=True)
class Heading:
    level: int  # 1: 一、  2: （一）  3: 1.
    text: str  # with its number


@dataclass(slots=True)
class Table:
    header: list[str]
    rows: list[list[str]]
    widths: list[float] | None = None  # relative column widths


Block = Paragraph | Heading | Table


@dataclass(slots=True)
class Document:
    title: str
    subtitle: str = ""
    blocks: list[Block] = field(default_factory=list)
    footer: str = ""

    def heading(self, level: int, text: str) -> None:
        self.blocks.append(Heading(level, text))

    def para(self, text: str, style: str = "body", bold: bool = False) -> None:
        self.blocks.append(Paragraph.of(text, style, bold))

    def text(self) -> str:
        """The whole document as plain text (tests, and a reader's search)."""
        out = [self.title, self.subtitle]
        for b in self.blocks:
            if isinstance(b, Table):
                out.append("\t".join(b.header))
                out.extend("\t".join(r) for r in b.rows)
            else:
                out.append(b.text)
        out.append(self.footer)
        return "\n".join(x for x in out if x)


# The fonts of a Chinese official document (GB/T 9704): title 小标宋, level-1 headings 黑体, level-2 楷体, body 仿宋.
# Each role lists families by preference; a renderer that can see the installed fonts takes the first one there.
FONTS: dict[str, tuple[str, ...]] = {
    "title": ("方正小标宋简体", "华文中宋", "宋体", "SimSun", "Noto Serif CJK SC", "Noto Sans CJK SC"),
    "heading": ("黑体", "SimHei", "Noto Sans CJK SC", "WenQuanYi Zen Hei"),
    "subheading": ("楷体_GB2312", "楷体", "KaiTi", "STKaiti", "AR PL UKai CN", "Noto Serif CJK SC", "Noto Sans CJK SC"),
    "body": ("仿宋_GB2312", "仿宋", "FangSong", "STFangsong", "Noto Serif CJK SC", "Noto Sans CJK SC"),
}


def choose_font(role: str, installed: set[str] | None) -> str:
    """The family a role is set in: its first choice that is installed, else the last fallback. With no list of
    installed fonts (a DOCX, read on another machine), the first choice: Word and WPS substitute one they have."""
    choices = FONTS[role]
    if installed is None:
        return choices[0]
    return next((f for f in choices if f in installed), choices[-1])
