"""The store in the formats other tools read: TimelineJS, iCalendar, GeoJSON, CSV, JSON and HTML.

Each serialiser takes the selected events and returns text; nothing here prints or touches a
terminal, and :func:`render_export` is the one place that picks a serialiser for a format.
"""

from __future__ import annotations

import html
import io
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from typing import Any

from ..dates import display
from ..models import Event, HistDate, Precision, Store
from .listings import events_listing
from .output import CSV_SAFE, UNVERIFIED, CsvOptions, dumps, write_csv, write_json
from .records import Record
from .safe import web_url
from .spans import known_bounds, sides


class ExportFormat(str, Enum):
    TIMELINEJS = "timelinejs"
    ICS = "ics"
    GEOJSON = "geojson"
    CSV = "csv"
    JSON = "json"
    HTML = "html"


@dataclass(frozen=True, slots=True)
class Export:
    text: str
    wrote: str  # what the file holds, for "wrote ... to FILE": "62 events as ics (70 calendar entries)"
    notes: list[str] = field(default_factory=list)  # for stderr: what was left out and why


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def render_export(fmt: ExportFormat, store: Store, events: Sequence[Event], records: list[Record],
                  *, pretty: bool, every_place: bool = False, csv: CsvOptions = CSV_SAFE) -> Export:
    """The selected events in ``fmt``; ``records`` are their ``event_record``s, in the same order.

    ``every_place``: the selection is the whole store, so GeoJSON and HTML show every place.
    """
    events_n = _n(len(events), "event")
    if fmt is ExportFormat.TIMELINEJS:
        doc = timelinejs(store, events)
        return Export(_dumps(doc, pretty=pretty), f"{events_n} and {_n(len(doc.get('eras', [])), 'era')} as timelinejs")
    if fmt is ExportFormat.ICS:
        from .calendar import ics

        text, entries = ics(store, events)
        return Export(text, f"{events_n} as ics ({entries} calendar {'entry' if entries == 1 else 'entries'})")
    if fmt is ExportFormat.GEOJSON:
        from .geo import geojson

        collection, t = geojson(store, events, every_place=every_place)
        wrote = (f"{events_n} ({t['located_events']} located, {t['events'] - t['located_events']} without "
                 f"a location) and {_n(t['places'], 'place')} ({t['located_places']} located) as geojson")
        return Export(_dumps(collection, pretty=pretty), wrote)
    if fmt is ExportFormat.HTML:
        from .html import html_page

        page, places = html_page(store, events, every_place=every_place)
        return Export(page, f"{events_n} and {_n(places, 'place')} as html")
    out = io.StringIO()
    if fmt is ExportFormat.CSV:  # exactly `gulag timeline --format csv`
        write_csv(events_listing(records), out, csv)
    else:  # exactly `gulag timeline --json`
        write_json(records, out, pretty=pretty)
    return Export(out.getvalue(), f"{events_n} as {fmt.value}")


def _dumps(data: Any, *, pretty: bool) -> str:
    return dumps(data, pretty=pretty) + "\n"  # controls and bidi characters as \\uXXXX


# --- TimelineJS -----------------------------------------------------------------------------

# Periods drawn behind the slides, from the first day to the last (inclusive), bounded by dates
# the store itself holds: the Thaw begins on the day of Stalin's death (event stalin-death,
# 5 March 1953), the late Stalin years end the day before; the store's period ends in 1962.
ERAS = (
    ("Late Stalinism", date(1945, 1, 1), date(1953, 3, 4)),
    ("The Thaw", date(1953, 3, 5), date(1962, 12, 31)),
)
MAX_GROUPS = 5  # TimelineJS gives each group a row; more than five crowd out the titles
OTHER_GROUP = "Other"


def _tl_start(d: HistDate) -> dict[str, int]:
    """A TimelineJS start: year always, month and day only when the date knows them."""
    out = {"year": d.start.year}
    if d.precision in (Precision.MONTH, Precision.DAY):
        out["month"] = d.start.month
    if d.precision is Precision.DAY:
        out["day"] = d.start.day
    return out


def _tl_last(day: date) -> dict[str, int]:
    """The last day a date stands for, to its final minute: TimelineJS reads a date as the moment
    it begins, so {year: 1953} would end "1948–53" on 1 January 1953 and a day a day short."""
    return {"year": day.year, "month": day.month, "day": day.day, "hour": 23, "minute": 59}


def _tl_dates(d: HistDate) -> dict[str, Any]:
    """start_date, and end_date when the date has a known last day other than its first.

    A single date known only to its month, year or decade is drawn across that whole period,
    so TimelineJS sorts it at the period's first day (documented in docs/exports.md)."""
    lo, hi = sides(d)
    first = lo or hi
    assert first is not None  # parse_edtf refuses an interval open at both ends
    out: dict[str, Any] = {"start_date": _tl_start(first)}
    known_end = lo is not None and hi is not None if d.interval else d.precision is not Precision.DAY
    if known_end:
        out["end_date"] = _tl_last(known_bounds(d)[1])
    return out


def _groups(store: Store, events: Sequence[Event]) -> dict[str, str]:
    """Event id -> group label: the most used tags of the selection, the rest as "Other"."""
    used = Counter(t for ev in events for t in ev.tags)
    order = {t: i for i, t in enumerate(store.tags)}
    top = sorted(used, key=lambda t: (-used[t], order.get(t, len(order))))
    keep = top if len(top) <= MAX_GROUPS else top[:MAX_GROUPS - 1]
    out = {}
    for ev in events:
        tag = next((t for t in ev.tags if t in keep), None)
        if tag is not None:
            label = store.tags[tag].label if tag in store.tags else tag
            out[ev.id] = label
        elif ev.tags:
            out[ev.id] = OTHER_GROUP
    return out


def _html(text: str) -> str:
    """Data as HTML text (TimelineJS inserts text as HTML); quotes are left readable."""
    return html.escape(text, quote=False)


_NO_MARKUP = str.maketrans({"<": "\uff1c", ">": "\uff1e", "&": "\uff06"})


def _tl_plain(text: str) -> str:
    """A field TimelineJS reads as text and then inserts as HTML (``group``, ``display_date``):
    it decodes entities first, so neither ``&lt;`` nor a raw ``<`` is safe there. The three
    characters markup needs are written as their full-width forms (＜ ＞ ＆), which read the same
    and are never markup."""
    return text.translate(_NO_MARKUP)


def timelinejs(store: Store, events: Sequence[Event]) -> dict[str, Any]:
    """Knight Lab TimelineJS3 JSON; display_date carries "c." and "?", which its dates cannot."""
    groups = _groups(store, events)
    slides = []
    for ev in events:
        slide: dict[str, Any] = _tl_dates(ev.date)
        slide["text"] = {"headline": _html(ev.title), "text": _tl_text(store, ev)}
        slide["unique_id"] = ev.id
        if ev.id in groups:
            slide["group"] = _tl_plain(groups[ev.id])
        slide["display_date"] = _tl_plain(display(ev.date.edtf))
        slides.append(slide)
    doc: dict[str, Any] = {
        "title": {"text": {"headline": _html(store.meta.name),
                           "text": f"<p>{_html(store.meta.description or '')}</p>"}},
        "events": slides,
    }
    if events:
        lo = min(known_bounds(ev.date)[0] for ev in events)
        hi = max(known_bounds(ev.date)[1] for ev in events)
        doc["eras"] = [{"start_date": {"year": a.year, "month": a.month, "day": a.day},
                        "end_date": _tl_last(b),
                        "text": {"headline": _html(name)}}
                       for name, a, b in ERAS if a <= hi and b >= lo]
    return doc


def _tl_text(store: Store, ev: Event) -> str:
    parts = [f"<p>{_html(ev.summary)}</p>"]
    if ev.description:
        parts.append(f"<p>{_html(ev.description)}</p>")
    places = [p.name for pid in ev.places if (p := store.places.get(pid))]
    if places:
        parts.append(f"<p>Places: {_html(', '.join(places))}</p>")
    if not ev.verified:
        parts.append(f"<p><em>{UNVERIFIED.capitalize()}.</em></p>")
    sources = []
    for sid in ev.sources:
        if (s := store.sources.get(sid)) is None:
            continue
        title, url = _html(s.title), web_url(s.url)  # only http(s) links: never javascript: or data:
        sources.append(f'<a href="{html.escape(url, quote=True)}">{title}</a>' if url else title)
    if sources:
        parts.append(f"<p>Sources: {'; '.join(sources)}</p>")
    return "".join(parts)
