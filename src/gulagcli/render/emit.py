"""Dispatch a result to the chosen output format: the only code that writes command output."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import IO, TYPE_CHECKING, Any

from ..errors import UsageError, given_flags
from .output import (
    CSV_SAFE,
    CsvOptions,
    Listing,
    OutputFormat,
    is_terminal,
    resolve_format,
    write_csv,
    write_json,
    write_jsonl,
    write_plain,
)
from .safe import terminal
from .term import MAX_WIDTH, MIN_WIDTH

if TYPE_CHECKING:
    from rich.console import Console

    from .details import Detail


def note(text: str | None) -> None:
    """A human note on stderr (none for None), where it never mixes with data: one line, controls escaped."""
    if text is not None:
        sys.stderr.write(terminal(text) + "\n")


def make_console(*, stderr: bool = False, no_color: bool = False) -> Console:
    """A console on stdout or stderr; width and colour are read from the environment now.

    Rich itself honours NO_COLOR, FORCE_COLOR, TERM=dumb and COLUMNS.
    """
    from rich.console import Console

    console = Console(stderr=stderr, no_color=True if no_color else None, highlight=False,
                      emoji=False, markup=False)
    columns = os.environ.get("COLUMNS", "")
    if console.is_dumb_terminal and columns.isdigit():
        # Rich reads COLUMNS on a dumb terminal only with LINES beside it, else draws 80 wide:
        # a width the user set is the width they want, TERM=dumb or not (term.py agrees).
        console.size = (int(columns), console.height)
    if not MIN_WIDTH <= console.width <= MAX_WIDTH:  # COLUMNS=0 lays out nothing; 100000, megabytes of blanks
        console.width = min(max(console.width, MIN_WIDTH), MAX_WIDTH)
    return console


def progress_console() -> Console:
    """A console for a progress bar on a terminal's stderr, writing beneath the output gate
    (docs/safety.md): a bar redraws its own line with cursor controls the gate would escape,
    and shows only gulag's own text (stage names, the bar, a percentage), never data."""
    from .safe import GatedStream

    console = make_console(stderr=True)
    if isinstance(sys.stderr, GatedStream):
        console.file = sys.stderr.raw
    return console


def _write_table(listing: Listing, out: IO[str], *, no_color: bool) -> bool:
    """The table (or, too narrow for columns, the block layout) written without Rich, exactly
    as Rich would print it; False where only Rich can (a wide character, an unusual console)."""
    from .layout import TableLayout
    from .term import stdout_view

    view = stdout_view(no_color=no_color)
    if view is None:
        return False
    layout = TableLayout(listing)
    widths = layout.widths(view.width)
    if widths is None:
        from .blocks import render_blocks

        text = render_blocks(layout, console_width=view.width, ink=view.ink)
    else:
        from .table import render

        text = render(layout, widths, console_width=view.width, ink=view.ink)
    if text is None:
        return False
    out.write(text)
    out.flush()
    return True


class Output:
    """Where a command's result goes, in which format."""

    __slots__ = ("csv", "format", "no_color")

    def __init__(self, format: OutputFormat, *, no_color: bool = False, csv: CsvOptions = CSV_SAFE) -> None:
        self.format, self.no_color, self.csv = format, no_color, csv

    @property
    def out(self) -> IO[str]:
        return sys.stdout  # looked up at call time so test runners can capture it

    def message(self, text: str | None) -> None:
        """A human note on stderr, where it never mixes with data; one line, controls escaped."""
        note(text)

    def listing(self, listing: Listing, *, empty: str = "nothing matches") -> None:
        fmt = self.format
        if fmt is OutputFormat.JSON:
            write_json(listing.records, self.out, pretty=is_terminal(self.out))
        elif fmt is OutputFormat.JSONL:
            write_jsonl(listing.records, self.out)
        elif fmt is OutputFormat.CSV:
            write_csv(listing, self.out, self.csv)
        elif fmt is OutputFormat.PLAIN:
            write_plain(listing, self.out)
            if not listing.records:  # nothing on stdout for a script; a word on stderr for a person
                self.message(empty)
        elif not listing.records:
            self.message(empty)
        elif not _write_table(listing, self.out, no_color=self.no_color):
            from .views import listing_table

            make_console(no_color=self.no_color).print(listing_table(listing))

    def detail(self, detail: Detail | Callable[[], Detail], record: dict[str, Any] | Callable[[], dict[str, Any]],
               *, compact: str | None = None) -> None:
        """One record: as JSON, or shown as its card. ``detail`` and ``record`` may be functions
        that make them, called only for the formats that print them; ``compact`` is the record
        already encoded as compact JSON, written as it is in a pipe."""
        fmt = self.format
        if fmt in (OutputFormat.JSON, OutputFormat.JSONL) and compact is not None and not is_terminal(self.out):
            self.out.write(compact + "\n")
        elif fmt is OutputFormat.JSON:
            write_json(record() if callable(record) else record, self.out, pretty=is_terminal(self.out))
        elif fmt is OutputFormat.JSONL:
            write_jsonl([record() if callable(record) else record], self.out)
        elif fmt is OutputFormat.CSV:
            raise UsageError("--format csv is for listings; use json, jsonl, plain or table here")
        else:
            card = detail() if callable(detail) else detail
            if fmt is OutputFormat.PLAIN:
                from .details import detail_plain

                self.out.write(detail_plain(card))
            else:
                from .views import detail_panel

                make_console(no_color=self.no_color).print(detail_panel(card))


def make_output(fmt: str | None, as_json: bool, no_color: bool, *, raw: bool = False, bom: bool = False) -> Output:
    """Where a command writes, from its options; --json with another --format is a usage error,
    not a silent choice."""
    if as_json and fmt is not None and fmt != OutputFormat.JSON.value:
        raise UsageError(f"--json and --format {fmt} ask for different formats; give one of them")
    chosen = resolve_format(OutputFormat(fmt) if fmt is not None else None, as_json)
    return Output(chosen, no_color=no_color, csv=csv_options(chosen is OutputFormat.CSV, raw=raw, bom=bom))


def csv_options(csv: bool, *, raw: bool, bom: bool) -> CsvOptions:
    """--raw and --bom, which only CSV takes: with another format a usage error, not ignored."""
    named, several = given_flags((("--raw", raw), ("--bom", bom)))
    if named and not csv:
        raise UsageError(f"{named} {'apply' if several else 'applies'} only to CSV; add --format csv")
    return CsvOptions(raw=raw, bom=bom)
