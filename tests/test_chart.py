"""`gulag chart`: the pure layout (which columns each bar covers), then the command at several
widths, with and without colour, grouped, on the bundled store, and saved as SVG."""

from __future__ import annotations

import re
import shlex
import xml.etree.ElementTree as ET
from collections.abc import Callable
from datetime import date
from itertools import pairwise
from pathlib import Path

import pytest
from typer.testing import Result

from gulagcli.dates import parse_edtf
from gulagcli.render.cells import cell_len, fit
from gulagcli.render.chart import (
    Axis,
    Mark,
    Row,
    axis_for,
    bar,
    draw,
    event_rows,
    layout_chart,
    ticks,
)
from gulagcli.store import load

from .conftest import MINI

Gulag = Callable[..., Result]

ANSI = re.compile(r"\x1b\[")
TITLES = {
    "decade": "A decade", "stalin-death": "Death of Stalin", "beria-amnesty": "Amnesty of March 1953",
    "norilsk-uprising": "Norilsk uprising", "year-span": "Two-year span",
    "vague-event": "Approximate happening", "kengir-uprising": "Kengir uprising",
    "uncertain-year": "Uncertain year",
}

# Ten days of March 1953 over ten columns: one column per day, so columns are easy to check.
TEN_DAYS = Axis(date(1953, 3, 1), date(1953, 3, 10), 10)
YEAR_1954 = Axis(date(1954, 1, 1), date(1954, 12, 31), 365)


def row_of(edtf: str, axis: Axis = TEN_DAYS) -> str:
    return "".join(m.value for m in draw([bar(parse_edtf(edtf), axis)], axis.width))


# --- days to columns ------------------------------------------------------------------------


def test_columns_map_days_one_to_one_and_run_off_both_edges() -> None:
    assert [TEN_DAYS.column(date(1953, 3, d)) for d in range(1, 11)] == list(range(10))
    assert TEN_DAYS.column(date(1953, 2, 28)) == -1
    assert TEN_DAYS.column(date(1953, 3, 11)) == 10
    assert YEAR_1954.column(date(1954, 12, 31)) == 364


def test_bar_covers_the_strict_span_and_the_widest_bounds() -> None:
    # Kengir: 16 May (day 136 of 1954) to 26 Jun (day 177).
    assert bar(parse_edtf("1954-05-16/1954-06-26"), YEAR_1954) == bar_at(135, 135, 176, 176, Mark.SPAN)
    # c. May 1954: strictly May (days 121-151), perhaps April to June (days 91-181).
    assert bar(parse_edtf("1954-05~"), YEAR_1954) == bar_at(90, 120, 150, 180, Mark.VAGUE)
    # One known day is a mark, not a bar.
    assert bar(parse_edtf("1954-06-26"), YEAR_1954) == bar_at(176, 176, 176, 176, Mark.DAY)
    # Only the qualified end of an interval is widened.
    got = bar(parse_edtf("1954-10~/1954-11-14"), YEAR_1954)
    assert (got.earliest, got.start, got.end, got.latest) == (243, 273, 317, 317)


def bar_at(earliest: int, start: int, end: int, latest: int, mark: Mark) -> object:
    from gulagcli.render.chart import Bar

    return Bar(earliest, start, end, latest, mark)


@pytest.mark.parametrize(
    ("edtf", "drawn"),
    [
        ("1953-03-03", "  ◆       "),
        ("1953-03-04/1953-03-06", "   ███    "),
        # Narrower than a column, a "~" still shows: one fuzzy column on each qualified side.
        ("1953-03-05~", "   ░◆░    "),
        ("1953-03-05?/1953-03-07", "   ░███   "),
        # Past an edge: clipped, with an arrow saying so.
        ("1953-02-27/1953-03-02", "◀█        "),
        ("1953-03-09/1953-03-12", "        █▶"),
        ("1953-02-27/..", "◀░░░░░░░░▶"),  # an open end: how far it may run, not "lasted"
        ("195X", "◀▒▒▒▒▒▒▒▒▶"),
    ],
)
def test_draw_one_row(edtf: str, drawn: str) -> None:
    assert row_of(edtf) == drawn


def test_where_events_overlap_the_stronger_mark_wins() -> None:
    bars = [bar(parse_edtf(e), TEN_DAYS) for e in ("1953-03-02/1953-03-08", "1953-03-05", "1953-03-09~")]
    # A span beats the fuzzy edge of a neighbour; a day beats the span it falls in.
    assert "".join(m.value for m in draw(bars, 10)) == " ███◆███◆░"


def test_ticks_are_years_when_they_fit_else_fewer_years_else_months() -> None:
    four = Axis(date(1953, 1, 1), date(1956, 12, 31), 53)
    assert [t.label for t in ticks(four)] == ["1953", "1954", "1955", "1956"]
    assert [t.column for t in ticks(four)] == [four.column(date(y, 1, 1)) for y in range(1953, 1957)]
    whole = Axis(date(1945, 1, 1), date(1973, 12, 31), 50)
    assert [t.label for t in ticks(whole)] == ["1945", "1950", "1955", "1960", "1965", "1970"]
    one = Axis(date(1954, 1, 1), date(1954, 12, 31), 60)
    assert [t.label for t in ticks(one)][:3] == ["1954", "Mar", "May"]
    for axis in (four, whole, one):
        spans = [(t.column, t.column + len(t.label)) for t in ticks(axis)]
        assert all(a[1] < b[0] for a, b in pairwise(spans)), spans
        assert spans[-1][1] <= axis.width


def test_axis_is_whole_years_cut_to_the_filter_and_ignores_open_ends() -> None:
    dates = [parse_edtf(e) for e in ("1948/1953", "1954-06-26", "1960/..")]
    whole = axis_for(dates, start=None, end=None, width=50)
    assert (whole.lo, whole.hi) == (date(1948, 1, 1), date(1960, 12, 31))
    cut = axis_for(dates, start=date(1953, 1, 1), end=date(1956, 12, 31), width=50)
    assert (cut.lo, cut.hi) == (date(1953, 1, 1), date(1956, 12, 31))


def test_fit_truncates_to_columns_with_an_ellipsis() -> None:
    assert fit("Khrushchev becomes First Secretary", 12) == "Khrushchev…"
    assert fit("Norilsk uprising", 16) == "Norilsk uprising"
    assert cell_len(fit("Лагерь 東京東京東京", 10)) <= 10


@pytest.mark.parametrize("width", [40, 80, 160])
def test_layout_fills_exactly_the_width(width: int) -> None:
    store = load(MINI)
    chart = layout_chart(event_rows(store.events), start=None, end=None, width=width, subject="8 events")
    assert chart.indent + chart.axis.width == width
    assert all(cell_len(line.label) == chart.label_width for line in chart.lines)
    assert chart.when_width == (0 if width < 110 else len("16 May – 26 Jun 1954"))
    shown = {glyph for glyph, _ in chart.legend}
    assert {"█", "◆", "▒", "░", "†"} <= shown


def test_legend_lists_only_the_marks_the_chart_shows() -> None:
    rows = [Row("Death of Stalin", "5 Mar 1953", (parse_edtf("1953-03-05"),))]
    chart = layout_chart(rows, start=None, end=None, width=80, subject="1 event")
    assert [glyph for glyph, _ in chart.legend] == ["◆"]
    assert chart.title == "1 event, 1953"


@pytest.mark.parametrize(("dates", "meaning"), [
    (["1953-06~"], "approximate (c.) or uncertain (?): may reach this far"),
    (["1953-05-16/.."], "open-ended (..): may run this far"),  # the legend said nothing of ░ here
    (["1953-06~", "../1953-06"], "approximate (c.), uncertain (?) or open-ended (..): may reach this far"),
])
def test_the_legend_says_what_the_pale_marks_stand_for_in_this_chart(dates: list[str], meaning: str) -> None:
    rows = [Row(f"Event {i}", edtf, (parse_edtf(edtf),)) for i, edtf in enumerate(dates)]
    chart = layout_chart(rows, start=date(1953, 1, 1), end=date(1953, 12, 31), width=80, subject="events")
    assert ("░", meaning) in chart.legend


# --- the command ----------------------------------------------------------------------------


def rows_by_title(stdout: str) -> dict[str, str]:
    """Each event's chart row (what follows its label), keyed by the start of the label."""
    found = {}
    for line in stdout.splitlines():
        for ident, title in TITLES.items():
            if line.startswith(title[:10]):
                found[ident] = line
    return found


@pytest.mark.parametrize("width", [80, 160])
def test_chart_draws_every_event_within_the_width(gulag: Gulag, width: int) -> None:
    result = gulag("chart", "--width", str(width))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "8 events, 1950–1959"
    assert all(cell_len(line) <= width for line in lines), max(lines, key=cell_len)
    rows = rows_by_title(result.stdout)
    assert set(rows) == set(TITLES)
    assert "◆" in rows["stalin-death"] and "█" not in rows["stalin-death"]
    assert "█" in rows["norilsk-uprising"] and "░" not in rows["norilsk-uprising"]
    # c. May 1954 and 1956?: a vague date with a visibly fuzzier reach on both sides.
    for ident in ("vague-event", "uncertain-year"):
        assert re.search("░▒+░", rows[ident]), rows[ident]
    assert "†" in rows["vague-event"] and "†" not in rows["kengir-uprising"]
    assert "1953" in lines[1] and "1955" in lines[1]
    legend = result.stdout[result.stdout.index("█ lasted"):]
    assert "░ approximate (c.) or uncertain (?)" in " ".join(legend.split())


def test_wide_chart_shows_dates_beside_titles(gulag: Gulag) -> None:
    rows = rows_by_title(gulag("chart", "--width", "160").stdout)
    assert "26 May – 4 Aug 1953" in rows["norilsk-uprising"]
    assert "c. May 1954" in rows["vague-event"]
    narrow = rows_by_title(gulag("chart", "--width", "80").stdout)
    assert "26 May" not in narrow["norilsk-uprising"]


def test_bars_sit_under_their_years(gulag: Gulag) -> None:
    result = gulag("chart", "--from", "1953", "--to", "1954", "--width", "80")
    lines = result.stdout.splitlines()
    labels = lines[1]
    col_1954 = labels.index("1954")
    kengir = rows_by_title(result.stdout)["kengir-uprising"]
    stalin = rows_by_title(result.stdout)["stalin-death"]
    assert kengir.index("█") > col_1954 > stalin.index("◆")


def test_long_titles_are_truncated_not_wrapped(gulag: Gulag, tmp_path: Path) -> None:
    from .conftest import mini, write_store

    store = mini()
    store["events"][0]["title"] = "A very long title " * 8
    result = gulag("chart", "--width", "80", data=write_store(tmp_path, store))
    assert result.exit_code == 0, result.output
    line = next(li for li in result.stdout.splitlines() if li.startswith("A very long"))
    assert "…" in line and cell_len(line) <= 80
    assert len(result.stdout.splitlines()) == len(gulag("chart", "--width", "80").stdout.splitlines())


def test_control_characters_in_titles_are_shown_not_obeyed(gulag: Gulag, tmp_path: Path) -> None:
    from .conftest import mini, write_store

    store = mini()
    store["events"][0]["title"] = "Evil\x1b[31m title"
    result = gulag("chart", data=write_store(tmp_path, store))
    assert "\x1b" not in result.stdout
    assert "Evil\\x1b[31m" in result.stdout


def test_a_title_is_never_cut_inside_the_escape_of_a_control_character(gulag: Gulag, tmp_path: Path) -> None:
    """At 80 columns the label ended "\\x0…": half an escape, neither the character nor text."""
    from .conftest import mini, write_store

    store = mini()
    store["events"][0]["title"] = "Bell" + "\x07" * 40
    seen = set()
    for width in range(40, 121, 3):
        result = gulag("chart", "--width", str(width), data=write_store(tmp_path, store))
        line = next(li for li in result.stdout.splitlines() if li.startswith("Bell"))
        label = line[:line.index("…") + 1]
        assert re.fullmatch(r"Bell(\\x07)*…", label), label
        seen.add(label)
    assert len(seen) > 5  # the cut fell at many places in the escapes
    assert fit("ab\\u200bcd", 5) == "ab…" and fit("ab\\U0001f600cd", 13) == "ab\\U0001f600…"


def test_no_ansi_in_a_pipe_or_with_no_color(gulag: Gulag) -> None:
    assert not ANSI.search(gulag("chart").stdout)
    forced = gulag("chart", env={"FORCE_COLOR": "1"})
    assert ANSI.search(forced.stdout), "FORCE_COLOR should colour the chart"
    plain = gulag("chart", "--no-color", env={"FORCE_COLOR": "1"})
    assert not ANSI.search(plain.stdout)
    assert not ANSI.search(gulag("chart", env={"FORCE_COLOR": "1", "NO_COLOR": "1"}).stdout)
    # Colour changes nothing but the escapes.
    assert ANSI.sub("", re.sub(r"\x1b\[[0-9;]*m", "", forced.stdout)) == plain.stdout


def test_default_width_is_the_terminal_width(gulag: Gulag) -> None:
    result = gulag("chart", env={"COLUMNS": "120"})
    assert max(cell_len(li) for li in result.stdout.splitlines()) == 120


def group_label(line: str) -> str:
    """The label of a grouped row at a width with a date column: what comes before "N events"."""
    return re.split(r" +\d+ events?", line)[0]


def test_by_place_gives_one_row_per_place(gulag: Gulag) -> None:
    result = gulag("chart", "--by", "place", "--width", "160")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "8 events by place, 1950–1959"
    assert [group_label(li) for li in lines[3:7]] == ["Moscow", "Norilsk", "Kengir", "(no place)"]
    assert "5 events" in lines[6]


def test_by_tag_gives_one_row_per_tag(gulag: Gulag) -> None:
    result = gulag("chart", "--by", "tag", "--width", "120")
    lines = result.stdout.splitlines()
    assert [group_label(li) for li in lines[3:7]] == ["Death", "Amnesty", "Uprising", "(no tag)"]
    uprising = lines[5]
    assert uprising.count("█") >= 2 and "2 events" in uprising


def test_one_event(gulag: Gulag) -> None:
    result = gulag("chart", "--place", "kengir", "--width", "80")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "1 event, 1954"
    assert lines[1].split()[:3] == ["1954", "Feb", "Mar"]  # a short axis gets months
    assert lines[3].startswith("Kengir uprising") and "█" in lines[3]


def test_no_events_is_not_an_error(gulag: Gulag) -> None:
    result = gulag("chart", "--from", "1990")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "no events match" in result.stderr


def test_too_narrow_is_a_usage_error(gulag: Gulag) -> None:
    result = gulag("chart", "--width", "20")
    assert result.exit_code == 2
    assert "--width" in result.stderr


@pytest.mark.parametrize("width", [80, 160])
def test_whole_bundled_store_is_legible(gulag: Gulag, width: int) -> None:
    store = load(None)
    result = gulag("chart", "--width", str(width), data=None)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    first = min(ev.date.earliest for ev in store.events if ev.date.earliest.year > 1).year
    assert lines[0].startswith(f"{len(store.events)} events, {first}–")
    rulers = [i for i, li in enumerate(lines) if "┬" in li or "┴" in li]
    assert len(rulers) == 2  # the axis above and, for a long chart, below
    assert rulers[1] - rulers[0] - 1 == len(store.events) >= 62
    assert all(cell_len(li) <= width for li in lines)


def test_the_issue_chart_at_80_and_160(gulag: Gulag) -> None:
    for width in (80, 160):
        result = gulag("chart", "--from", "1953", "--to", "1956", "--width", str(width), data=None)
        assert result.exit_code == 0, result.output
        assert result.stdout.splitlines()[1].split() == ["1953", "1954", "1955", "1956"]
        assert any(li.startswith("Kengir uprising") for li in result.stdout.splitlines())


# --- SVG ------------------------------------------------------------------------------------


def svg_text(path: Path) -> str:
    """The words in a chart SVG: matplotlib draws text as glyph paths and keeps each string
    beside them as a comment, so the picture needs no font and the words can still be found."""
    text = path.read_text(encoding="utf-8")
    root = ET.fromstring(text)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.find(".//{http://www.w3.org/2000/svg}text") is None  # no font to load or miss
    links = re.findall(r'(?:href|src)="([^"#][^"]*)"', text)
    assert links == [] and "@import" not in text and "@font-face" not in text  # nothing to fetch
    return "\n".join(re.findall(r"<!-- (.*?) -->", text))


def test_svg_is_a_light_picture_with_every_title_and_a_source_line(gulag: Gulag, tmp_path: Path) -> None:
    out = tmp_path / "chart.svg"
    result = gulag("chart", "--width", "100", "--svg", str(out))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert result.stderr == f"saved the chart of 8 events to {out}\n"
    text = svg_text(out)
    for title in TITLES.values():
        assert title in text
    assert "16 May – 26 Jun 1954" in text  # each bar carries its date
    assert "Source: gulag store version" in text
    assert "fill: #ffffff" in out.read_text(encoding="utf-8")  # a white page, not a dark terminal


def test_a_chart_of_no_events_says_which_files_it_did_not_write(gulag: Gulag, tmp_path: Path) -> None:
    """Only "no events match" was said, and a script then opened a picture that was never written."""
    svg, png = tmp_path / "none.svg", tmp_path / "none.png"
    result = gulag("chart", "--from", "1990", "--svg", str(svg), "--png", str(png))
    assert result.exit_code == 0 and result.stdout == ""
    assert result.stderr == (f"no events match these filters; nothing to draw, so {svg} and {png} "
                             "were not written\n")
    assert not svg.exists() and not png.exists()
    assert gulag("chart", "--from", "1990").stderr == "no events match these filters\n"


def test_svg_shows_control_and_bidi_characters_as_escapes_and_stays_valid_xml(gulag: Gulag, tmp_path: Path) -> None:
    from .conftest import mini, write_store

    store = mini()
    store["events"][0]["title"] = "Bell\x07 and \u202eevil"
    store["tags"][0]["label"] = "Tag\x1b[31m"
    store["meta"]["title"] = "Store\x9b2J"
    out = tmp_path / "chart.svg"
    result = gulag("chart", "--svg", str(out), data=write_store(tmp_path, store))
    assert result.exit_code == 0, result.output
    raw = out.read_text(encoding="utf-8")
    assert not any(c in raw for c in "\x07\x1b\x9b\u202e")
    text = svg_text(out)  # parses as XML: a raw BEL is not allowed in it
    assert "Bell\\x07 and \\u202eevil" in text


def test_a_missing_glyph_is_one_line_not_a_python_warning(gulag: Gulag, tmp_path: Path) -> None:
    from .conftest import mini, write_store

    store = mini()
    store["events"][0]["title"] = "Лагерь 集中营 🙂"
    result = gulag("chart", "--png", str(tmp_path / "c.png"), data=write_store(tmp_path, store))
    assert result.exit_code == 0, result.output
    assert "UserWarning" not in result.stderr and "plot.py" not in result.stderr
    assert "gulag: warning: the png picture's font has no glyph for some characters" in result.stderr
    assert len(result.stderr.splitlines()) == 2  # the warning and "saved the chart"


def test_svg_refuses_an_existing_file_unless_forced(gulag: Gulag, tmp_path: Path) -> None:
    out = tmp_path / "chart.svg"
    out.write_text("keep me")
    result = gulag("chart", "--svg", str(out))
    assert result.exit_code == 1
    assert "already exists" in result.stderr and "--force" in result.stderr
    assert out.read_text() == "keep me"
    assert gulag("chart", "--svg", str(out), "--force").exit_code == 0
    assert "Kengir uprising" in svg_text(out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["chart.svg"]


@pytest.mark.parametrize("series", [[], ["--series", "gulag-deaths"]])
@pytest.mark.parametrize("blocked", ["png", "dir"])
def test_a_refused_second_file_leaves_the_first_unwritten(gulag: Gulag, tmp_path: Path, series: list[str],
                                                           blocked: str) -> None:
    """`--svg A --png B` with B there wrote A, then failed: one refused file now writes none."""
    (tmp_path / "b.png").write_text("keep me")
    png = tmp_path / "b.png" if blocked == "png" else tmp_path / "no-such-dir" / "b.png"
    result = gulag("chart", *series, "--svg", str(tmp_path / "a.svg"), "--png", str(png), data=None)
    assert result.exit_code == 1 and result.stdout == ""
    assert len(result.stderr.splitlines()) == 1 and str(png) in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.png"] and (tmp_path / "b.png").read_text() == "keep me"


@pytest.mark.parametrize("same", [["--svg", "{d}/x.img", "--png", "{d}/x.img"], ["--svg", "-", "--png", "-"],
                                  ["--svg", "-", "--png", "/dev/stdout"]])
def test_svg_and_png_to_one_destination_are_refused(gulag: Gulag, tmp_path: Path, same: list[str]) -> None:
    result = gulag("chart", *(a.format(d=tmp_path) for a in same))
    assert result.exit_code == 2 and result.stdout == ""
    assert "--svg and --png name the same destination; give each its own file" in result.stderr
    assert not (tmp_path / "x.img").exists()


def test_svg_is_byte_for_byte_stable(gulag: Gulag, tmp_path: Path) -> None:
    first, second = tmp_path / "a.svg", tmp_path / "b.svg"
    assert gulag("chart", "--svg", str(first)).exit_code == 0
    assert gulag("chart", "--svg", str(second)).exit_code == 0
    assert first.read_bytes() == second.read_bytes()


def test_png_is_a_png(gulag: Gulag, tmp_path: Path) -> None:
    out = tmp_path / "chart.png"
    result = gulag("chart", "--tag", "uprising", "--png", str(out))
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")


def test_a_missing_matplotlib_is_named_with_the_extra(gulag: Gulag, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "matplotlib", None)  # as if it were not installed
    result = gulag("chart", "--svg", str(tmp_path / "c.svg"))
    assert result.exit_code == 1
    assert result.stderr == "gulag: error: drawing an SVG or PNG chart needs matplotlib: pip install 'gulag[charts]'\n"
    assert list(tmp_path.iterdir()) == []


# --- help -----------------------------------------------------------------------------------


def test_every_example_in_the_help_runs(gulag: Gulag, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    help_text = gulag("chart", "--help", data=None).stdout
    assert "Examples:" in help_text
    examples = [li.strip() for li in help_text.splitlines() if li.strip().startswith("gulag chart ")]
    assert len(examples) >= 3
    for example in examples:
        result = gulag(*shlex.split(example)[1:])
        assert result.exit_code == 0, (example, result.output)
    assert ET.parse(tmp_path / "places.svg").getroot().tag.endswith("svg")


@pytest.mark.parametrize(
    "argv", [["chart"], ["timeline"], ["export", "--format", "csv"], ["export", "--format", "ics"]])
def test_matplotlib_and_plotly_stay_off_every_other_path(argv: list[str]) -> None:
    """Only --svg/--png and --format html import the drawing libraries; nothing else pays for them."""
    import subprocess
    import sys

    probe = ("import sys\nfrom gulagcli.cli import main\ntry:\n    main()\nexcept SystemExit:\n    pass\n"
             "sys.stderr.write(repr(sorted(m for m in ('matplotlib', 'plotly') if m in sys.modules)))")
    done = subprocess.run([sys.executable, "-c", probe, *argv, "--data", str(MINI)], capture_output=True,
                          text=True, timeout=60, check=False)
    assert done.stderr.endswith("[]"), done.stderr


@pytest.mark.parametrize(("start", "end"), [(date(1946, 1, 1), date(1956, 12, 31)),  # spans the chart
                                            (date(1953, 9, 1), date(1957, 3, 1)),  # runs off its right
                                            (date(1953, 2, 1), date(1953, 5, 1))])  # inside it
def test_svg_date_labels_stay_inside_the_plot_beside_or_on_their_bars(start: date, end: date) -> None:
    pytest.importorskip("matplotlib")
    from gulagcli.render.plot import Mark, PlotRow, timeline_figure

    mark = Mark(start, end, start, end, single_day=False, vague=False, key="Politics", when="a long date label")
    rows = [PlotRow("A title as long as the longest in the store, to be sure", (mark,))]
    fig = timeline_figure(rows, lo=date(1953, 1, 1), hi=date(1956, 12, 31), title="t", source="s")
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    plot = fig.axes[0].get_window_extent(renderer)
    (label,) = fig.axes[0].texts
    box = label.get_window_extent(renderer)
    assert plot.x0 <= box.x0 and box.x1 <= plot.x1 + 1  # never out over the row titles


def test_a_narrow_chart_wraps_its_legend_instead_of_cutting_words(gulag: Gulag) -> None:
    result = gulag("chart", "--width", "40", "--no-color", data=None)
    assert result.exit_code == 0, result.output
    legend = " ".join(result.stdout.split("\n1950")[-1].split())  # the lines under the axis, joined
    assert "known only to the month or year" in legend and "uncertain (?): may reach this far" in legend
    assert max(len(line) for line in result.stdout.splitlines()) <= 40


def test_a_tag_keeps_its_colour_from_chart_to_chart(gulag: Gulag, tmp_path: Path) -> None:
    from gulagcli.render.plot import PALETTE, stable_colours

    order = ["Politics", "Strike", "Uprising"]
    one, two = stable_colours(["Uprising", "Politics"], order), stable_colours(["Strike", "Uprising"], order)
    assert one["Uprising"] == two["Uprising"] == PALETTE[2] and one["Politics"] == PALETTE[0]
    assert stable_colours(["Elsewhere", "Uprising"], order) == {"Uprising": PALETTE[2], "Elsewhere": PALETTE[0]}
    # drawn: "death", third in the mini store's tags, is the third colour alone or with others
    for args in (["--tag", "death"], []):
        out = tmp_path / "chart.svg"
        assert gulag("chart", "--svg", str(out), "--force", *args).exit_code == 0
        assert f"fill: {PALETTE[2]}" in out.read_text(encoding="utf-8"), args


def test_an_open_end_runs_off_the_picture_with_an_arrow_as_on_the_terminal(tmp_path: Path) -> None:
    from datetime import date as day

    from gulagcli.render.pictures import picture_rows
    from gulagcli.render.plot import timeline_figure

    from .conftest import mini, write_store

    store_json = mini()
    store_json["events"] = [{**store_json["events"][0], "date": "1956/.."}]
    store_json["figures"] = []
    store = load(write_store(tmp_path, store_json))
    rows = picture_rows(store, store.events, None)
    assert rows[0].marks[0].latest > day(1956, 12, 31)  # it reaches on, as "1956 onwards" says
    fig = timeline_figure(rows, lo=day(1950, 1, 1), hi=day(1960, 12, 31), title="t", source="s")
    assert [line.get_marker() for line in fig.axes[0].lines] == [">"]


def test_a_series_picture_labels_each_bar_with_its_own_date_and_number(gulag: Gulag, tmp_path: Path) -> None:
    """Peschanlag's 1 Dec 1950 stood hidden behind its 1951 bar and Sachsenhausen's Dec 1945
    under "1946"; now each bar carries the figure's date and number as the store gives them
    ("c." kept), and bars a month apart stand apart."""
    out = tmp_path / "pesch.svg"
    assert gulag("chart", "--series", "camp-population", "--place", "peschanlag", "--svg", str(out),
                 data=None).exit_code == 0
    words = svg_text(out).splitlines()
    assert {"1 Jan 1950", "1 Dec 1950", "1 Jan 1951", "9,517", "21,170"} <= set(words)
    out = tmp_path / "sachsenhausen.svg"
    assert gulag("chart", "--series", "camp-population", "--place", "special-camp-no-7-sachsenhausen",
                 "--svg", str(out), data=None).exit_code == 0
    assert {"Dec 1945", "c. 12,000"} <= set(svg_text(out).splitlines()) and "1946" not in svg_text(out)


def test_bars_a_month_apart_are_set_apart_to_be_read() -> None:
    pytest.importorskip("matplotlib")
    from gulagcli.render.plot import series_figure

    points = [(date(1949, 1, 1), 19_009), (date(1953, 1, 1), 31_225), (date(1953, 2, 1), 36_152),
              (date(1960, 1, 1), 12_039)]
    labels = [("1949", "19,009"), ("1 Jan 1953", "31,225"), ("1 Feb 1953", "36,152"), ("1960", "12,039")]
    fig = series_figure(points, labels, title="t", unit="prisoners", source="s")
    ax = fig.axes[0]
    xs = [bar.get_x() + bar.get_width() / 2 for bar in ax.patches]
    assert [t.get_text() for t in ax.get_xticklabels()] == [when for when, _ in labels]
    assert min(b - a for a, b in pairwise(xs)) >= (xs[-1] - xs[0]) / 61


def test_a_cut_picture_label_keeps_its_unverified_mark() -> None:
    from gulagcli.render.plot import MAX_LABEL, _fit

    label = _fit("An event whose title runs on far longer than any row label can hold in a picture †")
    assert label.endswith("… †") and len(label) == MAX_LABEL


def test_by_place_pictures_name_camp_types_in_words(gulag: Gulag, tmp_path: Path) -> None:
    out = tmp_path / "byplace.svg"
    assert gulag("chart", "--tag", "uprising", "--by", "place", "--svg", str(out), data=None).exit_code == 0
    words = set(svg_text(out).splitlines())
    assert "corrective labour camp (ITL)" in words and "special-camp" not in words and "itl" not in words


def test_a_picture_of_a_few_days_marks_the_days_with_month_and_year(gulag: Gulag, tmp_path: Path) -> None:
    """A single day's picture said "Mar … Mar" with no day or year; ten days, a single "Mar"."""
    out = tmp_path / "days.svg"
    result = gulag("chart", "--from", "1953-03-01", "--to", "1953-03-10", "--svg", str(out))
    assert result.exit_code == 0, result.output
    words = set(svg_text(out).splitlines())
    assert {"1 Mar 1953", "4 Mar 1953", "9 Mar 1953"} <= words
