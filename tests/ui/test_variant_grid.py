"""A provincial table 2 with several value columns shows every value in the review grid, under its column."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt

from reviewer import formats
from reviewer.formlayout import build
from tests.test_variant_columns import TEST_FORMATS, THREE, THREE_CELLS, parse
from ui.grid_model import CELL_ID_ROLE, GridModel, format_value
from ui.marks import MarkStyle, compute_marks


@pytest.fixture(autouse=True)
def test_formats(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv(formats.FORMATS_ENV, str(TEST_FORMATS))
    formats.reload()
    yield
    monkeypatch.delenv(formats.FORMATS_ENV)
    formats.reload()


def test_three_value_columns_in_the_grid(qapp) -> None:  # noqa: ANN001
    record = parse(THREE)
    origins = {c: s.origin for c, s in record.provenance.items()}
    model = GridModel(build(record, "table2"), record.get, compute_marks(record.findings, origins, lambda f: f.message),
                      MarkStyle())
    shown: dict[str, str] = {}
    texts: set[str] = set()
    for r in range(model.rowCount()):
        for c in range(model.columnCount()):
            index = model.index(r, c)
            cid = model.data(index, CELL_ID_ROLE)
            text = model.data(index, Qt.ItemDataRole.DisplayRole)
            if cid:
                shown[cid] = text
            elif text:
                texts.add(text)
    assert shown == {f"table2:{row}:{col}": format_value(v) for (row, col), v in THREE_CELLS.items()}
    assert {"本年新增", "本年更新", "累计公开"} <= texts
