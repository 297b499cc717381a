"""The columns of each listing, shared by the table, plain and CSV outputs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .output import CSV_ONLY, PLAIN_CSV, PLAIN_ONLY, TABLE_ONLY, UNORGANISED, UNVERIFIED, Column, Listing

if TYPE_CHECKING:  # the type only: the record builders (dates, models) stay off the listing paths
    from .records import Record


def _names(key: str, field: str = "name") -> Column:
    return Column(key, lambda r: [x[field] for x in r[key]], ratio=1, label=key.capitalize())


def _date_style(r: Record) -> str:
    d = r["date"]
    return "yellow" if d["approximate"] or d["uncertain"] else ""


def _title_mark(r: Record) -> str:
    return str(r["title"]) + ("" if r["verified"] else " †")


EVENT_COLUMNS = [
    Column("Date", lambda r: r["date"]["display"], TABLE_ONLY, style=_date_style),
    Column("date", lambda r: r["date"]["edtf"], PLAIN_CSV),
    Column("start", lambda r: r["date"]["start"], CSV_ONLY),
    Column("end", lambda r: r["date"]["end"], CSV_ONLY),
    Column("display_date", lambda r: r["date"]["display"], CSV_ONLY),
    Column("id", lambda r: r["id"], PLAIN_CSV),
    Column("Event", _title_mark, TABLE_ONLY, style="bold", ratio=2),
    Column("title", lambda r: r["title"], PLAIN_CSV),
    _names("places"),
    Column("people", lambda r: [x["name"] for x in r["people"]], CSV_ONLY),
    Column("tags", lambda r: r["tags"], CSV_ONLY),
    Column("summary", lambda r: r["summary"], ratio=3, label="Summary"),
    Column("verified", lambda r: r["verified"], CSV_ONLY),
    Column("sources", lambda r: [s["id"] for s in r["sources"]], CSV_ONLY),
]


def events_listing(records: list[Record], *, title: str = "") -> Listing:
    notes = []
    if any(r["date"]["approximate"] or r["date"]["uncertain"] for r in records):
        notes.append("c. = approximate date, ? = uncertain date")
    if not all(r["verified"] for r in records):
        notes.append(f"† = {UNVERIFIED}")
    return Listing(records, EVENT_COLUMNS, title=title, notes=tuple(notes))


def _hit_when(r: Record) -> str:
    """The date a hit of any kind is placed at, as a historian writes it."""
    kind = r["kind"]
    if kind == "event" or (kind == "figure" and r["date"]):
        return str(r["date"]["display"])
    if kind == "person" and (r["born"] or r["died"]):
        return " – ".join(x["display"] if x else "?" for x in (r["born"], r["died"]))
    if kind == "source" and r.get("year"):
        return str(r["year"])
    return ""


def _hit_about(r: Record) -> str:
    """One line on what a hit is, whatever its kind."""
    kind = r["kind"]
    if kind == "event":
        return str(r["summary"])
    if kind == "place":
        where = ", ".join(x for x in (r["complex"], r["region"], r["country"]) if x)
        return str(r["summary"] or f"{r['place_type']}: {where}")
    if kind == "person":
        return str(r["summary"] or r["role"])
    if kind == "term":
        return str(r["definition"])
    if kind == "figure":
        return f"{amount(r)}, per {r['reported_by']}"
    return ", ".join(str(x) for x in (r.get("source_type"), r.get("author"), r.get("publisher")) if x)


def amount(r: Record) -> str:
    """A figure's number and unit as a sentence has them: "500–700 people", "1 person"."""
    unit = str(r["unit"])
    if r["display"].removeprefix("c. ") == "1" and unit:
        word, sep, rest = unit.partition(" ")  # "people per day": the counted word comes first
        word = _SINGULAR.get(word) or (word[:-3] + "y" if word.endswith("ies") else word.removesuffix("s"))
        unit = word + sep + rest
    return f"{r['display']} {unit}".rstrip()


_SINGULAR = {"people": "person", "series": "series"}  # others drop an "s" ("percent" has none)


HIT_COLUMNS = [
    Column("score", lambda r: f"{r['score']:g}", label="Score", labelled=True),
    Column("kind", lambda r: r["kind"], label="Kind"),
    Column("id", lambda r: r["id"], PLAIN_CSV),
    Column("name", lambda r: r["name"], ratio=2, label="Name", style="bold"),
    Column("date", _hit_when, label="Date"),
    Column("about", _hit_about, ratio=3, label="About"),
]


def hits_listing(records: list[Record]) -> Listing:
    events = [r for r in records if r["kind"] == "event"]
    return Listing(records, HIT_COLUMNS, notes=events_listing(events).notes)


def _count(r: Record) -> int:
    return len(r["events"])


def _peak(r: Record) -> int | None:
    return r["peak"]["value"] if r["peak"] else None


def _open(r: Record) -> str | None:
    """The table's Open column: the dates, and for a camp never set up, that it was not."""
    shown = r["dates"] and r["dates"]["display"]
    never = UNORGANISED.get(r["organised"] or "")
    return f"{shown or 'no dates'}; {never} organised" if never else shown


PLACE_COLUMNS = [
    Column("id", lambda r: r["id"]),
    Column("name", lambda r: r["name"], label="Place"),
    Column("Type", lambda r: r["camp_type"] or r["place_type"], TABLE_ONLY),
    Column("Open", _open, TABLE_ONLY),
    Column("complex", lambda r: r["complex"], ratio=1, label="Camp or complex"),
    Column("region", lambda r: r["region"], CSV_ONLY),
    Column("country", lambda r: r["country"], label="Country"),
    Column("lat", lambda r: r["lat"], PLAIN_CSV),
    Column("lon", lambda r: r["lon"], PLAIN_CSV),
    Column("Peak", lambda r: f"{_peak(r):,} ({r['peak']['year']})" if r["peak"] else "", TABLE_ONLY, labelled=True),
    Column("events", _count, label="Events", labelled=True),
    Column("camp_type", lambda r: r["camp_type"], PLAIN_CSV),
    Column("dates", lambda r: r["dates"] and r["dates"]["edtf"], PLAIN_CSV),
    Column("peak", _peak, PLAIN_CSV),
    Column("region", lambda r: r["region"], PLAIN_ONLY),  # plain's last: the columns before keep their places
    Column("peak_year", lambda r: r["peak"] and r["peak"]["year"], CSV_ONLY),
    Column("area", lambda r: r["area"], CSV_ONLY),
    # last, so the columns before keep their places: the camp was ordered but never set up
    Column("organised", lambda r: r["organised"], PLAIN_CSV),
]

PERSON_COLUMNS = [
    Column("id", lambda r: r["id"]),
    Column("name", lambda r: r["name"], label="Person"),
    Column("born", lambda r: r["born"] and r["born"]["edtf"], PLAIN_CSV),
    Column("died", lambda r: r["died"] and r["died"]["edtf"], PLAIN_CSV),
    Column("Life", lambda r: " – ".join(x["display"] if x else "?" for x in (r["born"], r["died"]))
           if r["born"] or r["died"] else "", TABLE_ONLY),
    Column("role", lambda r: r["role"], ratio=1, label="Role"),
    Column("events", _count, label="Events", labelled=True),
]

TERM_COLUMNS = [
    Column("id", lambda r: r["id"]),
    Column("term", lambda r: r["term"], label="Term"),
    Column("definition", lambda r: r["definition"], ratio=1, label="Definition"),
    Column("events", _count, label="Events", labelled=True),
]

TAG_COLUMNS = [
    Column("id", lambda r: r["id"]),
    Column("label", lambda r: r["label"], label="Tag"),
    Column("description", lambda r: r["description"], ratio=1, label="Description"),
    Column("events", lambda r: r["events"], label="Events", labelled=True),
]

FIGURE_COLUMNS = [
    Column("event", lambda r: r["event"], PLAIN_CSV),
    Column("event_title", lambda r: r["event_title"], ratio=2, label="Event"),
    Column("id", lambda r: r["id"], PLAIN_CSV),
    Column("Figure", amount, TABLE_ONLY, style="bold"),
    Column("value", lambda r: r["value"], PLAIN_CSV),
    Column("low", lambda r: r["low"], PLAIN_CSV),
    Column("high", lambda r: r["high"], PLAIN_CSV),
    Column("approximate", lambda r: r["approximate"], PLAIN_CSV),
    Column("unit", lambda r: r["unit"], PLAIN_CSV),
    Column("what", lambda r: r["what"], ratio=2, label="Counts"),
    Column("reported_by", lambda r: r["reported_by"], ratio=2, label="Reported by"),
    Column("date", lambda r: r["date"] and r["date"]["display"], label="As of"),
    Column("sources", lambda r: [s["id"] for s in r["sources"]], ratio=1, label="Sources"),
]

ANNIVERSARY_COLUMNS = [
    Column("Ago", lambda r: ago(r["years_ago"]), TABLE_ONLY, style="dim"),
    Column("years_ago", lambda r: r["years_ago"], PLAIN_CSV),
    *EVENT_COLUMNS,
]


def ago(years: int) -> str:
    """How long ago an anniversary's event was: "72 years ago", "1 year ago", "this year", or
    "in 3 years" when the day taken as today ($GULAG_TODAY) comes before it."""
    if years == 0:
        return "this year"
    n = abs(years)
    span = f"{n} year{'s' if n != 1 else ''}"
    return f"{span} ago" if years > 0 else f"in {span}"
