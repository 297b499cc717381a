"""Plain-data views of the store: the JSON contract, and the columns of plain and CSV output.

Nothing here imports Rich, so the JSON paths start fast. Field order is part of the contract.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ..dates import display, open_end, open_start
from ..models import Event, Figure, HistDate, Note, Person, Place, Source, Store, Term

if TYPE_CHECKING:
    from ..documents import SearchHit

Record = dict[str, Any]


def date_record(d: HistDate) -> Record:
    return {
        "edtf": d.edtf,
        "display": display(d.edtf),
        "start": None if open_start(d) else d.start.isoformat(),
        "end": None if open_end(d) else d.end.isoformat(),
        "earliest": None if open_start(d) else d.earliest.isoformat(),
        "latest": None if open_end(d) else d.latest.isoformat(),
        "precision": d.precision.value,
        "approximate": d.approximate,
        "uncertain": d.uncertain,
    }


def source_record(s: Source) -> Record:
    """A source in the store's own shape, plus "author" and "year" for simple readers."""
    rec: Record = {"id": s.id, "kind": s.kind, "title": s.title, "author": s.author, "year": s.year,
                   "authors": [{k: v for k, v in a._asdict().items() if v} for a in s.authors]}
    for field in ("container", "publisher", "place", "issued", "accessed", "url", "language", "pages",
                  "volume", "issue"):
        rec[field] = getattr(s, field)
    rec["read_at"] = s.read_at._asdict() if s.read_at else None
    rec["note"] = s.note
    return rec


def _sources(store: Store, ids: tuple[str, ...]) -> list[Record]:
    return [source_record(store.sources[i]) for i in ids if i in store.sources]


def _notes(notes: tuple[Note, ...]) -> list[Record]:
    """Notes as every record gives them: kind, text and the ids of the sources they cite."""
    return [{"kind": n.kind, "text": n.text, "sources": list(n.sources)} for n in notes]


SourcesOf = Callable[[tuple[str, ...]], list[Any]]  # a record's sources, from their ids
DateOf = Callable[[HistDate], Any]  # a date's record


def figure_record(store: Store, f: Figure, *, sources: SourcesOf | None = None, dates: DateOf = date_record) -> Record:
    ev = store.by_id.get(f.event) if f.event else None
    return {
        "id": f.id,
        "event": f.event,
        "event_title": ev.title if ev else None,
        "what": f.what,
        "value": f.value,
        "low": f.low,
        "high": f.high,
        "unit": f.unit,
        "approximate": f.approximate,
        "display": figure_text(f),
        "reported_by": f.reported_by,
        "date": dates(f.date) if f.date else None,
        "note": f.note,
        "place": f.place,
        "series": f.series,
        "sources": sources(f.sources) if sources else _sources(store, f.sources),
    }


def figure_text(f: Figure) -> str:
    """A figure as a reader should see it: "c. 16,400", "500–700"."""
    number = f"{f.value:,}" if f.value is not None else f"{f.low:,}–{f.high:,}"
    return ("c. " if f.approximate else "") + number


def event_record(
    store: Store, ev: Event, *, figures: list[Figure] | None = None, sources: SourcesOf | None = None,
    dates: DateOf = date_record,
) -> Record:
    """One event with everything the human views show; the shape of every event in JSON.
    ``sources`` gives its sources' records, and its figures', and ``dates`` the records of its
    dates and its figures' (the compile's encoded once each)."""
    figs = figures if figures is not None else [f for f in store.figures.values() if f.event == ev.id]
    return {
        "id": ev.id,
        "title": ev.title,
        "date": dates(ev.date),
        "summary": ev.summary,
        "description": ev.description,
        "aliases": list(ev.aliases),
        "places": [{"id": p.id, "name": p.name, "country": p.country}
                   for pid in ev.places if (p := store.places.get(pid))],
        "people": [{"id": who.id, "name": who.name} for pid in ev.people if (who := store.people.get(pid))],
        "terms": [{"id": t.id, "term": t.term} for tid in ev.terms if (t := store.terms.get(tid))],
        "tags": list(ev.tags),
        "verified": ev.verified,
        "figures": [figure_record(store, f, sources=sources, dates=dates) for f in figs],
        "notes": _notes(ev.notes),
        "related": [{"id": r.id, "title": r.title} for rid in ev.related if (r := store.by_id.get(rid))],
        "sources": sources(ev.sources) if sources else _sources(store, ev.sources),
    }


def event_records(store: Store, events: list[Event]) -> list[Record]:
    """Records of many events, looking each event's figures up once."""
    by_event = figures_by_event(store)
    return [event_record(store, ev, figures=by_event.get(ev.id, [])) for ev in events]


def figures_by_event(store: Store) -> dict[str, list[Figure]]:
    """Each event's figures in the store's order (what event_record finds for one event)."""
    by_event: dict[str, list[Figure]] = {}
    for fig in store.figures.values():
        if fig.event:
            by_event.setdefault(fig.event, []).append(fig)
    return by_event


def events_index(store: Store) -> dict[str, list[Event]]:
    """Events by the id of every place, person and term they name, in date order."""
    index: dict[str, list[Event]] = {}
    for ev in store.events:
        for key in (*ev.places, *ev.people, *ev.terms):
            index.setdefault(key, []).append(ev)
    return index


def _event_refs(events: list[Event]) -> list[Record]:
    return [{"id": e.id, "title": e.title, "date": e.date.edtf} for e in events]


def place_record(store: Store, p: Place, events: list[Event], *, counts: list[Figure] | None = None,
                 with_counts: bool = False) -> Record:
    """A place; for a camp also its type, dates, history, work, largest count and notes, and
    with ``with_counts`` every yearly count (the card), not only the largest (the listing)."""
    from ..camps import peak

    dates = p.dates
    top = peak(counts or [])
    rec: Record = {
        "id": p.id, "name": p.name, "names": list(p.names), "cyrillic": p.cyrillic, "place_type": p.kind,
        "camp_type": p.camp_type, "dates": date_record(dates) if dates else None, "organised": p.organised,
        "complex": p.complex, "modern_name": p.modern_name, "region": p.region, "area": p.area,
        "country": p.country, "lat": p.lat, "lon": p.lon, "economy": list(p.economy),
        "peak": {"value": top.value, "year": top.year} if top else None,
        "summary": p.summary,
        "history": [
            {"date": date_record(c.date), "change": c.change, "place": c.place,
             "place_name": store.places[c.place].name if c.place in store.places else None,
             "note": c.note, "sources": list(c.sources)}
            for c in p.history
        ],
        "notes": _notes(p.notes),
        "events": _event_refs(events),
        "sources": _sources(store, p.sources),
    }
    if with_counts:
        rec["counts"] = [figure_record(store, f) for f in counts or []]
    return rec


def person_record(store: Store, p: Person, events: list[Event]) -> Record:
    return {
        "id": p.id, "name": p.name, "aliases": list(p.aliases), "cyrillic": p.cyrillic,
        "born": date_record(p.born) if p.born else None,
        "died": date_record(p.died) if p.died else None,
        "role": p.role, "summary": p.summary,
        "notes": _notes(p.notes),
        "events": _event_refs(events),
        "sources": _sources(store, p.sources),
    }


def term_record(store: Store, t: Term, events: list[Event]) -> Record:
    return {
        "id": t.id, "term": t.term, "aliases": list(t.aliases), "cyrillic": t.cyrillic,
        "definition": t.definition, "notes": _notes(t.notes), "events": _event_refs(events),
        "sources": _sources(store, t.sources),
    }


def hit_records(
    store: Store, hits: list[SearchHit], *, sources: SourcesOf | None = None, dates: DateOf = date_record,
) -> list[Record]:
    """Search hits: kind, id, name and score, then the record `show` or a listing gives that kind
    (``sources`` and ``dates`` as for :func:`event_record`)."""
    from ..camps import counts_by_place
    from ..models import Kind

    index = events_index(store) if any(h.kind in (Kind.PLACE, Kind.PERSON, Kind.TERM) for h in hits) else {}
    counts = counts_by_place(store) if any(h.kind is Kind.PLACE for h in hits) else {}  # a camp's largest
    by_event = figures_by_event(store) if any(h.kind is Kind.EVENT for h in hits) else {}
    out = []
    for h in hits:
        if h.kind is Kind.EVENT:
            rec = event_record(store, store.by_id[h.id], figures=by_event.get(h.id, []), sources=sources, dates=dates)
        elif h.kind is Kind.PLACE:
            rec = place_record(store, store.places[h.id], index.get(h.id, []), counts=counts.get(h.id))
        elif h.kind is Kind.PERSON:
            rec = person_record(store, store.people[h.id], index.get(h.id, []))
        elif h.kind is Kind.TERM:
            rec = term_record(store, store.terms[h.id], index.get(h.id, []))
        elif h.kind is Kind.FIGURE:
            rec = figure_record(store, store.figures[h.id], sources=sources, dates=dates)
        else:
            rec = source_record(store.sources[h.id])
            rec["source_type"] = rec.pop("kind")  # "kind" says what the hit is
        out.append({"kind": h.kind.value, "id": h.id, "name": h.name, "score": h.score, **rec})
    return out
