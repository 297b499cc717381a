"""The store in the formats other tools read: TimelineJS, iCalendar, GeoJSON, CSV and JSON.

Each serialiser takes the selected events and returns text; nothing here prints or touches a
terminal, and :func:`render_export` is the one place that picks a serialiser for a format.
"""

from __future__ import annotations

import html
import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from enum import Enum
from typing import Any

from ..dates import FIRST_DAY, LAST_DAY, OPEN, display, parse_edtf
from ..models import Event, HistDate, Place, Precision, Store
from .details import source_line
from .listings import events_listing
from .output import CSV_SAFE, CsvOptions, dumps, write_csv, write_json
from .records import Record, source_record
from .safe import web_url


class ExportFormat(str, Enum):
    TIMELINEJS = "timelinejs"
    ICS = "ics"
    GEOJSON = "geojson"
    CSV = "csv"
    JSON = "json"


@dataclass(frozen=True, slots=True)
class Export:
    text: str
    notes: list[str] = field(default_factory=list)  # for stderr: what was left out and why


def render_export(fmt: ExportFormat, store: Store, events: Sequence[Event], records: list[Record],
                  *, pretty: bool, csv: CsvOptions = CSV_SAFE) -> Export:
    """The selected events in ``fmt``; ``records`` are their ``event_record``s, in the same order."""
    if fmt is ExportFormat.TIMELINEJS:
        return Export(_dumps(timelinejs(store, events), pretty=pretty))
    if fmt is ExportFormat.ICS:
        return Export(ics(store, events))
    if fmt is ExportFormat.GEOJSON:
        collection, skipped = geojson(store, events)
        notes = []
        if skipped:
            names = ", ".join(f"{p.name} ({p.id})" for p in skipped)
            notes.append(f"skipped {len(skipped)} place{'s' if len(skipped) != 1 else ''} "
                         f"without coordinates: {names}")
        return Export(_dumps(collection, pretty=pretty), notes)
    out = io.StringIO()
    if fmt is ExportFormat.CSV:  # exactly `gulag timeline --format csv`
        write_csv(events_listing(records), out, csv)
    else:  # exactly `gulag timeline --json`
        write_json(records, out, pretty=pretty)
    return Export(out.getvalue())


def _dumps(data: Any, *, pretty: bool) -> str:
    return dumps(data, pretty=pretty) + "\n"  # controls and bidi characters as \\uXXXX


def _sides(d: HistDate) -> tuple[HistDate | None, HistDate | None]:
    """The two ends of an interval as dates of their own (None for an open end)."""
    if not d.interval:
        return d, None
    left, _, right = d.edtf.partition("/")
    return (None if left == OPEN else parse_edtf(left)), (None if right == OPEN else parse_edtf(right))


def known_bounds(d: HistDate) -> tuple[date, date]:
    """The strict first and last day, with an open end (``..``) replaced by the known one."""
    lo, hi = _sides(d)
    start = d.start if d.start != FIRST_DAY else (hi or d).start
    end = d.end if d.end != LAST_DAY else (lo or d).end
    return start, end


# --- TimelineJS -----------------------------------------------------------------------------


def _tl_date(d: HistDate, *, last: bool = False) -> dict[str, int]:
    """A TimelineJS date: year always, month and day only when the date knows them."""
    day = d.end if last else d.start
    out = {"year": day.year}
    if d.precision in (Precision.MONTH, Precision.DAY):
        out["month"] = day.month
    if d.precision is Precision.DAY:
        out["day"] = day.day
    return out


def _html(text: str) -> str:
    """Data as HTML text (TimelineJS inserts text as HTML); quotes are left readable."""
    return html.escape(text, quote=False)


def timelinejs(store: Store, events: Sequence[Event]) -> dict[str, Any]:
    """Knight Lab TimelineJS3 JSON; display_date carries "c." and "?", which its dates cannot."""
    slides = []
    for ev in events:
        lo, hi = _sides(ev.date)
        first = lo or hi
        assert first is not None  # parse_edtf refuses an interval open at both ends
        slide: dict[str, Any] = {"start_date": _tl_date(first)}
        if lo is not None and hi is not None:
            slide["end_date"] = _tl_date(hi, last=True)
        elif not ev.date.interval and ev.date.precision is Precision.DECADE:
            slide["end_date"] = _tl_date(ev.date, last=True)
        slide["text"] = {"headline": _html(ev.title), "text": _tl_text(store, ev)}
        slide["unique_id"] = ev.id
        if ev.tags:
            tag = store.tags.get(ev.tags[0])
            slide["group"] = _html(tag.label if tag else ev.tags[0])
        slide["display_date"] = _html(display(ev.date.edtf))
        slides.append(slide)
    return {
        "title": {"text": {"headline": _html(store.meta.title),
                           "text": f"<p>{_html(store.meta.description)}</p>"}},
        "events": slides,
    }


def _tl_text(store: Store, ev: Event) -> str:
    parts = [f"<p>{_html(ev.summary)}</p>"]
    if ev.description:
        parts.append(f"<p>{_html(ev.description)}</p>")
    places = [p.name for pid in ev.places if (p := store.places.get(pid))]
    if places:
        parts.append(f"<p>Places: {_html(', '.join(places))}</p>")
    if not ev.verified:
        parts.append("<p><em>Reported only by the exhibit panel; not confirmed by an independent "
                     "reference.</em></p>")
    sources = []
    for sid in ev.sources:
        if (s := store.sources.get(sid)) is None:
            continue
        title, url = _html(s.title), web_url(s.url)  # only http(s) links: never javascript: or data:
        sources.append(f'<a href="{html.escape(url, quote=True)}">{title}</a>' if url else title)
    if sources:
        parts.append(f"<p>Sources: {'; '.join(sources)}</p>")
    return "".join(parts)


# --- iCalendar ------------------------------------------------------------------------------

_DEFAULT_STAMP = datetime(2000, 1, 1, tzinfo=UTC)


def ics_stamp(version: str) -> datetime:
    """DTSTAMP from the store's version when it is a date (2026.11.28), so output is stable."""
    for pattern in ("%Y.%m.%d", "%Y-%m-%d"):
        try:
            return datetime.strptime(version, pattern).replace(tzinfo=UTC)
        except ValueError:
            pass
    return _DEFAULT_STAMP


def ics(store: Store, events: Sequence[Event]) -> str:
    """iCalendar (RFC 5545): one all-day VEVENT per event over its strict bounds."""
    from icalendar import Calendar
    from icalendar import Event as VEvent

    cal = Calendar()
    cal.add("prodid", "-//gulag//gulag export//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    # An X- property is not escaped by icalendar: a line break in it would end the content line.
    cal.add("x-wr-calname", " ".join(store.meta.title.splitlines()))
    stamp = ics_stamp(store.meta.version)
    for ev in events:
        start, end = known_bounds(ev.date)
        item = VEvent()
        item.add("uid", f"{ev.id}@gulag")
        item.add("dtstamp", stamp)
        item.add("dtstart", start)
        if end < date.max:
            item.add("dtend", end + timedelta(days=1))  # DTEND of an all-day event is exclusive
        else:  # 9999-12-31 has no day after it to end on
            item.add("duration", timedelta(days=(end - start).days + 1))
        item.add("summary", ev.title)
        item.add("description", _ics_description(store, ev))
        places = [p.name for pid in ev.places if (p := store.places.get(pid))]
        if places:
            item.add("location", "; ".join(places))
        if ev.tags:
            item.add("categories", list(ev.tags))
        cal.add_component(item)
    return str(cal.to_ical().decode("utf-8"))


def _ics_description(store: Store, ev: Event) -> str:
    d = ev.date
    start, end = known_bounds(d)
    qualifiers = [q for q, on in (("approximate", d.approximate), ("uncertain", d.uncertain)) if on]
    open_end = d.start == FIRST_DAY or d.end == LAST_DAY
    about = ", ".join([*qualifiers, *(["open-ended"] if open_end else []), f"EDTF {d.edtf}"])
    lines = [ev.summary, "", f"Date: {display(d.edtf)} ({about})."]
    if qualifiers:
        widest_lo = d.earliest if d.earliest != FIRST_DAY else start
        widest_hi = d.latest if d.latest != LAST_DAY else end
        lines.append(f"The entry covers the strict bounds, {start} to {end}; the date may lie "
                     f"anywhere from {widest_lo} to {widest_hi}.")
    if ev.description:
        lines += ["", ev.description]
    if not ev.verified:
        lines += ["", "Reported only by the exhibit panel; not confirmed by an independent reference."]
    sources = [source_line(source_record(s)) for sid in ev.sources if (s := store.sources.get(sid))]
    if sources:
        lines += ["", "Sources:", *(f"- {s}" for s in sources)]
    return "\n".join(lines)


# --- GeoJSON --------------------------------------------------------------------------------


def geojson(store: Store, events: Sequence[Event]) -> tuple[dict[str, Any], list[Place]]:
    """A FeatureCollection of the places the events name, and the places left out for want of
    coordinates. Points are [longitude, latitude], as RFC 7946 requires."""
    by_place: dict[str, list[Event]] = {}
    for ev in events:
        for pid in ev.places:
            if pid in store.places:
                by_place.setdefault(pid, []).append(ev)
    features, skipped = [], []
    for pid, evs in by_place.items():
        p = store.places[pid]
        if p.lat is None or p.lon is None:
            skipped.append(p)
            continue
        features.append({
            "type": "Feature",
            "id": p.id,
            "geometry": {"type": "Point", "coordinates": [p.lon, p.lat]},
            "properties": {
                "id": p.id, "name": p.name, "kind": p.kind, "country": p.country,
                "events": [{"id": e.id, "title": e.title, "date": e.date.edtf,
                            "display_date": display(e.date.edtf)} for e in evs],
            },
        })
    return {"type": "FeatureCollection", "features": features}, skipped
