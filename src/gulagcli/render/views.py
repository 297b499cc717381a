"""Rich renderables. Only this module (and the CLI's consoles) import Rich."""

from __future__ import annotations

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from .details import Detail
from .output import Listing, OutputFormat, printable

# A wrapping column is never narrower than its longest word up to this: names and ids stay
# whole; only longer things (URLs) are folded.
WORD_MAX = 40
# Rich's SIMPLE_HEAD table: a space either side of every cell, and a (blank) rule at both
# edges and between columns.
_PADDING = 3


def listing_table(listing: Listing) -> RenderableType:
    """A table where it fits the terminal with every word whole, else one block per record."""
    return _ListingView(listing)


class _ListingView:
    """Chooses its layout when printed, from the width the console offers."""

    def __init__(self, listing: Listing) -> None:
        self.listing = listing
        self.cols = [c for c in listing.columns if OutputFormat.TABLE in c.formats]
        self.rows = [[printable(cell) for cell in row] for row in listing.cells(OutputFormat.TABLE)[1]]

    def _widths(self, available: int) -> list[int] | None:
        """Each column's width, or None when the words do not fit side by side.

        Rich would squeeze wrapping columns below their longest word ("No/ri/ls/k") rather
        than give up; here every column gets its longest word (up to WORD_MAX: a URL may
        fold), and what is left goes to the wrapping columns by their ratio.
        """
        need, most = [], []
        for i, col in enumerate(self.cols):
            cells = [row[i] for row in self.rows]
            widest = max([len(col.title), *(len(c) for c in cells)])
            if col.ratio:
                longest = max([len(w) for cell in [col.title, *cells] for w in cell.split()], default=1)
                need.append(min(longest, WORD_MAX))
            else:
                need.append(widest)
            most.append(widest)
        spare = available - _PADDING * len(self.cols) - 1 - sum(need)
        if spare < 0:
            return None
        widths = list(need)
        growing = [i for i, c in enumerate(self.cols) if c.ratio and widths[i] < most[i]]
        while spare > 0 and growing:
            i = min(growing, key=lambda j: (widths[j] - need[j]) / self.cols[j].ratio)
            widths[i] += 1
            spare -= 1
            if widths[i] >= most[i]:
                growing.remove(i)
        return widths

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        widths = self._widths(options.max_width)
        yield self._table(widths) if widths is not None else self._blocks()
        yield from (Text(printable(n), style="dim") for n in self.listing.notes)

    def _styles(self, record: dict[str, object]) -> list[str]:
        return [(c.style(record) if callable(c.style) else c.style) or "" for c in self.cols]

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
            table.add_row(*(Text(cell, style=style) for cell, style in zip(row, self._styles(record), strict=True)))
        return table

    def _blocks(self) -> Group:
        """Too narrow for columns: each record as a block, the short fields on its first line."""
        parts: list[RenderableType] = []
        if self.listing.title:
            parts.append(Text(printable(self.listing.title), style="bold"))
        for record, row in zip(self.listing.records, self.rows, strict=True):
            styles = self._styles(record)
            first = [i for i, c in enumerate(self.cols) if not c.ratio and row[i]]
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
