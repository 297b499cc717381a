"""The camp system on the command line: places filtered and sorted, the camp card, series of
figures, and camp names in `timeline --place`."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from typer.testing import Result

from gulagcli.camps import open_range, sparkline

from .conftest import ids, mini, page_data, write_store

Gulag = Callable[..., Result]
SPECIAL = {"minlag", "gorlag", "dubravlag", "steplag", "berlag", "rechlag", "ozerlag", "peschanlag",
           "luglag", "kamyshlag", "dallag"}


def bundled(gulag: Gulag, *args: str) -> Result:
    result = gulag(*args, data=None)
    assert result.exit_code == 0, result.output
    return result


def test_places_type_special_camp_lists_all_twelve_special_camps(gulag: Gulag) -> None:
    recs = json.loads(bundled(gulag, "places", "--type", "special-camp", "--json").stdout)
    assert len(recs) == 12
    assert {r["id"] for r in recs} >= SPECIAL
    assert all(r["camp_type"] == "special-camp" and r["dates"]["edtf"] for r in recs)


def test_places_open_on_the_day_stalin_died(gulag: Gulag) -> None:
    recs = json.loads(bundled(gulag, "places", "--open", "1953-03-05", "--json").stdout)
    found = {r["id"] for r in recs}
    assert {"steplag", "gorlag", "karlag", "rechlag"} <= found
    assert "luglag" not in found  # merged into Peschanlag in 1951
    for r in recs:
        assert r["dates"]["start"] <= "1953-03-05" <= (r["dates"]["end"] or "9999"), r["id"]  # None: open end
    # An interval keeps every camp open at some time in it: more camps than on one day.
    wider = ids(bundled(gulag, "places", "--open", "1950/1955", "--json"))
    assert found < set(wider)
    assert "luglag" in wider


def test_places_filter_by_country_and_sort_by_size(gulag: Gulag) -> None:
    recs = json.loads(bundled(gulag, "places", "--country", "Kazakhstan", "--sort", "size", "--json").stdout)
    assert recs and all(r["country"] == "Kazakhstan" for r in recs)
    assert recs[0]["id"] == "karlag"
    peaks = [r["peak"]["value"] for r in recs if r["peak"]]
    assert peaks == sorted(peaks, reverse=True)
    region = ids(bundled(gulag, "places", "--region", "Komi", "--json"))
    assert "minlag" in region and "karlag" not in region


@pytest.mark.parametrize(("command", "args"), [
    ("places", ["--country", "Russia", "--country", "Kazakhstan"]), ("places", ["--country", "Kazakhstan,Russia"]),
    ("places", ["--type", "itl", "--type", "special-camp"]), ("places", ["--region", "Komi,Karaganda"]),
    ("sources", ["--kind", "book", "--kind", "web"]), ("sources", ["--kind", "book,web"]),
])
def test_a_filter_given_twice_or_as_a_comma_list_keeps_any_of_them(gulag: Gulag, command: str,
                                                                    args: list[str]) -> None:
    both = {r["id"] for r in json.loads(bundled(gulag, command, *args, "--json").stdout)}
    option, values = args[0], [v for a in args[1::2] for v in a.split(",")]
    each = [{r["id"] for r in json.loads(bundled(gulag, command, option, v, "--json").stdout)} for v in values]
    assert all(each) and both == set().union(*each)  # not the last value alone


def test_places_region_matches_the_modern_region_or_the_datasets_broad_area(gulag: Gulag) -> None:
    # The broad map area, as before the modern regions came: every camp of Central Asia.
    area = json.loads(bundled(gulag, "places", "--region", "Central Asia", "--json").stdout)
    assert {"karlag", "peschanlag"} <= {r["id"] for r in area}
    assert all(r["area"] == "Central Asia" for r in area)
    # The modern region: Karaganda Region, not the Ulytau Region of Kengir nor Akmola's Luglag.
    modern = json.loads(bundled(gulag, "places", "--region", "Karaganda Region", "--json").stdout)
    assert "karlag" in {r["id"] for r in modern} and "kengir" not in {r["id"] for r in modern}
    assert all(r["region"] == "Karaganda Region" for r in modern)
    assert "kengir" in ids(bundled(gulag, "places", "--region", "Ulytau", "--json"))
    # "Komi" is both a broad area and a word of "Komi Republic": Vorkuta's area is "European North".
    assert "vorkuta" in ids(bundled(gulag, "places", "--region", "Komi Republic", "--json"))
    card = bundled(gulag, "show", "karlag", "--format", "plain").stdout
    assert "region: Karaganda Region" in card and "map area: Central Asia" in card
    # Plain lines end with the region and `organised`, so the columns before keep their places for `cut`.
    line = next(row for row in bundled(gulag, "places", "--format", "plain").stdout.splitlines()
                if row.startswith("karlag\t")).split("\t")
    assert line[1] == "Karlag" and line[6].isdigit() and line[-2:] == ["Karaganda Region", ""]


def test_places_csv_export_has_camp_columns(gulag: Gulag) -> None:
    out = bundled(gulag, "places", "--type", "special-camp", "--format", "csv").stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {"camp_type", "dates", "peak", "peak_year", "lat", "lon"} <= set(rows[0])
    steplag = next(r for r in rows if r["id"] == "steplag")
    assert steplag["dates"] == "1948-02-28/1956-04-24" and steplag["peak"] == "27855"


def test_bad_open_value_is_one_line_and_exit_2(gulag: Gulag) -> None:
    result = gulag("places", "--open", "1955/1950", data=None)
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "ends before it starts" in result.stderr
    result = gulag("places", "--open", "soon", data=None)
    assert result.exit_code == 2 and "--open" in result.stderr


@pytest.mark.parametrize("name", ["karlag", "Карлаг", "Karagandinsky ITL"])
def test_show_camp_card_in_latin_or_cyrillic(gulag: Gulag, name: str) -> None:
    out = bundled(gulag, "show", name).stdout
    assert out.startswith("place: Karlag\n")
    assert "type: corrective labour camp (ITL)" in out
    assert "headquarters: 49.6705, 72.6805" in out
    assert "open: 17 Sep 1931" in out
    assert "65,673" in out and "1949" in out  # its largest count, in the table
    assert any(ch in out for ch in "▁▂▃▄▅▆▇█")  # the sparkline
    assert "[gulagmap-dataset] Gulag History Museum camp map" in out


def test_show_camp_json_has_counts_history_and_sources(gulag: Gulag) -> None:
    rec = json.loads(bundled(gulag, "show", "peschanlag", "--json").stdout)
    assert rec["camp_type"] == "special-camp" and rec["cyrillic"]
    years = [c["date"]["edtf"] for c in rec["counts"]]
    assert years == sorted(years) and any(y.startswith("1952") for y in years)
    assert {"gulagmap-dataset", "memorial-1998-handbook"} <= {s["id"] for s in rec["sources"]}
    ekibastuz = json.loads(bundled(gulag, "show", "place:ekibastuz", "--json").stdout)
    assert [(h["change"], h["place"]) for h in ekibastuz["history"]][:2] == [
        ("transferred-to", "peschanlag"), ("transferred-to", "dallag")]


def test_a_camp_closed_in_a_window_is_open_until_its_last_day_and_not_after(gulag: Gulag) -> None:
    """Construction 90 was renamed between 17 March and 15 April 1949 but was listed open all of
    1949; Zapolyarlag, closed between 1 October 1948 and 5 February 1949, was not listed in
    December 1948; Taishet ITL, merged into Angarlag on 29 September 1948, was open all year."""
    def open_on(day: str) -> set[str]:
        return set(ids(bundled(gulag, "places", "--open", day, "--json")))

    assert "construction-site-no-90-and-itl" in open_on("1949-04-01")
    assert "construction-site-no-90-and-itl" not in open_on("1949-06-01")
    assert "zapolyarlag" in open_on("1948-12-01")
    taishet = "taishetsky-itl-of-the-chief-directorate-of-railway-construction-works"
    assert taishet in open_on("1948-09-29") and taishet not in open_on("1948-10-15")
    card = json.loads(bundled(gulag, "show", f"place:{taishet}", "--json").stdout)
    # formed from the BAM construction's Western Administration, which is not a camp here: not from Kolyma's Zaplag
    assert [(h["change"], h["place"]) for h in card["history"]] == [("opened", None), ("merged-into", "angarlag")]
    assert "Western Administration" in card["history"][0]["note"]
    renamed = json.loads(bundled(gulag, "show", "place:construction-site-no-90-and-itl", "--json").stdout)
    assert [(h["change"], h["place"]) for h in renamed["history"]] == [("opened", "specstroy-itl"),
                                                                       ("renamed", "construction-site-560-and-itl")]


def test_a_camps_history_reads_as_words(gulag: Gulag) -> None:
    """The card printed the JSON's change names: "opened Volgolag" (as if Mosleslag opened it, not
    was formed from it) and, on Norillag, "split-from Gorlag" (Gorlag was split from Norillag)."""
    card = bundled(gulag, "show", "mosleslag", "--format", "plain").stdout
    assert "19 Jan 1945  opened, formed from Volgolag (1944-1946) (volgolag)" in card
    norillag = bundled(gulag, "show", "norillag", "--format", "plain").stdout
    assert "28 Feb 1948  transferred to Gorlag (gorlag)" in norillag and "split" not in norillag
    dallag = bundled(gulag, "show", "dallag", "--format", "plain").stdout
    assert "split from Peschanlag (peschanlag)" in dallag and "merged into" in dallag
    assert "  closed:" in norillag  # a change with no other camp: the word alone


def test_figures_about_a_camp_lists_its_yearly_counts_with_sources(gulag: Gulag) -> None:
    recs = json.loads(bundled(gulag, "figures", "--about", "karlag", "--json").stdout)
    counts = [r for r in recs if r["series"] == "camp-population"]
    assert len(counts) >= 20
    assert all(r["place"] == "karlag" and r["sources"] for r in counts)
    assert next(r["value"] for r in counts if r["date"]["edtf"] == "1949") == 65673


def test_figures_series_lists_one_system_wide_series(gulag: Gulag) -> None:
    recs = json.loads(bundled(gulag, "figures", "--series", "gulag-deaths", "--json").stdout)
    assert recs and all(r["series"] == "gulag-deaths" and r["sources"] for r in recs)
    assert [r["date"]["edtf"] for r in recs] == sorted(r["date"]["edtf"] for r in recs)
    result = gulag("figures", "--series", "nope", data=None)
    assert result.exit_code == 3 and "no series of that name" in result.stderr
    assert "did you mean:" in result.stderr and "gulag-deaths" in result.stderr


@pytest.mark.parametrize("name", ["steplag", "Степлаг", "Special Camp No. 4"])
def test_timeline_place_accepts_camp_names_and_aliases(gulag: Gulag, name: str) -> None:
    assert "kengir-uprising" in ids(bundled(gulag, "timeline", "--place", name, "--json"))


def _camp_store(tmp_path: Path) -> Path:
    store: dict[str, Any] = mini()
    store["places"].append({
        "id": "testlag", "name": "Testlag", "names": ["Тестлаг"], "cyrillic": "Тестовый ИТЛ", "kind": "camp",
        "camp_type": "itl", "dates": "1950-06-01/1953-03-04", "country": "Russia", "lat": 60.0, "lon": 60.0,
        "sources": [store["sources"][0]["id"]],
    })
    store["figures"].append({
        "id": "testlag-1951", "what": "prisoners held in Testlag", "value": 1200, "unit": "prisoners",
        "date": "1951", "reported_by": "test", "place": "testlag", "series": "camp-population",
        "sources": [store["sources"][0]["id"]],
    })
    return write_store(tmp_path, store)


def test_open_uses_the_stated_dates_to_the_day(gulag: Gulag, tmp_path: Path) -> None:
    path = _camp_store(tmp_path)
    assert ids(gulag("places", "--open", "1953-03-04", "--json", data=path)) == ["testlag"]
    assert ids(gulag("places", "--open", "1953-03-05", "--json", data=path)) == []
    assert ids(gulag("places", "--open", "1940/1950-06", "--json", data=path)) == ["testlag"]
    show = gulag("show", "Тестлаг", data=path)
    assert show.exit_code == 0 and "1951" in show.stdout and "1,200" in show.stdout


def test_a_camp_closed_for_a_while_is_not_open_during_its_break(gulag: Gulag) -> None:
    """Bogoslovlag was closed in January 1949 and set up again in June 1951 (its history, from
    Memorial's handbook): not open in 1950, open in a span that reaches either period."""
    assert "bogoslovlag" not in ids(bundled(gulag, "places", "--open", "1950", "--json"))
    assert "bogoslovlag" not in ids(bundled(gulag, "places", "--open", "1949-02/1951-05", "--json"))
    for span in ("1949-01", "1951-06", "1948/1952", "1949/1950"):
        assert "bogoslovlag" in ids(bundled(gulag, "places", "--open", span, "--json")), span


NEVER_SET_UP = {"kokshinski-itl": "no", "itl-and-construction-of-the-kazan-oil-refining-plant": "apparently not",
                "construction-site-no-304-and-itl": "apparently not",
                "minusinski-lo-of-the-glavspetstsvetmet-special-main-administration": "perhaps not"}


def test_a_camp_ordered_but_never_set_up_is_on_record_not_open(gulag: Gulag) -> None:
    """Kokshinski ITL's opening order of July 1947 was cancelled in October and the camp never
    organised (Memorial's handbook), yet its card said "open" and `--open` counted it, as it
    counted four such camps dated across the day Stalin died."""
    places = {r["id"]: r for r in json.loads(bundled(gulag, "places", "--json").stdout)}
    for ident, organised in NEVER_SET_UP.items():
        assert places[ident]["organised"] == organised, ident
        assert "never organised" in places[ident]["summary"] and " open " not in places[ident]["summary"], ident
    assert places["karlag"]["organised"] is None
    stalin = set(ids(bundled(gulag, "places", "--open", "1953-03-05", "--json")))
    assert not {"itl-and-construction-of-the-kazan-oil-refining-plant", "construction-site-no-304-and-itl"} & stalin
    summer_1947 = ids(bundled(gulag, "places", "--open", "1947-08", "--json"))
    assert "kokshinski-itl" not in summer_1947
    assert "minusinski-lo-of-the-glavspetstsvetmet-special-main-administration" in summer_1947  # only perhaps
    card = bundled(gulag, "show", "kokshinski", "--format", "plain").stdout
    assert "on record: 27 Jul – 7 Oct 1947" in card and "organised: never" in card and "\nopen:" not in card
    features = {f["properties"]["id"]: f["properties"]
                for f in json.loads(bundled(gulag, "export", "-f", "geojson").stdout)["features"]}
    assert (features["kokshinski-itl"]["start"], features["kokshinski-itl"]["organised"]) == (None, "no")
    page = {p["id"]: p for p in page_data(bundled(gulag, "export", "-f", "html").stdout)["places"]}
    assert (page["kokshinski-itl"]["organised"], page["kokshinski-itl"]["never_open"]) == ("never", True)
    assert page["kokshinski-itl"]["type"] == "corrective labour camp (ITL)"  # not "itl"
    assert not page["karlag"]["never_open"] and page["karlag"]["organised"] is None


def test_organised_takes_only_its_three_values(gulag: Gulag, tmp_path: Path) -> None:
    store: dict[str, Any] = json.loads(_camp_store(tmp_path).read_text(encoding="utf-8"))
    store["places"][-1]["organised"] = "maybe"
    result = gulag("places", data=write_store(tmp_path, store, "bad.json"))
    assert result.exit_code == 5
    assert ".organised (testlag): must be one of no, apparently not, perhaps not" in result.stderr
    checked = gulag("validate", str(tmp_path / "bad.json"), data=None)
    assert checked.exit_code == 5 and "organised" in checked.output


def test_a_figure_naming_a_missing_place_is_a_data_error(gulag: Gulag, tmp_path: Path) -> None:
    store: dict[str, Any] = json.loads(_camp_store(tmp_path).read_text(encoding="utf-8"))
    store["figures"][-1]["place"] = "nolag"
    result = gulag("places", data=write_store(tmp_path, store, "bad.json"))
    assert result.exit_code != 0 and "no place with id 'nolag'" in result.stderr


def test_open_range_and_sparkline_core() -> None:
    assert open_range("1953") == (date(1953, 1, 1), date(1953, 12, 31))
    assert open_range("1950/1955-06") == (date(1950, 1, 1), date(1955, 6, 30))
    assert open_range("../1950")[0] == date.min
    assert sparkline([1, 5, 9]) == "▁▅█" and sparkline([3, 3]) == "▁▁" and sparkline([]) == ""
    assert sparkline([1, None, 9]) == "▁·█"  # a year without a count is a gap, not nothing


@pytest.mark.parametrize("name", ["gorlag", "Горлаг", "Mountain Camp"])
def test_the_special_camp_gorlag_is_not_confused_with_the_later_gorodskoe_division(gulag: Gulag, name: str) -> None:
    rec = json.loads(bundled(gulag, "show", name, "--json").stdout)
    assert rec["id"] == "gorlag" and rec["camp_type"] == "special-camp"
    later = json.loads(bundled(gulag, "show", "gorlag-1953", "--json").stdout)
    assert later["name"] == "Gorlag (1953-1956)"


@pytest.mark.parametrize(("args", "said"), [
    (["places", "--country", "Kasachstan"],
     "--country 'Kasachstan': no place in the store has it\ndid you mean: Kazakhstan"),
    (["places", "--region", "narnia"], "--region 'narnia': no place in the store has it"),
])
def test_a_place_filter_no_place_has_is_an_error_with_suggestions(gulag: Gulag, args: list[str], said: str) -> None:
    result = gulag(*args, data=None)
    assert result.exit_code == 3 and said in result.stderr


def test_filters_that_exist_but_meet_no_camp_together_are_an_empty_list_not_an_error(gulag: Gulag) -> None:
    result = gulag("places", "--country", "germany", "--type", "itl", "--json", data=None)
    assert result.exit_code == 0 and result.stdout.strip() == "[]"


def test_an_unknown_kind_of_source_is_a_usage_error_naming_the_kinds(gulag: Gulag) -> None:
    result = gulag("sources", "--kind", "zzzz", data=None)
    assert result.exit_code == 2 and "--kind 'zzzz' is not a kind of source; one of: book, chapter" in result.stderr


def test_a_camps_sparkline_leaves_a_gap_for_a_year_without_a_count(gulag: Gulag) -> None:
    out = bundled(gulag, "show", "place:chaunchukotlag", "--format", "plain").stdout  # 1951 and 1953
    assert "prisoners: ▁·█  1 Sep 1951–1 Dec 1953" in out


def test_type_takes_a_comma_list_in_any_case_and_names_the_types_on_a_typo(gulag: Any) -> None:
    both = gulag("places", "--type", "itl,Special-Camp", "--json", data=None)
    repeated = gulag("places", "--type", "itl", "--type", "special-camp", "--json", data=None)
    assert both.exit_code == 0 and both.stdout == repeated.stdout
    assert {p["camp_type"] for p in json.loads(both.stdout)} == {"itl", "special-camp"}
    typo = gulag("places", "--type", "itl,spcial-camp", data=None)
    assert typo.exit_code == 2
    assert "--type 'spcial-camp' is not a camp type; one of: itl, special-camp," in typo.stderr


@pytest.mark.parametrize("camp", ["nizhnedonlag", "saranski-itl-and-guldzhs-construction-site"])
def test_a_camp_card_is_the_same_on_every_run(camp: str, tmp_path: Path) -> None:
    """Two reporters with as many counts each: the one named at the end was taken from a set,
    and changed with the interpreter's hash seed."""
    import os
    import subprocess
    import sys

    def card(seed: str) -> str:
        env = {**os.environ, "PYTHONHASHSEED": seed, "GULAG_CACHE_DIR": str(tmp_path / "cache")}
        return subprocess.run([sys.executable, "-m", "gulagcli", "show", camp], capture_output=True, text=True,
                              env=env, check=True, timeout=60).stdout

    cards = {card(seed) for seed in ("1", "2", "3", "4")}
    assert len(cards) == 1 and "reported by" in cards.pop()


# "Special Camp No. 4" is also Bautzen's name in Germany, so it reaches both camps; "Osoblag No. 4" is Steplag's alone.
@pytest.mark.parametrize(("latin", "other"), [("steplag", "Степлаг"), ("steplag", "Osoblag No. 4"),
                                               ("norilsk", "Норильск")])
def test_place_gives_the_same_events_whichever_name_of_the_camp_is_typed(gulag: Gulag, latin: str,
                                                                          other: str) -> None:
    """A division's complex and a camp's modern town are written in Latin only: the Cyrillic
    name reached the camp but not its divisions (the Kengir commission's trial was left out)."""
    def ids(name: str) -> list[str]:
        return [e["id"] for e in json.loads(gulag("timeline", "--place", name, "--json", data=None).stdout)]

    assert ids(latin) == ids(other) and ids(latin)


def test_a_camp_never_set_up_says_so_in_every_listing_format(gulag: Gulag) -> None:
    """`organised` was in JSON and on the card only: the table showed Kokshinski ITL as open."""
    table = gulag("places", "--region", "Altai Krai", "--format", "table", data=None, env={"COLUMNS": "160"}).stdout
    assert "27 Jul – 7 Oct 1947; never organised" in table
    plain = gulag("places", "--region", "Altai Krai", "--format", "plain", data=None).stdout.splitlines()
    assert [line.split("\t")[-1] for line in plain if line.startswith(("kokshinski-itl\t", "altailag\t"))] == ["", "no"]
    rows = gulag("places", "--region", "Altai Krai", "--format", "csv", data=None).stdout.splitlines()
    assert rows[0].endswith(",area,organised")
    assert next(r for r in rows if r.startswith("kokshinski-itl,")).endswith(",no")


def test_a_counts_note_shows_under_it_on_the_camp_card(gulag: Gulag) -> None:
    """Pavlodarlag closed on 3 September 1956, yet the handbook counts 8,680 prisoners on
    1 January 1957: the card says so under that count, not only the JSON."""
    card = [line.strip() for line in bundled(gulag, "show", "pavlodarlag").stdout.splitlines()]
    after = card[card.index("1 Jan 1957  8,680") + 1]
    assert after == "note: Dated after the camp's recorded closing (3 September 1956)."
    counts = json.loads(bundled(gulag, "show", "pavlodarlag", "--json").stdout)["counts"]
    assert [c["note"] for c in counts if c["date"]["edtf"] == "1957-01-01"] == [
        "Dated after the camp's recorded closing (3 September 1956)."]
