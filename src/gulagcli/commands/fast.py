"""Answers read straight from the compiled store, without building the whole :class:`Store`.

Each function returns False when its question is not one the compiled store answers directly
(a filter it has no index for, a terminal's pretty JSON, no compiled store for this input); the
command then takes its usual path, which gives the same output. Tests compare the two.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import AmbiguousError, UsageError
from ..models import Kind
from ..query import Entity, fold, split_kind, words
from ..render.emit import Output
from ..render.output import OutputFormat, is_terminal
from ..store import locate, open_compiled


def timeline(out: Output, data: Path | None, *, since: str | None, until: str | None, limit: int | None,
             reverse: bool) -> bool:
    """`timeline` without --place/--person/--tag, in JSON, JSONL, CSV or plain lines."""
    from ..render.stream import STREAMED, stream_events
    from .browse import date_bounds

    fmt = out.format
    if fmt not in STREAMED or (fmt is OutputFormat.JSON and is_terminal(out.out)):
        return False
    start, end = date_bounds(since, until)
    if start is not None and end is not None and start > end:
        raise UsageError(f"--from {start} is after --to {end}")
    db = open_compiled(locate(data))
    if db is None:
        return False
    stream_events(fmt, db.rendered(start=start, end=end, reverse=reverse, limit=limit), out.out, out.csv)
    return True


def search(out: Output, data: Path | None, text: str, *, kinds: list[Kind], limit: int | None) -> bool:
    """`search`, ranked over the compiled store's postings; JSON and JSONL hits streamed from the
    stored records, other formats made from the hits as the plain path makes them."""
    from ..search import NO_HITS, query_words, ranked

    db = open_compiled(locate(data))
    if db is None:
        return False
    qwords = query_words(text)
    index = db.search_index()
    found = ranked(index, qwords, kinds=kinds)[:limit]
    fmt = out.format
    if fmt is OutputFormat.JSONL or (fmt is OutputFormat.JSON and not is_terminal(out.out)):
        from ..render.stream import stream_events

        stream_events(fmt, index.records(found), out.out)
        return True
    from ..render.listings import hits_listing
    from ..render.records import hit_records

    out.listing(hits_listing(hit_records(db.store(), index.hits(found))), empty=NO_HITS)
    return True


def exact(query: str, kind: Kind | None, data: Path | None) -> tuple[Entity, tuple[Entity, ...], dict[str, Any]] | None:
    """What `show` finds for a query that is exactly some entity's id, name or alias: the
    entity, the others of the same exact tier (see also) and its record; None otherwise."""
    prefixed, text = split_kind(query)
    kind = kind or prefixed
    q = " ".join(words(text))
    if not q:
        return None
    db = open_compiled(locate(data))
    if db is None:
        return None
    tier = [Entity(k, i, n) for k, i, n in db.exact(list(dict.fromkeys((q, fold(text)))), kind)]
    if not tier:
        return None
    # Rows come in the order of query.entities, kind by kind, as resolve ranks them.
    best = [e for e in tier if e.kind is tier[0].kind]
    if len(best) > 1:
        raise AmbiguousError(
            f"{text!r} matches {len(best)} {best[0].kind.value}s; use an id",
            candidates=tuple((e.kind.value, e.id, e.name) for e in tier),
        )
    return best[0], tuple(e for e in tier if e is not best[0]), db.card(best[0].kind, best[0].id)
