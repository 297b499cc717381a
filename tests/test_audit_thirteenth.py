"""The thirteenth round of the audit: the 81 hand-made event figures the twelfth round's sample
left out and the 77 place cards that are not camps, each checked against sources they do not cite;
and six new events for the thin late years, each dated by two independent sources."""

from __future__ import annotations

from .test_history_fixes import STORE, assert_dated_on_two_sources, figures_of, notes_citing, notes_of


def test_a_figure_says_what_it_counts() -> None:
    priboi = figures_of("operation-priboi")
    assert "does not say" in priboi["deaths-wikipedia"].what  # Latvia's deportees alone count more dead
    assert "5,231" in (priboi["deaths-wikipedia"].note or "")
    assert "Kaišiadorys" in (STORE.figures["operation-priboi-vesna-deported-deportation-ua"].note or "")
    for year in (1953, 1954, 1955, 1956):  # the Justice Ministry ran the camps from April 1953 to February 1954
        assert "MVD" not in STORE.figures[f"de-stalinization-begins-prisoners-{year}"].what
    assert "no date or basis" in STORE.figures["volga-don-canal-opened-prisoners-lenta"].what
    assert "handed over" not in STORE.figures["lienz-cossacks-handed-over"].what  # camped there, not all handed over
    assert "Branch 1 of Camp 16" in STORE.figures["khabarovsk-incident-1955-strikers"].what


def test_a_second_reading_is_kept_with_who_gives_it() -> None:
    assert "Memorial Sighet" in (STORE.figures["operation-south-1949-planned-moldavian-cm"].note or "")
    assert "21,177" in (STORE.figures["operation-osen-autumn-1951-total"].note or "")
    assert "15,537" in (STORE.figures["operation-osen-deported-oct-1951-kaisiadorys"].note or "")
    tambov = STORE.figures["luxembourg-conscripts-leave-tambov-1945-deaths"]
    assert "word for word" in tambov.reported_by and "166" in (tambov.note or "")


def test_place_cards_say_no_more_than_their_sources() -> None:
    places = STORE.places
    assert "Karakalpakia" in (places["turkmenistan"].summary or "")  # the canal was begun at its head, not dug across
    assert "about 1,000" in (places["luxembourg"].summary or "")
    assert "tried to storm" in (places["aleksandrov"].summary or "")  # the guards held the prison
    assert "30-45 km" in (places["karaganda"].summary or "")
    assert "NKVD" not in (places["dresden"].summary or "")
    assert "East Berlin" in (places["berlin"].summary or "")
    assert "286" in (places["barcelona"].summary or "")
    assert "temnikov-camps" not in places  # the map's Temlag camp is the same place
    assert STORE.by_id["gagen-torn-rearrested"].places == ("temlag", "dubravlag")


def test_new_events_for_the_late_years() -> None:
    assert_dated_on_two_sources({
        "mayakovsky-readings-begin-1958": "1958-07-29",
        "german-repatriation-agreement-1958": "1958-04-08",
        "sladkevicius-banished-1959": "1959",
        "syntaxis-first-issue-1959": "1959-12",
        "novocherkassk-trial-1962": "1962-08-14/1962-08-20",
        "estonian-nationalists-union-arrested-1962": "1962",
    })
    assert "28 July" in " ".join(notes_citing("mayakovsky-readings-begin-1958", "tasr-mayakovsky-60"))
    assert "13 August" in " ".join(notes_citing("novocherkassk-trial-1962", "wp-ru-novocherkassk-massacre"))
    assert figures_of("novocherkassk-trial-1962")["death-sentences"].value == 7
    assert "21 June 1941" in STORE.by_id["german-repatriation-agreement-1958"].summary
    [season] = notes_of("estonian-nationalists-union-arrested-1962", "uncertainty")
    assert "summer 1962" in season.text
    assert "syntaxis-first-issue-1959" in STORE.by_id["ginzburg-arrested-1960"].related
    assert "novocherkassk-trial-1962" in STORE.by_id["novocherkassk-massacre"].related


def test_new_events_for_1960_and_1961() -> None:
    assert_dated_on_two_sources({
        "shvernik-commission-1960": "1960",
        "steponavicius-banished-1961": "1961",
        "grossman-novel-confiscated-1961": "1961-02",
        "makinen-sentenced-1961": "1961",
        "astra-sentenced-1961": "1961-10-20/1961-10-26",
    })
    [arrest] = notes_of("astra-sentenced-1961", "discrepancy")
    assert "23 February" in arrest.text and "25 February" in arrest.text  # detained, then the case opened
    [claim] = notes_of("shvernik-commission-1960", "context")  # her account, not the commission's finding
    assert claim.text.startswith("By Shatunovskaya's own account") and "Sukharev" in (
        STORE.by_id["shvernik-commission-1960"].description or "")
    assert "14 February" in " ".join(notes_citing("grossman-novel-confiscated-1961", "bit-yunan-feldman-grossman"))
    assert "18 January" in " ".join(notes_citing("steponavicius-banished-1961", "xxiamzius-steponavicius-2011"))
    assert {"walter-ciszek", "raoul-wallenberg"} <= set(STORE.by_id["makinen-sentenced-1961"].people)
