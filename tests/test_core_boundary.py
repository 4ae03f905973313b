"""The core never imports Qt: every `reviewer` module imports with PySide6 made unimportable."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_core_imports_without_qt() -> None:
    code = textwrap.dedent("""
        import importlib, pkgutil, sys

        class BlockQt:
            def find_spec(self, name, path=None, target=None):
                if name.split(".")[0] in ("PySide6", "PyQt5", "PyQt6", "shiboken6", "pyqtgraph"):
                    raise ImportError("Qt is not allowed in the core: " + name)
                return None

        sys.meta_path.insert(0, BlockQt())
        import reviewer
        names = [m.name for m in pkgutil.walk_packages(reviewer.__path__, "reviewer.")]
        for name in names:
            importlib.import_module(name)
        leaked = [m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6")]
        assert not leaked, leaked
        print(len(names))
    """)
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert int(out.stdout.strip()) >= 15  # every module was walked, not an empty package
