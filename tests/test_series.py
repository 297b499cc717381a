"""`gulag chart --series`: population figures as bars, in the terminal and as pictures.

The series fields (``series``, ``place`` on figures) arrive with branch `camps`; until its models
carry them, these tests hand the command a store whose figures have them, as the merged store will.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from typer.testing import Result

from gulagcli.dates import parse_edtf
from gulagcli.models import Figure, HistDate, Store
from gulagcli.store import load

from .conftest import MINI, mini, write_store

Gulag = Callable[..., Result]


class SeriesFigure(NamedTuple):
    """A figure as the shared data contract defines it, with ``series`` and ``place``."""

    id: str
    event: str | None
    what: str
    unit: str
    reported_by: str
    value: int | None = None
    low: int | None = None
    high: int | None = None
    approximate: bool = False
    date: HistDate | None = None
    note: str | None = None
    sources: tuple[str, ...] = ()
    series: str | None = None
    place: str | None = None


# Made-up numbers for a fixture: the test checks drawing, not history.
VALUES = {"1950-01-01": 1_400_000, "1951-01-01": 1_500_000, "1953-01-01": 1_700_000, "1956-01-01": 400_000}


def fixture_store() -> Store:
    store = load(MINI)
    figures: dict[str, Any] = dict(store.figures)
    for day, value in VALUES.items():
        figures[f"camps-{day}"] = SeriesFigure(f"camps-{day}", None, "prisoners in camps", "prisoners",
                                               "fixture", value, date=parse_edtf(day), sources=("ref-a",),
                                               series="gulag-camps")
    figures["kengir-1954"] = SeriesFigure("kengir-1954", None, "prisoners at Kengir", "prisoners", "fixture",
                                          5_200, date=parse_edtf("1954"), sources=("ref-a",),
                                          series="camp-population", place="kengir")
    return store._replace(figures=figures)


@pytest.fixture
def series_store(monkeypatch: pytest.MonkeyPatch) -> None:
    store = fixture_store()
    monkeypatch.setattr("gulagcli.store.load", lambda data=None: store)


def test_the_terminal_draws_one_bar_per_year_scaled_to_the_largest(gulag: Gulag, series_store: None) -> None:
    result = gulag("chart", "--series", "gulag-camps", "--width", "60", "--no-color")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "Prisoners in Gulag corrective labour camps on 1 January (prisoners)"
    bars = {line.split()[0]: line.count("█") for line in lines[1:]}
    assert list(bars) == ["1950", "1951", "1953", "1956"]
    assert bars["1953"] == max(bars.values()) and bars["1956"] < bars["1950"] < bars["1951"]
    assert lines[3].rstrip().endswith("1,700,000")


def test_one_camps_series_is_chosen_with_place(gulag: Gulag, series_store: None) -> None:
    result = gulag("chart", "--series", "camp-population", "--place", "Kengir", "--no-color")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == "Prisoners in the camp: Kengir (prisoners)"
    assert "5,200" in result.stdout


def test_series_pictures_are_written_and_reported(gulag: Gulag, series_store: None, tmp_path: Path) -> None:
    svg, png = tmp_path / "camps.svg", tmp_path / "camps.png"
    result = gulag("chart", "--series", "gulag-camps", "--svg", str(svg), "--png", str(png))
    assert result.exit_code == 0, result.output
    assert result.stderr == (f"saved the series gulag-camps (4 figures) to {svg}\n"
                             f"saved the series gulag-camps (4 figures) to {png}\n")
    text = svg.read_text(encoding="utf-8")
    assert "<!-- 1,700,000 -->" in text and "Figures as reported by fixture" in text
    assert png.read_bytes().startswith(b"\x89PNG")


def test_an_unknown_series_names_the_ones_there_are(gulag: Gulag, series_store: None) -> None:
    result = gulag("chart", "--series", "gulag-deaths")
    assert result.exit_code == 3
    assert result.stderr == ("gulag: error: no figures in series 'gulag-deaths'; "
                             "series: camp-population, gulag-camps\n")


def test_a_store_file_with_series_is_drawn_once_the_models_carry_them(gulag: Gulag, tmp_path: Path) -> None:
    if "series" not in Figure._fields:
        pytest.skip("Figure has no `series` field until branch `camps` is merged")
    store = mini()
    store["figures"].append({"id": "camps-1950", "what": "prisoners in camps", "unit": "prisoners",
                             "reported_by": "fixture", "value": 1_400_000, "date": "1950-01-01",
                             "series": "gulag-camps", "sources": ["ref-a"]})
    result = gulag("chart", "--series", "gulag-camps", "--no-color", data=write_store(tmp_path, store))
    assert result.exit_code == 0, result.output
    assert "1,400,000" in result.stdout
