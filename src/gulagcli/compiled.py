"""The compiled store: a checked store's records in SQLite, with indexes and output ready to print.

:func:`open_store` finds (or builds, see :mod:`gulagcli.compile`) the compiled file of a store
and returns a :class:`Compiled`. Commands ask it narrow questions (an id, a name, a date range,
the rendered records in batches); :meth:`Compiled.store` gives the whole :class:`Store`, each
section decoded from its records by check.py's own builders on first access (:mod:`gulagcli.lazystore`).

Tables (see compile.py and tables.py): ``meta``; ``records`` (every record's JSON as stored, per section, in
file order); ``events`` (chronological rank, id, date bounds as ordinals); ``rendered`` (each
event's JSON record exactly as the plain path prints it); ``cards`` (the `show` record of every
place, person and term); ``names`` (folded names of everything `show` resolves); ``fulltext`` (an
FTS5 index of every word `search` can find, by document and field) and ``docs`` (what `search`
ranks: kind, id, name and, but for events, the hit record), read through :class:`SearchIndex`.
"""

from __future__ import annotations

import os
import sqlite3
from array import array
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import cache
from .entity import Kind

if TYPE_CHECKING:
    from datetime import date

    from .documents import SearchHit
    from .models import Store

BATCH = 2000  # rendered records fetched and written at a time: bounds memory while streaming
# The full-text index's columns, one per weight of a search field (documents.WEIGHTS, in order).
FULL_TEXT_COLUMNS = ("name", "alias", "linked", "label", "summary", "long")
# The fields of an event record that a listing's table shows (Compiled.listed), in the order read.
LISTED = ("id", "title", "date", "places", "summary", "verified")
HIT_BATCH = 500  # search hits fetched at a time, by `seq IN (...)`: within any SQLite's variable limit


class Compiled:
    """A compiled store opened read-only (or built in memory)."""

    def __init__(self, conn: sqlite3.Connection, path: Path, origin: Path | None) -> None:
        self.conn, self.path, self.origin = conn, path, origin  # origin: the file, None in memory

    def meta_value(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def store(self) -> Store:
        from .lazystore import LazyStore  # the record types, only for a command that needs them

        return LazyStore.over(self)

    # --- narrow questions -------------------------------------------------------------------

    def rendered(
        self, *, start: date | None = None, end: date | None = None, reverse: bool = False,
        limit: int | None = None, encoded: bool = False,
    ) -> Iterator[list[Any]]:
        """The JSON records of the events overlapping start..end, in date order, in batches: as
        text, or ``encoded`` as the UTF-8 bytes SQLite holds (nothing decoded)."""
        column = "CAST(r.json AS BLOB)" if encoded else "r.json"
        cursor = self._events(column, start=start, end=end, reverse=reverse, limit=limit)
        while batch := cursor.fetchmany(BATCH):
            yield [row[0] for row in batch]

    def listed(
        self, *, start: date | None = None, end: date | None = None, reverse: bool = False, limit: int | None = None,
    ) -> list[dict[str, Any]] | None:
        """The same events as :meth:`rendered`, each with only the fields a listing shows
        (render/listings.py's table columns), taken out of the records by SQLite: a third of the
        time of decoding them whole. None where this SQLite has no JSON functions."""
        import json

        fields = ", ".join(f"json_extract(r.json, '$.{f}')" for f in LISTED)
        try:
            rows = self._events(fields, start=start, end=end, reverse=reverse, limit=limit).fetchall()
        except sqlite3.OperationalError:  # an SQLite built without JSON1: decode whole records
            return None
        records = [dict(zip(LISTED, row, strict=True)) for row in rows]
        for r in records:  # objects come out of SQLite as JSON text, booleans as 0 or 1
            r["date"], r["places"], r["verified"] = json.loads(r["date"]), json.loads(r["places"]), bool(r["verified"])
        return records

    def _events(self, columns: str, *, start: date | None, end: date | None, reverse: bool,
                limit: int | None) -> sqlite3.Cursor:
        where, args = [], []
        if start is not None:
            where.append("e.latest >= ?")
            args.append(start.toordinal())
        if end is not None:
            where.append("e.earliest <= ?")
            args.append(end.toordinal())
        sql = f"SELECT {columns} FROM events e JOIN rendered r ON r.ord = e.ord"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY e.ord" + (" DESC" if reverse else "")
        if limit is not None:
            sql += " LIMIT ?"
            args.append(limit)
        return self.conn.execute(sql, args)

    def exact(self, keys: list[str], kind: Kind | None, *, joined: bool = False) -> list[tuple[Kind, str, str]]:
        """Entities with a name that folds to one of ``keys`` (``joined``: with its words run
        together), in `show`'s order of preference."""
        keys = [k for k in keys if _utf8(k)]  # bytes that were not UTF-8 name nothing
        if not keys:
            return []
        marks = ",".join("?" * len(keys))
        column = "joined" if joined else "key"
        sql = f"SELECT DISTINCT rank, kind, id, name FROM names WHERE {column} IN ({marks})"
        args: list[str] = list(keys)
        if kind is not None:
            sql += " AND kind = ?"
            args.append(kind.value)
        rows = self.conn.execute(sql + " ORDER BY rank", args).fetchall()
        return [(Kind(k), i, n) for _, k, i, n in rows]

    def has_source(self, ident: str) -> bool:
        sql = "SELECT 1 FROM records WHERE section = 'sources' AND id = ?"
        return _utf8(ident) and self.conn.execute(sql, (ident,)).fetchone() is not None

    def card(self, kind: Kind, ident: str) -> str:
        """The record `show` prints for an entity (without its kind and see-also), as the
        compact JSON the plain path would write for it."""
        if kind is Kind.EVENT:
            sql, args = "SELECT r.json FROM events e JOIN rendered r ON r.ord = e.ord WHERE e.id = ?", [ident]
        else:
            sql, args = "SELECT json FROM cards WHERE kind = ? AND id = ?", [kind.value, ident]
        row = self.conn.execute(sql, args).fetchone()
        if row is None:
            raise KeyError(ident)
        text: str = row[0]
        return text

    def search_index(self) -> SearchIndex | None:
        """The search index, or None when this file has none or this SQLite cannot read it (no
        FTS5): `search` then ranks in memory, as the plain path does."""
        try:
            return SearchIndex(self)
        except sqlite3.OperationalError:
            return None

    def section(self, name: str) -> Iterator[dict[str, Any]]:
        import json

        for (text,) in self.conn.execute("SELECT json FROM records WHERE section = ? ORDER BY seq", (name,)):
            yield json.loads(text)


class SearchIndex:
    """The full-text index tables.py filled, read as postings (a :class:`gulagcli.search.Index`),
    and the hits' records."""

    def __init__(self, compiled: Compiled) -> None:
        import json

        self.conn = compiled.conn
        spans, self.words = json.loads(compiled.meta_value("spans") or "null"), compiled.meta_value("vocabulary")
        if spans is None or self.words is None:
            raise sqlite3.OperationalError("no full-text index")
        self.spans = {Kind(kind): range(lo, hi) for kind, (lo, hi) in spans.items()}
        # Each word's documents, each with the code of the heaviest column it is in (the columns
        # come heaviest first), read from the index in this connection's own temporary schema
        # (the file is opened read-only), kept in memory; no FTS5 here: an error.
        self.conn.execute("PRAGMA temp_store = MEMORY")
        self.conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.fulltext_postings "
                          "USING fts5vocab(main, fulltext, instance)")
        code = " ".join(f"WHEN '{column}' THEN {i}" for i, column in enumerate(FULL_TEXT_COLUMNS))
        self.sql = f"SELECT doc * 8 + min(CASE col {code} END) FROM temp.fulltext_postings WHERE term = ? GROUP BY doc"

    def vocabulary(self) -> list[str]:
        words = self.words
        return words.split("\n") if words else []

    def postings(self, word: str) -> array[int]:
        return array("I", [entry for (entry,) in self.conn.execute(self.sql, (word,))])

    def span(self, kind: Kind) -> range:
        return self.spans.get(kind, range(0))

    def _batches(self, found: list[tuple[int, float]]
                 ) -> Iterator[tuple[list[tuple[int, float]], dict[int, tuple[str, str, str, str | None]]]]:
        """The hits in batches, each with its documents' kind, id, name and stored hit record."""
        for start in range(0, len(found), HIT_BATCH):
            batch = found[start:start + HIT_BATCH]
            marks = ",".join("?" * len(batch))
            yield batch, {seq: rest for seq, *rest in self.conn.execute(
                f"SELECT seq, kind, id, name, json FROM docs WHERE seq IN ({marks})", [seq for seq, _ in batch])}

    def hits(self, found: list[tuple[int, float]]) -> list[SearchHit]:
        """The hits of :func:`gulagcli.search.ranked`'s answer, in its order."""
        from .documents import SearchHit

        out = []
        for batch, rows in self._batches(found):
            out += [SearchHit(Kind(rows[seq][0]), rows[seq][1], rows[seq][2], score) for seq, score in batch]
        return out

    def records(self, found: list[tuple[int, float]]) -> Iterator[list[str]]:
        """Each hit as compact JSON, exactly as ``hit_records`` would print it, in batches: the
        kind, id, name and score, then the event's rendered record (less its id) or the stored
        hit with its score replaced."""
        from .render.output import encode_compact

        for batch, rows in self._batches(found):
            events = [seq for seq, _ in batch if rows[seq][3] is None]
            rendered: dict[int, str] = {}
            if events:
                marks = ",".join("?" * len(events))
                rendered = dict(self.conn.execute(f"SELECT ord, json FROM rendered WHERE ord IN ({marks})", events))
            out = []
            for seq, score in batch:
                kind, ident, name, js = rows[seq]
                if js is None:  # an event: {"kind", "id", "name", "score", then its record after "id"}
                    head = encode_compact({"kind": kind, "id": ident, "name": name})[:-1]
                    # The record starts {"id":<the id as in head>; head's first ,"name": ends the id
                    # (inside a JSON string every quote is escaped).
                    tail = rendered[seq][head.index(',"name":') - _MORE_HEAD:]
                else:
                    head, found_score, tail = js.partition(_NO_SCORE)
                    if not found_score:
                        raise ValueError(f"compiled store: the hit record of {ident} has no score")
                    tail = "," + tail
                out.append(f'{head},"score":{score!r}{tail}')
            yield out


_NO_SCORE = ',"score":0.0,'  # where a stored hit's score goes (the first such text is the key)
_MORE_HEAD = len('{"kind":"event","id":') - len('{"id":')  # what a hit's head has before the id


def open_store(path: Path, *, build: bool = True) -> Compiled | None:
    """The compiled store of the JSON store at ``path``, built if need be (with ``build=False``,
    None when none is built yet, and nothing written, a stamp neither: `cache info` only looks);
    None when the file is not a regular file (a pipe, /dev/stdin: read once, directly) or
    compiling is switched off."""
    if not cache.enabled():
        return None
    try:
        st = os.stat(path)
    except OSError:
        return None  # the plain path says what is wrong with it
    from .store import MAX_BYTES

    if not cache.is_regular(st) or st.st_size > MAX_BYTES:
        return None  # read once, directly; or refused by the plain path

    sig = cache.signature(st)
    opened = []
    for db in _candidates(path):
        if (conn := cache.open_trusted(db)) is None:
            continue
        known = cache.content_of(conn)
        if known is not None and cache.stamped(db, sig, known):
            return Compiled(conn, path, db)
        opened.append((db, conn))
    from .compile import build_file, read_source

    raw, content = read_source(path)
    for db, conn in opened:
        if cache.content_of(conn) == content:
            if build:
                cache.stamp(db, st, content)
            return Compiled(conn, path, db)
        conn.close()
    if not build:
        return None
    conn, built = build_file(path, raw, content, cache.cache_file(path))
    if built is not None:
        cache.stamp(built, st, content)
    return Compiled(conn, path, built)


def _candidates(path: Path) -> Iterator[Path]:
    """The file shipped in the wheel first; the cache's (named after every module of the code,
    which takes a directory scan) only if that one is missing or stale."""
    from .store import packaged_db

    if (shipped := packaged_db(path)) is not None:
        yield shipped
    yield cache.cache_file(path)


def _utf8(text: str) -> bool:
    """Text SQLite can take: no lone surrogate (how Python keeps an argument's stray bytes)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
