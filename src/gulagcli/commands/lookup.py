"""`show`: one event, place, person or term in detail."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from ..cli import DataOpt, FormatOpt, JsonOpt, NoColorOpt, command_app, output
from ..models import Kind, Store
from ..query import Entity, Resolution, resolve
from ..render import details, records
from ..render.details import Detail
from ..render.emit import Output
from ..store import load

app = command_app()

SHOWABLE = (Kind.EVENT, Kind.PERSON, Kind.PLACE, Kind.TERM)


def card(store: Store, entity: Entity) -> tuple[Detail, dict[str, Any]]:
    """The record and card of an entity; one function per kind, chosen here only."""
    if entity.kind is Kind.EVENT:
        rec = records.event_record(store, store.by_id[entity.id])
        return details.event_detail(rec), rec
    related = records.events_index(store).get(entity.id, [])
    if entity.kind is Kind.PLACE:
        rec = records.place_record(store, store.places[entity.id], related)
        return details.place_detail(rec), rec
    if entity.kind is Kind.PERSON:
        rec = records.person_record(store, store.people[entity.id], related)
        return details.person_detail(rec), rec
    rec = records.term_record(store, store.terms[entity.id], related)
    return details.term_detail(rec), rec


def complete_name(incomplete: str) -> list[tuple[str, str]]:
    """Shell completion for `show`: ids and names of the bundled (or $GULAG_DATA) store."""
    from ..query import entities, fold

    try:
        store = load(None)
    except Exception:  # completion must never print a traceback into the shell
        return []
    want = fold(incomplete)
    out = []
    for entity, _ in entities(store):
        if fold(entity.id).startswith(want) or fold(entity.name).startswith(want):
            out.append((entity.id, f"{entity.kind.value}: {entity.name}"))
    return out


@app.command()
def show(
    query: Annotated[
        str,
        typer.Argument(help="An id, name, alias or words of a title; prefix with event:, place:, "
                            "person: or term: to choose the kind.", autocompletion=complete_name),
    ],
    kind: Annotated[
        Kind | None,
        typer.Option("--kind", "-k", case_sensitive=False, show_default=False,
                     help="Only look among entities of this kind."),
    ] = None,
    data: DataOpt = None,
    fmt: FormatOpt = None,
    as_json: JsonOpt = False,
    no_color: NoColorOpt = False,
) -> None:
    """Show one event, place, person or term in detail, with its sources.

    Matching forgives case, accents and small typos. When a name fits several kinds, an event
    is preferred to a person, a person to a place, a place to a term; the others are named
    under "see also".

    Examples:

      gulag show kengir

      gulag show "Kengir uprising" --json

      gulag show place:norilsk

      gulag show beria
    """
    out = output(fmt, as_json, no_color)
    if kind is None or kind in SHOWABLE:
        from . import fast

        if (found_fast := fast.exact(query, kind, data)) is not None:
            entity, others, rec = found_fast
            return _print(out, Resolution(entity, others), DETAILS[entity.kind](rec), rec)
    store = load(data)
    if kind is not None and kind not in SHOWABLE:
        raise typer.BadParameter(f"show takes one of {', '.join(k.value for k in SHOWABLE)}",
                                 param_hint="--kind")
    found = resolve(store, query, kind=kind)
    detail, rec = card(store, found.entity)
    _print(out, found, detail, rec)


DETAILS = {Kind.EVENT: details.event_detail, Kind.PLACE: details.place_detail,
           Kind.PERSON: details.person_detail, Kind.TERM: details.term_detail}


def _print(out: Output, found: Resolution, detail: Detail, rec: dict[str, Any]) -> None:
    see_also = [{"kind": e.kind.value, "id": e.id, "name": e.name} for e in found.see_also]
    if see_also:
        detail = Detail(detail.title, detail.kind, detail.fields,
                        footer="see also: " + ", ".join(f"{e['kind']}:{e['id']}" for e in see_also))
    out.detail(detail, {"kind": found.entity.kind.value, **rec, "see_also": see_also})
