"""What goes into each table of the compiled store (:mod:`gulagcli.compile` builds the file).

Each event's output record, each entity's card and each search hit is rendered by the same
code the plain path uses, so both print the same bytes; the names and search postings are
those :mod:`gulagcli.resolve` and :mod:`gulagcli.search` make in memory.
"""

from __future__ import annotations

import json
import sqlite3
import sys
from array import array
from typing import Any

from .models import Event, HistDate, Store
from .query import words
from .render import records as rec
from .render.output import FloatFreeEncoder, encode_compact
from .render.progress import StageBar
from .resolve import entities


def events(
    conn: sqlite3.Connection, store: Store, bar: StageBar, encode: FloatFreeEncoder, parts: Fragments,
) -> None:
    conn.executemany("INSERT INTO events VALUES (?, ?, ?, ?)", (
        (i, ev.id, ev.date.earliest.toordinal(), ev.date.latest.toordinal()) for i, ev in enumerate(store.events)))
    by_event = rec.figures_by_event(store)

    def rendered(ev: Event) -> str:
        figures = by_event.get(ev.id, [])
        return encode(rec.event_record(store, ev, figures=figures, sources=parts.sources, dates=parts.date),
                      lambda: rec.event_record(store, ev, figures=figures))  # if msgspec refuses it

    rows = ((i, rendered(ev)) for i, ev in enumerate(store.events))
    shown = bar.track(rows, len(store.events), "events")
    conn.executemany("INSERT INTO rendered VALUES (?, ?)", shown)


def cards(conn: sqlite3.Connection, store: Store) -> None:
    """The record `show` prints for every place, person and term, made as `show` makes it."""
    from .camps import counts_by_place
    from .models import Kind
    from .render.cards import entity_record

    index, counts = rec.events_index(store), counts_by_place(store)
    for kind, section in ((Kind.PLACE, store.places), (Kind.PERSON, store.people), (Kind.TERM, store.terms)):
        conn.executemany("INSERT INTO cards VALUES (?, ?, ?)", (
            (kind.value, ident, encode_compact(entity_record(store, kind, ident, index=index, counts=counts)))
            for ident in section))


def names(conn: sqlite3.Connection, store: Store) -> None:
    """What `show` matches exactly: every name of every entity, folded as resolve folds them,
    and written together ("kokterek" for Kok-Terek), resolve's next tier."""
    rows = []
    for rank, (entity, names) in enumerate(entities(store)):
        for key in dict.fromkeys(" ".join(words(n)) for n in names):
            rows.append((key, key.replace(" ", ""), rank, entity.kind.value, entity.id, entity.name))
    conn.executemany("INSERT INTO names VALUES (?, ?, ?, ?, ?, ?)", rows)


def search(conn: sqlite3.Connection, store: Store) -> None:
    """What `search` ranks: the postings of every document (search.index, over the documents
    the plain path ranks), and each event's document (kind, id, name; its hit record is its row
    in ``rendered``). Made by a forked child for a large store, while :func:`hits` is made here."""
    from .search import documents, index

    idx = index(documents(store))
    conn.executemany("INSERT INTO vocab VALUES (?, ?)", ((w, pack(docs)) for w, docs in idx.words.items()))
    idx.words.clear()
    conn.execute("INSERT INTO meta VALUES ('spans', ?)",
                 (json.dumps({kind.value: [span.start, span.stop] for kind, span in idx.spans.items()}),))
    conn.executemany("INSERT INTO docs VALUES (?, ?, ?, ?, NULL)", (
        (seq, kind.value, ident, name) for seq, (kind, ident, name) in enumerate(idx.docs[:len(store.events)])))


class Fragments:
    """Parts that many records repeat, each encoded once: a source's record, for every record
    citing it, and a date's (thousands of events and figures share a day)."""

    def __init__(self, store: Store, encode: FloatFreeEncoder) -> None:
        self._store, self._encode = store, encode
        self._sources: dict[str, Any] = {}
        self._dates: dict[HistDate, Any] = {}

    def sources(self, ids: tuple[str, ...]) -> list[Any]:
        known, found = self._store.sources, self._sources
        for i in ids:
            if i not in found and i in known:
                found[i] = self._encode.fragment(rec.source_record(known[i]))
        return [found[i] for i in ids if i in found]

    def date(self, d: HistDate) -> Any:
        found = self._dates.get(d)
        if found is None:
            found = self._dates[d] = self._encode.fragment(rec.date_record(d))
        return found


def hits(conn: sqlite3.Connection, store: Store, encode: FloatFreeEncoder, parts: Fragments) -> None:
    """The documents after the events, each with its whole hit as `search --json` prints it and
    a score of 0.0 for the search to replace; numbered on from the events, as search.index does."""
    from .models import Kind
    from .render.records import hit_records
    from .search import SearchHit, other_hits

    rest = other_hits(store)

    def encoded(hit: SearchHit, record: rec.Record) -> str:
        # A place's record holds its coordinates: floats, which only the standard encoder writes
        # as the plain path does. The others' only float is the score, 0.0, written alike by both.
        if hit.kind is Kind.PLACE:
            return encode_compact(record)
        return encode(record, lambda: hit_records(store, [hit])[0])

    records = hit_records(store, rest, sources=parts.sources, dates=parts.date)
    conn.executemany("INSERT INTO docs VALUES (?, ?, ?, ?, ?)", (
        (seq, hit.kind.value, hit.id, hit.name, encoded(hit, record)) for seq, (hit, record)
        in enumerate(zip(rest, records, strict=True), start=len(store.events))))


def pack(docs: array[int]) -> bytes:
    """Postings as 32-bit little-endian integers (the compiled file may move between machines)."""
    if sys.byteorder != "little":
        docs = array("I", docs)
        docs.byteswap()
    return docs.tobytes()
