"""Historical dates: stored EDTF strings and user input, both as inclusive day ranges.

The store uses a subset of EDTF (ISO 8601-2, levels 0 and 1): ``1953``, ``1953-05``,
``1953-03-05``, the qualifiers ``?`` (uncertain), ``~`` (approximate) and ``%`` (both),
unspecified trailing digits (``195X``, ``1954-XX``) and intervals ``A/B`` with ``..`` for an
open end. A qualified date is widened by one unit of its precision on each side (two for
``%``): ``1954-05~`` may mean any day of April to June 1954. Filters use these widest bounds.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache, lru_cache

from .errors import UsageError
from .models import HistDate, Precision

MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
OPEN = ".."
FIRST_DAY = date(1, 1, 1)
LAST_DAY = date(9999, 12, 31)

_SINGLE = re.compile(
    r"(?P<year>\d{4}|\d{3}X)(?:-(?P<month>\d\d|XX)(?:-(?P<day>\d\d|XX))?)?(?P<q>[?~%])?"
)
_ISO_INPUT = re.compile(r"(?P<year>\d{4})(?:-(?P<month>\d{1,2})(?:-(?P<day>\d{1,2}))?)?")


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
    plain = not (lo.approximate or lo.uncertain)
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


def iso_or_none(day: date) -> str | None:
    """ISO string of a bound, or None for an open end."""
    return None if day in (FIRST_DAY, LAST_DAY) else day.isoformat()


# --- user input -------------------------------------------------------------------------

_DEFAULT_A = (1, 1, 1)
_DEFAULT_B = (2, 2, 2)
TODAY_VAR = "GULAG_TODAY"
# Numeric days a user types: 5.3.1953 (day first, as everywhere that writes dots), 05/03/1953
# and 05-03-1953 (either way round: read only when one number cannot be a month), 06/1953.
_DOTTED = re.compile(r"(\d{1,2})\.(\d{1,2})\.?(?:(\d{4}))?")
_SLASHED = re.compile(r"(\d{1,2})[/-](\d{1,2})(?:[/-](\d{4}))?")
_MONTH_YEAR = re.compile(r"(\d{1,2})[/.-](\d{4})")
_NUMERIC = re.compile(r"[\d\s./-]+")


def today() -> date:
    """Today, or the day in $GULAG_TODAY (ISO) so that "N years ago" can be reproduced."""
    import os

    fixed = os.environ.get(TODAY_VAR)
    if not fixed:
        return date.today()
    try:
        return date.fromisoformat(fixed)
    except ValueError:
        raise UsageError(f"${TODAY_VAR}: {fixed!r} is not an ISO date such as 2026-06-26") from None


def _written(year: int | None, month: int, day: int) -> str:
    name = MONTH_ABBR[month - 1] if 1 <= month <= 12 else f"month {month}"
    return f"{day} {name}" + (f" {year}" if year else "")


def numeric_day(text: str, option: str) -> tuple[int | None, int, int] | None:
    """(year or None, month, day) of a numeric day typed by a user, or None if it is not one.

    Dots are day-first. A slash or dash is read only when the order is certain: 26/06 is
    26 June, 06/26 is 26 June too, 05/03 could be 5 March or 3 May and is refused.
    """
    m = _DOTTED.fullmatch(text)
    if m:
        return (int(m[3]) if m[3] else None), int(m[2]), int(m[1])
    m = _SLASHED.fullmatch(text)
    if m is None:
        return None
    a, b, year = int(m[1]), int(m[2]), (int(m[3]) if m[3] else None)
    if a > 12 >= b:
        return year, b, a
    if b > 12 >= a:
        return year, a, b
    if a == b or a > 12:  # the same either way, or no month at all (the caller says so)
        return year, b, a
    iso = f"{year}-{b:02d}-{a:02d}" if year else f"{b:02d}-{a:02d}"
    raise UsageError(
        f"{option}: {text!r} could be {_written(year, b, a)} or {_written(year, a, b)}; "
        f"write {iso} or {a}.{b}.{year or ''} (dots are day first) for the first"
    )


def parse_user_range(text: str, *, option: str = "date") -> tuple[date, date]:
    """A date typed by a user, as the inclusive range of days it stands for.

    ``1953`` is all of 1953, ``1953-05`` and ``May 1953`` all of May, ``26 June 1954``,
    ``26.6.1954`` and ``26/06/1954`` one day. An interval ``1953-05-26/1953-08-04`` stands for
    all its days; an ambiguous ``05/03/1953`` is refused with both readings.
    """
    cleaned = text.strip()
    if not cleaned:
        raise UsageError(f"{option}: empty date; expected a year, a month or a day, e.g. 1953-05")
    m = _ISO_INPUT.fullmatch(cleaned)
    mm = _MONTH_YEAR.fullmatch(cleaned)
    if m:
        year, month, day = (int(g) if g else 0 for g in m.group("year", "month", "day"))
    elif mm is not None:
        year, month, day = int(mm[2]), int(mm[1]), 0
    elif _SLASHED.fullmatch(cleaned) is None and "/" in cleaned:
        return _interval(cleaned, option)
    elif (numeric := numeric_day(cleaned, option)) is not None:
        if numeric[0] is None:
            raise UsageError(f"{option}: {text!r} has no year; give one, e.g. 26.06.1954")
        year, month, day = numeric  # type: ignore[assignment]
    elif _NUMERIC.fullmatch(cleaned):
        raise UsageError(f"{option}: cannot read {text!r} as a date; try 1953, 1953-05, 26.06.1954 or 1954-06-26")
    else:
        year, month, day = _parse_free(cleaned, option)
    try:
        if not month:
            return date(year, 1, 1), date(year, 12, 31)
        last = days_in(year, month)
        if not day:
            return date(year, month, 1), date(year, month, last)
        return (d := date(year, month, day)), d
    except ValueError as exc:
        raise UsageError(f"{option}: {text!r} is not a real date ({exc})") from None


def _interval(text: str, option: str) -> tuple[date, date]:
    """``A/B``: every day from the first of A to the last of B, or an error; never half of it."""
    left, _, right = text.partition("/")
    if OPEN in (left.strip(), right.strip()) or not left.strip() or not right.strip():
        raise UsageError(f"{option}: {text!r} has an open end; give both ends, or use --from or --to alone")
    if "/" in right:
        raise UsageError(f"{option}: cannot read {text!r}; an interval is two dates, e.g. 1953-05-26/1953-08-04")
    start = parse_user_range(left, option=option)[0]
    end = parse_user_range(right, option=option)[1]
    if start > end:
        raise UsageError(f"{option}: the interval {text!r} ends before it starts")
    return start, end


def _parse_free(text: str, option: str) -> tuple[int, int, int]:
    """Free-form input through dateutil; which fields were given is read off two defaults."""
    from datetime import datetime

    from dateutil import parser  # imported only for input that is not plain ISO

    try:
        a = parser.parse(text, default=datetime(*_DEFAULT_A))
        b = parser.parse(text, default=datetime(*_DEFAULT_B))
    except (ValueError, OverflowError, parser.ParserError):
        raise UsageError(
            f"{option}: cannot read {text!r} as a date; try 1953, 1953-05, 'May 1953' or 1954-06-26"
        ) from None
    if a.year != b.year:
        raise UsageError(f"{option}: {text!r} has no year; give one, e.g. 'June 1954'")
    month = a.month if a.month == b.month else 0
    day = a.day if a.day == b.day else 0
    if day and not month:
        raise UsageError(f"{option}: {text!r} has a day but no month")
    return a.year, month, day


def parse_month_day(text: str) -> tuple[int, int]:
    """A day of the year typed by a user: ``06-26``, ``26/06``, ``26.6.``, ``26 June``,
    ``June 26`` or a full date in any form ``--from`` takes."""
    cleaned = text.strip()
    m = re.fullmatch(r"(?:--)?(\d{1,2})-(\d{1,2})", cleaned)
    if m:
        month, day = int(m[1]), int(m[2])
    elif (numeric := numeric_day(cleaned, "DAY")) is not None:
        _, month, day = numeric
    elif any(c.isdigit() for c in cleaned) and re.search(r"\d{4}", cleaned):
        start, end = parse_user_range(cleaned, option="DAY")
        if start != end:
            raise UsageError(f"{text!r} needs both a month and a day, e.g. 06-26")
        month, day = start.month, start.day
    else:
        from datetime import datetime

        from dateutil import parser

        try:
            a = parser.parse(cleaned, default=datetime(2000, 1, 1))
            b = parser.parse(cleaned, default=datetime(2000, 2, 2))
        except (ValueError, OverflowError, parser.ParserError):
            raise UsageError(f"cannot read {text!r} as a day of the year; try 06-26, 26.06 or '26 June'") from None
        if a.month != b.month or a.day != b.day:
            raise UsageError(f"{text!r} needs both a month and a day, e.g. 06-26")
        month, day = a.month, a.day
    if not (1 <= month <= 12 and 1 <= day <= days_in(2000, month)):
        raise UsageError(f"{text!r} is not a day of the year (month-day, e.g. 06-26, or day.month, e.g. 26.06)")
    return month, day


def shift_days(day: date, days: int) -> date:
    """``day`` moved by ``days`` (negative for earlier), kept within the calendar."""
    return _clamp(day.toordinal() + days)
