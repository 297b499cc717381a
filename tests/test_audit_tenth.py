"""The tenth round of the audit: the questions earlier rounds left open, every web source that no
test names checked against its page (536 of them, in six samples), and the camps' histories filled
in from the handbook pages the camp research quotes and from the map data's own text.

Each fix is pinned to what its page says: a claim one source makes is that source's, a title is what
the page shows (or a bracketed description), and a camp's history has every change its handbook
page or its own text dates, on both camps of a renaming."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from .conftest import ids
from .test_audit_fixes import EVENTS, PEOPLE, RAW, STORE
from .test_audit_wide import PLACES, SOURCES
from .test_camps_cli import bundled
from .test_camps_data import build_script

Gulag = Callable[..., Result]


def test_tenth_round_people_say_only_what_their_sources_do() -> None:
    shatunovskaya = PEOPLE["olga-shatunovskaya"]["summary"]
    assert "by Roy Medvedev's account" in shatunovskaya and "as a witness against Beria" not in shatunovskaya
    bochkov = PEOPLE["viktor-bochkov"]
    assert "heading" not in bochkov["role"] and "headed" not in bochkov["summary"]
    assert "sat on the first MVD commission" in bochkov["summary"]
    bienek = PEOPLE["horst-bienek"]
    assert "to 20 years" in bienek["role"] and "20 or 25" not in bienek["role"]
    [sentence] = bienek["notes"]
    assert "Deutschlandfunk Kultur" in sentence["text"] and "25 years by English Wikipedia" in sentence["text"]
    assert sentence["sources"][0] == "dlf-kultur-bienek-workuta"
    assert SOURCES["dlf-kultur-bienek-workuta"]["issued"] == "2013-04-03"


def test_tenth_round_events_follow_their_pages() -> None:
    ruslanova = " ".join(n["text"] for n in EVENTS["ruslanova-arrested"]["notes"])
    assert "No source seen gives the day of the arrest itself" not in ruslanova
    assert "wikireading gives it as the day of her arrest" in ruslanova and "arrested in Kazan" in ruslanova
    assert EVENTS["ruslanova-arrested"]["date"] == "1948-09"  # Moscow on the 25th or Kazan: still the month
    kalmyks = EVENTS["kalmyks-restrictions-lifted-1956"]
    assert "Presidium" not in kalmyks["summary"] and "Pohl names no issuing body" in kalmyks["notes"][0]["text"]
    gosplan = [n for n in EVENTS["voznesensky-removed"]["notes"] if "236 secret documents" in n["text"]]
    assert gosplan
    assert gosplan[0]["sources"] == ["gorlizki-khlevniuk-kholodnyi-mir", "diletant-voznesensky-gosplan-note"]
    slutsky = [n["text"] for n in EVENTS["sdr-students-shot-1952"]["notes"] if n["text"].startswith("Kommersant")]
    assert slutsky == ["Kommersant writes that after Stalin's death Slutsky's death sentence was changed, "
                       "posthumously, to ten years in the camps."]


def test_tenth_round_citations_are_as_their_pages_show_them() -> None:
    time = SOURCES["time-vorkuta-blatnye-1954"]
    assert (time["title"], time["issued"]) == ("Vorkuta", "1955-01-24")
    wapo = SOURCES["wapo-solzhenitsyn-obituary"]
    assert (wapo["issued"], wapo["authors"]) == ("2008-08-04", [{"family": "Smith", "given": "J. Y."}])
    assert "(page 3)" not in wapo["title"]
    assert "?redirectedFrom" not in SOURCES["jcws-dobson-review"]["url"]
    transcription = SOURCES["new-international-under-two-despots-1949"]
    assert "url" not in transcription and "marxists.org" in transcription["read_at"]["url"]
    assert SOURCES["rosagr-cc-letter-1956"]["title"].startswith("Такова была Хрущёвская оттепель")  # as read later
    for ident in ("jcws-dobson-review", "dein-havelland-bienek", "begin-center-childhood",
                  "finikovskyi-shumuk-norilsk", "pw-razgon-true-stories", "kirkus-man-is-wolf-to-man",
                  "gulagmemories-rozsas", "wallstein-bienek-workuta"):
        assert SOURCES[ident]["title"].startswith("["), ident  # no page shows these titles
    added_by_us = {"boyarova-shalamov-pasternak-2007": "(talk", "krsk-makarova-norilsk-1993-part3": "(part 3)",
                   "stsg-torgau-seydlitzkaserne": "(Seydlitzkaserne)", "begin-center-soviet-prison": "Timeline"}
    for ident, added in added_by_us.items():
        assert added not in SOURCES[ident]["title"], ident


def history(camp: str) -> list[tuple[str, str, str | None]]:
    return [(h["date"], h["change"], h.get("place")) for h in PLACES[camp].get("history", [])]


def test_renamings_the_handbook_dates_are_in_both_camps_histories() -> None:
    assert ("1945-04-06", "renamed", "saranski-itl-and-guldzhs-construction-site") in history("altailag")
    window = "1949-03-17/1949-04-06"
    assert (window, "renamed", "construction-site-no-313-and-itl") in history("construction-no-865-and-itl")
    assert (window, "opened", "construction-no-865-and-itl") in history("construction-site-no-313-and-itl")
    assert ("1949-01-31", "renamed", "construction-site-no-247-and-itl") in history("construction-site-no-859-and-itl")
    assert ("1949-01-31", "opened", "construction-site-no-859-and-itl") in history("construction-site-no-247-and-itl")
    assert ("1953-05-14", "renamed", "gagarlag") in history("itl-eo")
    assert history("gagarlag") == [("1953-05-14", "opened", "itl-eo"), ("1954-07-26", "renamed", None),
                                   ("1955-02-03/1955-08-01", "renamed", None)]
    assert ("1951-05-22/1952-05-20", "renamed", None) in history("chukostroilag")


def test_kamenlag_was_closed_for_five_months_of_1954(gulag: Gulag) -> None:
    """ÚSTR's page: closed on 7 January 1954, set up again on 29 May from three camp divisions."""
    assert history("kamenlag") == [("1953-05-14", "opened", "construction-site-no-600-and-itl"),
                                   ("1954-01-07", "closed", None), ("1954-05-29", "opened", None)]
    assert "with a break after 7 January 1954" in PLACES["kamenlag"]["summary"]

    def open_in(span: str) -> bool:
        return "kamenlag" in ids(bundled(gulag, "places", "--open", span, "--json"))

    assert not open_in("1954-03") and open_in("1953-12") and open_in("1954-06")


def test_ugolny_closing_is_a_window_and_sakhalinlag_keeps_both_counts_of_1953() -> None:
    ugolny = PLACES["ugolny-pfl-no-283"]
    assert ugolny["dates"] == "1942-03/1949?"  # the map's own text: late 1946 to early 1949, day unknown
    closing = [n["text"] for n in ugolny["notes"] if n["text"].startswith("Closing")]
    assert closing and "late 1946 to early 1949" in closing[0] and "December 1948" in closing[0]
    assert not any("without a day" in n["text"] for n in ugolny["notes"])
    sakhalin = [n for n in PLACES["sakhalinlag"]["notes"] if "11,433" in n["text"]]
    assert sakhalin and "10,073" in sakhalin[0]["text"] and sakhalin[0]["kind"] == "discrepancy"
    assert STORE.figures["sakhalinlag-prisoners-1953"].value == 10073  # the map's number stays, disputed



def test_a_camp_card_lists_every_source_its_history_cites() -> None:
    """Kamenlag's break rests on ÚSTR's page alone: the card's sources must name it."""
    for place in PLACES.values():
        cited = {source for entry in place.get("history", []) for source in entry["sources"]}
        assert cited <= set(place["sources"]), (place["id"], cited - set(place["sources"]))


def test_a_renaming_between_two_camps_is_on_both_camps() -> None:
    """The handbook's renamings, quoted in the camp research, were on neither camp or on one only
    (67 of them); each is now on both: the old camp renamed, the new one opened from it."""
    camps_with_history = [p for p in PLACES.values() if p.get("kind") == "camp" and p.get("history")]
    assert len(camps_with_history) >= 170
    for place in PLACES.values():
        for entry in place.get("history", []):
            if entry["change"] == "renamed" and entry.get("place"):
                other = PLACES[entry["place"]].get("history", [])
                assert any(o.get("place") == place["id"] for o in other), (place["id"], entry["place"])
    assert ("1953-05-14", "renamed", "azovlag") in history("construction-site-no-482-and-itl")
    assert ("1953-05-14", "opened", "construction-site-no-482-and-itl") in history("azovlag")
    assert history("tuimazinlag") == [("1947-04-11", "opened", None), ("1949-04-02", "closed", None)]
    assert ("1954-11-19", "closed", None) in history("sakhalinlag")
    assert ("1952-10-31", "merged-into", "volgo-balitiyski-itl") in history("vytegorlag")


def test_tenth_round_second_sample_of_citations() -> None:
    rossi = EVENTS["rossi-leaves-for-poland"]["notes"][0]["text"]
    assert "keeps him in the Norilsk camp until 1958" in rossi  # against the 1956 of the summary's sources
    getman = EVENTS["getman-released"]["notes"][0]
    assert "Victims of Communism: August 1953; AwesomeStories: 30 August 1953" in getman["text"]
    assert "awesomestories-getman" in getman["sources"]
    repeaters = STORE.figures["repeaters-rearrests-rearrested-conference-paper"]
    assert "MGB case files" not in repeaters.reported_by and "investigative files" in repeaters.reported_by
    assert "Cornell's catalogue notes" not in EVENTS["afl-gulag-map-1951"]["description"]
    assert "deutscher-beria-trial-1954" in SOURCES and "url" not in SOURCES["deutscher-beria-trial-1954"]
    for ident in ("khpg-museum-senyk-interview-2000", "myeventflo-repeaters-paper", "endurancestory-hein-dyck",
                  "stosvet-shalamov", "memorial-krsk-decree-1949-04-22", "kobayashi-japanese-war-criminals-abstract",
                  "focus-operation-zakhid-1947"):
        assert SOURCES[ident]["title"].startswith("["), ident
    assert "document No. 47" not in SOURCES["yakovlev-mvd-report-1956-04-05"]["title"]
    assert SOURCES["frus-1946-v05-d90-dachau"]["title"].endswith("to the Secretary of State")


def test_the_map_texts_own_renamings_are_in_the_histories() -> None:
    """The museum's map data tells, in each camp's Russian text, changes the importer's reading
    missed: 167 entries rest on that text alone (source gulagmap-dataset)."""
    from_text = [(p["id"], h) for p in PLACES.values() for h in p.get("history", [])
                 if h["sources"] == ["gulagmap-dataset"]]
    assert len(from_text) >= 150
    assert ("1941-11-17", "split-from", "vorkuta") in history("intlag")
    assert ("1947-06-06", "opened", "shiroklag") in history("kizellag")
    assert ("1952-11-05", "transferred-to", "tigachlag") in history("kraslag")
    assert not any(h["note"].startswith("closed; ") for _, h in from_text)
    mineevka = [n["text"] for n in PLACES["mineevskoe-lo-of-the-mvd-economic-administration"]["notes"]]
    assert any("set up again on 2 November 1954" in text for text in mineevka)


def test_each_renaming_read_from_the_map_text_quotes_that_text() -> None:
    """The research file keeps the Russian sentence each entry rests on; where the dataset is
    beside the repository, every one is found word for word in its camp's text."""
    root = Path(__file__).resolve().parents[1]
    research = json.loads((root / "data" / "build" / "crosscheck.json").read_text(encoding="utf-8"))
    quoted = [(camp["id"], r["says"]) for camp in research["camps"] for r in camp.get("renames", [])
              if r.get("source") == "gulagmap-dataset" and r.get("says")]
    assert len(quoted) >= 150 and all(len(says.split()) <= 45 for _, says in quoted)
    source = root.parent / "shared" / "sources" / "gulagmap"
    if not source.is_dir():
        pytest.skip("the gulagmap dataset is not beside the repository")
    with build_script("camps") as camps:  # the importer's own reader of the dataset
        texts = " ".join(camp.description_ru or "" for camp in camps.gulagmap.read(source, Counter()))
    flat = " ".join(texts.split())

    def parts(says: str) -> list[str]:  # a quote may leave words out: "…" between its parts
        return [" ".join(part.split()) for part in says.replace("[…]", "…").replace("...", "…").split("…")]

    missing = [(ident, says) for ident, says in quoted for part in parts(says) if part not in flat]
    assert not missing, missing[:3]


def test_tenth_round_third_sample_of_citations() -> None:
    wallenberg = SOURCES["raoul-wallenberg-eu-1957"]
    assert (wallenberg["title"], wallenberg["url"]) == ("Gromyko Memorandum",
                                                        "https://www.raoul-wallenberg.eu/articles/gromyko-memorandum")
    ozerlag = SOURCES["rodina-osobyj-ozyornyj"]
    assert ozerlag["title"].startswith("БАМ, футбол")
    assert ozerlag["authors"] == [{"family": "Миронов", "given": "Александр"}]
    commissions = next(n["text"] for n in EVENTS["special-camps-created"]["notes"]
                       if "rodina-osobyj-ozyornyj" in n["sources"])
    assert "setting up the commissions that chose which prisoners went to the special camps" in commissions
    plenum = next(n["text"] for n in EVENTS["khrushchev-first-secretary"]["notes"] if "историк.рф" in n["text"])
    assert "the plenum's opening" not in plenum and "later date" not in plenum
    assert SOURCES["rusdeutsch-14-september"]["language"] == "de"
    for ident in ("memorial-krsk-norillag-order-348", "ceeol-wallach-licht-um-mitternacht", "stbernard-applebaum-gulag",
                  "memorial-krsk-pow-order", "unionssr-rehabilitation-1954", "publishers-weekly-larina-1993"):
        assert SOURCES[ident]["title"].startswith("["), ident
    for ident, added in (("lkma-lddb-reinys", "(LDDB"), ("russianlife-petkevich-contributor", "(contributor"),
                         ("abendblatt-friedland-1955", "(Bergedorfer"), ("time-stalin-embalmed-leader", "(slide")):
        assert added not in SOURCES[ident]["title"], ident


def test_tenth_round_fourth_sample_of_citations() -> None:
    mordovia = EVENTS["political-prisoners-to-mordovia-1961"]
    perm36 = next(n["text"] for n in mordovia["notes"] if "Perm-36" in n["text"])
    assert "'all particularly dangerous criminals'" in perm36  # the museum's words, not the legal term
    assert "'particularly dangerous crimes against the state'" in mordovia["description"]
    assert "registry office" not in EVENTS["babel-rehabilitated-1954"]["notes"][0]["text"]
    svarinskas = SOURCES["voruta-zulys-svarinskas"]
    assert (svarinskas["container"], svarinskas["issued"]) == ("XXI amžius", "2004-09-24")
    assert "voruta.lt" in svarinskas["read_at"]["url"]
    assert "url" not in SOURCES["gse-criminal-code"] and "newdu" in SOURCES["gse-criminal-code"]["read_at"]["url"]
    assert SOURCES["irkipedia-camps"]["language"] == "ru"
    for ident, added in (("ourreg-bloody-summer-1953", "(The bloody"), ("memo-r3-279-zheleslag", "successor"),
                         ("dslib-lavinskaya-extrajudicial-rehabilitation", "(dissertation"),
                         ("cia-jprs-criminal-code-rsfsr", "(JPRS")):
        assert added not in SOURCES[ident]["title"], ident


def test_tenth_round_fifth_sample_of_citations_and_the_leads_it_left() -> None:
    tambov = EVENTS["luxembourg-conscripts-leave-tambov-1945"]
    sick = next(n for n in tambov["notes"] if n["text"].startswith("The first transport of the sick"))
    assert "leave the camp on 3 August 1945" in sick["text"] and "reach Luxembourg on 9 August" in sick["text"]
    assert sick["sources"][:2] == ["cm2gm-tambow-75", "tageblatt-tambow-75-commemoration"]
    assert "about 520" in tambov["notes"][0]["text"]
    semiramis = next(n["text"] for n in EVENTS["semiramis-arrives-barcelona"]["notes"]
                     if "Diario de Almería" in n["text"])
    assert "Masterpubli counts the rest as deserters" in semiramis
    uritsky = PLACES["uritsky-district"]["summary"]  # taken to Moscow in January 1953; a memoir says 1950-54
    assert "late January 1953" in uritsky and "1950-54" in uritsky
    dyck = EVENTS["last-german-pows-return"]["notes"][0]["text"]
    assert "could leave only after 1991" in dyck
    for camp, main, other in (("kuznetslag", "8,052", "9,512"), ("sosnovlag", "3,514", "5,217")):
        [both] = [n["text"] for n in PLACES[camp]["notes"] if "1955-01-01" in n["text"]]
        assert main in both and other in both, camp  # the handbook's two counts of 1 January 1955
    added_by_us = {"partizanai-makarova-norilsk-committees": "(Norilsko", "brit-malenkov": "(Britannica",
                   "taz-buber-neumann-1989": "(obituary)", "commentary-haynes-gulag-story": "(letter)",
                   "wilson-abakumov-cossack-leaders-1947": "(Abakumov", "stsg-torgau-seydlitzkaserne": "(Seydlitz"}
    for ident, added in added_by_us.items():
        assert added not in SOURCES[ident]["title"], ident


ADDED_WORDS = ("review", "obituary", "biography", "page", "record", "entry", "letter", "abstract", "translation",
               "dissertation", "thesis", "calendar", "slide", "contributor", "publisher", "excerpt", "chapter",
               "section", "caption", "edition", "notes", "description", "working paper")


def test_no_title_ends_with_words_we_added() -> None:
    """A title is what the page shows; what we say about the work ("(obituary)", "(chapter 14)",
    "(German translation)", "(on October 1962)") goes in its note, or the whole title is a bracketed
    description."""
    import re

    added = re.compile(r"\(([^()]*\b(?:" + "|".join(ADDED_WORDS) + r")\b[^()]*)\)\s*$", re.IGNORECASE)
    # "(on December 1961)", "(quoting ...)", "(26 May 1947)": what a page of the work is about, or its date
    about = re.compile(r"\((?:on|quoting|revision of|decree of) [^()]*\)\s*$|\(\d{1,2} [A-Z][a-z]+ \d{4}\)\s*$")
    # the journal's own English title: "... (on the materials of criminal case)"; Hansard's own heading
    own = {"maslij-khomyshyn-case", "hansard-1949-03-30-german-prisoners"}
    offending = [(s["id"], s["title"]) for s in RAW["sources"] if s["id"] not in own
                 and not s["title"].startswith("[") and (added.search(s["title"]) or about.search(s["title"]))]
    assert not offending, offending[:5]


def test_tenth_round_last_sample_of_citations() -> None:
    leningrad = SOURCES["executedtoday-leningrad-affair"]
    assert (leningrad["title"], leningrad["issued"]) == ("1950: The Leningrad Affair “culprits”", "2010-10-01")
    for ident in ("jc-shindler-2015", "bruit-du-temps-voyage-ze-ka-2010"):
        assert "url" not in SOURCES[ident] and SOURCES[ident]["read_at"]["url"], ident  # copies, kept as read
    assert SOURCES["nurnberg-a-world-apart"]["publisher"] == "Andrew Nurnberg Associates"
    assert "publisher" not in SOURCES["cyberleninka-kuritsyna-amnesty-1953"]  # it held a citation, not a publisher
    jamlitz = [n for n in PLACES["special-camp-no-6-jamlitz"]["notes"] if "3,258" in n["text"]]
    assert jamlitz and jamlitz[0]["sources"] == ["jamlitz-speziallager-6"]  # the memorial site's count, cited to it
    dissolved = EVENTS["german-special-camps-dissolved"]["notes"][0]
    assert "in the spring of 1950" in dissolved["text"]
    assert "stiftung-bg-sachsenhausen-aufloesung" in dissolved["sources"]
    semiramis = next(n for n in EVENTS["semiramis-arrives-barcelona"]["notes"]
                     if "Masterpubli says 26 March" in n["text"])
    assert "masterpubli-semiramis" in semiramis["sources"]


def test_pechorlags_counts_of_1951_to_1953_carry_the_day_its_page_gives() -> None:
    """ÚSTR's page gives the day of the same numbers the map files under a year only."""
    days = {f["date"]: f["value"] for f in RAW["figures"] if f.get("place") == "pechorlag"}
    assert days["1951-01-01"] == 59408 and days["1952-01-01"] == 38926 and days["1953-01-01"] == 47001
