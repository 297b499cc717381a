"""Fast paths give exactly what the plain paths give: events, dates, whole stores."""

from __future__ import annotations

from datetime import date
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from gulagcli.dates import parse_edtf, parse_general
from gulagcli.store import NOTE_KINDS, Problem, _event, _event_fast, _Reader

DAYS = st.dates(min_value=date(1900, 1, 1), max_value=date(2000, 12, 31))


@given(DAYS, DAYS)
def test_plain_days_and_day_intervals_parse_the_same_either_way(a: date, b: date) -> None:
    for text in (a.isoformat(), f"{min(a, b).isoformat()}/{max(a, b).isoformat()}"):
        assert parse_edtf(text) == parse_general(text)


def test_impossible_plain_days_still_fail() -> None:
    for text in ("1953-02-29", "1953-13-01", "1953-02-30/1953-03-01", "1953-03-02/1953-03-01"):
        try:
            parse_edtf(text)
        except ValueError:
            continue
        raise AssertionError(text)


IDS = st.sampled_from(["a", "b-c", "place-1", "src-2"])
TEXTS = st.sampled_from(["Title", " leading", "x ", "", "  ", "\t", "Кенгир"])
ODD = st.one_of(st.none(), st.integers(), st.booleans(), st.just({}), st.just([]), TEXTS)
LISTS = st.one_of(st.lists(IDS, max_size=3), st.lists(st.one_of(IDS, ODD), max_size=3), ODD)
NOTES = st.one_of(
    st.none(), st.just([]), ODD,
    st.lists(st.fixed_dictionaries(
        {"kind": st.one_of(st.sampled_from(NOTE_KINDS), ODD), "text": st.one_of(TEXTS, ODD)},
        optional={"sources": LISTS}), max_size=2),
)
EVENTS = st.fixed_dictionaries(
    {"id": st.one_of(IDS, ODD), "title": st.one_of(TEXTS, ODD), "summary": st.one_of(TEXTS, ODD),
     "date": st.one_of(st.sampled_from(["1953-03-05", "1954-05~", "1953-02-30", "195X", "1953/1952",
                                        "1953-05-26/1953-08-04", "nonsense"]), ODD),
     "sources": LISTS},
    optional={"aliases": LISTS, "places": LISTS, "people": LISTS, "terms": LISTS, "tags": LISTS,
              "related": LISTS, "description": st.one_of(TEXTS, ODD), "verified": st.one_of(st.booleans(), ODD),
              "notes": NOTES},
)


@settings(max_examples=1500)
@given(EVENTS)
def test_fast_event_is_the_readers_event_or_nothing(rec: dict[str, Any]) -> None:
    problems: list[Problem] = []
    slow = _event(_Reader(rec, "events", problems, 0))
    fast = _event_fast(rec)
    if fast is not None:
        assert fast == slow
        assert problems == []
    elif not problems and isinstance(rec.get("id"), str):
        raise AssertionError(f"a record the reader accepts took the slow path: {rec}")


def test_a_well_formed_event_takes_the_fast_path() -> None:
    rec = {"id": "e", "title": "T", "date": "1953-03-05", "summary": "S", "sources": ["s"], "places": ["p"],
           "notes": [{"kind": "context", "text": "N", "sources": ["s"]}], "verified": False}
    fast = _event_fast(rec)
    assert fast is not None and fast == _event(_Reader(rec, "events", [], 0))
