"""The errors issue 13's review found, each pinned: the corrected fact and the source it rests on."""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from typing import Any

from typer.testing import Result

from gulagcli.models import Figure, Note
from gulagcli.sources import MIRROR_HOSTS, host
from gulagcli.store import bundled_path, load

Gulag = Callable[..., Result]
STORE = load(None)
RAW = json.loads(bundled_path().read_text(encoding="utf-8"))
RAW_SOURCES = {s["id"]: s for s in RAW["sources"]}


def show(gulag: Gulag, query: str) -> dict[str, Any]:
    result = gulag("show", query, "--json", data=None)
    assert result.exit_code == 0, result.output
    rec: dict[str, Any] = json.loads(result.stdout)
    return rec


def is_wikipedia(source_id: str) -> bool:
    """Wikipedia itself, or a page that copies it (a mirror, or a record that names Wikipedia as its home)."""
    source = STORE.sources[source_id]
    site = host(source.url) or ""
    homes = f"{source.container or ''} {source.publisher or ''}"
    return site.endswith("wikipedia.org") or (site in MIRROR_HOSTS and "wiki" in site) or "Wikipedia" in homes


def is_memorial_handbook(source_id: str) -> bool:
    """A page of Memorial's handbook of the camps (1998): its German edition or the Russian original."""
    url = STORE.sources[source_id].url or ""
    return (host(url) or "").endswith("gulag.memorial.de") or "/history/nkvd/gulag/r3/" in url


def notes_citing(event_id: str, source: str) -> list[str]:
    return [n.text for n in STORE.by_id[event_id].notes if source in n.sources]


def notes_of(event_id: str, kind: str) -> list[Note]:
    """An event's notes of one kind (discrepancy, uncertainty, context), in the store's order."""
    return [n for n in STORE.by_id[event_id].notes if n.kind == kind]


def figures_of(event_id: str) -> dict[str, Figure]:
    """An event's figures in the store's order, keyed by their id after the event's."""
    return {f.id.removeprefix(event_id + "-"): f for f in STORE.figures.values() if f.event == event_id}


def figure_values(event_id: str) -> list[int | None]:
    """The values of an event's figures, in the store's order."""
    return [f.value for f in figures_of(event_id).values()]


def assert_dated_on_two_sources(dated: dict[str, str]) -> None:
    """Each event has the EDTF date given and cites at least two sources."""
    for ident, edtf in dated.items():
        event = STORE.by_id[ident]
        assert (event.date.edtf, len(event.sources) >= 2) == (edtf, True), ident


def assert_lives_on_two_sources(lives: dict[str, tuple[str, str | None]]) -> None:
    """Each person card has the EDTF birth and death dates given (None: living) and cites at least two sources."""
    for ident, (born, died) in lives.items():
        person = STORE.people[ident]
        assert (person.born and person.born.edtf, person.died and person.died.edtf) == (born, died), ident
        assert len(person.sources) >= 2, ident


def test_steplag_closed_on_24_april_1956_per_memorial(gulag: Gulag) -> None:
    rec = show(gulag, "event:steplag-closed")
    assert rec["date"]["edtf"] == "1956-04-24"
    assert "memorial-de-steplag" in [s["id"] for s in rec["sources"]]
    assert any("24 April 1956" in t for t in notes_citing("steplag-closed", "memorial-de-steplag"))
    assert STORE.sources["memorial-de-steplag"].url == "http://www.gulag.memorial.de/lager.php?lag=324"


def test_1945_amnesty_is_dated_7_july_and_drops_the_informers_claim(gulag: Gulag) -> None:
    rec = show(gulag, "event:amnesty-1945")
    assert rec["date"]["edtf"] == "1945-07-07"
    assert "memorial-krsk-amnesty-1945" in [s["id"] for s in rec["sources"]]
    assert STORE.sources["memorial-krsk-amnesty-1945"].issued == "1945-07-07"
    assert "informer" not in json.dumps(rec, ensure_ascii=False).lower()
    assert "ucrdc-gulag-uprisings" not in [s["id"] for s in rec["sources"]]


def test_last_pow_train_keeps_both_dates_with_who_says_which() -> None:
    ev = STORE.by_id["last-german-pows-return"]
    assert ev.date.edtf == "1955-10/1956-01"
    [both] = [n for n in ev.notes if n.kind == "discrepancy" and "16 January 1956" in n.text]
    assert "14 January 1956" in both.text
    assert set(both.sources) == {"deutschlandmuseum-last-pows-1956", "inosmi-last-pows-1956"}


def test_ekibastuz_belonged_to_steplag_then_peschanlag_then_dallag() -> None:
    place = STORE.places["ekibastuz"]
    summary = place.summary or ""
    for words in ("Steplag", "17 November 1950", "Peschanlag", "24 April 1952", "Dallag"):
        assert words in summary
    assert summary.index("Steplag") < summary.index("Peschanlag") < summary.index("Dallag")
    assert {"wp-de-pestschanlag", "wp-de-dallag"} <= set(place.sources)


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


def test_ozerlag_stands_at_taishet_where_memorial_puts_its_administration() -> None:
    place = STORE.places["ozerlag"]
    assert place.lat is not None and place.lon is not None
    # Taishet per the cited Wikipedia revision: 55.933 N, 98.017 E.
    assert _km(place.lat, place.lon, 55.933, 98.017) < 5
    assert {"mem-ozerlag", "wp-tayshet"} <= set(place.sources)


def test_death_tolls_are_positions_with_their_holders_unranked() -> None:
    figs = {f.id: f for f in STORE.figures.values() if f.event == "gulag-population-peak" and "1930" in f.what}
    archival = figs["gulag-population-peak-deaths-1930-1953-scholars"]
    alexopoulos = figs["gulag-population-peak-deaths-1930-1953-alexopoulos"]
    assert (archival.low, archival.high) == (1_500_000, 1_700_000)
    assert alexopoulos.value == 6_000_000 and "Alexopoulos" in alexopoulos.reported_by
    assert "alexopoulos-illness-inhumanity" in alexopoulos.sources
    everything = json.dumps(RAW, ensure_ascii=False).lower()
    assert "consensus" not in everything.replace("tentative consensus", "")
    [position] = notes_citing("gulag-population-peak", "alexopoulos-illness-inhumanity")
    assert "without ranking" in position and "memoir" not in position


def test_pows_were_held_by_gupvi_not_the_gulag() -> None:
    [text] = notes_citing("german-pow-releases-1949", "wp-gupvi")
    assert "GUPVI" in text and "terminology" not in text


def test_red_hats_story_follows_applebaum_not_vorkuta_1954() -> None:
    ev = STORE.by_id["vorkuta-red-hats-vs-thieves"]
    assert ev.date.end.year <= 1948 and ev.date.uncertain
    assert "vorkuta" not in ev.places
    assert "applebaum-gulag-thieves" in ev.sources
    assert any("Vorkuta" in n.text and "exhibit" in n.sources for n in ev.notes)


def test_colonies_existed_alongside_camps_per_kruglovs_1954_report() -> None:
    term = STORE.terms["corrective-labour-colony"]
    assert "65 corrective labour camps and 798 corrective labour colonies and camp subdivisions" in term.definition
    assert "replaced" not in term.definition
    assert "mvd-kruglov-report-1954" in term.sources


def test_special_council_ended_on_1_september_1953() -> None:
    ev = STORE.by_id["special-council-abolished"]
    assert ev.date.edtf == "1953-09-01"
    notes = notes_citing("special-council-abolished", "mozokhin-pravo-na-repressii")
    assert any("1 September 1953" in t for t in notes)


def test_1957_amnesty_names_the_categories_of_its_decree() -> None:
    ev = STORE.by_id["amnesty-1957"]
    text = ev.description or ""
    for category in ("three years", "pregnant women", "over 60", "over 55", "under 16", "halved"):
        assert category in text
    assert "memorial-krsk-amnesty-1957" in ev.sources


def test_no_url_has_a_stray_dot_after_its_host() -> None:
    for s in STORE.sources.values():
        for url in (s.url, s.read_at.url if s.read_at else None):
            if url:
                host = url.split("/")[2]
                assert not host.endswith("."), (s.id, url)
    assert STORE.sources["wp-vorkutlag"].url == "https://en.wikipedia.org/wiki/Vorkutlag"
    assert STORE.sources["frus-1952-54v08-d577"].url == \
        "https://history.state.gov/historicaldocuments/frus1952-54v08/d577"


def test_no_event_repeats_a_note() -> None:
    for ev in STORE.events:
        texts = [n.text for n in ev.notes]
        assert len(texts) == len(set(texts)), ev.id


def test_kopelev_was_arrested_near_danzig_after_protesting_in_east_prussia(gulag: Gulag) -> None:
    rec = show(gulag, "event:kopelev-arrested")
    assert rec["date"]["edtf"] == "1945-04-05"
    assert "Danzig" in rec["title"] and "East Prussia" not in rec["title"]
    assert rec["places"][0]["id"] == "danzig"
    assert any("field hospital near Danzig" in t for t in notes_citing("kopelev-arrested", "memorial-de-kopelev"))


def test_gumilev_was_back_before_the_prosecutors_ruling_and_both_rehabilitation_years_are_kept() -> None:
    ev = STORE.by_id["gumilev-freed-1956"]
    # That his sentence was set aside in the summer of 1956 two independent sources agree (Clover,
    # and the certificate in Gerstein's memoirs); the day is Clover's alone, so it is marked uncertain.
    assert ev.date.edtf == "1956-07-30?" and ev.verified
    assert "freed" not in ev.summary and "already back" in ev.summary
    both, protest = [n for n in ev.notes if n.kind == "discrepancy"]
    for words in ("30 July 1956", "1975", "15 May 1956", "1956"):
        assert words in both.text
    assert set(both.sources) == {"clover-black-wind-white-snow", "livejournal-gumilev-return-1956"}
    # The prosecutor's certificate in Gerstein's memoirs: the sentence set aside on a protest
    # of 2 June 1956, between his return and Clover's date.
    assert "2 June 1956" in protest.text and "13 September 1950" in protest.text
    assert "gerstein-memuary" in protest.sources and "gerstein-memuary" in ev.sources


def test_german_special_camps_closed_over_january_and_february_1950_not_on_one_day() -> None:
    ev = STORE.by_id["german-special-camps-dissolved"]
    assert ev.date.edtf == "1950-01/1950-02"
    [dates] = [n for n in ev.notes if n.kind == "discrepancy" and "handover" in n.text]
    for words in ("6 January 1950", "17 January", "16 January", "February"):
        assert words in dates.text
    assert {"stsg-bautzen-handover-1950", "buchenwald-speziallager-aufloesung"} <= set(dates.sources)
    # The memorials and the Federal Agency for Civic Education count Sachsenhausen's releases apart.
    assert any("5,500" in n.text and "4,836" in n.text for n in ev.notes)
    under = STORE.by_id["german-special-camps-under-gulag"]
    assert any(n.kind == "uncertainty" and "mid-1948" in n.text for n in under.notes)
    # The move itself has two sources; only Wikipedia's day is unconfirmed, and marked so.
    assert (under.date.edtf, under.verified) == ("1948-08-08?", True)


def test_an_essay_whose_author_no_page_names_is_not_cited() -> None:
    assert "sutherland-solzhenitsyn-essay" not in STORE.sources
    sources = STORE.by_id["solzhenitsyn-exile-kok-terek"].sources
    assert "sutherland-solzhenitsyn-essay" not in sources and sources[0] == "pearce-solzhenitsyn-soul-in-exile"


def test_the_mvd_did_not_run_the_ordinary_camps_in_1953_54() -> None:
    term = STORE.terms["mvd"]
    assert "Ministry of Justice from 1953 to early 1954" in term.definition
    assert {"applebaum-gulag-beria-reforms", "mvd-kruglov-report-1954"} <= set(term.sources)


def test_people_corrected_against_independent_references() -> None:
    people = STORE.people
    assert "until February 1957" in people["shepilov"].summary  # Gromyko took the ministry then
    gorshenin = people["konstantin-gorshenin"]
    assert "from November 1943" in gorshenin.summary and "through the war" not in gorshenin.summary
    assert gorshenin.died is not None and gorshenin.died.edtf == "1978-05-27"
    bardach = people["janusz-bardach"]
    assert bardach.died is not None and bardach.died.edtf == "2002-08-16"
    wallach = people["erica-wallach"]
    assert wallach.born is not None and wallach.born.edtf == "1922"  # 71 at her death in December 1993
    assert "1950" in wallach.summary and "sentenced to death in 1952" in wallach.summary
    assert "1944 to 1952" in people["averky-aristov"].summary
    assert "sentenced in March 1938" in people["hava-volovich"].summary
    assert "until 1952" in people["eufrosinia-kersnovskaya"].summary
    efron = people["ariadna-efron"]  # exiled to Turukhansk; La Nuova Europa's Central Asia is a noted discrepancy
    assert "Turukhansk" in efron.summary and "Central Asia" in " ".join(n.text for n in efron.notes)
    assert "from 1946 until 1954" in people["aleksander-kurtna"].summary


def test_more_people_corrected_against_independent_references() -> None:
    people = STORE.people
    merkulov = people["vsevolod-merkulov"].born
    assert merkulov is not None and merkulov.edtf == "1895-11-06"  # 25 October 1895, Old Style
    assert "third volume" in people["solzhenitsyn"].summary
    assert "sentenced to death in December 1949" in people["yevhen-hrytsiak"].summary
    assert "Altai region" in people["dalia-grinkeviciute"].summary
    assert "Nagykanizsa" in people["janos-rozsas"].summary
    zhemchuzhina = people["polina-zhemchuzhina"]
    assert "December 1948" in zhemchuzhina.summary and "January 1953" in zhemchuzhina.summary
    assert "kipnis-zapiski-nekropolista" in zhemchuzhina.sources  # as the exile event says
    assert "1945" in people["ishihara-yoshiro"].summary and "intelligence unit" in people["ishihara-yoshiro"].summary


def test_wallenberg_keeps_the_soviet_date_beside_swedens_legal_one() -> None:
    wallenberg = STORE.people["raoul-wallenberg"]
    assert wallenberg.died is not None and wallenberg.died.edtf == "1947-07-17?"
    assert "31 July 1952" in wallenberg.summary and "bbc-wallenberg-declared-dead" in wallenberg.sources


def test_a_figure_is_reported_by_someone_not_by_a_page_title() -> None:
    titles = {s.title for s in STORE.sources.values()}
    assert not [f.id for f in STORE.figures.values() if f.reported_by in titles]
    sachsenhausen = STORE.figures["special-camp-no-7-sachsenhausen-prisoners-1945-12-sachsenhausen-speziallager"]
    assert sachsenhausen.approximate and "Sachsenhausen Memorial" in sachsenhausen.reported_by


def test_rudenkos_1955_counts_are_dated_to_1_april_and_went_to_the_central_committee() -> None:
    counts = [f for f in STORE.figures.values() if f.event == "rudenko-review-report-1955"]
    assert len(counts) == 5
    for f in counts:
        assert f.date is not None and f.date.edtf == "1955-04-01", f.id
        assert "Central Committee" in f.reported_by
    assert "Central Committee" in STORE.by_id["rudenko-review-report-1955"].summary


def test_the_third_random_audit_is_mended(gulag: Gulag) -> None:
    """Dalstroy used prisoners from 1932 (Sevvostlag), not 1938; Ishihara, serving 25 years under
    article 58, was not freed by the 1953 amnesty; the 39,766 deported counts Operation Vesna of
    May 1948, not Priboi; Kruglov's 798 are colonies and camp subdivisions; where a person's
    sources disagree, the record says who gives what; copies give way to the originals."""
    assert "prisoner labour from 1932" in show(gulag, "event:dalstroy-dissolved")["description"]
    assert "ishihara-yoshiro" not in STORE.by_id["beria-amnesty"].people
    vesna = STORE.figures["operation-priboi-vesna-deported-deportation-ua"]
    assert vesna.event == "operation-vesna"
    assert "798 corrective labour colonies and camp subdivisions" in STORE.terms["corrective-labour-colony"].definition
    for person, words in (("zoya-fyodorova", "11 December"), ("joseph-scholmer", "May 1949"),
                          ("jacques-rossi", "1961")):
        assert any(words in n.text for n in STORE.people[person].notes), person
    assert "Vorkuta prisoner 1951" not in STORE.people["horst-bienek"].role
    assert STORE.sources["carlberg-wallenberg-2016"].container == "Smithsonian Magazine"
    assert "test." not in (STORE.sources["vu-special-regime-camps"].url or "")
    assert "wiki-org.ru" in RAW_SOURCES["wp-ru-vyatlag"]["read_at"]["url"]
    hsh = show(gulag, "place:special-camp-no-3-hohenschonhausen")
    assert any("about 20,000" in n["text"] for n in hsh["notes"]) and any("16,000" in n["text"] for n in hsh["notes"])



def test_the_figures_audit_is_mended() -> None:
    """Kuk's radio day rests on English Wikipedia alone (the 'German Wikipedia' was a machine
    translation of it); the largest counts of Ukhtizhemlag and Kargopollag say where the map files
    them; a figure read in an unauthorised copy also cites the archive's certificate; ÚSTR is
    named one way."""
    kuk = STORE.by_id["kuk-released-open-letter"]
    assert "wp-de-vasyl-kuk" not in STORE.sources and "wp-vasyl-kuk" in kuk.sources
    assert any("19 September 1960" in n.text and "English Wikipedia alone" in n.text for n in kuk.notes)
    places = {p["id"]: p for p in RAW["places"]}
    ukhta = [n["text"] for n in places["ukhtizhemlag"]["notes"]]
    assert any("1 July 1941" in t and "23,214" in t for t in ukhta)
    assert not any("start in 1944" in t for t in ukhta)
    assert any("30,069 under 1939" in n["text"] for n in places["kargopollag"]["notes"])
    assert "garf-spravka-deaths-1930-1956" in STORE.figures["gulag-population-peak-mortality-1950-official"].sources
    assert not any(f.reported_by == "Ústav pro studium totalitních režimů" for f in STORE.figures.values())


def test_the_fourth_audit_is_mended() -> None:
    """Rudenko's counts were of all the review commissions by one account, the central one's by
    another; the KGB was made by the Presidium's decree; the camps passed to the Ministry of
    Justice in March-April 1953 (2 April for ordinary camps, per Memorial); Ottillinger learnt of
    her sentence in May 1949, not when she reached Potma; reprints are read_at, not the source;
    figures counted before the 1956 commissions belong to the commissions of 1954; a count dated
    after its camp closed keeps its year and says who dates it when."""
    rudenko = STORE.by_id["rudenko-review-report-1955"]
    assert any(n.kind == "discrepancy" and "Central Commission alone" in n.text for n in rudenko.notes)
    assert STORE.by_id["kgb-created"].summary.startswith("A decree of the Presidium of the Supreme Soviet")
    moved = STORE.by_id["gulag-to-ministry-of-justice"]
    assert moved.date.edtf == "1953-03/1953-04" and "mem-vorkutlag" in moved.sources
    assert STORE.by_id["ottillinger-sent-to-potma"].title == "Ottillinger learns of her 25-year sentence"
    assert STORE.sources["nyt-noble-obituary-2007"].container == "The New York Times"
    assert "john-noble.de" in RAW_SOURCES["nyt-noble-obituary-2007"]["read_at"]["url"]
    assert "chistenkoe-marchenko-bio" not in STORE.by_id["marchenko-caught-at-border"].sources
    for ident in ("review-commissions-1956-political-prisoners-1955-official",
                  "review-commissions-1956-political-prisoners-1954-wikipedia"):
        assert STORE.figures[ident].event == "review-commissions-created"
    assert STORE.figures["gulag-returned-to-mvd-released-amnesty-mvd"].date.edtf == "1953-03-27/1954-03-31"
    assert STORE.figures["rechlag-prisoners-1954"].date.edtf == "1954"
    rechlag = {p["id"]: p for p in RAW["places"]}["rechlag"]
    assert any("1 August 1954" in n["text"] and "wp-ru-rechlag" in n["sources"] for n in rechlag["notes"])


def test_the_2026_12_05_review_of_dates_counts_and_titles() -> None:
    mikhoels = STORE.by_id["mikhoels-murdered"]
    assert mikhoels.date.edtf == "1948-01-12/1948-01-13"
    assert any("after the bodies were found" in n.text for n in mikhoels.notes)
    dombrovsky = STORE.by_id["dombrovsky-third-arrest"]
    assert "fourth time" in dombrovsky.title
    assert any(n.kind == "discrepancy" and "voplit-dombrovsky-1949-case" in n.sources and "third" in n.text
               for n in dombrovsky.notes)
    # a title the page did not show is described, in brackets, never made up
    for ident in ("america-ciszek-2024", "time-cox-towers-release", "ria-korolev-gulag-books-2004",
                  "routledge-ishihara-yoshiro"):
        title = RAW_SOURCES[ident]["title"]
        assert title.startswith("[") and title.endswith("]"), ident


def test_the_2026_12_05_source_audit() -> None:
    """Cite the original, say where it was read, never a content farm; both sides of a
    disagreement; the twelfth special camp that was never filled."""
    hartmann = RAW_SOURCES["hartmann-last-interview"]  # a blog's translation was cited as the work
    assert (hartmann["title"], hartmann["container"], hartmann["authors"]) == (
        "The Last Interview with Erich Hartmann", "World War II", [{"family": "Heaton", "given": "Colin D."}])
    assert "lupocattivoblog" in hartmann["read_at"]["url"] and "url" not in hartmann and "issued" not in hartmann
    sever = RAW_SOURCES["severrealii-vorkuta-strike"]  # Sever.Realii writes in Russian
    assert sever["language"] == "ru" and sever["title"].startswith('"К черту уголь')  # the headline, from a repost
    assert RAW_SOURCES["bogdanov-kruglov"]["title"].endswith("внутренних дел СССР")
    assert "toptopinfo-tbilisi-1956" not in RAW_SOURCES
    assert len(STORE.by_id["tbilisi-march-1956"].sources) == 4
    barkova = STORE.by_id["barkova-reconvicted-1957"]
    assert "by post" not in barkova.summary
    assert any("radio" in n.text and "by post" in n.text and set(n.sources) == {
        "encyclopedia-com-barkova", "barkova-iz-gulagovskogo-arkhiva"} for n in barkova.notes)
    special = STORE.by_id["special-camps-created"]
    assert any("Vodorazdellag" in n.text and "1,142" in n.text and "1,162" in n.text
               and "wp-ru-vodorazdelny-lag" in n.sources for n in special.notes)
    # the yearly deaths are the certificate's; Applebaum warns what they apparently leave out
    deaths = [f for f in STORE.figures.values() if f.series == "gulag-deaths"]
    assert deaths and all("prisons and in transit" in (f.note or "") for f in deaths)


def test_a_camp_link_reads_from_the_camp_it_is_recorded_on() -> None:
    """Peschanlag's record said it was "transferred to Steplag" on 17 Nov 1950, and Kitoilag's
    that it was "renamed as Construction 16" on 14 May 1953: both the wrong way round (Steplag
    gave its Ekibastuz department to Peschanlag; Construction 16 became Kitoilag again)."""
    def links(camp: str) -> list[tuple[str, str, str | None]]:
        return [(h.date.edtf, h.change, h.place) for h in STORE.places[camp].history]

    assert ("1950-11-17", "transferred-to", "steplag") not in links("peschanlag")
    assert ("1950-11-17", "transferred-to", "peschanlag") in links("steplag")
    assert [(d, c, p) for d, c, p in links("kitoilag") if d == "1953-05-14"] == [
        ("1953-05-14", "opened", "construction-site-no-16-and-itl")]


def test_a_camp_records_each_link_once_with_all_its_sources() -> None:
    """Minlag's handing over to Pechorlag on 6 Mar 1957 was listed twice, as "transferred to"
    (the map's data) and as "merged into" (Memorial's page): one entry now carries both."""
    entries = [h for h in STORE.places["minlag"].history if h.date.edtf == "1957-03-06"]
    assert [(h.change, h.place) for h in entries] == [("merged-into", "pechorlag")]
    assert {"memorial-de-minlag", "gulagmap-dataset"} <= set(entries[0].sources)
    for place in STORE.places.values():
        links = [(h.date.edtf, h.place) for h in place.history if h.place]
        assert len(links) == len(set(links)), place.id


def test_the_special_councils_442531_cites_zemskovs_article_as_well_as_copies() -> None:
    """The figure rested on two unattributed online copies; Zemskov's article in
    Социологические исследования (1991) quotes the memorandum with the same count."""
    figure = STORE.figures["special-council-abolished-convicted-rudenko-kruglov"]
    assert figure.value == 442531 and figure.sources[0] == "zemskov-1991-gulag"
    source = STORE.sources["zemskov-1991-gulag"]
    assert (source.container, source.issued) == ("Социологические исследования", "1991")


def test_the_second_2026_12_05_review_days_only_where_a_source_gives_them() -> None:
    """Days made exact only from a source that gives them; a day no cited source gave is dropped."""
    dated = {ident: STORE.by_id[ident].date.edtf for ident in (
        "adamova-sliozberg-rehabilitated", "fyodorova-imprisoned", "ottillinger-returns-1955",
        "daniil-andreyev-released", "krasnopevtsev-group-arrested", "camp-regime-reform-1954",
        "kopelev-released-1954", "yevgenia-ginzburg-rehabilitated", "dolgun-arrested")}
    assert dated == {
        "adamova-sliozberg-rehabilitated": "1956-05-24", "fyodorova-imprisoned": "1946-12-27/1955-02",
        "ottillinger-returns-1955": "1955-06-25", "daniil-andreyev-released": "1957-04-23",
        "krasnopevtsev-group-arrested": "1957-08-14", "camp-regime-reform-1954": "1954-07-10",
        "kopelev-released-1954": "1954-12-07", "yevgenia-ginzburg-rehabilitated": "1955-06-25",
        "dolgun-arrested": "1948-12"}  # Dolgun's 13 December was in none of its sources
    assert "moscow" in STORE.by_id["daniil-andreyev-released"].places
    # the certificate's plenum date, with the copy's misprinted certificate date explained
    assert any("24 May 1956" in n.text and "misprinted" in n.text
               for n in STORE.by_id["adamova-sliozberg-rehabilitated"].notes)
    # the decree's day rests on its text now, and Wikipedia's other wording is kept
    exile = STORE.by_id["exile-in-perpetuity-1948"]
    assert exile.sources[0] == "et-wikisource-decree-1948-11-26"
    assert any("Council of Ministers" in n.text for n in exile.notes)
    people = {ident: (STORE.people[ident].born, STORE.people[ident].died) for ident in (
        "nikolai-bulganin", "margarethe-ottillinger", "adolfas-ramanauskas", "kruglov")}
    assert {k: (b.edtf if b else None, d.edtf if d else None) for k, (b, d) in people.items()} == {
        "nikolai-bulganin": ("1895-06-11", "1975-02-24"), "margarethe-ottillinger": ("1919-06-06", "1992-11-30"),
        "adolfas-ramanauskas": ("1918-03-06", "1957-11-29"), "kruglov": ("1907-10-02", "1977")}
    assert any("6 July 1977" in n.text for n in STORE.people["kruglov"].notes)


def test_a_copy_is_named_for_what_it_is() -> None:
    """The 'German Wikipedia' read for Wallenberg was English Wikipedia, machine-translated;
    the Special Council's memorandum had three signers."""
    assert "wp-de-raoul-wallenberg" not in RAW_SOURCES
    wallenberg = RAW_SOURCES["wp-raoul-wallenberg"]
    assert wallenberg["url"].startswith("https://en.wikipedia.org/") and "machine translation" in wallenberg[
        "read_at"]["publisher"]
    council = STORE.figures["special-council-abolished-convicted-rudenko-kruglov"]
    assert "Gorshenin" in council.reported_by and "falsely" not in (council.note or "")


def test_the_laws_that_framed_the_camps_each_cite_the_text_or_a_historian(gulag: Gulag) -> None:
    """The death penalty's return (1950), Beria's ban on torture (1953), the 'Vlasovites'' six
    years of settlement (1945-1948) and the RSFSR's anti-parasite decree (1961): dated as
    their texts are, with the document or a historian who read it."""
    expected = {"death-penalty-restored-1950": ("1950-01-12", "frus-1950v04-d589"),
                "beria-bans-torture-1953": ("1953-04-04", "memorial-krsk-mvd-order-0068"),
                "vlasovites-special-settlement": ("1945-08-18/1948", "zemskov-repatriatsiia"),
                "anti-parasite-decree-1961": ("1961-05-04", "fitzpatrick-social-parasites-2006"),
                "political-prisoners-to-mordovia-1961": ("1961-04", "olkhovaia-mordovian-womens-camps")}
    for ident, (edtf, source) in expected.items():
        rec = show(gulag, f"event:{ident}")
        assert (rec["date"]["edtf"], source in [s["id"] for s in rec["sources"]]) == (edtf, True), ident
    assert "RSFSR" in STORE.by_id["anti-parasite-decree-1961"].summary  # a republic's decree, not the USSR's
    assert "Lefortovo" in (STORE.by_id["beria-bans-torture-1953"].description or "")
    figures = {f["id"]: f.get("value") for f in RAW["figures"]}
    assert figures["vlasovites-sent-to-settlement-1946"] == 132479


def test_old_leads_settled_on_2026_12_05() -> None:
    """Both days of Sladkevičius's consecration are on record; Baghirov's trial is dated from
    the case's historian; Serov's 860 deported Hungarians cite the historian who quotes him."""
    assert any("24 December" in t and "25 December" in t
               for t in notes_citing("matulionis-consecrates-sladkevicius", "lkbkronika-sladkevicius-bio"))
    assert "12 to 26 April 1956" in (STORE.by_id["baghirov-executed"].description or "")
    assert "toth-1956-deportations-p140" in STORE.by_id["hungarian-deportations-1956"].sources
    assert any("1990" in t for t in notes_citing("rossi-leaves-for-poland", "interferences-rossi"))


def test_early_western_accounts_and_the_people_their_events_name() -> None:
    """Lipper's (1950) and Herling-Grudziński's (1951) books and the Rousset trial (1950-51) are
    on the timeline with the people in them; an event that names a person in the store lists
    that person."""
    assert STORE.by_id["lipper-eleven-years-1950"].people == ("elinor-lipper",)
    assert STORE.by_id["herling-a-world-apart-1951"].people == ("gustaw-herling-grudzinski",)
    rousset = STORE.by_id["rousset-trial"]  # the judgment's day is not in the part of L'Aube read
    assert (rousset.date.edtf, "julius-margolin" in rousset.people) == ("1950-11-25/1951-01", True)
    named = {"kravchenko-trial": "margarete-buber-neumann", "beria-execution": "vsevolod-merkulov",
             "malenkov-replaced": "nikolai-bulganin", "special-council-abolished": "konstantin-gorshenin"}
    for event, person in named.items():
        assert person in STORE.by_id[event].people, event


def test_special_camps_founding_days_rest_on_two_pages() -> None:
    """Rechlag's, Luglag's and Kamyshlag's founding days (and Kamyshlag's end as a special camp) are
    on Memorial's page for each camp and on German Wikipedia's, which give the same day."""
    seconds = {"rechlag-formed-1948": "wp-de-rechlag", "luglag-formed-1949": "wp-de-luglag",
               "kamyshlag-formed-1951": "wp-de-kamyshlag", "kamyshlag-closed-1954": "wp-de-kamyshlag"}
    for event, second in seconds.items():
        assert len(STORE.by_id[event].sources) >= 2 and second in STORE.by_id[event].sources, event


def test_the_1961_death_penalty_decree_and_the_dates_of_two_camp_strikes() -> None:
    """The decree of 5 May 1961 is on the timeline, dated by the Ukrainian decree that applies it
    and described by The Spectator a week later; Barton's 7 May 1953 for the Norilsk strike is
    shown beside the 26 May the others give, and Kozlov's 22 January 1952 beside Badash's five
    days at Ekibastuz."""
    decree = STORE.by_id["death-penalty-extended-1961"]
    assert decree.date.edtf == "1961-05-05"
    assert {"rada-ukaz-ussr-1961-06-27", "spectator-progress-to-the-rope-1961"} <= set(decree.sources)
    assert "death-penalty-extended-1961" in STORE.by_id["death-penalty-restored-1950"].related
    barton = notes_citing("norilsk-uprising", "barton-dissent-strikes-in-camps")
    assert any("7 May 1953" in t and "26 May" in t for t in barton)
    assert any("22 January 1952" in t for t in notes_citing("ekibastuz-strike", "kozlov-massovye-besporyadki-1952"))


def test_what_the_west_read_and_heard_of_the_camps_1949_1953() -> None:
    """Buber-Neumann's and Margolin's books (1949), the AFL's camp map (1951) and the UN–ILO
    committee on forced labour (1951-53) are on the timeline, each with the people it names
    and at least two sources."""
    dated = {"buber-neumann-under-two-dictators-1949": "1949", "margolin-condition-inhumaine-1949": "1949",
             "afl-gulag-map-1951": "1951", "un-ilo-forced-labour-committee": "1951-03-19/1953"}
    assert_dated_on_two_sources(dated)
    assert STORE.by_id["margolin-condition-inhumaine-1949"].people == ("julius-margolin",)
    assert "ilo-ad-hoc-committee-forced-labour-1953" in STORE.by_id["un-ilo-forced-labour-committee"].sources
    assert "margolin-condition-inhumaine-1949" in STORE.by_id["rousset-trial"].related


def test_an_event_lists_the_people_its_text_says_took_part() -> None:
    """The defendants of the Trial of the Sixteen, Markish among the poets shot in 1952,
    Voznesensky in the Leningrad Affair, Wallenberg in Gromyko's memorandum, and the leaders
    who acted in 1953-55, are linked to the events that name them."""
    named = {"trial-of-the-sixteen": {"leopold-okulicki", "jan-stanislaw-jankowski"},
             "night-of-murdered-poets": {"peretz-markish"}, "leningrad-affair-executions": {"nikolai-voznesensky"},
             "gromyko-memorandum-wallenberg": {"raoul-wallenberg"}, "operation-north-1951": {"viktor-abakumov"},
             "beria-arrest": {"khrushchev"}, "adenauer-moscow-visit": {"khrushchev"}}
    for event, people in named.items():
        assert people <= set(STORE.by_id[event].people), event
    assert "kapiton-kuznetsov" not in STORE.by_id["leningrad-affair-executions"].people  # Alexei Kuznetsov


def test_two_releases_of_the_early_1950s() -> None:
    """Zhemchuzhina was freed the day after Stalin's funeral (9 March 1953), and Kersnovskaya left
    the Norilsk camp in 1952; each records the source that says otherwise."""
    freed = STORE.by_id["zhemchuzhina-freed-1953"]
    assert (freed.date.edtf, "polina-zhemchuzhina" in freed.people) == ("1953-03-10", True)
    assert any("1954" in n.text for n in freed.notes)
    kersnovskaya = STORE.by_id["kersnovskaya-released-1952"]
    assert kersnovskaya.date.edtf == "1952" and any("1953" in n.text for n in kersnovskaya.notes)


def test_the_ukrainian_catholic_bishops_magadan_oblast_and_lithuanias_return_ban() -> None:
    """The arrest of the Greek Catholic bishops (11 April 1945, or the night of the 12th), the new
    Magadan Oblast (3 December 1953) and Lithuania's secret ban on returning (21 January 1957)."""
    dated = {"ugcc-bishops-arrested-1945": "1945-04-11", "magadan-oblast-formed-1953": "1953-12-03",
             "lithuania-return-ban-1957": "1957-01-21", "lviv-sobor-1946": "1946-03-08/1946-03-10"}
    assert_dated_on_two_sources(dated)
    assert any("12 April" in t for t in notes_citing("ugcc-bishops-arrested-1945", "day-kyiv-ugcc-liquidation"))
    assert "magadan-oblast-formed-1953" in STORE.by_id["dalstroy-dissolved"].related


def test_the_prisoner_count_falls_by_two_thirds_from_1953_to_1956() -> None:
    """The MVD's counts of prisoners in camps and colonies on 1 January 1953-1956, from table 46 of
    Kuznetsov's monograph; the 1953 number is also what Kruglov's report of 1954 adds up to."""
    counts = {f.date.edtf: f.value for f in STORE.figures.values()
              if f.event == "de-stalinization-begins" and f.what.startswith("prisoners in the Gulag's camps")}
    assert counts == {"1953-01-01": 2472247, "1954-01-01": 1325053, "1955-01-01": 1075280, "1956-01-01": 781630}
    assert counts["1953-01-01"] == STORE.figures["gulag-returned-to-mvd-prisoners-mvd"].value + 1111944


def test_posthumous_rehabilitations_of_writers_artists_and_generals_1954_1957() -> None:
    """Babel (18 December 1954), Meyerhold (26 November 1955), Mandelstam's 1938 case (31 July
    1956) and the 1937 case of Tukhachevsky and the generals (31 January 1957)."""
    dated = {"babel-rehabilitated-1954": "1954-12-18", "meyerhold-rehabilitated-1955": "1955-11-26",
             "mandelstam-1938-case-annulled-1956": "1956-07-31", "tukhachevsky-case-annulled-1957": "1957-01-31"}
    assert_dated_on_two_sources(dated)
    assert all("rehabilitation" in STORE.by_id[ident].tags for ident in dated)
    assert any("27 January 1940" in t for t in notes_citing("babel-rehabilitated-1954", "isaakbabel-konets"))


def test_the_kalmyks_are_released_from_special_settlement_in_march_1956() -> None:
    """The month both sources give; the day (17 March) only J. Otto Pohl's blog gives, so a note."""
    event = STORE.by_id["kalmyks-restrictions-lifted-1956"]
    assert event.date.edtf == "1956-03" and any("17 March" in n.text for n in event.notes)


def test_operation_osen_deports_lithuanian_farm_families_on_2_3_october_1951(gulag: Gulag) -> None:
    """The October deportation and its figures: more than 16,000 people that week, 5,278 of them
    children, within the autumn's 20,357; the two counts of September's first stage are both kept."""
    assert_dated_on_two_sources({"operation-osen-1951": "1951-10-02/1951-10-03"})
    rec = show(gulag, "operation osen")
    assert rec["id"] == "operation-osen-1951" and "lithuania" in [p["id"] for p in rec["places"]]
    counts = {f["id"].removeprefix("operation-osen-"): f["value"] for f in rec["figures"]}
    assert counts == {"deported-oct-1951": 16000, "children-oct-1951": 5278, "autumn-1951-total": 20357,
                      "deported-oct-1951-kaisiadorys": 16150}  # the exact count, from the eleventh audit
    first_stage = notes_citing("operation-osen-1951", "radviliskiokrastas-osen-paroda")
    assert any("814 families" in t and "822 families" in t for t in first_stage)


def test_latvia_bars_former_prisoners_from_returning_on_5_october_1957() -> None:
    """Latvia's ban, from the 1989 decree that voided it (Latvian State Archives) and Riekstiņš,
    linked both ways with Lithuania's of 21 January 1957."""
    assert_dated_on_two_sources({"latvia-return-ban-1957": "1957-10-05"})
    latvia, lithuania = STORE.by_id["latvia-return-ban-1957"], STORE.by_id["lithuania-return-ban-1957"]
    assert "lithuania-return-ban-1957" in latvia.related and "latvia-return-ban-1957" in lithuania.related
    assert "8 June 1989" in (latvia.description or "")
    assert STORE.sources["lva-aizvestie-51-dekrets-1989"].issued == "1989-06-08"


def test_the_temirtau_riot_of_august_1959_and_its_official_toll(gulag: Gulag) -> None:
    """1-4 August 1959 at the Karaganda steel works: 16 dead by the official count, several dozen
    by other accounts; Temirtau is a place of its own, about 30 km from Karaganda."""
    assert_dated_on_two_sources({"temirtau-riot-1959": "1959-08-01/1959-08-04"})
    assert figure_values("temirtau-riot-1959") == [16]
    assert any("several dozen" in t for t in notes_citing("temirtau-riot-1959", "astanatv-temirtau-55-2014"))
    town, city = STORE.places["temirtau"], STORE.places["karaganda"]
    assert town.country == "Kazakhstan" and town.lat is not None and town.lon is not None
    assert city.lat is not None and city.lon is not None
    assert 10 < math.dist((town.lat, town.lon * 0.64), (city.lat, city.lon * 0.64)) * 111 < 40
    result = gulag("timeline", "--place", "temirtau", "--json", data=None)
    assert [e["id"] for e in json.loads(result.stdout)] == ["temirtau-riot-1959"]


def test_shalamov_is_rehabilitated_on_18_july_1956() -> None:
    """The day from Esipov's biography; the court (the Military Collegium) also from Peshkov."""
    assert_dated_on_two_sources({"shalamov-rehabilitated-1956": "1956-07-18"})
    event = STORE.by_id["shalamov-rehabilitated-1956"]
    assert ("shalamov" in event.people, "rehabilitation" in event.tags) == (True, True)
    assert "shalamov-rehabilitated-1956" in STORE.by_id["shalamov-release"].related
    assert "Kostromin" in (event.description or "")


def test_germans_from_romania_deported_for_labour_in_1945() -> None:
    """Order 7161 of 16 December 1944 and Polian's counts from the GUPVI records (via Pohl)."""
    assert_dated_on_two_sources({"romania-germans-deported-1945": "1945-01/1945-02"})
    ident = "romania-germans-deported-1945"
    counts = {f.id.rsplit("-", 1)[1]: f.value for f in STORE.figures.values() if f.event == ident}
    assert counts == {"romania": 69332, "all": 112480}
    assert STORE.sources["memorial-krsk-gko-7161-1944"].issued == "1944-12-16"


def test_the_1954_reorganisation_lists_each_special_camps_step_as_its_camp_history_does() -> None:
    """The special-camps event's note gives each camp's 1954 step; every camp it names has a 1954
    entry in its own history, so the event and the camp cards cannot drift apart."""
    event = STORE.by_id["special-camps-reorganized"]
    steps = [n.text for n in event.notes if "camp by camp" in n.text]
    assert len(steps) == 1 and "8 April 1954" in steps[0] and "4 October" in steps[0]
    camps = [p for p in event.places if STORE.places[p].kind == "camp"]
    assert set(camps) == {"dallag", "rechlag", "berlag", "gorlag", "kamyshlag", "ozerlag", "dubravlag", "minlag",
                          "steplag", "peschanlag"}
    for camp in camps:
        history = STORE.places[camp].history
        assert any(h.date.edtf.startswith("1954") for h in history), camp


def test_forced_repatriations_at_lienz_and_dachau_and_the_cossack_leaders_hanging() -> None:
    """Lienz (1 June 1945), Dachau (19 January 1946, from the US record) and the hanging of Krasnov
    and five others (16 January 1947), each on two sources and linked to the Yalta agreement."""
    dated = {"lienz-cossacks-handed-over-1945": "1945-06-01", "dachau-repatriation-1946": "1946-01-19",
             "cossack-leaders-hanged-1947": "1947-01-16"}
    assert_dated_on_two_sources(dated)
    yalta = STORE.by_id["yalta-repatriation-agreement"].related
    assert {"lienz-cossacks-handed-over-1945", "dachau-repatriation-1946"} <= set(yalta)
    assert figure_values("dachau-repatriation-1946") == [11]
    officers = notes_citing("lienz-cossacks-handed-over-1945", "korolkoff-auslieferung-kosaken-lienz")
    assert any("1,500" in t and "2,300" in t for t in officers)


def test_late_stalinist_campaigns_and_a_poem_of_1962() -> None:
    """The Zvezda and Leningrad resolution (14 August 1946), the Mingrelian affair (9 November 1951,
    11,200 deported by Beria's count), the great constructions announced in August-September 1950,
    and Pravda's printing of 'The Heirs of Stalin' (21 October 1962)."""
    dated = {"zhdanov-decree-1946": "1946-08-14", "mingrelian-affair-1951": "1951-11-09",
             "great-constructions-announced-1950": "1950-08/1950-09", "heirs-of-stalin-1962": "1962-10-21"}
    assert_dated_on_two_sources(dated)
    assert figure_values("mingrelian-affair-1951") == [11200]
    assert "great-constructions-announced-1950" in STORE.by_id["great-constructions-halted"].related
    assert {"kuneevski-itl", "aktublag", "karakumlag"} <= set(STORE.by_id["great-constructions-announced-1950"].places)


def test_categories_of_special_settlers_are_taken_off_the_register_on_24_november_1955() -> None:
    """Decision No. 1963-1052s, read in the Latvian State Archives' translation and a French one."""
    assert_dated_on_two_sources({"special-settlers-categories-released-1955": "1955-11-24"})
    event = STORE.by_id["special-settlers-categories-released-1955"]
    assert "special-settlements" in event.terms and "1963-1052s" in (event.description or "")


def test_the_last_austrian_transport_of_25_june_1955_and_the_other_date() -> None:
    """186 people reached Wiener Neustadt on 25 June 1955 (a wire report of that day, and Cerwenka);
    Austria-Forum's 25 July is kept as a discrepancy."""
    assert_dated_on_two_sources({"austrian-prisoners-last-transport-1955": "1955-06-25"})
    ident = "austrian-prisoners-last-transport-1955"
    assert figure_values(ident) == [186]
    assert any("25 July 1955" in t for t in notes_citing(ident, "austria-forum-heimkehrer"))
    assert STORE.places["wiener-neustadt"].country == "Austria"


def test_the_murom_and_aleksandrov_riots_of_summer_1961(gulag: Gulag) -> None:
    """Murom (30 June 1961) and Aleksandrov (23-24 July), two towns 'beyond the 101st kilometre'
    where, Kozlov writes, some returned prisoners had to live; each on two or more sources."""
    assert_dated_on_two_sources({"murom-riot-1961": "1961-06-30", "aleksandrov-riot-1961": "1961-07-23/1961-07-24"})
    assert figure_values("murom-riot-1961") == [3]
    assert figure_values("aleksandrov-riot-1961") == [4]
    assert "aleksandrov-riot-1961" in STORE.by_id["murom-riot-1961"].related
    assert "murom-riot-1961" in STORE.by_id["aleksandrov-riot-1961"].related
    assert any("returned prisoners" in t for t in notes_citing("murom-riot-1961", "kozlov-neizvestnyi-sssr-101-km"))
    town, moscow = STORE.places["aleksandrov"], STORE.places["moscow"]
    assert town.lat is not None and town.lon is not None and moscow.lat is not None and moscow.lon is not None
    assert 80 < _km(town.lat, town.lon, moscow.lat, moscow.lon) < 130
    result = gulag("timeline", "--place", "murom", "--json", data=None)
    assert [e["id"] for e in json.loads(result.stdout)] == ["murom-riot-1961"]


def test_ginzburg_is_arrested_over_syntaxis_on_14_july_1960() -> None:
    """Kommersant and Vremya novostei give the day; Kommersant's '24-year-old' is kept as a note,
    since he was born on 21 November 1936."""
    assert_dated_on_two_sources({"ginzburg-arrested-1960": "1960-07-14"})
    assert STORE.people["alexander-ginzburg"].born.edtf == "1936-11-21"
    assert any("he was 23" in t for t in notes_citing("ginzburg-arrested-1960", "kommersant-ginzburg-first-arrest"))


def test_the_ukrainian_union_is_sentenced_on_20_may_1961_and_the_chronicles_april(gulag: Gulag) -> None:
    """Three sources give 20 May 1961 for the Lviv court's sentence; the Chronicle of Current
    Events' 'April 1961' is kept, with who says which. His surname alone finds the man, not the
    event whose title names him."""
    ident = "ukrainian-union-sentenced-1961"
    assert_dated_on_two_sources({ident: "1961-05-20"})
    assert any("April 1961" in t for t in notes_citing(ident, "cce-50-6-lukyanenko"))
    assert "levko-lukyanenko" in STORE.by_id[ident].people and "lviv" in STORE.by_id[ident].places
    assert show(gulag, "lukyanenko")["id"] == "levko-lukyanenko"


def test_the_khabarovsk_incident_keeps_its_uncertain_days_and_ishidas_count() -> None:
    """The Japanese prisoners' strike at Camp 16: 19 December 1955 from the leader's own book,
    the end in March 1956 from Nakamura alone, so both days carry EDTF's '?'."""
    event = STORE.by_id["khabarovsk-incident-1955"]
    assert (event.date.edtf, event.date.uncertain) == ("1955-12-19?/1956-03?", True)
    assert len(event.sources) >= 2 and "soviet-japanese-declaration" in event.related
    assert figure_values("khabarovsk-incident-1955") == [769]
    nakamura = notes_citing("khabarovsk-incident-1955", "nakamura-siberia-khabarovsk-incident")
    assert any("11 March 1956" in t for t in nakamura)


def test_the_mayakovsky_square_readers_terms_and_osipovs_two_versions() -> None:
    """Bokshtein five years, Kuznetsov seven; Osipov six (OpenSpace) or seven (the Chronicle)."""
    ident = "mayakovsky-square-case-1961"
    assert_dated_on_two_sources({ident: "1961"})
    event = STORE.by_id[ident]
    assert "five to seven years" in event.summary and "aleksandrov-riot-1961" in event.related
    [both] = [n for n in event.notes if n.kind == "discrepancy"]
    assert "six years" in both.text and "seven" in both.text
    assert set(both.sources) == {"colta-osipov-trial-2011", "cce-37-osipov", "osipov-koren-natsii-aleksandrov"}


def test_the_june_1948_escape_from_the_obsky_camp() -> None:
    """Rodina's summary of the prosecutor's report: 33 men on 18 June 1948, from the Obsky camp
    (Construction 501) as it was before its 1949 reorganisation."""
    assert_dated_on_two_sources({"obsky-camp-escape-1948": "1948-06-18"})
    event = STORE.by_id["obsky-camp-escape-1948"]
    assert "obski-itl" in event.places and "33" in (event.description or "")
    camp = STORE.places["obski-itl"]
    assert camp.dates is not None and camp.dates.start <= event.date.start <= camp.dates.end


def test_vyatlag_unrest_of_1953_1954_says_each_episode_has_one_account() -> None:
    """The camp report Berdinskikh quotes (July 1953, January 1954) and Applebaum's November strike."""
    assert_dated_on_two_sources({"vyatlag-unrest-1953-1954": "1953-07/1954-01"})
    event = STORE.by_id["vyatlag-unrest-1953-1954"]
    assert "vyatlag" in event.places and "530" in (event.description or "")
    [caveat] = [n for n in event.notes if n.kind == "uncertainty"]
    assert "one account" in caveat.text


def test_the_malgre_nous_leave_tambov_with_each_death_count_and_who_gives_it() -> None:
    """8,411 French on 20 August 1945 (the Bas-Rhin archives), 15,500 over the camp's life and
    1,800-2,000 dead (the 2010 book, via Mengus), older and higher counts kept as a discrepancy."""
    ident = "malgre-nous-leave-tambov-1945"
    assert_dated_on_two_sources({ident: "1945-09~/1945-11~"})
    figures = figures_of(ident)
    assert (figures["prisoners"].value, figures["french-20-aug"].value) == (15500, 8411)
    assert (figures["deaths"].low, figures["deaths"].high) == (1800, 2000)
    [counts] = notes_of(ident, "discrepancy")
    assert "10,000-15,000" in counts.text and "five to ten times" in counts.text


def test_regional_studies_of_the_1953_amnesty_and_vyatlag_after_it() -> None:
    """The Kirov archives study (Yungblud and Mashkovtsev, 2020) backs both the amnesty's crime
    wave and the Vyatlag zone's unrest after it."""
    for ident in ("beria-amnesty", "vyatlag-unrest-1953-1954"):
        assert notes_citing(ident, "yungblud-mashkovtsev-kirov-1953"), ident
    assert any("Vyatlag zone" in t for t in notes_citing("vyatlag-unrest-1953-1954", "yungblud-mashkovtsev-kirov-1953"))
