"""Import the camp system into data/events.json from the Gulag History Museum's map data.

    python data/build/camps.py [SOURCE_DIR] [--store data/events.json] [--dry-run]

SOURCE_DIR defaults to ../shared/sources/gulagmap beside the repository. Stdlib only and
rerunnable: a second run gives the same store. What it does:

* reads and cleans the seed files (gulagmap.py: placeholder points, string coordinates,
  test values and 0/null-as-unknown counts never reach the store);
* keeps every camp open at some time in 1945-1962 (ITLs, special camps, the NKVD special camps
  in Germany, the screening and filtration camps), as a place of kind "camp" with its type,
  names, headquarters point, dates of operation (EDTF), renames and mergers, economy, a
  summary written here from those facts, and its yearly counts as figures;
* merges them into the camp places the store already had (Steplag, Gorlag, Norilsk ...);
* applies the independent cross-check in crosscheck.json and the system-wide series in
  series.json (research kept beside this script) when they are present: see apply.py.

Never copies the dataset's descriptions: only dates, names, places and numbers are taken.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

import apply
import gulagmap
import naming

DATASET, HANDBOOK = apply.DATASET, apply.HANDBOOK
# Memorial's handbook covers the ITLs and the special camps, not the screening and filtration
# camps or the NKVD special camps in Germany: for those the museum's map data is the only source.
BEYOND_HANDBOOK = {"filtration-camp", "nkvd-special-camp"}
REPORTED_BY = "Memorial's handbook (1998), as given in the Gulag History Museum's map data"
MAP_ONLY = "the Gulag History Museum's map data"
PERIOD = (1945, 1962)
TYPES = {1: "itl", 2: "special-camp", 3: "nkvd-special-camp", 6: "filtration-camp", 4: "camp-division"}
TYPE_WORDS = {
    "itl": "Corrective labour camp (ITL)", "special-camp": "MVD special camp",
    "nkvd-special-camp": "NKVD special camp in the Soviet zone of Germany",
    "filtration-camp": "Screening and filtration camp", "camp-division": "Camp division", "other": "Camp",
}
NOT_SPECIAL = {187}  # the OGPU quarantine camp at Sarov (1931-1934), typed as a special camp by mistake

SOURCES: list[dict[str, Any]] = [
    {
        "id": DATASET, "kind": "dataset",
        "title": "Gulag History Museum camp map: database seed files (gulag-api)",
        "authors": [{"literal": "Gulag History Museum"}, {"literal": "Urbica"}],
        "publisher": "Urbica", "issued": "2019-10", "accessed": "2026-12-02",
        "url": "https://github.com/urbica/gulag-api", "language": "ru",
    },
    {
        "id": HANDBOOK, "kind": "book",
        "title": "Sistema ispravitel'no-trudovykh lagerei v SSSR, 1923-1960: spravochnik",
        "authors": [{"family": "Smirnov", "given": "M. B."}],
        "publisher": "Zven'ya", "place": "Moscow", "issued": "1998", "language": "ru",
    },
]

COUNTRIES = (
    ("Казах", "Kazakhstan"), ("Украин", "Ukraine"), ("Узбек", "Uzbekistan"), ("Киргиз", "Kyrgyzstan"),
    ("Таджик", "Tajikistan"), ("Туркмен", "Turkmenistan"), ("Грузин", "Georgia"), ("Азербайдж", "Azerbaijan"),
    ("Армян", "Armenia"), ("Эстон", "Estonia"), ("Латв", "Latvia"), ("Литов", "Lithuania"),
    ("Белорус", "Belarus"), ("Молдав", "Moldova"), ("Монгол", "Mongolia"), ("Герман", "Germany"),
)
USSR_AND_GERMANY = {"Russia", "Germany", *(c for _, c in COUNTRIES)} - {"Mongolia"}


def country_of(camp: gulagmap.Camp) -> str:
    if camp.type_id == 3:
        return "Germany"
    text = " ".join([camp.points[0].place_ru if camp.points else "", camp.title_ru])
    for stem, country in COUNTRIES:
        if stem in text:
            return country
    return "Russia"


def presence_years(camp: gulagmap.Camp) -> list[int]:
    return sorted({*camp.counts, *camp.present})


def dates_of(camp: gulagmap.Camp) -> tuple[str | None, str | None, gulagmap.Operation]:
    """(EDTF interval, how it was found) for the camp's operation."""
    op = gulagmap.operation(camp.description_ru)
    years = presence_years(camp)
    if op.opened is None and years:
        # No date in the text: the years the map shows the camp, both ends uncertain.
        return f"{years[0]}?/{years[-1]}?", "map-years", op
    if op.opened is None:
        return None, None, op
    if camp.counts and max(camp.counts) < int(op.opened[:4]) - 1 and years:
        # Every count predates the stated opening: the text's date is wrong, the map's years
        # are what the dataset supports.
        return f"{years[0]}?/{years[-1]}?", "map-years", op
    closed = op.closed
    how = "text"
    if closed == ".." and op.attested and op.attested < "1960":
        # Only "still running on" a day before the handbook's horizon (1 January 1960): the end
        # is not known, and an open end would keep it running for good. That day, uncertain.
        return f"{op.opened}/{op.attested}?", "attested", op
    if closed not in (None, "..") and closed.rstrip("?") < op.opened.rstrip("?"):
        closed = None  # a date of something else ("on the base of X, closed on ...")
    again = gulagmap.second_period(camp.description_ru)
    if again is not None and closed not in (None, ".."):
        return f"{op.opened}/{again[1]}", "two-periods", op
    if closed is None:
        if years and years[-1] >= int(op.opened[:4]):
            closed, how = f"{years[-1]}?", "last-count"
        else:
            closed, how = "..", "open"
    return f"{op.opened}/{closed}", how, op


def year_span(edtf: str) -> tuple[int, int]:
    start, end = edtf.split("/")
    return int(start[:4]), (9999 if end == ".." else int(end[:4]))


def breaks_of(history: list[dict[str, Any]]) -> list[str]:
    """The date of each closing that a later reopening follows, in the camp's history."""
    out: list[str] = []
    closed = None
    for entry in sorted(history, key=lambda e: e["date"]):
        if entry["change"] == "closed":
            closed = entry["date"]
        elif entry["change"] == "opened" and closed is not None:
            out.append(closed)
            closed = None
    return out


def summary_of(name: str, kind: str, region: str | None, country: str, dates: str, how: str,
               op: gulagmap.Operation, economy: list[str], counts: dict[int, int],
               breaks: list[str] | None = None, organised: str | None = None, count_of: str | None = None,
               work_from_map: bool = True) -> str:
    """One sentence in the project's words, built only from the record's own facts. ``count_of``:
    what the only counts known are of, where not the whole camp ("one camp division").
    ``work_from_map``: the economy is the map's one category for the camp (a filtration camp
    filed under factory building), said as the map's, not as what the camp did."""
    first, last = year_span(dates)
    where = f" in {region} ({country})" if region and region != country else f" in {country}"
    if kind == "nkvd-special-camp":
        where = ""
    if organised:  # the dates are those of the orders and papers: no "open"
        hedge = {"no": "", "apparently not": "apparently ", "perhaps not": "perhaps "}[organised]
        when = f"on record in {first}" if last == first else f"on record {first}-{last}"
        when += f", {hedge}never organised" if hedge else " but never organised"
    elif how == "map-years":
        when = f"shown on the museum's map from {first} to {last}"
    elif how == "attested":
        when = f"open from {first}, last attested on {naming.long_date(op.attested)} (closing date unknown)"
    elif last == 9999:
        when = f"open from {first}" + (f" and still running on {naming.long_date(op.attested)}" if op.attested else "")
    elif breaks:
        after = " and ".join(naming.long_date(d) for d in breaks)
        when = f"open {first}-{last}, with {'a break' if len(breaks) == 1 else 'breaks'} after {after}"
    elif how == "last-count":  # the last year the map shows it; "counted" only where it has a count
        when = f"open from {first}, last {'counted' if counts else 'shown on the map'} in {last}"
    else:
        when = f"open {first}" if first == last else f"open {first}-{last}"
    work = ""
    if economy:
        listed = ", ".join(economy)
        work = f"; the map files its work under '{listed}'" if work_from_map else f"; main work: {listed}"
    peak = ""
    if counts:
        year = max(counts, key=lambda y: (counts[y], -y))
        peak = f"; at most {counts[year]:,} prisoners counted ({year})"
        if count_of:
            peak = f"; {counts[year]:,} prisoners counted in {count_of} ({year}), none for the whole camp"
    return f"{TYPE_WORDS[kind]}{where}, {when}{work}{peak}."


# Camps whose first point in the map data lies far from the headquarters the data's own text names,
# where the data gives that very place's point for another camp: the camp takes that point, and its
# note (regions.py) says why. Camp id -> the id of that location in camp-locations.sql.
RIGHT_POINT: dict[str, int] = {
    "solikamlag": 64,  # the workers' settlement of Borovsk, now in Solikamsk
    **dict.fromkeys(("complex-no-6-itl", "construction-site-no-665-and-itl", "construction-site-no-896-and-itl"),
                    140),  # the city of Leninabad (now Khujand)
}


def camp_record(camp: gulagmap.Camp, ident: str, name: str, kind: str, dates: str, how: str,
                op: gulagmap.Operation, hq: gulagmap.Point) -> dict[str, Any]:
    country = country_of(camp)
    economy = [camp.activity.lower()] if camp.activity else []
    record: dict[str, Any] = {
        "id": ident, "name": name, "names": naming.aliases(camp, name), "cyrillic": camp.title_ru,
        "kind": "camp", "camp_type": kind, "dates": dates,
        "area": camp.region or None, "country": country,
        "lat": round(hq.lat, 5), "lon": round(hq.lon, 5),
        "economy": economy,
        "summary": summary_of(name, kind, camp.region, country, dates, how, op, economy, camp.counts),
        "sources": sources_of(kind),
    }
    return {k: v for k, v in record.items() if v not in (None, [], "")}


def sources_of(kind: str) -> list[str]:
    return [DATASET] if kind in BEYOND_HANDBOOK else [DATASET, HANDBOOK]


def figures_of(ident: str, name: str, kind: str, counts: dict[int, int],
               days: dict[int, str]) -> list[dict[str, Any]]:
    """A figure per yearly count, dated to the day where the camp's own text gives it (``days``)."""
    return [
        {"id": f"{ident}-prisoners-{year}", "what": f"prisoners held in {name}", "value": value,
         "unit": "prisoners", "date": days.get(year, str(year)),
         "reported_by": MAP_ONLY if kind in BEYOND_HANDBOOK else REPORTED_BY,
         "place": ident, "series": "camp-population", "sources": sources_of(kind)}
        for year, value in sorted(counts.items())
    ]


def build(source: Path, report: Counter[str]) -> tuple[list[dict[str, Any]], list[dict[str, Any]], dict[int, str], dict[str, str], dict[str, Any]]:
    """The camp places and count figures, and which dataset camp became which place id."""
    camps = gulagmap.read(source, report)
    places: list[dict[str, Any]] = []
    figures: list[dict[str, Any]] = []
    taken: set[str] = set(naming.MERGE.values())
    ids: dict[int, str] = {}
    dates_from: dict[str, str] = {}
    facts: dict[str, Any] = {}
    kept: list[tuple[gulagmap.Camp, str, str, str, str, gulagmap.Operation]] = []
    for camp in camps:
        kind = TYPES.get(camp.type_id or 0)
        if kind is None:
            report["skipped: no type, or a special settlement"] += 1
            continue
        if camp.id in NOT_SPECIAL:
            kind = "other"
        dates, how, op = dates_of(camp)
        if dates is None:
            report["skipped: no date and no year on the map"] += 1
            continue
        first, last = year_span(dates)
        if last == 9999 and op.attested:
            # "Still running on 1 December 1941", and no later year on the map: its known life
            # ends there, whatever the open end says.
            last = max([int(op.attested[:4]), *presence_years(camp)])
        if last < PERIOD[0] or first > PERIOD[1]:
            report["skipped: closed before 1945"] += 1
            continue
        if not camp.points:
            report["skipped: no usable point"] += 1
            continue
        if country_of(camp) not in USSR_AND_GERMANY:
            report["skipped: outside the USSR and Germany"] += 1
            continue
        kept.append((camp, kind, dates, how or "", "", op))
    located = {point.location: point for camp in camps for point in camp.points}
    for camp, kind, dates, how, _, op in kept:
        first, last = year_span(dates)
        stray = {y for y in camp.counts if y < first - 1 or y > last + 1}
        if stray and how in ("text", "two-periods"):
            # A count years away from the camp's stated dates belongs to another camp of the
            # same name in the dataset's linking: left out rather than misattributed.
            report["counts outside the camp's dates (left out)"] += len(stray)
            camp.counts = {y: v for y, v in camp.counts.items() if y not in stray}
        name = naming.english_name(camp)
        ident = naming.MERGE.get(camp.id) or naming.unique_id(naming.slug(name), dates, taken)
        taken.add(ident)
        ids[camp.id] = ident
        dates_from[ident] = how
        facts[ident] = (camp, kind, op)
        hq = located[RIGHT_POINT[ident]] if ident in RIGHT_POINT else camp.points[0]
        places.append(camp_record(camp, ident, name, kind, dates, how, op, hq))
        days = gulagmap.count_days(camp.description_ru, camp.counts)
        figures.extend(figures_of(ident, name, kind, camp.counts, days))
    _disambiguate(places, set(naming.MERGE.values()))
    names = {p["id"]: p["name"] for p in places}
    for camp, kind, _dates, how, _, op in kept:
        history = [{**h, "sources": sources_of(kind)} for h in naming.history(camp, ids, camps, names)]
        again = gulagmap.second_period(camp.description_ru) if how == "two-periods" else None
        if again is not None and op.closed:
            history = sorted(history + [
                {"date": op.closed, "change": "closed", "place": None, "note": "first period ends",
                 "sources": sources_of(kind)},
                {"date": again[0], "change": "opened", "place": None, "note": "opened again",
                 "sources": sources_of(kind)},
            ], key=lambda h: h["date"])
        if history:
            next(p for p in places if p["id"] == ids[camp.id])["history"] = history
    report["camps kept"] = len(places)
    report["yearly counts kept"] = len(figures)
    return places, figures, ids, dates_from, facts


def _disambiguate(places: list[dict[str, Any]], keep: set[str]) -> None:
    """Camps that share a name are told apart by their years, as historians do ("Berezovlag
    (1954-1956)"); a place the store already had keeps its name."""
    by_name: dict[str, list[dict[str, Any]]] = {}
    for place in places:
        by_name.setdefault(place["name"].casefold(), []).append(place)
    for group in by_name.values():
        if len(group) < 2:
            continue
        taken = {n.casefold() for p in group if p["id"] in keep for n in [p["name"], *p.get("names", [])]}
        for place in group:
            if place["id"] in keep:
                continue
            # Names the store's own camp answers to stay that camp's ("Горлаг" is Gorlag).
            place["names"] = [n for n in place.get("names", []) if n.casefold() not in taken]
            first, last = year_span(place["dates"])
            span = f"from {first}" if last == 9999 else (str(first) if first == last else f"{first}-{last}")
            place["name"] = f"{place['name']} ({span})"


def outside_dates(store: dict[str, Any], report: Counter[str]) -> None:
    """A count dated more than a month before a camp's recorded opening or after its closing
    says so in its note, so that the camp's largest count does not read as a contradiction."""
    dated = {p["id"]: p["dates"].split("/") for p in store["places"] if p.get("kind") == "camp" and p.get("dates")}
    month = timedelta(days=31)
    for fig in store["figures"]:
        bounds = dated.get(fig.get("place") or "")
        if fig.get("series") != "camp-population" or bounds is None or fig.get("note") or len(fig["date"]) != 10:
            continue
        day = date.fromisoformat(fig["date"])
        opened, closed = (date.fromisoformat(b) if len(b) == 10 else None for b in (bounds[0], bounds[-1]))
        if opened and day < opened - month:  # a year, a month, uncertain or open bound: not compared
            fig["note"] = f"Dated before the camp's recorded opening ({naming.long_date(bounds[0])})."
        elif closed and day > closed + month:
            fig["note"] = f"Dated after the camp's recorded closing ({naming.long_date(bounds[-1])})."
        else:
            continue
        report["counts dated outside their camp's dates (noted)"] += 1


COUNT_NOTE = "Count for "


def count_notes(store: dict[str, Any], facts: dict[str, Any], report: Counter[str]) -> None:
    """Where the map's yearly count for a year is none of the counts its own description dates to
    that year, a note gives both: the yearly number may be another day's, or another place's."""
    figures = {f["id"]: f for f in store["figures"]}
    for place in store["places"]:
        if place["id"] not in facts:
            continue
        camp = facts[place["id"]][0]
        notes = [n for n in place.get("notes", []) if not n["text"].startswith(COUNT_NOTE)]
        for year, said in sorted(gulagmap.unmatched_counts(camp.description_ru, camp.counts).items()):
            figure = figures.get(f"{place['id']}-prisoners-{year}")
            if figure is None or figure["date"] != str(year):  # left out, or dated by the research
                continue
            if any(f"{figure['value']:,}" in n["text"] and f"{said[0][1]:,}" in n["text"] for n in notes):
                continue  # the cross-check's own note gives both already
            days = " and ".join(f"{value:,} on {day}" for day, value in said)
            notes.append({"kind": "discrepancy", "sources": [DATASET], "text": (
                f"{COUNT_NOTE}{year}: the map data's yearly counts give {figure['value']:,}; its description "
                f"of the camp gives {days}, and not {figure['value']:,}.")})
            report["notes: a yearly count the camp's own description does not give"] += 1
        if notes or "notes" in place:
            place["notes"] = notes


def main(argv: list[str] | None = None) -> int:
    args = apply.arguments(__doc__, argv)
    report: Counter[str] = Counter()
    places, figures, ids, dates_from, facts = build(args.source, report)
    store = json.loads(args.store.read_text(encoding="utf-8"))
    here = Path(__file__).parent
    apply.merge(store, places, figures, SOURCES, report, set(naming.MERGE.values()))
    alias = apply.crosscheck(store, here / "crosscheck.json", report, ids, dates_from)
    apply.regions(store, here / "regions.json", report)  # the modern region and country, before summaries
    count_notes(store, facts, report)
    merged = set(naming.MERGE.values())
    checked = json.loads((here / "crosscheck.json").read_text(encoding="utf-8"))["camps"]
    count_of = {alias.get(c["id"], c["id"]): c["count_of"] for c in checked if c.get("count_of")}
    counted: dict[str, dict[int, int]] = {}  # each camp's counts by year: the map's, less plans, and the research's
    for fig in store["figures"]:
        if fig.get("series") == "camp-population" and fig.get("place") and not fig.get("approximate"):
            year = int(fig["date"][:4])
            years = counted.setdefault(fig["place"], {})
            years[year] = max(fig["value"], years.get(year, 0))
    for place in store["places"]:
        if place["id"] in facts and place["id"] not in merged:
            camp, kind, op = facts[place["id"]]
            # The modern region where regions.json gives one, else the dataset's broad area.
            where = place.get("region") or camp.region
            kind = place.get("camp_type", kind)  # as the cross-check leaves it (an LO the map calls an ITL)
            maps_category = [camp.activity.lower()] if camp.activity else []
            place["summary"] = summary_of(place["name"], kind, where, place["country"], place["dates"],
                                          dates_from[place["id"]], op, place.get("economy", []),
                                          counted.get(place["id"], {}),
                                          breaks_of(place.get("history", [])), place.get("organised"),
                                          count_of.get(place["id"]),
                                          place.get("economy", []) == maps_category)
    names = {p["id"]: p["name"] for p in store["places"]}
    # A filtration camp's counts are of the people it was screening ("фильтранты"), not of
    # sentenced prisoners: "people held".
    screened = {p["id"] for p in store["places"] if p.get("camp_type") == "filtration-camp"}
    for fig in store["figures"]:
        if fig.get("series") == "camp-population" and fig.get("place") in names:
            held = "people" if fig["place"] in screened else "prisoners"
            fig["what"] = f"{held} held in {names[fig['place']]}"
    outside_dates(store, report)
    apply.series(store, here / "series.json", report)
    apply.camp_events(store, here / "camp-events.json", report, alias)
    apply.link_events(store, report)
    apply.finish(args, store, report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

