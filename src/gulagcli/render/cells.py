"""Text measured in terminal columns, for layouts drawn without Rich."""

from __future__ import annotations

import unicodedata


def cell_len(text: str) -> int:
    """Terminal columns a text takes: wide East Asian characters count two, combining marks none."""
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1
               for c in text)


def fit(text: str, width: int) -> str:
    """The text cut to ``width`` columns, with an ellipsis where it was cut."""
    if cell_len(text) <= width:
        return text
    out, used = [], 0
    for c in text:
        n = cell_len(c)
        if used + n > width - 1:
            break
        out.append(c)
        used += n
    return "".join(out).rstrip() + "…"


def pad(text: str, width: int) -> str:
    return text + " " * (width - cell_len(text))
