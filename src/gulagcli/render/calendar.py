"""iCalendar (RFC 5545) for calendar apps: short events as all-day spans, long ones as markers.

A calendar is a view of days, so an event the store dates only to a year, or one that lasted
years, must not lie across hundreds of the user's days. Every entry written here spans at most
:data:`MAX_DAYS` days: a longer event becomes one-day entries on its first and last known days.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any

from ..dates import display, open_end, open_start
from ..models import Event, Store
from .details import source_line
from .output import UNVERIFIED
from .records import source_record
from .safe import terminal
from .spans import known_bounds, open_ended

MAX_DAYS = 92  # a season: a 41-day uprising stays a span, a year-only date becomes a marker
_DEFAULT_STAMP = datetime(2000, 1, 1, tzinfo=UTC)


def ics_stamp(version: str) -> datetime:
    """DTSTAMP from the store's version when it is a date (2026.11.28), so output is stable."""
    for pattern in ("%Y.%m.%d", "%Y-%m-%d"):
        try:
            return datetime.strptime(version, pattern).replace(tzinfo=UTC)
        except ValueError:
            pass
    return _DEFAULT_STAMP


def one_line(text: str) -> str:
    """A title as one line: a newline in a store title must not split or break a SUMMARY, and
    a control character (which RFC 5545 forbids in TEXT) is a visible escape, as on a terminal."""
    return terminal(" ".join(text.split()))


def summary(ev: Event, *, dated: bool = False) -> str:
    """The title with the markers a listing shows: the date when it is c. or ? (or ``dated``),
    and † when it is not yet confirmed by an independent reference."""
    text = one_line(ev.title)
    if dated or ev.date.approximate or ev.date.uncertain:
        text += f" ({display(ev.date.edtf)})"
    return text + ("" if ev.verified else " †")


def entries(ev: Event) -> list[tuple[str, str, date, date]]:
    """(uid, summary, first day, last day) of each calendar entry an event becomes."""
    start, end = known_bounds(ev.date)
    if (end - start).days < MAX_DAYS and not open_ended(ev.date):
        return [(f"{ev.id}@gulag", summary(ev), start, end)]
    title = summary(ev, dated=True)
    if ev.date.interval and not open_ended(ev.date):
        # ".end": no id has a dot, so this UID is never another event's (an id "x-end" can exist).
        return [(f"{ev.id}@gulag", f"Begins: {title}", start, start),
                (f"{ev.id}.end@gulag", f"Ends: {title}", end, end)]
    # One date known only to its year or decade, or an interval with an open end: one marker
    # on the day it is known from (or, for an open start, the day it is known to have ended).
    day = end if open_start(ev.date) else start
    return [(f"{ev.id}@gulag", title, day, day)]


def ics(store: Store, events: Sequence[Event]) -> tuple[str, int]:
    """The calendar and how many entries it holds."""
    from icalendar import Calendar, vText
    from icalendar import Event as VEvent

    cal = Calendar()
    cal.add("prodid", "-//gulag//gulag export//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    name = one_line(store.meta.name)
    cal.add("name", vText(name))  # RFC 7986
    cal.add("x-wr-calname", vText(name))  # what Apple, Google and Thunderbird read; escaped like NAME
    stamp = ics_stamp(store.meta.version or "")
    count = 0
    for ev in events:
        description = _description(store, ev)
        extra = _url_and_geo(store, ev)
        for uid, title, first, last in entries(ev):
            item = VEvent()
            item.add("uid", uid)
            item.add("dtstamp", stamp)
            item.add("dtstart", first)
            if last < date.max:
                item.add("dtend", last + timedelta(days=1))  # DTEND of an all-day event is exclusive
            else:  # 9999-12-31 has no day after it to end on
                item.add("duration", timedelta(days=(last - first).days + 1))
            item.add("summary", title)
            item.add("description", description)
            places = [one_line(p.name) for pid in ev.places if (p := store.places.get(pid))]
            if places:
                item.add("location", "; ".join(places))
            if ev.tags:
                item.add("categories", list(ev.tags))
            for key, value in extra.items():
                item.add(key, value)
            cal.add_component(item)
            count += 1
    return cal.to_ical().decode("utf-8"), count


def _url_and_geo(store: Store, ev: Event) -> dict[str, Any]:
    """URL: the first source with one; GEO: the first place with coordinates (lat;lon)."""
    out: dict[str, Any] = {}
    url = next((s.url for sid in ev.sources if (s := store.sources.get(sid)) and s.url), None)
    if url and url.startswith(("https://", "http://")):
        from urllib.parse import quote

        # RFC 5545's URI value is RFC 3986's: a Cyrillic path is written percent-encoded.
        out["url"] = quote(url, safe=":/?#[]@!$&'()*+,;=%~")
    place = next((p for pid in ev.places if (p := store.places.get(pid)) and p.lat is not None
                  and p.lon is not None), None)
    if place is not None:
        out["geo"] = (place.lat, place.lon)
    return out


def _description(store: Store, ev: Event) -> str:
    d = ev.date
    start, end = known_bounds(d)
    qualifiers = [q for q, on in (("approximate", d.approximate), ("uncertain", d.uncertain)) if on]
    about = ", ".join([*qualifiers, *(["open-ended"] if open_ended(d) else []), f"EDTF {d.edtf}"])
    lines = [terminal(ev.summary, newlines=True), "", f"Date: {display(d.edtf)} ({about})."]
    if (end - start).days >= MAX_DAYS:
        lines.append(f"It covers {start} to {end}; the calendar marks only the day it begins and, when "
                     f"known, the day it ends, rather than fill {(end - start).days + 1} days.")
    if qualifiers:
        widest_lo = start if open_start(d) else d.earliest
        widest_hi = end if open_end(d) else d.latest
        lines.append(f"The entry covers the strict bounds, {start} to {end}; the date may lie "
                     f"anywhere from {widest_lo} to {widest_hi}.")
    if ev.description:
        lines += ["", terminal(ev.description, newlines=True)]
    if not ev.verified:
        lines += ["", f"† {UNVERIFIED.capitalize()}."]
    sources = [terminal(source_line(source_record(s))) for sid in ev.sources if (s := store.sources.get(sid))]
    if sources:
        lines += ["", "Sources:", *(f"- {s}" for s in sources)]
    return "\n".join(lines)
