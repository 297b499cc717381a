"""Events in the lives of people the store already had cards for (stop 40), and the 1949
Transcaucasian deportation decree found in a second and third source. Each test is what a
reader of `gulag show` or `gulag timeline` would check against the sources."""

from __future__ import annotations

import json

from .test_history_fixes import (
    RAW_SOURCES,
    STORE,
    Gulag,
    assert_dated_on_two_sources,
    figure_values,
    figures_of,
    notes_citing,
    notes_of,
    show,
)


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
    assert "Nevel" in RAW_SOURCES["iofe-petkevich"]["note"]  # the archive's birthplace, beside Petrograd
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
    [unused] = notes_of(ident, "uncertainty")
    assert "10 November 1961" in unused.text and "not used" in unused.text
    assert any("15 November 1962" in t for t in notes_citing("one-day-published", "saraskina-solzhenitsyn-2008"))


def test_svarinskas_rearrest_is_dated_to_the_month_two_sources_give_and_perm36_keeps_the_days() -> None:
    ident = "svarinskas-rearrested-1958"
    assert_dated_on_two_sources({ident: "1958-04"})
    event = STORE.by_id[ident]
    assert "dubravlag" in event.places and ident in STORE.by_id["svarinskas-ordained-in-camp-1954"].related
    [days] = notes_citing(ident, "perm36-svarinskas")
    assert "9 April 1958" in days and "26 July 1958" in days


def test_solzhenitsyns_road_from_marfino_to_one_day_is_in_order_with_who_dates_what(gulag: Gulag) -> None:
    dated = {"solzhenitsyn-to-marfino-1947": "1947-07-09", "solzhenitsyn-to-ekibastuz-1950": "1950-08",
             "solzhenitsyn-plans-archipelago-1958": "1958", "solzhenitsyn-writes-shch-854-1959": "1959-05/1959-06",
             "tvardovsky-meets-solzhenitsyn-1961": "1961-12-12", "khrushchev-receives-tvardovsky-1962": "1962-10-20",
             "one-day-published": "1962-11"}
    assert_dated_on_two_sources(dated)
    result = gulag("timeline", "--person", "solzhenitsyn", "--from", "1947", "--to", "1962", "--json", data=None)
    ids = [e["id"] for e in json.loads(result.stdout)]
    assert [i for i in ids if i in dated] == list(dated)
    assert "dmitri-panin" in STORE.by_id["solzhenitsyn-to-ekibastuz-1950"].people
    [days] = notes_of("solzhenitsyn-writes-shch-854-1959", "discrepancy")
    assert "45 days" in days.text and "40 days" in days.text
    [presidium] = notes_of("khrushchev-receives-tvardovsky-1962", "uncertainty")
    assert "12 October" in presidium.text and "not agree at once" in presidium.text
    [copies] = [n for n in STORE.by_id["khrushchev-receives-tvardovsky-1962"].notes if "copies" in n.text]
    assert "23" in copies.text and "25" in copies.text


def test_the_camp_system_changes_of_1946_and_1948() -> None:
    assert_dated_on_two_sources({"nkvd-becomes-mvd-1946": "1946-03-15", "work-credits-restored-1948": "1948-12"})
    assert RAW_SOURCES["constitutions-law-1946-03-15"]["issued"] == "1946-03-15"
    [days] = notes_citing("work-credits-restored-1948", "sidorov-vaninsky-port")
    assert all(day in days for day in ("17 December 1948", "20 March", "1 April", "21 June"))
    assert "work-credits-restored-1948" in STORE.by_id["kersnovskaya-released-1952"].related


def test_marchenkos_first_sentence_and_bardachs_release_keep_their_days_in_the_notes() -> None:
    assert_dated_on_two_sources({"marchenko-convicted-karaganda-1958": "1958", "bardach-freed-1946": "1946"})
    [perm] = notes_citing("marchenko-convicted-karaganda-1958", "perm36-marchenko")
    assert "13 March 1958" in perm and "18 December 1959" in perm
    assert any("March 1946" in t for t in notes_citing("bardach-freed-1946", "booklist-surviving-freedom"))
    assert "kolyma" in STORE.by_id["bardach-freed-1946"].places


def test_shalamovs_poems_in_print_and_his_tales_offered_and_refused() -> None:
    assert_dated_on_two_sources({"shalamov-ognivo-1961": "1961", "shalamov-offers-kolyma-tales-1962": "1962-11-27"})
    assert "fifty-three" in STORE.by_id["shalamov-ognivo-1961"].summary
    assert "July 1964" in STORE.by_id["shalamov-offers-kolyma-tales-1962"].summary
    [reviews] = [n for n in notes_citing("shalamov-offers-kolyma-tales-1962", "rgali-shalamov-application-1962")
                 if "Volkov" in n]  # the other note is on the second reviewer's first name
    assert all(name in reviews for name in ("Volkov", "Moroz", "Dremov"))
    assert "shalamov-offers-kolyma-tales-1962" in STORE.by_id["shalamov-kolyma-tales"].related


def test_two_more_foreign_returns_keep_every_count_with_its_teller(gulag: Gulag) -> None:
    assert_dated_on_two_sources({"luxembourg-conscripts-leave-tambov-1945": "1945-11-05",
                                 "last-italian-pows-return-1954": "1954-02-13"})
    returned = figures_of("luxembourg-conscripts-leave-tambov-1945")["returned"]
    assert (returned.low, returned.high) == (500, 600) and "Wort" in returned.reported_by
    italians = figures_of("last-italian-pows-return-1954").values()
    assert [f.value for f in italians] == [16]  # the party of 16: 15 at Villach, one in Vienna
    assert "malgre-nous-leave-tambov-1945" in STORE.by_id["luxembourg-conscripts-leave-tambov-1945"].related
    result = gulag("timeline", "--place", "tambov", "--json", data=None)
    assert {"malgre-nous-leave-tambov-1945", "luxembourg-conscripts-leave-tambov-1945"} <= {
        e["id"] for e in json.loads(result.stdout)}


def test_miskinis_came_home_in_autumn_1956_and_the_museums_other_years_are_kept() -> None:
    assert_dated_on_two_sources({"miskinis-returns-1956": "1956"})
    [years] = notes_of("miskinis-returns-1956", "discrepancy")
    assert "1947-1954" in years.text and "autumn of 1956" in years.text


def test_the_1958_release_of_borderland_settlers_is_kept_unverified_on_its_one_text() -> None:
    event = STORE.by_id["special-settlers-freed-1958"]
    assert (event.date.edtf, event.verified) == ("1958-05-19", False)
    assert "no right to go back" in event.summary and "barred" not in event.title + event.summary
    assert {"lithuania", "latvia", "estonia", "western-ukraine"} <= set(event.places)
    assert "special-settlers-freed-1958" in STORE.by_id["special-settlers-restrictions-eased"].related
    assert any("did not cover" in t for t in notes_citing("special-settlers-restrictions-eased",
                                                          "gulagmemories-lithuania-release-decrees"))


def test_rechlags_organisations_stay_applebaums_claim_with_barenbergs_caveat() -> None:
    event = STORE.by_id["rechlag-organisations-1951-1952"]
    assert not event.verified and "first tried" not in event.summary
    assert "at least five" in event.summary  # Applebaum's "no less than five", not an exact count
    assert notes_citing(event.id, "barenberg-ot-goroda-gulaga")


def test_the_memorial_camp_dates_name_their_second_publication_as_derived() -> None:
    for ident in ("rechlag-merged-into-vorkutlag-1954", "peschanlag-closed-1955", "karlag-reorganised-1959",
                  "pechorlag-dissolved-1959"):
        event = STORE.by_id[ident]
        derived = [s for s in event.sources if not s.startswith("memo-r3-")]  # Memorial's own page is the original
        assert len(derived) == 2, ident
        assert any("second publication" in n.text for n in event.notes), ident


def test_the_1950_mothers_amnesty_keeps_both_days_and_sidorovs_count() -> None:
    assert_dated_on_two_sources({"mothers-amnesty-1950": "1950-08"})
    [days] = notes_of("mothers-amnesty-1950", "discrepancy")
    assert "26 August 1950" in days.text and "28 August 1950" in days.text
    assert figure_values("mothers-amnesty-1950") == [119041]


def test_solzhenitsyns_exile_months_and_the_two_datings_of_his_rehabilitation() -> None:
    assert_dated_on_two_sources({"solzhenitsyn-exile-kok-terek": "1953-03/1956-06",
                                 "solzhenitsyn-rehabilitated-1957": "1957"})
    assert any("24 June 1956" in t for t in notes_citing("solzhenitsyn-exile-kok-terek", "scammell-matryonas-place"))
    [dating] = notes_of("solzhenitsyn-rehabilitated-1957", "discrepancy")
    assert "6 February 1957" in dating.text and "4н-083/56" in dating.text


def test_three_poets_rehabilitations_carry_the_day_of_the_ruling(gulag: Gulag) -> None:
    assert_dated_on_two_sources({"tabidze-rehabilitated-1954": "1954-06-26",
                                 "vasiliev-rehabilitated-1956": "1956-06-20",
                                 "kornilov-rehabilitated-1957": "1957-01-05"})
    assert "pneumonia in 1939" in STORE.by_id["tabidze-rehabilitated-1954"].summary
    result = gulag("timeline", "--tag", "rehabilitation", "--from", "1954-06", "--to", "1957-01", "--json", data=None)
    ids = [e["id"] for e in json.loads(result.stdout)]
    assert ids.index("tabidze-rehabilitated-1954") < ids.index("vasiliev-rehabilitated-1956") < ids.index(
        "kornilov-rehabilitated-1957")
