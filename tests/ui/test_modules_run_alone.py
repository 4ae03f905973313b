"""Each UI module runs alone on sample data (`python -m ui.<module>`) and quits by itself."""

from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MODULES = sorted(p.stem for p in (ROOT / "ui").glob("*.py") if p.stem != "__init__")


def _run(module: str, tmp: Path) -> tuple[str, int, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", REVIEWER_GUI_AUTOQUIT_MS="300", TMPDIR=str(tmp),
               XDG_CACHE_HOME=str(tmp / "cache"), XDG_DATA_HOME=str(tmp / "data"),
               XDG_CONFIG_HOME=str(tmp / "config"), QT_LOGGING_RULES="qt.qpa.*=false")
    name = "ui" if module == "__main__" else f"ui.{module}"
    args = ["--db", str(tmp / f"{module}.sqlite"), "--settings", str(tmp / f"{module}.ini")] \
        if module in ("__main__", "app") else []
    proc = subprocess.run([sys.executable, "-m", name, *args], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120, check=False)
    return module, proc.returncode, proc.stderr


def test_every_module_runs_alone_on_sample_data(tmp_path: Path) -> None:
    assert len(MODULES) >= 15
    with ThreadPoolExecutor(max_workers=min(8, os.cpu_count() or 2)) as pool:
        results = list(pool.map(lambda m: _run(m, tmp_path), MODULES))
    failed = [(m, rc, err[-600:]) for m, rc, err in results if rc != 0 or "Traceback" in err]
    if failed:
        pytest.fail("\n\n".join(f"python -m ui.{m} -> {rc}\n{err}" for m, rc, err in failed))
