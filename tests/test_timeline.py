"""`gulag timeline` on the mini store: order, date ranges at every boundary, filters, formats."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable

import pytest
from typer.testing import Result

from .conftest import ids

Gulag = Callable[..., Result]

ALL = ["stalin-death", "beria-amnesty", "norilsk-uprising", "decade", "year-span", "vague-event",
       "kengir-uprising", "uncertain-year"]


def test_timeline_lists_every_event_in_date_order(gulag: Gulag) -> None:
    got = ids(gulag("timeline", "--json"))
    # Sorted by first possible day: 1950s (1950-01-01) before 1953-03-05, etc.
    assert got == ["decade", "stalin-death", "beria-amnesty", "norilsk-uprising", "year-span",
                   "vague-event", "kengir-uprising", "uncertain-year"]
    assert sorted(got) == sorted(ALL)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        # A year stands for all of it: --to 1953 includes 31 Dec 1953.
        (["--from", "1953", "--to", "1953"], ["decade", "stalin-death", "beria-amnesty", "norilsk-uprising"]),
        # The day of an event, on either bound, keeps it.
        (["--from", "1953-03-05", "--to", "1953-03-05"], ["decade", "stalin-death"]),
        (["--from", "1953-03-06", "--to", "1953-03-26"], ["decade"]),
        (["--from", "1953-03-27", "--to", "1953-03-27"], ["decade", "beria-amnesty"]),
        # A span overlapping the range by its last day is kept; by one day later it is not.
        (["--from", "1953-08-04", "--to", "1953-08-04"], ["decade", "norilsk-uprising"]),
        (["--from", "1953-08-05", "--to", "1953-12-31"], ["decade"]),
        # "c. May 1954" may be any day of April to June 1954.
        (["--from", "1954-03-01", "--to", "1954-03-31"], ["decade", "year-span"]),
        (["--from", "1954-04-01", "--to", "1954-04-01"], ["decade", "year-span", "vague-event"]),
        (["--from", "1954-06-26", "--to", "1954-07-31"], ["decade", "year-span", "vague-event", "kengir-uprising"]),
        (["--from", "1954-07-01", "--to", "1954-07-31"], ["decade", "year-span"]),
        (["--from", "1954-06-30", "--to", "1954-06-30"], ["decade", "year-span", "vague-event"]),
        # "1956?" may be any day of 1955 to 1957.
        (["--from", "1957-12-31"], ["decade", "uncertain-year"]),
        (["--from", "1958"], ["decade"]),
        (["--from", "1960"], []),
        (["--to", "1953-03-04"], ["decade"]),
        (["--to", "1949"], []),
        # Free-form input, through dateutil.
        (["--from", "May 1953", "--to", "26 June 1953"], ["decade", "norilsk-uprising"]),
    ],
)
def test_range_keeps_events_whose_widest_span_overlaps(gulag: Gulag, args: list[str], expected: list[str]) -> None:
    assert ids(gulag("timeline", *args, "--json")) == expected


def test_empty_listing_is_success_with_empty_array(gulag: Gulag) -> None:
    result = gulag("timeline", "--from", "1990", "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == []


def test_empty_table_says_so_on_stderr(gulag: Gulag) -> None:
    result = gulag("timeline", "--from", "1990", "--format", "table")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "no events match" in result.stderr


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--place", "kengir"], ["kengir-uprising"]),
        (["--place", "KENGÍR"], ["kengir-uprising"]),  # case and accents
        (["--place", "Kenguir"], ["kengir-uprising"]),  # alternate spelling
        (["--place", "Кенгир"], ["kengir-uprising"]),  # Cyrillic
        (["--place", "steplag"], ["kengir-uprising"]),  # the camp complex
        (["--place", "kazakhstan"], ["kengir-uprising"]),  # the country
        (["--place", "Ulytau Region"], ["kengir-uprising"]),  # the region
        (["--place", "russia"], ["stalin-death", "norilsk-uprising"]),
        (["--place", "noril'sk"], ["norilsk-uprising"]),
        (["--person", "beria"], ["beria-amnesty"]),
        (["--person", "Иосиф Сталин"], ["stalin-death"]),
        (["--tag", "uprising"], ["norilsk-uprising", "kengir-uprising"]),
        (["--tag", "uprising", "--reverse"], ["kengir-uprising", "norilsk-uprising"]),
        (["--limit", "2"], ["decade", "stalin-death"]),
        (["--reverse", "--limit", "1"], ["uncertain-year"]),
        (["--from", "1953", "--to", "1954", "--place", "russia"], ["stalin-death", "norilsk-uprising"]),
        # Several values of one filter: any of them; different filters: all of them.
        (["--tag", "uprising", "--tag", "death"], ["stalin-death", "norilsk-uprising", "kengir-uprising"]),
        (["--tag", "uprising,death"], ["stalin-death", "norilsk-uprising", "kengir-uprising"]),
        (["--place", "kengir", "--place", "moscow"], ["stalin-death", "kengir-uprising"]),
        (["--place", "kengir,norilsk", "--tag", "uprising"], ["norilsk-uprising", "kengir-uprising"]),
        (["--person", "beria,stalin"], ["stalin-death", "beria-amnesty"]),
        (["--person", "beria", "--tag", "death"], []),
        # Dates as typed: dots are day first, an interval is used whole.
        (["--from", "5.3.1953", "--to", "5.3.1953"], ["decade", "stalin-death"]),
        (["--from", "26/06/1954", "--to", "26/06/1954"], ["decade", "year-span", "vague-event", "kengir-uprising"]),
        (["--to", "1953-03-06/1953-03-26"], ["decade", "stalin-death"]),
        (["--from", "1953-03-06/1953-03-26"], ["decade", "beria-amnesty", "norilsk-uprising", "year-span",
                                               "vague-event", "kengir-uprising", "uncertain-year"]),
    ],
)
def test_filters(gulag: Gulag, args: list[str], expected: list[str]) -> None:
    assert ids(gulag("timeline", *args, "--json")) == expected


def test_json_record_carries_iso_dates_and_the_stored_date(gulag: Gulag) -> None:
    [rec] = json.loads(gulag("timeline", "--place", "norilsk", "--json").stdout)
    assert rec["date"] == {
        "edtf": "1953-05-26/1953-08-04", "display": "26 May – 4 Aug 1953", "start": "1953-05-26",
        "end": "1953-08-04", "earliest": "1953-05-26", "latest": "1953-08-04", "precision": "day",
        "approximate": False, "uncertain": False,
    }
    assert list(rec) == ["id", "title", "date", "summary", "description", "aliases", "places", "people",
                         "terms", "tags", "verified", "figures", "notes", "related", "sources"]
    assert rec["places"] == [{"id": "norilsk", "name": "Norilsk", "country": "Russia"}]
    assert rec["figures"][0]["value"] == 16400
    assert rec["sources"][0]["url"] == "https://example.org/a"


def test_jsonl_is_one_record_per_line(gulag: Gulag) -> None:
    result = gulag("timeline", "--format", "jsonl", "--tag", "uprising")
    lines = result.stdout.splitlines()
    assert [json.loads(line)["id"] for line in lines] == ["norilsk-uprising", "kengir-uprising"]


def test_csv_has_a_header_and_joins_lists(gulag: Gulag) -> None:
    result = gulag("timeline", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["id"] for r in rows] == ids(gulag("timeline", "--json"))
    kengir = next(r for r in rows if r["id"] == "kengir-uprising")
    assert kengir["start"] == "1954-05-16" and kengir["end"] == "1954-06-26"
    assert kengir["sources"] == "ref-a; ref-b"


def test_piped_output_is_plain_tab_separated_lines(gulag: Gulag) -> None:
    result = gulag("timeline", "--tag", "uprising")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "1953-05-26/1953-08-04\tnorilsk-uprising\tNorilsk uprising\tNorilsk\tPrisoners strike in Norilsk.",
        "1954-05-16/1954-06-26\tkengir-uprising\tKengir uprising\tKengir\tPrisoners hold the Kengir camp for 40 days.",
    ]
    assert "\x1b" not in result.stdout


def test_table_shows_historians_dates_and_marks_uncertainty(gulag: Gulag) -> None:
    result = gulag("timeline", "--format", "table", env={"COLUMNS": "160"})
    out = result.stdout
    assert "26 May – 4 Aug 1953" in out and "c. May 1954" in out and "1956?" in out and "1954–55" in out
    assert "c. = approximate date, ? = uncertain date" in out
    assert "Approximate happening †" in out  # unverified: nothing independent confirms it
    assert "\x1b[" not in out  # not a terminal: no colour codes


def test_force_color_table_has_colour_but_no_color_flag_removes_it(gulag: Gulag) -> None:
    coloured = gulag("timeline", "--format", "table", env={"FORCE_COLOR": "1", "COLUMNS": "120"})
    assert "\x1b[" in coloured.stdout
    plain = gulag("timeline", "--format", "table", "--no-color", env={"FORCE_COLOR": "1", "COLUMNS": "120"})
    assert "\x1b[3" not in plain.stdout  # no colour codes (bold may remain)
    env_plain = gulag("timeline", "--format", "table", env={"FORCE_COLOR": "1", "NO_COLOR": "1", "COLUMNS": "120"})
    assert "\x1b[3" not in env_plain.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--from", "nonsense"], "--from: cannot read 'nonsense' as a date"),
        (["--from", "1953-02-30"], "is not a real date"),
        (["--to", "June"], "has no year"),
        # a day without a year needs the year, not the order of day and month, which sent users
        # from 02-03 to 03-02 and back
        (["--from", "02-03"], "--from: '02-03' has no year"), (["--from", "03-02"], "'03-02' has no year"),
        (["--to", "2/3"], "'2/3' has no year"),
        (["--from", "1955", "--to", "1954"], "--from 1955-01-01 is after --to 1954-12-31"),
        (["--limit", "0"], "--limit"),
        (["--limit", "-3"], "--limit"),
        (["--format", "xml"], "--format"),
        (["--from", "05/03/1953"], "could be 5 Mar 1953 or 3 May 1953"),
        (["--to", "1953/.."], "open end"),
    ],
)
def test_bad_arguments_are_one_line_usage_errors(gulag: Gulag, args: list[str], message: str) -> None:
    result = gulag("timeline", *args)
    assert result.exit_code == 2, result.output
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.output
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("args", "message", "suggestion"),
    [
        (["--place", "kenigr"], "--place 'kenigr': no place of that name", "kengir"),
        (["--place", "narnia"], "--place 'narnia': no place of that name", None),
        (["--place", "kengir,narnia"], "--place 'narnia'", None),
        (["--person", "berya"], "--person 'berya': no person of that name", "beria"),
        (["--tag", "uprisng"], "--tag 'uprisng': no tag of that name", "uprising"),
        (["--tag", "nosuchtag"], "--tag 'nosuchtag': no tag of that name", None),
    ],
)
def test_an_unknown_filter_value_is_an_error_naming_the_nearest(
    gulag: Gulag, args: list[str], message: str, suggestion: str | None
) -> None:
    result = gulag("timeline", *args, "--json")
    assert result.exit_code == 3, result.output
    assert result.stdout == ""
    assert message in result.stderr
    if suggestion:
        assert f"did you mean: {suggestion}" in result.stderr


def test_the_issue_examples_on_the_bundled_store(gulag: Gulag) -> None:
    both = ids(gulag("timeline", "--tag", "uprising", "--tag", "strike", "--json", data=None))
    uprisings = ids(gulag("timeline", "--tag", "uprising", "--json", data=None))
    strikes = ids(gulag("timeline", "--tag", "strike", "--json", data=None))
    assert set(both) == set(uprisings) | set(strikes) and set(strikes) - set(uprisings)
    kenigr = gulag("timeline", "--place", "kenigr", data=None)
    assert kenigr.exit_code == 3 and "did you mean: kengir" in kenigr.stderr
    ambiguous = gulag("timeline", "--from", "05/03/1953", "--to", "05/03/1953", data=None)
    assert ambiguous.exit_code == 2
    assert "5 Mar 1953" in ambiguous.stderr and "3 May 1953" in ambiguous.stderr
    assert "stalin-death" in ids(gulag("timeline", "--from", "5.3.1953", "--to", "5.3.1953", "--json", data=None))


def test_nothing_found_is_an_empty_stdout_and_a_note_on_stderr(gulag: Gulag) -> None:
    # A script reading stdout gets nothing; a person piping into less is told why.
    result = gulag("timeline", "--from", "1990", "--format", "plain")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "no events match these filters\n")
    result = gulag("search", "zzzqqq", "--format", "plain")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "nothing in the store matches that search\n")
    assert gulag("timeline", "--from", "1990", "--json").stdout == "[]\n"
