"""Bad stores and bad arguments: one-line errors, the right exit code, never a traceback."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner, Result

from gulagcli.check import build
from gulagcli.cli import app
from gulagcli.dates import parse_edtf
from gulagcli.resolve import entities, resolve
from gulagcli.store import load

from .conftest import MINI, mini, write_store

Gulag = Callable[..., Result]


def _break(change: Callable[[dict[str, Any]], None]) -> dict[str, Any]:
    store = mini()
    change(store)
    return store


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def change(store: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        node: Any = store
        for p in parents:
            node = node[int(p)] if p.isdigit() else node[p]
        if value is _DELETE:
            del node[int(last) if last.isdigit() else last]
        else:
            node[int(last) if last.isdigit() else last] = value

    return change


_DELETE = object()

BROKEN_STORES = [
    ("wrong type", _set("events.0.title", 5), "$.events[0].title (stalin-death): must be a string, not a number"),
    ("missing field", _set("events.0.summary", _DELETE), "$.events[0].summary (stalin-death): is missing"),
    ("empty text", _set("events.1.title", "  "), "$.events[1].title (beria-amnesty): is empty"),
    ("duplicate id", _set("events.1.id", "stalin-death"), "duplicate id (also used at $.events[0])"),
    ("id shared across kinds", _set("places.0.id", "stalin-death"), "duplicate id"),
    ("dangling place", _set("events.0.places", ["atlantis"]),
     "$.events[0].places[0] (stalin-death): no place with id 'atlantis'"),
    ("dangling related", _set("events.1.related", ["nope"]), "no event with id 'nope'"),
    ("dangling source", _set("events.0.sources", ["nope"]), "no source with id 'nope'"),
    ("a source issued in month 13", _set("sources.0.issued", "2005-13-45"),
     "$.sources[0].issued (exhibit): '2005-13-45' is not a year, month or day (EDTF)"),
    ("a source read on 31 February", _set("sources.1.accessed", "2026-02-31"),
     "$.sources[1].accessed (ref-a): '2026-02-31' is not an ISO day (YYYY-MM-DD)"),
    ("no source", _set("events.0.sources", []), "$.events[0].sources (stalin-death): needs at least one source"),
    ("impossible date", _set("events.0.date", "1953-02-30"),
     "$.events[0].date (stalin-death): '1953-02-30': Feb 1953 has no day 30"),
    ("unparseable date", _set("events.0.date", "March 1953"), "is not an EDTF date this store supports"),
    ("backwards interval", _set("events.2.date", "1953-08-04/1953-05-26"), "the interval ends before it starts"),
    # The loader took both, and `places --json` printed a place_type json.md does not have.
    ("a place of no known kind", _set("places.0.kind", "planet"),
     "$.places[0].kind (kengir): must be one of camp, city, region, country, place"),
    # `organised` says a camp was ordered but never set up; on a city it made no sense and passed.
    ("a city never organised", _set("places.1.organised", "no"),
     "$.places[1].organised (norilsk): is for camps only; this place's kind is city"),
    ("died before born", _set("people.0.died", "1870"), "$.people[0].died (stalin): 1870 is before born 1878-12-18"),
    ("events not a list", _set("events", {}), "$.events: must be a list, not an object"),
    ("record not an object", _set("events.0", "x"), "$.events[0]: must be an object, not a string"),
    ("figure without value", _set("figures.0.value", _DELETE), "a figure needs a value, or both low and high"),
    ("bad latitude", _set("places.0.lat", 123), "123 is not a latitude"),
    # A point with no longitude passed, and the map and GeoJSON gave the camp no geometry.
    ("a latitude with no longitude", _set("places.0.lon", _DELETE),
     "$.places[0].lon (kengir): lat and lon are given together or not at all"),
    # A series figure with no date was left out of the chart without a word.
    ("a series figure with no date", _set("figures.0.series", "gulag-deaths"),
     "$.figures[0].date (kengir-killed-official): a figure in a series needs a date"),
    ("a camp's yearly count of no camp", lambda s: s["figures"][0].update(series="camp-population", date="1954"),
     "$.figures[0].place (kengir-killed-official): a camp-population figure needs the camp it counts"),
    ("bad note kind", _set("events.0.notes.0.kind", "gossip"), "must be one of discrepancy, uncertainty, context"),
]


@pytest.mark.parametrize(("case", "change", "message"), BROKEN_STORES, ids=[c[0] for c in BROKEN_STORES])
def test_a_broken_store_is_one_clear_line_and_exit_5(
    gulag: Gulag, tmp_path: Path, case: str, change: Callable[[dict[str, Any]], None], message: str
) -> None:
    path = write_store(tmp_path, _break(change))
    result = gulag("timeline", data=path)
    assert result.exit_code == 5, result.output
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stdout == ""
    assert str(path) in result.stderr


# The rules the loader gained in December: they must hold on the large-store path too, where
# msgspec builds a store without the field-by-field reader unless it declines.
POINT_AND_SERIES = [c for c in BROKEN_STORES if c[0] in (
    "a latitude with no longitude", "a series figure with no date", "a camp's yearly count of no camp")]


@pytest.mark.parametrize("compiled", ["0", "1"])
@pytest.mark.parametrize(("case", "change", "message"), POINT_AND_SERIES, ids=[c[0] for c in POINT_AND_SERIES])
def test_a_broken_point_or_series_is_refused_on_the_large_store_path_too(
    gulag: Gulag, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, compiled: str,
    case: str, change: Callable[[dict[str, Any]], None], message: str,
) -> None:
    import gulagcli.store as store_module

    monkeypatch.setattr(store_module, "BULK_MIN_BYTES", 0)
    monkeypatch.setenv("GULAG_COMPILED", compiled)
    result = gulag("timeline", data=write_store(tmp_path, _break(change)))
    assert result.exit_code == 5, result.output
    assert message in result.stderr


def test_the_validate_hint_quotes_a_store_name_with_a_space(gulag: Gulag, tmp_path: Path) -> None:
    """"run `gulag validate sp/my store.json`" could not be pasted into a shell."""
    store = _break(_set("events.0.date", "1953-02-30"))
    store["events"][1]["places"] = ["atlantis"]
    folder = tmp_path / "my stores"
    folder.mkdir()
    result = gulag("timeline", data=write_store(folder, store, "my store.json"))
    assert result.exit_code == 5
    assert f"run `gulag validate '{folder / 'my store.json'}'`" in result.stderr


FILE_PROBLEMS = [
    ("invalid json", b'{"events": [1, 2,,]}', "invalid JSON at line 1 column 18: Expecting value"),
    ("not utf-8", b'{"events": ["\xff"]}', "not UTF-8 (bad byte at line 1 column 14)"),
    ("not an object", b"[1, 2, 3]", "a store must be a JSON object, not a list"),
    ("deeply nested", b"[" * 100_000 + b"]" * 100_000, "line 1 column 501: nested more than 500 deep"),
    ("empty file", b"", "invalid JSON at line 1 column 1"),
]


@pytest.mark.parametrize(("case", "content", "message"), FILE_PROBLEMS, ids=[c[0] for c in FILE_PROBLEMS])
def test_unreadable_store_files(gulag: Gulag, tmp_path: Path, case: str, content: bytes, message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    result = gulag("timeline", data=path)
    assert result.exit_code == 5, result.output
    assert message in result.stderr
    assert "Traceback" not in result.output


def test_missing_directory_and_unreadable_files(gulag: Gulag, tmp_path: Path) -> None:
    result = gulag("timeline", data=tmp_path / "nope.json")
    assert result.exit_code == 5 and "no such file; pass a store with --data or $GULAG_DATA" in result.stderr
    result = gulag("validate", str(tmp_path / "nope.json"), data=None)  # validate takes FILE, not --data
    assert result.exit_code == 5 and "no such file; give the store to check as FILE or in $GULAG_DATA" in result.stderr
    result = gulag("timeline", data=tmp_path)
    assert result.exit_code == 5 and "is a directory" in result.stderr
    locked = write_store(tmp_path, mini(), "locked.json")
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK):  # root reads anything; the check means nothing then
            return
        result = gulag("timeline", data=locked)
        assert result.exit_code == 5 and "permission denied" in result.stderr
    finally:
        locked.chmod(0o644)


def test_an_unreadable_store_is_exit_5_on_every_path_for_a_user_who_cannot_read_it() -> None:
    # Root reads anything, so this runs as the user nobody. The answer given before Typer loads
    # (timeline) and the Typer layer's (places, show, validate FILE) must say the same.
    import shutil
    import subprocess
    import tempfile

    from .test_compiled import NOBODY

    if NOBODY is None:
        pytest.skip("needs root, and an interpreter the user nobody may run")
    python, python_env = NOBODY
    base = Path(tempfile.mkdtemp(prefix="gulag-locked-"))  # /tmp: the user nobody must reach it
    try:
        os.chmod(base, 0o755)
        locked = write_store(base, mini(), "locked.json")
        locked.chmod(0)
        env = {"PATH": "/usr/bin:/bin", "GULAG_CACHE_DIR": str(base / "cache"), "HOME": str(base), **python_env}
        for args in (["timeline", "--data", str(locked)], ["timeline", "--tag", "uprising", "--data", str(locked)],
                     ["places", "--data", str(locked)], ["show", "kengir", "--data", str(locked)],
                     ["validate", str(locked)]):
            argv = ["runuser", "-u", "nobody", "--", "env", *(f"{k}={v}" for k, v in env.items()), *python,
                    "-m", "gulagcli", *args]
            result = subprocess.run(argv, capture_output=True, text=True, check=False, timeout=60)
            assert result.returncode == 5, (args, result.stderr)
            assert result.stderr == f"gulag: error: {locked}: permission denied\n", args
    finally:
        shutil.rmtree(base, ignore_errors=True)


def test_gulag_data_environment_variable_selects_the_store(gulag: Gulag, tmp_path: Path) -> None:
    store = mini()
    store["events"] = store["events"][:1]
    store["figures"] = []
    path = write_store(tmp_path, store)
    result = gulag("timeline", "--json", data=None, env={"GULAG_DATA": str(path)})
    assert result.exit_code == 0, result.output
    assert [r["id"] for r in json.loads(result.stdout)] == ["stalin-death"]


def test_validate_reports_every_problem_in_one_run(gulag: Gulag, tmp_path: Path) -> None:
    store = mini()
    store["events"][0]["date"] = "1953-02-30"
    store["events"][1]["places"] = ["atlantis"]
    store["events"][2]["id"] = "stalin-death"
    store["events"][3]["title"] = 7
    store["figures"][0]["sources"] = []
    store["places"][0]["bogus"] = True
    path = write_store(tmp_path, store)
    result = gulag("validate", str(path), "--json", data=None)
    assert result.exit_code == 5
    problems = json.loads(result.stdout)
    text = "\n".join(f"{p['path']} {p['record']} {p['message']}" for p in problems)
    assert "$.events[0].date stalin-death '1953-02-30': Feb 1953 has no day 30" in text
    assert "$.events[1].places[0] beria-amnesty no place with id 'atlantis'" in text
    assert "duplicate id" in text
    # In the loader's words, once each: the schema's "7 is not of type 'string'" and "[] should
    # be non-empty" said the same as the loader's lines beside them.
    assert "$.events[3].title kengir-uprising must be a string, not a number" in text
    assert "$.figures[0].sources kengir-killed-official needs at least one source" in text
    assert "is not of type" not in text and "should be non-empty" not in text
    assert len({p["path"] for p in problems}) == len(problems)
    assert "'bogus' was unexpected" in text  # the loader has no word for it: the schema's stands
    assert "8 problems found" in result.stderr
    loaded = gulag("timeline", data=path)
    assert "$.events[0].date (stalin-death): '1953-02-30': Feb 1953 has no day 30" in loaded.stderr


def test_validate_accepts_a_good_store(gulag: Gulag) -> None:
    result = gulag("validate", str(Path(__file__).parent / "data" / "mini.json"), data=None)
    assert result.exit_code == 0
    assert "valid" in result.stderr


MARKUP = "[bold red]BOOM[/] [link=https://evil.example]click[/link] \x1b[31mred\x1b[0m \x1b]8;;https://x\x07osc\r\x9b"


def test_data_is_shown_literally_never_as_markup_or_escapes(gulag: Gulag, tmp_path: Path) -> None:
    store = mini()
    store["events"][0]["title"] = MARKUP
    store["events"][0]["summary"] = MARKUP
    path = write_store(tmp_path, store)
    for fmt in ("table", "plain"):
        for args in (["timeline"], ["show", "stalin-death"]):
            out = gulag(*args, "--format", fmt, data=path, env={"COLUMNS": "300"}).stdout
            assert "[bold red]BOOM[/]" in out and "[link=https://evil.example]" in out
            assert "\x1b" not in out and "\r" not in out and "\x9b" not in out and "\x07" not in out
            assert "\\x1b[31mred" in out
    data = json.loads(gulag("show", "stalin-death", "--json", data=path).stdout)
    assert data["title"] == MARKUP  # JSON keeps the data exact


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["show", ""], 2, "empty query"),
        (["search", " "], 2, "empty search"),
        # not empty, but nothing in it to look for: said so, not called empty
        (["show", "*"], 2, "'*' holds no letter or digit to look for"), (["search", "%"], 2, "'%' holds no word"),
        (["timeline", "--limit", "99999999999"], 2, "--limit"),
        (["on", "02-30"], 2, "not a day of the year"),
        (["on", "--before", "-1"], 2, "--before"),
        (["show", "kengir", "--format", "csv"], 2, "'csv' is not one of 'table', 'plain', 'json', 'jsonl'"),
        (["show", "kengir", "--kind", "figure"], 2, "'figure' is not one of 'event', 'person', 'place', 'term'"),
        (["cite", "kengir", "--style", "apa"], 2, "--style"),
        (["nosuchcommand"], 2, "No such command"),
        (["--bogus"], 2, "gulag: error: No such option: --bogus (see `gulag --help`)"),
        (["export"], 2, "Missing option '--format' / '-f'. Choose from: timelinejs, ics, geojson, csv, json"),
    ],
)
def test_bad_arguments(gulag: Gulag, args: list[str], code: int, message: str) -> None:
    result = gulag(*args)
    assert result.exit_code == code, result.output
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "Traceback" not in result.output


# --- properties ---------------------------------------------------------------------------

DAYS = st.dates(min_value=date(1948, 1, 1), max_value=date(1962, 12, 31))


@st.composite
def edtf_dates(draw: st.DrawFn) -> str:
    a, b = sorted([draw(DAYS), draw(DAYS)])
    precision = draw(st.sampled_from(["day", "month", "year"]))
    q = draw(st.sampled_from(["", "", "~", "?", "%"]))

    def fmt(d: Any) -> str:
        return {"day": d.isoformat(), "month": d.isoformat()[:7], "year": str(d.year)}[precision]

    if draw(st.booleans()):
        return fmt(a) + q
    return f"{fmt(a)}/{fmt(b)}"


@st.composite
def stores(draw: st.DrawFn) -> dict[str, Any]:
    n = draw(st.integers(min_value=0, max_value=12))
    events = [
        {"id": f"e{i}", "title": f"Event {i}", "date": draw(edtf_dates()), "summary": "s", "sources": ["s"]}
        for i in range(n)
    ]
    return {"meta": {}, "sources": [{"id": "s", "title": "S", "kind": "web"}], "events": events}


@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(stores(), DAYS, DAYS)
def test_timeline_range_equals_a_brute_force_overlap_check(raw: dict[str, Any], a: Any, b: Any) -> None:
    lo, hi = min(a, b), max(a, b)
    with tempfile.TemporaryDirectory() as tmp:
        path = write_store(Path(tmp), raw)
        result = CliRunner().invoke(app, ["timeline", "--from", lo.isoformat(), "--to", hi.isoformat(),
                                          "--json", "--data", str(path)])
    assert result.exit_code == 0, result.output
    got = [r["id"] for r in json.loads(result.stdout)]
    # Day by day: an event is in the range when one of the days it may cover is in it.
    wanted = set(range(lo.toordinal(), hi.toordinal() + 1))
    expected = set()
    for rec in raw["events"]:
        d = parse_edtf(rec["date"])
        if wanted & set(range(d.earliest.toordinal(), d.latest.toordinal() + 1)):
            expected.add(rec["id"])
    assert set(got) == expected
    assert len(got) == len(expected)  # nothing listed twice


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(stores())
def test_every_stored_id_resolves_to_itself(raw: dict[str, Any]) -> None:
    store, _ = build(raw)
    assert store is not None
    for entity, _names in entities(store):
        assert resolve(store, entity.id).entity.id == entity.id


def test_every_id_and_alias_of_the_mini_store_resolves() -> None:

    from .conftest import MINI

    store = load(MINI)
    for entity, names in entities(store):
        assert resolve(store, entity.id, kind=entity.kind).entity == entity
        for name in names:
            assert resolve(store, name, kind=entity.kind).entity == entity, name


def test_a_store_over_the_size_limit_is_refused_before_reading(
    gulag: Gulag, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gulagcli.store

    monkeypatch.setattr(gulagcli.store, "MAX_BYTES", 100)
    result = gulag("timeline", data=MINI)
    assert result.exit_code == 5
    assert "is larger than the 100 a store may have" in result.stderr


EMPTY = {"meta": {"title": "t", "version": "1", "license": "l", "description": "d"}, "sources": [], "events": []}


@pytest.mark.parametrize("argv", [["timeline"], ["timeline", "--json"], ["search", "x"], ["show", "x"], ["places"],
                                  ["people"], ["terms"], ["figures"], ["about"], ["tags"], ["sources"],
                                  ["on", "05-05"], ["chart"], ["export", "--format", "csv"], ["cite", "--all"]])
def test_a_valid_empty_store_answers_every_command(gulag: Gulag, tmp_path: Path, argv: list[str]) -> None:
    """A store with no records at all, which `validate` passes, crashed every command with a
    traceback in the compiled store's search index (its kinds' spans)."""
    store = tmp_path / "empty.json"
    store.write_text(json.dumps(EMPTY), encoding="utf-8")
    result = gulag(*argv, data=store)
    assert result.exit_code in (0, 3), result.output
    assert "Traceback" not in result.output and len(result.stderr.splitlines()) <= 1


def test_bytes_that_are_not_utf8_in_a_query_or_a_store_name_are_no_traceback(gulag: Gulag, tmp_path: Path) -> None:
    """A shell passes a name's stray bytes (Latin-1 "Kengír") as lone surrogates: SQLite, asked
    for them, raised UnicodeEncodeError in `show`, and in the compile of a store whose file
    name has such a byte."""
    result = gulag("show", "source:zzexhib\udcedtqq")
    assert result.exit_code == 3 and "Traceback" not in result.output
    assert result.stderr.startswith("gulag: error: nothing in the store matches")
    odd = Path(os.fsdecode(os.path.join(os.fsencode(tmp_path), b"st\xff.json")))
    odd.write_bytes(MINI.read_bytes())
    listed = gulag("timeline", "--json", data=odd)
    assert listed.exit_code == 0 and len(json.loads(listed.stdout)) == len(json.loads(MINI.read_text())["events"])


@pytest.mark.parametrize(("argv", "said"), [
    (["show", "qqkeng\udcffirzz"], "nothing in the store matches 'qqkeng\\xffirzz'"),
    (["timeline", "--from", "19\udcff53"], "--from: cannot read '19\\xff53' as a date"),
    (["timl\udcffine"], "No such command 'timl\\xffine'"),
    (["show", "keng\\udcffir"], "nothing in the store matches 'keng\\\\udcffir'"),  # typed: a backslash
])
def test_a_stray_byte_in_an_argument_is_shown_as_that_byte(gulag: Gulag, argv: list[str], said: str) -> None:
    """A shell passes a Latin-1 byte as a lone surrogate, which messages showed as `\\udcff`."""
    result = gulag(*argv, data=None)
    assert result.exit_code in (2, 3) and said in result.stderr, result.stderr


@pytest.mark.parametrize("argv", [["places", "--country", "x" * 300], ["places", "--region", "y" * 300],
                                  ["figures", "--series", "z" * 300], ["on", "1" * 300], ["on", "x" * 150]])
def test_a_value_longer_than_any_name_is_one_short_line(gulag: Gulag, argv: list[str]) -> None:
    """A 100 kB --country came back as a 100 kB error line; names and --place were capped, these not.
    A DAY is bounded as a date is (100), not as a name: 150 characters came back whole."""
    result = gulag(*argv, data=None)
    limit = 100 if argv[0] == "on" else 200
    assert result.exit_code == 2 and f"characters long; at most {limit}" in result.stderr
    assert len(result.stderr) < 200


@pytest.mark.parametrize("day", ["", "  "])
def test_an_empty_day_asks_for_a_day(gulag: Gulag, day: str) -> None:
    result = gulag("on", day, data=None)
    assert result.exit_code == 2
    assert result.stderr == "gulag: error: DAY is empty; give a day of the year, e.g. 06-26 or '26 June'\n"


@pytest.mark.parametrize("argv", [
    ["places", "--country", ""], ["places", "--region", ""], ["places", "--type", ""], ["places", "--country", ","],
    ["sources", "--kind", ""], ["figures", "--series", ""], ["timeline", "--place", ""],
    ["timeline", "--data", ""], ["show", "kengir", "--data", ""], ["export", "-f", "csv", "-o", ""],
    ["export", "-f", "csv", "-o", " "], ["chart", "--png", " "], ["validate", ""], ["figures", "--series", ","],
    ["search", "kengir", ""], ["search", "kengir", " ", "deaths"],
])
def test_a_filter_or_file_given_empty_is_a_usage_error(gulag: Gulag, argv: list[str]) -> None:
    """`places --country ""` listed every place with exit 0, `--data ""` read "." (a directory,
    exit 5) and `-o ""` wrote there (exit 1): an empty value is a mistake to say, exit 2."""
    result = gulag(*argv, data=None)
    assert result.exit_code == 2, (argv, result.output)
    assert "is empty" in result.stderr and len(result.stderr.splitlines()) == 1


@pytest.mark.parametrize("argv", [["timeline", "-n", "abc"], ["chart", "--width", "x"]])
def test_a_number_option_says_it_wants_a_whole_number(gulag: Gulag, argv: list[str]) -> None:
    result = gulag(*argv)
    assert result.exit_code == 2 and "is not a whole number." in result.stderr and "int range" not in result.stderr


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01"])
def test_an_event_at_the_calendars_edge_is_drawn_and_placed_on_its_day(gulag: Gulag, tmp_path: Path, day: str) -> None:
    """`validate` takes years 1 and 9999; `on` reached for the year after (10000, or 0) and the
    picture for the day after: both ended in a traceback. The axis of 8,000 years drew 1,600
    ticks and matplotlib said so on stderr."""
    pytest.importorskip("matplotlib")
    store = mini()
    next(e for e in store["events"] if e["id"] == "stalin-death")["date"] = day
    path = write_store(tmp_path, store)
    assert "stalin-death" in gulag("on", day[5:], "--json", data=path).stdout
    for args in (["on", "01-01", "--before", "3"], ["on", "12-31", "--after", "3"]):  # across a year's end
        result = gulag(*args, "--json", data=path)
        assert result.exit_code == 0 and result.stdout.startswith("["), (args, result.output)
    drawn = gulag("chart", "--svg", str(tmp_path / "c.svg"), data=path)
    assert drawn.exit_code == 0 and drawn.stderr.startswith("saved the chart"), drawn.output
    assert "Locator" not in drawn.stderr and (tmp_path / "c.svg").stat().st_size > 0


def test_the_first_and_last_days_of_the_calendar_are_dates_not_open_ends(gulag: Gulag, tmp_path: Path) -> None:
    """0001-01-01 and 9999-12-31 came out as open ends: null in the JSON, and the interval
    0001/9999 had its ends swapped in the GeoJSON and TimelineJS exports."""
    store = mini()
    for event, edtf in zip(store["events"], ["0001-01-01", "0001/9999", "../1953", "9999-12-31"], strict=False):
        event["date"] = edtf
    path = write_store(tmp_path, store)
    dates = {r["date"]["edtf"]: r["date"] for r in json.loads(gulag("timeline", "--json", data=path).stdout)}
    assert dates["0001-01-01"]["start"] == dates["0001-01-01"]["earliest"] == "0001-01-01"
    assert (dates["0001/9999"]["start"], dates["0001/9999"]["end"]) == ("0001-01-01", "9999-12-31")
    assert dates["9999-12-31"]["end"] == "9999-12-31" and dates["../1953"]["start"] is None
    features = json.loads(gulag("export", "-f", "geojson", data=path).stdout)["features"]
    props = {f["properties"]["date"]: f["properties"] for f in features if f["properties"]["feature"] == "event"}
    assert (props["0001/9999"]["start"], props["0001/9999"]["end"]) == ("0001-01-01", "9999-12-31")
    assert not props["0001/9999"]["start_open"] and not props["0001/9999"]["end_open"]
    assert props["../1953"]["start_open"] and not props["../1953"]["end_open"]
    slides = json.loads(gulag("export", "-f", "timelinejs", data=path).stdout)["events"]
    span = next(s for s in slides if s.get("end_date") and s["start_date"]["year"] == 1)
    assert span["end_date"]["year"] == 9999
