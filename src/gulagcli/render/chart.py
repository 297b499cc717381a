"""A timeline chart drawn with text: a pure layout, turned into Rich by :mod:`.chartview`.

The layout maps days to columns and decides, for every row, what each column shows. It never
touches a terminal, so tests can check which columns a bar covers; the view only colours what
the layout decided. Every mark is its own character, so the chart reads the
same without colour, in a pipe and in an SVG.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import Enum
from itertools import pairwise

from ..dates import MONTH_ABBR, display, open_end, open_start
from ..models import Event, HistDate, Precision, Store
from .cells import cell_len, fit, pad
from .output import UNVERIFIED, printable
from .spans import known_bounds
from .term import MIN_WIDTH  # below it the bars have no room beside their labels

_MIN_PLOT = 16


class GroupBy(str, Enum):
    """``--by``: one row per place or per tag instead of one row per event."""

    PLACE = "place"
    TAG = "tag"


class Mark(str, Enum):
    """What one column of a row shows. Where events overlap, the later member wins."""

    EMPTY = " "
    FUZZY = "░"  # widest bounds of an approximate or uncertain date
    VAGUE = "▒"  # one date known only to its month, year or decade
    SPAN = "█"  # an interval: how long it lasted
    DAY = "◆"  # one known day
    BEFORE = "◀"  # continues before the left edge
    AFTER = "▶"  # continues after the right edge


_RANK = {mark: i for i, mark in enumerate(Mark)}

LEGEND = {
    Mark.SPAN: "lasted this long",
    Mark.DAY: "one day",
    Mark.VAGUE: "one date, known only to the month or year",
    Mark.FUZZY: "approximate (c.) or uncertain (?): may reach this far",
}


def _fuzzy_meaning(rows: Sequence[Row]) -> str:
    """What the pale marks stand for in this chart: the reach of a c. or ? date, how far an open
    end (``1956/..``) may run, or both."""
    dates = [d for r in rows for d in r.dates]
    vague = any(d.approximate or d.uncertain for d in dates)
    if not any(open_start(d) or open_end(d) for d in dates):
        return LEGEND[Mark.FUZZY]
    return ("approximate (c.), uncertain (?) or open-ended (..): may reach this far" if vague
            else "open-ended (..): may run this far")


# --- days to columns ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Axis:
    """The inclusive days ``lo..hi`` spread over ``width`` columns."""

    lo: date
    hi: date
    width: int

    @property
    def days(self) -> int:
        return self.hi.toordinal() - self.lo.toordinal() + 1

    def column(self, day: date) -> int:
        """The column a day falls in; negative before the axis, ``>= width`` after it."""
        return (day.toordinal() - self.lo.toordinal()) * self.width // self.days


@dataclass(frozen=True, slots=True)
class Bar:
    """The columns one date covers, unclipped: ``earliest <= start <= end <= latest``."""

    earliest: int
    start: int
    end: int
    latest: int
    mark: Mark


def bar(d: HistDate, axis: Axis) -> Bar:
    """Where a date goes: its strict span, and its widest bounds for the fuzzy part.

    A qualified side always gets at least one fuzzy column, so a "c." stays visible even when
    its widening is narrower than a column. An open end (``1956-06/..``) is solid for the days
    known and pale beyond them, to the edge and its arrow: how far it may run, as the pictures
    draw it, not "lasted this long".
    """
    first, last = known_bounds(d)
    start, end = axis.column(first), axis.column(last)
    earliest, latest = axis.column(d.earliest), axis.column(d.latest)
    if d.earliest < d.start and earliest == start:
        earliest = start - 1
    if d.latest > d.end and latest == end:
        latest = end + 1
    if d.interval:
        mark = Mark.SPAN
    elif d.precision is Precision.DAY:
        mark = Mark.DAY
    else:
        mark = Mark.VAGUE
    return Bar(earliest, start, end, latest, mark)


def draw(bars: Iterable[Bar], width: int) -> tuple[Mark, ...]:
    """One row of ``width`` columns with every bar on it, clipped, arrows where one runs off."""
    cells = [Mark.EMPTY] * width

    def put(col: int, mark: Mark) -> None:
        if 0 <= col < width and _RANK[mark] > _RANK[cells[col]]:
            cells[col] = mark

    for b in bars:
        for col in range(max(b.earliest, 0), min(b.latest, width - 1) + 1):
            put(col, Mark.FUZZY)
        for col in range(max(b.start, 0), min(b.end, width - 1) + 1):
            put(col, b.mark)
        if b.earliest < 0:
            put(0, Mark.BEFORE)
        if b.latest >= width:
            put(width - 1, Mark.AFTER)
    return tuple(cells)


def axis_for(dates: Iterable[HistDate], *, start: date | None, end: date | None, width: int) -> Axis:
    """Whole years around the dates, cut to --from/--to; open ends (``..``) do not stretch it."""
    bounds = [x for d in dates for x in (() if open_start(d) else (d.earliest, d.start))
              + (() if open_end(d) else (d.end, d.latest))]
    lo = date(min(bounds).year, 1, 1) if bounds else (start or date(1945, 1, 1))
    hi = date(max(bounds).year, 12, 31) if bounds else (end or date(lo.year, 12, 31))
    if start is not None and start > lo:
        lo = start
    if end is not None and end < hi:
        hi = end
    if hi < lo:
        lo, hi = hi, lo
    return Axis(lo, hi, width)


@dataclass(frozen=True, slots=True)
class Tick:
    column: int
    label: str


def ticks(axis: Axis) -> tuple[Tick, ...]:
    """Labelled ticks: every year when they fit; months on an axis of a year or two; else every
    2, 5, 10... years. Labels never overlap and never run past the right edge."""
    years = range(axis.lo.year, axis.hi.year + 1)
    starts = [date(y, 1, 1) for y in years if axis.lo <= date(y, 1, 1)]
    if len(starts) < 3:
        for step in (1, 2, 3, 6):
            days = [date(y, m, 1) for y in years for m in range(1, 13, step)
                    if axis.lo <= date(y, m, 1) <= axis.hi]
            picked = _if_fits(axis, [(d, str(d.year) if d.month == 1 else MONTH_ABBR[d.month - 1])
                                     for d in days])
            if picked:
                return picked
    for step in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000):
        picked = _if_fits(axis, [(d, str(d.year)) for d in starts if d.year % step == 0])
        if picked:
            return picked
    return (Tick(0, str(axis.lo.year)),)


def label_column(col: int, label: str, width: int) -> int:
    """Where a tick's label starts: at the tick, or pulled left to end at the right edge."""
    return max(0, min(col, width - len(label)))


def _if_fits(axis: Axis, days: list[tuple[date, str]]) -> tuple[Tick, ...]:
    cols = [(axis.column(d), label) for d, label in days]
    if not cols or any(b - a < 5 for (a, _), (b, _) in pairwise(cols)):
        return ()
    placed: list[Tick] = []
    taken = -1  # last column used by a label
    for col, label in cols:
        at = label_column(col, label, axis.width)
        if at > taken:
            placed.append(Tick(col, label))
            taken = at + len(label)
    return tuple(placed)


# --- rows -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Row:
    """What one line of the chart stands for: an event, or a place or tag with its events."""

    label: str
    when: str  # the event's date as a historian writes it, or "3 events"
    dates: tuple[HistDate, ...]
    qualified: bool = False  # the date is approximate or uncertain
    unverified: bool = False


def event_rows(events: Sequence[Event]) -> list[Row]:
    return [Row(printable(ev.title), display(ev.date.edtf), (ev.date,),
                qualified=ev.date.approximate or ev.date.uncertain, unverified=not ev.verified)
            for ev in events]


def grouped(events: Sequence[Event], by: GroupBy) -> list[tuple[str, list[Event]]]:
    """Events by place or tag, in order of each group's first event; those without one last
    (under the key "")."""
    groups: dict[str, list[Event]] = {}
    for ev in events:
        for key in (ev.places if by is GroupBy.PLACE else ev.tags) or ("",):
            groups.setdefault(key, []).append(ev)
    return [(key, groups[key]) for key in sorted(groups, key=lambda k: k == "")]


def group_rows(store: Store, events: Sequence[Event], by: GroupBy) -> list[Row]:
    """One row per place or tag, in order of its first event; events without one go last."""
    return [Row(printable(group_label(store, by, key)), f"{len(evs)} event{'s' if len(evs) != 1 else ''}",
                tuple(ev.date for ev in evs)) for key, evs in grouped(events, by)]


def group_label(store: Store, by: GroupBy, key: str) -> str:
    if not key:
        return f"(no {by.value})"
    if by is GroupBy.PLACE:
        place = store.places.get(key)
        return place.name if place else key
    tag = store.tags.get(key)
    return tag.label if tag else key


# --- the whole picture ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Line:
    label: str  # fitted to the label column
    when: str  # fitted to the date column ("" when there is none)
    cells: tuple[Mark, ...]
    qualified: bool


@dataclass(frozen=True, slots=True)
class Chart:
    title: str
    axis: Axis
    ticks: tuple[Tick, ...]
    label_width: int
    when_width: int  # 0: no date column (narrow terminals)
    lines: tuple[Line, ...]
    legend: tuple[tuple[str, str], ...]  # (glyphs, meaning), only for what the chart shows

    @property
    def indent(self) -> int:
        """Columns before the plot: the label, and the date column when there is one."""
        return self.label_width + 1 + (self.when_width + 1 if self.when_width else 0)


def layout_chart(rows: Sequence[Row], *, start: date | None, end: date | None, width: int,
                 subject: str) -> Chart:
    """Fit rows into ``width`` columns: labels on the left, dates if there is room, then bars."""
    width = max(width, MIN_WIDTH)
    label_width = min(max((cell_len(r.label) + 2 * r.unverified for r in rows), default=1),
                      max(12, min(40, round(width * 0.38))))
    when_width = 0
    if width >= 110:
        when_width = min(max((cell_len(r.when) for r in rows), default=0), 26)
    plot = width - label_width - 1 - (when_width + 1 if when_width else 0)
    if plot < _MIN_PLOT:
        label_width -= _MIN_PLOT - plot
        plot = _MIN_PLOT
    axis = axis_for((d for r in rows for d in r.dates), start=start, end=end, width=plot)
    lines = []
    for r in rows:
        label = (fit(r.label, label_width - 2) + " †") if r.unverified else fit(r.label, label_width)
        cells = draw((bar(d, axis) for d in r.dates), plot)
        lines.append(Line(pad(label, label_width), pad(fit(r.when, when_width), when_width)
                          if when_width else "", cells, r.qualified))
    shown = {c for line in lines for c in line.cells}
    legend = [(m.value, _fuzzy_meaning(rows) if m is Mark.FUZZY else text) for m, text in LEGEND.items() if m in shown]
    if arrows := [m.value for m in (Mark.BEFORE, Mark.AFTER) if m in shown]:
        legend.append((" ".join(arrows), "runs past the edge of the chart"))
    if any(r.unverified for r in rows):
        legend.append(("†", UNVERIFIED))
    years = f"{axis.lo.year}" if axis.lo.year == axis.hi.year else f"{axis.lo.year}–{axis.hi.year}"
    return Chart(f"{subject}, {years}", axis, ticks(axis), label_width, when_width, tuple(lines),
                 tuple(legend))
