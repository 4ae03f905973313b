"""The wheel installs anywhere: built from the source, installed (not editable) into a fresh virtual environment
that cannot see the source tree, it parses a bundled sample and renders the window offscreen.

The fresh environment borrows this interpreter's dependencies through a `.pth` file instead of downloading
them; only building the wheel asks the package index (for the build backend, as `pip install .` does).
"""

from __future__ import annotations

import json
import os
import shutil
import struct
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from reviewer import parse_file

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("pyproject.toml", "setup.py", "README.md", "reviewer", "ui", "resources")
IGNORE = shutil.ignore_patterns("__pycache__", "*.pyc", "*.qm")


def run(cmd: list[str], cwd: Path, env: dict[str, str] | None = None, timeout: int = 180) -> str:
    done = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False)
    assert done.returncode == 0, f"{' '.join(cmd)} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("wheel")
    src = base / "src"  # a copy: building in the checkout would leave build/ and *.egg-info behind
    src.mkdir()
    for name in SOURCES:
        path = ROOT / name
        if path.is_dir():
            shutil.copytree(path, src / name, ignore=IGNORE)
        else:
            shutil.copy2(path, src / name)
    dist = base / "dist"
    run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(dist), str(src)], cwd=base, timeout=300)
    wheel = next(dist.glob("report_reviewer-*.whl"))

    venv = base / "venv"
    run([sys.executable, "-m", "venv", "--without-pip", str(venv)], cwd=base)
    bindir = venv / ("Scripts" if os.name == "nt" else "bin")
    python = bindir / ("python.exe" if os.name == "nt" else "python")
    site = Path(run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], cwd=base).strip())
    deps = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (site / "borrowed_dependencies.pth").write_text("\n".join(sorted(deps)) + "\n", encoding="utf-8")
    run([sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps", "--no-index",
         str(wheel)], cwd=base)
    home = base / "home"
    home.mkdir()
    return {"base": base, "bin": bindir, "python": python, "site": site, "home": home}


def clean_env(home: Path) -> dict[str, str]:
    """No PYTHONPATH (the source tree stays out of sight) and a throwaway profile."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP")}
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / "data"), XDG_CONFIG_HOME=str(home / "config"),
               XDG_CACHE_HOME=str(home / "cache"), REVIEWER_LIBRARY=str(home / "library.sqlite"),
               QT_QPA_PLATFORM="offscreen", REVIEWER_NAME="安装测试")
    return env


def test_the_installed_package_finds_its_data_inside_itself(installed: dict[str, Path]) -> None:
    probe = ("import json, reviewer, reviewer.resources as r, reviewer.formats as f;"
             "print(json.dumps([reviewer.__file__, str(r.root()), sorted(f.load_formats()),"
             " [p.name for p in r.sample_paths()]]))")
    out = run([str(installed["python"]), "-c", probe], cwd=installed["home"], env=clean_env(installed["home"]))
    code, data, templates, samples = json.loads(out)
    site = installed["site"].resolve()
    assert Path(code).resolve().is_relative_to(site), "the reviewer imported is the installed one"
    assert Path(data).resolve() == site / "reviewer_resources"
    assert templates == ["2019", "2021"]
    assert len(samples) == 5


def test_reviewer_parse_in_the_installed_package_reads_a_bundled_sample(installed: dict[str, Path]) -> None:
    sample = next((installed["site"] / "reviewer_resources" / "samples").glob("003_*.txt"))
    out = run([str(installed["bin"] / "reviewer"), "parse", str(sample), "--format", "json"],
              cwd=installed["home"], env=clean_env(installed["home"]))
    got = json.loads(out)
    expected = json.loads(json.dumps(parse_file(sample).to_json(), ensure_ascii=False))  # the same record as the checkout parses
    assert (got["agency"], got["template"]) == (expected["agency"], expected["template"])
    assert got["tables"] == expected["tables"]
    assert got["tables"]["table3"]["unable.not_held"]["total"] == 0  # seed 003's printed error, kept as printed


def test_reviewer_gui_from_the_installed_package_renders_a_screenshot(installed: dict[str, Path]) -> None:
    home = installed["home"]
    out = home / "window.png"
    env = clean_env(home)
    run([str(installed["bin"] / "reviewer-gui"), "--lang", "en", "--screenshot", str(out)], cwd=home, env=env)
    head = out.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", head[16:24])
    assert (width, height) == (1600, 1000)
    assert out.stat().st_size > 20_000, "a rendered window, not a blank image"
    # the new library was seeded with the samples shipped in the wheel
    listing = run([str(installed["bin"] / "reviewer"), "list"], cwd=home, env=env)
    assert len([line for line in listing.splitlines() if line.strip()]) >= 5
    # English came from the shipped .ts, compiled into the user cache (the wheel holds no .qm)
    assert list((home / "cache" / "reviewer-gui").glob("reviewer_en-*.qm"))


def test_every_file_of_resources_is_in_the_wheel(installed: dict[str, Path]) -> None:
    def files(root: Path) -> set[str]:
        return {p.relative_to(root).as_posix() for p in root.rglob("*")
                if p.is_file() and "__pycache__" not in p.parts and p.suffix not in (".pyc", ".qm")}

    assert files(ROOT / "resources") == files(installed["site"] / "reviewer_resources")
