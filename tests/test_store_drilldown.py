"""The reports behind a figure of the charts (reviewer.store.stats.reports_behind): they add up to the figure."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from benchmarks.make_reports import generate
from reviewer.model import finding_key
from reviewer.store import Library
from reviewer.store.stats import SERIES, by_year, reports_behind

from .conftest import BACKENDS


@pytest.fixture(scope="module", params=BACKENDS)
def lib(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> Iterator[Library]:
    folder = tmp_path_factory.mktemp("drill")
    generate(folder / "gen", 18, seed=11)
    where = request.getfixturevalue("pg_cluster").new_database("drill") if request.param == "postgresql" else \
        folder / "library.sqlite"
    library = Library(where)
    library.import_paths([folder / "gen"], reviewer="统计测试", workers=1)
    yield library
    library.close()


def test_the_reports_behind_every_figure_add_up_to_it(lib: Library) -> None:
    stats = by_year(lib, include_all=True)
    assert stats.years
    for ys in stats.years:
        for key in SERIES:
            behind = reports_behind(lib, ys.year, key, include_all=True)
            assert len(behind) == ys.reports
            assert sum(c.value for c in behind if c.value is not None) == pytest.approx(ys.value(key)), key
            assert sum(1 for c in behind if c.blanks) == ys.blanks(key), key
            assert all(c.year == ys.year for c in behind)
            values = [c.value for c in behind if c.value is not None]
            assert values == sorted(values, reverse=True)  # the largest first


def test_counts_and_filters(lib: Library) -> None:
    stats = by_year(lib, include_all=True)
    ys = stats.years[0]
    everyone = reports_behind(lib, ys.year, "reports", include_all=True)
    assert len(everyone) == ys.reports
    errors = reports_behind(lib, ys.year, "with_errors", include_all=True)
    assert len(errors) == ys.with_errors and all(lib.summary(c.id).errors for c in errors)
    assert reports_behind(lib, ys.year, "requests.received") == []  # nothing verified yet
    clean = next(c.id for c in everyone if not lib.summary(c.id).errors)
    rep = lib.load(clean)
    lib.verify(clean, reviewer="统计测试", expected_version=rep.version,
               acknowledgements={finding_key(f): "核对" for f in rep.record.findings if f.severity == "warning"})
    assert [c.id for c in reports_behind(lib.address, ys.year, "reports")] == [clean]  # by path, verified only
    with pytest.raises(KeyError):
        reports_behind(lib, ys.year, "no.such")
