"""`show`: one event, place, person or term in detail."""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ..cli import DataOpt, DetailFormatOpt, JsonOpt, NoColorOpt, command_app, output
from ..entity import Entity, Kind, Resolution
from .completion import complete_name

if TYPE_CHECKING:
    from ..models import Store
    from ..render.details import Detail

# The store's models, the resolver and the card builders are imported by the code that needs
# them: `show` of an exact name reads one ready record from the compiled store, and its JSON
# needs none of them (start-up, issue 10).

app = command_app()

class ShowKind(str, Enum):
    """The kinds `show` can show (figures are shown with their event or camp)."""

    EVENT = "event"
    PERSON = "person"
    PLACE = "place"
    TERM = "term"
    SOURCE = "source"


def card(store: Store, entity: Entity) -> tuple[Detail, dict[str, Any]]:
    """The record and card of an entity."""
    from ..render.cards import DETAILS, entity_record

    rec = entity_record(store, entity.kind, entity.id)
    return DETAILS[entity.kind](rec), rec


@app.command()
def show(
    query: Annotated[
        str,
        typer.Argument(metavar="QUERY", help="An id, name, alias or words of a title; prefix with event:, place:, "
                            "person:, term: or source: to choose the kind.", autocompletion=complete_name),
    ],
    kind: Annotated[
        ShowKind | None,
        typer.Option("--kind", "-k", metavar="KIND", case_sensitive=False, show_default=False,
                     help="Only look among entities of this kind: event, person, place, term or source."),
    ] = None,
    data: DataOpt = None,
    fmt: DetailFormatOpt = None,
    as_json: JsonOpt = False,
    no_color: NoColorOpt = False,
) -> None:
    """Show one event, place, person, term or source in detail, with its sources.

    Matching forgives case, accents and small typos. When a name fits several kinds, an event
    is preferred to a person, a person to a place, a place to a term; the others are named
    under "see also".

    Examples:

      gulag show kengir

      gulag show "Kengir uprising" --json

      gulag show place:norilsk

      gulag show beria

      gulag show source:exhibit
    """
    from . import fast

    out = output(fmt, as_json, no_color)
    wanted = Kind(kind.value) if kind is not None else None
    # The compiled store indexes the names of events, people, places and terms, not of sources.
    if wanted is not Kind.SOURCE and (found_fast := fast.exact(query, wanted, data)) is not None:
        entity, others, text = found_fast
        return fast.print_found(out, Resolution(entity, others), text)
    from ..store import load
    from . import resolved

    store = load(data)
    found = resolved(store, query, kind=wanted)
    detail, rec = card(store, found.entity)
    fast.print_found(out, found, rec, detail)
