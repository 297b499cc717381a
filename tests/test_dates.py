"""Historical dates: stored EDTF and typed input, as inclusive day ranges."""

from __future__ import annotations

from datetime import date

import pytest
from edtf import parse_edtf as edtf_parse
from edtf import struct_time_to_date
from hypothesis import given
from hypothesis import strategies as st

from gulagcli.dates import display, parse_edtf
from gulagcli.errors import UsageError
from gulagcli.models import Precision
from gulagcli.userdates import parse_month_day, parse_user_range


@pytest.mark.parametrize(
    ("edtf", "shown"),
    [
        ("1953-03-05", "5 Mar 1953"),
        ("1953-05-26/1953-08-04", "26 May – 4 Aug 1953"),
        ("1954-06-16/1954-06-26", "16–26 Jun 1954"),
        ("1953-12-26/1954-01-04", "26 Dec 1953 – 4 Jan 1954"),
        ("1953-05/1953-08", "May–Aug 1953"),
        ("1953-07/1953-08-01", "Jul – 1 Aug 1953"),
        ("1953-07-19/1953-08", "19 Jul – Aug 1953"),
        ("1954~", "c. 1954"),
        ("1954?", "1954?"),
        ("1954%", "c. 1954?"),
        ("1954-05~", "c. May 1954"),
        ("1954/1955", "1954–55"),
        ("1899/1901", "1899–1901"),
        ("195X", "1950s"),
        ("1945/..", "1945 onwards"),
        ("../1953", "until 1953"),
        # a qualifier on one end stays on that end: the shared year is not written once for both
        ("1945/1950~", "1945 – c. 1950"),
        ("1945~/1950", "c. 1945 – 1950"),
        ("1953-05/1953-08?", "May 1953 – Aug 1953?"),
        ("1953-05-26/1953-08-04~", "26 May 1953 – c. 4 Aug 1953"),
    ],
)
def test_display_writes_dates_as_a_historian_does(edtf: str, shown: str) -> None:
    assert display(edtf) == shown


@pytest.mark.parametrize(
    ("edtf", "start", "end", "earliest", "latest"),
    [
        ("1953-03-05", "1953-03-05", "1953-03-05", "1953-03-05", "1953-03-05"),
        ("1953-02", "1953-02-01", "1953-02-28", "1953-02-01", "1953-02-28"),
        ("1952-02", "1952-02-01", "1952-02-29", "1952-02-01", "1952-02-29"),
        ("1954-05~", "1954-05-01", "1954-05-31", "1954-04-01", "1954-06-30"),
        ("1954?", "1954-01-01", "1954-12-31", "1953-01-01", "1955-12-31"),
        ("1954%", "1954-01-01", "1954-12-31", "1952-01-01", "1956-12-31"),
        ("1954-06-26~", "1954-06-26", "1954-06-26", "1954-06-25", "1954-06-27"),
        ("195X", "1950-01-01", "1959-12-31", "1950-01-01", "1959-12-31"),
        ("1955-10~/1956-01-14", "1955-10-01", "1956-01-14", "1955-09-01", "1956-01-14"),
    ],
)
def test_stored_dates_have_strict_and_widest_bounds(
    edtf: str, start: str, end: str, earliest: str, latest: str
) -> None:
    d = parse_edtf(edtf)
    assert (d.start, d.end) == (date.fromisoformat(start), date.fromisoformat(end))
    assert (d.earliest, d.latest) == (date.fromisoformat(earliest), date.fromisoformat(latest))


@pytest.mark.parametrize(
    "bad", ["1953-13", "1953-02-30", "1953-00-10", "53", "1953-5", "1953/1952", "../..", "1953~~", "May 1953",
            "1953-XX-05", "0000"],
)
def test_impossible_or_unsupported_edtf_is_refused(bad: str) -> None:
    with pytest.raises(ValueError):
        parse_edtf(bad)


@pytest.mark.parametrize("half", ["1953-03-05/", "/1953-03-05", "/"])
def test_an_empty_interval_end_is_named_with_the_whole_date(half: str) -> None:
    with pytest.raises(ValueError, match=rf"^'{half}': an interval end is empty; write '\.\.' for an open end$"):
        parse_edtf(half)


EDTF_SAMPLES = [
    "1953", "1953-05", "1953-03-05", "1954-05~", "1954?", "1954%", "195X", "1954/1955",
    "1953-05-26/1953-08-04", "1955-10~/1956-01-14", "1954-XX", "1951~",
]


@pytest.mark.parametrize("text", EDTF_SAMPLES)
def test_strict_bounds_agree_with_the_edtf_package(text: str) -> None:
    ours, theirs = parse_edtf(text), edtf_parse(text)
    assert ours.start == struct_time_to_date(theirs.lower_strict())
    assert ours.end == struct_time_to_date(theirs.upper_strict())
    # Our widening for ~ ? % is one unit of the date's own precision; the edtf package pads
    # every component at once (a year, a month and a day for 1954-06-26~). Ours lies within
    # theirs and never inside the strict bounds.
    assert struct_time_to_date(theirs.lower_fuzzy()) <= ours.earliest <= ours.start
    assert ours.end <= ours.latest <= struct_time_to_date(theirs.upper_fuzzy())


@pytest.mark.parametrize(
    ("typed", "start", "end"),
    [
        ("1953", "1953-01-01", "1953-12-31"),
        ("1953-05", "1953-05-01", "1953-05-31"),
        ("May 1953", "1953-05-01", "1953-05-31"),
        ("1954-06-26", "1954-06-26", "1954-06-26"),
        ("26 June 1954", "1954-06-26", "1954-06-26"),
        ("June 26, 1954", "1954-06-26", "1954-06-26"),
        ("1952-02", "1952-02-01", "1952-02-29"),
    ],
)
def test_typed_dates_stand_for_their_whole_period(typed: str, start: str, end: str) -> None:
    assert parse_user_range(typed) == (date.fromisoformat(start), date.fromisoformat(end))


@pytest.mark.parametrize("typed", ["", "  ", "yesterday-ish", "June", "1953-02-30", "1953-13", "26 June",
                                   "1953-00", "1953-01-00", "00/1953", "1953-00/1954"])
def test_unreadable_typed_dates_are_usage_errors(typed: str) -> None:
    with pytest.raises(UsageError):
        parse_user_range(typed, option="--from")


def test_month_zero_is_not_the_whole_year() -> None:
    with pytest.raises(UsageError, match=r"'1953-00' is not a real date \(month must be in 1..12, not 00\)"):
        parse_user_range("1953-00", option="--from")


def test_a_long_date_is_refused_without_echoing_it() -> None:
    with pytest.raises(UsageError) as caught:
        parse_user_range("1953" * 25_000, option="--from")
    assert len(str(caught.value)) < 200 and "100000 characters" in str(caught.value)


@pytest.mark.parametrize(
    ("typed", "md"), [("06-26", (6, 26)), ("--06-26", (6, 26)), ("26 June", (6, 26)), ("June 26", (6, 26)),
                      ("02-29", (2, 29)), ("1954-06-26", (6, 26))],
)
def test_day_of_year(typed: str, md: tuple[int, int]) -> None:
    assert parse_month_day(typed) == md


@pytest.mark.parametrize("typed", ["13-01", "02-30", "June", "nonsense"])
def test_bad_day_of_year(typed: str) -> None:
    with pytest.raises(UsageError):
        parse_month_day(typed)


@given(st.dates(min_value=date(1000, 1, 1), max_value=date(2999, 12, 31)))
def test_any_iso_day_round_trips(day: date) -> None:
    assert parse_user_range(day.isoformat()) == (day, day)
    stored = parse_edtf(day.isoformat())
    assert (stored.start, stored.end, stored.precision) == (day, day, Precision.DAY)


@given(st.dates(min_value=date(1000, 1, 1), max_value=date(2999, 12, 31)),
       st.dates(min_value=date(1000, 1, 1), max_value=date(2999, 12, 31)))
def test_any_interval_of_days_round_trips(a: date, b: date) -> None:
    lo, hi = min(a, b), max(a, b)
    d = parse_edtf(f"{lo.isoformat()}/{hi.isoformat()}")
    assert (d.start, d.end, d.earliest, d.latest) == (lo, hi, lo, hi)


@given(st.integers(min_value=1000, max_value=2999), st.integers(min_value=1, max_value=12))
def test_any_month_covers_exactly_its_days(year: int, month: int) -> None:
    start, end = parse_user_range(f"{year}-{month:02d}")
    assert start == date(year, month, 1)
    assert end.month == month and (end.toordinal() + 1 == date(year + (month == 12), month % 12 + 1, 1).toordinal())


@given(st.integers(min_value=1, max_value=9999), st.integers(min_value=1, max_value=12))
def test_days_in_agrees_with_the_calendar_module(year: int, month: int) -> None:
    import calendar

    from gulagcli.dates import days_in

    assert days_in(year, month) == calendar.monthrange(year, month)[1]


# --- numeric days: dots are day first; a slash is read only when the order is certain ------


@pytest.mark.parametrize(
    ("typed", "start", "end"),
    [
        ("5.3.1953", "1953-03-05", "1953-03-05"),
        ("05.03.1953", "1953-03-05", "1953-03-05"),
        ("26/06/1954", "1954-06-26", "1954-06-26"),
        ("06/26/1954", "1954-06-26", "1954-06-26"),
        ("12/12/1953", "1953-12-12", "1953-12-12"),
        ("05/1953", "1953-05-01", "1953-05-31"),
        ("1953-05-26/1953-08-04", "1953-05-26", "1953-08-04"),
        ("1953/1954", "1953-01-01", "1954-12-31"),
        ("May 1953/June 1954", "1953-05-01", "1954-06-30"),
    ],
)
def test_numeric_days_and_intervals_stand_for_all_their_days(typed: str, start: str, end: str) -> None:
    assert parse_user_range(typed) == (date.fromisoformat(start), date.fromisoformat(end))


def test_a_slashed_day_that_reads_both_ways_is_refused_with_both_readings() -> None:
    with pytest.raises(UsageError) as err:
        parse_user_range("05/03/1953", option="--from")
    assert "5 Mar 1953" in err.value.message and "3 May 1953" in err.value.message
    assert "1953-03-05" in err.value.message


@pytest.mark.parametrize(
    ("typed", "problem"),
    [("1953/..", "open end"), ("../1953", "open end"), ("1954/1953", "ends before it starts"),
     ("1953-05/06/1954", "two dates"), ("5.3.", "no year"), ("31.02.1953", "not a real date"),
     ("1.2.3.4", "cannot read")],
)
def test_an_interval_is_used_whole_or_refused(typed: str, problem: str) -> None:
    with pytest.raises(UsageError, match=problem):
        parse_user_range(typed, option="--to")


def test_a_half_interval_that_cannot_be_read_is_said_of_the_whole_text() -> None:
    """'1953/05' said only "cannot read '05' as a date", leaving the user to guess why."""
    with pytest.raises(UsageError) as err:
        parse_user_range("1953/05", option="--from")
    assert err.value.message == ("--from: a slash joins two dates into an interval (1953-05-26/1953-08-04), and "
                                 "in '1953/05' cannot read '05' as a date; for one month write 1953-05 or 05/1953")
    with pytest.raises(UsageError) as err:
        parse_user_range("1953-05-26/1953-13-01", option="--to")
    assert "in '1953-05-26/1953-13-01' '1953-13-01' is not a real date" in err.value.message
    assert "one month" not in err.value.message


@pytest.mark.parametrize(
    ("typed", "md"),
    [("26/06", (6, 26)), ("06/26", (6, 26)), ("26.06", (6, 26)), ("26.6.", (6, 26)), ("5.3.1953", (3, 5)),
     ("26/06/1954", (6, 26))],
)
def test_on_takes_the_same_numeric_forms(typed: str, md: tuple[int, int]) -> None:
    assert parse_month_day(typed) == md


def test_on_refuses_an_ambiguous_day_with_both_readings() -> None:
    with pytest.raises(UsageError, match=r"5 Mar or 3 May"):
        parse_month_day("05/03")


def test_gulag_today_fixes_the_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    from gulagcli.userdates import today

    monkeypatch.setenv("GULAG_TODAY", "2030-01-01")
    assert today() == date(2030, 1, 1)
    monkeypatch.setenv("GULAG_TODAY", "soon")
    with pytest.raises(UsageError, match="GULAG_TODAY"):
        today()


@pytest.mark.parametrize(("edtf", "words"), [
    ("1953", "year"), ("1953-05-26/1953-08-04", "day"), ("1946-08-22/1949?", "day to year"),
    ("1953-07/1953-08-01", "month to day"), ("../1953", "year"), ("195X", "decade"),
])
def test_a_cards_precision_names_both_ends_when_they_differ(edtf: str, words: str) -> None:
    from gulagcli.dates import precision_words

    assert precision_words(edtf) == words


@pytest.mark.parametrize(("typed", "said"), [
    ("May 53", "has a two-digit year; write it in full"), ("26 June 54", "has a two-digit year"),
    ("00.05.1953", r"day must be in 1\.\.31, not 00"), ("0.5.1953", r"day must be in 1\.\.31, not 0"),
    ("00/05/1953", r"day must be in 1\.\.31, not 00"), ("05/00/1953", r"month must be in 1\.\.12, not 00"),
    # dateutil took the extra number for a time, or a day for the year: 1953-03-05, 2005-06-12
    ("5 March 1953, 1955", "as one date"), ("May 5 1953 1954", "as one date"), ("12 June 5 1953", "as one date")])
def test_a_two_digit_year_or_a_zero_day_is_refused_not_read_as_something_else(typed: str, said: str) -> None:
    """'May 53' was May 2053 (an empty timeline, exit 0); '00.05.1953' all of May 1953."""
    with pytest.raises(UsageError, match=said):
        parse_user_range(typed, option="--from")


@pytest.mark.parametrize(("typed", "start", "end"), [
    ("May 0001", "0001-05-01", "0001-05-31"), ("1 May 0001", "0001-05-01", "0001-05-01"),
    ("May 0050", "0050-05-01", "0050-05-31"), ("29 February 1952", "1952-02-29", "1952-02-29"),
    ("February 0400", "0400-02-01", "0400-02-29")])
def test_a_year_written_in_full_is_that_year_however_small(typed: str, start: str, end: str) -> None:
    """dateutil said 'May 0001' had no year and read 'May 0050' as May 2050."""
    assert parse_user_range(typed, option="--from") == (date.fromisoformat(start), date.fromisoformat(end))


@pytest.mark.parametrize(("typed", "start", "end"), [
    ("5 марта 1953", "1953-03-05", "1953-03-05"), ("5 марта 1953 г.", "1953-03-05", "1953-03-05"),
    ("26 июня 1954 года", "1954-06-26", "1954-06-26"), ("Май 1953", "1953-05-01", "1953-05-31"),
    ("мая 1953", "1953-05-01", "1953-05-31"), ("сент. 1953", "1953-09-01", "1953-09-30"),
    ("7 НОЯБРЯ 1953", "1953-11-07", "1953-11-07"), ("в мае 1953 года", "1953-05-01", "1953-05-31"),
    ("с 5 марта 1953", "1953-03-05", "1953-03-05"), ("29 февраля 1952", "1952-02-29", "1952-02-29")])
def test_russian_month_names_are_read_as_the_sources_write_them(typed: str, start: str, end: str) -> None:
    assert parse_user_range(typed, option="--from") == (date.fromisoformat(start), date.fromisoformat(end))


def test_a_russian_date_is_checked_as_any_other() -> None:
    with pytest.raises(UsageError, match="not a real date"):
        parse_user_range("29 февраля 1953", option="--from")
    with pytest.raises(UsageError, match="has no year"):
        parse_user_range("марта", option="--from")
    assert parse_month_day("7 ноября") == (11, 7) and parse_month_day("26 июня") == (6, 26)


def test_the_29th_of_february_is_checked_against_the_year_written() -> None:
    with pytest.raises(UsageError, match="not a real date"):
        parse_user_range("29 February 1953", option="--from")


def test_open_takes_a_slashed_day_or_month_as_one_date() -> None:
    from gulagcli.camps import open_range

    assert open_range("05/1953") == (date(1953, 5, 1), date(1953, 5, 31))
    assert open_range("26/06/1954") == (date(1954, 6, 26), date(1954, 6, 26))
    assert open_range("1950/1955") == (date(1950, 1, 1), date(1955, 12, 31))
    assert open_range("1953/..")[0] == date(1953, 1, 1)
    assert open_range("../1954") == (date.min, date(1954, 12, 31))


@pytest.mark.parametrize(("typed", "says"), [
    ("/", "has no date at either end"),
    ("../..", "has no date at either end"),  # was all of time
    ("1953/05", "a slash joins two dates"),  # was "cannot read '05'", as if 05 were given alone
    ("1955/1950", "ends before it starts"),
])
def test_open_says_what_is_wrong_with_an_interval(typed: str, says: str) -> None:
    from gulagcli.camps import open_range

    with pytest.raises(UsageError, match=says):
        open_range(typed)


@pytest.mark.parametrize("typed", ["31 April 1953", "April 31, 1953", "30 February 1953", "31 апреля 1953"])
def test_a_day_past_its_months_end_is_no_real_date_not_unreadable(typed: str) -> None:
    with pytest.raises(UsageError, match="is not a real date"):
        parse_user_range(typed, option="--from")


@pytest.mark.parametrize("typed", ["29.02.1953", "29/02/1953", "31.04.1953"])
def test_a_day_of_the_year_with_a_year_is_checked_against_that_year(typed: str) -> None:
    """`on 29.02.1953` listed what happened on 29 February of other years: 1953 has none."""
    with pytest.raises(UsageError, match="is not a real date"):
        parse_month_day(typed)
    assert parse_month_day("29.02.1952") == (2, 29) and parse_month_day("29.02") == (2, 29)
    with pytest.raises(UsageError, match="is not a day of the year"):
        parse_month_day("31 April")


@pytest.mark.parametrize("stored", ["١٩٥٣", "1953-٠٣-05", "۱۹۵۳/1954"])
def test_a_stored_date_is_written_in_ascii_digits(stored: str) -> None:
    """Arabic-Indic digits passed as EDTF (Python's \\d takes any decimal digit)."""
    with pytest.raises(ValueError, match="not an EDTF date"):
        parse_edtf(stored)
