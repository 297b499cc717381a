"""Fact lookup: index tables, figures side by side, anniversaries, citations, about, completion."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import bibtexparser
import pytest
from typer.testing import Result

from gulagcli.related import on_this_day
from gulagcli.store import load

from .conftest import MINI, ids

Gulag = Callable[..., Result]


def test_places_index_counts_events_and_sorts(gulag: Gulag) -> None:
    recs = json.loads(gulag("places", "--json").stdout)
    assert [r["id"] for r in recs] == ["kengir", "moscow", "norilsk"]
    by_events = ids(gulag("places", "--sort", "events", "--json"))
    assert by_events[-1] in {"kengir", "moscow", "norilsk"}
    assert {r["id"]: len(r["events"]) for r in recs} == {"kengir": 1, "moscow": 1, "norilsk": 1}
    csv_out = gulag("places", "--format", "csv").stdout.splitlines()
    assert csv_out[0] == "id,name,complex,region,country,lat,lon,events,camp_type,dates,peak,peak_year,area,organised"
    assert csv_out[1] == "kengir,Kengir,Steplag,Ulytau Region,Kazakhstan,47.84,67.6161,1,,,,,,"


def test_people_and_terms_indexes(gulag: Gulag) -> None:
    people = json.loads(gulag("people", "--sort", "id", "--json").stdout)
    assert [p["id"] for p in people] == ["beria", "stalin"]
    assert people[1]["died"]["edtf"] == "1953-03-05"
    table = gulag("people", "--format", "table", env={"COLUMNS": "120"}).stdout
    assert "18 Dec 1878 – 5 Mar 1953" in table
    terms = json.loads(gulag("terms", "--json").stdout)
    assert terms[0]["id"] == "slowdown" and terms[0]["events"][0]["id"] == "kengir-uprising"


def test_a_listing_too_narrow_for_columns_labels_its_counts(gulag: Gulag) -> None:
    """On an 80-column terminal the places and people come as blocks: a bare "2" at the end of
    a line would say nothing, so the counts come last, each after its column's title."""
    places = gulag("places", "--format", "table", env={"COLUMNS": "80"}, data=None).stdout
    assert "─" not in places, "wide enough for the table: not the block layout"
    assert "steplag  Steplag  special-camp  28 Feb 1948 – 24 Apr 1956  Kazakhstan\n  Steplag\n" \
           "  Peak: 27,855 (1950)  Events: " in places
    people = gulag("people", "--format", "table", env={"COLUMNS": "80"}, data=None).stdout
    assert "solzhenitsyn  Aleksandr Solzhenitsyn  11 Dec 1918 – 3 Aug 2008\n" \
           "  writer and former Gulag prisoner\n  Events: " in people
    sources = gulag("sources", "--format", "table", env={"COLUMNS": "80"}, data=None).stdout
    assert "  cited: " in sources


def test_tags_lists_the_vocabulary_with_counts(gulag: Gulag) -> None:
    tags = {t["id"]: t["events"] for t in json.loads(gulag("tags", "--json").stdout)}
    assert tags == {"uprising": 2, "amnesty": 1, "death": 1}


def test_figures_about_an_event_stand_side_by_side_with_their_reporters(gulag: Gulag) -> None:
    recs = json.loads(gulag("figures", "--about", "kengir", "--json").stdout)
    assert [(r["display"], r["reported_by"]) for r in recs] == [
        ("37", "Soviet official count"),
        ("c. 500–700", "survivors' accounts"),
    ]
    assert recs[1]["low"] == 500 and recs[1]["high"] == 700 and recs[1]["approximate"] is True
    assert recs[0]["sources"][0]["id"] == "ref-a"
    table = gulag("figures", "--about", "kengir", "--format", "table", env={"COLUMNS": "160"}).stdout
    assert "37 people" in table and "c. 500–700 people" in table and "survivors' accounts" in table


def test_figures_about_a_place_or_everything(gulag: Gulag) -> None:
    assert ids(gulag("figures", "--about", "place:norilsk", "--json")) == ["norilsk-strikers"]
    assert len(ids(gulag("figures", "--json"))) == 3
    assert gulag("figures", "--about", "zzzz").exit_code == 3


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        ("06-26", ["norilsk-uprising", "kengir-uprising"]),  # spans and a single day
        ("26 June", ["norilsk-uprising", "kengir-uprising"]),
        ("03-05", ["stalin-death"]),
        ("03-06", []),
        ("08-04", ["norilsk-uprising"]),
        ("08-05", []),
    ],
)
def test_on_lists_what_happened_on_a_day_of_the_year(gulag: Gulag, day: str, expected: list[str]) -> None:
    assert ids(gulag("on", day, "--json")) == expected


def test_on_widens_with_before_and_after(gulag: Gulag) -> None:
    assert ids(gulag("on", "03-06", "--before", "1", "--json")) == ["stalin-death"]
    assert ids(gulag("on", "03-25", "--after", "2", "--json")) == ["beria-amnesty"]
    assert ids(gulag("on", "03-04", "--after", "1", "--json")) == ["stalin-death"]


def test_on_says_how_many_years_ago(gulag: Gulag) -> None:
    [rec] = json.loads(gulag("on", "03-05", "--json").stdout)
    assert rec["years_ago"] == date.today().year - 1953
    table = gulag("on", "03-05", "--format", "table", env={"COLUMNS": "120"}).stdout
    assert f"{date.today().year - 1953} years ago" in table


def test_on_default_is_today_and_core_skips_events_not_known_to_the_day() -> None:
    store = load(MINI)
    # "c. May 1954" cannot be placed on 15 May; the decade neither.
    assert [a.event.id for a in on_this_day(store, month=5, day=15)] == []
    assert [a.year for a in on_this_day(store, month=6, day=1)] == [1953, 1954]


def test_cite_bibtex_parses_with_an_independent_parser(gulag: Gulag) -> None:
    result = gulag("cite", "kengir", "--style", "bibtex")
    assert result.exit_code == 0, result.output
    library = bibtexparser.parse_string(result.stdout)
    assert not library.failed_blocks
    entries = {e.key: e for e in library.entries}
    assert set(entries) == {"ref-a", "ref-b"}
    assert entries["ref-a"].fields_dict["url"].value == "https://example.org/a"
    # An author stored as one literal string stays one name (braced), as biber reads it.
    assert entries["ref-b"].fields_dict["author"].value == "{Jane Historian}"


def test_cite_includes_sources_of_notes_and_figures(gulag: Gulag) -> None:
    text = gulag("cite", "stalin-death").stdout.splitlines()
    assert text == ["“Reference A”. Encyclopedia. 2001. https://example.org/a",
                    "“An exhibit panel”. museum exhibit."]


def test_cite_csl_json_is_what_reference_managers_read(gulag: Gulag) -> None:
    items = json.loads(gulag("cite", "kengir", "--style", "csl-json").stdout)
    assert [i["id"] for i in items] == ["ref-a", "ref-b"]
    assert items[0] == {"id": "ref-a", "type": "entry-encyclopedia", "title": "Reference A",
                        "publisher": "Encyclopedia", "issued": {"date-parts": [[2001]]},
                        "URL": "https://example.org/a"}
    assert items[1]["type"] == "book" and items[1]["author"] == [{"literal": "Jane Historian"}]
    # Compact in a pipe, as every other JSON output is (it was indented whatever stdout was).
    assert gulag("cite", "kengir", "--style", "csl-json").stdout.count("\n") == 1


def test_bibtex_escapes_special_characters() -> None:
    from gulagcli.models import Source
    from gulagcli.render.cite import bibtex_entry

    entry = bibtex_entry(Source(id="x", title="50% of {odd} & #1_", kind="web", url="https://e.org/a}b"))
    library = bibtexparser.parse_string(entry)
    assert not library.failed_blocks and library.entries[0].key == "x"
    # Each special once, in LaTeX's own words: a backslash's braces are not escaped again, and
    # a caret (which stops LaTeX outside maths) is escaped too.
    entry = bibtex_entry(Source(id="y", title="C:\\dir ~ x^2 $5", kind="web"))
    assert "title = {C:\\textbackslash{}dir \\textasciitilde{} x\\textasciicircum{}2 \\$5}" in entry
    assert not bibtexparser.parse_string(entry).failed_blocks


def test_bibtex_shows_control_characters_as_escapes_and_keeps_an_and_in_a_name_one_author() -> None:
    from gulagcli.models import Name, Source
    from gulagcli.render.cite import bibtex_entry

    entry = bibtex_entry(Source(id="z", title="Tab\there\x1b[2J and\nnewline", kind="book",
                                authors=(Name("Marks and Spencer", "Ltd"), Name("Doe", "Jane"))))
    assert "title = {Tab here\\textbackslash{}x1b[2J and newline}" in entry
    assert not any(ch in entry for ch in "\t\x1b\x07")
    assert "author = {{Marks and Spencer}, Ltd and Doe, Jane}" in entry
    library = bibtexparser.parse_string(entry)
    assert not library.failed_blocks


def test_bibtex_names_the_copy_a_work_was_read_at_with_its_address() -> None:
    from gulagcli.models import ReadAt, Source
    from gulagcli.render.cite import bibtex_entry

    entry = bibtex_entry(Source(id="c", title="A book", kind="book", read_at=ReadAt(
        url="https://copy.example/read_1?q=%D0%9A", publisher="copy.example (online copy)")))
    assert "addendum = {Read at copy.example (online copy), https://copy.example/read\\_1?q=\\%D0\\%9A}" in entry
    assert not bibtexparser.parse_string(entry).failed_blocks
    bare = bibtex_entry(Source(id="d", title="A book", kind="book", read_at=ReadAt(url="https://copy.example/x")))
    assert "addendum = {Read at https://copy.example/x}" in bare


def test_bibtex_keeps_a_thesis_its_university_and_a_languages_langid() -> None:
    from gulagcli.models import Name, Source
    from gulagcli.render.cite import bibtex_entry

    entry = bibtex_entry(Source(id="t", title="A thesis", kind="thesis", authors=(Name("Latyshev", "Artem"),),
                                publisher="Moscow State University", place="Moscow", issued="2016",
                                language="nl"))
    assert entry.startswith("@thesis{t,")
    assert "institution = {Moscow State University}" in entry and "location = {Moscow}" in entry
    assert "langid = {dutch}" in entry
    assert not bibtexparser.parse_string(entry).failed_blocks


def test_about_reports_coverage_and_counts(gulag: Gulag) -> None:
    rec = json.loads(gulag("about", "--json").stdout)
    assert rec["title"] == "Mini test store" and rec["license"] == "CC0"
    assert rec["counts"]["events"] == 8 and rec["counts"]["unverified_events"] == 2
    assert rec["covers"] == {"from": "1950-01-01", "to": "1959-12-31"}
    assert rec["sources_by_kind"] == {"book": 1, "encyclopedia": 1, "exhibit": 1}


def test_about_speaks_plainly(gulag: Gulag, tmp_path: Path) -> None:
    from .conftest import mini, write_store

    text = gulag("about", "--format", "plain").stdout
    assert "contents: 8 events, 3 places, 2 people, 1 term, 3 figures, 3 sources, 2 unverified events" in text
    assert "covers: events from 1950 to 1959\n" in text  # the mini store's title names no years
    store = mini()
    store["meta"]["title"] = "Mini store, 1953-1954"
    store["events"] = [e for e in store["events"] if e["id"] not in ("year-span", "decade")]
    text = gulag("about", "--format", "plain", data=write_store(tmp_path, store)).stdout
    assert "1 unverified event\n" in text
    assert "covers: events from 1953 to 1956 (beyond the title's 1953–1954: 1 event ends after 1954)" in text


def test_metadata_the_store_leaves_out_is_null_not_invented(gulag: Gulag, tmp_path: Path) -> None:
    """docs/json.md promises null for an unknown value; `about --json` said version "0",
    licence "unknown" and description "" for a store whose meta was {}."""
    from .conftest import mini, write_store

    store = mini()
    store["meta"] = {}
    path = write_store(tmp_path, store)
    rec = json.loads(gulag("about", "--json", data=path).stdout)
    assert [rec[k] for k in ("title", "version", "license", "description")] == [None] * 4
    text = gulag("about", "--format", "plain", data=path).stdout
    assert text.startswith("store: Untitled store\n") and "version: not given\nlicence: not given\n" in text
    page = tmp_path / "page.html"
    assert gulag("export", "--format", "html", "-o", str(page), data=path).exit_code == 0
    assert "<footer>Source: Untitled store.\n" in page.read_text(encoding="utf-8")  # not "store version 0"


def test_an_open_ended_event_counts_from_or_to_its_known_end(gulag: Gulag, tmp_path: Path) -> None:
    """With an event of "1954-05-16/..", `about` said "events from 1953 to 1953", and with one of
    "../1954" under a title of 1950-1960 that "1 event begins before 1950"; `on 05-16` missed the
    first, though it surely began that day."""
    from .conftest import mini, write_store

    store = mini()
    store["meta"]["title"] = "Mini, 1950-1960"
    store["events"] = [e for e in store["events"] if e["id"] == "stalin-death"]
    store["figures"] = []
    store["events"] += [{**store["events"][0], "id": "opens", "title": "Opens", "date": "1954-05-16/.."},
                        {**store["events"][0], "id": "closes", "title": "Closes", "date": "../1955-06-26"}]
    path = write_store(tmp_path, store)
    rec = json.loads(gulag("about", "--json", data=path).stdout)
    assert rec["covers"] == {"from": "1953-03-05", "to": "1955-06-26"}
    assert "covers: events from 1953 to 1955\n" in gulag("about", "--format", "plain", data=path).stdout
    assert ids(gulag("on", "05-16", "--json", data=path)) == ["opens"]
    assert ids(gulag("on", "06-26", "--json", data=path)) == ["closes"]
    assert gulag("on", "05-17", "--json", data=path).stdout.strip() == "[]"


def test_an_ambiguous_name_counts_every_entry_it_lists(gulag: Gulag) -> None:
    result = gulag("show", "amnesty", data=None)
    assert result.exit_code == 4
    listed = [line for line in result.stderr.splitlines() if line.startswith("  ")]
    kinds = [line.split()[0] for line in listed]
    assert f"matches {kinds.count('event')} events and {kinds.count('term')} term;" in result.stderr
    assert len(listed) == kinds.count("event") + kinds.count("term")


def _complete(words: str, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What the shell offers after ``gulag <words>`` (bash), through Click's completion protocol."""
    import io

    from gulagcli.cli import app

    monkeypatch.setenv("GULAG_DATA", str(MINI))
    monkeypatch.setenv("_GULAG_COMPLETE", "complete_bash")
    monkeypatch.setenv("COMP_WORDS", f"gulag {words}")
    monkeypatch.setenv("COMP_CWORD", str(len(words.split(" "))))
    out = io.StringIO()
    monkeypatch.setattr("sys.stdout", out)
    with pytest.raises(SystemExit):
        app(prog_name="gulag")
    return out.getvalue().split()  # bash: one value a line


def test_show_completion_offers_ids_and_names(monkeypatch: pytest.MonkeyPatch) -> None:
    from typer import Context

    from gulagcli.commands.completion import complete_name

    monkeypatch.setenv("GULAG_DATA", str(MINI))
    ctx = Context(typer_command())
    got = dict(complete_name(ctx, "ken"))
    assert got == {"kengir-uprising": "event: Kengir uprising", "kengir": "place: Kengir"}
    assert complete_name(ctx, "zzz") == []
    assert _complete("show ken", monkeypatch) == ["kengir-uprising", "kengir"]
    # after a kind prefix, that kind only, the prefix kept (so the shell does not drop it)
    assert _complete("show place:ken", monkeypatch) == ["place:kengir"]
    assert _complete("cite source:ref-", monkeypatch) == ["source:ref-a", "source:ref-b"]


def test_completion_keeps_the_case_the_user_typed(monkeypatch: pytest.MonkeyPatch, gulag: Gulag) -> None:
    """The shell drops a value that does not start with what was typed, so "Ken" would offer
    nothing; it offers "Kengir", which every command reads as "kengir"."""
    shown = gulag("show", "Place:Kengir", "--json")
    assert shown.exit_code == 0 and json.loads(shown.stdout)["id"] == "kengir"
    assert _complete("show Ken", monkeypatch) == ["Kengir-uprising", "Kengir"]
    assert _complete("show Place:Ken", monkeypatch) == ["Place:Kengir"]
    assert _complete("timeline --tag Uprising,A", monkeypatch) == ["Uprising,Amnesty"]


@pytest.mark.parametrize(
    ("words", "offered"),
    [("timeline --tag up", ["uprising"]), ("timeline --tag uprising,a", ["uprising,amnesty"]),
     ("timeline --place nor", ["norilsk"]), ("timeline --person ber", ["beria"]),
     ("figures --about kengir-u", ["kengir-uprising"]), ("export --place mos", ["moscow"]),
     ("timeline --place zzz", [])],
)
def test_filters_complete_from_the_store(words: str, offered: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    assert _complete(words, monkeypatch) == offered


def typer_command() -> Any:
    from typer.main import get_command

    from gulagcli.cli import app

    return get_command(app)


def test_years_ago_follow_gulag_today(gulag: Gulag) -> None:
    recs = json.loads(gulag("on", "26/06", "--json", env={"GULAG_TODAY": "2030-06-26"}).stdout)
    assert {r["id"]: r["years_ago"] for r in recs} == {"norilsk-uprising": 77, "kengir-uprising": 76}
    recs = json.loads(gulag("on", "--json", env={"GULAG_TODAY": "1990-03-05"}).stdout)
    assert {r["id"]: r["years_ago"] for r in recs}["stalin-death"] == 37


def test_years_ago_reads_right_for_one_year_this_year_and_a_day_taken_before_the_event(gulag: Gulag) -> None:
    from gulagcli.render.listings import ago

    assert [ago(n) for n in (72, 1, 0, -1, -3)] == ["72 years ago", "1 year ago", "this year", "in 1 year",
                                                   "in 3 years"]
    table = gulag("on", "03-05", "--format", "table", env={"GULAG_TODAY": "1952-03-05", "COLUMNS": "200"}).stdout
    assert "in 1 year" in table and "-1 years" not in table


def test_an_empty_window_names_the_whole_window(gulag: Gulag) -> None:
    result = gulag("on", "12-02", "--before", "7", "--after", "7", "--format", "table")
    assert result.exit_code == 0
    assert "nothing recorded from 11-25 to 12-09" in result.stderr
    assert "nothing recorded on 12-02" in gulag("on", "12-02", "--format", "table").stderr


def test_on_reaches_across_new_year_and_reads_an_interval_by_its_surer_end(gulag: Gulag) -> None:
    def ids(*args: str) -> list[str]:
        result = gulag("on", *args, "--json", data=None)
        return [r["id"] for r in json.loads(result.stdout)] if result.stdout.strip() else []

    # 23 December 1953 is within ten days before 1 January; 1 January 1961 within five after 31 December.
    assert "beria-execution" in ids("01-01", "--before", "10")
    assert "rsfsr-criminal-code-in-force" in ids("12-31", "--after", "5")
    # "1953-07/1953-08-01": known to the day at its end, the shooting of 1 August.
    assert "vorkuta-uprising" in ids("08-01")
    # "1954-11-24/1955-08": its end is a month, so a day in August 1955 is not surely in it.
    assert "steplag-commission-trial" not in ids("08-20")


def test_on_places_a_day_marked_uncertain_or_approximate_on_that_day(gulag: Gulag, tmp_path: Path) -> None:
    """A user's "1953-03-05?" and "1953-05-16/1953-06-26~" were left out of `on` altogether."""
    from .conftest import mini, write_store

    store = mini()
    base = store["events"][0]
    store["events"] = [{**base, "id": "doubt", "title": "Doubt", "date": "1953-03-05?"},
                       {**base, "id": "span", "title": "Span", "date": "1953-05-16/1953-06-26~"},
                       {**base, "id": "month", "title": "Month", "date": "1953-03?"}]
    store["figures"] = []
    path = write_store(tmp_path, store)
    on = {day: json.loads(gulag("on", day, "--json", data=path).stdout or "[]") for day in ("03-05", "06-01")}
    assert [(r["id"], r["date"]["display"]) for r in on["03-05"]] == [("doubt", "5 Mar 1953?")]
    assert [(r["id"], r["date"]["display"]) for r in on["06-01"]] == [("span", "16 May 1953 – c. 26 Jun 1953")]


def test_on_counts_the_years_from_the_year_the_event_was_in(gulag: Gulag) -> None:
    def ago(*args: str) -> dict[str, int]:
        records = json.loads(gulag("on", *args, "--json", data=None, env={"GULAG_TODAY": "2026-12-31"}).stdout)
        return {r["id"]: r["years_ago"] for r in records}

    assert ago("12-31", "--after", "5")["rsfsr-criminal-code-in-force"] == 2026 - 1961
    assert ago("01-01", "--before", "10")["beria-execution"] == 2026 - 1953


def test_figures_about_a_source_are_the_figures_it_reports() -> None:
    """`figures --about source:exhibit` said "no figures recorded", though the panel reports many."""
    from typer.testing import CliRunner

    from gulagcli.cli import app

    done = CliRunner().invoke(app, ["figures", "--about", "source:exhibit", "--json"], env={"GULAG_DATA": ""})
    assert done.exit_code == 0, done.output
    found = json.loads(done.stdout)
    assert len(found) >= 5 and all("exhibit" in [s["id"] for s in f["sources"]] for f in found)


def test_figures_about_an_event_begin_with_its_own() -> None:
    """`figures --about kengir` began with the 1948 special camps' peak counts, an event of the
    same episode that comes earlier in time; the uprising's own figures now come first."""
    from typer.testing import CliRunner

    from gulagcli.cli import app

    done = CliRunner().invoke(app, ["figures", "--about", "kengir", "--json"], env={"GULAG_DATA": ""})
    assert done.exit_code == 0, done.output
    events = [f["event"] for f in json.loads(done.stdout)]
    own = events.count("kengir-uprising")
    assert own >= 3 and events[:own] == ["kengir-uprising"] * own
    assert "kengir-uprising-suppression" in events[own:]  # the rest of the episode follows


def test_all_figures_keep_event_order_with_the_series_last() -> None:
    """Putting an event's own figures first must not reorder the full list: the camps' yearly
    counts, which belong to no event, came first for a moment."""
    from typer.testing import CliRunner

    from gulagcli.cli import app

    done = CliRunner().invoke(app, ["figures", "--json"], env={"GULAG_DATA": ""})
    assert done.exit_code == 0, done.output
    events = [f["event"] for f in json.loads(done.stdout)]
    first_free = events.index(None)
    assert first_free > 0 and all(e is None for e in events[first_free:])
