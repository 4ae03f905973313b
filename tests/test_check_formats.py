"""`reviewer check --format csv|junit|sarif`, the summary on stderr, a closed pipe, `--version`."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from reviewer.api import parse_file
from reviewer.cli import main

from .conftest import ROOT, SAMPLES

FAULTY = next(SAMPLES.glob("003_*.txt"))


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["check", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_junit_counts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    junk = tmp_path / "junk.pdf"
    junk.write_bytes(b"\x00\x01binary")
    code, out, err = _run(capsys, str(SAMPLES), str(junk), "--format", "junit")
    assert code == 2
    root = ET.fromstring(out)
    suite = root.find("testsuite")
    assert suite is not None
    cases = suite.findall("testcase")
    assert len(cases) == 6 == int(suite.get("tests", "0")) == int(root.get("tests", "0"))
    faulty = next(c for c in cases if c.get("name") == str(FAULTY))
    errors = [f for f in parse_file(FAULTY).findings if f.severity == "error"]
    assert [f.get("type") for f in faulty.findall("failure")] == [f.rule for f in errors] == ["R2", "R3"]
    assert int(suite.get("failures", "0")) == 2 and int(suite.get("errors", "0")) == 1
    bad = next(c for c in cases if c.get("name") == str(junk))
    assert bad.find("error") is not None
    assert err.strip().splitlines()[-1] == "核对 6 份：1 份有错误（错误 2 个，警告 4 个），无法读取 1 份"


def test_sarif_fields_and_locations(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = _run(capsys, str(FAULTY), "--format", "sarif")
    assert code == 1
    log = json.loads(out)
    assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-2.1.0.json")
    run = log["runs"][0]
    assert run["tool"]["driver"]["name"] == "reviewer"
    rule_ids = {r["id"] for r in run["tool"]["driver"]["rules"]}
    record = parse_file(FAULTY)
    assert len(run["results"]) == len(record.findings)
    text = FAULTY.read_text(encoding="utf-8")
    lines = text.split("\n")
    for result, finding in zip(run["results"], record.findings, strict=True):
        assert result["ruleId"] == finding.rule and result["ruleId"] in rule_ids
        assert result["level"] == {"error": "error", "warning": "warning", "info": "note"}[finding.severity]
        assert result["message"]["text"] == finding.message
        loc = result["locations"][0]["physicalLocation"]
        assert loc["artifactLocation"]["uri"] == str(FAULTY)
    r2 = next(r for r in run["results"] if r["ruleId"] == "R2")
    region = r2["locations"][0]["physicalLocation"]["region"]
    # the culprit cell (总计 of 本机关不掌握, printed 0) at its place in the file: by offset and by line/column
    assert r2["locations"][0]["logicalLocations"][0]["name"] == "table3:unable.not_held:total"
    assert text[region["charOffset"]:region["charOffset"] + region["charLength"]] == "0" == region["snippet"]["text"]
    line = lines[region["startLine"] - 1]
    assert line[region["startColumn"] - 1:region["endColumn"] - 1] == "0"
    assert record.provenance["table3:unable.not_held:total"].span == (region["charOffset"],
                                                                      region["charOffset"] + region["charLength"])


def test_csv_one_row_per_finding(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, str(SAMPLES), "--format", "csv")
    assert code == 1
    rows = list(csv.DictReader(io.StringIO(out)))
    total = sum(len(parse_file(p).findings) for p in sorted(SAMPLES.glob("*.txt")))
    assert len(rows) == total
    r2 = next(r for r in rows if r["rule"] == "R2")
    assert r2["severity"] == "error" and r2["suggestion_cell"] == "table3:unable.not_held:total"
    assert r2["suggestion_value"] == "3"


def test_head_closes_the_pipe_without_a_traceback() -> None:
    cmd = (f"{sys.executable} -m reviewer.cli check {SAMPLES} --format json | head -1")
    done = subprocess.run(["bash", "-c", cmd], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr, done.stderr
    assert json.loads(done.stdout)["path"].endswith(".txt")


@pytest.mark.parametrize(("module", "prog"), [("reviewer.cli", "reviewer"), ("ui.app", "reviewer-gui")])
def test_version(module: str, prog: str) -> None:
    from reviewer.version import __version__

    done = subprocess.run([sys.executable, "-m", module, "--version"], cwd=ROOT, capture_output=True, text=True,
                          timeout=60, env={"PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen",
                                           "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0 and done.stdout.startswith(f"年报审核台 {prog} {__version__} (parser ")
