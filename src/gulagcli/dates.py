"""Historical dates: stored EDTF strings as inclusive day ranges, and how they are displayed.

The store uses a subset of EDTF (ISO 8601-2, levels 0 and 1): ``1953``, ``1953-05``,
``1953-03-05``, the qualifiers ``?`` (uncertain), ``~`` (approximate) and ``%`` (both),
unspecified trailing digits (``195X``, ``1954-XX``) and intervals ``A/B`` with ``..`` for an
open end. A qualified date is widened by one unit of its precision on each side (two for
``%``): ``1954-05~`` may mean any day of April to June 1954. Filters use these widest bounds.
Dates a user types are read by :mod:`gulagcli.userdates`.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache, lru_cache

from .models import HistDate, Precision

MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
OPEN = ".."
FIRST_DAY = date(1, 1, 1)
LAST_DAY = date(9999, 12, 31)

_SINGLE = re.compile(
    r"(?P<year>\d{4}|\d{3}X)(?:-(?P<month>\d\d|XX)(?:-(?P<day>\d\d|XX))?)?(?P<q>[?~%])?",
    re.ASCII,  # 1953 in Arabic-Indic digits is no EDTF date
)


def days_in(year: int, month: int) -> int:
    """Days in a month of the proleptic Gregorian calendar (what ``calendar.monthrange`` says,
    without importing it at every start)."""
    if not 1 <= month <= 12:
        raise ValueError(f"month must be in 1..12, not {month}")
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


class _Part:
    """One side of an EDTF date: its strict bounds, precision and qualifiers."""

    __slots__ = ("approximate", "day", "end", "month", "precision", "start", "uncertain", "year")

    def __init__(self, text: str) -> None:
        m = _SINGLE.fullmatch(text)
        if m is None:
            raise ValueError(f"{text!r} is not an EDTF date this store supports")
        ytxt, mtxt, dtxt, q = m["year"], m["month"], m["day"], m["q"] or ""
        self.approximate = q in ("~", "%")
        self.uncertain = q in ("?", "%")
        self.month = self.day = 0
        if ytxt.endswith("X"):
            if mtxt:
                raise ValueError(f"{text!r}: a decade cannot carry a month")
            decade = int(ytxt[:3]) * 10
            self.year, self.precision = decade, Precision.DECADE
            self.start, self.end = date(decade, 1, 1), date(decade + 9, 12, 31)
            return
        self.year = year = int(ytxt)
        if year < 1:
            raise ValueError(f"{text!r}: year 0 is not supported")
        if not mtxt or mtxt == "XX":
            if dtxt and dtxt != "XX":
                raise ValueError(f"{text!r}: a day needs a month")
            self.precision = Precision.YEAR
            self.start, self.end = date(year, 1, 1), date(year, 12, 31)
            return
        self.month = month = int(mtxt)
        if not 1 <= month <= 12:
            raise ValueError(f"{text!r}: there is no month {month}")
        last = days_in(year, month)
        if not dtxt or dtxt == "XX":
            self.precision = Precision.MONTH
            self.start, self.end = date(year, month, 1), date(year, month, last)
            return
        self.day = day = int(dtxt)
        if not 1 <= day <= last:
            raise ValueError(f"{text!r}: {MONTH_ABBR[month - 1]} {year} has no day {day}")
        self.precision = Precision.DAY
        self.start = self.end = date(year, month, day)

    def widened(self, lean: int) -> date:
        """The strict bound on side ``lean`` (-1 early, +1 late), widened for qualifiers."""
        bound = self.start if lean < 0 else self.end
        units = (self.approximate or self.uncertain) + (self.approximate and self.uncertain)
        return _shift(bound, self.precision, lean * units) if units else bound


def _shift(day: date, precision: Precision, units: int) -> date:
    if precision is Precision.DAY:
        return _clamp(day.toordinal() + units)
    if precision is Precision.MONTH:
        months = day.year * 12 + day.month - 1 + units
        year, month = divmod(months, 12)
        last = days_in(year, month + 1)
        return date(year, month + 1, min(day.day, last) if units < 0 else last)
    step = 10 if precision is Precision.DECADE else 1
    return day.replace(year=max(1, min(9999, day.year + units * step)))


def _clamp(ordinal: int) -> date:
    return date.fromordinal(max(1, min(LAST_DAY.toordinal(), ordinal)))


def _plain_day(text: str) -> date | None:
    """``YYYY-MM-DD`` through the C parser: most stored dates, and every day of a large store."""
    if len(text) == 10 and text[4] == "-" and text[7] == "-" and text[5:7].isdigit():
        try:
            return date.fromisoformat(text)
        except ValueError:
            return None  # the general parser says what is wrong
    return None


@cache  # a store repeats dates; each distinct one is parsed once
def parse_edtf(text: str) -> HistDate:
    """Parse a stored EDTF string; raise ValueError naming what is wrong."""
    if (day := _plain_day(text)) is not None:
        return HistDate(text, day, day, day, day, Precision.DAY, False, False, False)
    if len(text) == 21 and text[10] == "/":
        since, until = _plain_day(text[:10]), _plain_day(text[11:])
        if since is not None and until is not None and since <= until:
            return HistDate(text, since, until, since, until, Precision.DAY, False, False, True)
    return parse_general(text)


def parse_general(text: str) -> HistDate:
    """Any stored date the store supports; :func:`parse_edtf` takes a shortcut for plain days."""
    if "/" in text:
        left, _, right = text.partition("/")
        if not left or not right:
            raise ValueError(f"{text!r}: an interval end is empty; write '..' for an open end")
        lo = None if left == OPEN else _Part(left)
        hi = None if right == OPEN else _Part(right)
        if lo is None and hi is None:
            raise ValueError(f"{text!r}: an interval needs at least one known end")
        if lo and hi and lo.start > hi.end:
            raise ValueError(f"{text!r}: the interval ends before it starts")
        first = lo or hi
        assert first is not None
        return HistDate(
            edtf=text,
            start=lo.start if lo else FIRST_DAY,
            end=hi.end if hi else LAST_DAY,
            earliest=lo.widened(-1) if lo else FIRST_DAY,
            latest=hi.widened(+1) if hi else LAST_DAY,
            precision=first.precision,
            approximate=any(p.approximate for p in (lo, hi) if p),
            uncertain=any(p.uncertain for p in (lo, hi) if p),
            interval=True,
        )
    part = _Part(text)
    return HistDate(
        edtf=text,
        start=part.start,
        end=part.end,
        earliest=part.widened(-1),
        latest=part.widened(+1),
        precision=part.precision,
        approximate=part.approximate,
        uncertain=part.uncertain,
        interval=False,
    )


def _format_part(part: _Part, *, with_year: bool = True, with_month: bool = True) -> str:
    if part.precision is Precision.DECADE:
        text = f"{part.year}s"
    elif part.precision is Precision.YEAR:
        text = str(part.year)
    else:
        pieces = []
        if part.precision is Precision.DAY:
            pieces.append(str(part.day))
        if with_month or part.precision is Precision.MONTH:
            pieces.append(MONTH_ABBR[part.month - 1])
        if with_year:
            pieces.append(str(part.year))
        text = " ".join(pieces)
    return text


def _qualify(text: str, part: _Part) -> str:
    if part.approximate:
        text = "c. " + text
    if part.uncertain:
        text += "?"
    return text


def precision_words(text: str) -> str:
    """The precision of a date as words: "day", or "day to year" for an interval whose ends
    are known to different precisions ("1946-08-22/1949?")."""
    sides = [_Part(p).precision.value for p in text.split("/") if p and p != OPEN]
    return " to ".join(dict.fromkeys(sides))


@lru_cache(maxsize=4096)
def display(text: str) -> str:
    """The date as a historian writes it: "5 Mar 1953", "26 May – 4 Aug 1953", "c. 1954", "1954–55"."""
    if "/" not in text:
        part = _Part(text)
        return _qualify(_format_part(part), part)
    left, _, right = text.partition("/")
    if left == OPEN:
        hi = _Part(right)
        return "until " + _qualify(_format_part(hi), hi)
    lo = _Part(left)
    if right == OPEN:
        return _qualify(_format_part(lo), lo) + " onwards"
    hi = _Part(right)
    # A shared year or month is written once only when neither end is qualified: "c. 1945-50"
    # would say the start is approximate too, where only "1950~" is.
    plain = not (lo.approximate or lo.uncertain or hi.approximate or hi.uncertain)
    calendar_parts = (Precision.DAY, Precision.MONTH)
    same_year = lo.year == hi.year and lo.precision in calendar_parts and hi.precision in calendar_parts
    if lo.precision is Precision.YEAR and hi.precision is Precision.YEAR and plain:
        if lo.year // 100 == hi.year // 100:
            return _qualify(f"{lo.year}–{hi.year % 100:02d}", hi)
        return _qualify(f"{lo.year}–{hi.year}", hi)
    if same_year and plain:
        if lo.precision is Precision.DAY and hi.precision is Precision.DAY and lo.month == hi.month:
            return _qualify(f"{lo.day}–{_format_part(hi)}", hi)
        both_months = lo.precision is Precision.MONTH and hi.precision is Precision.MONTH
        joiner = "–" if both_months else " – "
        return _qualify(_format_part(lo, with_year=False) + joiner + _format_part(hi), hi)
    return _qualify(_format_part(lo), lo) + " – " + _qualify(_format_part(hi), hi)


def open_start(d: HistDate) -> bool:
    """True for an interval with an open start (``../1953``). Its start is FIRST_DAY, but so is
    that of a real 0001-01-01, so only the text tells them apart."""
    return d.edtf.startswith(OPEN)


def open_end(d: HistDate) -> bool:
    """True for an interval with an open end (``1953/..``)."""
    return d.edtf.endswith(OPEN)


def shift_days(day: date, days: int) -> date:
    """``day`` moved by ``days`` (negative for earlier), kept within the calendar."""
    return _clamp(day.toordinal() + days)
