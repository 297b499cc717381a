"""The camp system in the shipped store: every camp complete, clean, and checked against the
independent cross-check kept in data/build/crosscheck.json."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from edtf import parse_edtf as edtf_parse
from typer.testing import Result

from gulagcli.store import bundled_path

ROOT = Path(__file__).resolve().parents[1]
RAW: dict[str, Any] = json.loads(bundled_path().read_text(encoding="utf-8"))
CAMPS = [p for p in RAW["places"] if p.get("kind") == "camp"]
IMPORTED = [p for p in CAMPS if p.get("camp_type") != "camp-division"]
CROSSCHECK = ROOT / "data" / "build" / "crosscheck.json"
SOURCES = {s["id"]: s for s in RAW["sources"]}
COUNTS = [f for f in RAW["figures"] if f.get("series") == "camp-population"]

TYPES = {"itl", "special-camp", "nkvd-special-camp", "filtration-camp", "other"}
USSR = (35.0, 82.0, 19.0, 180.0)  # lat, lat, lon, lon; Chukotka past 180° is allowed below
GERMANY = (47.2, 55.1, 5.8, 15.1)
SOVIET_COUNTRIES = {"Russia", "Kazakhstan", "Ukraine", "Uzbekistan", "Kyrgyzstan", "Tajikistan", "Turkmenistan",
                    "Georgia", "Azerbaijan", "Armenia", "Estonia", "Latvia", "Lithuania", "Belarus", "Moldova"}


def _inside(lat: float, lon: float, box: tuple[float, float, float, float]) -> bool:
    return box[0] <= lat <= box[1] and box[2] <= lon <= box[3]


def test_at_least_350_camps_each_typed_named_dated_located_and_sourced() -> None:
    assert len(IMPORTED) >= 350
    for camp in IMPORTED:
        assert camp.get("camp_type") in TYPES, camp["id"]
        assert camp.get("cyrillic") and any("\u0400" <= ch <= "\u04ff" for ch in camp["cyrillic"]), camp["id"]
        edtf_parse(camp["dates"])  # raises on anything the edtf package does not accept
        assert isinstance(camp["lat"], float) and isinstance(camp["lon"], float), camp["id"]
        assert camp["sources"] and set(camp["sources"]) <= SOURCES.keys(), camp["id"]
        assert camp.get("summary"), camp["id"]


def test_every_camp_point_lies_in_the_former_ussr_or_germany() -> None:
    for camp in CAMPS:
        lat, lon = camp["lat"], camp["lon"]
        if camp["country"] == "Germany":
            assert _inside(lat, lon, GERMANY), camp["id"]
        else:
            assert camp["country"] in SOVIET_COUNTRIES, camp["id"]
            assert _inside(lat, lon, USSR) or (lat > 60 and lon < -168), camp["id"]


def test_all_twelve_special_camps_of_1948_to_1956_are_there() -> None:
    special = {c["name"] for c in CAMPS if c.get("camp_type") == "special-camp"}
    assert special >= {"Minlag", "Gorlag", "Dubravlag", "Steplag", "Berlag", "Rechlag", "Ozerlag", "Peschanlag",
                       "Luglag", "Kamyshlag", "Dallag"}
    assert len(special) == 12


def test_no_placeholder_point_test_value_or_unknown_as_zero_count_is_in_the_store() -> None:
    for camp in CAMPS:
        assert (camp["lon"], camp["lat"]) != (90, 62), camp["id"]  # the map's "somewhere" point
        assert not isinstance(camp["lat"], str) and not isinstance(camp["lon"], str)
    assert len(COUNTS) > 1000
    for fig in COUNTS:
        assert isinstance(fig["value"], int) and fig["value"] > 0, fig["id"]  # 0 meant "not known"
        assert fig["value"] not in {123456, 456789, 654321, 999999}, fig["id"]
        assert fig["value"] <= 250_000, fig["id"]  # no camp ever held more
        assert fig["place"] in {c["id"] for c in CAMPS} and fig["sources"], fig["id"]


def test_names_have_no_stray_whitespace_or_placeholder_title() -> None:
    for camp in CAMPS:
        for name in [camp["name"], camp["cyrillic"], *camp.get("names", [])]:
            assert name == " ".join(name.split()), (camp["id"], name)
            assert name.casefold() != "new prison", camp["id"]


def test_camp_summaries_are_our_own_words_not_the_datasets_descriptions() -> None:
    source = (ROOT.parent / "shared" / "sources" / "gulagmap" / "camps.sql")
    if not source.is_file():
        pytest.skip("the raw dataset is not beside the repository")
    text = source.read_text(encoding="utf-8")
    for camp in IMPORTED:
        # No sentence of ours, nor any 8-word run of it, occurs in the dataset.
        words = camp["summary"].split()
        for i in range(max(1, len(words) - 7)):
            assert " ".join(words[i:i + 8]) not in text, camp["id"]


def _crosschecked() -> list[tuple[dict[str, Any], dict[str, Any]]]:
    doc = json.loads(CROSSCHECK.read_text(encoding="utf-8"))
    by_alias = {}
    for camp in CAMPS:
        for name in [camp["id"], camp["name"], camp["cyrillic"], *camp.get("names", [])]:
            by_alias.setdefault(name.casefold(), camp)
    pairs = []
    for checked in doc["camps"]:
        camp = next((by_alias[key.casefold()] for key in (checked["id"], checked.get("english", ""),
                     checked.get("cyrillic", "")) if key.casefold() in by_alias), None)
        if camp is not None:
            pairs.append((checked, camp))
    return pairs


def _held(field: dict[str, Any]) -> str:
    """What a camp's dates hold for a reference's opening or closing: the day itself, or for a
    window both sources give, its first day (opening) or last (closing), uncertain: the camp
    counts as open wherever it may have been."""
    value = str(field["value"])
    first, sep, last = value.partition("/")
    if sep and len(first) == len(last) == 10 and field.get("prefer"):
        return f"{first if field['field'] == 'opened' else last}?"
    return value


def test_crosscheck_covers_every_special_camp_and_at_least_40_camps() -> None:
    pairs = _crosschecked()
    assert len(pairs) >= 40
    special = {c["id"] for c in CAMPS if c.get("camp_type") == "special-camp"}
    assert special <= {camp["id"] for _, camp in pairs}


def test_a_sample_of_camps_agrees_with_the_independently_found_dates_and_counts() -> None:
    """Where the reference agreed with the dataset, the store must hold that value; where it
    disagreed, the store must say so in a discrepancy note citing the reference."""
    checked = 0
    for ref, camp in _crosschecked():
        counts = {f["value"] for f in COUNTS if f["place"] == camp["id"]}  # a year may have several
        notes = " ".join(n["text"] for n in camp.get("notes", []))
        start, _, end = camp["dates"].partition("/")
        for field in ref.get("fields", []):
            value = field["value"]
            if isinstance(value, str) and not value.endswith(".."):
                value = _held(field).rstrip("?~")  # the reference's own doubt, as EDTF writes it
            if field["field"] == "opened" and field.get("agrees") is True and isinstance(value, str):
                assert start.rstrip("?~") == value or start.startswith(value), (camp["id"], value, start)
                checked += 1
            elif field["field"] == "closed" and field.get("agrees") is True and isinstance(value, str):
                if value.endswith(".."):  # "still open on" that day: the store leaves the end open
                    assert end == "..", (camp["id"], value, end)
                else:
                    assert end.rstrip("?~").startswith(value[:7]), (camp["id"], value, end)
                checked += 1
            elif field["field"] == "count" and field.get("agrees") is True and isinstance(value, int):
                assert value in counts, (camp["id"], value)
                checked += 1
            elif field.get("agrees") is False:
                shown = ", ".join(map(str, value)) if isinstance(value, list) else (
                    f"{value:,}" if isinstance(value, int) else str(value))
                if shown.endswith(".."):  # an open bound reads as words in the note
                    shown = shown.removesuffix("..") + " or later"
                assert shown in notes, (camp["id"], field["field"], shown)
                checked += 1
    assert checked >= 40


def test_fast_paths_build_exactly_what_the_field_by_field_reader_builds() -> None:
    from gulagcli.check import MAKERS, _Reader
    from gulagcli.fast import figure_fast, place_fast

    for section, fast in (("places", place_fast), ("figures", figure_fast)):
        for rec in RAW[section]:
            problems: list[Any] = []
            slow = MAKERS[section](_Reader(rec, section, problems, 0))
            assert fast(rec) == slow and not problems, rec["id"]
    broken = {**CAMPS[0], "camp_type": "gulag"}
    assert place_fast(broken) is None  # the reader then names the problem
    problems = []
    MAKERS["places"](_Reader(broken, "places", problems, 0))
    assert any("camp_type" in str(p) for p in problems)



def test_no_two_places_share_a_name() -> None:
    names = [p["name"].casefold() for p in RAW["places"]]
    assert len(names) == len(set(names))


# --- modern regions (data/build/regions.py, regions.json) ---------------------------------

# The dataset's broad map areas (camp-regions.sql): a camp's region is never one of these.
BROAD_AREAS = {
    "Western Siberia", "Eastern Siberia and Taimyr", "Far East",
    "Kolyma camps (Yakutia, the Magadan krai and Chukotka)", "Urals and the Perm krai", "Komi",
    "Central Russia and the Leningrad region", "European North", "Caucasus",
    "Ukraine", "Volga region", "Central Asia", "Moscow and the vicinities", "Germany", "Baltic republics",
}
REGIONS = ROOT / "data" / "build" / "regions.json"

# Each camp's headquarters point, and the modern region and country found for it independently
# (with the search tool), not with GeoNames.
REGION_SAMPLE = {
    # Dolinka, Karlag's headquarters, in Karaganda Region: "APK's members visited memorial places in
    # Karaganda region", el.kz, 14 Oct 2019,
    # https://el.kz/en/news/obychai_i_traditsii/apk-s-members-visited-memorial-places-in-karaganda-region/
    "karlag": ("Karaganda Region", "Kazakhstan"),
    # Inta "is a town in the Komi Republic, Russia": https://en.wikipedia.org/wiki/Inta
    "minlag": ("Komi Republic", "Russia"),
    # Norillag "set by Norilsk, Krasnoyarsk Krai, Russia and headquartered there":
    # https://en.wikipedia.org/wiki/Norillag (read at museum-digital.de and absoluteastronomy.com)
    "norilsk": ("Krasnoyarsk Krai", "Russia"),
    "gorlag": ("Krasnoyarsk Krai", "Russia"),
    # The point is Srednikan, now Ust-Srednekan, Sevvostlag's seat 1932-1937, in Srednekansky
    # District of Magadan Oblast: https://en.wikipedia.org/wiki/Ust-Srednekan (read at de.wikial.top)
    "sevvostlag": ("Magadan Oblast", "Russia"),
    # Steplag's point is its first seat, Karaganda city, which stayed in Karaganda Region when
    # Ulytau Region was made in 2022 ("Kazakhstan introduces three new regions", Kazinform,
    # 4 May 2022, https://en.inform.kz/news/3-new-regions-established-in-kazakhstan_a3929668/).
    "steplag": ("Karaganda Region", "Kazakhstan"),
    # Kengir, Steplag's later seat, is now part of Zhezkazgan, which that decree moved to the new
    # Ulytau Region from 8 June 2022. GeoNames' divisions (2025) give the same.
    "kengir": ("Ulytau Region", "Kazakhstan"),
}


def test_every_camp_has_a_modern_region_not_one_of_the_datasets_broad_areas() -> None:
    assert len(CAMPS) >= 399
    for camp in CAMPS:
        assert camp.get("region"), camp["id"]
        assert camp["region"] not in BROAD_AREAS, (camp["id"], camp["region"])
        assert camp.get("area") is None or camp["area"] in BROAD_AREAS, camp["id"]
    # The areas were kept, not lost: every imported camp outside Germany has one.
    assert all(c.get("area") for c in IMPORTED if c["country"] != "Germany")


def test_a_sample_of_camp_regions_agrees_with_independently_found_values() -> None:
    places = {p["id"]: p for p in CAMPS}
    for ident, (region, country) in REGION_SAMPLE.items():
        assert (places[ident]["region"], places[ident]["country"]) == (region, country), ident


def test_regions_cite_geonames_and_regions_json_matches_every_camp_point() -> None:
    table = json.loads(REGIONS.read_text(encoding="utf-8"))["camps"]
    assert "geonames" in SOURCES and "CC BY 4.0" in SOURCES["geonames"]["note"]
    for camp in CAMPS:
        entry = table[camp["id"]]
        assert entry["point"] == [camp["lat"], camp["lon"]], camp["id"]
        assert (entry["region"], entry["country"]) == (camp["region"], camp["country"]), camp["id"]
        if entry.get("cites_geonames", True):
            assert "geonames" in camp["sources"], camp["id"]
    # Every disagreement with the texts was looked at by hand and says how it was settled.
    for ident, entry in table.items():
        if "disagrees" in (entry.get("text"), entry.get("crosscheck_verdict")) or "importer_country" in entry:
            assert entry.get("reviewed"), ident


def test_a_camp_whose_map_point_is_wrong_says_so_where_users_read_it() -> None:
    """Seven dataset points lie far from the headquarters the dataset's own text names (another
    Borovsk; Leninabad's camps placed in Uzbekistan): the region follows the text and the camp
    carries a discrepancy note citing both. Where the dataset gives the named town's point for
    another camp (Borovsk, Leninabad), the camp takes that point; otherwise it keeps its own."""
    table = json.loads(REGIONS.read_text(encoding="utf-8"))["camps"]
    wrong = {ident for ident, entry in table.items() if entry.get("point_wrong")}
    assert wrong == {"solikamlag", "complex-no-6-itl", "construction-site-no-665-and-itl",
                     "construction-site-no-896-and-itl", "kuryanovski-itl", "promorsky-region-of-dalstroi",
                     "construction-site-no-507-and-itl"}  # Sofiysk on the lower Amur, not in Amur Oblast
    by_id = {c["id"]: c for c in CAMPS}
    for ident in wrong:
        notes = [n for n in by_id[ident].get("notes", []) if n["text"].startswith("Headquarters point:")]
        assert [n["kind"] for n in notes] == ["discrepancy"], ident
        assert set(notes[0]["sources"]) == {"gulagmap-dataset", "geonames"}
    assert by_id["solikamlag"]["region"] == "Perm Krai"
    assert {by_id[i]["country"] for i in wrong - {"solikamlag", "kuryanovski-itl", "promorsky-region-of-dalstroi",
                                                   "construction-site-no-507-and-itl"}} == {"Tajikistan"}
    assert by_id["construction-site-no-507-and-itl"]["region"] == "Khabarovsk Krai"


def test_a_camp_whose_id_keeps_the_maps_mistyped_title_answers_to_its_real_name_and_says_why(
        gulag: Callable[..., Result]) -> None:
    """The map's English titles mistype three camps (No 482 for 462, Tatspetsneftestroi for
    Bashspetsneftestroi, Bashsspetsneftestroi). Ids are a stable contract, so they keep the
    map's spelling; the names are corrected, the real name finds the camp, and a note says why."""
    for ident, real, told in [
        ("construction-site-no-482-and-itl", "construction-site-no-462-and-itl", "give the number as 462"),
        ("itl-and-construction-site-no-4-of-tatspetsneftestroi",
         "ITL and Construction site No. 4 of Bashspetsneftestroi", "names Bashspetsneftestroi"),
        ("itl-and-construction-site-no-2-of-bashsspetsneftestroi",
         "ITL and Construction site No. 2 of Bashspetsneftestroi", "misspells Bashspetsneftestroi"),
    ]:
        card = json.loads(gulag("show", real, "--json", data=None).stdout)
        assert card["id"] == ident
        notes = [n for n in card["notes"] if n["text"].startswith("The id keeps the map data's English title")]
        assert len(notes) == 1 and told in notes[0]["text"], ident
        assert "gulagmap-dataset" in notes[0]["sources"]


@contextmanager
def build_script(name: str) -> Iterator[Any]:
    """A script of data/build/ loaded as a module, with that folder importable while it runs."""
    import importlib.util
    import sys

    folder = ROOT / "data" / "build"
    sys.path.insert(0, str(folder))
    try:
        spec = importlib.util.spec_from_file_location(f"{name}_build", folder / f"{name}.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        yield module
    finally:
        sys.path.remove(str(folder))


def test_rerunning_the_importer_changes_nothing(tmp_path: Path) -> None:
    source = ROOT.parent / "shared" / "sources" / "gulagmap"
    if not source.is_dir():
        pytest.skip("the gulagmap dataset is not beside the repository")
    store = tmp_path / "events.json"
    store.write_bytes(bundled_path().read_bytes())
    with build_script("camps") as camps:
        assert camps.main([str(source), "--store", str(store)]) == 0
    assert store.read_bytes() == bundled_path().read_bytes()


def test_applying_the_regions_again_changes_nothing() -> None:
    """regions.py reruns apply.regions on the finished store: the wrong-point notes are replaced,
    never added a second time (needs only regions.json, not GeoNames or the dataset)."""
    from collections import Counter

    store = json.loads(bundled_path().read_text(encoding="utf-8"))
    before = json.dumps(store)
    with build_script("apply") as apply:
        for _ in range(2):
            apply.regions(store, REGIONS, Counter())
    assert json.dumps(store) == before


def test_where_the_map_data_mis_transcribes_the_handbook_the_handbook_stands_and_both_are_shown() -> None:
    """A cross-check field marked ``prefer`` (a wrong year in the map's text, a first closing
    taken for the last) gives the camp the handbook's value, and the note keeps the map's; a
    history entry the importer misread from the map's text is dropped with a note saying why."""
    checked = 0
    for ref, camp in _crosschecked():
        start, _, end = camp["dates"].partition("/")
        notes = " ".join(n["text"] for n in camp.get("notes", []))
        for field in ref.get("fields", []):
            if not field.get("prefer"):
                continue
            if field["field"] in ("economy", "area"):  # the camp's own text over the map's category
                assert camp[field["field"]] == field["value"], camp["id"]
            else:
                held = start if field["field"] == "opened" else end
                wanted = ".." if str(field["value"]).endswith("..") else _held(field)  # still running then: open end
                assert held == wanted, (camp["id"], field["field"], field["value"], held)
                if field.get("agrees") is not True:  # agreeing: the map's text was right, its reading wrong
                    assert str(field["gulagmap"] or "gives none") in notes, (camp["id"], field["gulagmap"])
            checked += 1
        history = {(h["date"], h.get("place")) for h in camp.get("history", [])}
        for wrong in ref.get("drop_history", []):
            assert (wrong["date"], wrong.get("place")) not in history, (camp["id"], wrong["date"])
            assert wrong["note"] in notes, camp["id"]
            checked += 1
        if ref.get("english_replaces"):
            assert camp["name"] == ref["english"], camp["id"]
            checked += 1
    assert checked >= 10


def test_camps_the_2026_review_corrected_against_memorials_handbook() -> None:
    camps = {c["id"]: c for c in CAMPS}
    assert camps["yeniseilag"]["dates"] == "1947-06-07/1953-04-29"  # the map's text has 1954
    assert camps["ponyshski-itl"]["dates"] == "1942-11-27/1948-05-15"
    # the map's text: the PFL No. 0312 was set up with its property and staff on 26 August 1944
    assert [h["date"] for h in camps["ponyshski-itl"]["history"]] == ["1944-08-26", "1945-02-26", "1946-01-22",
                                                                      "1948-05-15"]
    tsimlyanski = camps["tsimlyanski-itl"]
    assert tsimlyanski["dates"] == "1949-01-14/1952-08-04"
    assert not any(h["date"].startswith("1958") for h in tsimlyanski["history"])
    assert camps["takseevski-itl"]["name"] == "Taseevski ITL"  # the id stays: ids are handles


def test_camps_the_second_2026_review_corrected_against_memorials_handbook() -> None:
    """Dates the map data mis-transcribes, a camp linked to the wrong successor by a hyphenated
    name, and a misread English name, each as the handbook's page for the camp gives it."""
    camps = {c["id"]: c for c in CAMPS}
    assert camps["construction-site-108-and-itl"]["dates"] == "1944-05-18/1950-10-24"  # the map: 1955
    assert camps["gushosdor-nkvd-construction-site-no-2-and-itl"]["dates"].startswith("1943-12-31/")
    assert camps["bogoslovlag"]["dates"] == "1940-11-15/1953-04-29"
    assert camps["vaninlag"]["dates"].endswith("/1953-04-18")  # the map: "1952?"
    assert camps["voroninlag"]["dates"] == "1953-05-14/.."  # still running on 1 January 1960
    # "Нижне-Амурскому ИТЛ" is the Lower Amur camp, not the Amur ITL (our amurlag, 1947-1953).
    for ident in ("construction-site-no-6-and-itl", "perevallag"):
        assert [h["place"] for h in camps[ident]["history"]] == ["nizhamurlag"], ident
    # Ukhtizhemlag grew out of the Ukhta-Pechora camp of the 1930s, not the Pechorlag of 1950.
    links = {(h["date"], h["place"]) for h in camps["ukhtizhemlag"].get("history", [])}
    assert ("1938-05-10", "pechorlag") not in links
    assert camps["construction-site-no-482-and-itl"]["name"] == "Construction site No. 462 and ITL"  # as in Cyrillic
    breaks = ["1948-03-30", "1949-05-05", "1953-04-29", "1954-08-07"]  # closed, set up again, twice
    assert [h["date"] for h in camps["saratovlag"]["history"]] == breaks
    assert "with breaks after 30 March 1948 and 29 April 1953;" in camps["saratovlag"]["summary"]
    # What the handbook says of a camp as a whole is a context note citing its page.
    said = {c: [n for n in camps[c].get("notes", []) if n["kind"] == "context"]
            for c in ("kockarlag", "construction-site-no-304-and-itl")}
    kockarlag = said["kockarlag"]
    assert any("planned maximum of 600" in n["text"] and n["sources"] == ["mem-210-kockarlag"] for n in kockarlag)
    assert any("never actually set up" in n["text"] for n in said["construction-site-no-304-and-itl"])
    bash = camps["itl-and-construction-site-no-4-of-tatspetsneftestroi"]
    assert "Bashspetsneftestroi" in bash["name"] and "Башспецнефтестро" in bash["cyrillic"]
    counts = {f["date"]: f for f in RAW["figures"] if f.get("place") == "srednebellag"}
    # the map's own 1946 figure, a year early: one count, dated by the page, not a second figure beside it
    assert counts["1947-01-01"]["value"] == 5189 and "mem-321-srednebellag" in counts["1947-01-01"]["sources"]
    assert counts["1947-01-01"]["note"].endswith("under 1946.") and "1946" not in counts


def test_camps_the_handbook_does_not_cover_cite_the_map_data_alone() -> None:
    """Memorial's handbook lists ITLs and special camps; the screening and filtration camps and
    the NKVD special camps in Germany, and their counts, rest on the museum's map data."""
    beyond = [c for c in CAMPS if c["camp_type"] in ("filtration-camp", "nkvd-special-camp")]
    assert len(beyond) >= 50
    for camp in beyond:
        assert "memorial-1998-handbook" not in camp["sources"], camp["id"]
    assert "memorial-1998-handbook" in next(c for c in CAMPS if c["id"] == "shakhtlag")["sources"]
    kinds = {c["id"]: c["camp_type"] for c in CAMPS}
    for count in COUNTS:
        if kinds.get(count["place"]) == "filtration-camp" and count["sources"] == ["gulagmap-dataset"]:
            assert "handbook" not in count["reported_by"], count["id"]


def test_filtration_camps_the_2026_review_checked_against_independent_pages() -> None:
    camps = {c["id"]: c for c in CAMPS}
    # The map's April 1945 closing contradicts its own text (orders of late 1945) and counts;
    # ÚSTR has the camp handed with 9,444 prisoners to the GULAG on 1 February 1946.
    petrovsky = camps["petrovsky-pfl-no-240"]
    assert petrovsky["dates"] == "1943-12/1946-02-01"
    assert any(n["kind"] == "discrepancy" and "1945-04" in n["text"] and n["sources"][0] == "ustr-2094-pfl-240"
               for n in petrovsky["notes"])
    # Memorial's handbook: the Shakhty ITL was formed from this camp on 1 March 1947.
    shakhty = camps["shakhtinsky-pfl-no-48"]
    assert shakhty["dates"] == "1943-04/1947-03-01"
    assert [(h["change"], h["place"]) for h in shakhty["history"]] == [("transferred-to", "shakhtlag")]
    # Both counts of 1946 are shown, and who gives which.
    kizel = " ".join(n["text"] for n in camps["kizelovsky-pfl-no-0302"]["notes"])
    assert "19,968" in kizel and "13,818" in kizel
    # The handover to the GULAG on 1 February 1946 is context, not the closing day.
    assert camps["tulsky-pfl-no-0308"]["dates"] == "1944-01-14/1946?"  # NKVD order 0058
    assert "estonica-control-filtration-camp" in camps["tallinsky-pfl-no-0316"]["sources"]


def test_itls_whose_pages_the_2026_review_found_at_last() -> None:
    camps = {c["id"]: c for c in CAMPS}
    assert camps["construction-site-no-447-and-itl"]["dates"] == "1949/1950-04-17"  # the map: "1950?"
    alzhir = camps["akmolinskoe-lo-karagandinskogo-itl"]
    assert alzhir["dates"].endswith("/1953") and any("1950?" in n["text"] for n in alzhir["notes"])
    azov = " ".join(n["text"] for n in camps["azovlag-1954"]["notes"])
    assert "1954-12" in azov and "1954-01-01" in azov  # Memorial's December beside the map's January
    # "Abolished after 11 May 1947" is not a closing day: it stays a note beside the map's date.
    primorsky = camps["promorsky-region-of-dalstroi"]
    assert primorsky["dates"] == "1942-01/1947-05-11?"
    assert any("after 1947-05-11" in n["text"] for n in primorsky["notes"])


def test_nkvd_special_camps_in_germany_are_dated_from_their_memorials() -> None:
    """The map data gives these camps only years; the memorial foundations give the months."""
    camps = {c["id"]: c for c in CAMPS}
    assert camps["special-camp-no-10-torgau"]["dates"] == "1946-05/1948"  # August or October 1948: both noted
    torgau = " ".join(n["text"] for n in camps["special-camp-no-10-torgau"]["notes"])
    assert "1948-08" in torgau and "1948-10" in torgau
    assert camps["special-camp-no-3-hohenschonhausen"]["dates"] == "1945-05/1946-11"
    assert camps["special-camp-no-4-bautzen"]["dates"].startswith("1945-05-27/")
    fuenfeichen = camps["special-camp-no-9-neubrandenburg-funfeichen"]
    assert fuenfeichen["dates"] == "1945-05/1948"
    assert any(n["kind"] == "discrepancy" and "1949-01" in n["text"] for n in fuenfeichen["notes"])
    for camp in CAMPS:
        if camp["camp_type"] == "nkvd-special-camp":
            assert "?" not in camp["dates"], camp["id"]


def _camp_note_texts() -> Iterator[tuple[str, str]]:
    for camp in CAMPS:
        for note in camp.get("notes", []):
            yield camp["id"], note["text"]


def test_camp_notes_speak_to_a_reader_not_in_the_importers_shorthand() -> None:
    """'gulagmap', 'ru.wikipedia' and 'gm 293' are the cross-check's working names: a note says
    'the map data', 'Russian Wikipedia', and names Memorial's handbook briefly."""
    for ident, text in _camp_note_texts():
        assert "gulagmap" not in text and ".wikipedia" not in text and "gm 29" not in text, (ident, text)
        assert "(German edition of Memorial's handbook, comp." not in text, (ident, text)


def test_a_note_that_gives_the_map_datas_figure_never_also_says_it_gives_none() -> None:
    said = 0
    for ident, text in _camp_note_texts():
        if "the museum's map data gives none" in text:
            assert "The map data" not in text and "the map data's" not in text, (ident, text)
            said += 1
    assert said  # the plain "gives none" is still said where the map data is silent
    sevvostlag = next(c for c in CAMPS if c["id"] == "sevvostlag")
    peak = next(n["text"] for n in sevvostlag["notes"] if n["text"].startswith("Largest count"))
    assert "190,309 (1940)" in peak and "170,557 (1952)" in peak  # the map data's peak, and its highest from 1945


def test_one_sided_edtf_bounds_read_as_words_in_notes() -> None:
    texts = [t for _, t in _camp_note_texts()]
    assert any("gives 1951-02-01 or earlier" in t for t in texts)
    with build_script("apply") as apply:  # "still running on 1 Jan 1960": no camp's note says it now
        assert apply._show("1960-01-01..") == "1960-01-01 or later"
    assert not any(".." in t.replace("...", "") and "gives [" in t for t in texts)


@pytest.mark.parametrize(("camp", "seat"), [
    ("steplag", "Kengir"), ("sevvostlag", "Magadan"), ("siblag", "Mariinsk"), ("sevurallag", "Sosva"),
    ("kargopollag", "Yertsevo"), ("kraslag", "Reshoty"), ("angarlag", "Zayarsk"), ("sevpechlag", "Pechora"),
    ("nizhamurlag", "Vysokogorny"), ("ozerlag", "Bratsk"), ("kaspiylag", "Baku")])
def test_a_camp_whose_administration_moved_away_from_its_map_point_says_where_it_went(camp: str, seat: str) -> None:
    """The point is the map data's first, often the first seat: where Memorial has the
    administration elsewhere in the period, a note says where, and how far (see docs/camps.md)."""
    place = next(c for c in CAMPS if c["id"] == camp)
    moved = [n for n in place["notes"] if n["kind"] == "context" and seat in n["text"] and " km " in n["text"]]
    assert moved and all(s in SOURCES and SOURCES[s]["url"].rstrip("/").split("lag=")[-1].isdigit()
                         for n in moved for s in n["sources"]), camp


def test_a_count_the_handbook_dates_to_a_day_carries_that_day_and_cites_the_page() -> None:
    by_id = {f["id"]: f for f in COUNTS}
    first = by_id["kalachevski-itl-prisoners-1949"]  # the handbook's 01.12.49, filed by the map under 1949
    assert (first["date"], first["value"]) == ("1949-12-01", 20378) and "mem-kalachlag" in first["sources"]
    assert by_id["kalachevski-itl-prisoners-1950"]["date"] == "1950-01-01"
    # A day read only in an encyclopedia is not taken: Steplag's 7,603 of "1 July 1956" came
    # after the camp closed, and stays the map's year.
    assert by_id["steplag-prisoners-1956"]["date"] == "1956"
    assert sum(len(f["date"]) > 4 for f in COUNTS if f["id"].endswith(f"-prisoners-{f['date'][:4]}")) >= 45


def test_what_the_map_datas_own_text_says_of_a_camp_wins_over_the_importers_reading() -> None:
    """Camps whose description (Memorial's handbook, as the map data gives it) the importer had
    misread: a closing stated with the date first or as "ran until", an opening order later
    cancelled, a planned strength filed as a count, a peak the yearly counts lack."""
    camps = {c["id"]: c for c in CAMPS}
    counts = {f["id"]: f for f in COUNTS}
    assert camps["mosleslag"]["dates"] == "1945-01-19/1946-09-07"  # "7 сентября 1946 года Мослеслаг был закрыт"
    assert camps["krasnoyarsk-special-construction-administration-and-itl-pob-138"]["dates"] == "1951-04-18/1951-10-16"
    kokshinski = camps["kokshinski-itl"]
    assert kokshinski["dates"] == "1947-07-27/1947-10-07"
    assert any("never organised" in n["text"] for n in kokshinski["notes"])
    never = camps["construction-site-no-514-and-itl-of-the-chief-directorate-of-of-railroad-construction-works"]
    assert never["dates"] == "1952-09-30?/1953-04-29" and "open from 1953" not in never["summary"]
    krasnoyarsky = camps["krasnoyarsky-itl-and-yeniseistroi-itl"]
    assert "krasnoyarsky-itl-and-yeniseistroi-itl-prisoners-1949" not in counts  # 3,000: the planned strength
    assert krasnoyarsky["summary"].endswith("at most 1,153 prisoners counted (1951).")
    assert any(n["kind"] == "discrepancy" and "3,000" in n["text"] for n in krasnoyarsky["notes"])
    peak = counts["construction-site-no-3-mvd-gushosdor-and-itl-prisoners-1953-memorial-1998-handbook"]
    assert peak["value"] == 5210
    assert camps["construction-site-no-3-mvd-gushosdor-and-itl"]["summary"].endswith("5,210 prisoners counted (1953).")
    assert any("44,591" in n["text"] and "43,591" in n["text"] for n in camps["angarlag"]["notes"])
    # An approximate figure never becomes a camp summary's "at most".
    assert "counted" not in camps["special-camp-no-7-sachsenhausen"]["summary"]


def test_renamings_in_windows_and_counts_filed_a_year_early_follow_the_handbook() -> None:
    """Construction 994 -> the ITL for mining enterprises -> Zheleslag -> Polyanlag: the map's text
    gave the middle camp Zheleslag's closing (14 May 1953) and largest count, so two camps seemed
    open in 1953 with one count each. Construction 665's counts of 1 January sat a year early."""
    camps = {c["id"]: c for c in CAMPS}
    counts = {f["id"]: f for f in COUNTS}
    mining, zheleslag = camps["itl-for-construction-of-mining-enterprises"], camps["zheleslag"]
    assert mining["dates"] == "1950-09-07/1951-02-10?" and zheleslag["dates"] == "1950-10-09?/1953-05-14"
    assert [(h["date"], h["place"]) for h in mining["history"]] == [
        ("1950-09-07", "construction-site-no-994-and-itl"), ("1950-10-09/1951-02-10", "zheleslag")]
    assert ("1950-09-07", "itl-for-construction-of-mining-enterprises") in {
        (h["date"], h["place"]) for h in camps["construction-site-no-994-and-itl"]["history"]}
    assert sorted((f["date"], f["value"]) for f in COUNTS if f["place"] == "zheleslag") == [
        ("1951-01-01", 15793), ("1952-01-01", 15103), ("1953-01-01", 27314), ("1953-04-01", 27535)]
    six65 = sorted((f["date"], f["value"], f["id"]) for f in COUNTS if f["place"] == "construction-site-no-665-and-itl")
    assert [(d, v) for d, v, _ in six65] == [("1950-01-01", 7206), ("1951-01-01", 4591), ("1952-01-01", 2928),
                                             ("1953-01-01", 1777), ("1953-04-15", 893)]
    # ids never name another year than the count's
    assert all(ident.endswith(date[:4]) or ident.endswith(date) for date, _, ident in six65)
    assert counts["construction-site-no-665-and-itl-prisoners-1950-01-01"]["note"].endswith("under 1949.")
    koslan = camps["kaslanglag"]
    assert koslan["name"] == "Koslanlag" and "Northern Railroad ITL" not in koslan.get("names", [])
    # the map's text gives the closing these notes said it lacked ("Амгуньлаг действовал до 15 января 1947 года")
    for camp in ("tuimazinlag", "starosellag", "amgunlag", "zaplag", "bodaibinlag", "altailag", "chelyablag",
                 "varnavinski-itl", "berezovlag-1947", "glazovlag-1954", "construction-site-no-247-and-itl"):
        assert not any("gives none" in n["text"] for n in camps[camp].get("notes", [])), camp


def test_both_ends_of_a_renaming_and_a_handover_are_on_record() -> None:
    """Links the store had on one side only, or on neither: Kuznetslag said nothing of Construction
    247; Construction 896 -> 665 and Kuryanovski ITL -> Construction 565 were missing."""
    camps = {c["id"]: c for c in CAMPS}

    def links(ident: str) -> set[tuple[str, str, str]]:
        return {(h["date"], h["change"], h.get("place") or "") for h in camps[ident].get("history", [])}

    assert ("1953-05-14", "opened", "construction-site-no-247-and-itl") in links("kuznetslag")
    assert ("1949-03-17/1949-04-15", "renamed", "construction-site-no-665-and-itl") in links(
        "construction-site-no-896-and-itl")
    assert ("1953-04-29", "merged-into", "construction-site-no-565-and-itl") in links("kuryanovski-itl")
    assert {h[2] for h in links("southwestern-mining-administration-and-itl-yeniseustroi")} & {
        p["id"] for p in CAMPS if "DS" in p["name"]}
    bautzen = camps["special-camp-no-4-bautzen"]
    assert ("1949-01-01", "renamed", "") in links(bautzen["id"])
    # "Тульский" is the Tula PFL No. 0308, not the Ugolny PFL No. 283
    assert not any("Тульский" in p.get("names", []) for p in CAMPS if p["id"] != "tulsky-pfl-no-0308")
    primorye = [n for n in camps["promorsky-region-of-dalstroi"]["notes"] if "planned for January 1942" in n["text"]]
    assert [n["sources"] for n in primorye] == [["ustr-primorsky-region-dalstroi", "gulagmap-dataset"]]


def test_the_third_audit_of_camps_is_in_the_data() -> None:
    """Construction 585's counts sat a year early like 665's, and its renamings from Construction
    505 and into the Belogorsky ITL were missing; Eastern Lead's 872 is one division's count; a
    dozen notes said the map data gives no date where its own text states the day."""
    camps = {c["id"]: c for c in CAMPS}

    def links(ident: str) -> set[tuple[str, str, str]]:
        return {(h["date"], h["change"], h.get("place") or "") for h in camps[ident].get("history", [])}

    five85 = camps["construction-site-no-585-and-itl"]
    assert sorted((f["date"], f["value"]) for f in COUNTS if f["place"] == five85["id"]) == [
        ("1950-01-01", 3829), ("1951-01-01", 6675), ("1952-01-01", 7874), ("1953-01-01", 5288), ("1953-03-15", 5070)]
    assert five85["dates"] == "1949-05-23?/1953-05-14" and five85["summary"].endswith("7,874 prisoners counted (1952).")
    assert ("1953-05-14", "renamed", "belogorski-itl") in links(five85["id"])
    assert ("1953-05-14", "opened", five85["id"]) in links("belogorski-itl")
    assert ("1949-05-23/1949-06-24", "renamed", five85["id"]) in links(
        "construction-site-no-505-and-itl-of-the-main-directorate-of-industrial-construction")
    assert ("1949-03-17/1949-04-15", "renamed", "glazovlag") in links("glazovlag-1948")
    assert ("1953-02-03", "merged-into", "itl-ga") in links("itl-du")
    assert ("1949-03-17/1949-04-15", "renamed", "construction-site-no-940-and-itl") in links(
        "construction-site-no-882-and-itl")
    lead = camps["eastern-lead-administration-and-yeniseistroi-itl"]
    assert "872 prisoners counted in one camp division (1951), none for the whole camp" in lead["summary"]
    [count] = [f for f in COUNTS if f["place"] == lead["id"]]
    assert count["date"] == "1951-10-01" and "one camp division" in count["note"]
    assert any("Lyuby" in n["text"] and "ÚSTR" in n["text"] for n in lead["notes"])
    # windows both sources give: the first day of an opening, the last of a closing, uncertain
    assert camps["kemerovozhilstroi-and-itl"]["dates"] == "1946-09-04?/1948-09-15"
    assert camps["sevvostlag"]["dates"].endswith("/1952-05-20?")
    # "at least until 1 Jan 1954" stays a last attestation when the opening is a window
    assert "last attested on 1 January 1954" in camps["itl-promzhilstroi-of-dalstroi"]["summary"]
    for camp in ("volgolag", "construction-site-no-730-and-itl", "siblag", "sevkuzbasslag", "krasnogorlag", "polyanlag",
                 "pavlovskoe-lo", "dubravlag", "peschanlag", "nizhnedonlag", "voroninlag"):
        notes = [n["text"] for n in camps[camp].get("notes", [])]
        assert not any("gives none" in t or "gives no " in t for t in notes), camp
    assert not any(n["text"].startswith("Closing") for n in camps["kalachevski-itl"]["notes"])


def test_counts_dated_by_the_2026_12_05_reading_of_ustrs_pages() -> None:
    """Counts the map files under a year, dated by the same number on ÚSTR's page; where the page
    has another number for that day, both are shown."""
    camps = {p["id"]: p for p in RAW["places"]}

    def dated(ident: str) -> dict[str, int]:
        return {f["date"]: f["value"] for f in COUNTS if f["place"] == ident}

    assert {"1935-10-01": 1200, "1945-01": 31822, "1947-01-01": 37443}.items() <= dated("norilsk").items()
    assert dated("bezymyanlag") == {"1941-07-01": 91211, "1942-01-01": 81278, "1943-01-01": 29811,
                                    "1944-07-01": 8583, "1945-05-01": 7122, "1946-01-01": 5963}
    assert all("ustr-388-bezymyanlag" in f["sources"] for f in COUNTS if f["place"] == "bezymyanlag")
    [belbalt] = [f for f in COUNTS if f["place"] == "belbaltlag" and f["value"] == 1838]
    assert belbalt["date"] == "1946-06-01" and "other sources" in belbalt["note"]
    # Kosvinlag's 1,057 is its predecessor Shiroklag's strength on ÚSTR's page: not a count of Kosvinlag
    assert not [f for f in COUNTS if f["place"] == "kosvinlag" and f["value"] == 1057]
    assert any("Shiroklag" in n["text"] and "left out" in n["text"] for n in camps["kosvinlag"]["notes"])
    notes = [n["text"] for n in camps["dubravlag"]["notes"]]
    assert any("(1952-01-01)" in t and "23,616" in t and "25,616" in t for t in notes)


def test_the_second_2026_12_05_cross_check_of_camp_records() -> None:
    """A camp division the map files as an ITL, a camp perhaps never set up, a count that was
    another camp's, a closing the import misread, and aliases the map's English misspells."""
    camps = {p["id"]: p for p in RAW["places"]}
    maikain = camps["maikanskoe-lo"]
    assert (maikain["name"], maikain["camp_type"]) == ("Maikainskoe LO", "camp-division")
    assert maikain["summary"].startswith("Camp division in Pavlodar Region")
    ulen = camps["uspenskoye-mining-administration-and-itl"]
    assert ulen["organised"] == "perhaps not" and "perhaps never organised" in ulen["summary"]
    assert any("Shiroklag" in n["text"] for n in camps["kosvinlag"]["notes"])
    usolye = camps["itl-for-construction-of-the-usolsky-mining-equipment-factory"]
    assert not any("1948-10" in n["text"] for n in usolye["notes"])
    assert [(h["date"], h["change"], h["place"]) for h in usolye["history"]] == [("1949-04-19", "renamed", "uslag")]
    for camp in ("sevlag", "tenlag"):  # Memorial queries the opening: so does the record
        assert camps[camp]["dates"].startswith("1949-09-20?/")
    assert camps["astrakhanlag"]["economy"][0] == "fishing"
    misspelt = {"tenlag": "Tenyakinski ITL of Dalstroi", "astrakhanlag": "Astraklanski ITL",
                "kosvinlag": "Kasvinski ITL", "borlag": "Boyarski ITL", "ulminlag": "Ulyanovski ITL",
                "tuimazinlag": "Tuimazinovski ITL", "angrenlag": "Anresnki ITL", "tayozhlag": "Tayozny ITL"}
    for camp, wrong in misspelt.items():
        assert wrong not in camps[camp].get("names", []), camp
    assert "Borski ITL" in camps["borlag"]["names"] and "Tenkinski ITL of Dalstroi" in camps["tenlag"]["names"]


def test_a_planned_intake_or_a_transfer_is_not_a_headcount() -> None:
    """The map files orders' planned intakes and transfers as counts ("500 were to be sent
    here", "1,449 prisoners were sent here"): left out, each with a note saying what it was."""
    left_out = {"otdelnoe-proverochno-filtratsionnoe-otdelenie-v-keksgolme": (1944, 500),
                "otdelnoe-proverochno-filtratsionnoe-otdelenie-v-enso": (1944, 500),
                "tom-usinsky-itl": (1948, 5000),
                "krasnoyarsk-special-construction-administration-and-itl-pob-138": (1951, 1449),
                "berezovlag": (1948, 300)}
    camps = {p["id"]: p for p in RAW["places"]}
    for camp, (year, value) in left_out.items():
        counted = [f["value"] for f in COUNTS if f["place"] == camp and f["date"][:4] == str(year)]
        assert value not in counted, camp
        assert any(f"{value:,}" in n["text"] and "left out" in n["text"] for n in camps[camp]["notes"]), camp
        assert f"{value:,} prisoners counted" not in camps[camp]["summary"], camp
    # Berlag's units went to the North-Eastern camps administration, not to the Sevvostlag closed in 1952
    assert [h["place"] for h in camps["berlag"]["history"] if h["date"] == "1954-06-25"] == [None]


def test_what_a_camp_did_and_was_called_follows_its_own_text_not_the_maps_category() -> None:
    """The map files each camp under one category of work, not always the one its text gives: Moscow's
    filtration camp No. 0319 built the NKVD's object No. 1690 for the airfield-construction
    administration, and ITL "EN", on record as an oil-exploration expedition, built secret
    defence installations, and Kizellag, filed under factory construction, was a logging camp
    first. Standalone camp divisions (лагерное отделение, neuter) are
    "-skoe", not "-ski"; the handbook does not know Donlag's full name."""
    camps = {p["id"]: p for p in RAW["places"]}
    moscow, en = camps["moskovsky-pfl-no-0319"], camps["itl-en"]
    assert moscow["economy"] == ["construction (NKVD object No. 1690, 'Laboratory No. 2')"]
    assert "airfield" not in moscow["summary"] and any("airfield construction" in n["text"] for n in moscow["notes"])
    assert en["economy"] == ["secret defence construction"] and "mining" not in en["summary"]
    assert any("oil-exploration" in n["text"] for n in en["notes"])
    assert camps["kizellag"]["economy"][0] == "logging" and "factories" not in camps["kizellag"]["summary"]
    bashkir = camps["itl-and-construction-site-no-2-of-bashsspetsneftestroi"]  # the map files it under Komi
    assert bashkir["area"] == "Urals and the Perm krai" and any("Komi" in n["text"] for n in bashkir["notes"])
    names = {camp: camps[camp]["name"] for camp in ("ust-kutski-lo", "nerchinski-lo")}
    assert names == {"ust-kutski-lo": "Ust-Kutskoe LO", "nerchinski-lo": "Nerchinskoe LO"}
    assert any("full name" in n["text"] for n in camps["donlag"]["notes"])


def test_memorial_pages_are_titled_by_their_own_heading() -> None:
    """A page of Memorial's German handbook is cited by the camp's heading on it, with the
    handbook as its container, as the other pages are."""
    headings = {"mem-8-altailag": "ALTAI-ITL", "mem-bodaibinlag": "BODAIBO-ITL", "mem-taseevski-itl": "TASSEJEWO-ITL",
                "mem-453-chelyablag-1947": "TSCHELJABINSKER ITL", "mem-116-volgolag": "ITL DES WOLGOSTROI"}
    for ident, heading in headings.items():
        assert SOURCES[ident]["title"] == heading
        assert SOURCES[ident]["container"].startswith("Das System der Besserungsarbeitslager")
    assert SOURCES["mem-3-azovlag"]["title"] == "ASOWSCHE ITL"
    pages = [s for s in RAW["sources"] if "gulag.memorial.de/lager.php" in s.get("url", "")]
    assert len(pages) > 200
    handbook = ("Das System der Besserungsarbeitslager", "Memorial Deutschland")
    for page in pages:  # none titled with the handbook's own name, which says nothing of the camp
        assert not page["title"].startswith(handbook[0]), page["id"]
        assert page["container"].startswith(handbook), page["id"]


def test_a_count_the_camps_own_text_dates_to_a_day_carries_that_day() -> None:
    """The map files each count under a year; where the camp's own text gives the day of the
    same number ("На 1 июля 1946 года в лагере находилось 3 469 человек"), the figure takes it."""
    by_id = {f["id"]: f for f in COUNTS}
    dated = {"moskovsky-pfl-no-0319-prisoners-1946": ("1946-07-01", 3469),
             "leningradsky-pfl-no-0323-prisoners-1945": ("1945-07-10", 1895),
             "petrozavodsky-pfl-no-0313-prisoners-1945": ("1945-11-21", 10567)}
    for ident, expected in dated.items():
        assert (by_id[ident]["date"], by_id[ident]["value"]) == expected
    with build_script("camps") as camps:
        text = "На 20 сентября 1945 года в лагере содержалось 4 199 человек. На 1 июля 1946 года - 3 469 человек."
        # 4,199 is not the map's count for 1945, so that day is not taken for it
        assert camps.gulagmap.count_days(text, {1945: 4324, 1946: 3469}) == {1946: "1946-07-01"}


def test_a_count_the_camps_own_text_contradicts_is_shown_beside_the_maps() -> None:
    """Tarussky's text has 306 on 1 July 1946 where the map files 366; Kolomensky's has 728
    where the map files 7,102: the map's figure stays, with a note giving the text's."""
    camps = {p["id"]: p for p in RAW["places"]}
    for camp, text, ours in (("tarussky-pfl-no-0328", "306", "366"), ("kolomensky-pfl-no-0322", "728", "7,102")):
        assert any(text in n["text"] and ours in n["text"] and n["kind"] == "discrepancy"
                   for n in camps[camp]["notes"]), camp


def test_buchenwalds_two_totals_are_both_the_memorials_and_shown_as_a_discrepancy() -> None:
    """The Buchenwald memorial gives 28,455 prisoners in all on its page on the prisoners (the
    official Soviet figure) and 28,494 in its chronology; the deaths cite the memorial itself,
    not a machine-translated copy of Wikipedia."""
    camp = next(p for p in RAW["places"] if p["id"] == "special-camp-no-2-buchenwald")
    notes = [n for n in camp["notes"] if n["kind"] == "discrepancy" and "28,455" in n["text"] and "28,494" in n["text"]]
    assert [n["sources"] for n in notes] == [["buchenwald-speziallager", "buchenwald-speziallager-einrichtung"]]
    deaths = next(n for n in camp["notes"] if n["text"].startswith("Deaths:"))
    assert "7,113" in deaths["text"] and deaths["sources"][0] == "buchenwald-speziallager-einrichtung"
    assert SOURCES["buchenwald-speziallager-einrichtung"]["url"].startswith("https://www.buchenwald.de/geschichte/")


def test_no_camp_name_repeats_a_word_or_misspells_an_administration() -> None:
    """The map data's English names had "of of", "Bashsspetsneftestroi" and "GULDZhDS" (for
    ГУЛЖДС, the railway-construction camps administration); the cross-check mends the name and
    keeps the id."""
    names = {p["id"]: [p["name"], *(p.get("names") or [])] for p in CAMPS}
    for ident, spelt in names.items():
        for name in spelt:
            doubled = re.search(r"\b(\w+) \1\b", name)
            assert not doubled and "GULDZhDS" not in name and "Bashss" not in name, (ident, name)
    assert names["ash-itl"][0] == 'ITL "ASh"'
    railway = "construction-site-no-514-and-itl-of-the-chief-directorate-of-of-railroad-construction-works"
    assert names[railway][0] == "Construction 514 and ITL of the Main Administration of Railway Construction Camps"
    # Ахтубинский ИТЛ, the Stalingrad hydro station's camp on the Akhtuba: not "Aktiubinsky" (Aktobe)
    assert names["aktublag"][0] == "Akhtublag" and not any("Aktiub" in n for n in names["aktublag"])


def test_a_day_inside_the_map_datas_month_or_year_is_not_called_a_discrepancy() -> None:
    """ÚSTR's 11 August 1945 lies inside the map data's "1945-08": the two agree, so no note sets
    them against each other (the map's own description gives the same day)."""
    said = re.compile(r"^(?:Opening|Closing)[^:]*: .* gives (\S+?); the museum's map data gives (\S+?)\.")
    for camp in CAMPS:
        for note in camp.get("notes", []):
            m = said.match(note["text"])
            if m and note["kind"] == "discrepancy":
                theirs, ours = m.groups()
                assert not (theirs.startswith(ours) or ours.startswith(theirs)), (camp["id"], note["text"])


def test_where_a_filtration_camps_listed_groups_do_not_add_up_to_its_total_the_card_says_so() -> None:
    """The map data's own descriptions give totals whose listed groups add up to less: a reader
    sees both numbers beside the count."""
    camps = {c["id"]: c for c in CAMPS}
    expected = {"tkvibulsky-pfl-no-0205": ("3,587", 1760 + 589 + 238),
                "dalnevostochny-pfl-no-0320": ("3,684", 358 + 3283),
                "leninabadsky-pfl-no-0333": ("13,282", 6574 + 6508)}
    for ident, (total, parts) in expected.items():
        assert any(total in n["text"] and f"{parts:,}" in n["text"] and "gulagmap-dataset" in n["sources"]
                   for n in camps[ident]["notes"]), ident
    lenin = " ".join(n["text"] for n in camps["leninabadsky-pfl-no-0333"]["notes"])
    assert "on no page found" not in lenin and "Construction No. 896 in December 1947" in lenin


def test_construction_907_ends_where_its_successor_construction_447_begins() -> None:
    camp = next(c for c in CAMPS if c["id"] == "construction-site-no-907-and-itl")
    note = next(n for n in camp["notes"] if n["text"].startswith("Closing"))
    assert "1949-03-17/1949-04-06" in note["text"] and "between 2 and 15 April 1949" in note["text"]
    assert note["sources"][0] == "wp-uk-construction-447"


def test_a_yearly_count_the_camps_own_description_never_gives_is_flagged_with_the_descriptions_counts() -> None:
    """Tula's map files 9,684 under 1945; its own text counts 6,580 on 20 September 1945 and never
    9,684: the card shows the map's number and, beside it, the text's. A note the cross-check
    already wrote with both numbers (Kolomna's) is not said twice."""
    camps = {p["id"]: p for p in RAW["places"]}
    tula = [n for n in camps["tulsky-pfl-no-0308"]["notes"] if n["text"].startswith("Count for 1945")]
    assert [(n["kind"], n["sources"]) for n in tula] == [("discrepancy", ["gulagmap-dataset"])]
    assert "9,684" in tula[0]["text"] and "6,580 on 1945-09-20" in tula[0]["text"]
    assert not any(n["text"].startswith("Count for") for n in camps["kolomensky-pfl-no-0322"]["notes"])
    with build_script("camps") as build:
        text = "На 20 июня 1945 года содержалось 1 971 человек. На 20 сентября 1945 года – 4 199 человек. " \
               "На 1 июля 1946 года – 3 469 человек."
        unmatched = build.gulagmap.unmatched_counts(text, {1944: 10, 1945: 4324, 1946: 3469})
        assert unmatched == {1945: [("1945-06-20", 1971), ("1945-09-20", 4199)]}
