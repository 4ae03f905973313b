"""Translations: Chinese is the source language of every `tr()` string; English comes from a `.qm` file.

`resources/translations/reviewer_en.ts` is committed and ships in the wheel (`reviewer.resources` finds it);
`packaging/build_translations.py` refreshes it with `pyside6-lupdate` and builds the `.qm` with
`pyside6-lrelease` (both ship in the PySide6-Essentials wheel). When no up-to-date `.qm` sits next to the `.ts`
(a fresh checkout, an installed wheel), it is built once into the user cache on first use, named by a hash of
the `.ts` so that an upgrade never reuses a stale catalog.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

LANGUAGES = {"zh_CN": "中文", "en": "English"}
DEFAULT_LANGUAGE = "zh_CN"
CATALOG = "reviewer"
_installed: list[QTranslator] = []


def tr(text: str) -> str:
    """Translate a UI string. One context ("") for the whole UI: `pyside6-lupdate` files bare `tr()` calls
    under it wherever they appear, so the runtime lookup must use it too."""
    return QCoreApplication.translate("", text)


def translations_dir() -> Path:
    from reviewer.resources import translations_dir as shipped

    return shipped()


def qt_tool(name: str) -> str | None:
    """`lrelease` / `lupdate` as shipped in the PySide6 wheel (or on PATH as pyside6-NAME)."""
    try:
        import PySide6

        candidate = Path(PySide6.__file__).resolve().parent / name
        if candidate.exists():
            return str(candidate)
    except ImportError:  # pragma: no cover - PySide6 is a hard dependency of the UI
        pass
    return shutil.which(f"pyside6-{name}") or shutil.which(name)


def build_qm(ts: Path, qm: Path) -> bool:
    tool = qt_tool("lrelease")
    if tool is None or not ts.exists():
        return False
    qm.parent.mkdir(parents=True, exist_ok=True)
    part = qm.with_name(f"{qm.name}.{os.getpid()}.part")  # a second app starting at once never reads half a file
    result = subprocess.run([tool, "-silent", str(ts), "-qm", str(part)], capture_output=True, check=False)
    if result.returncode != 0 or not part.exists():
        part.unlink(missing_ok=True)
        return False
    os.replace(part, qm)
    return True


def qm_path(language: str) -> Path | None:
    """The compiled catalog of a language: next to the `.ts` when built from it, else built into the user
    cache (the installed package's folder may be read-only)."""
    shipped = translations_dir() / f"{CATALOG}_{language}.qm"
    ts = translations_dir() / f"{CATALOG}_{language}.ts"
    if shipped.exists() and (not ts.exists() or shipped.stat().st_mtime >= ts.stat().st_mtime):
        return shipped
    if not ts.exists():
        return None
    from platformdirs import user_cache_dir

    digest = hashlib.sha256(ts.read_bytes()).hexdigest()[:16]
    cached = Path(user_cache_dir("reviewer-gui")) / f"{CATALOG}_{language}-{digest}.qm"
    if cached.exists() or build_qm(ts, cached):
        return cached
    return shipped if shipped.exists() else None


def install(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install the translators of `language` on the app; returns them (keep them alive)."""
    if language not in LANGUAGES:
        language = DEFAULT_LANGUAGE
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    QLocale.setDefault(QLocale(language))
    installed = _installed
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        installed.append(qt)
    if language != DEFAULT_LANGUAGE:
        path = qm_path(language)
        own = QTranslator(app)
        if path is not None and own.load(str(path)):
            app.installTranslator(own)
            installed.append(own)
    app.setProperty("reviewer_language", language)
    return list(installed)


def current_language() -> str:
    app = QCoreApplication.instance()
    value = app.property("reviewer_language") if app is not None else None
    return str(value) if value else DEFAULT_LANGUAGE


if __name__ == "__main__":
    from ui.preview import app_instance

    app = app_instance()
    for code, name in LANGUAGES.items():
        app._translators = install(app, code)  # type: ignore[attr-defined]
        print(f"{code} ({name}): catalog={qm_path(code) if code != DEFAULT_LANGUAGE else 'source strings'}; "
              f"年报审核台 -> {tr('年报审核台')}; 核实… -> {tr('核实…')}")
