"""Narrow terminals: words stay whole, tables fall back to one block per record, panels stay closed."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from typer.testing import Result

Gulag = Callable[..., Result]

NAMES = ["Norilsk", "Kengir", "Vorkuta", "Beginning", "de-Stalinization", "Suppression"]


def _table(gulag: Gulag, columns: int, *args: str) -> str:
    result = gulag(*args, "--format", "table", data=None, env={"COLUMNS": str(columns)})
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("columns", [40, 60, 80, 100, 140])
def test_timeline_never_breaks_a_name_inside_a_word(gulag: Gulag, columns: int) -> None:
    out = _table(gulag, columns, "timeline", "--from", "1953", "--to", "1954")
    words = set(re.findall(r"[\w'-]+", out))
    for name in NAMES:
        assert name in words, (columns, name)
    assert all(len(line) <= columns for line in out.splitlines())


@pytest.mark.parametrize("columns", [60, 80, 100])
def test_figures_keep_ids_whole(gulag: Gulag, columns: int) -> None:
    out = _table(gulag, columns, "figures", "--about", "kengir")
    tokens = set(re.findall(r"[\w-]+", out))
    for ident in ("wp-kengir-uprising", "qalam-kengir-uprising", "exhibit"):
        assert ident in tokens, (columns, ident)
    assert all(len(line) <= columns for line in out.splitlines())


def test_at_40_columns_the_timeline_is_one_block_per_event(gulag: Gulag) -> None:
    out = _table(gulag, 40, "timeline", "--from", "1953-05", "--to", "1953-06", "--place", "norilsk")
    lines = out.splitlines()
    at = lines.index("  Norilsk uprising")
    assert lines[at - 1:at + 2] == ["26 May – 4 Aug 1953", "  Norilsk uprising", "  Places: Norilsk; Gorlag"]


@pytest.mark.parametrize("columns", [40, 60, 80])
@pytest.mark.parametrize("name", ["kengir-uprising-suppression", "solzhenitsyn", "place:kengir"])
def test_long_urls_stay_inside_the_panel(gulag: Gulag, columns: int, name: str) -> None:
    lines = _table(gulag, columns, "show", name).splitlines()
    assert lines[0].startswith("╭") and lines[-1].startswith("╰")
    for line in lines:
        assert len(line) == columns, line
        assert line[0] in "│╭╰" and line[-1] in "│╮╯", line


@pytest.mark.parametrize("columns", ["0", "1", "16"])
@pytest.mark.parametrize("args", [["timeline", "--from", "1954", "--to", "1954"], ["about"],
                                  ["places", "--type", "special-camp"]])
def test_a_table_narrower_than_40_columns_is_laid_out_at_40(gulag: Gulag, columns: str, args: list[str]) -> None:
    """COLUMNS=0 laid out nothing: the layout is held at 40 columns, as the chart's --width is."""
    out = _table(gulag, int(columns), *args) if columns != "0" else gulag(
        *args, "--format", "table", data=None, env={"COLUMNS": "0"}).stdout
    assert out.strip() and max(len(line) for line in out.splitlines()) <= 40, (columns, args)


@pytest.mark.parametrize("columns", ["0", "16"])
def test_a_card_on_a_terminal_narrower_than_40_columns_keeps_its_values(columns: str,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from .test_terminal_gate import on_pty

    monkeypatch.setenv("COLUMNS", columns)
    monkeypatch.setenv("LINES", "50")
    screen = re.sub(r"\x1b\[[0-9;]*m", "", on_pty(["show", "kengir"]))
    assert "kengir-uprising" in screen and "16 May" in screen, screen[:400]
