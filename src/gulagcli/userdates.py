"""Dates a user types (``--from``, ``--to``, ``--open``, ``on DAY``), as inclusive day ranges.

ISO dates and numeric days are read here; only other forms (``May 1953``, ``26 June 1954``)
reach dateutil, which is imported for them alone.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from .dates import MONTH_ABBR, OPEN, days_in
from .errors import UsageError

MAX_DATE = 100  # "1953-05-26/1953-08-04" is 21; "26 June 1954 to ..." never reaches this
_ISO_INPUT = re.compile(r"(?P<year>\d{4})(?:-(?P<month>\d{1,2})(?:-(?P<day>\d{1,2}))?)?")
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
    m = _DOTTED.fullmatch(text) or _SLASHED.fullmatch(text)
    if m is None:
        return None
    # 00.05.1953 and 00/05/1953 are not all of May 1953 (a 0 read day first, as dots are).
    _given_not_zero(text, option, month=m[2], day=m[1])
    if m.re is _DOTTED:
        return (int(m[3]) if m[3] else None), int(m[2]), int(m[1])
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


def one_day_or_month(text: str) -> bool:
    """Whether a text with a slash is one date (26/06/1954, 05/1953), not an interval."""
    return bool(_SLASHED.fullmatch(text) or _MONTH_YEAR.fullmatch(text))


def parse_user_range(text: str, *, option: str = "date") -> tuple[date, date]:
    """A date typed by a user, as the inclusive range of days it stands for.

    ``1953`` is all of 1953, ``1953-05`` and ``May 1953`` all of May, ``26 June 1954``,
    ``26.6.1954`` and ``26/06/1954`` one day. An interval ``1953-05-26/1953-08-04`` stands for
    all its days; an ambiguous ``05/03/1953`` is refused with both readings.
    """
    cleaned = text.strip()
    if not cleaned:
        raise UsageError(f"{option}: empty date; expected a year, a month or a day, e.g. 1953-05")
    if len(cleaned) > MAX_DATE:  # said, not echoed back: no date is written this long
        raise UsageError(f"{option}: the date is {len(cleaned)} characters long; at most {MAX_DATE}")
    m = _ISO_INPUT.fullmatch(cleaned)
    mm = _MONTH_YEAR.fullmatch(cleaned)
    if m:
        year, month, day = (int(g) if g else 0 for g in m.group("year", "month", "day"))
        _given_not_zero(text, option, month=m["month"], day=m["day"])
    elif mm is not None:
        year, month, day = int(mm[2]), int(mm[1]), 0
        _given_not_zero(text, option, month=mm[1])
    elif _SLASHED.fullmatch(cleaned) is None and "/" in cleaned:
        return parse_interval(cleaned, option)
    elif (day_only := _DOTTED.fullmatch(cleaned) or _SLASHED.fullmatch(cleaned)) is not None and not day_only[3]:
        # before the order of day and month is asked about: no order of 02-03 would do here
        raise UsageError(f"{option}: {text!r} has no year; give one, e.g. 26.06.1954")
    elif (numeric := numeric_day(cleaned, option)) is not None:
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


def _given_not_zero(text: str, option: str, *, month: str | None, day: str | None = None) -> None:
    """A month or day written as 0 (``1953-00``) is an error, not "the whole year": 0 stands for
    a part left out only where the text leaves it out."""
    for part, given, valid in (("month", month, "1..12"), ("day", day, "1..31")):
        if given is not None and int(given) == 0:
            raise UsageError(f"{option}: {text!r} is not a real date ({part} must be in {valid}, not {given})")


def parse_interval(text: str, option: str, *, open_ends: bool = False) -> tuple[date, date]:
    """``A/B``: every day from the first of A to the last of B, or an error; never half of it.
    With ``open_ends``, one side may be left out or ``..`` (``1953/``, ``../1954``)."""
    left, _, right = text.partition("/")
    lo_open, hi_open = left.strip() in ("", OPEN), right.strip() in ("", OPEN)
    if (lo_open or hi_open) and not open_ends:
        raise UsageError(f"{option}: {text!r} has an open end; give both ends, or use --from or --to alone")
    if lo_open and hi_open:
        raise UsageError(f"{option}: {text!r} has no date at either end; give at least one, e.g. 1953/..")
    if "/" in right:
        raise UsageError(f"{option}: cannot read {text!r}; an interval is two dates, e.g. 1953-05-26/1953-08-04")
    try:
        start = date.min if lo_open else parse_user_range(left, option=option)[0]
        end = date.max if hi_open else parse_user_range(right, option=option)[1]
    except UsageError as exc:  # said of the whole text: "1953/05" read as a year to a "05"
        side = exc.message.removeprefix(f"{option}: ").split(";")[0]
        month = len(right.strip()) <= 2 or not any(c.isdigit() for c in left)  # 1953/05, May/1953
        raise UsageError(f"{option}: a slash joins two dates into an interval (1953-05-26/1953-08-04), "
                         f"and in {text!r} {side}" + ("; for one month write 1953-05 or 05/1953" if month else ""),
                         ) from None
    if start > end:
        raise UsageError(f"{option}: the interval {text!r} ends before it starts")
    return start, end


# Russian month names in any case and their abbreviations ("5 марта 1953", "май 1953", "сент.
# 1953"), as the sources write dates, put in English for dateutil; the word for year ("года",
# "год" and its one-letter abbreviation) is dropped.
_RU_MONTH = re.compile(r"(?<![а-яё])(янв|фев|мар|апр|ма[йяе]|июн|июл|авг|сен|окт|ноя|дек)[а-яё]*\.?", re.IGNORECASE)
_RU_PREPOSITION = re.compile(r"(?<![а-яё])(?:во?|со?|до|ко?|на|по)(?![а-яё])", re.IGNORECASE)  # "в мае 1953"
_RU_YEAR_WORD = re.compile(r"(?<![а-яё])г(?:од[ау]?|\.|(?![а-яё]))", re.IGNORECASE)
_RU_IN_ENGLISH = dict(zip(("янв", "фев", "мар", "апр", "ма", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"),
                          MONTH_ABBR, strict=True))


def _english(text: str) -> str:
    if not re.search("[а-яё]", text, re.IGNORECASE):
        return text
    text = _RU_MONTH.sub(lambda m: f" {_RU_IN_ENGLISH.get(m[1].lower(), 'May')} ", text)  # май, мая, мае
    return _RU_PREPOSITION.sub(" ", _RU_YEAR_WORD.sub(" ", text))


def _two_readings(text: str, a: tuple[int, int, int], b: tuple[int, int, int]) -> tuple[datetime, datetime] | None:
    """Free-form input read by dateutil with two defaults: a field the text gives is the same in
    both readings, one it leaves out is not. None if dateutil cannot read it."""
    from dateutil import parser  # imported only for input that is not plain ISO or numeric

    text = _english(text)
    try:
        return parser.parse(text, default=datetime(*a)), parser.parse(text, default=datetime(*b))
    except (ValueError, OverflowError, parser.ParserError):
        return None


_LATE_DAY = re.compile(r"(?<!\d)(?:29|30|31)(?!\d)")


def _past_the_months_end(text: str, a: tuple[int, int, int], b: tuple[int, int, int]) -> bool:
    """Whether dateutil could not read ``text`` only because its day does not exist in its
    month ("31 April"): read as the 1st, it is a month and a day."""
    if len(_LATE_DAY.findall(text)) != 1:
        return False
    first = _two_readings(_LATE_DAY.sub("1", text), a, b)
    return first is not None and first[0].month == first[1].month and first[0].day == first[1].day


def _parse_free(text: str, option: str) -> tuple[int, int, int]:
    """Free-form input: which fields were given is read off two defaults.

    dateutil reads a year under 100 as two digits ("May 0050" was May 2050) or not as a year at
    all ("May 0001"), so the one year written in full is read here and dateutil sees 2000 (a leap
    year: 29 February is checked against the real year by the caller)."""
    years = re.findall(r"\d{3,}", text)
    written = int(years[0]) if len(years) == 1 else None
    plain = re.sub(r"\d{3,}", "2000", text) if written is not None else text
    readings = _two_readings(plain, _DEFAULT_A, _DEFAULT_B)
    if readings is None and _past_the_months_end(plain, _DEFAULT_A, _DEFAULT_B):
        raise UsageError(f"{option}: {text!r} is not a real date (day is out of range for month)")
    if readings is None:
        raise UsageError(
            f"{option}: cannot read {text!r} as a date; try 1953, 1953-05, 'May 1953' or 1954-06-26"
        )
    a, b = readings
    if a.time() != datetime.min.time() or len(re.findall(r"\d{3,}", text)) > 1:
        # dateutil takes a number it cannot place for a time ("5 March 1953, 1955" was 19:55 on
        # 5 March 1953): a date with more than one year in it is not one date
        raise UsageError(
            f"{option}: cannot read {text!r} as one date; try 1953, 1953-05, 'May 1953' or 1954-06-26"
        )
    if a.year != b.year:
        raise UsageError(f"{option}: {text!r} has no year; give one, e.g. 'June 1954'")
    if not re.search(r"\d{3}", text):  # "May 53" would be read as 2053
        raise UsageError(f"{option}: {text!r} has a two-digit year; write it in full, e.g. 'May 1953'")
    month = a.month if a.month == b.month else 0
    day = a.day if a.day == b.day else 0
    if day and not month:
        raise UsageError(f"{option}: {text!r} has a day but no month")
    return (a.year if written is None else written), month, day


def parse_month_day(text: str) -> tuple[int, int]:
    """A day of the year typed by a user: ``06-26``, ``26/06``, ``26.6.``, ``26 June``,
    ``June 26`` or a full date in any form ``--from`` takes."""
    cleaned = text.strip()
    if not cleaned:
        raise UsageError("DAY is empty; give a day of the year, e.g. 06-26 or '26 June'")
    if len(cleaned) > MAX_DATE:  # the same bound as a date's, said, not echoed back
        raise UsageError(f"DAY is {len(cleaned)} characters long; at most {MAX_DATE}")
    m = re.fullmatch(r"(?:--)?(\d{1,2})-(\d{1,2})", cleaned)
    if m:
        month, day = int(m[1]), int(m[2])
    elif (numeric := numeric_day(cleaned, "DAY")) is not None:
        year, month, day = numeric
        if year is not None and 1 <= month <= 12 and not 1 <= day <= days_in(year, month):
            raise UsageError(f"{text!r} is not a real date: {year} has no {_written(None, month, day)}")
    elif any(c.isdigit() for c in cleaned) and re.search(r"\d{4}", cleaned):
        start, end = parse_user_range(cleaned, option="DAY")
        if start != end:
            raise UsageError(f"{text!r} needs both a month and a day, e.g. 06-26")
        month, day = start.month, start.day
    else:
        readings = _two_readings(cleaned, (2000, 1, 1), (2000, 2, 2))
        if readings is None and _past_the_months_end(cleaned, (2000, 1, 1), (2000, 2, 2)):
            raise UsageError(f"{text!r} is not a day of the year (day is out of range for month)")
        if readings is None:
            raise UsageError(f"cannot read {text!r} as a day of the year; try 06-26, 26.06 or '26 June'")
        a, b = readings
        if a.month != b.month or a.day != b.day:
            raise UsageError(f"{text!r} needs both a month and a day, e.g. 06-26")
        month, day = a.month, a.day
    if not (1 <= month <= 12 and 1 <= day <= days_in(2000, month)):
        raise UsageError(f"{text!r} is not a day of the year (month-day, e.g. 06-26, or day.month, e.g. 26.06)")
    return month, day
