# ruff: noqa: E501
"""One-off migration of data/events.json sources to the structured shape (issue 13).

Loads the store, rewrites each source record, and dumps it in the contract's format. Every
value here comes from the record itself (its title, publisher label, URL) or from the page
the label names; nothing is guessed. "accessed" is the day of the store review that read
the page (2026-11-28, commit 3aaed16), or the day a page was opened again for issue 13.
Run once: python data/build/migrate_sources.py
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

STORE = Path(__file__).resolve().parents[2] / "data" / "events.json"
REVIEWED = "2026-11-28"  # the store review that read every source then in the store

# Old "article" records by what they are.
ARTICLE_KIND = {
    "article-journal": """osteuropa-impossible-rehabilitation labor-history-tukhta vu-special-regime-camps
        lituanus-latkovskis-2005 cejsh-operation-west jcws-dobson-review alexopoulos-amnesty-1945
        lavinskaya-prosecutors-documents eproc-deported-chechens-ingush-return researcherlife-restoration-autonomies-rsfsr
        grzybowski-trends-soviet-criminal-law-reform cyberleninka-kuritsyna-amnesty-1953""",
    "article-magazine": """time-policeman-on-trial time-vorkuta-blatnye-1954 time-solzhenitsyn time-stalin-embalmed-leader
        caravan-solzhenitsyn nation-cohen-victims-return quillette-in-from-the-cold dbwv-heimkehr-der-zehntausend""",
    "article-newspaper": """niezalezna-zlowieszczy-symbol-sowietow moscowtimes-beria-treason-case sz-mission-in-moskau
        evangelische-zeitung-kanzlers-groesste-tat rferl-ekibastuz mg-railway-of-bones lenta-volgodon-2022
        wapo-solzhenitsyn-obituary ohtuleht-doctors-plot krasnoe-znamya-vorkuta-massacre polit-ru-ginzburg
        moscow-times-victims-return novayagazeta-epokha-reabilitansa mt-today-in-history-oct-31
        pravda-solzhenitsyn-turns-85 guardian-beria-rehabilitation-1999 rg-vorkutlag-2013 severrealii-vorkuta-strike""",
    "web": "gulag-online-kengir-uprising qalam-kengir-uprising rbth-dead-road ourreg-bloody-summer-1953",
    "thesis": "rodger-bitches-and-thieves hse-collaborators-amnesty-thesis dslib-lavinskaya-extrajudicial-rehabilitation",
    "report": "nceeer-alexopoulos-amnesty-1945",
}
KIND_OF = {i: k for k, ids in ARTICLE_KIND.items() for i in ids.split()}
KIND_OF.update({"hoover-tikhonov-end-of-the-gulag": "chapter", "scammell-son-of-the-gulag": "chapter"})

# Per-source facts from the record's own label or the page itself: the original a copy stands
# for, its container, authors split into family and given names, dates the work states.
OVERRIDES: dict[str, dict[str, object]] = {
    "exhibit": {"authors": [], "language": "en"},
    "hoover-tikhonov-end-of-the-gulag": {
        "title": "The End of the Gulag", "authors": [{"family": "Tikhonov", "given": "Aleksei"}],
        "container": "The Economics of Forced Labor: The Soviet Gulag", "publisher": "Hoover Institution Press",
        "url": None},
    "osteuropa-impossible-rehabilitation": {"container": "Osteuropa", "issued": "2007", "issue": "6"},
    "labor-history-tukhta": {"container": "Labor History", "publisher": "Taylor & Francis",
                             "url": "https://doi.org/10.1080/0023656X.2023.2253155"},
    "lituanus-latkovskis-2005": {"authors": [{"family": "Latkovskis", "given": "L."}], "container": "Lituanus",
                                 "volume": "51", "issue": "4", "issued": "2005"},
    "scammell-son-of-the-gulag": {"title": "Son of the Gulag", "publisher": "Routledge", "authors": [{"family": "Scammell", "given": "Michael"}]},
    "rferl-ekibastuz": {"authors": [{"family": "Orken", "given": "Zhoyamergen"}], "container": "Radio Free Europe/Radio Liberty"},
    "rodger-bitches-and-thieves": {
        "title": "Bitches and Thieves: Gulag Guards, Administrators, and Professional Criminals in the Bitches' War",
        "authors": [{"family": "Rodger", "given": "Adam Richard"}], "publisher": "Miami University", "issued": "2017",
        "url": None},
    "jcws-dobson-review": {"container": "Journal of Cold War Studies", "publisher": "MIT Press", "volume": "18", "issue": "2"},
    "alexopoulos-amnesty-1945": {
        "authors": [{"family": "Alexopoulos", "given": "Golfo"}], "container": "Slavic Review",
        "publisher": "Cambridge University Press", "issued": "2005",
        "url": "https://www.cambridge.org/core/journals/slavic-review/article/amnesty-1945-the-revolving-door-of-stalins-gulag/8BC7722A72FBA4A07CD2E311559AC8B7"},
    "nceeer-alexopoulos-amnesty-1945": {"authors": [{"family": "Alexopoulos", "given": "Golfo"}],
                                        "publisher": "National Council for Eurasian and East European Research",
                                        "place": "Washington, D.C.", "issued": "2004-07-08"},
    "moscowtimes-beria-treason-case": {"container": "The Moscow Times", "issued": "1998-05"},
    "mt-today-in-history-oct-31": {"container": "The Moscow Times"},
    "tlumach-gulag-orlov": {"issued": "2012"},
    "krasnoe-znamya-vorkuta-massacre": {"authors": [{"family": "Popov", "given": "Anatoly"}],
                                        "container": "Krasnoe znamya (Syktyvkar)", "url": None},
    "applebaum-gulag-vorkuta": {"title": "Gulag: A History"},
    "applebaum-gulag-beria-reforms": {"title": "Gulag: A History"},
    "applebaum-gulag-thieves": {"title": "Gulag: A History"},
    "applebaum-gulag-thaw": {"title": "Gulag: A History", "pages": "chapter 25, “Thaw and Release”"},
    "knigochet-applebaum-gulag-mortality": {"title": "ГУЛАГ (Russian edition of Gulag: A History)", "language": "ru",
                                            "url": None},
    "birstein-smersh": {"title": "SMERSH: Stalin's Secret Weapon", "url": None},
    "lavinskaya-prosecutors-documents": {"authors": [{"family": "Lavinskaya", "given": "O. V."}],
                                         "container": "Otechestvennye arkhivy", "issue": "3", "issued": "2007",
                                         "url": None},
    "hse-collaborators-amnesty-thesis": {"authors": [{"family": "Riabichenko", "given": "Aleksandra"}],
                                         "publisher": "HSE University"},
    "artizov-rehabilitation-notes": {"kind": "book",
                                     "title": "Реабилитация: как это было. Март 1953 – февраль 1956 гг.",
                                     "authors": [{"family": "Artizov", "given": "A."}], "url": None},
    "bibliboba-reabilitatsiia-p92": {"title": "Реабилитация: как это было. Март 1953 – февраль 1956 гг.",
                                     "url": None},
    "bogdanov-kruglov": {"authors": [{"family": "Bogdanov", "given": "Yuri"}], "url": None},
    "msu-prisoners-return": {"authors": [{"family": "von Geldern", "given": "James"}],
                             "container": "Seventeen Moments in Soviet History"},
    "dslib-lavinskaya-extrajudicial-rehabilitation": {"authors": [{"family": "Лавинская", "given": "Ольга Владимировна"}]},
    "librs-zevako-methodological-manual": {"authors": [{"family": "Зевако", "given": "Ю. В."}], "url": None},
    "brit-ussr-the-cultural-thaw": {"authors": [{"family": "Conquest", "given": "Robert"}]},
    "grzybowski-trends-soviet-criminal-law-reform": {
        "title": "Main Trends in the Soviet Reform of Criminal Law", "authors": [{"family": "Grzybowski", "given": "Kazimierz"}],
        "container": "American University Law Review", "volume": "9", "url": None},
    "cyberleninka-kuritsyna-amnesty-1953": {"authors": [{"family": "Kuritsyna", "given": "E. V."}],
                                            "container": "Izvestia of Belinsky Penza State Pedagogical University",
                                            "issue": "27"},
    "guardian-beria-rehabilitation-1999": {"authors": [{"family": "Gentleman", "given": "Amelia"}],
                                           "container": "The Observer", "issued": "1999-10-17"},
    "hilger-kriegsverurteilte-dokumente": {"authors": [{"family": "Hilger", "given": "Andreas"}], "language": "de"},
    "rg-vorkutlag-2013": {"container": "Rossiyskaya Gazeta", "issued": "2013-08-03", "language": "ru"},
    "lenta-volgodon-2022": {"issued": "2022-07-10"},
    "wapo-solzhenitsyn-obituary": {"issued": "2008-08-03"},
    "mg-railway-of-bones": {"issued": "2005-11-07"},
    "quillette-in-from-the-cold": {"issued": "2022-11-25"},
    "caravan-solzhenitsyn": {"issued": "2020-02-01"},
    "novayagazeta-epokha-reabilitansa": {"issued": "2009-04-08"},
    "polit-ru-ginzburg": {"issued": "2017-12-20"},
    "time-stalin-embalmed-leader": {"issued": "2011-12-20"},
    "rightsinrussia-5-march-1953": {},
    "wp-bitch-wars": {"url": "https://en.wikipedia.org/wiki/Bitch_Wars", "issued": "2008-10-26"},
    "datastorica-salma-di-stalin": {"issued": "2011-10-31", "language": "it"},
    "ohtuleht-doctors-plot": {"language": "et"},
    "niezalezna-zlowieszczy-symbol-sowietow": {"language": "pl"},
    "wp-vorkutlag": {"url": "https://en.wikipedia.org/wiki/Vorkutlag"},
    "frus-1952-54v08-d577": {"url": "https://history.state.gov/historicaldocuments/frus1952-54v08/d577"},
}

# Copies read in place of an original: the copy moves to read_at, and the original is named.
WP_MIRROR = re.compile(
    r"(liquisearch\.com|wikimili\.com/en|wikizero\.org/wiki/en|kiwix|osmarks\.net|wikipedia-on-ipfs\.org/wiki|"
    r"gateway\.ipfs\.io|piglix\.com/piglix|academickids\.com|worddisk\.com/wiki|oenc\.net|en-academic\.com)")
ORIGINAL_URL = {
    "kiwix-wp-norilsk": "https://en.wikipedia.org/wiki/Norilsk",
    "wikizero-kengir-uprising": "https://en.wikipedia.org/wiki/Kengir_uprising",
    "wiki7-cs-kengirske-povstani": "https://ru.wikipedia.org/wiki/Кенгирское_восстание_заключённых",
    "clevergeek-ekibastuz-strike": "https://ru.wikipedia.org/wiki/Экибастузская_забастовка_заключённых",
    "zxc-oserlag": "https://de.wikipedia.org/wiki/OserLag",
    "liquisearch-german-pows-in-soviet-union": "https://en.wikipedia.org/wiki/German_prisoners_of_war_in_the_Soviet_Union",
    "wp-ru-ekibastuz-strike": "https://ru.wikipedia.org/wiki/Экибастузская_забастовка_заключённых",
    "wp-vorkuta-uprising-ipfs": "https://en.wikipedia.org/wiki/Vorkuta_uprising",
    "wp-vorkuta-uprising": "https://en.wikipedia.org/wiki/Vorkuta_uprising",
    "wp-simple-khrushchev": "https://simple.wikipedia.org/wiki/Nikita_Khrushchev",
    "wp-bulganin-government": "https://en.wikipedia.org/wiki/Bulganin%27s_government",
    "wp-ginzburg": "https://en.wikipedia.org/wiki/Yevgenia_Ginzburg",
    "academickids-anti-party-group": "https://en.wikipedia.org/wiki/Anti-Party_Group",
    "liquisearch-shalamov-kolyma-tales": "https://en.wikipedia.org/wiki/Varlam_Shalamov",
    "wp-dalstroy": "https://en.wikipedia.org/wiki/Dalstroy",
    "wafarin-dalstroy-ru": "https://ru.wikipedia.org/wiki/Дальстрой",
    "perceptiofr-norillag-ru": "https://ru.wikipedia.org/wiki/Норильлаг",
    "oenc-norillag": "https://en.wikipedia.org/wiki/Norillag",
    "piglix-vorkuta-gulag": "https://en.wikipedia.org/wiki/Vorkutlag",
    "clevergeek-mvd-ussr": "https://ru.wikipedia.org/wiki/Министерство_внутренних_дел_СССР",
    "liquisearch-gulag": "https://en.wikipedia.org/wiki/Gulag",
    "enacademic-corrective-labor-colony": "https://en.wikipedia.org/wiki/Corrective_labor_colony",
    "academickids-shalamov": "https://en.wikipedia.org/wiki/Varlam_Shalamov",
    "wiki7-fr-ekibastuz": "https://ru.wikipedia.org/wiki/Экибастуз",
    "ipfs-wp-magadan": "https://en.wikipedia.org/wiki/Magadan",
    "wikimili-salekhard": "https://en.wikipedia.org/wiki/Salekhard",
    "frwiki-it-igarka": "https://fr.wikipedia.org/wiki/Igarka",
    "worddisk-volgograd": "https://en.wikipedia.org/wiki/Volgograd",
    "inventaire-gulag": "https://en.wikipedia.org/wiki/Gulag",
    "enow-gulag-closed-snippet": "https://en.wikipedia.org/wiki/Gulag",
    "kazenc-steplag": "https://ru.wikipedia.org/wiki/Степлаг",
    "moscowtimes-beria-treason-case": None,
    "mt-today-in-history-oct-31": None,
    "allrefer-country-study-soviet-mvd": None,
    "mdict-gse-correctional-labor-colony": None,
    "tlumach-gulag-orlov": None,
    "tripomatic-moscow": "https://nl.wikipedia.org/wiki/Moskou",
    "labor-history-tukhta": "https://doi.org/10.1080/0023656X.2023.2253155",
    "worldhistory-information-rehabilitation": None,
    "besserenerven-kruglov": None,
    "mvd-kruglov-report-1954": None,
    "represnews-krasnoe-znamya": None,
}
# Containers for originals behind copies, from the copy's own label.
ORIGINAL_CONTAINER = {
    "allrefer-country-study-soviet-mvd": ("Soviet Union: A Country Study", "Library of Congress"),
    "mdict-gse-correctional-labor-colony": ("Great Soviet Encyclopedia (English edition)", None),
    "tlumach-gulag-orlov": (None, None),
    "mvd-kruglov-report-1954": (None, None),
    "worldhistory-information-rehabilitation": (None, None),
}
# Hosts that are copies, not originals (the same list the policy test uses).
sys.path.insert(0, str(STORE.parent.parent / "src"))
from gulagcli.sources import COPY_HOSTS, host  # noqa: E402

CONTAINER_BY_HOST = {
    "wikipedia.org": "Wikipedia", "britannica.com": "Encyclopædia Britannica",
    "kids.britannica.com": "Britannica Kids", "gulag.memorial.de": "Memorial Deutschland: Gulag-Lager",
    "memorial.krsk.ru": "Memorial Krasnoyarsk", "prlib.ru": "Presidential Library (prlib.ru)",
    "history.state.gov": "Foreign Relations of the United States",
    "germanhistorydocs.org": "German History in Documents and Images",
}


def language(rec: dict[str, object], url: str | None) -> str | None:
    h = host(url) or ""
    sub = h.split(".")[0]
    if h.endswith("wikipedia.org") and sub in ("en", "ru", "de", "uk", "lt", "fr", "nl", "simple"):
        return "en" if sub == "simple" else sub
    title = str(rec["title"])
    if re.search(r"[А-Яа-яЁё]", title):
        return "uk" if re.search(r"[іїєґ]", title) else "ru"
    if re.search(r"[äöüß„]", title) or (h.endswith(".de") and "/en/" not in (url or "") and "english" not in (url or "")):
        return "de"
    if re.fullmatch(r"[\x00-\x7f“”‘’–—'…]+", title):
        return "en"
    return None


def container(url: str | None, old_pub: str | None) -> str | None:
    h = host(url) or ""
    for key, name in CONTAINER_BY_HOST.items():
        if h == key or h.endswith("." + key):
            return name
    return None


def migrate(rec: dict[str, object]) -> dict[str, object]:
    sid = str(rec["id"])
    over = dict(OVERRIDES.get(sid, {}))
    old_url = rec.get("url")
    old_pub = rec.get("publisher")
    kind = str(over.pop("kind", KIND_OF.get(sid, rec["kind"])))
    if kind == "article":
        raise SystemExit(f"{sid}: no article kind assigned")
    url = old_url
    read_at = None
    if host(old_url) in COPY_HOSTS or sid in ORIGINAL_URL or ("url" in over and over["url"] != old_url):
        original = over.pop("url", ORIGINAL_URL.get(sid))
        if old_url and original != old_url:
            read_at = {"url": old_url, "publisher": old_pub}
        url = original
    over.pop("url", None)
    authors = over.pop("authors", None)
    if authors is None:
        authors = [{"literal": rec["author"]}] if rec.get("author") else []
    out: dict[str, object] = {"id": sid, "kind": kind, "title": over.pop("title", rec["title"])}
    if authors:
        out["authors"] = authors
    cont = over.pop("container", None) or container(url, old_pub if isinstance(old_pub, str) else None)
    if sid in ORIGINAL_CONTAINER:
        cont, pub = ORIGINAL_CONTAINER[sid]
        over.setdefault("publisher", pub)
    if cont:
        out["container"] = cont
    publisher = over.pop("publisher", None)
    if publisher is None and read_at is None and isinstance(old_pub, str) and old_pub != cont:
        publisher = old_pub
    if publisher:
        out["publisher"] = publisher
    if "place" in over:
        out["place"] = over.pop("place")
    issued = over.pop("issued", None) or (str(rec["year"]) if rec.get("year") else None)
    if issued:
        out["issued"] = issued
    if sid != "exhibit":
        out["accessed"] = REVIEWED
    if url:
        out["url"] = str(url).replace("http://", "https://", 1) if str(url).startswith("http://") and \
            host(str(url)) in ("en.wikipedia.org", "britannica.com") else url
    lang = over.pop("language", None) or language(out, str(url) if url else (read_at or {}).get("url"))
    if lang:
        out["language"] = lang
    for key in ("pages", "volume", "issue"):
        if key in over:
            out[key] = over.pop(key)
    if read_at:
        out["read_at"] = read_at
    if over:
        raise SystemExit(f"{sid}: unused overrides {over}")
    return out


def main() -> None:
    store = json.loads(STORE.read_text(encoding="utf-8"))
    store["sources"] = [migrate(r) if "authors" not in r and "issued" not in r and "accessed" not in r else r
                        for r in store["sources"]]
    STORE.write_text(json.dumps(store, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
