"""Answers read straight from the compiled store, without building the whole :class:`Store`.

:func:`timeline` and :func:`search` return False, and :func:`exact` None, when the question is
not one the compiled store answers directly (a filter it has no index for, a name that needs
the resolver, no compiled store for this input); the command then takes its usual path, which
gives the same output. Tests compare the two.

Nothing here imports Typer: :mod:`gulagcli.quick` answers `show` and `timeline` with these
functions (and :func:`print_found`, which both paths of `show` print with) before the Typer
layer is loaded.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..entity import Entity, Kind, Resolution, asked_kind, choose
from ..errors import UsageError
from ..match import fold, words
from ..render.output import OutputFormat, is_terminal
from ..store import locate, open_compiled

if TYPE_CHECKING:
    from datetime import date

    from ..render.details import Detail
    from ..render.emit import Output


def date_bounds(since: str | None, until: str | None) -> tuple[date | None, date | None]:
    """--from takes the first day its date stands for, --to the last: ``--to 1954`` is all of 1954."""
    if since is None and until is None:
        return None, None
    from ..userdates import parse_user_range

    start = parse_user_range(since, option="--from")[0] if since is not None else None
    end = parse_user_range(until, option="--to")[1] if until is not None else None
    return start, end


def timeline(out: Output, data: Path | None, *, since: str | None, until: str | None, limit: int | None,
             reverse: bool) -> bool:
    """`timeline` without --place/--person/--tag: JSON, JSONL, CSV and plain lines stream the
    ready records in batches; a table (or JSON on a terminal, indented) is made from them."""
    start, end = date_bounds(since, until)
    if start is not None and end is not None and start > end:
        raise UsageError(f"--from {start} is after --to {end}")
    db = open_compiled(locate(data))
    if db is None:
        return False
    fmt = out.format
    # In a pipe, JSON and JSONL go to stdout's byte stream as SQLite holds them (no decoding).
    sink = getattr(out.out, "binary", lambda: None)() if fmt in (OutputFormat.JSON, OutputFormat.JSONL) \
        and not is_terminal(out.out) else None
    batches = db.rendered(start=start, end=end, reverse=reverse, limit=limit, encoded=sink is not None)
    if sink is not None:
        from ..render.stream import copy_json

        copy_json(fmt, batches, sink.write)
    elif fmt is OutputFormat.TABLE or fmt is OutputFormat.JSON:  # JSON here: a terminal's, indented
        import json

        from ..render.listings import events_listing

        records = db.listed(start=start, end=end, reverse=reverse, limit=limit) if fmt is OutputFormat.TABLE else None
        if records is None:
            records = [json.loads(text) for batch in batches for text in batch]
        out.listing(events_listing(records), empty=NO_EVENTS)
    else:
        from ..render.stream import stream_events

        if stream_events(fmt, batches, out.out, out.csv) == 0 and fmt is OutputFormat.PLAIN:
            out.message(NO_EVENTS)  # as the listing says it (render/emit.py)
    return True


NO_EVENTS = "no events match these filters"


def search(out: Output, data: Path | None, text: str, *, kinds: list[Kind], limit: int | None) -> bool:
    """`search`, ranked over the compiled store's postings; JSON and JSONL hits streamed from the
    stored records, other formats made from the hits as the plain path makes them."""
    from ..search import NO_HITS, query_words, ranked

    db = open_compiled(locate(data))
    if db is None or (index := db.search_index()) is None:
        return False
    qwords = query_words(text)
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


def exact(query: str, kind: Kind | None, data: Path | None) -> tuple[Entity, tuple[Entity, ...], str] | None:
    """What `show` finds for a query that is exactly some entity's id, name or alias, or such a
    name written together or apart: the entity, the others of the same tier (see also) and its
    record as compact JSON; None otherwise."""
    kind, text = asked_kind(query, kind)
    q = " ".join(words(text))
    if not q:
        return None
    db = open_compiled(locate(data))
    if db is None:
        return None
    rows = db.exact(list(dict.fromkeys((q, fold(text)))), kind)
    if not rows and (kind is not None or not db.has_source(text.strip().lower())):  # resolve's order
        rows = db.exact([q.replace(" ", "")], kind, joined=True)  # "kokterek": Kok-Terek written together
    tier = [Entity(k, i, n) for k, i, n in rows]
    if not tier:
        return None
    found = choose(tier, text)  # rows come in the order of resolve.entities, as resolve ranks them
    try:
        card = db.card(found.entity.kind, found.entity.id)
    except KeyError:  # a cache file edited behind gulag's back: the plain path answers
        return None
    return found.entity, found.see_also, card


def print_found(out: Output, found: Resolution, rec: dict[str, Any] | str, detail: Detail | None = None) -> None:
    """The record, and for table and plain output its card (made from the record if not given).

    ``rec`` may be the record's compact JSON, as the compiled store keeps it: written to a pipe
    as it is, with the kind and see-also around it, it is decoded only for the other formats.
    """
    kind = found.entity.kind
    see_also = [{"kind": e.kind.value, "id": e.id, "name": e.name} for e in found.see_also]

    def decoded() -> dict[str, Any]:
        import json

        return json.loads(rec) if isinstance(rec, str) else rec

    def record() -> dict[str, Any]:
        body = dict(decoded())
        if "kind" in body:  # a source's own kind (book, web...): "kind" says what is shown, as in search
            body["source_type"] = body.pop("kind")
        return {"kind": kind.value, **body, "see_also": see_also}

    def view() -> Detail:
        from ..render.cards import DETAILS
        from ..render.details import Detail

        shown = detail or DETAILS[kind](decoded())
        if not see_also:
            return shown
        return Detail(shown.title, shown.kind, shown.fields,
                      footer="see also: " + ", ".join(f"{e['kind']}:{e['id']}" for e in see_also))

    compact = None
    if isinstance(rec, str) and not see_also and rec.startswith('{"') and '"kind":' not in rec:
        compact = f'{{"kind":"{kind.value}",{rec[1:-1]},"see_also":[]}}'  # what encoding record() gives
    out.detail(view, record, compact=compact)
