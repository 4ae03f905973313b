"""Rebuild the screenshots of the docs with `reviewer-gui --screenshot` (offscreen, 1600×1000).

    python docs/screenshots/make_screenshots.py

library.png: the sample library; report-errors.png: seed 003 with its failing relations; report-verified.png:
seed 003 after its suggestion was applied and it was verified.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(__file__).resolve().parent
SEED_003 = next((ROOT / "resources" / "samples").glob("003_*.txt"))


def shot(out: str, db: Path, *files: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_LOGGING_RULES="qt.qpa.*=false", REVIEWER_NAME="王审核")
    subprocess.run([sys.executable, "-m", "ui", "--db", str(db), "--screenshot", str(OUT / out),
                    *map(str, files)], cwd=ROOT, env=env, check=True)
    print("wrote", OUT / out)


def main() -> int:
    sys.path.insert(0, str(ROOT))
    from reviewer.model import finding_key
    from ui.library_access import close_library, open_library

    tmp = Path(tempfile.mkdtemp(prefix="reviewer-shots-"))
    shot("library.png", tmp / "a.sqlite")
    shot("report-errors.png", tmp / "b.sqlite", SEED_003)
    lib = open_library(tmp / "c.sqlite", seed_samples=True)
    rid = next(s.id for s in lib.list_reports() if s.source_name == SEED_003.name)
    report = lib.load(rid)
    sug = next(f.suggestion for f in report.record.findings if f.suggestion)
    change = lib.set_cells(rid, {sug["cell"]: sug["value"]}, reviewer="王审核", reason="与原件核对",
                           expected_version=report.version, kind="suggestion")
    acks = {finding_key(f): "已与原件核对" for f in change.findings if f.severity == "warning"}
    lib.verify(rid, reviewer="王审核", note="已核对", expected_version=change.version, acknowledgements=acks)
    close_library(lib)
    shot("report-verified.png", tmp / "c.sqlite", SEED_003)  # already held: the window opens it
    return 0


if __name__ == "__main__":
    sys.exit(main())
