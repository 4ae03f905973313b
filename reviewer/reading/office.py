"""Legacy Word (.doc), WPS (.wps) and RTF reports: converted to .docx by LibreOffice, then read as Word.

.doc and .wps are OLE2 compound files that only an office suite reads well. LibreOffice runs headless in a temporary
directory with its own throwaway user profile (so it never meets a desktop LibreOffice the user has open, nor
another conversion running in parallel), with a timeout after which the whole process group is killed.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from reviewer.errors import ReadError

CONVERT_TIMEOUT = 60.0  # seconds; a report converts in one to three seconds, most of it LibreOffice starting
INSTALL_HINT = ("请安装 LibreOffice（https://www.libreoffice.org ；Debian/Ubuntu：sudo apt install "
                "libreoffice-writer）后重试，或用 Word/WPS 将其另存为 .docx")

_CANDIDATES = (
    "/usr/bin/soffice",
    "/usr/lib/libreoffice/program/soffice",
    "/opt/libreoffice/program/soffice",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
)


def soffice() -> str | None:
    """The LibreOffice executable: $REVIEWER_SOFFICE, then the PATH, then the usual install places."""
    configured = os.environ.get("REVIEWER_SOFFICE")
    if configured:
        return configured if Path(configured).is_file() else None
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    return next((c for c in _CANDIDATES if Path(c).is_file()), None)


def convert_to_docx(data: bytes, name: str, kind: str, *, timeout: float = CONVERT_TIMEOUT) -> bytes:
    """The .docx LibreOffice makes of a .doc, .wps or .rtf file's bytes; `kind` names the format in messages."""
    program = soffice()
    if program is None:
        raise ReadError(f"{name}: {kind} 文件需要 LibreOffice 才能读取，本机未找到 LibreOffice。{INSTALL_HINT}")
    # WPS 文字 saves .wps in Word 97's binary format: named .doc, LibreOffice detects either by its content.
    suffix = ".rtf" if kind == "RTF" else ".doc"
    with tempfile.TemporaryDirectory(prefix="reviewer-office-") as tmp:
        work = Path(tmp)
        source = work / f"report{suffix}"  # the user's file name may hold anything: LibreOffice gets a plain one
        source.write_bytes(data)
        out = work / "out"
        command = [program, f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless", "--invisible",
                   "--norestore", "--nologo", "--nodefault", "--nolockcheck",
                   "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out), str(source)]
        try:
            proc = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                    stderr=subprocess.STDOUT, cwd=tmp, start_new_session=True)
        except OSError as exc:
            raise ReadError(f"{name}: 无法启动 LibreOffice（{exc.strerror or exc}）。{INSTALL_HINT}") from exc
        try:
            output, _ = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            _kill_group(proc)
            raise ReadError(f"{name}: LibreOffice 转换 {kind} 文件超时（{timeout:.0f} 秒），文件可能已损坏") from None
        result = out / "report.docx"
        if proc.returncode != 0 or not result.is_file() or result.stat().st_size == 0:
            detail = output.decode("utf-8", "replace").strip().splitlines()[-1:] if output else []
            extra = f"（{detail[0][:100]}）" if detail else ""
            raise ReadError(f"{name}: LibreOffice 无法转换此 {kind} 文件，文件可能已损坏{extra}")
        return result.read_bytes()


def _kill_group(proc: subprocess.Popen[bytes]) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError, AttributeError):
        proc.kill()
    proc.wait()

