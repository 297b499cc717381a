"""The rows of a picture chart: one per event, or per place or tag, with colours and a title."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from ..models import Event, Store
from .chart import GroupBy
from .plot import PlotRow, colour_keys, default_range, mark, save, timeline_figure


def picture_rows(store: Store, events: Sequence[Event], by: GroupBy | None) -> list[PlotRow]:
    keys = colour_keys(store, events)
    if by is None:
        return [PlotRow(ev.title + ("" if ev.verified else " †"), (mark(ev, keys[ev.id]),)) for ev in events]
    groups: dict[str, list[Event]] = {}
    for ev in events:
        for key in (ev.places if by is GroupBy.PLACE else ev.tags) or ("",):
            groups.setdefault(key, []).append(ev)
    rows = []
    for key in sorted(groups, key=lambda k: k == ""):
        if by is GroupBy.PLACE:
            place = store.places.get(key)
            label = place.name if place else (key or "(no place)")
            # colour by camp type where the store has it (branch `camps`), else by kind of place
            colour = (getattr(place, "camp_type", None) or place.kind) if place else "other"
        else:
            label = store.tags[key].label if key in store.tags else (key or "(no tag)")
            colour = label
        rows.append(PlotRow(label, tuple(mark(ev, colour) for ev in groups[key])))
    return rows


def timeline_picture(store: Store, events: Sequence[Event], *, by: GroupBy | None, start: date | None,
                     end: date | None, count: str, formats: list[str]) -> list[bytes]:
    rows = picture_rows(store, events, by)
    lo, hi = default_range(rows)
    lo, hi = start or lo, end or hi
    span = str(lo.year) if lo.year == hi.year else f"{lo.year}–{hi.year}"
    title = f"{store.meta.title}: {count}{f' by {by.value}' if by else ''}, {span}"
    source = (f"Source: gulag store version {store.meta.version}, events with their sources (gulag show ID). "
              "Hatched: a date known only to its month or year; pale: how far a c. or ? date may reach; † reported "
              "only by an exhibit panel.")
    fig = timeline_figure(rows, lo=lo, hi=hi, title=title, source=source)
    return [save(fig, fmt) for fmt in formats]
