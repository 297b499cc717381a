"""Events for the thin years of the timeline (stop 41): Shalamov's poems reaching Pasternak in
1952 and an American judge's praise of a Soviet model colony in 1959. Each test is what a reader
of `gulag show` or `gulag timeline` would check against the sources."""

from __future__ import annotations

import json

from .test_history_fixes import RAW_SOURCES, STORE, Gulag, assert_dated_on_two_sources, notes_citing, show


def test_shalamovs_poems_reach_pasternak_in_1952_and_no_day_is_claimed(gulag: Gulag) -> None:
    ident = "shalamov-poems-to-pasternak-1952"
    assert_dated_on_two_sources({ident: "1952"})
    event = STORE.by_id[ident]
    assert "shalamov" in event.people and "Mamuchashvili" in (event.description or "")
    [start] = notes_citing(ident, "shalamov-ru-yakut-notebooks")
    assert "20 August 1952" in start and "150 km" in start
    [no_day] = [n for n in event.notes if n.kind == "uncertainty"]
    assert "only the year" in no_day.text
    assert RAW_SOURCES["sirotinskaya-yunost-1988-shalamov-pasternak"]["container"] == "Юность"
    assert show(gulag, "Shalamov writes to Pasternak")["id"] == ident
    timeline = json.loads(gulag("timeline", "--person", "shalamov", "--to", "1953", "--json", data=None).stdout)
    assert ident in [e["id"] for e in timeline]


def test_the_life_article_of_8_june_1959_keeps_both_readings_of_the_judge(gulag: Gulag) -> None:
    ident = "leibowitz-praises-soviet-prisons-1959"
    assert_dated_on_two_sources({ident: "1959-06-08"})
    event = STORE.by_id[ident]
    assert "Kryukovo" in (event.description or "")
    [readings] = [n for n in event.notes if n.kind == "discrepancy"]
    assert set(readings.sources) == {"hardy-gulag-tourism-2012", "wp-samuel-leibowitz"}
    assert "misrepresented" in readings.text and "duped" in readings.text
    assert RAW_SOURCES["hardy-gulag-tourism-2012"]["authors"] == [{"family": "Hardy", "given": "Jeffrey S."}]
    assert show(gulag, "The Two Faces of Justice in Russia")["id"] == ident
    year = json.loads(gulag("timeline", "--from", "1959", "--to", "1959", "--tag", "camp-system", "--json",
                            data=None).stdout)
    assert ident in [e["id"] for e in year]
