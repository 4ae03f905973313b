"""Build the standalone desktop app: translations first, then PyInstaller with `reviewer-gui.spec`.

    python packaging/build.py [--dist DIR] [--work DIR]    # -> dist/reviewer-gui/ (and 年报审核台.app on macOS)

The folder holds two executables sharing one copy of Python, Qt and `resources/`: `reviewer-gui` (the window)
and `reviewer` (the command line). Needs PyInstaller (`pip install -e '.[build]'`). On Linux the xcb libraries
of Qt's platform plugin must be installed on the build machine (see packaging/README.md): the build is
refused if one would be missing from the folder. Prints the version and the size of the result.

The release includes the OCR of scanned reports, built with opencv-python-headless only: rapidocr-onnxruntime
also installs opencv-python, whose `cv2` links Qt 5 (about 35 MB more, and a second Qt beside PySide6's), so
the build is refused while that one is installed (`packaging/headless_opencv.py` replaces it).
`--without-ocr` leaves OpenCV, ONNX Runtime and the models out.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reviewer.version import __version__  # noqa: E402

NAME = "reviewer-gui"
XCB_PLUGIN = Path("PySide6") / "Qt" / "plugins" / "platforms" / "libqxcb.so"
# Left to the system by PyInstaller's own rule (part of the graphics stack, present wherever X11 runs).
SYSTEM_LIBRARIES = {"libxcb.so.1"}


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


HEADLESS = "python packaging/headless_opencv.py (replaces opencv-python by opencv-python-headless)"


def opencv_gui(python: str = sys.executable) -> str | None:
    """The GUI backend the installed OpenCV was built with ("NONE" for opencv-python-headless), None when no
    OpenCV imports."""
    code = ("import re, cv2; m = re.search(r'^\\s*GUI:\\s*(\\S+)', cv2.getBuildInformation(), re.M); "
            "print(m.group(1) if m else '?')")
    out = subprocess.run([python, "-c", code], capture_output=True, text=True, check=False)
    return (out.stdout.strip() or "?") if out.returncode == 0 else None


def ocr_problem(python: str = sys.executable) -> str | None:
    """Why this environment cannot build the release's OCR as shipped (None when it can)."""
    gui = opencv_gui(python)
    if gui is None:
        return "OpenCV does not import here: pip install -e '.[gui,build]', then " + HEADLESS
    if gui != "NONE":
        return (f"OpenCV here is opencv-python, built with a GUI ({gui}: Qt 5 and more, never used by the app); "
                f"the release bundles opencv-python-headless: {HEADLESS}")
    return None


def strip_python(app: Path) -> None:
    """Strip the symbols off Python's own library and extension modules (Linux; libpython alone carries
    17 MB of them). The wheels' vendored libraries (`*.libs/`, patched by auditwheel) are left as they are:
    stripped, numpy's OpenBLAS no longer loads."""
    strip = shutil.which("strip")
    if not sys.platform.startswith("linux") or strip is None:
        return
    internal = app / "_internal"
    targets = [*internal.glob("libpython3*.so*"), *(internal / f"python3.{sys.version_info.minor}").rglob("*.so")]
    files = [str(p) for p in targets if p.is_file() and not p.is_symlink()]
    if files:
        subprocess.run([strip, "--strip-unneeded", *files], check=True)


def missing_xcb_libraries(app: Path) -> list[str]:
    """The X11/xcb libraries the xcb platform plugin links that the folder lacks (Linux; [] elsewhere)."""
    internal = app / "_internal"
    plugin = internal / XCB_PLUGIN
    if not sys.platform.startswith("linux") or not plugin.exists() or shutil.which("ldd") is None:
        return []
    needed: set[str] = set()
    for lib in (plugin, internal / "PySide6" / "Qt" / "lib" / "libQt6XcbQpa.so.6"):
        out = subprocess.run(["ldd", str(lib)], capture_output=True, text=True, check=False).stdout
        needed |= {m.group(1) for m in re.finditer(r"^\s*(lib(?:xcb|X11-xcb|xkbcommon)\S*)\s", out, re.M)}
    needed -= SYSTEM_LIBRARIES
    return sorted(n for n in needed if not (internal / n).exists() and not any(internal.rglob(n)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the app folder goes")
    parser.add_argument("--work", type=Path, default=ROOT / "build", help="PyInstaller's work folder")
    parser.add_argument("--without-ocr", action="store_true",
                        help="leave out the OCR of scanned reports (OpenCV, ONNX Runtime, the models): half the size")
    args = parser.parse_args(argv)
    try:
        import PyInstaller.__main__ as pyinstaller
    except ImportError:
        print("PyInstaller is not installed: pip install -e '.[build]'", file=sys.stderr)
        return 2
    problem = None if args.without_ocr else ocr_problem()
    if problem:
        print(f"not built: {problem} (or build --without-ocr)", file=sys.stderr)
        return 1
    subprocess.run([sys.executable, str(ROOT / "packaging" / "build_translations.py")], check=True)
    env_before = os.environ.get("PYTHONPATH")
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env_before]))
    os.environ["REVIEWER_BUILD_OCR"] = "0" if args.without_ocr else "1"
    pyinstaller.run(["--noconfirm", "--clean", "--log-level", "WARN", "--distpath", str(args.dist),
                     "--workpath", str(args.work), str(ROOT / "packaging" / f"{NAME}.spec")])
    app = args.dist / NAME
    strip_python(app)
    missing = missing_xcb_libraries(app)
    if missing:
        print(f"{app}: the xcb platform plugin needs {', '.join(missing)}, not found on this machine: install "
              "them (apt-get install libxcb-icccm4 libxcb-keysyms1 … as listed in packaging/README.md) and "
              "build again", file=sys.stderr)
        return 1
    size = folder_size(app)
    print(f"built 年报审核台 {__version__}: {app} ({size / 1e6:.0f} MB; executables "
          f"{', '.join(sorted(p.name for p in app.iterdir() if p.is_file()))})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
