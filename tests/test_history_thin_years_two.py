"""Additions of stop 42 to thin years: the famine of 1946-1947, Zabolotsky's return (1946),
Yevgenia Ginzburg's release into Kolyma (1947), Ciszek's (1955) and Dolgun's (1956) releases,
Etinger's death (1951), the SDR students (1952), Yuri Shukhevych (1958),
Pasternak's Nobel Prize (1958) and the Powers exchange (1962). Each test checks what a reader of
`gulag show` or `gulag timeline` would check against the sources."""

from __future__ import annotations

from .conftest import ids
from .test_history_fixes import (
    RAW_SOURCES,
    STORE,
    Gulag,
    assert_dated_on_two_sources,
    figures_of,
    notes_citing,
    notes_of,
    show,
)


def test_the_famine_of_1946_1947_has_ellmans_count_with_the_wider_range_beside_it(gulag: Gulag) -> None:
    ident = "famine-1946-1947"
    assert_dated_on_two_sources({ident: "1946/1947"})
    count = figures_of(ident)["excess-deaths"]
    assert (count.low, count.high, count.approximate) == (1_000_000, 1_500_000, True)
    assert "Ellman" in count.reported_by
    [spread] = notes_citing(ident, "wp-soviet-famine-1946-1947")
    assert "900,000" in spread and "2 million" in spread
    assert RAW_SOURCES["ellman-1947-famine-2000"]["container"] == "Cambridge Journal of Economics"
    assert "famine-1946-1947" in ids(gulag("timeline", "--tag", "death", "--from", "1947", "--to", "1947",
                                           "--json", data=None))
    assert show(gulag, "Soviet famine of 1946–1947")["id"] == ident


def test_zabolotskys_and_ginzburgs_releases_keep_the_years_their_sources_give(gulag: Gulag) -> None:
    assert_dated_on_two_sources({"zabolotsky-returns-1946": "1946", "yevgenia-ginzburg-term-ends-1947": "1947-02"})
    assert {"altailag", "karaganda"} <= set(STORE.by_id["zabolotsky-returns-1946"].places)
    [request] = notes_citing("zabolotsky-returns-1946", "chuprinin-ottepel-zabolotsky")
    assert "6 September 1945" in request
    [day] = notes_citing("yevgenia-ginzburg-term-ends-1947", "memorial-de-ginzburg")
    assert "15 February 1947" in day and "1949" in day  # the publisher's later year is kept beside it
    kolyma = ids(gulag("timeline", "--person", "yevgenia-ginzburg", "--json", data=None))
    assert kolyma.index("yevgenia-ginzburg-term-ends-1947") < kolyma.index("yevgenia-ginzburg-rehabilitated")


def test_the_americans_ciszek_and_dolgun_are_freed_but_kept_in_the_ussr(gulag: Gulag) -> None:
    assert_dated_on_two_sources({"ciszek-freed-into-norilsk-1955": "1955-04", "dolgun-freed-1956": "1956"})
    [april] = notes_citing("ciszek-freed-into-norilsk-1955", "wp-walter-ciszek")
    assert "22 April 1955" in april  # the day only Wikipedia gives stays out of the date
    norilsk = ids(gulag("timeline", "--place", "norilsk", "--from", "1955", "--to", "1955", "--json", data=None))
    assert "ciszek-freed-into-norilsk-1955" in norilsk
    [leaving] = notes_of("dolgun-freed-1956", "discrepancy")
    assert "1971" in leaving.text and "1972" in leaving.text
    assert ids(gulag("timeline", "--person", "alexander-dolgun", "--json", data=None)) == [
        "dolgun-arrested", "dolgun-freed-1956"]


def test_pasternaks_prize_and_the_powers_exchange_are_dated_by_the_records_of_the_day(gulag: Gulag) -> None:
    assert_dated_on_two_sources({"pasternak-nobel-prize-1958": "1958-10-23/1958-10-31",
                                 "powers-exchanged-1962": "1962-02-10"})
    [telegrams] = notes_citing("pasternak-nobel-prize-1958", "nobelprize-literature-1958-announcement")
    assert "25 October" in telegrams and "29 October" in telegrams
    assert "31 October" in (STORE.by_id["pasternak-nobel-prize-1958"].description or "")
    assert show(gulag, "Pasternak affair")["id"] == "pasternak-nobel-prize-1958"
    swap = STORE.by_id["powers-exchanged-1962"]
    assert {"vladimir", "berlin"} <= set(swap.places) and "Glienicke" in swap.summary
    assert "19 August 1960" in " ".join(notes_citing("powers-exchanged-1962", "zlobin-ugolovnoe-delo-pauersa"))
    year = ids(gulag("timeline", "--from", "1962", "--to", "1962", "--tag", "diplomacy", "--json", data=None))
    assert year == ["powers-exchanged-1962", "wynne-seized-1962", "cousins-khrushchev-slipyj-1962"]


def test_etingers_death_and_ryumins_letter_are_dated_by_the_resolution_and_birstein(gulag: Gulag) -> None:
    ident = "etinger-dies-in-lefortovo-1951"
    assert_dated_on_two_sources({ident: "1951-03-02"})
    [dates] = notes_citing(ident, "constitutions-ru-mgb-resolution-1951")
    assert "2 July" in dates and "5 January" in dates
    assert {"mikhail-ryumin", "viktor-abakumov"} <= set(STORE.by_id[ident].people)
    ryumin = ids(gulag("timeline", "--person", "mikhail-ryumin", "--json", data=None))
    assert ryumin.index(ident) < ryumin.index("ryumin-executed")


def test_the_sdr_students_and_yuri_shukhevych_keep_only_the_days_two_sources_give(gulag: Gulag) -> None:
    assert_dated_on_two_sources({"sdr-students-shot-1952": "1952-03-26", "yuri-shukhevych-resentenced-1958": "1958"})
    [list_entry] = notes_citing("sdr-students-shot-1952", "memorial-donskoe-list-slutsky")
    assert "19 January 1951" in list_entry and "18 July 1989" in list_entry
    assert show(gulag, "Союз борьбы за дело революции")["id"] == "sdr-students-shot-1952"
    [day] = notes_of("yuri-shukhevych-resentenced-1958", "uncertainty")
    assert "21 August 1958" in day.text and "no second source" in day.text
    lviv = ids(gulag("timeline", "--place", "lviv", "--from", "1958", "--to", "1958", "--json", data=None))
    assert lviv == ["yuri-shukhevych-resentenced-1958"]
