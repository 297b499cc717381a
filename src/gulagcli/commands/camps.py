"""`places` and `figures`: the camp system as listings, and the numbers with who reported them."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer

from ..camps import counts_by_place, filter_places, open_range, series
from ..cli import BomOpt, DataOpt, FormatOpt, JsonOpt, NoColorOpt, RawOpt, command_app, output
from ..fast import CAMP_TYPES
from ..query import chosen, fold, given
from ..related import figures_about
from ..render import listings, records
from ..render.output import Listing
from ..store import load
from . import resolved
from .completion import complete_name

app = command_app()


def complete_camp_type(incomplete: str) -> list[str]:
    head, _, last = incomplete.rpartition(",")
    return [(head + "," if head else "") + t for t in CAMP_TYPES if t.startswith(last.lower())]


class PlaceSort(str, Enum):
    NAME = "name"
    EVENTS = "events"
    ID = "id"
    SIZE = "size"


@app.command()
def places(
    camp_type: Annotated[
        list[str] | None, typer.Option("--type", "-T", show_default=False, autocompletion=complete_camp_type,
                                       help=f"Only camps of this type: {', '.join(CAMP_TYPES)} "
                                            "(repeat, or a comma list, for any of several).")
    ] = None,
    region: Annotated[list[str] | None, typer.Option(
        "--region", help="Only places whose modern region or map area has these words: Komi, 'Central Asia' "
                         "(repeat, or a comma list, for any of several).")] = None,
    country: Annotated[list[str] | None, typer.Option(
        "--country", help="Only places in this (modern) country (repeat, or a comma list, for any of several).")]
    = None,
    open_: Annotated[
        str | None, typer.Option("--open", metavar="DATE|FROM/TO", show_default=False,
                                 help="Only camps open at some time then: 1953, 1953-03-05, 1950/1955.")
    ] = None,
    sort: Annotated[
        PlaceSort, typer.Option("--sort", "-s", case_sensitive=False,
                                help="Order by name, event count, id, or size (largest yearly count first).")
    ] = PlaceSort.NAME,
    data: DataOpt = None, fmt: FormatOpt = None, as_json: JsonOpt = False, no_color: NoColorOpt = False,
    raw: RawOpt = False, bom: BomOpt = False,
) -> None:
    """List places: camps, complexes, cities and regions, with their event counts.

    Camps carry their type, dates of operation and largest yearly prisoner count.

    Examples:

      gulag places --type special-camp

      gulag places --open 1953-03-05 --json | jq length

      gulag places --country kazakhstan --sort size --format csv
    """
    out = output(fmt, as_json, no_color, raw=raw, bom=bom)
    window = open_range(open_) if open_ is not None else None
    store = load(data)
    types = chosen("--type", camp_type, CAMP_TYPES, "a camp type")
    found = filter_places(store, camp_types=types, regions=given("--region", region),
                          countries=given("--country", country), open_between=window)
    index = records.events_index(store)
    counts = counts_by_place(store)
    recs = [records.place_record(store, p, index.get(p.id, []), counts=counts.get(p.id)) for p in found]
    if sort is PlaceSort.SIZE:
        recs.sort(key=lambda r: (-(r["peak"]["value"] if r["peak"] else -1), r["name"].casefold()))
    elif sort is PlaceSort.EVENTS:
        recs.sort(key=lambda r: (-len(r["events"]), r["name"].casefold()))
    else:
        key = "id" if sort is PlaceSort.ID else "name"
        recs.sort(key=lambda r: r[key].casefold())
    out.listing(Listing(recs, listings.PLACE_COLUMNS), empty="no places match these filters")


@app.command()
def figures(
    about: Annotated[
        str | None, typer.Option("--about", "-a", metavar="NAME", autocompletion=complete_name,
                                 help="Only figures of this event, place (a camp's yearly counts), person or "
                                      "term, or those a source reports (source:ID).")
    ] = None,
    series_name: Annotated[
        str | None, typer.Option("--series", metavar="NAME", show_default=False,
                                 help="Only one series: gulag-deaths, gulag-camps, camp-population, or gulag-colonies "
                                      "in a store that has it (the bundled one has none yet).")
    ] = None,
    data: DataOpt = None, fmt: FormatOpt = None, as_json: JsonOpt = False, no_color: NoColorOpt = False,
    raw: RawOpt = False, bom: BomOpt = False,
) -> None:
    """List the numbers: prisoners, strikers, dead, released, with who reported each.

    Where sources disagree, each figure is listed with its reporter, side by side: an
    official count next to survivors' estimates. "c." marks an approximate figure.

    Examples:

      gulag figures --about kengir

      gulag figures --about karlag --json

      gulag figures --series gulag-camps
    """
    out = output(fmt, as_json, no_color, raw=raw, bom=bom)
    store = load(data)
    entity = resolved(store, about).entity if about is not None else None
    found = figures_about(store, entity)
    title = f"Figures about {entity.name}" if entity else "Figures"
    if series_name is not None:
        about_ids = {f.id for f in found}
        found = [f for f in series(store, fold(series_name)) if f.id in about_ids]
        title = f"{title}: {fold(series_name)}"
    recs = [records.figure_record(store, f) for f in found]
    out.listing(Listing(recs, listings.FIGURE_COLUMNS, title=title), empty="no figures recorded")
