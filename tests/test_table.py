"""The listing table and block layout written without Rich (render/table.py, render/blocks.py)
are byte for byte what Rich prints.

Rich is the oracle: every test here prints the same listing both ways and compares.
"""

from __future__ import annotations

import io
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.color import ColorSystem
from rich.console import Console
from rich.text import Text
from typer.testing import Result

from gulagcli.render import emit
from gulagcli.render.blocks import line_bounds, render_blocks
from gulagcli.render.emit import Output, make_console
from gulagcli.render.layout import TableLayout
from gulagcli.render.output import Column, Listing, OutputFormat
from gulagcli.render.table import (
    ONE_CELL_RANGES,
    SGR_ATTRIBUTES,
    SGR_COLOURS,
    one_cell,
    render,
    sgr_codes,
    wrap_center,
    wrap_free,
    wrap_left,
)
from gulagcli.render.term import PLAIN, Ink, stdout_view
from gulagcli.render.views import listing_table

Gulag = Callable[..., Result]
MODES = {"plain": PLAIN, "colour": Ink(sgr=True, colours=True), "no-colour": Ink(sgr=True, colours=False)}


def rich_prints(listing: Listing, width: int, mode: str, system: str = "truecolor") -> str:
    """What make_console's Console prints for ``listing`` at ``width`` in ``mode``: the oracle."""
    out = io.StringIO()
    console = Console(file=out, width=width, highlight=False, emoji=False, markup=False,
                      force_terminal=mode != "plain", color_system=None if mode == "plain" else system,  # type: ignore[arg-type]
                      no_color=True if mode == "no-colour" else None)
    console.print(listing_table(listing))
    return out.getvalue()


def written(listing: Listing, width: int, mode: str) -> str | None:
    layout = TableLayout(listing)
    widths = layout.widths(width)
    assert widths is not None, "too narrow for a table: Rich's block layout, not ours"
    return render(layout, widths, console_width=width, ink=MODES[mode])


def blocks_written(listing: Listing, width: int, mode: str) -> str | None:
    layout = TableLayout(listing)
    assert layout.widths(width) is None, "wide enough for a table: not the block layout"
    return render_blocks(layout, console_width=width, ink=MODES[mode])


# --- hand-picked listings ---------------------------------------------------------------------

COLUMNS = [
    Column("Date", lambda r: r["date"], style=lambda r: "yellow" if r["date"].startswith("c.") else ""),
    Column("Event", lambda r: r["title"], style="bold", ratio=2),
    Column("Places", lambda r: r["places"], ratio=1, label="Places and camps"),
    Column("Summary", lambda r: r["summary"], ratio=3),
    Column("N", lambda r: r["n"], style="dim"),
]


def _row(title: str, summary: str = "", places: list[str] | None = None, date: str = "c. 1953") -> dict[str, Any]:
    return {"date": date, "title": title, "places": places or [], "summary": summary, "n": len(summary)}


CASES = {
    "long words fold": Listing([_row("https://example.org/" + "a-very-long-path/" * 5, "x" * 70)], COLUMNS),
    "words of exactly the width": Listing([_row("Kengir " * 6, "Vorkuta Norilsk " * 8)], COLUMNS),
    "empty cells": Listing([_row("", ""), _row("Amnesty", "", date="")], COLUMNS),
    "Cyrillic": Listing([_row("Кенгирское восстание", "Восстание заключённых Степлага, 16 мая – 26 июня 1954 †",
                              ["Кенгир", "Степлаг"])], COLUMNS),
    "newlines and tabs in data are escaped alike": Listing([_row("two\nlines", "a\ttab and\r\nmore")], COLUMNS),
    "spaces": Listing([_row("  leading", "trailing   "), _row("in   between", "   ")], COLUMNS),
    "title, caption and notes": Listing(
        [_row("Norilsk uprising", "Prisoners of Gorlag strike", ["Norilsk"], date="26 May – 4 Aug 1953")],
        COLUMNS, title="3 events from 1953 to 1954, a title long enough to wrap at narrow widths",
        caption="a caption", notes=("c. = approximate date, ? = uncertain date",
                                    "† = not yet confirmed by an independent reference; " * 4)),
}
WIDTHS = [40, 64, 80, 100, 133, 200, 1000]


def _fitting(listing: Listing) -> Iterator[int]:
    return (w for w in WIDTHS if TableLayout(listing).widths(w) is not None)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("case", CASES)
def test_hand_picked_listings_match_rich(case: str, mode: str) -> None:
    listing = CASES[case]
    widths = list(_fitting(listing))
    assert widths, "every case fits a table at some width"
    for width in widths:
        assert written(listing, width, mode) == rich_prints(listing, width, mode), (case, width)


def _narrow(listing: Listing) -> list[int]:
    """Every width from 10 up to where the columns fit: Rich's block layout there."""
    return [w for w in range(10, 200) if TableLayout(listing).widths(w) is None]


BLOCK_CASES = {
    **CASES,
    "styles on every field, the none style, labels": Listing(
        [_row("Kengir", "Steplag strike", ["Kengir"]), _row("Amnesty " * 9, "", ["Moscow", "Karaganda"])],
        [Column("Date", lambda r: r["date"], style="bold yellow"),
         Column("Event", lambda r: r["title"], style="none", ratio=2),
         Column("N", lambda r: r["n"], style="none"),
         Column("Count", lambda r: r["n"], style="bold", labelled=True),
         Column("Places", lambda r: r["places"], style="italic red", ratio=1, label="Places and camps"),
         Column("Summary", lambda r: r["summary"], style="", ratio=3)], title="Ѣ " * 30),
    "only short fields, only wrapping fields": Listing(
        [_row("", ""), _row("Norilsk", "Gorlag", date="")],
        [Column("Date", lambda r: r["date"]), Column("Event", lambda r: r["title"], ratio=1),
         Column("Summary", lambda r: r["summary"], style="dim", ratio=1)]),
}


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("case", BLOCK_CASES)
def test_hand_picked_blocks_match_rich(case: str, mode: str) -> None:
    listing = BLOCK_CASES[case]
    widths = _narrow(listing)
    assert len(widths) > 10, "every case needs the block layout over a range of widths"
    for width in widths:
        assert blocks_written(listing, width, mode) == rich_prints(listing, width, mode), (case, width)


@pytest.mark.parametrize("system", ["standard", "256", "truecolor"])
def test_every_colour_system_rich_picks_writes_the_same_block_escapes(system: str) -> None:
    listing = BLOCK_CASES["styles on every field, the none style, labels"]
    for width in (10, 25, 40):
        assert blocks_written(listing, width, "colour") == rich_prints(listing, width, "colour", system)
    assert "\x1b[1;33m" in rich_prints(listing, 40, "colour", system)  # a short field in its own style
    assert "\x1b[2;3;31m" in rich_prints(listing, 40, "colour", system)  # a wrapping one dim as well


def test_narrower_than_the_indent_goes_to_rich() -> None:
    listing = CASES["spaces"]
    assert blocks_written(listing, 2, "plain") is None
    assert blocks_written(listing, 3, "plain") == rich_prints(listing, 3, "plain")


@pytest.mark.parametrize("system", ["standard", "256", "truecolor"])
def test_every_colour_system_rich_picks_writes_the_same_escapes(system: str) -> None:
    listing = CASES["Cyrillic"]
    assert written(listing, 100, "colour") == rich_prints(listing, 100, "colour", system)
    assert "\x1b[33m" in rich_prints(listing, 100, "colour", system)  # the yellow date


@pytest.mark.parametrize("style", [*SGR_ATTRIBUTES, *SGR_COLOURS, "none", "", "BOLD Yellow", "dim bold italic red"])
def test_styles_are_written_with_richs_codes(style: str) -> None:
    console = Console(force_terminal=True, color_system="truecolor")
    codes = console.get_style(style)._make_ansi_codes(ColorSystem.TRUECOLOR)
    assert sgr_codes(style, MODES["colour"]) == codes
    assert sgr_codes(style, MODES["no-colour"]) == console.get_style(style).without_color._make_ansi_codes(
        ColorSystem.TRUECOLOR)
    assert sgr_codes(style, PLAIN) == ""


@pytest.mark.parametrize("style", ["bold on red", "not bold", "link https://x", "#ff0000", "bold none", "info"])
def test_styles_it_does_not_know_are_left_to_rich(style: str) -> None:
    assert sgr_codes(style, MODES["colour"]) is None


# --- generated listings -----------------------------------------------------------------------

# One-cell characters gulag's data has: Latin, Cyrillic, punctuation, whitespace to wrap at; and
# controls, which both writers show as the same escapes.
_CHARS = st.sampled_from([*"abcxyzABC019 .,;:-'()[]/?†–—…’«»№éçßøĳАБВжщЯёЇ", "  ", "\xa0", "Kengir",
                          "\n", "\t", "\x1b[31m", "\u202e"])
_TEXT = st.lists(_CHARS, max_size=30).map("".join)
_STYLE = st.sampled_from(["", "bold", "dim", "yellow", "bold yellow", "italic red", "bright_cyan", "none"])
_LABEL = st.sampled_from(["Date", "Event", "Reported by", "N", "Places and camps"])


def _column(i: int, style: str, ratio: int, label: str, labelled: bool) -> Column:
    return Column(f"c{i}", lambda r: r[f"c{i}"], style=style, ratio=ratio, label=label, labelled=labelled)


@st.composite
def listings(draw: st.DrawFn) -> Listing:
    shapes = draw(st.lists(st.tuples(_STYLE, st.sampled_from([0, 0, 1, 2, 3]), _LABEL, st.booleans()),
                           min_size=1, max_size=5))
    cols = [_column(i, *shape) for i, shape in enumerate(shapes)]
    rows = draw(st.lists(st.fixed_dictionaries({c.header: _TEXT for c in cols}), min_size=1, max_size=6))
    notes = draw(st.lists(_TEXT, max_size=2))
    return Listing(rows, cols, title=draw(_TEXT), caption=draw(_TEXT), notes=tuple(notes))


@given(listing=listings(), width=st.integers(10, 160), mode=st.sampled_from(list(MODES)))
def test_generated_listings_match_rich(listing: Listing, width: int, mode: str) -> None:
    if TableLayout(listing).widths(width) is None:
        assert blocks_written(listing, width, mode) == rich_prints(listing, width, mode)
    else:
        assert written(listing, width, mode) == rich_prints(listing, width, mode)


@given(listing=listings(), width=st.integers(3, 40), mode=st.sampled_from(list(MODES)))
def test_generated_blocks_match_rich(listing: Listing, width: int, mode: str) -> None:
    if TableLayout(listing).widths(width) is None:  # nearly always, this narrow
        assert blocks_written(listing, width, mode) == rich_prints(listing, width, mode)


# Texts with what gulag's cells never carry (newlines, runs of spaces) still wrap as Text.wrap does.
_RAW = st.lists(st.sampled_from(["a", "bc", "Жук", "xxxxxxxxxxxxx", " ", "   ", "\n", "\u00a0", "–"]),
                max_size=25).map("".join)


@given(text=_RAW, width=st.integers(1, 30))
@example(text="a\n\nb\n", width=3)
@example(text="abcdef  ", width=6)
@example(text="   ", width=1)
def test_wrapping_matches_rich_text_wrap(text: str, width: int) -> None:
    console = Console(width=200)

    def rich(justify: str, no_wrap: bool = False) -> list[str]:
        return [line.plain for line in Text(text).wrap(console, width, justify=justify,  # type: ignore[arg-type]
                                                       overflow="fold", no_wrap=no_wrap)]

    assert wrap_left(text, width) == rich("left")
    assert wrap_left(text, width, no_wrap=True) == rich("left", no_wrap=True)
    assert wrap_center(text, width) == rich("center")
    assert wrap_free(text, width) == rich("default")
    line = text.replace("\n", " ")
    assert [line[a:b] for a, b in line_bounds(line, width)] == wrap_free(line, width)


# --- where it gives way to Rich ---------------------------------------------------------------


def test_characters_counted_as_one_cell_are_one_cell_for_rich() -> None:
    chars = "".join(chr(c) for a, b in ONE_CELL_RANGES for c in range(a, b + 1))
    assert one_cell(chars)
    assert all(cell_len(ch) == 1 for ch in chars)
    assert cell_len(chars) == len(chars)


@pytest.mark.parametrize("cell", ["漢字", "🙂 emoji", "e\u0301 combining", "zero\u200dwidth", "\ufe0f"])
def test_wide_or_joining_characters_go_to_rich(cell: str, monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    listing = Listing([_row(cell, cell)], COLUMNS)
    assert not one_cell(cell)
    assert written(listing, 100, "plain") is None
    monkeypatch.setenv("COLUMNS", "100")
    Output(OutputFormat.TABLE).listing(listing)
    assert capsys.readouterr().out == rich_prints(listing, 100, "plain")


@pytest.mark.parametrize("cell", ["漢字", "🙂 emoji", "e\u0301 combining", "zero\u200dwidth", "\ufe0f"])
def test_wide_or_joining_characters_in_blocks_go_to_rich(cell: str, monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    listing = Listing([_row(cell, cell)], COLUMNS)
    assert blocks_written(listing, 30, "plain") is None
    monkeypatch.setenv("COLUMNS", "30")
    Output(OutputFormat.TABLE).listing(listing)
    assert capsys.readouterr().out == rich_prints(listing, 30, "plain")


@pytest.mark.parametrize("style", ["bold on red", "not bold", "bold none"])
def test_a_style_it_does_not_know_goes_to_rich(style: str) -> None:
    short = Listing([_row("x")], [Column("a", lambda r: r["title"], style=style)])
    assert written(short, 80, "colour") is None
    wrapping = Listing([_row("x")], [Column("a", lambda r: r["title"], style=style, ratio=1),
                                     Column("b", lambda r: r["summary"], ratio=1)])
    for listing in (short, wrapping):
        assert render_blocks(TableLayout(listing), console_width=80, ink=MODES["colour"]) is None


# --- the commands, end to end -----------------------------------------------------------------

COMMANDS = [["timeline"], ["timeline", "--from", "1953", "--to", "1954"], ["search", "amnesty"],
            ["places"], ["people"], ["terms"], ["tags"], ["figures"], ["sources"], ["on", "1953-03-05"]]
ENVS = {"pipe": {}, "colour": {"FORCE_COLOR": "1"}, "NO_COLOR": {"FORCE_COLOR": "1", "NO_COLOR": "1"},
        "dumb": {"FORCE_COLOR": "1", "TERM": "dumb"}}
RUNS = [(argv, env) for argv in COMMANDS for env in ("pipe", "colour")] + [
    (["timeline"], "NO_COLOR"), (["timeline"], "dumb"), (["search", "amnesty"], "dumb")]


_WRITE_TABLE = emit._write_table


def _ours_and_rich(gulag: Gulag, argv: list[str], environ: dict[str, str],
                   monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Run a listing with the Rich-free writers and with Rich forced; the outputs must be the
    same bytes. Returns whether each listing was written without Rich."""
    taken: list[bool] = []
    fast = _WRITE_TABLE  # the real writer, whatever an earlier call left patched

    def spy(*args: Any, **kwargs: Any) -> bool:
        taken.append(fast(*args, **kwargs))
        return taken[-1]

    monkeypatch.setattr(emit, "_write_table", spy)
    ours = gulag(*argv, "--format", "table", data=None, env=environ)
    monkeypatch.setattr(emit, "_write_table", lambda *a, **k: False)
    theirs = gulag(*argv, "--format", "table", data=None, env=environ)
    assert ours.exit_code == theirs.exit_code == 0, ours.output
    assert ours.stdout == theirs.stdout, (argv, environ)
    # gulag writes a table itself exactly when it can measure every character (Rich knows wide
    # and zero-width ones: a Japanese title in `sources`, say); otherwise Rich writes it.
    measurable = one_cell(re.sub(r"\x1b\[[0-9;]*m", "", theirs.stdout))
    assert all(taken) == measurable or not taken, (argv, environ, taken)
    return [t or not measurable for t in taken]


@pytest.mark.parametrize(("argv", "env"), RUNS, ids=[f"{' '.join(a)}-{e}" for a, e in RUNS])
def test_every_listing_command_prints_what_rich_printed(gulag: Gulag, argv: list[str], env: str,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    _ours_and_rich(gulag, argv, {**ENVS[env], "COLUMNS": "100"}, monkeypatch)  # some have blocks at 100
    taken = _ours_and_rich(gulag, argv, {**ENVS[env], "COLUMNS": "300"}, monkeypatch)
    assert taken[-1], "at 300 columns the table is written without Rich"


NARROW_RUNS = [(argv, env) for argv in COMMANDS for env in ("pipe", "colour")] + [
    (argv, env) for argv in (["timeline"], ["search", "amnesty"]) for env in ("NO_COLOR", "dumb")]


@pytest.mark.parametrize(("argv", "env"), NARROW_RUNS, ids=[f"{' '.join(a)}-{e}" for a, e in NARROW_RUNS])
def test_every_listing_command_prints_the_blocks_rich_printed(gulag: Gulag, argv: list[str], env: str,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    for columns in ("20", "40", "60", "80"):
        taken = _ours_and_rich(gulag, argv, {**ENVS[env], "COLUMNS": columns}, monkeypatch)
        assert taken == [True], "written without Rich"


# --- the console's width and colours, as Rich decides them ------------------------------------


@pytest.mark.parametrize("term", ["dumb", "unknown"])
def test_a_dumb_terminal_takes_the_width_columns_gives(term: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Rich draws 80 wide on TERM=dumb unless LINES is set beside COLUMNS; COLUMNS=50 alone
    gave tables and charts 80 columns wide on a 50-column terminal."""
    monkeypatch.delenv("LINES", raising=False)
    monkeypatch.setenv("TERM", term)
    monkeypatch.setenv("COLUMNS", "50")
    monkeypatch.setattr(sys, "stdout", _Tty())
    view = stdout_view()
    assert make_console().width == 50 and view is not None and view.width == 50 and not view.ink.sgr
    monkeypatch.delenv("COLUMNS")
    assert make_console().width == 80


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("tty", [False, True])
@pytest.mark.parametrize("env", [
    {}, {"COLUMNS": "123"}, {"COLUMNS": "123", "LINES": "40"}, {"LINES": "40"}, {"COLUMNS": "123", "LINES": "x"},
    {"COLUMNS": "5000"}, {"COLUMNS": "0"}, {"COLUMNS": "wide"},
    {"TERM": "dumb"}, {"TERM": "dumb", "COLUMNS": "99"}, {"TERM": "UNKNOWN", "COLUMNS": "99", "LINES": "9"},
    {"TERM": "xterm-256color"}, {"COLORTERM": "truecolor"},
    {"NO_COLOR": "1"}, {"NO_COLOR": ""}, {"FORCE_COLOR": "1"}, {"FORCE_COLOR": ""},
    {"FORCE_COLOR": "1", "NO_COLOR": "1"},
    {"TTY_COMPATIBLE": "0", "FORCE_COLOR": "1"}, {"TTY_COMPATIBLE": "1"},
])
@pytest.mark.parametrize("no_color", [False, True])
def test_width_and_colour_are_decided_as_rich_decides(env: dict[str, str], tty: bool, no_color: bool,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("COLUMNS", "LINES", "TERM", "COLORTERM", "TTY_COMPATIBLE"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(sys, "stdout", _Tty() if tty else io.StringIO())
    console = make_console(no_color=no_color)
    view = stdout_view(no_color=no_color)
    if env.get("FORCE_COLOR") == "" or env.get("NO_COLOR") == "" or "TTY_COMPATIBLE" in env:
        assert view is None  # read differently by Rich 13 and 14: Rich decides
        return
    assert view is not None
    assert view.width == console.width
    assert view.ink.sgr == (console.color_system is not None)
    if view.ink.sgr:
        assert view.ink.colours == (not console.no_color)


def test_a_stdout_that_is_not_utf8_goes_to_rich(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(io.BytesIO(), encoding="latin-1"))
    assert stdout_view() is None


# --- what it saves ------------------------------------------------------------------------------

_PROBE = ("import sys\nfrom gulagcli.cli import main\ntry:\n    main()\nexcept SystemExit:\n    pass\n"
          "sys.stderr.write(repr(sorted(m for m in sys.modules if m.split('.')[0] == 'rich')[:1]))")


@pytest.mark.parametrize("columns", ["80", "100"])  # 80: the block layout; 100: the table
@pytest.mark.parametrize("env", [{}, {"FORCE_COLOR": "1"}])
def test_the_timeline_table_does_not_import_rich_but_the_detail_panel_does(env: dict[str, str], columns: str) -> None:
    import os

    environ = {**os.environ, "COLUMNS": columns, **env}
    environ.pop("NO_COLOR", None)

    def rich_modules(*argv: str) -> str:
        done = subprocess.run([sys.executable, "-c", _PROBE, *argv, "--format", "table"], env=environ,
                              capture_output=True, text=True, timeout=60, check=False)
        assert done.stdout, done.stderr
        return done.stderr

    assert rich_modules("timeline").endswith("[]")
    assert rich_modules("show", "kengir").endswith("['rich']")
