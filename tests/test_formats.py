"""The format files: validated when loaded (a bad file is named with the key at fault), and the one place that
answers every question about a format — a cell's label above all."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from reviewer import formats
from reviewer.formats import FormatError, cell_label, label_of, load_format
from reviewer.resources import formats_dir, samples_dir

VARIANT = {"id": "test-province", "kind": "table2_variant", "name": "测试省分类表", "detect": ["测试分类"],
           "columns": [{"key": "value", "label": "数量"}], "total_row": "合计"}


@pytest.fixture
def extra_dir(tmp_path: Path) -> Iterator[Path]:
    """A folder of format files read after the bundled ones; the catalog is read again without it after."""
    folder = tmp_path / "formats"
    folder.mkdir()
    yield folder
    formats.reload()


def load_with(folder: Path) -> None:
    formats.add_format_dir(folder)
    try:
        formats.load_formats()
    finally:
        formats.remove_format_dir(folder)


def national_2021() -> dict:
    return json.loads((formats_dir() / "national-2021.json").read_text(encoding="utf-8"))


def write(folder: Path, name: str, data: object) -> Path:
    path = folder / name
    path.write_text(json.dumps(data, ensure_ascii=False) if not isinstance(data, str) else data, encoding="utf-8")
    return path


def test_every_bundled_file_is_valid_and_read() -> None:
    names = sorted(p.name for p in formats_dir().glob("*.json"))
    assert names == ["national-2019.json", "national-2021.json", "table2-hebei.json"]
    assert list(formats.load_formats()) == ["2019", "2021"]
    assert [v.id for v in formats.load_table2_variants()] == ["hebei-classification"]
    for path in formats_dir().glob("*.json"):
        formats.read_file(path)  # raises FormatError when not


@pytest.mark.parametrize(("change", "where"), [
    (lambda d: d.pop("since"), "(top level): 'since' is a required property"),
    (lambda d: d["sections"]["table3"]["rows"][3].update(colums=["total"]), "sections.table3.rows[3]"),
    (lambda d: d["sections"]["table3"]["columns"][0].update(kind="number"), "sections.table3.columns[0].kind"),
    (lambda d: d["relations"][0]["lhs"].append("new_recieved"), "relations[0].lhs: table3 has no row 'new_recieved'"),
    (lambda d: d["relations"][1].update(table="table9"), "relations[1].table: no table 'table9'"),
    (lambda d: d["prose"][0]["alternatives"][0].append("table3:granted:sum"),
     "prose[0].alternatives[0]: table3:granted:sum: row 'granted' has no column 'sum'"),
    (lambda d: d["cross"][1].pop("plus"), "cross[1]: 'plus' is a required property"),
    (lambda d: d["charts"].update({"requests.granted": ["table3:granted"]}), "charts.requests.granted[0]"),
    (lambda d: d["sections"]["table2"]["rows"][0].update(columns=["issued", "made"]),
     "sections.table2.rows[0].columns: table2 has no column 'made'"),
    (lambda d: d.update(template="2019"), "template: '2019' is already defined by"),
])
def test_a_bad_national_file_is_refused_at_load_naming_the_file_and_the_key(extra_dir: Path, change, where) -> None:
    data = copy.deepcopy(national_2021())
    data["id"] = "national-2021-copy"
    data["template"] = "2021x"
    change(data)
    path = write(extra_dir, "national-bad.json", data)
    with pytest.raises(FormatError) as err:
        load_with(extra_dir)
    message = str(err.value)
    assert message.startswith(f"{path}: ") and where in message, message
    assert "\n" not in message


@pytest.mark.parametrize(("text", "where"), [
    ('{"id": "x", "kind": "table2_variant",', "not valid JSON"),
    (json.dumps({**VARIANT, "colunms": VARIANT["columns"]}), "'colunms' was unexpected"),
    (json.dumps({**VARIANT, "kind": "provincial"}), "kind: 'provincial' is not one of"),
    (json.dumps({**VARIANT, "columns": [{"key": "value", "label": "数量"}, {"key": "value", "label": "件数"}]}),
     "columns: a column key appears twice"),
    (json.dumps({**VARIANT, "id": "hebei-classification"}), "id: 'hebei-classification' is already defined by"),
    ("[1, 2]", "(top level): [1, 2] is not of type 'object'"),
])
def test_a_bad_variant_file_is_refused_at_load(extra_dir: Path, text: str, where: str) -> None:
    path = write(extra_dir, "table2-bad.json", text)
    with pytest.raises(FormatError) as err:
        load_with(extra_dir)
    assert str(err.value).startswith(f"{path}: ") and where in str(err.value), str(err.value)


def test_a_folder_named_in_the_environment_that_does_not_exist_is_named(monkeypatch: pytest.MonkeyPatch,
                                                                        tmp_path: Path) -> None:
    monkeypatch.setenv(formats.FORMATS_ENV, str(tmp_path / "missing"))
    formats.reload()
    try:
        with pytest.raises(FormatError, match="missing: no such folder"):
            formats.load_formats()
    finally:
        monkeypatch.delenv(formats.FORMATS_ENV)
        formats.reload()
    assert "2021" in formats.load_formats()


def test_a_good_extra_folder_adds_its_variant(extra_dir: Path) -> None:
    write(extra_dir, "table2-test.json", VARIANT)
    formats.add_format_dir(extra_dir)
    try:
        assert formats.table2_variant("test-province") is not None
        assert label_of(None, "table2", "测试分类/动态", "value") == "测试分类/动态·数量"
    finally:
        formats.remove_format_dir(extra_dir)
    assert formats.table2_variant("test-province") is None


def test_one_function_names_every_cell() -> None:
    lab = cell_label("2021", None, "table3", "unable.not_held", "total")
    assert (lab.row_group, lab.row_label, lab.column_group, lab.column_label) == (
        "三、本年度办理结果/（四）无法提供", "1.本机关不掌握相关政府信息", "", "总计")
    assert lab.text == "（四）无法提供 1.本机关不掌握相关政府信息·总计"
    assert lab.table_short == "表三"
    assert cell_label("2021", None, "table3", "denied.state_secret", "commercial").column_group == "法人或其他组织"
    # a row only the other format has (kept from an edit made under it) is still named in words
    assert label_of("2021", "table3", "other", "natural") == "（六）其他处理·自然人"
    # a provincial table: the row is its label path, the column the variant's
    prov = cell_label("2021", "hebei-classification", "table2", "基础分类/动态/公示公告", "value")
    assert (prov.row_group, prov.row_label, prov.row, prov.column_label) == (
        "基础分类/动态", "公示公告", "基础分类/动态/公示公告", "数量")
    # nobody's row: its key, said so
    unknown = cell_label("2021", None, "table3", "subtotal", "natural")
    assert (unknown.text, unknown.known) == ("subtotal·自然人", False)


def test_the_format_knowledge_the_rules_read_is_in_the_files() -> None:
    f2019, f2021 = load_format("2019"), load_format("2021")
    assert (f2019.since, f2021.since) == (2019, 2021)
    assert f2021.fee_cell == "table2:fees:amount" and f2019.fee_cell is None  # R10 is a 2021 question
    assert {r["kind"] for r in f2021.cross} == {"carry", "roll"} and [r["id"] for r in f2019.cross] == ["R7"]
    assert f2021.tables["table3"].total_column == "total"
    assert {p.key for p in f2021.prose} >= {"requests_received", "denied_total", "litigation_total"}
    assert formats.template_for_year(2020) == "2019" and formats.template_for_year(2023) == "2021"
    assert formats.template_for_year(None) == "2021" == formats.latest_template()


def test_a_file_changed_after_it_passed_is_checked_again(extra_dir: Path) -> None:
    path = write(extra_dir, "table2-test.json", VARIANT)
    load_with(extra_dir)  # passes (and leaves a stamp for these exact bytes)
    write(extra_dir, "table2-test.json", {**VARIANT, "totl_row": "合计"})
    with pytest.raises(FormatError, match="'totl_row' was unexpected"):
        load_with(extra_dir)
    assert path.exists()


def test_the_command_line_names_a_bad_format_file_once(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    from reviewer.cli import main

    bad = write(tmp_path, "table2-bad.json", {**VARIANT, "columns": []})
    monkeypatch.setenv(formats.FORMATS_ENV, str(tmp_path))
    formats.reload()
    try:
        sample = next(samples_dir().glob("004_*.txt"))
        assert main(["parse", str(sample), str(sample)]) == 2
    finally:
        monkeypatch.delenv(formats.FORMATS_ENV)
        formats.reload()
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"错误：{bad}: columns: [] should be non-empty"]
