"""A listing's table layout: which columns, which cells, how wide. No Rich here.

Both the Rich view (views.py) and the text writers (table.py: the table; blocks.py: the
block layout when the columns do not fit; neither imports Rich) take their widths from here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .output import Column, Listing, OutputFormat, printable

if TYPE_CHECKING:
    from .records import Record

# A wrapping column is never narrower than its longest word up to this: names and ids stay
# whole; only longer things (URLs) are folded.
WORD_MAX = 40
# Rich's SIMPLE_HEAD table: a space either side of every cell, and a (blank) rule at both
# edges and between columns.
PADDING = 3


class TableLayout:
    """A listing's table columns and its cells made printable, one row per record."""

    __slots__ = ("cols", "listing", "rows")

    def __init__(self, listing: Listing) -> None:
        self.listing = listing
        self.cols: list[Column] = [c for c in listing.columns if OutputFormat.TABLE in c.formats]
        self.rows = [[printable(cell) for cell in row] for row in listing.cells(OutputFormat.TABLE)[1]]

    def widths(self, available: int) -> list[int] | None:
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
        spare = available - PADDING * len(self.cols) - 1 - sum(need)
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

    def styles(self, record: Record) -> list[str]:
        """Each cell's Rich style for this record ("" for none)."""
        return [(c.style(record) if callable(c.style) else c.style) or "" for c in self.cols]
