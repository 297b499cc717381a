"""Compile a store's JSON into SQLite (read by :mod:`gulagcli.compiled`).

The store is checked by the loader's own :func:`gulagcli.check.build`; one that fails is never
compiled, and the error is the plain loader's. Each record's JSON is kept as the checks read it,
and each event's output record is rendered by the same code the plain path uses, so both print
the same bytes. Written to a temporary file beside the target and moved into place with
``os.replace``: a reader sees the old file or the new one, never half of one, however many
commands compile at once.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import sys
import tempfile
from array import array
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from . import cache, jsonfile, jsonscreen
from .aside import MIN_SIZE, tables_aside
from .check import SECTIONS, build
from .models import Event, HistDate, Store
from .query import words
from .render import records as rec
from .render.output import FloatFreeEncoder, encode_compact
from .render.progress import StageBar
from .resolve import entities
from .store import collector_paused

PROGRESS_MIN_EVENTS = 20_000  # a compile this large takes seconds: show a bar on a terminal

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE records (section TEXT NOT NULL, seq INTEGER NOT NULL, id TEXT NOT NULL, json TEXT NOT NULL,
                      PRIMARY KEY (section, seq), UNIQUE (section, id));
CREATE TABLE events (ord INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, earliest INTEGER NOT NULL,
                     latest INTEGER NOT NULL);
CREATE TABLE rendered (ord INTEGER PRIMARY KEY, json TEXT NOT NULL);
CREATE TABLE cards (kind TEXT NOT NULL, id TEXT NOT NULL, json TEXT NOT NULL, PRIMARY KEY (kind, id)) WITHOUT ROWID;
CREATE TABLE names (key TEXT NOT NULL, joined TEXT NOT NULL, rank INTEGER NOT NULL, kind TEXT NOT NULL,
                    id TEXT NOT NULL, name TEXT NOT NULL);
CREATE TABLE vocab (word TEXT PRIMARY KEY, docs BLOB NOT NULL);
CREATE TABLE docs (seq INTEGER PRIMARY KEY, kind TEXT NOT NULL, id TEXT NOT NULL, name TEXT NOT NULL, json TEXT);
"""
INDEXES = "CREATE INDEX names_key ON names (key); CREATE INDEX names_joined ON names (joined);"


def read_source(path: Path) -> tuple[bytes, str]:
    """The store's bytes (with the plain loader's errors) and their SHA-256."""
    from . import store

    raw = jsonfile.read_bytes(path, max_bytes=store.MAX_BYTES, env_var=store.ENV_VAR)
    return raw, cache.digest(raw)


def build_file(path: Path, raw: bytes, content: str, target: Path) -> tuple[sqlite3.Connection, Path | None]:
    """Compile into ``target`` atomically and open it; in memory, with one warning, when the
    cache directory cannot be written."""
    from .compiled import Compiled  # noqa: F401  (the reader must import cleanly before we write)

    try:
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, tmp = tempfile.mkstemp(prefix=".gulag-", suffix=".tmp", dir=target.parent)
        os.close(fd)
    except OSError as exc:
        return _in_memory(raw, path, content, target, exc.strerror or str(exc)), None
    try:
        conn = sqlite3.connect(tmp)
        try:
            compile_into(conn, raw, path, content, aside=target.parent)
        finally:
            conn.close()
        os.replace(tmp, target)
    except (OSError, sqlite3.OperationalError) as exc:  # a full disk, a file-size limit
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        return _in_memory(raw, path, content, target, getattr(exc, "strerror", None) or str(exc)), None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    cache.prune(target, cache.source_name(path))
    opened = cache.open_trusted(target)
    if opened is None:  # replaced meanwhile by a broken file: use what we just built, in memory
        opened = sqlite3.connect(":memory:", check_same_thread=False)
        compile_into(opened, raw, path, content)
        return opened, None
    return opened, target


def _in_memory(raw: bytes, path: Path, content: str, target: Path, why: str) -> sqlite3.Connection:
    cache.warn_once(f"cannot write the cache in {target.parent} ({why}); compiling in memory for this run")
    conn = sqlite3.connect(":memory:", check_same_thread=False)
    compile_into(conn, raw, path, content)
    return conn


def compile_into(conn: sqlite3.Connection, raw: bytes, path: Path, content: str, *, aside: Path | None = None) -> None:
    """Check the store in ``raw`` and write its compiled form into an empty database. With
    ``aside`` (a folder gulag may write in), a large store's names and search postings are made
    by a forked child meanwhile (:func:`gulagcli.aside.tables_aside`).

    The child is forked before the store is built and builds its own from the same bytes: a
    child forked after would share every record with this process, and each process touching
    them (a reference count is a write) made the kernel copy the pages under both, 2 s of the
    compile of a rich 100,000-event store, more than building the store again on the other CPU."""
    with collector_paused(freeze=False):  # millions of objects built, none freed
        built: list[Store] = []  # this process's store, once built; the child builds its own

        def search_here(into: sqlite3.Connection) -> None:
            mine = built[0] if built else _store_only(raw, path)
            with into:
                _names(into, mine)
                _search(into, mine)
                _cards(into, mine)

        folder = aside if len(raw) >= PARALLEL_MIN_BYTES else None
        # The bar starts after the fork: a child forked while its thread runs could deadlock.
        with tables_aside(folder, SCHEMA, search_here, ("names", "vocab", "docs", "meta", "cards")) as search:
            store, captured = _bulk_checked(raw, path) or _checked(raw, path)
            built.append(store)
            _fill(conn, store, captured, content, path, search)
        with conn:
            conn.executescript(INDEXES)
            conn.execute("INSERT INTO meta VALUES ('complete', 'yes')")
        conn.execute(f"PRAGMA user_version = {cache.FORMAT}")


def _fill(conn: sqlite3.Connection, store: Store, captured: Captured, content: str, path: Path,
          search: Callable[[sqlite3.Connection], None]) -> None:
    """Every table but the names, search postings and cards, which ``search`` puts in at the end."""
    conn.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -262144;")
    conn.executescript(SCHEMA)
    conn.execute(f"PRAGMA application_id = {cache.APP_ID}")
    with StageBar.shown(len(store.events) >= PROGRESS_MIN_EVENTS, "compiling the store") as bar:
        with conn:
            meta = {"format": str(cache.FORMAT), "content": content, "meta": json.dumps(store.meta._asdict()),
                    "source": cache.source_name(path)}
            conn.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
            for section, rows in captured.items():
                conn.executemany("INSERT INTO records VALUES (?, ?, ?, ?)",
                                 ((section, i, ident, js) for i, (ident, js) in enumerate(rows)))
            captured.clear()
            encode = FloatFreeEncoder()  # event records hold no float
            parts = _Fragments(store, encode)
            _events(conn, store, bar, encode, parts)
            bar.stage("search hits")
            _hits(conn, store, encode, parts)
        bar.stage("search index and cards")
        search(conn)


PARALLEL_MIN_BYTES = MIN_SIZE  # from here a forked child makes the names and search postings (aside.py)


Captured = dict[str, list[tuple[str, str]]]  # per section, each record's id and JSON text


def _bulk_checked(raw: bytes, path: Path) -> tuple[Store, Captured] | None:
    """A large store that has no problem at all, checked and built in C by the plain loader's
    own msgspec path, with its records' JSON cut from the file; None sends it to :func:`_checked`."""
    from .store import BULK_MIN_BYTES, _bulk

    if len(raw) < BULK_MIN_BYTES or (bulk := _bulk()) is None:
        return None
    store = bulk.build(raw, path=str(path))
    return None if store is None else (store, bulk.records(raw, store))


def _store_only(raw: bytes, path: Path) -> Store:
    """The store alone, as :func:`_bulk_checked` or :func:`_checked` builds it."""
    from .store import BULK_MIN_BYTES, _bulk

    store = bulk.build(raw, path=str(path)) if len(raw) >= BULK_MIN_BYTES and (bulk := _bulk()) else None
    return store if store is not None else _checked(raw, path)[0]


def _checked(raw: bytes, path: Path) -> tuple[Store, Captured]:
    """The store checked by the loader's field-by-field reader (its errors are the plain
    loader's), keeping each record's JSON as the checks read it."""
    from .store import invalid

    text = jsonfile.utf8(raw, path)
    jsonscreen.screen(raw, path)  # what the plain loader refuses is never compiled either
    captured: Captured = {}
    members: Any = jsonfile.top_level(text, path) if jsonfile.is_object(text) else jsonfile.decode(text, path)
    store, problems = build(_capture(members, captured), path=str(path))
    del text, members
    if problems:
        raise invalid(path, problems)
    assert store is not None
    return store, captured


def _capture(members: Any, into: Captured) -> Any:
    """The store's members unchanged, keeping each record's JSON as the checks read it."""
    if isinstance(members, dict):
        members = members.items()
    elif not isinstance(members, Iterator):
        return members  # not an object: build() says so
    return _members(members, into)


def _members(members: Iterable[tuple[str, Any]], into: Captured) -> Iterator[tuple[str, Any]]:
    for key, value in members:
        if key in SECTIONS and isinstance(value, (list, Iterator)):
            value = _records(value, into.setdefault(key, []))
        yield key, value


def _records(items: Iterable[Any], into: list[tuple[str, str]]) -> Iterator[Any]:
    for item in items:
        if type(item) is dict and type(ident := item.get("id")) is str:
            into.append((ident, encode_compact(item)))
        yield item


def _events(
    conn: sqlite3.Connection, store: Store, bar: StageBar, encode: FloatFreeEncoder, parts: _Fragments,
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


def _cards(conn: sqlite3.Connection, store: Store) -> None:
    """The record `show` prints for every place, person and term, made as `show` makes it."""
    from .camps import counts_by_place
    from .models import Kind
    from .render.cards import entity_record

    index, counts = rec.events_index(store), counts_by_place(store)
    for kind, section in ((Kind.PLACE, store.places), (Kind.PERSON, store.people), (Kind.TERM, store.terms)):
        conn.executemany("INSERT INTO cards VALUES (?, ?, ?)", (
            (kind.value, ident, encode_compact(entity_record(store, kind, ident, index=index, counts=counts)))
            for ident in section))


def _names(conn: sqlite3.Connection, store: Store) -> None:
    """What `show` matches exactly: every name of every entity, folded as resolve folds them,
    and written together ("kokterek" for Kok-Terek), resolve's next tier."""
    rows = []
    for rank, (entity, names) in enumerate(entities(store)):
        for key in dict.fromkeys(" ".join(words(n)) for n in names):
            rows.append((key, key.replace(" ", ""), rank, entity.kind.value, entity.id, entity.name))
    conn.executemany("INSERT INTO names VALUES (?, ?, ?, ?, ?, ?)", rows)


def _search(conn: sqlite3.Connection, store: Store) -> None:
    """What `search` ranks: the postings of every document (search.index, over the documents
    the plain path ranks), and each event's document (kind, id, name; its hit record is its row
    in ``rendered``). Made by a forked child for a large store, while :func:`_hits` is made here."""
    from .search import documents, index

    idx = index(documents(store))
    conn.executemany("INSERT INTO vocab VALUES (?, ?)", ((w, pack(docs)) for w, docs in idx.words.items()))
    idx.words.clear()
    conn.execute("INSERT INTO meta VALUES ('spans', ?)",
                 (json.dumps({kind.value: [span.start, span.stop] for kind, span in idx.spans.items()}),))
    conn.executemany("INSERT INTO docs VALUES (?, ?, ?, ?, NULL)", (
        (seq, kind.value, ident, name) for seq, (kind, ident, name) in enumerate(idx.docs[:len(store.events)])))


class _Fragments:
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


def _hits(conn: sqlite3.Connection, store: Store, encode: FloatFreeEncoder, parts: _Fragments) -> None:
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
