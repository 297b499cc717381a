"""A listing's table as text, byte for byte what Rich prints for it, without importing Rich.

Importing Rich and letting it lay out a few hundred rows costs more than the rest of
``gulag timeline``; the layout is ours anyway (:class:`~.layout.TableLayout` decides every
width), so Rich would only wrap each cell and draw the SIMPLE_HEAD box. This module does
that for the cases it knows exactly, and answers None for the rest (a character that is not
one cell wide, a style it does not know), where the caller prints with Rich as before.
Rich stays the oracle: tests/test_table.py compares the two, with and without colour.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable

from .layout import PADDING, TableLayout
from .output import printable
from .term import PLAIN, Ink

# Characters every Rich version measures as one cell wide and never joins to a neighbour:
# Rich's own fast-path ranges, plus Cyrillic, Latin Extended Additional and the punctuation,
# currency and letterlike blocks gulag's data uses (en dash, dagger, ellipsis, curly quotes,
# numero sign). A cell with any other
# character goes to Rich, which knows wide and zero-width characters.
ONE_CELL_RANGES = (
    (0x20, 0x7E), (0xA0, 0xAC), (0xAE, 0x2FF), (0x370, 0x482), (0x48A, 0x52F),
    (0x1E00, 0x1EFF), (0x2010, 0x2027), (0x2030, 0x205E), (0x20A0, 0x20C0),
    (0x2100, 0x214F), (0x2500, 0x25FC), (0x2800, 0x28FF),
)
_ONE_CELL = re.compile("[^\n" + "".join(f"\\U{a:08x}-\\U{b:08x}" for a, b in ONE_CELL_RANGES) + "]")

# rich._wrap: a word is its leading and trailing whitespace with it; \s and str.rstrip are
# Python's, as there.
_WORD = re.compile(r"\s*\S+\s*")
_TRAILING_SPACE = re.compile(r"\s+$")

# rich.style: attributes in Rich's bit order, then the colour; the 16 standard colours are
# the same SGR codes in every colour system Rich picks (standard, 256, truecolor).
SGR_ATTRIBUTES = {"bold": "1", "dim": "2", "italic": "3", "underline": "4", "blink": "5",
               "blink2": "6", "reverse": "7", "conceal": "8", "strike": "9"}
_ORDER = list(SGR_ATTRIBUTES)
SGR_COLOURS = {name: code for i, base in enumerate(("black", "red", "green", "yellow", "blue",
                                                 "magenta", "cyan", "white"))
            for name, code in ((base, str(30 + i)), (f"bright_{base}", str(90 + i)))}


def one_cell(text: str) -> bool:
    """True if every character of ``text`` but newlines is one cell wide by this module's table."""
    return _ONE_CELL.search(text) is None


def sgr_codes(style: str, ink: Ink) -> str | None:
    """The SGR parameters Rich writes for ``style`` ("" for none), or None for a style this
    module does not know."""
    attributes: set[str] = set()
    colour = ""
    words = [] if style.strip() == "none" else style.lower().split()  # Style.parse: "none" alone only
    for word in words:
        if word in SGR_ATTRIBUTES:
            attributes.add(word)
        elif word in SGR_COLOURS:
            colour = SGR_COLOURS[word]
        else:
            return None
    if not ink.sgr:
        return ""
    codes = [SGR_ATTRIBUTES[a] for a in _ORDER if a in attributes]
    if colour and ink.colours:
        codes.append(colour)
    return ";".join(codes)


def paint(text: str, codes: str) -> str:
    """``text`` as Rich writes a segment in this style: wrapped in SGR and a reset, unless empty."""
    return f"\x1b[{codes}m{text}\x1b[0m" if codes and text else text


def divide_line(text: str, width: int) -> list[int]:
    """rich._wrap.divide_line with fold, for text whose characters are each one cell."""
    breaks: list[int] = []
    offset = 0
    for match in _WORD.finditer(text):
        start, word = match.start(), match.group()
        length = len(word.rstrip())
        if width - offset >= length:
            offset += len(word)
        elif length > width:  # longer than a line: folded every ``width`` characters
            chunks = [word[i:i + width] for i in range(0, len(word), width)]
            for chunk in chunks[:-1]:
                if start:
                    breaks.append(start)
                start += len(chunk)
            if start:
                breaks.append(start)
            offset = len(chunks[-1])
        elif offset and start:
            breaks.append(start)
            offset = len(word)
    return breaks


def _pieces(text: str, width: int, *, no_wrap: bool) -> Iterable[str]:
    """Text.wrap's lines before justification: its own lines, each divided at the breaks,
    whitespace beyond the width dropped."""
    for line in text.split("\n"):
        if no_wrap or len(line) <= width:  # a line that fits has no break (divide_line agrees)
            yield line
            continue
        bounds = [0, *divide_line(line, width), len(line)]
        for a, b in itertools.pairwise(bounds):
            piece = line[a:b]
            if len(piece) > width:  # Text.rstrip_end
                space = _TRAILING_SPACE.search(piece)
                if space:
                    piece = piece[:len(piece) - min(len(space.group()), len(piece) - width)]
            yield piece


def wrap_left(text: str, width: int, *, no_wrap: bool = False) -> list[str]:
    """A table cell's lines: Text.wrap justified left, each cropped or padded to ``width``."""
    return [p[:width].ljust(width) for p in _pieces(text, width, no_wrap=no_wrap)]


def wrap_center(text: str, width: int) -> list[str]:
    """A title's or caption's lines: Text.wrap centred in ``width``."""
    out = []
    for piece in _pieces(text, width, no_wrap=False):
        piece = piece.rstrip()[:width]
        left = (width - len(piece)) // 2
        out.append((" " * left + piece).ljust(width))
    return out


def wrap_free(text: str, width: int) -> list[str]:
    """A note's lines: Text.wrap with no justification (nothing padded), cropped to ``width``."""
    return [p[:width] for p in _pieces(text, width, no_wrap=False)]


def render(layout: TableLayout, widths: list[int], *, console_width: int, ink: Ink = PLAIN) -> str | None:
    """The table (title, header, rows, caption) and notes as Rich prints them, or None if
    this module cannot promise the same bytes."""
    listing, cols = layout.listing, layout.cols
    title = printable(listing.title) if listing.title else ""
    caption = printable(listing.caption) if listing.caption else ""
    notes = [printable(n) for n in listing.notes]
    head, dim = sgr_codes("bold", ink) or "", sgr_codes("dim", ink) or ""
    maybe = [[sgr_codes(s, ink) for s in layout.styles(r)] for r in listing.records]
    styles = [[code for code in row if code is not None] for row in maybe]
    texts = [title, caption, *notes, *(c.title for c in cols), *(cell for row in layout.rows for cell in row)]
    if (not cols or min(widths, default=0) < 1 or any(len(a) != len(b) for a, b in zip(styles, maybe, strict=True))
            or not all(map(one_cell, texts))):
        return None
    table_width = sum(widths) + PADDING * len(widths) + 1
    out: list[str] = []
    if title:
        out.extend(line + "\n" for line in wrap_center(title, table_width))
    out.append(" " * table_width + "\n")  # SIMPLE_HEAD's top edge: blank
    # The header row: bold, padding included; a header that wraps pushes the others down.
    blank_head = [paint(" " * (w + 2), head) for w in widths]
    pad = paint(" ", head)
    heads = [[pad + paint(line, head) + pad for line in wrap_left(c.title, w, no_wrap=not c.ratio)]
             for c, w in zip(cols, widths, strict=True)]
    height = max(len(h) for h in heads)
    heads = [[blank] * (height - len(h)) + h for h, blank in zip(heads, blank_head, strict=True)]
    out.extend(" " + " ".join(parts) + " \n" for parts in zip(*heads, strict=True))
    out.append(" " + "─" * (table_width - 2) + " \n")
    for row, codes in zip(layout.rows, styles, strict=True):
        cells = [[f" {paint(line, code)} " for line in wrap_left(cell, w, no_wrap=not c.ratio)]
                 for cell, code, c, w in zip(row, codes, cols, widths, strict=True)]
        height = max(len(c) for c in cells)
        cells = [c + [" " * (w + 2)] * (height - len(c)) for c, w in zip(cells, widths, strict=True)]
        out.extend(" " + " ".join(parts) + " \n" for parts in zip(*cells, strict=True))
    out.append(" " * table_width + "\n")  # the bottom edge
    if caption:
        out.extend(line + "\n" for line in wrap_center(caption, table_width))
    for note in notes:
        out.extend(paint(line, dim) + "\n" for line in wrap_free(note, console_width))
    return "".join(out)
