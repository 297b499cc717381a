"""`gulag export`: every format read back by an independent parser and checked event by event,
then the output file: written atomically, never over an existing file without --force."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shlex
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import geojson
import icalendar
import pytest
from typer.testing import Result

from gulagcli.errors import OutputError
from gulagcli.files import write_atomic
from gulagcli.render.calendar import MAX_DAYS, ics_stamp
from gulagcli.store import load

from .conftest import MINI, ids, mini, page_data, write_store

Gulag = Callable[..., Result]

ORDER = ["decade", "stalin-death", "beria-amnesty", "norilsk-uprising", "year-span", "vague-event",
         "kengir-uprising", "uncertain-year"]

# Written out by hand from tests/data/mini.json, not computed by the code under test.
# DTEND of an all-day event is exclusive: the day after the last day. Events over MAX_DAYS
# become one-day markers: "Begins:"/"Ends:" for an interval, one on the first day for a date.
ICS_DAYS = {
    "decade": (date(1950, 1, 1), date(1950, 1, 2)),
    "stalin-death": (date(1953, 3, 5), date(1953, 3, 6)),
    "beria-amnesty": (date(1953, 3, 27), date(1953, 3, 28)),
    "norilsk-uprising": (date(1953, 5, 26), date(1953, 8, 5)),
    "year-span": (date(1954, 1, 1), date(1954, 1, 2)),
    "year-span.end": (date(1955, 12, 31), date(1956, 1, 1)),
    "vague-event": (date(1954, 5, 1), date(1954, 6, 1)),
    "kengir-uprising": (date(1954, 5, 16), date(1954, 6, 27)),
    "uncertain-year": (date(1956, 1, 1), date(1956, 1, 2)),
}
ICS_SUMMARIES = {
    "decade": "A decade (1950s)", "year-span": "Begins: Two-year span (1954–55) †",
    "year-span.end": "Ends: Two-year span (1954–55) †", "vague-event": "Approximate happening (c. May 1954) †",
    "uncertain-year": "Uncertain year (1956?)", "kengir-uprising": "Kengir uprising",
}
# TimelineJS: a start has month and day only when the date knows them; an end is the last day
# it stands for, to its last minute (TimelineJS reads a date as the moment it begins).
# A single date known only to its month, year or decade spans that whole period.
TL_DATES: dict[str, tuple[dict[str, int], date | None, str]] = {
    "decade": ({"year": 1950}, date(1959, 12, 31), "1950s"),
    "stalin-death": ({"year": 1953, "month": 3, "day": 5}, None, "5 Mar 1953"),
    "beria-amnesty": ({"year": 1953, "month": 3, "day": 27}, None, "27 Mar 1953"),
    "norilsk-uprising": ({"year": 1953, "month": 5, "day": 26}, date(1953, 8, 4), "26 May – 4 Aug 1953"),
    "year-span": ({"year": 1954}, date(1955, 12, 31), "1954–55"),
    "vague-event": ({"year": 1954, "month": 5}, date(1954, 5, 31), "c. May 1954"),
    "kengir-uprising": ({"year": 1954, "month": 5, "day": 16}, date(1954, 6, 26), "16 May – 26 Jun 1954"),
    "uncertain-year": ({"year": 1956}, date(1956, 12, 31), "1956?"),
}
CSV_DAYS = {
    "decade": ("1950-01-01", "1959-12-31"), "stalin-death": ("1953-03-05", "1953-03-05"),
    "beria-amnesty": ("1953-03-27", "1953-03-27"), "norilsk-uprising": ("1953-05-26", "1953-08-04"),
    "year-span": ("1954-01-01", "1955-12-31"), "vague-event": ("1954-05-01", "1954-05-31"),
    "kengir-uprising": ("1954-05-16", "1954-06-26"), "uncertain-year": ("1956-01-01", "1956-12-31"),
}


def export(gulag: Gulag, fmt: str, *args: str, data: Path | None = MINI) -> Result:
    result = gulag("export", "--format", fmt, *args, data=data)
    assert result.exit_code == 0, result.output
    return result


# --- iCalendar ------------------------------------------------------------------------------


def vevents(text: str) -> dict[str, Any]:
    cal = icalendar.Calendar.from_ical(text)
    assert cal["VERSION"] == "2.0" and "PRODID" in cal
    return {str(ev["UID"]): ev for ev in cal.walk("VEVENT")}


def test_ics_uids_are_unique_text_has_no_raw_control_and_an_open_end_is_a_dated_marker(
        gulag: Gulag, tmp_path: Path) -> None:
    store = mini()
    long_event = next(e for e in store["events"] if e["id"] == "year-span")
    store["events"].append({**long_event, "id": "year-span-end", "title": "A store's own x-end event"})
    store["events"].append({**long_event, "id": "open-may", "date": "1953-05/..", "title": "Open \x1b[2J\x07 end"})
    kengir = next(e for e in store["events"] if e["id"] == "kengir-uprising")
    kengir["summary"] = "Bell \x07 and escape \x1b]0;T\x07 and a DEL \x7f"
    text = export(gulag, "ics", data=write_store(tmp_path, store)).stdout
    uids = re.findall(r"^UID:(.*)$", text, flags=re.M)
    assert len(uids) == len(set(uids)) and "year-span.end@gulag" in uids and "year-span-end@gulag" in uids
    assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]", text)  # RFC 5545 TEXT has no controls
    assert "\\x1b" in text and "\\x07" in text
    opened = vevents(text)["open-may@gulag"]
    assert opened["DTSTART"].dt == date(1953, 5, 1) and opened["DTEND"].dt == date(1953, 5, 2)
    assert "1953" in str(opened["SUMMARY"])  # the date in the summary, not all of May as a span


def test_ics_has_every_event_as_an_all_day_span(gulag: Gulag) -> None:
    result = export(gulag, "ics")
    raw = result.stdout_bytes  # .stdout turns CRLF into LF
    assert raw.count(b"\r\n") == raw.count(b"\n") > 0  # RFC 5545 lines end in CRLF
    events = vevents(result.stdout)
    assert sorted(events) == sorted(f"{i}@gulag" for i in [*ORDER, "year-span.end"])
    for ident, (first, after_last) in ICS_DAYS.items():
        ev = events[f"{ident}@gulag"]
        start, end = ev.decoded("DTSTART"), ev.decoded("DTEND")
        # A date, not a datetime: DTSTART;VALUE=DATE.
        assert type(start) is date and type(end) is date, ident
        assert (start, end) == (first, after_last), ident
        assert ev["DTSTART"].params.get("VALUE") == "DATE" or "VALUE=DATE" in ev.to_ical().decode()
        assert (end - start).days <= MAX_DAYS
    for ident, text in ICS_SUMMARIES.items():
        assert str(events[f"{ident}@gulag"]["SUMMARY"]) == text


def test_no_ics_entry_floods_the_calendar_for_the_bundled_store(gulag: Gulag) -> None:
    events = vevents(export(gulag, "ics", data=None).stdout)
    spans = {uid: (ev.decoded("DTEND") - ev.decoded("DTSTART")).days for uid, ev in events.items()}
    assert max(spans.values()) <= MAX_DAYS
    assert spans["kengir-uprising@gulag"] == 42  # 16 May - 26 Jun 1954 stays a span
    # The bundled store may hold no exhibit-only event; the † marker is pinned on mini.json above.
    unverified = [str(ev["SUMMARY"]) for ev in events.values() if "independent reference" in str(ev["DESCRIPTION"])]
    assert all(s.endswith(" †") for s in unverified)


def test_ics_escapes_every_property_and_survives_newlines(
    gulag: Gulag, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import vobject

    store = mini()
    store["meta"]["title"] = "Gulag, 1945–1962; a\\b"
    next(e for e in store["events"] if e["id"] == "stalin-death")["title"] = "Death\nof Stalin, 5; March"
    result = export(gulag, "ics", data=write_store(tmp_path, store))
    calendar = vobject.readOne(result.stdout)
    assert calendar.contents["x-wr-calname"][0].value == "Gulag, 1945–1962; a\\b"
    # icalendar keeps an X- property raw unless told it is TEXT, as its users do
    monkeypatch.setitem(icalendar.Calendar.types_factory.types_map, "x-wr-calname", "text")
    parsed = icalendar.Calendar.from_ical(result.stdout)
    assert str(parsed["X-WR-CALNAME"]) == "Gulag, 1945–1962; a\\b"
    assert str(vevents(result.stdout)["stalin-death@gulag"]["SUMMARY"]) == "Death of Stalin, 5; March"


def test_ics_has_url_and_geo_where_known(gulag: Gulag) -> None:
    events = vevents(export(gulag, "ics").stdout)
    kengir = events["kengir-uprising@gulag"]
    assert str(kengir["URL"]) == "https://example.org/a"
    geo = kengir.decoded("GEO")
    assert tuple(geo) == (47.84, 67.6161)  # latitude first, as RFC 5545 orders GEO
    assert "GEO" not in events["stalin-death@gulag"]  # Moscow has no coordinates in the fixture


def test_ics_summary_description_and_sources(gulag: Gulag) -> None:
    events = vevents(export(gulag, "ics").stdout)
    kengir = events["kengir-uprising@gulag"]
    assert str(kengir["SUMMARY"]) == "Kengir uprising"
    description = str(kengir["DESCRIPTION"])
    assert description.startswith("Prisoners hold the Kengir camp for 40 days.")
    assert "Reference A" in description and "https://example.org/b" in description
    assert str(kengir["LOCATION"]) == "Kengir"
    assert "approximate" in str(events["vague-event@gulag"]["DESCRIPTION"])
    assert "1954-04-01 to 1954-06-30" in str(events["vague-event@gulag"]["DESCRIPTION"])
    assert "uncertain" in str(events["uncertain-year@gulag"]["DESCRIPTION"])
    assert "approximate" not in str(kengir["DESCRIPTION"])


def test_ics_is_byte_for_byte_stable(gulag: Gulag) -> None:
    first = export(gulag, "ics").stdout
    assert first == export(gulag, "ics").stdout
    stamps = {ev.decoded("DTSTAMP") for ev in vevents(first).values()}
    assert stamps == {datetime(2000, 1, 1, tzinfo=UTC)}  # the mini store's version is not a date


def test_ics_stamp_comes_from_a_dated_store_version() -> None:
    assert ics_stamp("2026.11.28") == datetime(2026, 11, 28, tzinfo=UTC)
    assert ics_stamp("1") == datetime(2000, 1, 1, tzinfo=UTC)


def test_ics_follows_the_filters(gulag: Gulag) -> None:
    events = vevents(export(gulag, "ics", "--tag", "uprising").stdout)
    assert sorted(events) == ["kengir-uprising@gulag", "norilsk-uprising@gulag"]


# --- GeoJSON --------------------------------------------------------------------------------


def features_of(text: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """(events by id, places by id) of a GeoJSON export, after checking it is valid."""
    collection = geojson.loads(text)
    assert collection.is_valid, collection.errors()
    assert collection["type"] == "FeatureCollection"
    events = {f["id"]: f for f in collection["features"] if f["properties"]["feature"] == "event"}
    places = {f["properties"]["id"]: f for f in collection["features"] if f["properties"]["feature"] == "place"}
    for f in collection["features"]:  # flat: a GeoPackage or shapefile column each
        assert all(v is None or isinstance(v, str | int | float | bool) for v in f["properties"].values())
        if f["geometry"] is not None:
            points = f["geometry"]["coordinates"]
            for lon, lat in [points] if f["geometry"]["type"] == "Point" else points:
                assert -180 <= lon <= 180 and -90 <= lat <= 90
    return events, places


def test_geojson_has_a_feature_for_every_event_with_its_dates(gulag: Gulag) -> None:
    events, _places = features_of(export(gulag, "geojson").stdout)
    assert list(events) == ORDER
    kengir = events["kengir-uprising"]
    assert kengir["geometry"] == {"type": "Point", "coordinates": [67.6161, 47.84]}  # longitude first
    props = kengir["properties"]
    assert (props["start"], props["end"], props["display_date"]) == ("1954-05-16", "1954-06-26",
                                                                     "16 May – 26 Jun 1954")
    assert (props["title"], props["place_names"], props["tags"]) == ("Kengir uprising", "Kengir", "uprising")
    assert {i: (f["properties"]["start"], f["properties"]["end"]) for i, f in events.items()} == CSV_DAYS
    assert events["stalin-death"]["geometry"] is None  # Moscow has no coordinates: null, per RFC 7946
    assert events["decade"]["geometry"] is None  # no place at all


def test_geojson_has_a_feature_for_every_place_with_its_events(gulag: Gulag) -> None:
    _events, places = features_of(export(gulag, "geojson").stdout)
    store = mini()
    assert set(places) == {p["id"] for p in store["places"]}  # no filter: every place
    assert places["kengir"]["geometry"]["coordinates"] == [67.6161, 47.84]
    assert places["kengir"]["properties"]["events"] == "kengir-uprising"
    assert places["moscow"]["geometry"] is None
    _, uprising_places = features_of(export(gulag, "geojson", "--tag", "uprising").stdout)
    assert set(uprising_places) == {"kengir", "norilsk"}  # a filter: the places its events name


def test_geojson_carries_camp_dates_and_yearly_counts(gulag: Gulag, tmp_path: Path) -> None:
    store = mini()
    store["places"].append({"id": "steplag", "name": "Steplag", "kind": "camp", "country": "Kazakhstan",
                            "lat": 47.84, "lon": 67.6161, "camp_type": "special-camp",
                            "dates": "1948-02-28/1956-04-24", "sources": ["ref-a"]})
    for ident, value, when in (("1950", 20000, "1950"), ("1951", 21000, "1951-01-01"), ("1951-12", 25000, "1951-12-01"),
                               ("1952-06", 26000, "1952-06")):
        store["figures"].append({"id": f"steplag-{ident}", "what": "prisoners", "unit": "prisoners",
                                 "reported_by": "test", "value": value, "date": when, "place": "steplag",
                                 "series": "camp-population", "sources": ["ref-a"]})
    doc = json.loads(export(gulag, "geojson", data=write_store(tmp_path, store)).stdout)
    [props] = [f["properties"] for f in doc["features"] if f["properties"].get("id") == "steplag"]
    assert (props["camp_type"], props["dates"], props["opened"], props["closed"]) == (
        "special-camp", "1948-02-28/1956-04-24", "1948-02-28", "1956-04-24")
    # A year's count, or its 1 January's, is count_YYYY; another day's or month's keeps its own
    # key: the 1 December count replaced the 1 January one.
    assert {k: v for k, v in props.items() if k.startswith("count_")} == {
        "count_1950": 20000, "count_1951": 21000, "count_1951_12_01": 25000, "count_1952_06": 26000}


def test_geojson_reports_what_it_wrote(gulag: Gulag, tmp_path: Path) -> None:
    out = tmp_path / "all.geojson"
    result = export(gulag, "geojson", "-o", str(out))
    assert result.stderr == (f"wrote 8 events (2 located, 6 without a location) and 3 places (2 located) "
                             f"as geojson to {out}\n")


# --- CSV and JSON ---------------------------------------------------------------------------


def test_csv_is_the_timeline_csv(gulag: Gulag) -> None:
    text = export(gulag, "csv").stdout
    assert text == gulag("timeline", "--format", "csv").stdout
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert [r["id"] for r in rows] == ORDER
    assert {r["id"]: (r["start"], r["end"]) for r in rows} == CSV_DAYS
    stalin = next(r for r in rows if r["id"] == "stalin-death")
    assert (stalin["people"], stalin["sources"], stalin["places"]) == ("Joseph Stalin", "ref-a; exhibit", "Moscow")


@pytest.mark.parametrize("filters", [[], ["--tag", "uprising"], ["--from", "1954", "--reverse"]])
def test_json_is_the_timeline_json(gulag: Gulag, filters: list[str]) -> None:
    exported = json.loads(export(gulag, "json", *filters).stdout)
    assert exported == json.loads(gulag("timeline", "--json", *filters).stdout)
    assert [r["id"] for r in exported] == ids(gulag("timeline", "--json", *filters))


# --- TimelineJS -----------------------------------------------------------------------------


def check_timelinejs(doc: dict[str, Any]) -> None:
    """The TimelineJS3 rules a slide must follow to load."""
    assert doc["title"]["text"]["headline"]
    seen = set()
    for slide in doc["events"]:
        for key in ("start_date", "end_date"):
            if key not in slide:
                assert key == "end_date", "start_date is required"
                continue
            d = slide[key]
            assert type(d["year"]) is int
            if "month" in d:
                assert type(d["month"]) is int and 1 <= d["month"] <= 12
            if "day" in d:
                assert "month" in d and 1 <= d["day"] <= 31
            assert set(d) <= {"year", "month", "day", "hour", "minute"}
            if key == "end_date":
                assert (d["hour"], d["minute"]) == (23, 59)
        assert slide["text"]["headline"].strip()
        assert slide["unique_id"] not in seen
        seen.add(slide["unique_id"])


def test_timelinejs_follows_the_rules_for_every_event(gulag: Gulag) -> None:
    doc = json.loads(export(gulag, "timelinejs").stdout)
    check_timelinejs(doc)
    slides = {s["unique_id"]: s for s in doc["events"]}
    assert list(slides) == ORDER
    for ident, (start, end, shown) in TL_DATES.items():
        slide = slides[ident]
        assert slide["start_date"] == start, ident
        last = slide.get("end_date")
        assert (date(last["year"], last["month"], last["day"]) if last else None) == end, ident
        assert slide["display_date"] == shown, ident
    kengir = slides["kengir-uprising"]
    assert kengir["text"]["headline"] == "Kengir uprising"
    assert kengir["group"] == "Uprising"
    assert [e["text"]["headline"] for e in doc["eras"]] == ["Late Stalinism", "The Thaw"]
    # Each era to the last minute of its last day, as the slides end: the Thaw ran to the start
    # of 31 Dec 1962, a day short, and Late Stalinism shared 5 March 1953 with it.
    assert doc["eras"][0]["end_date"] == {"year": 1953, "month": 3, "day": 4, "hour": 23, "minute": 59}
    assert doc["eras"][1]["start_date"] == {"year": 1953, "month": 3, "day": 5}
    assert doc["eras"][1]["end_date"] == {"year": 1962, "month": 12, "day": 31, "hour": 23, "minute": 59}
    assert '<a href="https://example.org/a">Reference A</a>' in kengir["text"]["text"]
    assert "<p>Prisoners hold the Kengir camp for 40 days.</p>" in kengir["text"]["text"]
    assert "group" not in slides["decade"]  # no tags, no group


def test_timelinejs_escapes_data_as_html(gulag: Gulag, tmp_path: Path) -> None:
    store = mini()
    store["events"][0]["title"] = "<b>Death</b> & co"
    store["events"][0]["summary"] = "<script>alert(1)</script>"
    store["sources"][1]["url"] = 'https://example.org/a" onmouseover="x'
    doc = json.loads(export(gulag, "timelinejs", data=write_store(tmp_path, store)).stdout)
    slide = next(s for s in doc["events"] if s["unique_id"] == "stalin-death")
    assert slide["text"]["headline"] == "&lt;b&gt;Death&lt;/b&gt; &amp; co"
    assert "<script>" not in slide["text"]["text"]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in slide["text"]["text"]
    assert 'href="https://example.org/a&quot; onmouseover=&quot;x"' in slide["text"]["text"]


@pytest.mark.parametrize("label", ["Uprising<img src=x onerror=alert(1)>",
                                   "Uprising&lt;img src=x onerror=alert(1)&gt;"])
def test_timelinejs_group_carries_no_markup_in_either_form(gulag: Gulag, tmp_path: Path, label: str) -> None:
    """TimelineJS reads ``group`` as text (decoding entities) and then inserts it as HTML: an
    escaped label became a live <img onerror>. The group carries no < > & at all."""
    store = mini()
    next(t for t in store["tags"] if t["id"] == "uprising")["label"] = label
    doc = json.loads(export(gulag, "timelinejs", data=write_store(tmp_path, store)).stdout)
    groups = {s["group"] for s in doc["events"] if "group" in s}
    assert groups and not any(ch in g for g in groups for ch in "<>&")
    assert any(g.startswith("Uprising") and "img src=x" in g for g in groups)  # nothing dropped


# --- the whole bundled store ----------------------------------------------------------------


def test_every_format_round_trips_the_whole_bundled_store(gulag: Gulag) -> None:
    store = load(None)
    every = sorted(ev.id for ev in store.events)
    uids = {u.removesuffix("@gulag").removesuffix(".end") for u in vevents(export(gulag, "ics", data=None).stdout)}
    assert sorted(uids) == every
    doc = json.loads(export(gulag, "timelinejs", data=None).stdout)
    check_timelinejs(doc)
    assert sorted(s["unique_id"] for s in doc["events"]) == every
    # Every end TimelineJS is given is the last day the store states (the CSV's `end`).
    ends = {r["id"]: r["end"] for r in csv.DictReader(io.StringIO(export(gulag, "csv", data=None).stdout))}
    for slide in doc["events"]:
        if (last := slide.get("end_date")) is not None:
            assert date(last["year"], last["month"], last["day"]).isoformat() == ends[slide["unique_id"]]
    assert sum("end_date" in s for s in doc["events"]) >= 21  # every long event has one
    rows = list(csv.DictReader(io.StringIO(export(gulag, "csv", data=None).stdout, newline="")))
    assert sorted(r["id"] for r in rows) == every
    assert sorted(r["id"] for r in json.loads(export(gulag, "json", data=None).stdout)) == every
    events, places = features_of(export(gulag, "geojson", data=None).stdout)
    assert sorted(events) == every
    assert set(places) == set(store.places)


# --- writing files --------------------------------------------------------------------------


def test_output_file_is_written_and_reported(gulag: Gulag, tmp_path: Path) -> None:
    out = tmp_path / "gulag.ics"
    result = export(gulag, "ics", "-o", str(out))
    assert result.stdout == ""
    assert result.stderr.strip() == f"wrote 8 events as ics (9 calendar entries) to {out}"
    assert len(vevents(out.read_text(encoding="utf-8"))) == 9  # the two-year span has two markers
    assert out.read_bytes().count(b"\r\n") == out.read_bytes().count(b"\n")  # CRLF kept as is
    assert sorted(p.name for p in tmp_path.iterdir()) == ["gulag.ics"]


def test_json_file_is_indented_and_the_same_records(gulag: Gulag, tmp_path: Path) -> None:
    out = tmp_path / "events.json"
    export(gulag, "json", "-o", str(out))
    text = out.read_text(encoding="utf-8")
    assert text.startswith("[\n  {")
    assert json.loads(text) == json.loads(gulag("timeline", "--json").stdout)


def test_existing_file_is_kept_without_force(gulag: Gulag, tmp_path: Path) -> None:
    out = tmp_path / "places.geojson"
    out.write_text("precious")
    result = gulag("export", "--format", "geojson", "-o", str(out))
    assert result.exit_code == 1
    assert result.stderr == f"gulag: error: {out} already exists; use --force to overwrite it\n"
    assert out.read_text() == "precious"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["places.geojson"]
    forced = export(gulag, "geojson", "-o", str(out), "--force")
    assert geojson.loads(out.read_text(encoding="utf-8")).is_valid, forced.output


def test_dash_means_stdout(gulag: Gulag, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = export(gulag, "csv", "-o", "-")
    assert result.stdout == gulag("timeline", "--format", "csv").stdout
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("target", "message"),
    [("missing-dir/out.ics", "there is no directory"), (".", "is a directory")],
)
def test_unwritable_targets_fail_with_one_line(gulag: Gulag, tmp_path: Path, target: str, message: str) -> None:
    result = gulag("export", "--format", "ics", "-o", str(tmp_path / target))
    assert result.exit_code == 1
    assert message in result.stderr and len(result.stderr.splitlines()) == 1


@pytest.mark.parametrize(("command", "flag"), [("export", "-o"), ("chart", "--svg"), ("chart", "--png")])
def test_a_name_ending_in_a_slash_is_a_directory_not_a_file(
    gulag: Gulag, tmp_path: Path, command: str, flag: str
) -> None:
    args = ["--format", "csv"] if command == "export" else []
    result = gulag(command, *args, flag, f"{tmp_path / 'newdir'}/")
    assert result.exit_code == 2 and "names a directory; give a file name" in result.stderr
    assert len(result.stderr.splitlines()) == 1 and not list(tmp_path.iterdir())


def test_format_is_required_and_checked(gulag: Gulag) -> None:
    assert gulag("export").exit_code == 2
    bad = gulag("export", "--format", "xml")
    assert bad.exit_code == 2 and "xml" in bad.stderr


def test_empty_selection_is_valid_output_and_says_so(gulag: Gulag) -> None:
    result = export(gulag, "json", "--from", "1990")
    assert json.loads(result.stdout) == []
    assert "no events match" in result.stderr
    assert geojson.loads(export(gulag, "geojson", "--from", "1990").stdout)["features"] == []


@pytest.mark.parametrize("fmt", ["csv", "json", "geojson", "timelinejs", "html"])
def test_an_empty_selection_leaves_the_file_alone_and_says_so(gulag: Gulag, tmp_path: Path, fmt: str) -> None:
    """--force replaced a full export with a header or an empty page, saying only that no events
    matched; `chart` and the calendar already kept the file and said so."""
    out = tmp_path / f"keep.{fmt}"
    out.write_text("the earlier export\n")
    result = gulag("export", "--format", fmt, "--from", "1990", "-o", str(out), "--force")
    assert result.exit_code == 0 and result.stderr == f"no events match these filters, so {out} was not written\n"
    assert out.read_text() == "the earlier export\n"


# --- the atomic writer ----------------------------------------------------------------------


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_write_atomic_writes_text_as_utf8_with_normal_permissions(tmp_path: Path, umask_022: None) -> None:
    out = tmp_path / "a.txt"
    write_atomic(out, "Кенгир\n")
    assert out.read_bytes() == "Кенгир\n".encode()
    assert out.stat().st_mode & 0o777 == 0o644  # not mkstemp's 0600


def test_write_atomic_refuses_an_existing_file(tmp_path: Path) -> None:
    out = tmp_path / "a.txt"
    out.write_text("old")
    with pytest.raises(OutputError, match="already exists; use --force"):
        write_atomic(out, "new")
    assert out.read_text() == "old"


def test_write_atomic_force_overwrites_and_keeps_the_mode(tmp_path: Path) -> None:
    out = tmp_path / "a.txt"
    out.write_text("old")
    out.chmod(0o600)
    write_atomic(out, b"new", force=True)
    assert out.read_text() == "new"
    assert out.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


@pytest.mark.parametrize("force", [False, True])
@pytest.mark.parametrize("error", [KeyboardInterrupt, RuntimeError])
def test_write_atomic_leaves_nothing_behind_when_interrupted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: type[BaseException], force: bool
) -> None:
    existing = tmp_path / "keep.txt"
    existing.write_text("old")
    target = existing if force else tmp_path / "new.txt"

    def interrupted(fd: int) -> None:
        assert any(p.name.endswith(".tmp") for p in tmp_path.iterdir())  # mid-write
        raise error

    monkeypatch.setattr("gulagcli.files.os.fsync", interrupted)
    with pytest.raises(error):
        write_atomic(target, "x" * 100_000, force=force)
    assert [p.name for p in tmp_path.iterdir()] == ["keep.txt"]
    assert existing.read_text() == "old"


def test_write_atomic_turns_os_errors_into_output_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("gulagcli.files.os.replace", full)
    with pytest.raises(OutputError, match="No space left on device"):
        write_atomic(tmp_path / "a.txt", "x", force=True)
    assert list(tmp_path.iterdir()) == []


def test_write_atomic_never_replaces_a_file_that_appears_meanwhile(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "a.txt"
    real_fsync = os.fsync

    def racing(fd: int) -> None:
        real_fsync(fd)
        out.write_text("someone else's")

    monkeypatch.setattr("gulagcli.files.os.fsync", racing)
    with pytest.raises(OutputError, match="already exists"):
        write_atomic(out, "mine")
    assert out.read_text() == "someone else's"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


# --- help -----------------------------------------------------------------------------------


def test_every_example_in_the_help_runs(gulag: Gulag, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    help_text = gulag("export", "--help", data=None).stdout
    assert "Examples:" in help_text
    examples = [li.strip() for li in help_text.splitlines() if li.strip().startswith("gulag export ")]
    assert len(examples) >= 3
    for example in examples:
        result = gulag(*shlex.split(example)[1:])
        assert result.exit_code == 0, (example, result.output)
    assert len(vevents((tmp_path / "gulag.ics").read_text(encoding="utf-8"))) == 9
    check_timelinejs(json.loads((tmp_path / "uprisings.json").read_text(encoding="utf-8")))


# --- HTML -----------------------------------------------------------------------------------


def test_html_is_one_self_contained_page_with_every_event(gulag: Gulag, tmp_path: Path) -> None:
    out = tmp_path / "gulag.html"
    result = export(gulag, "html", "-o", str(out))
    assert result.stderr == f"wrote 8 events and 3 places as html to {out}\n"
    text = out.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>")
    assert re.findall(r"<(?:script|link|img|iframe)[^>]*\s(?:src|href)=", text) == []  # nothing to fetch
    assert "default-src 'none'" in text  # and a policy that forbids fetching anything
    data = page_data(text)
    assert [e["id"] for e in data["events"]] == ORDER
    kengir = next(e for e in data["events"] if e["id"] == "kengir-uprising")
    assert (kengir["start"], kengir["end"], kengir["points"]) == ("1954-05-16", "1954-06-26", [[67.6161, 47.84]])
    assert {s["url"] for s in kengir["sources"]} >= {"https://example.org/a"}
    assert len(data["outlines"]) > 50  # the land the map draws


def test_the_pages_place_filter_keeps_what_place_keeps_and_its_cards_every_count(
        gulag: Gulag, tmp_path: Path) -> None:
    """Place = Kazakhstan on the page gives the events `timeline --place kazakhstan` gives (a
    country keeps every place in it, a camp its divisions); a camp's card lists every count, a
    year's 1 January and a later day alike, with "c." where it is approximate."""
    out = tmp_path / "all.html"
    assert gulag("export", "--format", "html", "-o", str(out), data=None).exit_code == 0
    data = page_data(out.read_text(encoding="utf-8"))
    for place in ("kazakhstan", "steplag"):
        reach = set(data["reach"].get(place, [place]))
        on_page = [e["id"] for e in data["events"] if reach.intersection(e["places"])]
        listed = json.loads(gulag("timeline", "--place", place, "--json", data=None).stdout)
        assert on_page == [e["id"] for e in listed], place
    cards = {p["id"]: p["counts"] for p in data["places"]}
    assert ["1 Jan 1953", "12,589"] in cards["kalachevski-itl"] and ["Jun 1953", "2,598"] in cards["kalachevski-itl"]
    assert ["Dec 1945", "c. 12,000"] in cards["special-camp-no-7-sachsenhausen"]
    # The search finds an event by its places' other names and its people's, as `search` does.
    kengir = next(e for e in data["events"] if e["id"] == "kengir-uprising")
    assert "Кенгир" in kengir["also"] and "Kapiton Kuznetsov" in kengir["also"]


def test_html_cards_name_the_authors_of_their_sources(gulag: Gulag, tmp_path: Path) -> None:
    store = mini()
    store["sources"][0]["authors"] = [{"family": "Barnes", "given": "Steven A."}, {"literal": "Memorial"}]
    out = tmp_path / "gulag.html"
    export(gulag, "html", "-o", str(out), data=write_store(tmp_path, store))
    whos = {s["who"] for e in page_data(out.read_text(encoding="utf-8"))["events"] for s in e["sources"]}
    assert "Steven A. Barnes, Memorial" in whos and not any("Name(" in w for w in whos)


def test_html_data_cannot_close_its_script_element(gulag: Gulag, tmp_path: Path) -> None:
    store = mini()
    store["events"][0]["title"] = "</script><script>alert(1)</script><!--"
    text = export(gulag, "html", data=write_store(tmp_path, store)).stdout
    assert "alert(1)" in text and "<script>alert(1)" not in text
    assert text.count("</script>") == 3
    titles = {e["id"]: e["title"] for e in page_data(text)["events"]}
    assert titles[store["events"][0]["id"]] == "</script><script>alert(1)</script><!--"


def test_ics_links_are_ascii_uris_and_an_empty_selection_writes_no_calendar(gulag: Gulag, tmp_path: Path) -> None:
    store = mini()
    store["sources"][0]["url"] = "https://ru.wikipedia.org/wiki/Кенгирское_восстание"
    text = export(gulag, "ics", data=write_store(tmp_path, store)).stdout
    urls = [line for line in text.replace("\r\n ", "").splitlines() if line.startswith("URL:")]
    assert urls and all(u.isascii() for u in urls)
    assert any("%D0%9A%D0%B5%D0%BD" in u for u in urls)  # "Кен", percent-encoded as RFC 3986 asks
    out = tmp_path / "none.ics"
    result = gulag("export", "--format", "ics", "--from", "1990", "-o", str(out))
    assert result.exit_code == 0 and not out.exists()  # RFC 5545: a calendar needs an event
    assert "a calendar needs at least one, so none was written" in result.stderr


def test_html_gives_each_tag_the_colour_the_chart_pictures_give_it(gulag: Gulag) -> None:
    from gulagcli.render.plot import PALETTE

    data = page_data(export(gulag, "html").stdout)
    assert data["colours"] == {"uprising": PALETTE[0], "amnesty": PALETTE[1], "death": PALETTE[2]}
    vague = {e["id"]: e for e in data["events"]}["vague-event"]  # c. May 1954: may reach April-June
    assert (vague["reach_start"], vague["reach_end"]) == ("1954-04-01", "1954-06-30") and vague["vague"]


def test_every_tag_of_the_bundled_store_has_a_colour_of_its_own(gulag: Gulag) -> None:
    data = page_data(export(gulag, "html", data=None).stdout)
    colours = data["colours"]
    assert set(colours) == set(data["tags"]) and len(set(colours.values())) == len(colours)
    assert data["other_colour"] not in colours.values()  # no tag is drawn as "other"


def test_html_shows_bidi_and_control_characters_as_escapes(gulag: Gulag, tmp_path: Path) -> None:
    # A right-to-left override in a title would reverse the text after it (the footer, the card).
    store = mini()
    store["events"][0]["title"] = "Evil \u202etitle\x1b[2J"
    store["meta"]["title"] = "Store \u202eabc"
    text = export(gulag, "html", data=write_store(tmp_path, store)).stdout
    assert "\u202e" not in text and "\x1b" not in text
    assert "<h1>Store \\u202eabc</h1>" in text and "Source: Store \\u202eabc" in text
    titles = {e["title"] for e in page_data(text)["events"]}
    assert "Evil \\u202etitle\\x1b[2J" in titles


def test_an_output_file_that_is_a_terminal_is_refused(gulag: Any) -> None:
    """-o /dev/tty (or the terminal's own path) would write past the output gate: a store's
    escape sequences, a page's or a picture's bytes would reach the screen raw."""
    master, slave = os.openpty()
    try:
        name = os.ttyname(slave)
        for args in (["export", "-f", "csv", "-o", name], ["export", "-f", "html", "-o", name],
                     ["chart", "--svg", name]):
            result = gulag(*args)
            assert result.exit_code == 2, args
            assert f"{name} is a terminal; leave out the output file to print here" in result.stderr
        os.set_blocking(master, False)
        with pytest.raises(BlockingIOError):
            os.read(master, 100)  # nothing reached the terminal
    finally:
        os.close(slave)
        os.close(master)


def test_the_html_page_is_not_poured_onto_a_terminal(tmp_path: Path) -> None:
    from .test_terminal_gate import on_pty

    screen = on_pty(["export", "--format", "html"])
    assert "the html page is a file for a browser, not for a terminal: give -o FILE" in screen
    assert "<html" not in screen and len(screen) < 1000
    for flag in ("--png", "--svg"):  # a picture's bytes would be noise and escape sequences there
        screen = on_pty(["chart", flag, "-"])
        assert f"{flag} - writes a picture for a viewer, not for a terminal" in screen
        assert "PNG" not in screen and "<svg" not in screen and len(screen) < 1000
    screen = on_pty(["export", "--format", "html", "-o", str(tmp_path / "page.html")])
    assert "as html to" in screen and (tmp_path / "page.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
