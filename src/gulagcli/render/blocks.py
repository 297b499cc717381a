"""A listing's block layout as text, byte for byte what Rich prints for it, without importing Rich.

When the columns do not fit (:meth:`~.layout.TableLayout.widths` is None), views.py prints
each record as a block: a bold title, then per record its short fields on one line, each
wrapping field on its own lines indented by two (the second and later ones labelled), its
counts after their titles on a line indented by two, then a blank line; the notes in dim after
them. That is what an 80-column terminal gets for ``gulag timeline``, so it is written here
as table.py writes the table, and Rich prints it only where this module answers None.
tests/test_table.py compares the two.

What Rich does that shows in the bytes: Text wraps with overflow fold, keeping words whole;
``Text(label, style="dim") + Text(value, style=s)`` is dim all through, with ``s`` over the
value; every span boundary starts a new segment, and every segment with a style is written in
its own SGR codes and a reset; Padding pads each line with spaces to the width it measured
(the longest line, at most the console's width less the indent).
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from .layout import TableLayout
from .output import Column, printable
from .table import divide_line, one_cell, paint, sgr_codes
from .term import PLAIN, Ink

_TRAILING_SPACE = re.compile(r"\s+$")  # as in table.py: Text.rstrip_end's whitespace
INDENT = 2  # views.py: Padding(text, (0, 0, 0, 2))


class Span(NamedTuple):
    """A styled stretch of a Text, as rich.text.Span: its style is a Rich style string."""

    start: int
    end: int
    style: str


def line_bounds(text: str, width: int) -> list[tuple[int, int]]:
    """Text.wrap (fold, no justification) of a one-line ``text``: each line's start and end."""
    if len(text) <= width:  # a line that fits has no break (divide_line agrees)
        return [(0, len(text))]
    out = []
    for a, b in itertools.pairwise([0, *divide_line(text, width), len(text)]):
        if b - a > width:  # Text.rstrip_end: whitespace beyond the width goes
            space = _TRAILING_SPACE.search(text[a:b])
            if space:
                b -= min(len(space.group()), b - a - width)
        out.append((a, min(b, a + width)))  # Text.truncate: cropped to the width
    return out


def _segments(text: str, spans: Sequence[Span], a: int, b: int, ink: Ink) -> str | None:
    """Text.render of ``text[a:b]``: a segment between every two span boundaries, each in
    the styles of the spans over it (in span order, as Style.combine takes them)."""
    cuts = sorted({a, b, *(p for s in spans for p in (s.start, s.end) if a < p < b)})
    out = []
    for start, end in itertools.pairwise(cuts):
        codes = _combined(tuple(s.style for s in spans if s.start <= start and end <= s.end), ink)
        if codes is None:
            return None
        out.append(paint(text[start:end], codes))
    return "".join(out)


@functools.lru_cache(maxsize=256)  # a listing has a handful of style combinations, met on every line
def _combined(styles: tuple[str, ...], ink: Ink) -> str | None:
    """The SGR codes of Style.combine over ``styles`` ("none" is the null style), or None."""
    return sgr_codes(" ".join(s for s in styles if s.strip() != "none"), ink)


def _text(text: str, spans: Sequence[Span], width: int, ink: Ink, *, pad: int | None = None) -> Iterable[str | None]:
    """A Text's lines as Rich prints them at ``width``; with ``pad``, each line padded to it
    and indented, as Padding does."""
    for a, b in line_bounds(text, width):
        line = _segments(text, spans, a, b, ink)
        if line is not None and pad is not None:
            line = " " * INDENT + line + " " * (pad - (b - a))
        yield line


def _joined(row: Sequence[str], styles: Sequence[str], fields: list[int],
            cols: Sequence[Column]) -> tuple[str, list[Span]]:
    """Text("  ").join of the fields (a labelled one as Text.assemble((title + ": ", "dim"),
    (value, style))): the text, with a span over each styled part and none over the separators."""
    text, spans = "", []
    for i in fields:
        text += "  " if text else ""
        if cols[i].labelled:
            label = f"{cols[i].title}: "
            spans.append(Span(len(text), len(text) + len(label), "dim"))
            text += label
        if styles[i]:
            spans.append(Span(len(text), len(text) + len(row[i]), styles[i]))
        text += row[i]
    return text, spans


def render_blocks(layout: TableLayout, *, console_width: int, ink: Ink = PLAIN) -> str | None:
    """The block layout (title, one block per record) and notes as Rich prints them, or None
    if this module cannot promise the same bytes."""
    listing, cols, width = layout.listing, layout.cols, console_width
    title = printable(listing.title) if listing.title else ""
    notes = [printable(n) for n in listing.notes]
    texts = [title, *notes, *(c.title for c in cols), *(cell for row in layout.rows for cell in row)]
    # Narrower than the indent and a character, Padding measures differently: Rich decides.
    if width < INDENT + 1 or not all(one_cell(t) and "\n" not in t for t in texts):
        return None
    lines: list[str | None] = []
    if title:
        lines.extend(_text(title, [Span(0, len(title), "bold")], width, ink))
    for record, row in zip(listing.records, layout.rows, strict=True):
        styles = layout.styles(record)
        short = [i for i, col in enumerate(cols) if not col.ratio and row[i]]
        head, spans = _joined(row, styles, [i for i in short if not cols[i].labelled], cols)
        if head:
            lines.extend(_text(head, spans, width, ink))
        named = False
        for i, col in enumerate(cols):
            if not col.ratio or not row[i]:
                continue
            label = f"{col.title}: " if named else ""
            named = True
            # Text(label, style="dim") + Text(value, style=s): dim is the whole Text's style.
            text = label + row[i]
            spans = [Span(len(label), len(text), styles[i])] if styles[i] else []
            spans.append(Span(0, len(text), "dim"))
            lines.extend(_text(text, spans, width - INDENT, ink, pad=min(len(text), width - INDENT)))
        counts, spans = _joined(row, styles, [i for i in short if cols[i].labelled], cols)
        if counts:
            lines.extend(_text(counts, spans, width - INDENT, ink, pad=min(len(counts), width - INDENT)))
        lines.append("")  # Text(""): a blank line
    for note in notes:
        lines.extend(_text(note, [Span(0, len(note), "dim")], width, ink))
    if any(line is None for line in lines):
        return None
    return "".join(f"{line}\n" for line in lines)
