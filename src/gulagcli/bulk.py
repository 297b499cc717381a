"""Large stores through msgspec: the file decoded in C straight into typed records.

Only a store with no problem at all is built here; anything msgspec or the checks below find
wrong sends the store back to :func:`gulagcli.check.build`, which reports every problem in the
project's own words. The result is the same Store the standard path builds (tests compare them).
msgspec costs some milliseconds to import, so small stores never come here.
"""

from __future__ import annotations

import codecs
import re
import sys
from typing import Any

import msgspec

from .builders import ID_RE, MAKERS, SECTIONS, Problem, build_meta
from .check import CHRONOLOGICAL, build_section, distinct_refs, refs_resolve
from .dates import parse_edtf
from .fast import NOTE_KINDS, series_complete
from .jsonscreen import screen
from .models import Event, Figure, Note, Store

_intern = sys.intern


class _Note(msgspec.Struct):
    kind: str
    text: str
    sources: list[str] = []


class _Event(msgspec.Struct):
    id: str
    title: str
    date: str
    summary: str
    sources: list[str]
    aliases: list[str] = []
    description: str | None = None
    places: list[str] = []
    people: list[str] = []
    terms: list[str] = []
    tags: list[str] = []
    related: list[str] = []
    notes: list[_Note] = []
    verified: bool = True


class _Figure(msgspec.Struct):
    id: str
    what: str
    unit: str
    reported_by: str
    sources: list[str] = []
    event: str | None = None
    value: int | None = None
    low: int | None = None
    high: int | None = None
    approximate: bool = False
    date: str | None = None
    note: str | None = None
    place: str | None = None
    series: str | None = None


class _Store(msgspec.Struct):
    events: list[_Event]
    meta: dict[str, Any] = {}
    sources: list[dict[str, Any]] = []
    tags: list[dict[str, Any]] = []
    places: list[dict[str, Any]] = []
    people: list[dict[str, Any]] = []
    terms: list[dict[str, Any]] = []
    figures: list[_Figure] = []


_DECODER = msgspec.json.Decoder(_Store)


class _Records(msgspec.Struct):
    """Each section's records as the file's own JSON text, not decoded."""

    sources: list[msgspec.Raw] = []
    tags: list[msgspec.Raw] = []
    places: list[msgspec.Raw] = []
    people: list[msgspec.Raw] = []
    terms: list[msgspec.Raw] = []
    events: list[msgspec.Raw] = []
    figures: list[msgspec.Raw] = []


def _blank(text: str | None) -> bool:
    return text is not None and (not text or text.isspace())


def _event(ev: _Event) -> Event | None:
    for text in (ev.id, ev.title, ev.date, ev.summary):
        if not text or text.isspace():
            return None
    if _blank(ev.description):
        return None
    flat = [*ev.sources, *ev.aliases, *ev.places, *ev.people, *ev.terms, *ev.tags, *ev.related]
    notes = []
    for note in ev.notes:
        if note.kind not in NOTE_KINDS or _blank(note.text):
            return None
        flat += note.sources
        notes.append(Note(note.kind, note.text, tuple(map(_intern, note.sources))))
    if not all(flat) or any(map(str.isspace, flat)):
        return None
    try:
        date = parse_edtf(ev.date)
    except ValueError:
        return None
    return Event(
        ev.id, ev.title, date, ev.summary, _ids(ev.sources), tuple(ev.aliases), ev.description,
        _ids(ev.places), _ids(ev.people), _ids(ev.terms), _ids(ev.tags), _ids(ev.related), tuple(notes), ev.verified,
    )


def _ids(refs: list[str]) -> tuple[str, ...]:
    # Ids recur in record after record: one copy of each in memory.
    return tuple(map(_intern, refs)) if refs else ()


def _figure(fig: _Figure) -> Figure | None:
    texts = (fig.id, fig.what, fig.unit, fig.reported_by, fig.event, fig.note, fig.date, fig.place, fig.series,
             *fig.sources)
    if any(map(_blank, texts)):
        return None
    if not series_complete(fig.series, fig.date, fig.place):
        return None  # the field-by-field reader says what is missing
    if fig.value is None:
        if fig.low is None or fig.high is None or fig.low > fig.high:
            return None
    elif fig.low is not None or fig.high is not None:
        return None
    try:
        date = parse_edtf(fig.date) if fig.date is not None else None
    except ValueError:
        return None
    return Figure(fig.id, fig.event, fig.what, fig.unit, fig.reported_by, fig.value, fig.low, fig.high,
                  fig.approximate, date, fig.note, tuple(map(_intern, fig.sources)),
                  _intern(fig.place) if fig.place else None, fig.series)


# A top-level section's key, ending where its value starts. "events", "figures" and "meta" name
# nothing else in a store; the other sections' names are also record fields (lists of ids), so
# a list of objects is a section and an empty list (group 3 "]") may be either.
_SECTION_KEY = re.compile(
    rb'"(events|figures|meta)"\s*:\s*|"(sources|tags|places|people|terms)"\s*:\s*(?=\[\s*([{\]]))')


class _Kept(msgspec.Struct):
    """Each section's value as the file's JSON text: the one msgspec keeps (the last)."""

    events: msgspec.Raw = msgspec.Raw()
    figures: msgspec.Raw = msgspec.Raw()
    meta: msgspec.Raw = msgspec.Raw()
    sources: msgspec.Raw = msgspec.Raw()
    tags: msgspec.Raw = msgspec.Raw()
    places: msgspec.Raw = msgspec.Raw()
    people: msgspec.Raw = msgspec.Raw()
    terms: msgspec.Raw = msgspec.Raw()


def _repeated_section(raw: bytes) -> bool:
    """True if a section's key may appear twice (then the standard path decides).

    A section given as ``[]`` reads like a record's empty list of ids: it is a section when it
    lies outside the value of every section found (their extents from a second, shallow decode,
    made only when there is such a list). ``"places": []`` before the places was loaded as the
    places, and the places before ``"places": []`` as none."""
    starts: dict[bytes, int] = {}
    empty: list[tuple[bytes, int]] = []
    for m in _SECTION_KEY.finditer(raw):
        name = m.group(1) or m.group(2)
        if m.group(3) == b"]":
            empty.append((name, m.end()))
        elif name in starts:
            return True
        else:
            starts[name] = m.end()
    if not empty:
        return False
    try:
        kept = msgspec.json.decode(raw, type=_Kept)
    except (msgspec.DecodeError, msgspec.ValidationError, RecursionError):
        return False  # decoded again by build(), which fails the same way and says so
    spans = [(start, start + len(getattr(kept, name.decode()))) for name, start in starts.items()]
    outside = [name for name, at in empty if not any(lo <= at < hi for lo, hi in spans)]
    return any(name in starts for name in outside) or len(outside) != len(set(outside))


def _utf8(raw: bytes, chunk: int = 1 << 20) -> bool:
    """Whether ``raw`` is UTF-8, checked a megabyte at a time (no copy of the whole file)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        for i in range(0, len(raw), chunk):
            decoder.decode(raw[i:i + chunk])
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def build(raw: bytes, *, path: str, screened: bool = False) -> Store | None:
    """The store in ``raw``, or None when it has any problem (the standard path says which).

    ``screened`` skips the scans of the bytes that guard the decoding (a second of a rich
    100,000-event store's 212 MB): for a caller whose store another process checks from the same
    bytes, and whose result is used only if that check passes (the compile's child). Each
    scan finds only what makes the store invalid, so a store that passes decodes the same here."""
    if not screened:
        if not _utf8(raw):
            return None  # msgspec would skip invalid UTF-8 in a key it ignores; the standard path says where
        screen(raw, path)  # lone surrogates and huge integers: refused as the standard path does
        if _repeated_section(raw):
            return None  # msgspec keeps the last of two equal keys; the standard path reports them
    try:
        doc = _DECODER.decode(raw)
    except (msgspec.DecodeError, msgspec.ValidationError, RecursionError):
        return None
    del raw  # the caller keeps no reference: the file's bytes go before the models come
    problems: list[Problem] = []
    everything: dict[str, dict[str, Any]] = {name: {} for name in MAKERS}
    meta = build_meta(doc.meta, problems)
    for name in ("sources", "tags", "places", "people", "terms"):
        build_section(name, getattr(doc, name), problems, everything, MAKERS[name])
    if problems:
        return None
    # Popped, so that each decoded record is freed as soon as its model exists.
    events = [_event(doc.events.pop()) for _ in range(len(doc.events))]
    figures = [_figure(doc.figures.pop()) for _ in range(len(doc.figures))]
    del doc
    # Popped from the end: back to file order, which decides the order of an event's figures.
    events.reverse()
    figures.reverse()
    by_id = {_intern(e.id): e for e in events if e is not None}
    by_fig = {_intern(f.id): f for f in figures if f is not None}
    if len(by_id) != len(events) or len(by_fig) != len(figures):
        return None  # a record with a problem, or a duplicate id
    ids = [*by_id, *by_fig]
    others = [set(everything[name]) for name in ("sources", "places", "people", "terms")]
    if any(not ID_RE.fullmatch(i) for i in ids) or any(not others_set.isdisjoint(ids) for others_set in others):
        return None
    if not by_id.keys().isdisjoint(by_fig):
        return None
    sources = everything["sources"]
    if not refs_resolve(events, everything | {"events": by_id}):
        return None
    named = [m for n in ("places", "people", "terms") for m in everything[n].values()]
    if not distinct_refs([*by_fig.values(), *named]):
        return None
    for name in ("places", "people", "terms"):  # their sources must resolve too
        if not sources.keys() >= {ref for model in everything[name].values() for ref in model.sources}:
            return None
    for fig in by_fig.values():
        if not fig.sources or not sources.keys() >= set(fig.sources):
            return None
        if fig.event is not None and fig.event not in by_id:
            return None
        if fig.place is not None and fig.place not in everything["places"]:
            return None
    return Store(
        meta=meta, events=sorted(by_id.values(), key=CHRONOLOGICAL), places=everything["places"],
        people=everything["people"], terms=everything["terms"], figures=by_fig, sources=sources,
        tags=everything["tags"], by_id=by_id, path=path,
    )


def records(raw: bytes, store: Store) -> dict[str, list[tuple[str, str]]]:
    """Each section's (id, JSON text) pairs in file order, for a store :func:`build` made from
    the same bytes: what the compiled store keeps and decodes a section from."""
    doc = msgspec.json.Decoder(_Records).decode(raw)
    ids: dict[str, Any] = {"sources": store.sources, "tags": store.tags, "places": store.places,
                           "people": store.people, "terms": store.terms, "events": store.by_id,
                           "figures": store.figures}  # each in file order
    return {name: list(zip(ids[name], (bytes(r).decode() for r in getattr(doc, name)), strict=True))
            for name in SECTIONS}
