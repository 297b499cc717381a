"""`show`: one event, place, person or term in detail."""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Any

import typer

from ..cli import DataOpt, DetailFormatOpt, JsonOpt, NoColorOpt, command_app, output
from ..models import Kind, Store
from ..query import Entity, Resolution, resolve
from ..render.cards import DETAILS, entity_record
from ..render.details import Detail
from ..render.emit import Output
from ..store import load
from .completion import complete_name

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
    rec = entity_record(store, entity.kind, entity.id)
    return DETAILS[entity.kind](rec), rec


@app.command()
def show(
    query: Annotated[
        str,
        typer.Argument(help="An id, name, alias or words of a title; prefix with event:, place:, "
                            "person:, term: or source: to choose the kind.", autocompletion=complete_name),
    ],
    kind: Annotated[
        ShowKind | None,
        typer.Option("--kind", "-k", case_sensitive=False, show_default=False,
                     help="Only look among entities of this kind."),
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
    out = output(fmt, as_json, no_color)
    wanted = Kind(kind.value) if kind is not None else None
    if wanted is not Kind.SOURCE:  # the compiled store indexes the names of events, people, places, terms
        from . import fast

        if (found_fast := fast.exact(query, wanted, data)) is not None:
            entity, others, rec = found_fast
            return _print(out, Resolution(entity, others), DETAILS[entity.kind](rec), rec)
    store = load(data)
    found = resolve(store, query, kind=wanted)
    detail, rec = card(store, found.entity)
    _print(out, found, detail, rec)


def _print(out: Output, found: Resolution, detail: Detail, rec: dict[str, Any]) -> None:
    see_also = [{"kind": e.kind.value, "id": e.id, "name": e.name} for e in found.see_also]
    if see_also:
        detail = Detail(detail.title, detail.kind, detail.fields,
                        footer="see also: " + ", ".join(f"{e['kind']}:{e['id']}" for e in see_also))
    out.detail(detail, {"kind": found.entity.kind.value, **rec, "see_also": see_also})
