"""Refresh the translation sources and build the compiled catalogs.

    python packaging/build_translations.py          # lupdate: ui/*.py -> resources/translations/*.ts
                                                    # lrelease: *.ts -> *.qm (next to them)
    python packaging/build_translations.py --check  # fail when a string has no translation

Both tools ship in the PySide6-Essentials wheel (`PySide6/lupdate`, `PySide6/lrelease`, also on PATH as
`pyside6-lupdate` / `pyside6-lrelease`). The source language is Chinese; `reviewer_en.ts` holds English.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ui.i18n import CATALOG, DEFAULT_LANGUAGE, LANGUAGES, build_qm, qt_tool  # noqa: E402

TRANSLATIONS = ROOT / "resources" / "translations"  # the sources in this checkout (an installed copy is never edited)


def update_ts(language: str) -> Path:
    tool = qt_tool("lupdate")
    if tool is None:
        raise SystemExit("lupdate not found: install PySide6-Essentials")
    ts = TRANSLATIONS / f"{CATALOG}_{language}.ts"
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").glob("*.py"))
    subprocess.run([tool, "-no-obsolete", "-locations", "none", "-source-language", "zh_CN",
                    "-target-language", language, *sources, "-ts", str(ts.relative_to(ROOT))],
                   cwd=ROOT, check=True)
    return ts


def unfinished(ts: Path) -> list[str]:
    tree = ET.parse(ts)
    return [m.findtext("source") or "" for m in tree.iter("message")
            if (m.find("translation") is None or m.find("translation").get("type") == "unfinished"
                or not (m.findtext("translation") or "").strip())]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="only check that every string is translated")
    args = parser.parse_args()
    status = 0
    for language in LANGUAGES:
        if language == DEFAULT_LANGUAGE:
            continue
        ts = TRANSLATIONS / f"{CATALOG}_{language}.ts"
        if not args.check:
            update_ts(language)
            qm = ts.with_suffix(".qm")
            if not build_qm(ts, qm):
                print(f"lrelease failed for {ts}", file=sys.stderr)
                status = 1
            else:
                print(f"built {qm.relative_to(ROOT)}")
        missing = unfinished(ts)
        if missing:
            print(f"{ts.name}: {len(missing)} strings without a translation:", *missing[:20], sep="\n  ")
            status = status or (1 if args.check else 0)
    return status


if __name__ == "__main__":
    sys.exit(main())
