"""The days an event covers, as every export and picture draws them."""

from __future__ import annotations

from datetime import date

from ..dates import OPEN, open_end, open_start, parse_edtf
from ..models import HistDate


def sides(d: HistDate) -> tuple[HistDate | None, HistDate | None]:
    """The two ends of an interval as dates of their own (None for an open end)."""
    if not d.interval:
        return d, None
    left, _, right = d.edtf.partition("/")
    return (None if left == OPEN else parse_edtf(left)), (None if right == OPEN else parse_edtf(right))


def operation(dates: HistDate | None) -> tuple[str | None, str | None]:
    """A camp's ISO opening and closing days from its dates of operation (None where open or
    unknown; a single date is when it opened)."""
    if dates is None:
        return None, None
    lo, hi = sides(dates)
    return (lo.start.isoformat() if lo else None), (hi.end.isoformat() if hi else None)


def known_bounds(d: HistDate) -> tuple[date, date]:
    """The strict first and last day, with an open end (``..``) replaced by the known one."""
    lo, hi = sides(d)
    start = (hi or d).start if open_start(d) else d.start
    end = (lo or d).end if open_end(d) else d.end
    return start, end


def open_ended(d: HistDate) -> bool:
    return open_start(d) or open_end(d)
