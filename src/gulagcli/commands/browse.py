"""`timeline` and `search`: listings of events."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from ..cli import DataOpt, FormatOpt, JsonOpt, NoColorOpt, command_app, output
from ..dates import parse_user_range
from ..models import Event, Store
from ..query import filter_events
from ..query import search as search_events
from ..render.listings import events_listing, hits_listing
from ..render.records import event_records
from ..store import load

app = command_app()

LimitOpt = Annotated[
    int | None, typer.Option("--limit", "-n", min=1, max=10_000_000, help="Show at most N events.")
]


def date_bounds(since: str | None, until: str | None) -> tuple[date | None, date | None]:
    """--from takes the first day its date stands for, --to the last: ``--to 1954`` is all of 1954."""
    start = parse_user_range(since, option="--from")[0] if since is not None else None
    end = parse_user_range(until, option="--to")[1] if until is not None else None
    return start, end


FromOpt = Annotated[
    str | None,
    typer.Option("--from", metavar="DATE", show_default=False,
                 help="Events that end on or after this: 1953, 1953-05, 'May 1953', 1954-06-26."),
]
ToOpt = Annotated[
    str | None,
    typer.Option("--to", metavar="DATE", show_default=False,
                 help="Events that start on or before this; a year or month includes all of it."),
]
PlaceOpt = Annotated[str | None, typer.Option("--place", "-p", help="Place, camp, complex, region or country.")]
PersonOpt = Annotated[str | None, typer.Option("--person", help="A person's name or id.")]
TagOpt = Annotated[str | None, typer.Option("--tag", "-t", help="A tag from `gulag tags`, e.g. uprising.")]
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
) -> None:
    """List events in date order, optionally filtered.

    An event is kept when any part of it falls in the --from/--to range; an approximate or
    uncertain date counts with its widest bounds.

    Examples:

      gulag timeline --from 1953 --to 1954

      gulag timeline --place kengir

      gulag timeline --tag uprising --json | jq length
    """
    out = output(fmt, as_json, no_color)
    if place is None and person is None and tag is None:
        from . import fast

        if fast.timeline(out, data, since=since, until=until, limit=limit, reverse=reverse):
            return
    store, events = select(data, since=since, until=until, place=place, person=person, tag=tag,
                           limit=limit, reverse=reverse)
    out.listing(events_listing(event_records(store, events)), empty="no events match these filters")


def select(
    data: Path | None, *, since: str | None, until: str | None, place: str | None, person: str | None,
    tag: str | None, limit: int | None, reverse: bool,
) -> tuple[Store, list[Event]]:
    """The store and the events the timeline filters keep: for `timeline`, `chart` and `export`."""
    start, end = date_bounds(since, until)
    store = load(data)
    return store, filter_events(store, start=start, end=end, place=place, person=person, tag=tag,
                                limit=limit, reverse=reverse)


@app.command()
def search(
    text: Annotated[list[str], typer.Argument(help="Words to look for (all must match).")],
    limit: LimitOpt = None,
    data: DataOpt = None,
    fmt: FormatOpt = None,
    as_json: JsonOpt = False,
    no_color: NoColorOpt = False,
) -> None:
    """Search events by words in titles, aliases, places, people, tags and summaries.

    Results are ranked: a word in a title counts more than one in a summary. A word also
    matches as the start of a longer word (amnest finds amnesty).

    Examples:

      gulag search amnesty

      gulag search kengir tanks --json
    """
    out = output(fmt, as_json, no_color)
    from . import fast

    if fast.search(out, data, " ".join(text), limit=limit):
        return
    store = load(data)
    hits = search_events(store, " ".join(text), limit=limit)
    records = event_records(store, [h.event for h in hits])
    out.listing(hits_listing([{"score": h.score, **rec} for h, rec in zip(hits, records, strict=True)]),
                empty="no events match that search")
