"""What the desktop build leaves out, and the Windows version resource; used by `reviewer-gui.spec`.

The app uses QtCore, QtGui and QtWidgets, and pyqtgraph imports QtOpenGL and QtOpenGLWidgets as it loads (it
does without its optional QtSvg and QtTest); the app speaks Chinese and English. Everything else Qt ships is left out: the other
Qt modules, the plugins that need them or serve embedded devices (EGLFS, linuxfb, VNC, evdev input, network
information, TLS), the GTK platform theme (it would pull GTK's own libraries into the folder, where they could
clash with the system's GTK; the XDG portal theme stays), the image formats the app never reads through Qt (its
only image file is the PNG icon; page images come as pixels), and the Qt translations of other languages. The
libraries only those plugins needed go too (`trim_binaries`).

Of the other libraries, `UNUSED_MODULES` are extension modules nothing in the app calls: Pillow only reads the
resolution a PNG, JPEG or TIFF records (`reviewer.reading.ocr.image_dpi`; OpenCV decodes the pixels), so its
AVIF, WebP, colour-management, FreeType and Tk modules and the libraries they alone link stay out (Pillow
imports each of them inside try/except), as does lxml's objectify.
"""

from __future__ import annotations

import re
from pathlib import Path

QT_EXCLUDES = [f"PySide6.{m}" for m in (
    "QtNetwork", "QtSvg", "QtSvgWidgets", "QtTest", "QtDBus", "QtPrintSupport",
    "QtQml", "QtQuick", "QtQuickWidgets", "QtQuickControls2", "QtWebEngineCore", "QtWebEngineWidgets",
    "QtWebChannel", "QtWebSockets", "QtMultimedia", "QtMultimediaWidgets", "QtPdf", "QtPdfWidgets", "QtSql",
    "QtXml", "QtConcurrent", "QtDesigner", "QtHelp", "QtUiTools", "QtCharts", "QtDataVisualization",
    "QtGraphs", "Qt3DCore", "Qt3DRender", "QtBluetooth", "QtPositioning", "QtLocation", "QtSerialPort",
    "QtNfc", "QtRemoteObjects", "QtScxml", "QtSensors", "QtStateMachine", "QtTextToSpeech", "QtHttpServer",
    "QtSpatialAudio", "QtSerialBus", "QtAxContainer",
)]

UNUSED_MODULES = ["PIL._avif", "PIL._webp", "PIL._imagingcms", "PIL._imagingft", "PIL._imagingtk", "PIL.ImageTk",
                  "lxml.objectify"]

QT_DIR = re.compile(r"^PySide6[/\\]Qt[/\\]")
DROPPED_PLUGINS = ("egldeviceintegrations", "generic", "networkinformation", "tls")
DROPPED_PLATFORMS = ("qeglfs", "qlinuxfb", "qminimalegl", "qvnc", "qvkkhrdisplay")
DROPPED_THEMES = ("qgtk3",)
DROPPED_FORMATS = {"imageformats": ("qsvg", "qwebp", "qtiff", "qtga", "qwbmp", "qicns"), "iconengines": ("qsvgicon",)}
DROPPED_LIBS = ("Qt6Network", "Qt6Svg", "Qt6Test", "Qt6EglFsKmsSupport",
                "Qt6EglFSDeviceIntegration", "Qt6Pdf", "Qt6Qml", "Qt6Quick")
KEPT_LANGUAGES = ("zh", "en")


def _parts(dest: str) -> list[str]:
    return re.split(r"[/\\]", dest)


def keep_binary(dest: str) -> bool:
    """False for a Qt library or plugin the app does not use (`dest`: its path inside the bundle)."""
    parts = _parts(dest)
    if parts[0] != "PySide6":
        return True
    name = parts[-1]
    if "plugins" in parts:
        kind = parts[parts.index("plugins") + 1]
        if kind in DROPPED_PLUGINS:
            return False
        stem = name.removeprefix("lib").split(".")[0]
        if (kind == "platforms" and stem in DROPPED_PLATFORMS) or (kind == "platformthemes" and stem in DROPPED_THEMES):
            return False
        if stem in DROPPED_FORMATS.get(kind, ()):
            return False
    return name.removeprefix("lib").split(".")[0] not in DROPPED_LIBS


def trim_binaries(binaries: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """The binaries `keep_binary` keeps, less the shared libraries that only the dropped ones needed.

    `binaries`: PyInstaller's (destination, source, kind) entries. A library stays while any kept binary
    links it; dropping one can free the libraries it alone linked, so this repeats until nothing changes."""
    from PyInstaller.depend.bindepend import get_imports

    def imports(entry: tuple[str, str, str]) -> set[str]:
        return {Path(name).name for name, _path in get_imports(entry[1])}

    dropped = [b for b in binaries if not keep_binary(b[0])]
    kept = [b for b in binaries if keep_binary(b[0])]
    freed: set[str] = set()
    todo = list(dropped)
    while todo:  # every library reachable from a dropped binary is a candidate
        for name in imports(todo.pop()) - freed:
            freed.add(name)
            todo.extend(b for b in kept if Path(b[0]).name == name)
    while True:
        needed = set().union(*(imports(b) for b in kept))
        trimmed = [b for b in kept if Path(b[0]).name not in freed or Path(b[0]).name in needed]
        if len(trimmed) == len(kept):
            return kept
        kept = trimmed


def keep_data(dest: str) -> bool:
    """False for a Qt translation of a language the app does not speak, or of a Qt module it does not use."""
    parts = _parts(dest)
    if QT_DIR.match(dest) and "translations" in parts and parts[-1].endswith(".qm"):
        stem = parts[-1][: -len(".qm")]
        module, _, language = stem.partition("_")
        return module in ("qt", "qtbase") and language.startswith(KEPT_LANGUAGES)
    return True


def version_file(path: Path, version: str, name: str) -> str:
    """A Windows version resource (file properties) for the executables; returns its path."""
    numbers = tuple(int(n) for n in re.findall(r"\d+", version)[:4])
    numbers = numbers + (0,) * (4 - len(numbers))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3f, flags=0x0, OS=0x40004, fileType=0x1,
                    subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('080404b0', [
      StringStruct('CompanyName', 'Report Reviewer'),
      StringStruct('FileDescription', '{name}'),
      StringStruct('FileVersion', '{version}'),
      StringStruct('ProductName', '{name}'),
      StringStruct('ProductVersion', '{version}')])]),
    VarFileInfo([VarStruct('Translation', [2052, 1200])])
  ]
)
""", encoding="utf-8")
    return str(path)
