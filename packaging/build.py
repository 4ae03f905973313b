"""Build the standalone desktop app: translations first, then PyInstaller with `reviewer-gui.spec`.

    python packaging/build.py            # -> dist/reviewer-gui/ (and dist/年报审核台.app on macOS)

Needs `pip install pyinstaller` in the environment that has the app's dependencies (not part of CI).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    try:
        import PyInstaller.__main__ as pyinstaller
    except ImportError:
        print("PyInstaller is not installed: pip install pyinstaller", file=sys.stderr)
        return 2
    subprocess.run([sys.executable, str(ROOT / "packaging" / "build_translations.py")], check=True)
    pyinstaller.run(["--noconfirm", "--clean", "--distpath", str(ROOT / "dist"), "--workpath", str(ROOT / "build"),
                     str(ROOT / "packaging" / "reviewer-gui.spec")])
    print("built", ROOT / "dist" / "reviewer-gui")
    return 0


if __name__ == "__main__":
    sys.exit(main())
