"""Chinese by default, English selectable: every `tr()` string of the UI has an English translation."""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from ui import i18n

ROOT = Path(__file__).resolve().parents[2]


def test_every_ui_string_has_an_english_translation(tmp_path: Path) -> None:
    tool = i18n.qt_tool("lupdate")
    assert tool, "pyside6-lupdate ships with PySide6-Essentials"
    ts = tmp_path / "reviewer_en.ts"
    ts.write_bytes((i18n.translations_dir() / "reviewer_en.ts").read_bytes())
    sources = sorted(str(p) for p in (ROOT / "ui").glob("*.py"))
    subprocess.run([tool, "-silent", "-no-obsolete", "-locations", "none", "-source-language", "zh_CN",
                    "-target-language", "en", *sources, "-ts", str(ts)], check=True, capture_output=True)
    untranslated = [m.findtext("source") for m in ET.parse(ts).iter("message")
                    if m.find("translation").get("type") == "unfinished" or not m.findtext("translation")]
    assert untranslated == [], "run packaging/build_translations.py and translate these in reviewer_en.ts"


def test_english_is_selectable_and_chinese_is_the_default(qapp, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))  # a fresh clone builds the .qm on first use
    try:
        i18n.install(qapp, "en")
        assert i18n.tr("年报审核台") == "Report Reviewer"
        assert i18n.tr("下一个问题 (F8)") == "Next problem (F8)"
    finally:
        i18n.install(qapp, i18n.DEFAULT_LANGUAGE)
    assert i18n.tr("年报审核台") == "年报审核台"
    assert i18n.current_language() == "zh_CN"


# A year is a bare number in English: 2023 年 is "2023" (the charts' columns), nothing lost.
BARE_NUMBER_IN_ENGLISH = {"{year} 年"}


def _words(text: str) -> str:
    """The text without its placeholders ({n}, %1), digits, spaces and punctuation."""
    return re.sub(r"\{[^}]*\}|%\d+|[\d\s\W_]", "", text)


def test_no_english_text_is_placeholders_only_where_the_chinese_has_words() -> None:
    """「{n} 份」 once showed a bare number in English: every source with words says something in English too."""
    bare = [(m.findtext("source"), m.findtext("translation"))
            for m in ET.parse(i18n.translations_dir() / "reviewer_en.ts").iter("message")
            if _words(m.findtext("source") or "") and not _words(m.findtext("translation") or "")
            and m.findtext("source") not in BARE_NUMBER_IN_ENGLISH]
    assert bare == []
