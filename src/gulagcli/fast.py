"""Fast paths for well-formed events, places and figures (most of any large store).

Each returns the model the field-by-field reader in :mod:`gulagcli.check` would build, or None
to send the record to that reader, which then says what is wrong. Tests compare both paths.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from .dates import parse_edtf
from .models import Change, Event, Figure, Note, Place

_intern = sys.intern
NOTE_KINDS = ("discrepancy", "uncertainty", "context")
CAMP_TYPES = ("itl", "special-camp", "nkvd-special-camp", "filtration-camp", "camp-division", "other")
CAMP_SERIES = "camp-population"  # one camp's yearly counts: figures with ``place``
CHANGES = ("renamed", "merged-into", "split-from", "transferred-to", "closed", "opened")
PLACE_KINDS = ("camp", "city", "region", "country", "place")
# A camp ordered but, by Memorial's handbook, not or apparently not set up (absent: it was).
ORGANISED = ("no", "apparently not", "perhaps not")


def _text(value: Any) -> bool:
    return type(value) is str and bool(value) and not value[0].isspace()


def _opt(value: Any) -> bool:
    return value is None or _text(value)


def _all_text(values: list[Any]) -> bool:
    """Every value a non-blank string not starting with whitespace, checked mostly in C."""
    try:
        "".join(values)  # TypeError unless every item is a string
    except TypeError:
        return False
    return all(values) and not any(v[0].isspace() for v in values)


def _texts(value: Any) -> tuple[str, ...] | None:
    """The items of a list of non-blank strings (None: not such a list; absent is empty)."""
    if value is None:
        return ()
    if type(value) is not list or not _all_text(value):
        return None
    return tuple(map(_intern, value))


def _number(value: Any, lo: float, hi: float) -> bool:
    return value is None or (type(value) in (int, float) and lo <= value <= hi)


def _notes(raw: Any) -> tuple[Note, ...] | None:
    if raw is None:
        return ()
    if type(raw) is not list:
        return None
    notes = []
    for note in raw:
        if type(note) is not dict or note.get("kind") not in NOTE_KINDS or not _text(note.get("text")):
            return None
        sources = _texts(note.get("sources"))
        if sources is None:
            return None
        notes.append(Note(note["kind"], note["text"], sources))
    return tuple(notes)


def _history(raw: Any) -> tuple[Change, ...] | None:
    if raw is None:
        return ()
    if type(raw) is not list:
        return None
    out = []
    for item in raw:
        if type(item) is not dict or item.get("change") not in CHANGES or not _text(item.get("date")):
            return None
        place, note, sources = item.get("place"), item.get("note"), _texts(item.get("sources"))
        if not (_opt(place) and _opt(note)) or sources is None:
            return None
        out.append(Change(parse_edtf(item["date"]), item["change"], place, note, sources))
    return tuple(out)


def series_complete(series: Any, date: Any, place: Any) -> bool:
    """A figure in a series has a date, and a camp's yearly count names its camp: what the bulk
    and fast readers check before taking a figure (the field reader says what is missing)."""
    return series is None or (date is not None and (series != CAMP_SERIES or place is not None))


def place_fast(rec: dict[str, Any]) -> Place | None:
    get: Callable[..., Any] = rec.get
    ident, name, kind, country = get("id"), get("name"), get("kind"), get("country")
    if not (_text(ident) and _text(name) and _text(kind) and _text(country)):
        return None
    optional = (get("cyrillic"), get("complex"), get("modern_name"), get("region"), get("summary"), get("dates"),
                get("area"))
    camp_type, lat, lon, organised = get("camp_type"), get("lat"), get("lon"), get("organised")
    if not all(map(_opt, optional)) or not (camp_type is None or camp_type in CAMP_TYPES):
        return None
    if not (organised is None or (organised in ORGANISED and kind == "camp")) or kind not in PLACE_KINDS:
        return None
    if not (_number(lat, -90, 90) and _number(lon, -180, 180)) or (lat is None) != (lon is None):
        return None
    names, sources, economy = _texts(get("names")), _texts(get("sources")), _texts(get("economy"))
    if names is None or sources is None or economy is None:
        return None
    try:
        dates = parse_edtf(optional[5]) if optional[5] is not None else None
        history = _history(get("history"))
    except ValueError:
        return None
    notes = _notes(get("notes"))
    if history is None or notes is None:
        return None
    cyrillic, complex_, modern, region, summary, _, area = optional
    return Place(ident, name, kind, country, names, cyrillic, complex_, modern, region, lat, lon, summary,
                 sources, camp_type, dates, history, economy, notes, area, organised)


def figure_fast(rec: dict[str, Any]) -> Figure | None:
    get: Callable[..., Any] = rec.get
    ident, what, unit, reported_by = get("id"), get("what"), get("unit"), get("reported_by")
    event, when, note, place, series = get("event"), get("date"), get("note"), get("place"), get("series")
    texts = [ident, what, unit, reported_by]
    texts += [v for v in (event, when, note, place, series) if v is not None]
    value, low, high, approximate = get("value"), get("low"), get("high"), get("approximate", False)
    if not _all_text(texts) or type(approximate) is not bool:
        return None
    if not series_complete(series, when, place):
        return None
    if value is None:
        if type(low) is not int or type(high) is not int or low > high:
            return None
    elif type(value) is not int or low is not None or high is not None:
        return None
    sources = _texts(get("sources"))
    if sources is None:
        return None
    try:
        date = parse_edtf(when) if when is not None else None
    except ValueError:
        return None
    return Figure(ident, event, what, unit, reported_by, value, low, high, approximate, date, note, sources,
                  _intern(place) if place else None, series)


_NO_LIST = {list, type(None)}


def event_fast(rec: dict[str, Any]) -> Event | None:
    """The event a well-formed record makes, checked in bulk; None sends the record to the
    field-by-field reader, which gives the same event or says what is wrong with it."""
    get: Callable[..., Any] = rec.get
    ident, title, when, summary = get("id"), get("title"), get("date"), get("summary")
    description, verified, sources = get("description"), get("verified", True), get("sources")
    for required in (ident, title, when, summary):
        if type(required) is not str or not required or required.isspace():
            return None
    if description is not None and (type(description) is not str or not description or description.isspace()):
        return None
    lists = [get("aliases"), get("places"), get("people"), get("terms"), get("tags"), get("related")]
    if type(verified) is not bool or type(sources) is not list or not set(map(type, lists)) <= _NO_LIST:
        return None
    flat = [*sources]
    for v in lists:
        if v:
            flat += v
    notes: list[Note] = []
    raw_notes = get("notes", [])
    if raw_notes:
        if type(raw_notes) is not list:
            return None
        for note in raw_notes:
            if type(note) is not dict:
                return None
            kind, text, note_sources = note.get("kind"), note.get("text"), note.get("sources")
            if kind not in NOTE_KINDS or type(text) is not str or not text or text.isspace():
                return None
            if note_sources is None:
                note_sources = []
            elif type(note_sources) is not list:
                return None
            flat += note_sources
            notes.append(Note(kind, text, tuple(map(_intern, note_sources))))
    elif raw_notes != []:  # null or another empty value: the reader says what is wrong
        return None
    try:
        "".join(flat)  # TypeError unless every item is a string
        date = parse_edtf(when)
    except (TypeError, ValueError):
        return None
    if not all(flat) or any(map(str.isspace, flat)):
        return None
    aliases, places, people, terms, tags, related = lists
    # Positional, in the order of Event's fields (a test checks it is the reader's event).
    return Event(
        ident, title, date, summary, tuple(map(_intern, sources)), tuple(aliases) if aliases else (),
        description, tuple(map(_intern, places)) if places else (), tuple(map(_intern, people)) if people else (),
        tuple(map(_intern, terms)) if terms else (), tuple(map(_intern, tags)) if tags else (),
        tuple(map(_intern, related)) if related else (), tuple(notes), verified,
    )
