"""The desktop build as a user gets it: PyInstaller builds one folder with the window and the `reviewer`
command; the frozen app renders a report offscreen (and its charts), and the frozen command parses reports
exactly as the source tree does. Slow (a few minutes): run with `pytest -m slow`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from reviewer.version import __version__, version_text

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = next((ROOT / "resources" / "samples").glob("004_*.txt"))
PDF = ROOT / "tests" / "data" / "huaian-2024.pdf"
BLANK_FORM = ROOT / "tests" / "data" / "official-template-2021-blank.docx"
EXE = ".exe" if sys.platform == "win32" else ""

pytestmark = pytest.mark.slow

sys.path.insert(0, str(ROOT / "packaging"))
import build  # noqa: E402


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    out = tmp_path_factory.mktemp("desktop-build")
    proc = subprocess.run([sys.executable, str(ROOT / "packaging" / "build.py"), "--dist", str(out / "dist"),
                           "--work", str(out / "work")], cwd=ROOT, capture_output=True, text=True, timeout=1800,
                          check=False)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-4000:]
    return out / "dist" / "reviewer-gui", proc.stdout


def _env(tmp: Path) -> dict[str, str]:
    return dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_LOGGING_RULES="qt.qpa.*=false",
                XDG_CONFIG_HOME=str(tmp / "config"), XDG_DATA_HOME=str(tmp / "data"),
                XDG_CACHE_HOME=str(tmp / "cache"), HOME=str(tmp))


def test_one_folder_with_both_executables_its_version_and_size(app: tuple[Path, str], tmp_path: Path) -> None:
    folder, log = app
    size = build.folder_size(folder)
    assert f"built 年报审核台 {__version__}: {folder} ({size / 1e6:.0f} MB" in log  # the size is printed
    for name in ("reviewer-gui", "reviewer"):
        exe = folder / (name + EXE)
        assert exe.is_file() and os.access(exe, os.X_OK)
        out = subprocess.run([str(exe), "--version"], capture_output=True, text=True, env=_env(tmp_path),
                             timeout=120, check=False)
        assert out.returncode == 0 and out.stdout.strip() == version_text(name)
    assert (folder / "_internal" / "reviewer_resources" / "icons" / "reviewer.png").is_file()


def test_trimmed_to_what_the_app_uses(app: tuple[Path, str]) -> None:
    folder, _log = app
    qt = folder / "_internal" / "PySide6" / "Qt"
    translations = sorted(p.name for p in (qt / "translations").glob("*.qm"))
    assert "qtbase_zh_CN.qm" in translations and "qtbase_en.qm" in translations
    assert all(n.split("_", 1)[1].startswith(("zh", "en")) for n in translations), translations
    shipped = {p.name.split(".")[0] for p in (folder / "_internal").rglob("*")
               if p.is_file() and (".so" in p.name or p.suffix in (".dll", ".pyd", ".dylib"))}
    for unused in ("QtNetwork", "QtSvg", "QtTest", "QtDBus", "libQt6Network", "libQt6Svg", "libqeglfs", "libqvnc",
                   "libqgtk3", "libgtk-3", "libcairo", "libqsvg", "libqwebp", "objectify", "_avif", "_imagingft"):
        assert unused not in shipped, unused
    assert {"QtCore", "QtGui", "QtWidgets"} <= shipped
    # the OCR is in (the release ships it), with headless OpenCV: no second Qt (opencv-python's Qt 5) inside
    assert {"cv2", "onnxruntime_pybind11_state"} <= shipped
    assert not [n for n in shipped if n.startswith(("libQt5", "libavfilter", "libavdevice"))]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the xcb platform plugin is Linux's")
def test_the_xcb_libraries_of_the_platform_plugin_are_in_the_folder(app: tuple[Path, str]) -> None:
    folder, _log = app
    internal = folder / "_internal"
    assert (internal / build.XCB_PLUGIN).is_file()
    for lib in ("libxcb-keysyms.so.1", "libxcb-icccm.so.4", "libxcb-image.so.0", "libxcb-render-util.so.0",
                "libxcb-cursor.so.0", "libxkbcommon-x11.so.0"):
        assert (internal / lib).is_file(), lib
    assert build.missing_xcb_libraries(folder) == []


def _png_size_and_colours(path: Path) -> tuple[tuple[int, int], int]:
    from PySide6.QtGui import QImage

    image = QImage(str(path))
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    return (image.width(), image.height()), len(colours)


def test_the_frozen_app_renders_a_report_and_its_charts(app: tuple[Path, str], tmp_path: Path) -> None:
    folder, _log = app
    shot, charts = tmp_path / "window.png", tmp_path / "charts.png"
    for out, extra in ((shot, [str(SAMPLE)]), (charts, ["--charts"])):
        proc = subprocess.run([str(folder / ("reviewer-gui" + EXE)), "--db", str(tmp_path / "library.sqlite"),
                               "--screenshot", str(out), *extra], capture_output=True, text=True,
                              env=_env(tmp_path), timeout=300, check=False)
        assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr[-3000:]
        size, colours = _png_size_and_colours(out)
        assert size == (1600, 1000) and colours > 20  # a drawn window, not a blank one


def test_the_frozen_command_parses_as_the_source_tree_does(app: tuple[Path, str], tmp_path: Path) -> None:
    """A text sample, a PDF, a Word form, and a scanned table page (read by OCR, its models bundled)."""
    from tests.scans import page_images

    folder, _log = app
    scan = tmp_path / "第4页.png"
    scan.write_bytes(page_images(PDF.read_bytes(), 200, [4])[0])
    for report in (SAMPLE, PDF, BLANK_FORM, scan):
        frozen = subprocess.run([str(folder / ("reviewer" + EXE)), "parse", "--format", "json", str(report)],
                                capture_output=True, text=True, env=_env(tmp_path), timeout=300, check=False)
        source = subprocess.run([sys.executable, "-m", "reviewer.cli", "parse", "--format", "json", str(report)],
                                capture_output=True, text=True, cwd=ROOT, env=dict(_env(tmp_path), PYTHONPATH=str(ROOT)),
                                timeout=300, check=False)
        assert (frozen.returncode, frozen.stdout) == (source.returncode, source.stdout), frozen.stderr[-2000:]
        assert frozen.stdout.strip()
