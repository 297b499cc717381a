"""`gulag export`: every format read back by an independent parser and checked event by event,
then the output file: written atomically, never over an existing file without --force."""

from __future__ import annotations

import csv
import io
import json
import os
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
from gulagcli.render.exports import ics_stamp
from gulagcli.store import load

from .conftest import MINI, ids, mini, write_store

Gulag = Callable[..., Result]

ORDER = ["decade", "stalin-death", "beria-amnesty", "norilsk-uprising", "year-span", "vague-event",
         "kengir-uprising", "uncertain-year"]

# Written out by hand from tests/data/mini.json, not computed by the code under test.
# DTEND of an all-day event is exclusive: the day after the last day.
ICS_DAYS = {
    "decade": (date(1950, 1, 1), date(1960, 1, 1)),
    "stalin-death": (date(1953, 3, 5), date(1953, 3, 6)),
    "beria-amnesty": (date(1953, 3, 27), date(1953, 3, 28)),
    "norilsk-uprising": (date(1953, 5, 26), date(1953, 8, 5)),
    "year-span": (date(1954, 1, 1), date(1956, 1, 1)),
    "vague-event": (date(1954, 5, 1), date(1954, 6, 1)),
    "kengir-uprising": (date(1954, 5, 16), date(1954, 6, 27)),
    "uncertain-year": (date(1956, 1, 1), date(1957, 1, 1)),
}
# TimelineJS: month and day only when the date knows them.
TL_DATES: dict[str, tuple[dict[str, int], dict[str, int] | None, str]] = {
    "decade": ({"year": 1950}, {"year": 1959}, "1950s"),
    "stalin-death": ({"year": 1953, "month": 3, "day": 5}, None, "5 Mar 1953"),
    "beria-amnesty": ({"year": 1953, "month": 3, "day": 27}, None, "27 Mar 1953"),
    "norilsk-uprising": ({"year": 1953, "month": 5, "day": 26}, {"year": 1953, "month": 8, "day": 4},
                         "26 May – 4 Aug 1953"),
    "year-span": ({"year": 1954}, {"year": 1955}, "1954–55"),
    "vague-event": ({"year": 1954, "month": 5}, None, "c. May 1954"),
    "kengir-uprising": ({"year": 1954, "month": 5, "day": 16}, {"year": 1954, "month": 6, "day": 26},
                        "16 May – 26 Jun 1954"),
    "uncertain-year": ({"year": 1956}, None, "1956?"),
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


def test_ics_has_every_event_as_an_all_day_span(gulag: Gulag) -> None:
    result = export(gulag, "ics")
    raw = result.stdout_bytes  # .stdout turns CRLF into LF
    assert raw.count(b"\r\n") == raw.count(b"\n") > 0  # RFC 5545 lines end in CRLF
    events = vevents(result.stdout)
    assert sorted(events) == sorted(f"{i}@gulag" for i in ORDER)
    for ident, (first, after_last) in ICS_DAYS.items():
        ev = events[f"{ident}@gulag"]
        start, end = ev.decoded("DTSTART"), ev.decoded("DTEND")
        # A date, not a datetime: DTSTART;VALUE=DATE.
        assert type(start) is date and type(end) is date, ident
        assert (start, end) == (first, after_last), ident
        assert ev["DTSTART"].params.get("VALUE") == "DATE" or "VALUE=DATE" in ev.to_ical().decode()


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


def test_geojson_places_are_valid_points_longitude_first(gulag: Gulag) -> None:
    result = export(gulag, "geojson")
    collection = geojson.loads(result.stdout)
    assert collection.is_valid, collection.errors()
    assert collection["type"] == "FeatureCollection"
    features = {f["properties"]["id"]: f for f in collection["features"]}
    assert set(features) == {"kengir", "norilsk"}
    assert features["kengir"]["geometry"]["coordinates"] == [67.6161, 47.84]
    assert features["norilsk"]["geometry"]["coordinates"] == [88.2167, 69.3333]
    for f in features.values():
        lon, lat = f["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
    props = features["kengir"]["properties"]
    assert (props["name"], props["country"]) == ("Kengir", "Kazakhstan")
    assert props["events"] == [{"id": "kengir-uprising", "title": "Kengir uprising",
                                "date": "1954-05-16/1954-06-26", "display_date": "16 May – 26 Jun 1954"}]


def test_geojson_accounts_for_every_place_of_every_event(gulag: Gulag) -> None:
    """Each event's place is either a feature listing the event, or named on stderr as skipped."""
    result = export(gulag, "geojson")
    features = {f["properties"]["id"]: f for f in geojson.loads(result.stdout)["features"]}
    store = mini()
    places = {p["id"]: p for p in store["places"]}
    for event in store["events"]:
        for pid in event.get("places", []):
            if "lat" in places[pid]:
                assert event["id"] in [e["id"] for e in features[pid]["properties"]["events"]]
            else:
                assert f"{places[pid]['name']} ({pid})" in result.stderr
    assert result.stderr.startswith("skipped 1 place without coordinates: Moscow (moscow)")
    # Nothing skipped, nothing said.
    assert export(gulag, "geojson", "--tag", "uprising").stderr == ""


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
            assert set(d) <= {"year", "month", "day"}
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
        assert slide.get("end_date") == end, ident
        assert slide["display_date"] == shown, ident
    kengir = slides["kengir-uprising"]
    assert kengir["text"]["headline"] == "Kengir uprising"
    assert kengir["group"] == "Uprising"
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


# --- the whole bundled store ----------------------------------------------------------------


def test_every_format_round_trips_the_whole_bundled_store(gulag: Gulag) -> None:
    store = load(None)
    every = sorted(ev.id for ev in store.events)
    assert sorted(u.removesuffix("@gulag") for u in vevents(export(gulag, "ics", data=None).stdout)) == every
    doc = json.loads(export(gulag, "timelinejs", data=None).stdout)
    check_timelinejs(doc)
    assert sorted(s["unique_id"] for s in doc["events"]) == every
    rows = list(csv.DictReader(io.StringIO(export(gulag, "csv", data=None).stdout, newline="")))
    assert sorted(r["id"] for r in rows) == every
    assert sorted(r["id"] for r in json.loads(export(gulag, "json", data=None).stdout)) == every
    result = export(gulag, "geojson", data=None)
    collection = geojson.loads(result.stdout)
    assert collection.is_valid
    located = {p.id for p in store.places.values() if p.lat is not None}
    used = {pid for ev in store.events for pid in ev.places}
    assert {f["id"] for f in collection["features"]} == located & used
    for pid in used - located:
        assert f"({pid})" in result.stderr


# --- writing files --------------------------------------------------------------------------


def test_output_file_is_written_and_reported(gulag: Gulag, tmp_path: Path) -> None:
    out = tmp_path / "gulag.ics"
    result = export(gulag, "ics", "-o", str(out))
    assert result.stdout == ""
    assert result.stderr.strip() == f"wrote 8 events as ics to {out}"
    assert sorted(vevents(out.read_text(encoding="utf-8"))) == sorted(f"{i}@gulag" for i in ORDER)
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


def test_format_is_required_and_checked(gulag: Gulag) -> None:
    assert gulag("export").exit_code == 2
    bad = gulag("export", "--format", "xml")
    assert bad.exit_code == 2 and "xml" in bad.stderr


def test_empty_selection_is_valid_output_and_says_so(gulag: Gulag) -> None:
    result = export(gulag, "json", "--from", "1990")
    assert json.loads(result.stdout) == []
    assert "no events match" in result.stderr
    assert geojson.loads(export(gulag, "geojson", "--from", "1990").stdout)["features"] == []


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
    assert sorted(vevents((tmp_path / "gulag.ics").read_text(encoding="utf-8"))) == sorted(
        f"{i}@gulag" for i in ORDER)
    check_timelinejs(json.loads((tmp_path / "uprisings.json").read_text(encoding="utf-8")))
