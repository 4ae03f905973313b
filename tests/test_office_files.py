"""Legacy Word (.doc), WPS (.wps) and RTF reports read through a real LibreOffice conversion.

The files are made here: the official 2021 Word form filled with a truth record, saved by LibreOffice as
Word 97 (.doc, the format WPS 文字 also writes under .wps) and as RTF. Skipped only where LibreOffice is not
installed; CI installs it.
"""

from __future__ import annotations

import os
import stat
import subprocess
import time
from pathlib import Path

import pytest

from reviewer import parse_bytes
from reviewer.errors import ReadError
from reviewer.reading import office, read_bytes

from . import builders as b
from .conftest import truth

needs_libreoffice = pytest.mark.skipif(office.soffice() is None, reason="LibreOffice (soffice) is not installed")

SOURCE = "huaian-2024"


def _save_as(docx: bytes, tmp: Path, target: str) -> bytes:
    """LibreOffice's own conversion of a .docx into `target` (doc, rtf)."""
    src = tmp / "form.docx"
    src.write_bytes(docx)
    subprocess.run([office.soffice() or "soffice", f"-env:UserInstallation={(tmp / 'profile').as_uri()}",
                    "--headless", "--convert-to", target, "--outdir", str(tmp), str(src)],
                   check=True, capture_output=True, timeout=120)
    return (tmp / f"form.{target}").read_bytes()


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    tmp = tmp_path_factory.mktemp("office")
    docx = b.fill_template(b.spec_for_huaian(), truth(SOURCE))
    return {"doc": _save_as(docx, tmp, "doc"), "rtf": _save_as(docx, tmp, "rtf")}


def _wrong_cells(record_tables: dict, source: str) -> list[tuple]:
    t = truth(source)
    return [(tb, r, c, v, record_tables[tb].get(r, {}).get(c)) for tb in ("table2", "table3", "table4")
            for r, cols in t[tb].items() for c, v in cols.items() if record_tables[tb].get(r, {}).get(c) != v]


@needs_libreoffice
@pytest.mark.parametrize(("name", "kind", "fmt"), [("淮安 2024 年报.doc", "doc", "doc"),
                                                   ("淮安 2024 年报.wps", "doc", "wps"),
                                                   ("淮安 2024 年报.rtf", "rtf", "rtf")])
def test_office_file_parses_to_its_truth(converted: dict[str, bytes], name: str, kind: str, fmt: str) -> None:
    data = converted[kind]
    assert data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" if kind == "doc" else data.startswith(b"{\\rtf")
    record = parse_bytes(data, name)
    t = truth(SOURCE)
    assert _wrong_cells(record.tables, SOURCE) == []
    assert (record.agency, record.year, record.template) == (t["agency"], t["year"], t["template"])
    assert record.unplaced == []
    assert record.source["format"] == fmt
    assert not [f for f in record.findings if f.severity == "error"]


@needs_libreoffice
def test_conversion_is_noted_for_the_reviewer(converted: dict[str, bytes]) -> None:
    doc = read_bytes(converted["doc"], "report.doc")
    assert doc.source_format == "doc"
    assert any("LibreOffice" in note and "report.doc" in note for note in doc.notes)


@needs_libreoffice
def test_without_libreoffice_the_message_says_how_to_get_it(converted: dict[str, bytes],
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REVIEWER_SOFFICE", "/nonexistent/soffice")
    with pytest.raises(ReadError) as excinfo:
        read_bytes(converted["doc"], "旧报告.doc")
    message = str(excinfo.value)
    assert "\n" not in message and message.startswith("旧报告.doc: ")
    assert "LibreOffice" in message and "安装" in message and ".docx" in message


@needs_libreoffice
def test_a_damaged_doc_is_refused_in_one_line() -> None:
    junk = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    with pytest.raises(ReadError) as excinfo:
        read_bytes(junk, "坏.doc")
    message = str(excinfo.value)
    assert "\n" not in message and message.startswith("坏.doc: ") and "LibreOffice" in message


@needs_libreoffice
def test_a_hanging_conversion_is_stopped_at_the_timeout(converted: dict[str, bytes], tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    marker = tmp_path / "child.pid"
    fake = tmp_path / "soffice"
    fake.write_text(f"#!/bin/sh\nsleep 30 &\necho $! > {marker}\nwait\n")
    fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("REVIEWER_SOFFICE", str(fake))
    started = time.monotonic()
    with pytest.raises(ReadError) as excinfo:
        office.convert_to_docx(converted["doc"], "慢.doc", "Word 97-2003（.doc）", timeout=1)
    assert time.monotonic() - started < 10
    assert "超时" in str(excinfo.value) and str(excinfo.value).startswith("慢.doc: ")
    child = int(marker.read_text())
    assert not _alive(child)  # the whole process group was killed, the grandchild too


def _alive(pid: int) -> bool:
    for _ in range(50):
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        time.sleep(0.1)
    return True


def test_a_web_page_saved_under_a_doc_name_is_read_as_html() -> None:
    page = b.to_html(b.spec_for_huaian())
    record = parse_bytes(page, "年报.doc")
    assert record.source["format"] == "html"
    assert _wrong_cells(record.tables, SOURCE) == []


def _as_saved_by_wps(docx: bytes) -> bytes:
    """The Word file rewritten the way WPS Office 12 saves one: its own namespace and custom data part, the
    application named in docProps/app.xml, and XML comments and processing instructions among the body's and
    the tables' elements (nodes whose tag is not a name: readers that assume one fail on WPS files)."""
    import io
    import re
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(docx))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                text = data.decode("utf-8")
                if "wpsCustomData" not in text[:3000]:  # the official blank form already declares it
                    text = text.replace("<w:document ", '<w:document xmlns:wpsCustomData='
                                        '"http://www.wps.cn/officeDocument/2013/wpsCustomData" ', 1)
                text = text.replace("<w:body>", "<w:body><!--KSO_WPS_BODY--><?wps-layout v=\"12\"?>", 1)
                text = re.sub(r"(<w:tr[ >][^>]*>|<w:tr>)", r"\1<!--KSO_ROW-->", text)
                text = re.sub(r"(<w:tc>)", r"\1<?wps-cell?>", text)
                data = text.encode("utf-8")
            elif item.filename == "docProps/app.xml":
                data = re.sub(rb"<Application>[^<]*</Application>", b"<Application>WPS Office_12.1.0.17147</Application>",
                              data)
            target.writestr(item, data)
        target.writestr("customXml/item1.xml", '<s:customData xmlns="http://www.wps.cn/officeDocument/2013/'
                                               'wpsCustomData" xmlns:s="http://www.wps.cn/officeDocument/2013/'
                                               'wpsCustomData"><customSectProps/></s:customData>')
    return out.getvalue()


def test_a_docx_saved_by_wps_reads_like_words() -> None:
    docx = _as_saved_by_wps(b.fill_template(b.spec_for_huaian(), truth(SOURCE)))
    record = parse_bytes(docx, "WPS 保存.docx")
    t = truth(SOURCE)
    assert _wrong_cells(record.tables, SOURCE) == []
    assert (record.agency, record.year) == (t["agency"], t["year"]) and record.unplaced == []
