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
