"""`sources`: the works the store cites, and the facts that rest on each."""

from __future__ import annotations

from typing import Annotated

import typer

from ..cli import BomOpt, DataOpt, FormatOpt, JsonOpt, NoColorOpt, RawOpt, command_app, output
from ..errors import UsageError, given_flags
from ..models import SOURCE_KINDS, Kind
from ..query import chosen
from ..render.output import Listing
from ..render.sources import SOURCE_COLUMNS, source_detail, source_full_record, source_listing_record
from ..sources import citing
from ..store import load
from . import resolved

app = command_app()


@app.command()
def sources(
    source: Annotated[str | None, typer.Argument(
        metavar="[SOURCE]", help="A source id or title words: show that one source.")] = None,
    kind: Annotated[list[str] | None, typer.Option(
        "--kind", "-k", help="Only sources of this kind (book, web ...; repeat, or a comma list, for any of several).")]
    = None,
    data: DataOpt = None,
    fmt: FormatOpt = None,
    as_json: JsonOpt = False,
    no_color: NoColorOpt = False,
    raw: RawOpt = False, bom: BomOpt = False,
) -> None:
    """List the sources the store cites, or show one with every fact that cites it.

    Each source names its original (book, journal article, encyclopedia article, archive page);
    where only a copy could be read, the copy is shown as "read at".

    Examples:

      gulag sources

      gulag sources --kind book

      gulag sources exhibit

      gulag show source:wp-kengir-uprising --json
    """
    named, several = given_flags((("--raw", raw), ("--bom", bom), ("--kind", kind)))
    if source is not None and named:
        raise UsageError(f"{named} {'apply' if several else 'applies'} to the listing of sources, not to one source")
    out = output(fmt, as_json, no_color, raw=raw, bom=bom)
    store = load(data)
    if source is not None:
        found = resolved(store, source, kind=Kind.SOURCE).entity
        rec = source_full_record(store, store.sources[found.id])
        out.detail(source_detail(rec), rec)
        return
    kinds = chosen("--kind", kind, SOURCE_KINDS, "a kind of source")
    rows = [source_listing_record(store, s, len(citing(store, s.id))) for s in store.sources.values()
            if not kinds or s.kind in kinds]
    out.listing(Listing(rows, SOURCE_COLUMNS, title=f"{len(rows)} sources"), empty="no sources match")
