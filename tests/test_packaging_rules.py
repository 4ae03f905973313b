"""The desktop build's rules, checked fast (the build itself is the slow test_desktop_build): what the bundle
leaves out, and the refusal to bundle an OpenCV built with a GUI (opencv-python's Qt 5) into the release."""

from __future__ import annotations

import stat
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "packaging"))
import build  # noqa: E402
import bundle  # noqa: E402


def test_qt_plugins_the_app_never_loads_are_left_out() -> None:
    plugins = "PySide6/Qt/plugins"
    for dropped in ("imageformats/libqsvg.so", "imageformats/libqwebp.so", "imageformats/libqtiff.so",
                    "iconengines/libqsvgicon.so", "platforms/libqeglfs.so", "platformthemes/libqgtk3.so"):
        assert not bundle.keep_binary(f"{plugins}/{dropped}"), dropped
    for kept in ("imageformats/libqjpeg.so", "platforms/libqxcb.so", "platforms/libqwayland.so",
                 "platformthemes/libqxdgdesktopportal.so"):
        assert bundle.keep_binary(f"{plugins}/{kept}"), kept
    assert bundle.keep_binary("cv2/cv2.abi3.so") and bundle.keep_binary("PIL/_imaging.cpython-311-x86_64-linux-gnu.so")
    assert "PIL._avif" in bundle.UNUSED_MODULES and "PIL._imaging" not in bundle.UNUSED_MODULES


def _fake_python(tmp_path: Path, body: str) -> str:
    """An interpreter that answers the build's question about OpenCV as `body` says."""
    exe = tmp_path / "python"
    exe.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    exe.chmod(exe.stat().st_mode | stat.S_IEXEC)
    return str(exe)


@pytest.mark.skipif(sys.platform == "win32", reason="the fake interpreter is a shell script")
def test_an_opencv_with_a_gui_is_refused_with_the_command_that_replaces_it(tmp_path: Path) -> None:
    full = _fake_python(tmp_path, "echo QT5")
    assert build.opencv_gui(full) == "QT5"
    problem = build.ocr_problem(full)
    assert problem is not None and "QT5" in problem and "packaging/headless_opencv.py" in problem
    assert build.ocr_problem(_fake_python(tmp_path, "echo NONE")) is None
    missing = build.ocr_problem(_fake_python(tmp_path, "echo 'No module named cv2' >&2; exit 1"))
    assert missing is not None and "does not import" in missing


def test_the_refusal_stops_the_build_before_pyinstaller_runs(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(build, "ocr_problem", lambda: "OpenCV here is opencv-python, built with a GUI (QT5)")
    monkeypatch.setattr(build.subprocess, "run", lambda *a, **k: pytest.fail("nothing may run"))
    assert build.main(["--dist", str(tmp_path / "dist"), "--work", str(tmp_path / "work")]) == 1
    assert "not built: OpenCV here is opencv-python" in capsys.readouterr().err
    assert not (tmp_path / "dist").exists()
