"""`gulag chart --series`: population figures as bars, in the terminal and as pictures.

The fixture store's numbers are made up: these tests check the drawing, not the history.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from .conftest import mini, write_store

Gulag = Callable[..., Result]


# Made-up numbers for a fixture: the test checks drawing, not history.
VALUES = {"1950-01-01": 1_400_000, "1951-01-01": 1_500_000, "1953-01-01": 1_700_000, "1956-01-01": 400_000}


@pytest.fixture
def series_store(tmp_path: Path) -> Path:
    """The mini store with a system-wide series and one camp's count, as a store file."""
    store = mini()
    for day, value in VALUES.items():
        store["figures"].append({"id": f"camps-{day}", "what": "prisoners in camps", "unit": "prisoners",
                                 "reported_by": "fixture", "value": value, "date": day,
                                 "series": "gulag-camps", "sources": ["ref-a"]})
    store["figures"].append({"id": "kengir-1954", "what": "prisoners at Kengir", "unit": "prisoners",
                             "reported_by": "fixture", "value": 5_200, "date": "1954",
                             "series": "camp-population", "place": "kengir", "sources": ["ref-a"]})
    return write_store(tmp_path, store, name="series.json")


def test_the_terminal_draws_one_bar_per_year_scaled_to_the_largest(gulag: Gulag, series_store: Path) -> None:
    result = gulag("chart", "--series", "gulag-camps", "--width", "60", "--no-color", data=series_store)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    # The title wrapped at the width asked for, as the bars are (it ran past --width 40)
    assert lines[:2] == ["Prisoners in Gulag corrective labour camps on 1 January", "(prisoners)"]
    assert max(map(len, lines)) <= 60
    lines = lines[1:]
    # Each figure's date as the store gives it: these are counts of 1 January.
    bars = {line.split("█")[0].strip(): line.count("█") for line in lines[1:]}
    assert list(bars) == ["1 Jan 1950", "1 Jan 1951", "1 Jan 1953", "1 Jan 1956"]
    assert bars["1 Jan 1953"] == max(bars.values()) and bars["1 Jan 1956"] < bars["1 Jan 1950"] < bars["1 Jan 1951"]
    assert lines[3].rstrip().endswith("1,700,000")


def test_one_camps_series_is_chosen_with_place(gulag: Gulag, series_store: Path) -> None:
    result = gulag("chart", "--series", "camp-population", "--place", "Kengir", "--no-color", data=series_store)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == "Prisoners in the camp: Kengir (prisoners)"
    assert "5,200" in result.stdout


def test_series_pictures_are_written_and_reported(gulag: Gulag, series_store: Path, tmp_path: Path) -> None:
    svg, png = tmp_path / "camps.svg", tmp_path / "camps.png"
    result = gulag("chart", "--series", "gulag-camps", "--svg", str(svg), "--png", str(png), data=series_store)
    assert result.exit_code == 0, result.output
    assert result.stderr == (f"saved the series gulag-camps (4 figures) to {svg}\n"
                             f"saved the series gulag-camps (4 figures) to {png}\n")
    text = svg.read_text(encoding="utf-8")
    assert "<!-- 1,700,000 -->" in text and "Figures as reported by fixture" in text
    assert png.read_bytes().startswith(b"\x89PNG")


def test_an_unknown_series_names_the_ones_there_are(gulag: Gulag, series_store: Path) -> None:
    result = gulag("chart", "--series", "gulag-deaths", data=series_store)
    assert result.exit_code == 3
    assert result.stderr == ("gulag: error: --series 'gulag-deaths': no series of that name in the store\n"
                             "did you mean: camp-population, gulag-camps?\n")


def test_a_store_file_with_series_is_drawn(gulag: Gulag, tmp_path: Path) -> None:
    store = mini()
    store["figures"].append({"id": "camps-1950", "what": "prisoners in camps", "unit": "prisoners",
                             "reported_by": "fixture", "value": 1_400_000, "date": "1950-01-01",
                             "series": "gulag-camps", "sources": ["ref-a"]})
    result = gulag("chart", "--series", "gulag-camps", "--no-color", data=write_store(tmp_path, store))
    assert result.exit_code == 0, result.output
    assert "1,400,000" in result.stdout


def test_from_and_to_choose_the_years_of_a_series(gulag: Gulag, series_store: Path) -> None:
    result = gulag("chart", "--series", "gulag-camps", "--from", "1951", "--to", "1953", "--no-color",
                   data=series_store)
    assert result.exit_code == 0, result.output
    assert [line.split("█")[0].strip() for line in result.stdout.splitlines()[1:]] == ["1 Jan 1951", "1 Jan 1953"]
    # Good filters with nothing in them: said, exit 0, as an empty chart of events (it was exit 3)
    result = gulag("chart", "--series", "gulag-camps", "--from", "1990", data=series_store)
    assert result.exit_code == 0 and result.stdout == ""
    assert result.stderr == "the series gulag-camps has no figure between 1990-01-01 and its end\n"


def test_a_camp_with_no_counts_draws_nothing_and_says_so(gulag: Gulag, tmp_path: Path) -> None:
    """docs/commands.md: no figure of the series, nothing drawn, exit 0 (it was exit 3, as for
    a series the store does not have, while `figures --series ... --about` said exit 0)."""
    result = gulag("chart", "--series", "camp-population", "--place", "moscow", data=None)
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == "the series camp-population has no figure for Moscow\n"
    svg = tmp_path / "m.svg"
    result = gulag("chart", "--series", "camp-population", "--place", "moscow", "--svg", str(svg), data=None)
    assert result.exit_code == 0 and not svg.exists() and f"so {svg} was not written" in result.stderr
    assert gulag("chart", "--series", "camp-populations", "--place", "moscow", data=None).exit_code == 3


def test_a_figure_dated_by_year_stays_in_a_range_that_starts_within_its_year(gulag: Gulag) -> None:
    """The bundled store's 1953 count is dated by the year alone: a chart --from 1953-03 keeps it,
    as the timeline keeps an event of 1953 (it was dropped, and the chart said there was nothing)."""
    result = gulag("chart", "--series", "gulag-camps", "--from", "1953-03", "--no-color", data=None)
    assert result.exit_code == 0 and result.stderr == ""
    assert "1953 " in result.stdout and "1,727,970" in result.stdout
    result = gulag("chart", "--series", "gulag-camps", "--from", "1954", data=None)
    assert result.exit_code == 0 and result.stdout == "" and "no figure between 1954-01-01" in result.stderr


@pytest.mark.parametrize(("args", "said"), [
    (["--tag", "uprising"], "--tag does not apply"),
    (["--by", "place", "--reverse"], "--by and --reverse do not apply"),
])
def test_options_a_series_cannot_use_are_refused_not_ignored(
    gulag: Gulag, series_store: Path, args: list[str], said: str
) -> None:
    result = gulag("chart", "--series", "gulag-camps", *args, data=series_store)
    assert result.exit_code == 2 and said in result.stderr


def test_every_camps_counts_at_once_is_refused_without_a_place(gulag: Gulag, series_store: Path) -> None:
    result = gulag("chart", "--series", "camp-population", data=series_store)
    assert result.exit_code == 2
    assert "--series camp-population draws one camp's yearly counts: give one --place" in result.stderr


def test_a_series_of_one_figure_says_figure(gulag: Gulag, series_store: Path, tmp_path: Path) -> None:
    svg = tmp_path / "one.svg"
    result = gulag("chart", "--series", "camp-population", "--place", "kengir", "--svg", str(svg),
                   data=series_store)
    assert result.exit_code == 0 and result.stderr == f"saved the series camp-population (1 figure) to {svg}\n"


def test_two_camps_in_one_comma_list_are_two_places_and_refused(gulag: Gulag, series_store: Path) -> None:
    result = gulag("chart", "--series", "camp-population", "--place", "kengir,norilsk", data=series_store)
    assert result.exit_code == 2 and "give one --place" in result.stderr


def test_an_approximate_range_keeps_its_c_in_the_series_chart(gulag: Gulag, tmp_path: Path) -> None:
    """`figures` said "c. 1,000,000–2,000,000" and the chart of the same figure dropped the "c."."""
    store = mini()
    store["figures"].append({"id": "c2", "what": "prisoners in camps", "unit": "prisoners", "reported_by": "MVD",
                             "sources": [store["sources"][0]["id"]], "series": "gulag-camps",
                             "date": "1951-01-01", "low": 1000000, "high": 2000000, "approximate": True})
    result = gulag("chart", "--series", "gulag-camps", data=write_store(tmp_path, store))
    assert result.exit_code == 0, result.output
    assert "c. 1,000,000–2,000,000" in result.stdout


@pytest.mark.parametrize("width", ["40", "52", "80"])
def test_long_dates_and_ranges_keep_the_series_chart_within_its_width(gulag: Gulag, tmp_path: Path,
                                                                       width: str) -> None:
    """A span of dates beside a range left 10 columns of bars whatever --width said: at --width
    40 the lines ran to 57."""
    store = mini()
    for ident, day, low, high in (("w1", "1953-05-26/1953-08-04", 1_000_000, 1_500_000),
                                  ("w2", "1954-06-16/1954-06-26", 500_000, 700_000)):
        store["figures"].append({"id": ident, "what": "prisoners in camps", "unit": "prisoners",
                                 "reported_by": "fixture", "sources": ["ref-a"], "series": "gulag-camps",
                                 "date": day, "low": low, "high": high, "approximate": True})
    result = gulag("chart", "--series", "gulag-camps", "--width", width, "--no-color",
                   data=write_store(tmp_path, store))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert max(map(len, lines)) <= int(width)
    assert "26 May – 4 Aug 1953" in result.stdout and "c. 1,000,000–1,500,000" in result.stdout
    bars = [line.count("█") for line in lines if "█" in line]
    assert len(bars) == 2 and bars[0] > bars[1] > 0
