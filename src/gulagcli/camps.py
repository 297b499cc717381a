"""The camp system: pure functions over a loaded Store (no terminal, no I/O).

Camps are places of kind "camp" with a type and dates of operation; their yearly prisoner
counts are figures with ``place`` and ``series`` "camp-population".
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import NamedTuple

from .errors import NotFoundError, UsageError
from .fast import CAMP_SERIES
from .models import Figure, Place, Store
from .userdates import one_day_or_month, parse_interval, parse_user_range

SYSTEM_SERIES = ("gulag-camps", "gulag-colonies", "gulag-deaths")
SPARKS = "▁▂▃▄▅▆▇█"
GAP = "·"  # a year between two counts that has none


class Peak(NamedTuple):
    value: int
    year: int


def open_range(text: str, *, option: str = "--open") -> tuple[date, date]:
    """``1953``, ``1953-03-05``, ``'5 March 1953'`` or an interval ``1950/1955`` as inclusive days."""
    if "/" not in text or one_day_or_month(text.strip()):  # 26/06/1954 and 05/1953 are one date each
        return parse_user_range(text, option=option)
    return parse_interval(text.strip(), option, open_ends=True)


def is_camp(place: Place) -> bool:
    return place.kind == "camp"


NEVER_OPEN = ("no", "apparently not")  # "perhaps not" keeps a camp its dates: only perhaps


def open_during(place: Place, lo: date, hi: date) -> bool:
    """True when the camp's stated dates of operation meet lo..hi and the span is not wholly
    inside a break. Strict bounds: a camp "closed 1954?" counts as open until the end of 1954,
    not into the widened 1955. A camp that was (apparently) never set up was never open."""
    if place.organised in NEVER_OPEN or place.dates is None or place.dates.start > hi or place.dates.end < lo:
        return False
    return not any(start <= lo and hi <= end for start, end in breaks(place))


def breaks(place: Place) -> list[tuple[date, date]]:
    """The days a camp was certainly closed between a closing and a reopening in its history
    (Bogoslovlag: closed in January 1949, open again in June 1951: 1 February 1949 to 31 May 1951)."""
    out: list[tuple[date, date]] = []
    closed: date | None = None
    for change in sorted(place.history, key=lambda c: c.date.earliest):
        if change.change == "closed":
            closed = change.date.latest
        elif change.change == "opened" and closed is not None:
            start, end = closed + timedelta(days=1), change.date.earliest - timedelta(days=1)
            if start <= end:
                out.append((start, end))
            closed = None
    return out


def _matches(value: str | None, wanted: str) -> bool:
    from .query import words

    if not value:
        return False
    want = " ".join(words(wanted))
    return bool(want) and f" {want} " in f" {' '.join(words(value))} "


def filter_places(
    store: Store, *, camp_types: Sequence[str] = (), regions: Sequence[str] = (), countries: Sequence[str] = (),
    open_between: tuple[date, date] | None = None,
) -> list[Place]:
    """Places matching every filter given, each filter any of its values (as ``--tag`` is);
    a camp filter (type, open) keeps camps only."""
    out = list(store.places.values())
    if camp_types:
        out = [p for p in out if getattr(p, "camp_type", None) in camp_types]
    if open_between is not None:
        lo, hi = open_between
        out = [p for p in out if is_camp(p) and open_during(p, lo, hi)]
    if regions:
        # The modern region, the dataset's broad area ("Central Asia") or the modern name.
        def region_of(p: Place) -> tuple[str | None, ...]:
            return p.region, p.area, p.modern_name

        for region in regions:
            _known(store, "--region", region, region_of)
        out = [p for p in out if any(_matches(text, r) for r in regions for text in region_of(p))]
    if countries:
        for country in countries:
            _known(store, "--country", country, lambda p: (p.country,))
        out = [p for p in out if any(_matches(p.country, c) for c in countries)]
    return out


def _known(store: Store, option: str, wanted: str, values: Callable[[Place], tuple[str | None, ...]]) -> None:
    """A value no place in the store has is an error that suggests the nearest ones, as an
    unknown --place is: a filter never quietly matches nothing."""
    from .match import suggest

    every = sorted({v for p in store.places.values() for v in values(p) if v})
    if not any(_matches(v, wanted) for v in every):
        raise NotFoundError(f"{option} {wanted!r}: no place in the store has it",
                            suggestions=tuple(suggest(wanted, {v: [v] for v in every})))


def counts_by_place(store: Store) -> dict[str, list[Figure]]:
    """Each camp's yearly counts, in date order (one pass over the figures)."""
    out: dict[str, list[Figure]] = {}
    for fig in store.figures.values():
        if fig.place and fig.series == CAMP_SERIES and fig.value is not None:
            out.setdefault(fig.place, []).append(fig)
    for figs in out.values():
        figs.sort(key=lambda f: (f.date.start if f.date else date.min, f.id))
    return out


def peak(counts: list[Figure]) -> Peak | None:
    """The largest count and its year (the earliest year on a tie)."""
    best = max(counts, key=lambda f: (f.value or 0, -(f.date.start.year if f.date else 0)), default=None)
    if best is None or best.value is None:
        return None
    return Peak(best.value, best.date.start.year if best.date else 0)


def series(store: Store, name: str, *, place: str | None = None) -> list[Figure]:
    """The figures of one series (of one camp, with ``place``), in date order. A series the
    store does not have is an error naming those it has, as an unknown --tag is."""
    known = series_names(store)
    if not name.strip(" ,"):
        raise UsageError(f"--series is empty; give one of: {', '.join(known)}")
    if name not in known:
        from .query import bounded

        bounded(name, what="--series")  # a 100 kB name is not echoed back
        raise NotFoundError(f"--series {name!r}: no series of that name in the store", suggestions=tuple(known))
    figs = [f for f in store.figures.values() if f.series == name and (place is None or f.place == place)]
    return sorted(figs, key=lambda f: (f.date.start if f.date else date.min, f.id))


def series_names(store: Store) -> list[str]:
    return sorted({f.series for f in store.figures.values() if f.series})


def sparkline(values: Sequence[int | None]) -> str:
    """One block character per value, scaled from the smallest to the largest; None (a year
    without a count) is a gap, ``·``."""
    known = [v for v in values if v is not None]
    if not known:
        return ""
    lo, hi = min(known), max(known)
    span = hi - lo
    return "".join(GAP if v is None else SPARKS[0 if span == 0 else round((v - lo) / span * (len(SPARKS) - 1))]
                   for v in values)
