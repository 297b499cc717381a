"""What the store says about one entity: its events, its figures, its sources, and the events
that fall on a day of the year."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from .entity import Entity
from .models import Event, Figure, HistDate, Kind, Person, Place, Store, Term


def events_of(store: Store, entity: Entity) -> list[Event]:
    """The events an entity takes part in: itself for an event, else the events naming it."""
    if entity.kind is Kind.EVENT:
        return [store.by_id[entity.id]]
    return [ev for ev in store.events if entity.id in (*ev.places, *ev.people, *ev.terms)]


def episode(store: Store, ev: Event) -> list[Event]:
    """An event with the related events that happened at one of its places: one episode.

    The Kengir uprising and its suppression are two events of one episode; the uprising and
    the Norilsk strike it relates to are not.
    """
    near = [store.by_id[r] for r in ev.related if r in store.by_id]
    near += [e for e in store.events if ev.id in e.related]
    return [ev, *(e for e in near if set(e.places) & set(ev.places))]


def figures_about(store: Store, entity: Entity | None) -> list[Figure]:
    """Figures of the events an entity takes part in (all figures without one), in event order;
    for a source, the figures that cite it.

    For an event, the figures of its whole episode, its own first: `figures --about kengir`
    began with the peak counts of the special camps created in 1948. Figures that count the
    same thing stay next to each other, so that an official count and a survivors' estimate
    read side by side.
    """
    order = {ev.id: i for i, ev in enumerate(store.events)}
    figures = list(store.figures.values())
    if entity is not None and entity.kind is Kind.SOURCE:  # the figures it reports
        figures = [f for f in figures if entity.id in f.sources]
    elif entity is not None:
        events = events_of(store, entity)
        if entity.kind is Kind.EVENT:
            events = episode(store, events[0])
        wanted = {ev.id for ev in events}
        # A place's own figures (a camp's yearly counts) as well as those of its events.
        place = entity.id if entity.kind is Kind.PLACE else None
        figures = [f for f in figures if f.event in wanted or (place and f.place == place)]
    own = entity.id if entity is not None and entity.kind is Kind.EVENT else None
    return sorted(figures, key=lambda f: (own is not None and f.event != own, order.get(f.event or "", len(order)),
                                          f.what, f.date.start if f.date else date.min, f.id))


class Anniversary(NamedTuple):
    event: Event
    year: int  # the year in which the event touched the day asked for


def on_this_day(store: Store, *, month: int, day: int, before: int = 0, after: int = 0) -> list[Anniversary]:
    """Events known to the day that touch ``month``-``day`` (widened by ``before``/``after``
    days) in any year, multi-day events included. Month- or year-precise events are left out:
    they cannot be placed on a day. A day marked uncertain or approximate ("1953-03-05?") is the
    day it names, as the date column shows it with its mark."""
    from .dates import shift_days

    out = []
    for ev in store.events:
        d = ev.date
        if (span := _certain_days(d)) is None:
            continue
        first, last = span
        # A year before and after: a window across New Year ("on 01-01 --before 10") reaches
        # the December before, and one ending after the event's year the January after.
        for year in range(max(1, first.year - 1), min(9999, last.year + 1) + 1):  # within the calendar
            anchor = _day_in(year, month, day)
            if shift_days(anchor, -before) <= last and shift_days(anchor, after) >= first:
                out.append(Anniversary(ev, min(max(year, first.year), last.year)))  # a year the event was in
                break
    return out


def _certain_days(d: HistDate) -> tuple[date, date] | None:
    """The days an event surely covers: a day-precise date's own; for an interval with one end
    known to the day, from the last day its start can mean to the first its end can ("1953-07/
    1953-08-01": 31 July to 1 August; "1954-05-16/..": its first day); None where neither end is
    known to the day."""
    from .dates import OPEN, parse_edtf
    from .models import Precision

    if not d.interval:
        return (d.start, d.end) if d.precision is Precision.DAY else None
    ends = d.edtf.split("/")
    if OPEN in ends:  # one end open: only the known end's day is sure
        known = parse_edtf(ends[0] if ends[1] == OPEN else ends[1])
        return (known.start, known.end) if known.precision is Precision.DAY else None
    left, right = (parse_edtf(side) for side in ends)
    if left.precision is not Precision.DAY and right.precision is not Precision.DAY:
        return None
    first = left.start if left.precision is Precision.DAY else left.end
    last = right.end if right.precision is Precision.DAY else right.start
    return (first, last) if first <= last else None


def _day_in(year: int, month: int, day: int) -> date:
    """29 February falls on the 28th in a common year."""
    try:
        return date(year, month, day)
    except ValueError:
        return date(year, month, day - 1)


def sources_of(store: Store, entity: Entity) -> list[str]:
    """Ids of every source behind an entity: its own, its notes' and its figures', and a camp's
    history's."""
    ids: list[str] = []
    if entity.kind is Kind.SOURCE:  # `cite source:ID`: the source itself
        return [entity.id] if entity.id in store.sources else []
    if entity.kind is Kind.EVENT:
        ev = store.by_id[entity.id]
        ids += ev.sources
        for note in ev.notes:
            ids += note.sources
        for fig in store.figures.values():
            if fig.event == ev.id:
                ids += fig.sources
    else:
        entry: Place | Person | Term = (
            store.places[entity.id] if entity.kind is Kind.PLACE
            else store.people[entity.id] if entity.kind is Kind.PERSON
            else store.terms[entity.id]
        )
        ids += entry.sources
        for note in getattr(entry, "notes", ()):
            ids += note.sources
        for change in getattr(entry, "history", ()):
            ids += change.sources
    return [i for i in dict.fromkeys(ids) if i in store.sources]
