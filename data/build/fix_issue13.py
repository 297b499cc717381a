# ruff: noqa: E501
"""Issue 13: the errors the review found, corrected in data/events.json.

Loads the store, edits the records this issue names, and dumps it in the contract's format.
Each new fact and source was found with the search tool on 2026-12-02 (the "accessed" date
of the sources added here). Idempotent: running it twice changes nothing more.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import unquote

STORE = Path(__file__).resolve().parents[2] / "data" / "events.json"
TODAY = "2026-12-02"

NEW_SOURCES: list[dict[str, Any]] = [
    {"id": "memorial-krsk-amnesty-1945", "kind": "archive",
     "title": "Decree of the Presidium of the Supreme Soviet of the USSR of 7 July 1945 on an amnesty for the victory over Hitler's Germany (German translation)",
     "authors": [{"literal": "Presidium of the Supreme Soviet of the USSR"}], "container": "Memorial Krasnoyarsk",
     "issued": "1945-07-07", "accessed": TODAY, "url": "http://memorial.krsk.ru/deu/Dokument/Dok/450707.htm", "language": "de"},
    {"id": "memorial-krsk-amnesty-1957", "kind": "archive",
     "title": "Decree of the Presidium of the Supreme Soviet of the USSR of 1 November 1957 on an amnesty for the 40th anniversary of the October Revolution (German translation)",
     "authors": [{"literal": "Presidium of the Supreme Soviet of the USSR"}], "container": "Memorial Krasnoyarsk",
     "issued": "1957-11-01", "accessed": TODAY, "url": "http://memorial.krsk.ru/deu/Dokument/Dok/571101.htm", "language": "de"},
    {"id": "wp-gupvi", "kind": "encyclopedia", "title": "Main Administration for Affairs of Prisoners of War and Internees",
     "container": "Wikipedia", "accessed": TODAY,
     "url": "https://en.wikipedia.org/wiki/Main_Administration_for_Affairs_of_Prisoners_of_War_and_Internees", "language": "en"},
    {"id": "alexopoulos-illness-inhumanity", "kind": "book", "title": "Illness and Inhumanity in Stalin's Gulag",
     "authors": [{"family": "Alexopoulos", "given": "Golfo"}], "publisher": "Yale University Press", "place": "New Haven",
     "issued": "2017", "accessed": TODAY,
     "url": "https://yalebooks.co.uk/book/9780300179415/illness-and-inhumanity-in-stalins-gulag/", "language": "en"},
    {"id": "memorial-de-ozerlag", "kind": "web", "title": "Seelager (Sonderlager Nr. 7)",
     "container": "Memorial Deutschland: Gulag-Lager", "accessed": TODAY,
     "url": "http://www.gulag.memorial.de/lager.php?lag=261", "language": "de"},
    {"id": "wp-tayshet", "kind": "encyclopedia", "title": "Tayshet (revision of 9 February 2011)", "container": "Wikipedia",
     "issued": "2011-02-09", "accessed": TODAY,
     "url": "https://en.wikipedia.org/w/index.php?oldid=412867185&title=Tayshet", "language": "en"},
    {"id": "wp-de-dallag", "kind": "encyclopedia", "title": "DalLag", "container": "Wikipedia", "accessed": TODAY,
     "url": "https://de.wikipedia.org/wiki/DalLag", "language": "de",
     "read_at": {"url": "https://de.zxc.wiki/wiki/DalLag", "publisher": "zxc.wiki (machine-translated mirror of German Wikipedia)"}},
    {"id": "inosmi-last-pows-1956", "kind": "article-newspaper",
     "title": "Article on the return of the last German prisoners of war from the Soviet Union in January 1956",
     "container": "InoSMI", "issued": "2016-01-27", "accessed": TODAY,
     "url": "http://inosmi.ru/social/20160127/235189276.html", "language": "ru"},
    {"id": "mozokhin-pravo-na-repressii", "kind": "book",
     "title": "Право на репрессии: Внесудебные полномочия органов государственной безопасности (1918–1953)",
     "authors": [{"family": "Мозохин", "given": "О. Б."}], "accessed": TODAY, "language": "ru",
     "read_at": {"url": "https://knigaread.com/nauchnye-i-nauchno-populjarnye-knigi/istorija/page-48-186184-mozohin-borisovich-pravo-na-repressii-vnesudebnye.html",
                 "publisher": "knigaread.com (unofficial online copy)"}},
    {"id": "zvyagintsev-rudenko", "kind": "book", "title": "Руденко. Генеральный прокурор",
     "authors": [{"family": "Звягинцев", "given": "Александр"}], "accessed": TODAY, "language": "ru",
     "read_at": {"url": "https://club-books.ru/page-60-142517-aleksandr-zvyagincev-rudenko-generalnyi-prokuror.html",
                 "publisher": "club-books.ru (unofficial online copy)"}},
    {"id": "goldman-stalin-dolzhen-umeret", "kind": "book", "title": "Сталин должен был умереть",
     "authors": [{"family": "Гольдман", "given": "Игорь Львович"}], "accessed": TODAY, "language": "ru",
     "read_at": {"url": "https://knizhkionline.com/page-52-20095-stalin-dolzhen-byl-umeret-igor-lvovich-goldman.html",
                 "publisher": "knizhkionline.com (unofficial online copy; reprints Beria's note of 26 March 1953)"}},
    {"id": "barnes-kengir-2005", "kind": "article-journal",
     "title": "“In a Manner Befitting Soviet Citizens”: An Uprising in the Post-Stalin Gulag",
     "authors": [{"family": "Barnes", "given": "Steven A."}], "container": "Slavic Review",
     "publisher": "Cambridge University Press", "issued": "2005", "accessed": TODAY,
     "url": "https://www.cambridge.org/core/journals/slavic-review/article/abs/in-a-manner-befitting-soviet-citizens-an-uprising-in-the-poststalin-gulag/DAC1528987D07FF2555EE2A5C674FE77",
     "language": "en"},
    {"id": "rodina-osobyj-ozyornyj", "kind": "article-magazine",
     "title": "Article on the Ozerlag special camp and the 1948 selection of prisoners for the special camps",
     "container": "Родина", "issued": "2025-05-23", "accessed": TODAY,
     "url": "https://rodina-history.ru/amp/2025/05/23/osobyj-ozyornyj.html", "language": "ru"},
]

# Originals identified today for sources read at copies.
SOURCE_UPDATES: dict[str, dict[str, Any]] = {
    "artizov-rehabilitation-notes": {"authors": [
        {"family": "Artizov", "given": "A. N."}, {"family": "Sigachev", "given": "Yu. V."},
        {"family": "Khlopov", "given": "V. G."}, {"family": "Shevchuk", "given": "I. N."}],
        "publisher": "МФД", "place": "Moscow", "issued": "2000"},
    "bibliboba-reabilitatsiia-p92": {"authors": [
        {"family": "Artizov", "given": "A. N."}, {"family": "Sigachev", "given": "Yu. V."},
        {"family": "Khlopov", "given": "V. G."}, {"family": "Shevchuk", "given": "I. N."}],
        "publisher": "МФД", "place": "Moscow", "issued": "2000", "pages": "92"},
    "bibliboba-khrushchevskaia-sliakot": {"title": "Хрущёвская слякоть. Советская держава в 1953–1964 годах",
                                          "authors": [{"family": "Спицын", "given": "Евгений"}],
                                          "publisher": "Концептуал", "place": "Moscow", "issued": "2019", "pages": "67"},
    "mvd-kruglov-report-1954": {"authors": [{"family": "Kruglov", "given": "S. N."}], "issued": "1954-05-26"},
    "tlumach-gulag-orlov": {"authors": [{"family": "Орлов"}]},
    # The stray dot after the host was a typo in the URL, not a copy read elsewhere.
    "wp-vorkutlag": {"read_at": None},
    # An abstract seen only on the platform's test server: the journal it belongs to is not
    # named there, so the copy stays the source, counted as a copy without a named original.
    "vu-special-regime-camps": {"kind": "web", "container": "Vilnius University journals platform (test server copy)",
                                "url": "https://test.zurnalai.vu.lt/gr/en/article/view/39239", "read_at": None},
    # Its URL is the English article, read there on 2026-12-02; the old title described a mirror.
    "wp-special-council-nkvd": {"title": "Special Council of the NKVD", "accessed": TODAY},
    "frus-1952-54v08-d577": {"read_at": None},
    "severrealii-vorkuta-strike": {"container": "Sever.Realii", "publisher": "Radio Free Europe/Radio Liberty", "url": None,
                                   "read_at": {"url": "https://d2k5zpaql0enfz.cloudfront.net/amp/vorkutlag-zabastovka-rasstrel-gulag/31388358.html",
                                               "publisher": "AMP copy served from a cloudfront.net address"}},
}
# Sources no fact may rest on, dropped once nothing cites them: a photo page without author,
# an insurance company's blog, a search-results page and a forum repost.
DROP_SOURCES = {"taian-adenauer-returns-to-cologne", "naturasigorta-fifteen-ministers-instead-of-one",
                "enow-gulag-closed-snippet", "reactor-gulag-mortality"}
DROP_FIGURES = {"adenauer-moscow-visit-released-taian"}


def note(kind: str, text: str, *sources: str) -> dict[str, Any]:
    return {"kind": kind, "text": text, "sources": list(sources)}


def fix_events(ev: dict[str, dict[str, Any]]) -> None:
    e = ev["steplag-closed"]
    e["date"] = "1956-04-24"
    e["sources"] = ["memorial-de-steplag", "wp-steplag", "kazenc-steplag"]
    e["notes"] = [n for n in e["notes"] if n["kind"] != "uncertainty" and "24 April 1956" not in n["text"]] + [note(
        "context", "Memorial's camp reference book, as published by Memorial Deutschland, dates the closure to 24 April "
        "1956, when the camp's subdivisions passed to the MVD camp administration of the Kazakh SSR; English Wikipedia "
        "gives only the year.", "memorial-de-steplag", "wp-steplag")]

    e = ev["amnesty-1945"]
    e["date"] = "1945-07-07"
    e["description"] = (
        "The decree of 7 July 1945 freed people serving up to three years and halved longer terms, but left out those "
        "convicted of counter-revolutionary crimes, theft of socialist property, banditry, counterfeiting, premeditated "
        "murder and robbery. It was the largest single release of prisoners under Stalin. Historian Golfo Alexopoulos "
        "argues it was a political gesture rather than an answer to labour shortages, and that most inmates were "
        "criminal offenders who cycled in and out of the camps.")
    e["sources"] = ["memorial-krsk-amnesty-1945", "alexopoulos-amnesty-1945", "nceeer-alexopoulos-amnesty-1945"]
    e["notes"] = [note("context", "The decree of the Presidium of the Supreme Soviet is dated 7 July 1945 and names the "
                       "victory over Hitler's Germany as its occasion.", "memorial-krsk-amnesty-1945")]

    e = ev["last-german-pows-return"]
    e["date"] = "1955-10/1956-01"
    e["summary"] = ("About 10,000 'late returnees' reach Germany from October 1955; the last train reaches "
                    "Herleshausen on 14 or 16 January 1956.")
    e["description"] = e["description"].replace(
        "the last transport arrived by train at Herleshausen in Hesse on 14 January 1956.",
        "the last transport arrived by train at Herleshausen in Hesse in mid-January 1956.")
    if "inosmi-last-pows-1956" not in e["sources"]:
        e["sources"].append("inosmi-last-pows-1956")
    e["notes"] = [n for n in e["notes"] if "14 January" not in n["text"]] + [note(
        "discrepancy", "The Deutschlandmuseum dates the arrival of the last group at Herleshausen to 14 January 1956; "
        "an article republished by InoSMI in 2016 says the train with 474 former prisoners arrived there at 7.05 a.m. "
        "on 16 January 1956. Both dates are kept; the event ends with the month.",
        "deutschlandmuseum-last-pows-1956", "inosmi-last-pows-1956")]

    e = ev["german-pow-releases-1949"]
    e["notes"][1] = note(
        "discrepancy", "The exhibit says these POWs 'served in the Gulag'. Prisoners of war were not held by the Gulag "
        "but in the camps of a separate MVD directorate, GUPVI (the Main Administration for Affairs of Prisoners of "
        "War and Internees), whose leaders came from the Gulag and whose conditions were similar.", "wp-gupvi", "exhibit")

    e = ev["vorkuta-red-hats-vs-thieves"]
    e.update({
        "title": "Political prisoners beat up thieves who robbed an older prisoner",
        "date": "1945?/1948?",
        "summary": "A survivor quoted by Applebaum recalls politicals beating thieves who robbed an older man; the "
                   "exhibit sets it at Vorkuta in 1954-55.",
        "description": "In a survivor's account that Anne Applebaum quotes, political prisoners surrounded the "
                       "thieves' barrack at about two in the morning after the thieves stole an older man's money and "
                       "possessions, and beat them until the guards took the thieves out of the zone. Applebaum tells "
                       "it among post-war clashes, before the special camps of 1948. The exhibit places the story at "
                       "Vorkuta in 1954-55, with a camp official moving sixty criminals in to split up the 'red hats'.",
        "places": [], "sources": ["applebaum-gulag-thieves", "exhibit"], "verified": True,
        "notes": [note("discrepancy", "The exhibit dates the story to 1954 or 1955 and places it at Vorkuta; in "
                       "Applebaum's Gulag: A History the survivor's account comes before the 1948 creation of the "
                       "special camps and names neither Vorkuta, the sixty thieves nor 'red hats'. The date here "
                       "follows Applebaum. The account is one survivor's memory.", "applebaum-gulag-thieves", "exhibit")],
    })
    if "Vorkuta thieves incident" not in e["aliases"]:
        e["aliases"].append("Vorkuta thieves incident")

    e = ev["special-council-abolished"]
    e["date"] = "1953-09-01"
    e["sources"] = ["mozokhin-pravo-na-repressii", "wp-special-council-nkvd", "worldhistory-information-rehabilitation"]
    e["notes"] = [note("context", "Mozokhin's study of the security organs' extrajudicial powers dates the decree of "
                       "the Presidium of the Supreme Soviet abolishing the Special Council to 1 September 1953, after "
                       "the party Presidium approved the draft on 12 August; English Wikipedia gives September 1953.",
                       "mozokhin-pravo-na-repressii", "wp-special-council-nkvd")]

    e = ev["amnesty-1957"]
    e["summary"] = ("A Supreme Soviet decree frees short-term prisoners, mothers of young children, pregnant women, "
                    "the elderly and young minors, and halves longer terms.")
    e["description"] = (
        "The decree of 1 November 1957, marking the 40th anniversary of the revolution, freed people sentenced to up to "
        "three years or to penalties other than imprisonment; freed regardless of term women with children up to eight "
        "and pregnant women, men over 60, women over 55 and minors under 16; halved terms of more than three years; "
        "lifted additional penalties such as exile for those it covered; and closed pending cases for offences "
        "punishable by up to three years. In an order of 4 November 1957 the Prosecutor General told prosecutors to "
        "secure immediate releases from MVD institutions and see that those freed were found work.")
    e["sources"] = ["memorial-krsk-amnesty-1957", "memorial-krsk-prosecutor-order-1957-11-04"]
    e["notes"] = [note("uncertainty", "The number of people released was not found in the references consulted.",
                       "memorial-krsk-amnesty-1957")]

    e = ev["gulag-population-peak"]
    kept = [n for n in e["notes"] if "1.5–1.7" not in n["text"] and "mortality table" not in n["text"]]
    e["notes"] = [
        note("discrepancy", "The official GULAG mortality table (GARF f. 9414), as reprinted in the Russian edition of "
             "Applebaum's Gulag, puts deaths at 0.95% of the average population in 1950 and 0.84% in 1952; Nicolas "
             "Werth, as summarised from Wikipedia, speaks of about 1-3% a year in the early 1950s. The first is the "
             "camp administration's own count.", "knigochet-applebaum-gulag-mortality", "inventaire-gulag"),
        *kept,
        note("discrepancy", "Deaths in or because of detention, 1930–1953, are disputed. Historians working from the "
             "camp administration's records put them at about 1.5–1.7 million. Golfo Alexopoulos, counting prisoners "
             "released to die and deaths the records leave out, argues for at least 6 million. Both positions are "
             "recorded here without ranking them.", "wp-gulag", "alexopoulos-illness-inhumanity"),
    ]
    e["sources"] = [s for s in e["sources"] if s != "reactor-gulag-mortality"]

    e = ev["mvd-ussr-abolished"]
    e["sources"] = [s for s in e["sources"] if s != "naturasigorta-fifteen-ministers-instead-of-one"]
    e["notes"] = [note("discrepancy", "A translated Russian encyclopedia text lists 7 May 1960 as the ministry's date "
                       "of abolition, and a country study gives only the year 1960, which is the date used here.",
                       "clevergeek-mvd-ussr", "allrefer-country-study-soviet-mvd")]

    e = ev["gulag-administration-abolished"]
    e["sources"] = [s for s in e["sources"] if s != "enow-gulag-closed-snippet"]
    for n in e["notes"]:
        n["sources"] = [s for s in n["sources"] if s != "enow-gulag-closed-snippet"]

    e = ev["adenauer-moscow-visit"]
    e["sources"] = [s for s in e["sources"] if s != "taian-adenauer-returns-to-cologne"]
    for n in e["notes"]:
        n["sources"] = [s for s in n["sources"] if s != "taian-adenauer-returns-to-cologne"]

    e = ev["rudenko-review-report-1955"]
    if "zvyagintsev-rudenko" not in e["sources"]:
        e["sources"].insert(0, "zvyagintsev-rudenko")
    e["notes"] = [note("uncertainty", "These figures are the Soviet Procurator General's own count. They come from "
                       "secondary books, read only as unofficial online copies, that quote his report of 29 April 1955 "
                       "with the same numbers (Spitsyn calls the 21,797 'amnestied' rather than released); they were "
                       "not checked against the archival original.", "zvyagintsev-rudenko", "chitka-legendy-gru",
                       "bibliboba-khrushchevskaia-sliakot")]

    e = ev["dubovka-transport"]
    e["description"] = e["description"].replace(
        "killed informers who worked for the camp administration, some dozens in all,",
        "killed informers who worked for the camp administration, some dozens in all by the Russian Wikipedia "
        "article's account,")

    e = ev["kengir-uprising"]
    if "barnes-kengir-2005" not in e["sources"]:
        e["sources"].insert(0, "barnes-kengir-2005")
        e["notes"].append(note(
            "context", "The historian Steven Barnes, writing from the archives, stresses how moderate, even pro-Soviet, "
            "the prisoners' demands were, and calls Kapiton Kuznetsov the uprising's nominal leader; he notes that "
            "west Ukrainian and Baltic nationalists and Red Army veterans made up the camp's population.",
            "barnes-kengir-2005"))

    e = ev["special-camps-created"]
    for n in e["notes"]:
        if "bibliboba-lubianskie-chteniia-2020" in n["sources"] and "rodina-osobyj-ozyornyj" not in n["sources"]:
            n["sources"].append("rodina-osobyj-ozyornyj")


def fix_figures(figs: dict[str, dict[str, Any]]) -> None:
    f = figs["gulag-population-peak-deaths-1930-1953-scholars"]
    f["reported_by"] = "historians using the camp administration's archival records (as summarised by Wikipedia)"
    for fid in ("gulag-population-peak-mortality-1950-official", "gulag-population-peak-mortality-1952-official"):
        figs[fid]["sources"] = ["knigochet-applebaum-gulag-mortality"]
        figs[fid]["note"] = ("Read in an unofficial online copy of the Russian edition of Applebaum's Gulag, which "
                             "reprints the camp administration's table.")
    figs["beria-amnesty-proposal-inmates-beria-note"]["sources"] = ["goldman-stalin-dolzhen-umeret",
                                                                    "wikireading-demokrat-li-beriya"]
    for fid in ("rudenko-review-report-1955-cases-reviewed-rudenko", "rudenko-review-report-1955-rehabilitated-rudenko"):
        if "zvyagintsev-rudenko" not in figs[fid]["sources"]:
            figs[fid]["sources"].insert(0, "zvyagintsev-rudenko")


NEW_FIGURE = {
    "id": "gulag-population-peak-deaths-1930-1953-alexopoulos", "event": "gulag-population-peak",
    "what": "deaths in or due to detention, 1930–1953, counting prisoners released to die", "value": 6000000,
    "unit": "people", "approximate": True,
    "reported_by": "historian Golfo Alexopoulos, Illness and Inhumanity in Stalin's Gulag (2017)", "date": "1930/1953",
    "sources": ["alexopoulos-illness-inhumanity", "wp-gulag"], "note": "Given as 'at least' six million: a lower bound.",
}


def fix_places(places: dict[str, dict[str, Any]]) -> None:
    p = places["ekibastuz"]
    p["summary"] = ("Camp division at Ekibastuz in Kazakhstan, where Solzhenitsyn was held and prisoners struck in "
                    "January 1952: part of Steplag until 17 November 1950, then of Peschanlag, and from 24 April 1952 "
                    "the centre of the separate special camp Dallag.")
    for s in ("wp-de-dallag", "memorial-de-steplag"):
        if s not in p["sources"]:
            p["sources"].append(s)
    p = places["ozerlag"]
    p["lat"], p["lon"] = 55.933, 98.017
    p["summary"] = ("MVD special camp founded in December 1948 and run from Taishet, whose prisoners built the railway "
                    "towards Bratsk and Ust-Kut. The coordinates are Taishet's; those English Wikipedia gives for "
                    "Ozerlag lie about 110 km further east.")
    for s in ("memorial-de-ozerlag", "wp-tayshet"):
        if s not in p["sources"]:
            p["sources"].append(s)


def fix_terms(terms: dict[str, dict[str, Any]]) -> None:
    t = terms["corrective-labour-colony"]
    t["definition"] = ("Penal institution combining detention with compulsory work, usually for shorter sentences. "
                       "Colonies existed alongside the big camps throughout the Gulag's history: Kruglov's report of "
                       "May 1954 counted 65 corrective labour camps and 798 colonies. Colonies were later graded by "
                       "regime from ordinary to special.")
    if "mvd-kruglov-report-1954" not in t["sources"]:
        t["sources"].insert(0, "mvd-kruglov-report-1954")


def wikipedia_title(s: dict[str, Any]) -> None:
    """A Wikipedia article read at a mirror is cited under the article's own title."""
    url = s.get("url") or ""
    if s.get("container") == "Wikipedia" and s.get("read_at") and "/wiki/" in url:
        s["title"] = unquote(url.split("/wiki/", 1)[1]).replace("_", " ")


def structured_names(s: dict[str, Any]) -> None:
    """An old one-string author such as "Anne Applebaum" becomes family and given names; names
    with initials, several parts or qualifiers stay literal rather than be split by guesswork."""
    names = s.get("authors") or []
    if len(names) == 1 and set(names[0]) == {"literal"}:
        parts = names[0]["literal"].split()
        if len(parts) == 2 and all(p[:1].isupper() and p[1:].isalpha() for p in parts):
            s["authors"] = [{"family": parts[1], "given": parts[0]}]


def article_container(s: dict[str, Any]) -> None:
    """A newspaper or magazine article is cited in its paper: the old publisher label names it."""
    if s["kind"].startswith("article-") and not s.get("container") and s.get("publisher"):
        s["container"] = s.pop("publisher")


# Sources reopened through the search tool for issue 13: their access date is that day.
REOPENED = {"memorial-de-steplag", "wp-steplag", "deutschlandmuseum-last-pows-1956", "ndr-heuss-begruesst-heimkehrer",
            "wp-ozerlag", "mvd-kruglov-report-1954", "wp-ru-amnistiya-1953-goda", "cyberleninka-kuritsyna-amnesty-1953",
            "lavinskaya-prosecutors-documents", "alexopoulos-amnesty-1945", "chitka-legendy-gru",
            "bibliboba-lubianskie-chteniia-2020", "zxc-oserlag"}


def main() -> None:
    d = json.loads(STORE.read_text(encoding="utf-8"))
    have = {s["id"] for s in d["sources"]}
    d["sources"] += [s for s in NEW_SOURCES if s["id"] not in have]
    for s in d["sources"]:
        for key, value in SOURCE_UPDATES.get(s["id"], {}).items():
            if value is None:
                s.pop(key, None)
            else:
                s[key] = value
    for s in d["sources"]:
        if s["id"] in REOPENED:
            s["accessed"] = TODAY
        wikipedia_title(s)
        structured_names(s)
        article_container(s)
    fix_events({e["id"]: e for e in d["events"]})
    d["figures"] = [f for f in d["figures"] if f["id"] not in DROP_FIGURES]
    fix_figures({f["id"]: f for f in d["figures"]})
    if NEW_FIGURE["id"] not in {f["id"] for f in d["figures"]}:
        at = next(i for i, f in enumerate(d["figures"]) if f["id"] == "gulag-population-peak-deaths-1930-1953-scholars")
        d["figures"].insert(at + 1, NEW_FIGURE)
    fix_places({p["id"]: p for p in d["places"]})
    fix_terms({t["id"]: t for t in d["terms"]})
    text = json.dumps(d, ensure_ascii=False)
    d["sources"] = [s for s in d["sources"] if s["id"] not in DROP_SOURCES or f'"{s["id"]}"' in
                    text.replace(f'"id": "{s["id"]}"', "")]
    STORE.write_text(json.dumps(d, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
