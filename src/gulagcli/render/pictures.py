"""The rows of a picture chart: one per event, or per place or tag, with colours and a title."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from ..models import Event, Store
from .chart import GroupBy, group_label, grouped
from .output import UNVERIFIED
from .plot import PlotRow, colour_keys, default_range, mark, save, timeline_figure


def picture_rows(store: Store, events: Sequence[Event], by: GroupBy | None) -> list[PlotRow]:
    keys = colour_keys(store, events)
    if by is None:
        return [PlotRow(ev.title + ("" if ev.verified else " †"), (mark(ev, keys[ev.id]),)) for ev in events]
    rows = []
    for key, evs in grouped(events, by):
        label = group_label(store, by, key)
        if by is GroupBy.PLACE:
            place = store.places.get(key)
            colour = (place.camp_type or place.kind) if place else "other"  # camps by their type
        else:
            colour = label
        rows.append(PlotRow(label, tuple(mark(ev, colour) for ev in evs)))
    return rows


def timeline_picture(store: Store, events: Sequence[Event], *, by: GroupBy | None, start: date | None,
                     end: date | None, count: str, formats: list[str]) -> list[bytes]:
    rows = picture_rows(store, events, by)
    lo, hi = default_range(rows)
    lo, hi = start or lo, end or hi
    span = str(lo.year) if lo.year == hi.year else f"{lo.year}–{hi.year}"
    title = f"{store.meta.name}: {count}{f' by {by.value}' if by else ''}, {span}"
    version = f" version {store.meta.version}" if store.meta.version else ""
    source = (f"Source: gulag store{version}, events with their sources (gulag show ID). "
              "Hatched: a date known only to its month or year; pale: how far a c. or ? date may reach; † "
              f"{UNVERIFIED}.")
    if by is GroupBy.PLACE:  # camps by their type, other places by their kind
        from ..fast import CAMP_TYPES

        order = [*CAMP_TYPES, "camp", "city", "region", "country", "place"]
    else:
        order = [t.label for t in store.tags.values()]
    from .details import CAMP_TYPES as TYPE_WORDS  # a camp type's words in the legend, not its id

    names = {k: v for k, v in TYPE_WORDS.items() if k != "other"} if by is GroupBy.PLACE else None  # other: no place
    fig = timeline_figure(rows, lo=lo, hi=hi, title=title, source=source, order=order, names=names)
    return [save(fig, fmt) for fmt in formats]
