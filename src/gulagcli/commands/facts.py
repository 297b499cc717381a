"""Fact lookup: index tables, figures, anniversaries, citations and what the store covers."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

from ..cli import BomOpt, DataOpt, DetailFormatOpt, FormatOpt, JsonOpt, NoColorOpt, RawOpt, command_app, output
from ..models import Store
from ..query import plural
from ..related import on_this_day, sources_of
from ..render import listings, records
from ..render.cite import CiteStyle, bibliography, csl_item, text_citation
from ..render.emit import Output
from ..render.output import Column, Listing, is_terminal, write_json
from ..render.safe import terminal
from ..render.spans import known_bounds
from ..store import load
from ..userdates import parse_month_day, today
from . import resolved
from .completion import complete_name

app = command_app()


class IndexSort(str, Enum):
    NAME = "name"
    EVENTS = "events"
    ID = "id"


SortOpt = Annotated[
    IndexSort, typer.Option("--sort", "-s", case_sensitive=False, help="Order by name, event count or id.")
]


# Per index: how to make a record, its columns, the field it is named by.
_INDEXES: dict[str, tuple[Callable[..., dict[str, Any]], list[Column], str]] = {
    "people": (records.person_record, listings.PERSON_COLUMNS, "name"),
    "terms": (records.term_record, listings.TERM_COLUMNS, "term"),
}


def _index_listing(data: Path | None, kind: str, *, sort: IndexSort, out: Output) -> None:
    store = load(data)
    make, columns, name_key = _INDEXES[kind]
    index = records.events_index(store)
    entries: dict[str, Any] = getattr(store, kind)
    recs = [make(store, entry, index.get(key, [])) for key, entry in entries.items()]
    if sort is IndexSort.EVENTS:
        recs.sort(key=lambda r: (-len(r["events"]), r[name_key].casefold()))
    else:
        key = "id" if sort is IndexSort.ID else name_key
        recs.sort(key=lambda r: r[key].casefold())
    out.listing(Listing(recs, columns), empty=f"no {kind}")


@app.command()
def people(
    sort: SortOpt = IndexSort.NAME, data: DataOpt = None, fmt: FormatOpt = None,
    as_json: JsonOpt = False, no_color: NoColorOpt = False,
    raw: RawOpt = False, bom: BomOpt = False,
) -> None:
    """List people with their life dates, roles and event counts.

    `gulag show NAME` gives one person's card: who they were, their events and sources.

    Examples:

      gulag people

      gulag people --sort events --format csv
    """
    _index_listing(data, "people", sort=sort, out=output(fmt, as_json, no_color, raw=raw, bom=bom))


@app.command()
def terms(
    sort: SortOpt = IndexSort.NAME, data: DataOpt = None, fmt: FormatOpt = None,
    as_json: JsonOpt = False, no_color: NoColorOpt = False,
    raw: RawOpt = False, bom: BomOpt = False,
) -> None:
    """List the glossary: groups, practices and institutions, with definitions.

    `gulag show TERM` gives one term's card, with the events that name it.

    Examples:

      gulag terms

      gulag show slowdown
    """
    _index_listing(data, "terms", sort=sort, out=output(fmt, as_json, no_color, raw=raw, bom=bom))


@app.command()
def tags(
    data: DataOpt = None, fmt: FormatOpt = None, as_json: JsonOpt = False, no_color: NoColorOpt = False,
    raw: RawOpt = False, bom: BomOpt = False,
) -> None:
    """List the tag vocabulary that `timeline --tag` accepts.

    Each tag comes with its label, what it covers and how many events carry it.

    Examples:

      gulag tags

      gulag timeline --tag strike
    """
    out = output(fmt, as_json, no_color, raw=raw, bom=bom)
    store = load(data)
    recs = [{"id": t.id, "label": t.label, "description": t.description,
             "events": sum(t.id in e.tags for e in store.events)} for t in store.tags.values()]
    out.listing(Listing(recs, listings.TAG_COLUMNS), empty="no tags")


@app.command()
def on(
    day: Annotated[
        str | None,
        typer.Argument(metavar="[DAY]", help="Month and day: 06-26, 26.06, 26/06 or '26 June'. "
                                             "Default: today ($GULAG_TODAY if set)."),
    ] = None,
    before: Annotated[int, typer.Option("--before", "-B", min=0, max=366, help="Also N days before.")] = 0,
    after: Annotated[int, typer.Option("--after", "-A", min=0, max=366, help="Also N days after.")] = 0,
    data: DataOpt = None, fmt: FormatOpt = None, as_json: JsonOpt = False, no_color: NoColorOpt = False,
    raw: RawOpt = False, bom: BomOpt = False,
) -> None:
    """What happened on this day of the year, in any year, multi-day events included.

    Only events dated to the day are placed on a day. --before and --after widen the window,
    as in calendar(1).

    Examples:

      gulag on 06-26

      gulag on "5 March" --after 3

      gulag on --json
    """
    out = output(fmt, as_json, no_color, raw=raw, bom=bom)
    now = today()
    month, mday = parse_month_day(day) if day is not None else (now.month, now.day)
    store = load(data)
    hits = on_this_day(store, month=month, day=mday, before=before, after=after)
    recs = [{"years_ago": now.year - a.year, **records.event_record(store, a.event)} for a in hits]
    listing = listings.events_listing(recs)
    out.listing(Listing(recs, listings.ANNIVERSARY_COLUMNS, notes=listing.notes),
                empty=f"nothing recorded {day_window(month, mday, before=before, after=after)}")


def day_window(month: int, day: int, *, before: int, after: int) -> str:
    """"on 06-26", or "from 06-19 to 07-03" when --before/--after widen the day."""
    from ..dates import shift_days

    anchor = date(2000, month, day)  # a leap year, so 02-29 is a day
    if not before and not after:
        return f"on {anchor:%m-%d}"
    return f"from {shift_days(anchor, -before):%m-%d} to {shift_days(anchor, after):%m-%d}"


@app.command()
def cite(
    query: Annotated[str | None, typer.Argument(
        metavar="[QUERY]", help="An event, place, person or term, as for `show` (or source:ID for one source).",
        autocompletion=complete_name,
    )] = None,
    style: Annotated[CiteStyle, typer.Option("--style", case_sensitive=False, help="Citation format.")]
    = CiteStyle.TEXT,
    everything: Annotated[bool, typer.Option("--all", help="Cite every source in the store.")] = False,
    data: DataOpt = None,
) -> None:
    """Print the sources behind an event or fact, ready for a paper or a reference manager.

    text is for reading, bibtex for LaTeX (biblatex/biber), csl-json for Zotero and pandoc.
    With --all, the whole bibliography, one entry per source.

    Examples:

      gulag cite kengir

      gulag cite kengir --style bibtex > kengir.bib

      gulag cite beria --style csl-json

      gulag cite --all --style bibtex > gulag.bib
    """
    import sys

    store = load(data)
    if everything and query is not None:
        raise typer.BadParameter("give an event or fact to cite, or --all, not both", param_hint="QUERY")
    if not everything and query is None:
        raise typer.BadParameter("give an event or fact to cite, or --all", param_hint="QUERY")
    if everything:
        sources = list(store.sources.values())
    else:
        assert query is not None
        sources = [store.sources[i] for i in sources_of(store, resolved(store, query).entity)]
    if style is CiteStyle.CSL_JSON:
        write_json([csl_item(s) for s in sources], sys.stdout, pretty=is_terminal(sys.stdout))
    elif style is CiteStyle.BIBTEX:  # controls in data shown as escapes, in a file too
        sys.stdout.write(terminal(bibliography(sources), newlines=True))
    else:
        sys.stdout.writelines(terminal(text_citation(s)) + "\n" for s in sources)


def about_record(store: Store) -> dict[str, Any]:
    kinds: dict[str, int] = {}
    for s in store.sources.values():
        kinds[s.kind] = kinds.get(s.kind, 0) + 1
    # An open end (EDTF "..") is no coverage: the event counts from or to its known end.
    bounds = [known_bounds(e.date) for e in store.events]
    first = min((start for start, _ in bounds), default=None)
    last = max((end for _, end in bounds), default=None)
    return {
        "title": store.meta.title, "version": store.meta.version, "license": store.meta.license,
        "description": store.meta.description, "path": store.path,
        "covers": {"from": first.isoformat() if first else None, "to": last.isoformat() if last else None},
        "counts": {"events": len(store.events), "places": len(store.places), "people": len(store.people),
                   "terms": len(store.terms), "figures": len(store.figures), "sources": len(store.sources),
                   "unverified_events": sum(not e.verified for e in store.events)},
        "sources_by_kind": dict(sorted(kinds.items())),
    }


def covers_text(rec: dict[str, Any], store: Store) -> str:
    """The span of the events, and how much of it lies outside the years the title names."""
    import re

    span = rec["covers"]
    if not span["from"] or not span["to"]:
        return "no dated events"
    text = f"events from {span['from'][:4]} to {span['to'][:4]}"
    m = re.search(r"\b(\d{4})\s*[-–]\s*(\d{4})\b", rec["title"] or "")
    if m:
        lo, hi = int(m[1]), int(m[2])
        bounds = [known_bounds(e.date) for e in store.events]
        before = sum(start.year < lo for start, _ in bounds)
        after = sum(hi < end.year for _, end in bounds)
        # "1 event ends after 1962", "2 events end after 1962"
        outside = [f"{plural(n, 'event')} {verb if n == 1 else verb[:-1]} {where} {year}" for n, verb, where, year in
                   ((before, "begins", "before", lo), (after, "ends", "after", hi)) if n]
        if outside:
            text += f" (beyond the title's {lo}–{hi}: " + " and ".join(outside) + ")"
    return text


@app.command()
def about(
    data: DataOpt = None, fmt: DetailFormatOpt = None, as_json: JsonOpt = False, no_color: NoColorOpt = False,
) -> None:
    """What the store covers: its version, licence, span of years, counts and sources.

    The span runs from the earliest event's date to the latest one's; the counts are of every
    section of the store, and the sources are counted by kind.

    Examples:

      gulag about

      gulag about --json | jq .counts
    """
    from ..render.details import Detail

    out = output(fmt, as_json, no_color)
    store = load(data)
    rec = about_record(store)
    d = Detail(title=store.meta.name, kind="store")
    d.add("version", rec["version"] or "not given")
    d.add("licence", rec["license"] or "not given")
    d.add("covers", covers_text(rec, store))
    singular = {"people": "person"}
    d.add("contents", ", ".join(plural(n, singular.get(k, k.rstrip("s")).replace("_", " "))
                                for k, n in rec["counts"].items()))
    d.add("sources", "by kind: " + ", ".join(f"{k} {n}" for k, n in rec["sources_by_kind"].items())
          if rec["sources_by_kind"] else "none")
    d.add("about", rec["description"])
    d.add("file", rec["path"])
    out.detail(d, rec)


