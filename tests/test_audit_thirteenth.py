"""The thirteenth round of the audit: the 81 hand-made event figures the twelfth round's sample
left out and the 77 place cards that are not camps, each checked against sources they do not cite;
thirty-five new events for 1945-1962, each dated by two independent sources and then rechecked by
a helper told to break them; and person cards for the people those events name."""

from __future__ import annotations

from gulagcli.match import words
from gulagcli.query import person_names

from .test_history_fixes import (
    STORE,
    Gulag,
    assert_dated_on_two_sources,
    assert_lives_on_two_sources,
    figures_of,
    notes_citing,
    notes_of,
    show,
)


def test_a_figure_says_what_it_counts() -> None:
    priboi = figures_of("operation-priboi")
    assert "does not say" in priboi["deaths-wikipedia"].what  # Latvia's deportees alone count more dead
    assert "5,231" in (priboi["deaths-wikipedia"].note or "")
    assert "Kaišiadorys" in (STORE.figures["operation-priboi-vesna-deported-deportation-ua"].note or "")
    for year in (1953, 1954, 1955, 1956):  # the Justice Ministry ran the camps from April 1953 to February 1954
        assert "MVD" not in STORE.figures[f"de-stalinization-begins-prisoners-{year}"].what
    assert "no date or basis" in STORE.figures["volga-don-canal-opened-prisoners-lenta"].what
    lienz = STORE.figures["lienz-cossacks-handed-over"]  # ORF: handed over; Osttirol heute: camped there
    assert "handed over" not in lienz.what and "ORF" in (lienz.note or "") and "camped" in (lienz.note or "")
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
    assert "landed 286" in (places["barcelona"].summary or "")
    assert "late January 1953" in (places["uritsky-district"].summary or "")
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


def test_the_recheck_narrowed_what_the_new_events_claim() -> None:
    shvernik = STORE.by_id["shvernik-commission-1960"]  # the 1960 commission was on Kirov; the trials' reports 1961-63
    assert "trials" not in shvernik.title and "1961-63" in notes_of("shvernik-commission-1960", "discrepancy")[0].text
    assert "escaped" in STORE.by_id["grossman-novel-confiscated-1961"].summary  # not every copy was taken
    assert "vladimir" in STORE.by_id["makinen-sentenced-1961"].places
    assert "ambassador for the talks" in (STORE.by_id["german-repatriation-agreement-1958"].description or "")
    assert "parish priest" in STORE.by_id["sladkevicius-banished-1959"].summary
    assert "Chronicle of Current Events" in " ".join(notes_citing("ginzburg-arrested-1960", "cce-50-3-ginzburg"))
    assert "later trials" in " ".join(notes_citing("novocherkassk-massacre", "wp-ru-novocherkassk-massacre"))


def test_new_events_for_1947_to_1952() -> None:
    assert_dated_on_two_sources({
        "kovacs-seized-1947": "1947-02-25",
        "pow-repatriation-deadline-1947": "1947-04-23",
        "state-secrets-decree-1947": "1947-06-09",
        "oggins-killed-1947": "1947",
        "tass-german-pows-statement-1950": "1950-05-04",
        "japanese-prisoners-handed-to-china-1950": "1950-07-18",
        "un-pow-commission-1950": "1950-12-14",
        "cicrc-brussels-hearings-1951": "1951-05-21/1951-05-26",
        "karsavin-dies-abez-1952": "1952-07",
    })
    assert "23 April 1947" in " ".join(notes_citing("pow-repatriation-deadline-1947", "arzamaskin-tainy-repatriatsii"))
    assert "890,532" in (STORE.by_id["pow-repatriation-deadline-1947"].description or "")
    [convicted] = notes_of("tass-german-pows-statement-1950", "discrepancy")  # convicted, or under investigation
    assert "9,717" in convicted.text and "under investigation" in convicted.text
    [sentence] = notes_of("kovacs-seized-1947", "discrepancy")
    assert "twenty years" in sentence.text and "life" in sentence.text
    [day] = notes_of("karsavin-dies-abez-1952", "discrepancy")
    assert "12 July" in day.text and "20 July" in day.text
    assert "1 August 1950" in " ".join(notes_citing("japanese-prisoners-handed-to-china-1950", "usov-pu-i"))


def test_the_second_recheck_and_the_new_person_cards() -> None:
    decree = STORE.by_id["state-secrets-decree-1947"].summary  # only where the act was not treason or spying
    assert "not treason or spying" in decree and "spying or not" not in decree
    oggins = STORE.by_id["oggins-killed-1947"].description or ""
    assert "Andrew Meier" in oggins and "1948" in oggins and "his son" not in oggins
    assert "Sviridov" in (STORE.by_id["kovacs-seized-1947"].description or "")
    spiegel = notes_citing("pow-repatriation-deadline-1947", "spiegel-1949-kriegsgefangene-noten")
    assert "Der Spiegel" in " ".join(spiegel)
    assert "same station" in (STORE.by_id["japanese-prisoners-handed-to-china-1950"].description or "")
    assert_lives_on_two_sources({
        "gunars-astra": ("1931-10-22", "1988-04-06"), "bela-kovacs": ("1908-04-20", "1959"),
        "lev-karsavin": ("1882-12-13", "1952-07"), "vasily-grossman": ("1905-12-12", "1964-09-14"),
        "vincentas-sladkevicius": ("1920-08-20", "2000-05-28"), "julijonas-steponavicius": ("1911-10-18", "1991-06-18"),
        "isaiah-oggins": ("1898", "1947"), "marvin-makinen": ("1939", None),  # living
    })
    assert "astra-sentenced-1961" in [e.id for e in STORE.events if "gunars-astra" in e.people]
    assert "1972" in " ".join(notes_citing("sladkevicius-banished-1959", "kvb-atminimas-sladkevicius"))


def test_an_event_does_not_take_a_persons_name_as_its_alias(gulag: Gulag) -> None:
    """`show gunars-astra` is the person: an event alias that is only a person's name would win the lookup."""
    names = {" ".join(words(n)) for p in STORE.people.values() for n in person_names(p)}
    assert not [(e.id, a) for e in STORE.events for a in e.aliases if " ".join(words(a)) in names]
    assert show(gulag, "gunars-astra")["id"] == "gunars-astra"


def test_new_events_for_1945_to_1948() -> None:
    assert_dated_on_two_sources({
        "special-settlers-status-1945": "1945-01-08",
        "augustow-roundup-1945": "1945-07-12/1945-07-19",
        "sachsenhausen-special-camp-opens-1945": "1945-08",
        "gko-japanese-pows-decree-1945": "1945-08-23",
        "semyonov-trial-1946": "1946-08-26/1946-08-30",
        "us-soviet-repatriation-agreement-1946": "1946-12-19",
        "austrian-pows-homecoming-1947": "1947-09-12/1948-03",
        "kolkhoz-shirkers-decree-1948": "1948-06-02",
        "jac-dissolved-1948": "1948-11-20",
    })
    assert "592" in STORE.by_id["augustow-roundup-1945"].summary  # missing, not counted as killed
    assert "fate is unknown" in " ".join(notes_citing("augustow-roundup-1945", "ipn-oblawa-augustowska-sledztwo"))
    assert "20 November 1948" in " ".join(notes_citing("jac-dissolved-1948", "pochemu-evrei-ne-liubiat-stalina"))
    assert "afterword" in " ".join(notes_citing("semyonov-trial-1946", "ataman-semenov-vospominaniya-afterword"))
    assert "special-camp-no-7-sachsenhausen" in STORE.by_id["sachsenhausen-special-camp-opens-1945"].places


def test_the_recheck_of_1945_to_1948() -> None:
    semyonov = STORE.by_id["semyonov-trial-1946"]  # Rodzaevsky was not taken in Manchuria
    assert "Manchuria" not in semyonov.title and "Tianjin" in " ".join(n.text for n in semyonov.notes)
    assert "silent on Mikhailov and Shepunov" in (semyonov.description or "")
    [window] = notes_of("augustow-roundup-1945", "discrepancy")
    assert "10-25 July" in window.text and "12-19 July" in window.text
    assert "611" in " ".join(notes_citing("augustow-roundup-1945", "ipn-oblawa-documents-2016"))
    austrians = STORE.by_id["austrian-pows-homecoming-1947"]  # 70 per cent of those who came back, not of all held
    assert "came back" in (austrians.description or "") and "until 1955" not in austrians.summary
    assert "10 August" in " ".join(notes_citing("sachsenhausen-special-camp-opens-1945", "sachsenhausen-speziallager"))
    assert "up to 500,000" in STORE.by_id["gko-japanese-pows-decree-1945"].summary
    assert "Krasnoyarsk Memorial" in (STORE.by_id["kolkhoz-shirkers-decree-1948"].description or "")


def test_new_events_for_1951_and_1956_to_1957() -> None:
    assert_dated_on_two_sources({
        "klymentiy-sheptytsky-dies-1951": "1951-05-01",
        "luksa-killed-1951": "1951-09-04",
        "bienek-arrested-1951": "1951-11-08",
        "veliniu-demonstrations-1956": "1956-11-02",
        "last-japanese-repatriation-ship-1956": "1956-12-26",
        "sevvostlag-closed-1957": "1957-04-16",
    })
    [sentence] = notes_of("klymentiy-sheptytsky-dies-1951", "discrepancy")  # eight years in Vladimir, or 25 in camps
    assert "eight years" in sentence.text and "25 years" in sentence.text
    assert "1 November" in " ".join(notes_citing("veliniu-demonstrations-1956", "xxiamzius-tamakauskas-veles-2009"))
    assert "East Berlin" in " ".join(notes_citing("bienek-arrested-1951", "slub-bienek-workuta-2013"))
    assert {"sevlag", "chaunchukotlag"} <= set(STORE.by_id["sevvostlag-closed-1957"].places)  # closed the same day


def test_the_last_recheck() -> None:
    veles = STORE.by_id["veliniu-demonstrations-1956"]  # many arrested; four convicted, by the Genocide Centre
    assert "many were arrested" in veles.summary
    assert "four of those arrested were convicted" in (veles.description or "")
    assert "more than 10,000" in notes_of("veliniu-demonstrations-1956", "uncertainty")[0].text
    assert "August 1954" in (STORE.by_id["sevvostlag-closed-1957"].description or "")
    assert "Siberian detainees" in STORE.by_id["last-japanese-repatriation-ship-1956"].title
    assert "Chicago in 1950" in (STORE.by_id["luksa-killed-1951"].description or "")
