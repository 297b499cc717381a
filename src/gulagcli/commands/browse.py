"""`timeline` and `search`: listings of events."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..cli import BomOpt, DataOpt, FormatOpt, JsonOpt, NoColorOpt, RawOpt, command_app, output
from ..entity import Kind
from ..errors import UsageError
from ..render.output import MAX_LIMIT
from .completion import complete_person, complete_place, complete_tag
from .fast import date_bounds

if TYPE_CHECKING:
    from ..models import Event, Store

# The store, its filters and the record builders are imported by the code that uses them:
# `timeline --json` copies ready records out of the compiled store and needs none of them.

app = command_app()

LimitOpt = Annotated[
    int | None, typer.Option("--limit", "-n", min=1, max=MAX_LIMIT, metavar="N", help="Show at most N events.")
]


FromOpt = Annotated[
    str | None,
    typer.Option("--from", metavar="DATE", show_default=False,
                 help="Events that end on or after this: 1953, 1953-05, 'May 1953', '5 марта 1953', "
                      "1954-06-26, 26.06.1954 (dots are day first)."),
]
ToOpt = Annotated[
    str | None,
    typer.Option("--to", metavar="DATE", show_default=False,
                 help="Events that start on or before this; a year or month includes all of it."),
]
PlaceOpt = Annotated[
    list[str] | None,
    typer.Option("--place", "-p", metavar="PLACE", show_default=False, autocompletion=complete_place,
                 help="Place, camp, complex, region or country; repeat or use commas for any of several."),
]
PersonOpt = Annotated[
    list[str] | None,
    typer.Option("--person", metavar="PERSON", show_default=False, autocompletion=complete_person,
                 help="A person's name or id; repeat or use commas for any of several."),
]
TagOpt = Annotated[
    list[str] | None,
    typer.Option("--tag", "-t", metavar="TAG", show_default=False, autocompletion=complete_tag,
                 help="A tag from `gulag tags`, e.g. uprising; repeat or use commas for any of several."),
]
ReverseOpt = Annotated[bool, typer.Option("--reverse", "-r", help="Newest first.")]


@app.command()
def timeline(
    since: FromOpt = None,
    until: ToOpt = None,
    place: PlaceOpt = None,
    person: PersonOpt = None,
    tag: TagOpt = None,
    limit: LimitOpt = None,
    reverse: ReverseOpt = False,
    data: DataOpt = None,
    fmt: FormatOpt = None,
    as_json: JsonOpt = False,
    no_color: NoColorOpt = False,
    raw: RawOpt = False, bom: BomOpt = False,
) -> None:
    """List events in date order, optionally filtered.

    An event is kept when any part of it falls in the --from/--to range; an approximate or
    uncertain date counts with its widest bounds. An interval such as 1953-05-26/1953-08-04
    stands for all its days. A slashed date that reads both ways (05/03/1953) is refused.

    Different filters all apply; several values of one filter keep events matching any of
    them. A place, person or tag the store does not know is an error (exit 3) that names
    the nearest matches.

    Examples:

      gulag timeline --from 1953 --to 1954

      gulag timeline --place kengir

      gulag timeline --tag uprising --tag strike --json | jq length
    """
    from . import fast

    out = output(fmt, as_json, no_color, raw=raw, bom=bom)
    unfiltered = not place and not person and not tag
    if unfiltered and fast.timeline(out, data, since=since, until=until, limit=limit, reverse=reverse):
        return
    from ..render.listings import events_listing
    from ..render.records import event_records

    store, events = select(data, since=since, until=until, place=place, person=person, tag=tag,
                           limit=limit, reverse=reverse)
    out.listing(events_listing(event_records(store, events)), empty=fast.NO_EVENTS)


def select(
    data: Path | None, *, since: str | None, until: str | None, place: list[str] | None,
    person: list[str] | None, tag: list[str] | None, limit: int | None, reverse: bool,
) -> tuple[Store, list[Event]]:
    """The store and the events the timeline filters keep: for `timeline`, `chart` and `export`."""
    from ..query import filter_events
    from ..store import load

    start, end = date_bounds(since, until)
    store = load(data)
    return store, filter_events(store, start=start, end=end, place=place, person=person, tag=tag,
                                limit=limit, reverse=reverse)


KindOpt = Annotated[
    list[Kind] | None,
    typer.Option("--kind", "-k", metavar="KIND", case_sensitive=False, show_default=False,
                 help="Only hits of this kind: event, person, place, term, figure or source; "
                      "repeat for several."),
]


@app.command()
def search(
    text: Annotated[list[str], typer.Argument(metavar="WORDS...", help="Words to look for; every word must match.")],
    kind: KindOpt = None,
    limit: Annotated[
        int | None, typer.Option("--limit", "-n", min=1, max=MAX_LIMIT, metavar="N", help="Show at most N hits.")
    ] = None,
    data: DataOpt = None,
    fmt: FormatOpt = None,
    as_json: JsonOpt = False,
    no_color: NoColorOpt = False,
    raw: RawOpt = False, bom: BomOpt = False,
) -> None:
    """Search everything: events, places, people, terms, figures and sources.

    Hits are ranked by relevance: a word in a name counts more than one in a summary, the
    word itself more than its other forms. A word also finds its inflections (deaths finds
    death), words of the same meaning (deaths finds killed), longer words it starts (amnest
    finds amnesty) and, from four letters on, close spellings (kenigr finds Kengir).

    Examples:

      gulag search amnesty

      gulag search kengir deaths --kind figure

      gulag search solzhenitsin --json
    """
    from ..render.listings import hits_listing
    from ..render.records import hit_records
    from ..search import NO_HITS
    from ..search import search as search_all
    from ..store import load
    from . import fast

    if len(text) > 1 and not all(word.strip() for word in text):  # `gulag search kengir "$EMPTY"`
        raise UsageError("one of the words is empty; give each word, e.g. `gulag search kengir deaths`")
    out = output(fmt, as_json, no_color, raw=raw, bom=bom)
    if fast.search(out, data, " ".join(text), kinds=kind or [], limit=limit):
        return
    store = load(data)
    hits = search_all(store, " ".join(text), kinds=kind or (), limit=limit)
    out.listing(hits_listing(hit_records(store, hits)), empty=NO_HITS)
