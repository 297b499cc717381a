"""What `show` prints for one entity: its record and its card, one function per kind, chosen here.

The compiled store keeps these records ready (see compile.py), made by the same function, so a
card read from the cache is the card the plain path builds.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..models import Event, Figure, Kind, Store
from . import details, records
from .details import Detail


def entity_record(store: Store, kind: Kind, ident: str, *, index: dict[str, list[Event]] | None = None,
                  counts: dict[str, list[Figure]] | None = None) -> dict[str, Any]:
    """The record of one entity; ``index`` (events by entity) and ``counts`` (yearly counts by
    camp) may be given when many records are made at once."""
    if kind is Kind.EVENT:
        return records.event_record(store, store.by_id[ident])
    if kind is Kind.SOURCE:
        from .sources import source_full_record

        return source_full_record(store, store.sources[ident])
    related = (index if index is not None else records.events_index(store)).get(ident, [])
    if kind is Kind.PLACE:
        if counts is None:
            from ..camps import counts_by_place

            counts = counts_by_place(store)
        return records.place_record(store, store.places[ident], related, counts=counts.get(ident, []),
                                    with_counts=True)
    if kind is Kind.PERSON:
        return records.person_record(store, store.people[ident], related)
    return records.term_record(store, store.terms[ident], related)


def _source_detail(rec: dict[str, Any]) -> Detail:
    from .sources import source_detail

    return source_detail(rec)


DETAILS: dict[Kind, Callable[[dict[str, Any]], Detail]] = {
    Kind.EVENT: details.event_detail, Kind.PLACE: details.place_detail, Kind.PERSON: details.person_detail,
    Kind.TERM: details.term_detail, Kind.SOURCE: _source_detail,
}
