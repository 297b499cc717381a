"""Rich renderables. Only this module (and the CLI's consoles) import Rich."""

from __future__ import annotations

from rich import box
from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from .details import Detail
from .output import Listing, OutputFormat, printable


def listing_table(listing: Listing) -> RenderableType:
    cols = [c for c in listing.columns if OutputFormat.TABLE in c.formats]
    table = Table(
        title=Text(printable(listing.title)) if listing.title else None,
        caption=Text(printable(listing.caption)) if listing.caption else None,
        box=box.SIMPLE_HEAD, header_style="bold", expand=False,
    )
    rows = [[printable(cell) for cell in row] for row in listing.cells(OutputFormat.TABLE)[1]]
    for i, col in enumerate(cols):
        if col.ratio:
            table.add_column(printable(col.title), overflow="fold", ratio=col.ratio)
        else:  # never truncated: as wide as its widest cell
            widest = max((len(row[i]) for row in rows), default=0)
            table.add_column(printable(col.title), no_wrap=True, min_width=max(widest, len(col.title)))
    for record, row in zip(listing.records, rows, strict=True):
        styles = [(c.style(record) if callable(c.style) else c.style) or "" for c in cols]
        table.add_row(*(Text(cell, style=style) for cell, style in zip(row, styles, strict=True)))
    if not listing.notes:
        return table
    return Group(table, *(Text(printable(n), style="dim") for n in listing.notes))


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
