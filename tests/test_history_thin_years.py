"""Additions of stop 41: Shalamov's poems reaching Pasternak (1952), an American judge's praise of
a Soviet model colony (1959), the Greek Catholic bishops after 1945, the Dalstroy explosion at
Nakhodka (1946), the 1956 resolution on the MVD, and the releases of Chizhevsky, Korzhavin, Kross,
Vanaga, Ruslanova and Larina. Each test is what a reader of `gulag show` or `gulag timeline` would
check against the sources."""

from __future__ import annotations

from .conftest import ids
from .test_history_fixes import RAW_SOURCES, STORE, Gulag, assert_dated_on_two_sources, notes_citing, notes_of, show


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
    timeline = ids(gulag("timeline", "--person", "shalamov", "--to", "1953", "--json", data=None))
    assert ident in timeline


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
    year = ids(gulag("timeline", "--from", "1959", "--to", "1959", "--tag", "camp-system", "--json",
                            data=None))
    assert ident in year


def test_khomyshyn_died_on_28_december_1945_and_wikipedias_1947_is_kept_beside_it() -> None:
    ident = "khomyshyn-dies-in-prison-1945"
    assert_dated_on_two_sources({ident: "1945-12-28"})
    [dates] = notes_of(ident, "discrepancy")
    assert "17 January 1947" in dates.text and "wp-gregory-khomyshyn" in dates.sources
    assert RAW_SOURCES["maslij-khomyshyn-case"]["container"].startswith("Добрий Пастир")
    assert ident in STORE.by_id["ugcc-bishops-arrested-1945"].related


def test_the_greek_catholic_priests_freed_in_1955_and_1956_are_on_lvivs_timeline(gulag: Gulag) -> None:
    assert_dated_on_two_sources({"velychkovsky-freed-1955": "1955", "charnetsky-returns-1956": "1956"})
    lviv = ids(gulag("timeline", "--place", "lviv", "--from", "1955", "--to", "1956", "--json",
                            data=None))
    assert {"velychkovsky-freed-1955", "charnetsky-returns-1956"} <= set(lviv)
    [term] = notes_of("charnetsky-returns-1956", "discrepancy")
    assert "ten years" in term.text and "five years" in term.text
    assert "vorkuta" in STORE.by_id["velychkovsky-freed-1955"].places
    assert "helper's quotation" in RAW_SOURCES["yorkton-redemptorists-velychkovsky"]["note"]
    assert show(gulag, "Velychkovsky")["id"] == "velychkovsky-freed-1955"


def test_the_resolution_of_25_october_1956_is_named_but_not_credited_with_the_new_administration() -> None:
    event = STORE.by_id["camps-to-colonies-reform"]
    assert event.date.edtf == "1956-10"
    [note] = [n for n in event.notes if n.kind == "uncertainty"]
    assert "1443-719" in note.text and "25 October 1956" in note.text and "Neither text" in note.text
    assert {"mvd-order-0500-1956", "kuznetsov-tsena-svobody-1956-resolution"} <= set(note.sources)


def test_the_dalstroy_explosion_is_on_nakhodkas_card_with_the_librarys_june_date_kept_apart(gulag: Gulag) -> None:
    ident = "dalstroy-steamer-explodes-1946"
    assert_dated_on_two_sources({ident: "1946-07-24"})
    card = show(gulag, "nakhodka")
    assert (card["kind"], card["country"]) == ("place", "Russia")
    assert "geonames" in [s["id"] for s in card["sources"]]
    on_the_place = ids(gulag("timeline", "--place", "nakhodka", "--json", data=None))
    # the last ship home sailed from Nakhodka, one of the ports of the agreement of December 1946
    assert on_the_place == ["japanese-pow-repatriation", ident, "us-soviet-repatriation-agreement-1946",
                            "korean-pows-return-hungnam-1948", "last-japanese-repatriation-ship-1956"]
    [june] = [n for n in STORE.by_id[ident].notes if n.kind == "discrepancy" and "24 June 1946" in n.text]
    assert june.sources[0] == "nakhodka-lib-exploded-summer-1946"
    assert "917 tonnes" in (STORE.by_id[ident].description or "")
    assert show(gulag, "Kiev")["id"] == "kyiv"
    assert "kyiv" in STORE.by_id["khomyshyn-dies-in-prison-1945"].places


def test_chizhevskys_camp_term_ends_in_1950_and_the_days_come_from_the_karaganda_files() -> None:
    ident = "chizhevsky-exiled-to-karaganda-1950"
    assert_dated_on_two_sources({ident: "1950"})
    assert {"karlag", "karaganda"} <= set(STORE.by_id[ident].places)
    [files] = notes_citing(ident, "mogilnitsky-v-doline-slez-chizhevsky")
    assert "22 January 1950" in files and "25 January 1950" in files
    assert RAW_SOURCES["zelnikov-chizhevsky-kaluga-case-2012"]["url"].startswith("https://readings.gmik.ru/")


def test_korzhavin_comes_back_in_1954_and_only_chuprinin_gives_the_day(gulag: Gulag) -> None:
    ident = "korzhavin-returns-1954"
    assert_dated_on_two_sources({ident: "1954"})
    [day] = notes_citing(ident, "chuprinin-ottepel-korzhavin")
    assert "25 December 1954" in day
    karaganda = ids(gulag("timeline", "--place", "karaganda", "--tag", "release", "--json", data=None))
    assert {ident, "chizhevsky-exiled-to-karaganda-1950"} <= set(karaganda)
    assert show(gulag, "Naum Mandel")["id"] == ident


def test_two_baltic_writers_come_home_from_the_krasnoyarsk_region(gulag: Gulag) -> None:
    assert_dated_on_two_sources({"kross-returns-1954": "1954-05/1954-06-24", "vanaga-returns-1957": "1957"})
    region = ids(gulag("timeline", "--place", "krasnoyarsk-krai", "--tag", "literature", "--json",
                              data=None))
    assert {"kross-returns-1954", "vanaga-returns-1957"} <= set(region)
    may = " ".join(notes_citing("kross-returns-1954", "tuglas-kallid-krantsid-review"))
    assert "end of May 1954" in may
    vanaga = STORE.by_id["vanaga-returns-1957"]
    assert "14 June 1941" in vanaga.summary and "shot in 1942" in (vanaga.description or "")
    assert show(gulag, "Melanija Vanaga")["id"] == "vanaga-returns-1957"


def test_ruslanova_and_larina_have_their_releases_on_their_cards(gulag: Gulag) -> None:
    assert_dated_on_two_sources({"ruslanova-freed-1953": "1953", "larina-released-1959": "1959"})
    ruslanova = ids(gulag("timeline", "--person", "lidia-ruslanova", "--json", data=None))
    assert ruslanova == ["ruslanova-arrested", "ruslanova-freed-1953"]
    [august] = notes_citing("ruslanova-freed-1953", "mikheenkov-ruslanova-release")
    assert "August 1953" in august
    [years] = notes_of("larina-released-1959", "discrepancy")
    assert "1953" in years.text and "wp-en-anna-larina" in years.sources
