"""Text measured in terminal columns, for layouts drawn without Rich."""

from __future__ import annotations

import re
import unicodedata


def cell_len(text: str) -> int:
    """Terminal columns a text takes: wide East Asian characters count two, combining marks none."""
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1
               for c in text)


# An escape :func:`.safe.terminal` wrote for an unsafe character is cut whole or kept whole:
# half of one ("\\x0…") reads as neither the character nor the text.
_UNIT = re.compile(r"\\(?:x[0-9a-f]{2}|u[0-9a-f]{4}|U[0-9a-f]{8})|.", re.DOTALL)


def fit(text: str, width: int) -> str:
    """The text cut to ``width`` columns, with an ellipsis where it was cut."""
    if cell_len(text) <= width:
        return text
    out, used = [], 0
    for c in _UNIT.findall(text):
        n = cell_len(c)
        if used + n > width - 1:
            break
        out.append(c)
        used += n
    return "".join(out).rstrip() + "…"


def pad(text: str, width: int) -> str:
    return text + " " * (width - cell_len(text))
