"""Rich renderables. Only this module (and the CLI's consoles) import Rich.

A listing's table (and its block layout for narrow terminals) is written by table.py and
blocks.py without Rich when they can; this view is the fallback, and the oracle both are
tested against: a change here needs the same change there.
"""

from __future__ import annotations

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from .details import Detail
from .layout import TableLayout
from .output import Listing, printable


def listing_table(listing: Listing) -> RenderableType:
    """A table where it fits the terminal with every word whole, else one block per record."""
    return _ListingView(listing)


class _ListingView:
    """Chooses its layout when printed, from the width the console offers."""

    def __init__(self, listing: Listing) -> None:
        self.listing = listing
        self.layout = TableLayout(listing)
        self.cols, self.rows = self.layout.cols, self.layout.rows

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        widths = self.layout.widths(options.max_width)
        yield self._table(widths) if widths is not None else self._blocks()
        yield from (Text(printable(n), style="dim") for n in self.listing.notes)

    def _table(self, widths: list[int]) -> Table:
        listing = self.listing
        table = Table(
            title=Text(printable(listing.title)) if listing.title else None,
            caption=Text(printable(listing.caption)) if listing.caption else None,
            box=box.SIMPLE_HEAD, header_style="bold", expand=False,
        )
        for col, width in zip(self.cols, widths, strict=True):
            # Fixed widths: ours keep words whole, where Rich's collapse would split them.
            table.add_column(col.title, overflow="fold", no_wrap=not col.ratio, width=width)
        for record, row in zip(listing.records, self.rows, strict=True):
            styles = self.layout.styles(record)
            table.add_row(*(Text(cell, style=style) for cell, style in zip(row, styles, strict=True)))
        return table

    def _blocks(self) -> Group:
        """Too narrow for columns: each record as a block, the short fields on its first line and
        the counts, after their titles, on its last."""
        parts: list[RenderableType] = []
        if self.listing.title:
            parts.append(Text(printable(self.listing.title), style="bold"))
        for record, row in zip(self.listing.records, self.rows, strict=True):
            styles = self.layout.styles(record)
            short = [i for i, c in enumerate(self.cols) if not c.ratio and row[i]]
            first = [i for i in short if not self.cols[i].labelled]
            head = Text("  ").join(Text(row[i], style=styles[i]) for i in first)
            lines: list[RenderableType] = [head] if first else []
            named = False
            for i, col in enumerate(self.cols):
                if not col.ratio or not row[i]:
                    continue
                label = f"{col.title}: " if named else ""
                named = True
                text = Text(label, style="dim") + Text(row[i], style=styles[i])
                lines.append(Padding(text, (0, 0, 0, 2), expand=False))
            if counts := [i for i in short if self.cols[i].labelled]:
                line = Text("  ").join(
                    Text.assemble((f"{self.cols[i].title}: ", "dim"), (row[i], styles[i])) for i in counts)
                lines.append(Padding(line, (0, 0, 0, 2), expand=False))
            parts.append(Group(*lines, Text("")))
        return Group(*parts)


def detail_panel(detail: Detail) -> RenderableType:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold cyan", no_wrap=True)
    grid.add_column(overflow="fold")
    for label, lines in detail.fields:
        grid.add_row(Text(label), Text(printable("\n".join(lines), newlines=True)))
    parts: list[RenderableType] = [grid]
    if detail.footer:
        parts.append(Text("\n" + printable(detail.footer), style="dim"))
    return Panel(Group(*parts), title=Text(printable(detail.title), style="bold"),
                 subtitle=Text(detail.kind, style="dim"), title_align="left", box=box.ROUNDED)
