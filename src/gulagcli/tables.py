"""What goes into each table of the compiled store (:mod:`gulagcli.compile` builds the file).

Each event's output record, each entity's card and each search hit is rendered by the same
code the plain path uses, so both print the same bytes; the names are those
:mod:`gulagcli.resolve` matches, and the full-text index holds the words :mod:`gulagcli.search`
posts in memory.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from typing import Any

from .compiled import FULL_TEXT_COLUMNS
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

    def rendered(ev: Event) -> str | bytes:
        figures = by_event.get(ev.id, [])
        return encode.row(rec.event_record(store, ev, figures=figures, sources=parts.sources, dates=parts.date),
                          lambda: rec.event_record(store, ev, figures=figures))  # if msgspec refuses it

    rows = ((i, rendered(ev)) for i, ev in enumerate(store.events))
    shown = bar.track(rows, len(store.events), "events")
    conn.executemany("INSERT INTO rendered VALUES (?, CAST(? AS TEXT))", shown)  # text given as UTF-8 bytes


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


# What `search` looks words up in: one column per field weight (FULL_TEXT_COLUMNS), each holding
# the field's folded words (documents.texts). Contentless, since only the words are looked up; one
# entry per word, document and column (detail=column); split at the spaces alone: the ascii
# tokenizer keeps every other character in a word ("_" by tokenchars) and lowers only A-Z, which
# folded words no longer hold (match.folded_text).
FULL_TEXT = (f"CREATE VIRTUAL TABLE IF NOT EXISTS fulltext USING fts5({', '.join(FULL_TEXT_COLUMNS)}, content='', "
             "columnsize=0, detail=column, tokenize=\"ascii tokenchars '_'\")")


def full_text(conn: sqlite3.Connection) -> bool:
    """The full-text index made, empty; False where this SQLite has no FTS5."""
    try:
        conn.execute(FULL_TEXT)
    except sqlite3.OperationalError as exc:
        if "fts5" not in str(exc):
            raise
        return False
    return True


def search(conn: sqlite3.Connection, store: Store) -> None:
    """What `search` ranks: every document's folded words in the full-text index (numbered as
    search.index numbers them), the span of each kind, and each event's document (kind, id and
    name; its hit record is its row in ``rendered``). Nothing where this SQLite has no FTS5:
    `search` then ranks in memory (compiled.SearchIndex)."""
    from .documents import WEIGHTS, texts
    from .models import Kind

    if not full_text(conn):
        return
    spans: dict[str, list[int]] = {}
    event_docs = []

    def rows() -> Iterator[tuple[Any, ...]]:
        for seq, (kind, ident, name, fields) in enumerate(texts(store)):
            spans.setdefault(kind.value, [seq, seq])[1] = seq + 1
            if kind is Kind.EVENT:
                event_docs.append((seq, kind.value, ident, name))
            columns = [""] * len(WEIGHTS)
            for weight, text in fields:
                columns[WEIGHTS.index(weight)] = text
            yield seq, *columns

    marks = ", ".join("?" * (1 + len(FULL_TEXT_COLUMNS)))
    conn.executemany(f"INSERT INTO fulltext (rowid, {', '.join(FULL_TEXT_COLUMNS)}) VALUES ({marks})", rows())
    conn.execute("INSERT INTO fulltext (fulltext) VALUES ('optimize')")  # one segment: the fastest to read
    conn.execute("CREATE VIRTUAL TABLE temp.fulltext_words USING fts5vocab(main, fulltext, row)")
    # Every word, one a line, read whole by every search (a tenth of the time of the index's own list).
    vocabulary = "\n".join(word for (word,) in conn.execute("SELECT term FROM temp.fulltext_words"))
    conn.executemany("INSERT INTO meta VALUES (?, ?)", (("spans", json.dumps(spans)), ("vocabulary", vocabulary)))
    conn.executemany("INSERT INTO docs VALUES (?, ?, ?, ?, NULL)", event_docs)


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


def hits(conn: sqlite3.Connection, store: Store, encode: FloatFreeEncoder, parts: Fragments,
         share: tuple[float, float] = (0.0, 1.0)) -> None:
    """The documents after the events (the ``share`` of them between two fractions), each with
    its whole hit as `search --json` prints it and a score of 0.0 for the search to replace;
    numbered on from the events, as search.index does."""
    from .documents import SearchHit, other_hits
    from .models import Kind
    from .render.records import hit_records

    rest = other_hits(store)
    first, end = (round(len(rest) * fraction) for fraction in share)
    rest = rest[first:end]

    def encoded(hit: SearchHit, record: rec.Record) -> str | bytes:
        # A place's record holds its coordinates: floats, which only the standard encoder writes
        # as the plain path does. The others' only float is the score, 0.0, written alike by both.
        if hit.kind is Kind.PLACE:
            return encode_compact(record)
        return encode.row(record, lambda: hit_records(store, [hit])[0])

    records = hit_records(store, rest, sources=parts.sources, dates=parts.date)
    conn.executemany("INSERT INTO docs VALUES (?, ?, ?, ?, CAST(? AS TEXT))", (
        (seq, hit.kind.value, hit.id, hit.name, encoded(hit, record)) for seq, (hit, record)
        in enumerate(zip(rest, records, strict=True), start=len(store.events) + first)))
