"""Events in the lives of people the store already had cards for (stop 40), and the 1949
Transcaucasian deportation decree found in a second and third source. Each test is what a
reader of `gulag show` or `gulag timeline` would check against the sources."""

from __future__ import annotations

import json

from .test_history_fixes import RAW_SOURCES, STORE, Gulag, assert_dated_on_two_sources, notes_citing, show


def test_leinos_prisoners_are_dated_to_the_night_of_20_21_april_1945_with_the_counts_side_by_side(
        gulag: Gulag) -> None:
    ident = "leino-prisoners-handed-over-1945"
    assert_dated_on_two_sources({ident: "1945-04-21"})
    event = STORE.by_id[ident]
    assert {"finland", "moscow"} <= set(event.places) and "unto-parvilahti" in event.people
    [counts] = [n for n in event.notes if n.kind == "discrepancy"]
    assert all(word in counts.text for word in ("nineteen", "twenty", "22", "ten", "eleven"))
    assert any("12 December 1954" in t for t in notes_citing(ident, "wp-fi-berijan-tarhat"))
    assert show(gulag, "Leino's prisoners")["id"] == ident
    assert show(gulag, "parvilahti")["id"] == "unto-parvilahti"


def test_svarinskas_was_ordained_in_abez_on_3_october_1954_and_only_perm36_gives_his_release_day() -> None:
    ident = "svarinskas-ordained-in-camp-1954"
    assert_dated_on_two_sources({ident: "1954-10-03"})
    event = STORE.by_id[ident]
    assert "minlag" in event.places and "Ramanauskas" in (event.description or "")
    [release] = [n for n in event.notes if n.kind == "uncertainty"]
    assert "20 March 1956" in release.text and set(release.sources) == {"genocid-svarinskas", "perm36-svarinskas"}


def test_wallach_was_freed_in_1955_and_die_zeit_heard_her_in_moscow() -> None:
    ident = "wallach-freed-1955"
    assert_dated_on_two_sources({ident: "1955"})
    assert "vorkuta-uprising" in STORE.by_id[ident].related
    assert RAW_SOURCES["zeit-workuta-1955"]["issue"] == "43"
    [zeit] = notes_citing(ident, "zeit-workuta-1955")
    assert "American reporters in Moscow" in zeit


def test_releases_dated_only_to_the_year_say_so(gulag: Gulag) -> None:
    assert_dated_on_two_sources({"kurtna-freed-1954": "1954", "chichibabin-freed-1951": "1951",
                                 "petkevich-freed-1950": "1950"})
    for ident, place in (("kurtna-freed-1954", "norilsk"), ("chichibabin-freed-1951", "vyatlag"),
                         ("petkevich-freed-1950", "sevzheldorlag")):
        event = STORE.by_id[ident]
        assert place in event.places, ident
        assert any(n.kind == "uncertainty" for n in event.notes), ident
    assert "helper's quotation" in RAW_SOURCES["iofe-petkevich"]["note"]
    result = gulag("timeline", "--person", "kurtna", "--json", data=None)
    assert [e["id"] for e in json.loads(result.stdout)] == ["kurtna-freed-1954"]


def test_the_1949_decree_is_read_in_a_second_source_and_names_transcaucasia() -> None:
    event = STORE.by_id["black-sea-coast-deportation-1949"]
    assert event.verified and "Transcaucasia" in event.title
    decree = RAW_SOURCES["cm-decree-2214-856ss-1949"]
    assert (decree["issued"], decree["language"]) == ("1949-05-29", "hy")
    assert not any("rests on the cited source alone" in n.text for n in event.notes)
    assert any("14 June 1949" in t for t in notes_citing(event.id, "vstrokax-avetisyan-1949-2020"))


def test_tvardovsky_met_solzhenitsyn_on_12_december_1961_and_the_unconfirmed_days_are_kept_out() -> None:
    ident = "tvardovsky-meets-solzhenitsyn-1961"
    assert_dated_on_two_sources({ident: "1961-12-12"})
    assert ident in STORE.by_id["one-day-published"].related and "one-day-published" in STORE.by_id[ident].related
    [unused] = [n for n in STORE.by_id[ident].notes if n.kind == "uncertainty"]
    assert "10 November 1961" in unused.text and "not used" in unused.text
    assert any("15 November 1962" in t for t in notes_citing("one-day-published", "saraskina-solzhenitsyn-2008"))
