"""Every finding message and every reading error of the core has an English text.

The message ids and the reading errors are found by walking the core's source (so a new one without English
fails here); findings of real reports and of doctored ones are rendered in English and must not fall back to
the core's Chinese."""

from __future__ import annotations

import ast
import importlib
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from reviewer import parse_bytes, refresh_findings
from reviewer.formats import load_formats
from reviewer.model import Finding, Record
from reviewer.store.types import Conflict
from tests.fixtures.reports import FAULTY, sample_text
from ui import i18n, messages, read_errors

ROOT = Path(__file__).resolve().parents[2]
CORE = ROOT / "reviewer"
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


@pytest.fixture
def english(qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    try:
        i18n.install(qapp, "en")
        yield
    finally:
        i18n.install(qapp, i18n.DEFAULT_LANGUAGE)


def _core_files() -> list[Path]:
    return sorted(CORE.rglob("*.py"))


def core_message_ids() -> set[str]:
    """Every `message_id="…"` the core gives a finding, and `relation_<id>` of every relation of a format."""
    ids = set()
    for path in _core_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.keyword) and node.arg == "message_id" and isinstance(node.value, ast.Constant):
                if node.value.value:
                    ids.add(str(node.value.value))
    for fmt in load_formats().values():
        ids.update(f"relation_{r['id']}" for r in fmt.relations)
    return ids


def _module_name(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts)


def core_read_errors() -> list[tuple[str, str]]:
    """(where, a sample message) for every `ReadError(...)` and `FetchError(...)` of the core: the f-string with each varying part
    replaced by an ASCII token, module constants resolved. A pure pass-through (`f"{name}: {exc}"`) is left out."""
    out = []
    for path in _core_files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        module = None
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("ReadError", "FetchError")
                    and node.args):
                continue
            arg = node.args[0]
            parts: list[str] = []
            literal = ""
            if isinstance(arg, ast.Constant):
                parts, literal = [str(arg.value)], str(arg.value)
            elif isinstance(arg, ast.JoinedStr):
                for i, v in enumerate(arg.values):
                    if isinstance(v, ast.Constant):
                        parts.append(str(v.value))
                        literal += str(v.value)
                    elif isinstance(v, ast.FormattedValue) and isinstance(v.value, ast.Name) and v.value.id.isupper():
                        module = module or importlib.import_module(_module_name(path))
                        const = str(getattr(module, v.value.id))
                        parts.append(const)
                        literal += const
                    else:
                        parts.append("report.txt" if i == 0 else f"x{i}")
            else:
                continue
            if literal.strip(": ") == "":
                continue
            out.append((f"{path.relative_to(ROOT)}:{node.lineno}", "".join(parts)))
    return out


def test_the_walk_finds_the_core_texts() -> None:
    ids = core_message_ids()
    assert {"relation_R3", "value_kind", "row_short", "reparse_conflict", "table_missing"} <= ids
    assert len(core_read_errors()) >= 25


def test_every_finding_message_id_has_an_english_template(english: None) -> None:
    texts = messages.templates()
    missing = []
    for mid in sorted(core_message_ids()):
        for key in messages.template_keys(mid):
            text = texts.get(key)
            if text is None:
                missing.append(f"{mid} → {key}: no template")
            elif len(re.findall(r"[A-Za-z]{3,}", text)) < 2:  # English words, not the Chinese source
                missing.append(f"{mid} → {key}: {text}")
    assert missing == []


def test_every_reading_error_has_an_english_text(english: None) -> None:
    untranslated = []
    for where, message in core_read_errors():
        english_text = read_errors.read_error_text(message)
        if read_errors.split_message(message) is None or CJK.search(english_text):
            untranslated.append(f"{where}: {message} → {english_text}")
    assert untranslated == []
    assert read_errors.read_error_text("年报.docx: 文件过大（250 MB，上限 200 MB）") == \
        "年报.docx: the file is too large (250 MB; the limit is 200 MB)"
    assert read_errors.read_error_text("a.txt: 无法读取（ValueError: bad: thing）") == \
        "a.txt: cannot be read (ValueError: bad: thing)"


def test_reading_errors_stay_as_written_in_chinese(qapp) -> None:
    message = "年报.pdf: PDF 中没有文字层（可能是扫描件），本程序不做文字识别"
    assert read_errors.read_error_text(message) == message


# -- findings of real and doctored reports, rendered --------------------------------------------------------

def _doctored() -> list[tuple[Record, list[Finding]]]:
    """Reports whose findings cover the message ids: the samples, and one changed to break each kind of rule."""
    out = []
    base = parse_bytes(sample_text(FAULTY).encode("utf-8"), "faulty.txt")
    out.append((base, list(base.findings)))
    rec = parse_bytes(sample_text(FAULTY).encode("utf-8"), "faulty.txt")
    rec.set("table3:granted:natural", -1)  # a negative count
    rec.set("table3:partial:natural", 1.5)  # a count with decimals
    rec.set("table2:fees:amount", -3.0)  # a negative amount
    for row in ("petition", "duplicate", "publication", "massive", "confirm"):
        rec.set(f"table3:not_processed.{row}:legal", None)  # a blank column
    rec.set("table4:review:upheld", None)  # a blank in a row
    rec.provenance["table4:review:corrected"].text = "--253"
    rec.set("table4:review:corrected", None)  # printed, but not a number
    refresh_findings(rec, base)
    out.append((rec, list(rec.findings)))
    conflict = Conflict(1, "table3:granted:natural", 1, 2, 3, False, "now")
    lost = Conflict(2, "table3:other.fee:natural", 1, None, 3, True, "now")
    out.append((base, [conflict.finding(), lost.finding()]))
    no_table = parse_bytes("某某局2022年政府信息公开工作年度报告\n一、总体情况\n本年度共收到申请 5 件。\n".encode(),
                           "none.txt")
    out.append((no_table, list(no_table.findings)))
    return out


def test_findings_render_in_english(english: None) -> None:
    seen, chinese = set(), []
    for record, findings in _doctored():
        for f in findings:
            if not f.message_id:
                continue
            seen.add(f.message_id)
            text = messages.render(f, "en", record.template)
            sentence = re.sub(r"“[^”]*”|（[^）]*）|[（）]|\S*[\u4e00-\u9fff][^\s,:;.]*", "", text)  # labels stay
            if text == f.message or CJK.search(sentence):
                chinese.append(f"{f.rule} {f.message_id}: {text}")
    assert chinese == []
    assert {"value_kind", "blank_column", "blank_cells", "not_a_number", "reparse_conflict", "table_missing",
            "relation_R2", "relation_R3", "prose_mismatch"} <= seen


def test_a_column_relation_names_its_column(english: None) -> None:
    record, findings = _doctored()[0]
    r3 = next(f for f in findings if f.rule == "R3")
    text = messages.render(r3, "en", record.template)
    assert "column “总计”" in text and "（七）总计: " not in text.split(":")[0]
