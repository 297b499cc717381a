"""The columns of each listing, shared by the table, plain and CSV outputs."""

from __future__ import annotations

from .output import CSV_ONLY, PLAIN_CSV, TABLE_ONLY, Column, Listing
from .records import Record


def _names(key: str, field: str = "name") -> Column:
    return Column(key, lambda r: [x[field] for x in r[key]], ratio=1, label=key.capitalize())


def _date_style(r: Record) -> str:
    d = r["date"]
    return "yellow" if d["approximate"] or d["uncertain"] else ""


def _title_mark(r: Record) -> str:
    return r["title"] + ("" if r["verified"] else " †")


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
        notes.append("† = reported only by the exhibit panel; not confirmed by an independent reference")
    return Listing(records, EVENT_COLUMNS, title=title, notes=notes)


HIT_COLUMNS = [Column("score", lambda r: f"{r['score']:g}", label="Score"), *EVENT_COLUMNS]


def hits_listing(records: list[Record]) -> Listing:
    listing = events_listing(records)
    return Listing(records, HIT_COLUMNS, notes=listing.notes)
