"""Read and clean the Gulag History Museum's camp-map seed files (see camps.py).

Stdlib only. The files are PostgreSQL INSERT statements; they load into an in-memory SQLite
database once their trailing ``SELECT setval(...)`` lines are dropped. Everything that the
source's README names as a defect is removed here, and counted, so the importer can say
what it dropped: placeholder points, coordinates written as strings, test values, counts
of 0 or null that mean "not known", duplicate records, whitespace inside titles.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

PLACEHOLDER_POINTS = {(90.0, 62.0)}  # where the map put a camp it could not place
TEST_VALUES = {123456, 456789, 654321, 999999, 111111}
MAX_PLAUSIBLE = 250_000  # the largest camp ever recorded held about 200,000 (Bamlag, 1938)

# Rough boxes: the former USSR (Chukotka runs past 180°) and Germany.
USSR_BOX = (35.0, 82.0, 19.0, 180.0)
GERMANY_BOX = (47.2, 55.1, 5.8, 15.1)

TABLES = """
create table camps (id integer, title text, sub_titles text, description text, published text,
  type_id integer, activity_id integer, region_id integer, notes text, created_at text, updated_at text);
create table camp_locations (id integer, geom text, description text, order_index integer, camp_id integer);
create table camp_statistics (id integer, year integer, prisoners_count integer, location_id integer);
create table camp_types (id integer, title text, description text);
create table camp_regions (id integer, title text);
create table camp_activities (id integer, title text);
"""
FILES = ("camps.sql", "camp-locations.sql", "camp-statistics.sql", "camp-types.sql",
         "camp-regions.sql", "camp-activities.sql")


@dataclass
class Point:
    lat: float
    lon: float
    place_en: str
    place_ru: str
    order: int
    location: int = 0  # its id in camp-locations.sql


@dataclass
class Camp:
    id: int
    type_id: int | None
    title_en: str
    title_ru: str
    subs_en: list[str]
    subs_ru: list[str]
    description_ru: str
    activity: str | None
    region: str | None
    points: list[Point]
    counts: dict[int, int]  # year -> prisoners, over all the camp's points
    present: set[int] = field(default_factory=set)  # years the map shows it, a count known or not


def clean_text(text: str | None) -> str:
    """Whitespace and newlines inside titles folded; HTML non-breaking spaces made plain."""
    return " ".join((text or "").replace("&nbsp;", " ").replace("\u00a0", " ").split())


def _json(text: str | None) -> dict[str, str]:
    try:
        value = json.loads(text or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _split(names: str) -> list[str]:
    """A camp's other names, written with commas between them. A piece that starts "POB" (post
    office box) ends the name before it: "ITL and SMU, POB 26" is one name, as the Russian beside
    it ("ИТЛ и СМУ почтовый ящик 26") and the same title written without the comma show."""
    out: list[str] = []
    for name in (n for n in (clean_text(x) for x in names.split(",")) if n):
        if out and name.startswith("POB"):
            out[-1] = f"{out[-1]} {name}"
        else:
            out.append(name)
    return out


def connect(folder: Path) -> sqlite3.Connection:
    db = sqlite3.connect(":memory:")
    db.executescript(TABLES)
    for name in FILES:
        lines = (folder / name).read_text(encoding="utf-8").splitlines()
        db.executescript("\n".join(line for line in lines if not line.startswith("SELECT setval")))
    return db


def inside(lat: float, lon: float) -> bool:
    return any(lo_lat <= lat <= hi_lat and lo_lon <= lon <= hi_lon
               for lo_lat, hi_lat, lo_lon, hi_lon in (USSR_BOX, GERMANY_BOX)) or (lat > 60 and lon < -168)


def plausible(count: int | None) -> bool:
    """False for the values that stand for "not known" or were typed in to test the map."""
    return count is not None and 0 < count <= MAX_PLAUSIBLE and count not in TEST_VALUES


def read(folder: Path, dropped: Counter[str]) -> list[Camp]:
    """Every camp of the dataset, cleaned; ``dropped`` counts what was removed and why."""
    db = connect(folder)
    regions = {i: _json(t).get("en", "") for i, t in db.execute("select id, title from camp_regions")}
    activities = {i: _json(t).get("en", "") for i, t in db.execute("select id, title from camp_activities")}
    stats: dict[int, dict[int, int]] = defaultdict(dict)
    years: dict[int, set[int]] = defaultdict(set)
    for loc, year, count in db.execute("select location_id, year, prisoners_count from camp_statistics order by id"):
        years[loc].add(year)
        if not plausible(count):
            dropped["count 0, null or test value"] += 1
            continue
        stats[loc][year] = count
    points: dict[int, list[Point]] = defaultdict(list)
    seen: set[tuple[int, float, float]] = set()
    present: dict[int, set[int]] = defaultdict(set)
    located: dict[int, dict[int, int]] = defaultdict(dict)  # camp -> year -> largest count
    for loc, geom, desc, order, camp in db.execute(
            "select id, geom, description, order_index, camp_id from camp_locations order by camp_id, order_index, id"):
        # A location's counts belong to its camp even where the point itself is unusable. Two
        # locations of one camp in a year are the same prisoners counted where the headquarters
        # moved (or a duplicate location): keep the larger count, never add them up.
        present[camp] |= years.get(loc, set())
        for year, count in stats.get(loc, {}).items():
            located[camp][year] = max(count, located[camp].get(year, 0))
        try:
            lon, lat = (float(str(c).strip()) for c in json.loads(geom)["coordinates"])
        except (ValueError, KeyError, TypeError):
            dropped["unreadable point"] += 1
            continue
        if (lon, lat) in PLACEHOLDER_POINTS:
            dropped["placeholder point"] += 1
            continue
        if not inside(lat, lon):
            dropped["point outside the USSR and Germany"] += 1
            continue
        key = (camp, round(lat, 3), round(lon, 3))
        if key in seen:
            dropped["duplicate point"] += 1
            continue
        seen.add(key)
        where = _json(desc)
        points[camp].append(Point(lat, lon, clean_text(where.get("en")), clean_text(where.get("ru")), order or 0, loc))
    camps: dict[int, Camp] = {}
    for row in db.execute("select id, title, sub_titles, description, type_id, activity_id, region_id from camps"):
        ident, title, subs, desc, type_id, activity, region = row
        if ident in camps:
            dropped["duplicate camp record"] += 1
            continue
        t, s = _json(title), _json(subs)
        counts = located.get(ident, {})
        camps[ident] = Camp(
            id=ident, type_id=type_id, title_en=clean_text(t.get("en")), title_ru=clean_text(t.get("ru")),
            subs_en=_split(s.get("en", "")), subs_ru=_split(s.get("ru", "")),
            description_ru=(_json(desc).get("ru") or "").replace("&nbsp;", " "),
            activity=activities.get(activity) or None, region=regions.get(region) or None,
            points=sorted(points.get(ident, []), key=lambda p: p.order), counts=dict(sorted(counts.items())),
            present=present.get(ident, set()),
        )
    return list(camps.values())


RU_MONTHS = (("январ", 1), ("феврал", 2), ("март", 3), ("апрел", 4), ("июн", 6), ("июл", 7),
             ("август", 8), ("сентябр", 9), ("октябр", 10), ("ноябр", 11), ("декабр", 12), ("ма", 5))
_MONTH = r"январ[ьяе]|феврал[ьяе]|март[аеу]?|апрел[ьяе]|ма[йяе]|июн[ьяе]|июл[ьяе]|август[аеу]?|сентябр[ьяе]|октябр[ьяе]|ноябр[ьяе]|декабр[ьяе]"
MENTION_RE = re.compile(
    rf"(?:(?P<day>\d{{1,2}})\s+)?(?P<month>{_MONTH})(?:\s+(?P<year>\d{{4}}))?(?![а-я])"
    rf"|(?:(?P<part>начал[ае]|конц[ае]|середин[ае]|второй половин[еы]|перв(?:ой|ую) половин[уеы])\s+)?(?P<bare>\d{{4}})(?=\s*(?:год|г\.|$|[,;)]))",
    re.I,
)
OPENED_RE = re.compile(r"организован|создан|образован|основан|выделен|учрежден|открыт(?!ия)|появил|возник|действовал\w*\s+с|существовал\w*\s+с", re.I)
UNCERTAIN_RE = re.compile(r"(не позднее|не ранее|не позже|предположительно|вероятно|между|примерно|около)\s*$", re.I)
ATTESTED_RE = re.compile(r"(по меньшей мере|по крайней мере|как минимум),?\s+(до|по)\s*$", re.I)
CLOSED_RE = re.compile(r"(?<![а-я])(до|по)\s*$", re.I)


@dataclass
class Mention:
    start: int
    end: int
    year: int | None
    month: int | None
    day: int | None


def month_of(word: str) -> int:
    word = word.lower()
    return next(number for stem, number in RU_MONTHS if word.startswith(stem))


def mentions(text: str) -> list[Mention]:
    """The dates in a Russian sentence, a missing year taken from the next date that has one
    ("с 27 января по 17 ноября 1931 года")."""
    found = []
    for m in MENTION_RE.finditer(text):
        if m["bare"]:
            found.append(Mention(m.start(), m.end(), int(m["bare"]), None, None))
        else:
            found.append(Mention(m.start(), m.end(), int(m["year"]) if m["year"] else None,
                                 month_of(m["month"]), int(m["day"]) if m["day"] else None))
    for i, mention in enumerate(found):
        if mention.year is None:
            later = next((x.year for x in found[i + 1:] if x.year is not None), None)
            if later is None or found[i + 1].start - mention.end > 40:
                mention.year = None
            else:
                mention.year = later
    return [m for m in found if m.year is not None and 1918 <= m.year <= 1970]


COUNT_ON_RE = re.compile(
    rf"(?<![а-яё])(?:по состоянию )?на\s+(?P<day>\d{{1,2}})\s+(?P<month>{_MONTH})\s+(?P<year>\d{{4}})"
    rf"(?P<between>[^.;]{{0,140}}?)"
    rf"(?<![\d\s])\s*(?P<count>\d{{1,3}}(?:[ \u00a0]\d{{3}})*)\s+(?:человек|заключ|чел\.)",
    re.I,
)


def text_counts(description: str) -> dict[int, list[tuple[str, int]]]:
    """Every count the description dates to a day ("На 1 июля 1946 года в лагере находилось
    3 469 человек"), in its order: year -> [(EDTF day, count)]."""
    said: dict[int, list[tuple[str, int]]] = {}
    for m in COUNT_ON_RE.finditer(description or ""):
        year, value = int(m["year"]), int(re.sub(r"\D", "", m["count"]))
        day = edtf_of(Mention(m.start(), m.end(), year, month_of(m["month"]), int(m["day"])))
        said.setdefault(year, []).append((day, value))
    return said


def count_days(description: str, counts: dict[int, int]) -> dict[int, str]:
    """The day the description gives for a count the map files under its year only (3 469 on
    1 July 1946, filed as 1946: 3469): year -> EDTF day. Only where the number is the map's own
    count for that year, the first such day."""
    return {year: next(day for day, value in said if value == counts[year])
            for year, said in text_counts(description).items() if counts.get(year) in {v for _, v in said}}


NUMBER_RE = re.compile(r"\d{1,3}(?:[ \u00a0]\d{3})+|\d+")  # "14 900", "3469"


def unmatched_counts(description: str, counts: dict[int, int]) -> dict[int, list[tuple[str, int]]]:
    """The years whose yearly count the description never gives, though it dates others to that
    year: year -> the description's own (day, count). The yearly number's day is then unknown.
    A count the description gives in words the day pattern does not read ("from 1 to 10 January
    1945 ... 14 900") is given, not missing."""
    said = text_counts(description)
    anywhere = {int(re.sub(r"\D", "", n)) for n in NUMBER_RE.findall(description or "")}
    return {year: said[year] for year, value in counts.items()
            if year in said and value not in {v for _, v in said[year]} and value not in anywhere}


def edtf_of(m: Mention, qualifier: str = "") -> str:
    """The mention as EDTF; a day the month does not have (a slip in the source) is dropped."""
    text = f"{m.year:04d}"
    if m.month:
        text += f"-{m.month:02d}"
        if m.day and 1 <= m.day <= _days(m.year or 2000, m.month):
            text += f"-{m.day:02d}"
    return text + qualifier


def _days(year: int, month: int) -> int:
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


@dataclass
class Operation:
    opened: str | None = None
    closed: str | None = None  # None: not stated; "..": still open when last attested
    attested: str | None = None  # "at least until" this date


def operation(description: str) -> Operation:
    """Opening and closing dates as the description's first paragraph states them."""
    paragraphs = [p for p in description.split("\n") if p.strip() and not p.lstrip().startswith("#")]
    first = paragraphs[0] if paragraphs else ""
    # Dates inside brackets are asides ("(с 1954 года – Степной ИТЛ)"), not the opening.
    found = [m for m in mentions(first) if first[:m.start].count("(") <= first[:m.start].count(")")]
    result = Operation()
    if not found:
        return result
    opening = next((m for m in found if OPENED_RE.search(first[max(0, m.start - 60):m.start])
                    or OPENED_RE.search(first[m.end:m.end + 30])), found[0])
    before = first[max(0, opening.start - 40):opening.start]
    uncertain = UNCERTAIN_RE.search(before)
    rest = [m for m in found if m.start > opening.end]
    if uncertain and uncertain[1].lower() == "между" and rest:
        # "between A and B": keep what both ends share, else A as uncertain
        other = rest.pop(0)
        if (opening.year, opening.month) == (other.year, other.month) and opening.month:
            result.opened = f"{opening.year:04d}-{opening.month:02d}"
        elif opening.year == other.year:
            result.opened = f"{opening.year:04d}"
        else:
            result.opened = edtf_of(opening, "?")
    else:
        result.opened = edtf_of(opening, "?" if uncertain else "")
    for m in rest:
        gap = first[opening.end:m.start]
        if len(gap) > 220:
            break
        lead = first[max(opening.end, m.start - 40):m.start]
        if ATTESTED_RE.search(lead):
            result.attested, result.closed = edtf_of(m), ".."
            break
        if CLOSED_RE.search(lead):
            qual = "?" if UNCERTAIN_RE.search(first[max(0, m.start - 25):m.start]) else ""
            result.closed = edtf_of(m, qual)
            break
    if result.closed is None:
        result.closed = _closing_elsewhere(paragraphs)
    return result


RAN_UNTIL_RE = re.compile(r"(действовал\w*|существовал\w*)\s+(?=до\s)", re.I)  # "...действовал до 16 октября 1951 года"
CAMP_RE = re.compile(r"лагер|лаг(?![а-я])", re.I)  # "лагерь", or a camp's own name: "Мослеслаг"
SHUT_RE = re.compile(r"(закрыт|ликвидирован|расформирован|упразднен|прекратил\w* существование)", re.I)


def _closing_elsewhere(paragraphs: list[str]) -> str | None:
    """A closing stated later on: "лагерь был закрыт 25 июня 1953 года", or the date first:
    "3 марта 1948 года Соликамский лагерь был закрыт"."""
    for paragraph in paragraphs:
        for sentence in re.split(r"(?<=[.!?])\s+", paragraph):
            shut = SHUT_RE.search(sentence) or RAN_UNTIL_RE.search(sentence)
            if not shut or "не " + shut[1] in sentence:
                continue
            found = mentions(sentence)
            after = [m for m in found if m.start > shut.start() and m.start - shut.end() < 40]
            # A date before the verb only where the sentence opens with it and names the camp:
            # "3 марта 1948 года Соликамский лагерь был закрыт".
            before = [m for m in found[:1] if m.start < 3 and m.end <= shut.start()
                      and shut.start() - m.end < 60 and CAMP_RE.search(sentence[m.end:shut.start()])]
            pick = after[0] if after else (before[-1] if before else None)
            if pick is not None:
                lead = sentence[max(0, pick.start - 25):pick.start]
                return edtf_of(pick, "?" if UNCERTAIN_RE.search(lead) else "")
    return None


AGAIN_RE = re.compile(r"затем,?\s+с\s+", re.I)


def second_period(description: str) -> tuple[str, str] | None:
    """A camp that closed and opened again: "... по январь 1949 года и, затем, с июня 1951 года
    по 29 апреля 1953 года" gives the second period's (start, end)."""
    paragraphs = [p for p in description.split("\n") if p.strip()]
    if not paragraphs:
        return None
    first = paragraphs[0]
    again = AGAIN_RE.search(first)
    if again is None:
        return None
    found = [m for m in mentions(first) if m.start >= again.end()]
    if len(found) < 2 or not CLOSED_RE.search(first[found[0].end:found[1].start]):
        return None
    return edtf_of(found[0]), edtf_of(found[1])
