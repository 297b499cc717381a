"""Compile a store's JSON into SQLite (read by :mod:`gulagcli.compiled`).

The store is checked by the loader's own :func:`gulagcli.check.build`; one that fails is never
compiled, and the error is the plain loader's. Each record's JSON is kept as the checks read it,
and each event's output record is rendered by the same code the plain path uses, so both print
the same bytes (:mod:`gulagcli.tables` fills each table). Written to a temporary file beside the
target and moved into place with ``os.replace``: a reader sees the old file or the new one,
never half of one, however many commands compile at once.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from . import cache, jsonfile, jsonscreen, tables
from .aside import MIN_SIZE, tables_aside
from .check import SECTIONS, build
from .models import Store
from .render.output import FloatFreeEncoder, encode_compact
from .render.progress import StageBar
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
CREATE TABLE docs (seq INTEGER PRIMARY KEY, kind TEXT NOT NULL, id TEXT NOT NULL, name TEXT NOT NULL, json TEXT);
"""
# Large pages: an event's rendered record (about 5 kB in a rich store) fits in one page rather than
# a chain of overflow pages. Writing a rich 100,000-event store's 760 MB of records took 2.4 s in
# 4 kB pages and 0.5 s in 64 kB ones; set before the first table, by both processes that write.
# No temporary files either (the full-text index's word list is read through a temporary table):
# a compile in memory, when the disk cannot take the cache, must not need the disk.
WRITING = "PRAGMA page_size = 65536; PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA temp_store = MEMORY;"
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
    ``aside`` (a folder gulag may write in), a large store's names, cards, full-text index and
    later search hits are made by a forked child while this process renders the events and the
    earlier hits (:func:`gulagcli.aside.tables_aside`).

    The child is forked before the store is built and builds its own from the same bytes: a
    child forked after would share every record with this process, and each process touching
    them (a reference count is a write) made the kernel copy the pages under both, 2 s of the
    compile of a rich 100,000-event store, more than building the store again on the other CPU."""
    with collector_paused(freeze=False):  # millions of objects built, none freed
        built: list[Store] = []  # this process's store, once built; the child builds its own

        def aside_here(into: sqlite3.Connection) -> None:
            mine = built[0] if built else _store_only(raw, path)
            encode = FloatFreeEncoder()
            with into:
                tables.names(into, mine)
                tables.cards(into, mine)
                tables.hits(into, mine, encode, tables.Fragments(mine, encode), (HITS_HERE, 1.0))
                tables.search(into, mine)

        folder = aside if len(raw) >= PARALLEL_MIN_BYTES else None
        # The bar starts after the fork: a child forked while its thread runs could deadlock.
        with tables_aside(folder, WRITING + SCHEMA, aside_here, ASIDE) as join:
            store, captured = _bulk_checked(raw, path) or _checked(raw, path)
            built.append(store)
            _fill(conn, store, captured, content, path, join)
        with conn:
            conn.executescript(INDEXES)
            conn.execute("INSERT INTO meta VALUES ('complete', 'yes')")
        conn.execute(f"PRAGMA user_version = {cache.FORMAT}")


# The share of the search hits (the documents after the events) made here; the child makes the
# rest. On a rich 100,000-event store, other shares measured no better (bench/README.md).
HITS_HERE = 0.5

# What the child writes: the full-text index's own tables (its pages, its index of them and its
# settings), copied over the empty index made here (tables.FULL_TEXT), and the tables. The index
# first: an SQLite that refuses writes to an index's own tables (a "defensive" build) refuses
# the first, and the child's work is done here instead.
ASIDE = ("fulltext_data", "fulltext_idx", "fulltext_config", "names", "cards", "docs", "meta")


def _fill(conn: sqlite3.Connection, store: Store, captured: Captured, content: str, path: Path,
          join: Callable[[sqlite3.Connection], None]) -> None:
    """Every table but those ``join`` puts in at the end (see :func:`compile_into`)."""
    conn.executescript(WRITING + "PRAGMA cache_size = -262144;" + SCHEMA)
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
            parts = tables.Fragments(store, encode)
            tables.events(conn, store, bar, encode, parts)
            bar.stage("search hits")
            tables.hits(conn, store, encode, parts, (0.0, HITS_HERE))
            tables.full_text(conn)  # empty: the child's index is copied in (ASIDE)
        bar.stage("names, cards and search index")
        join(conn)


PARALLEL_MIN_BYTES = MIN_SIZE  # from here a forked child makes the names, cards, hits and search index (aside.py)


Captured = dict[str, list[tuple[str, str]]]  # per section, each record's id and JSON text


def _bulk_checked(raw: bytes, path: Path, *, child: bool = False) -> tuple[Store, Captured] | None:
    """A large store that has no problem at all, checked and built in C by the plain loader's
    own msgspec path, with its records' JSON cut from the file; None sends it to :func:`_checked`.
    For the compile's ``child``, no record's JSON, and the bytes are not scanned again: the parent
    scans them, and the child's tables are used only if the parent's checks all pass."""
    from .store import BULK_MIN_BYTES, _bulk

    if len(raw) < BULK_MIN_BYTES or (bulk := _bulk()) is None:
        return None
    store = bulk.build(raw, path=str(path), screened=child)
    return None if store is None else (store, {} if child else bulk.records(raw, store))


def _store_only(raw: bytes, path: Path) -> Store:
    """The store alone, as the compile's search child builds it."""
    return (_bulk_checked(raw, path, child=True) or _checked(raw, path))[0]


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
