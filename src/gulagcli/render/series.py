"""Population series: figures that carry ``series`` (and, for one camp, ``place``), by date.

``gulag-camps`` and ``gulag-colonies`` count prisoners on 1 January, ``gulag-deaths`` deaths in
a year, and ``camp-population`` one camp's prisoners; which figures belong to a series is
:func:`gulagcli.camps.series`'s to say, this module draws them.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from ..camps import series
from ..dates import display
from ..models import Figure, Store
from .records import figure_text

if TYPE_CHECKING:
    from rich.console import RenderableType

TITLES = {
    "gulag-camps": "Prisoners in Gulag corrective labour camps on 1 January",
    "gulag-colonies": "Prisoners in Gulag corrective labour colonies on 1 January",
    "gulag-deaths": "Deaths in the Gulag in each calendar year",
    "camp-population": "Prisoners in the camp",
}


def series_points(store: Store, name: str, *, place: str | None = None) -> tuple[list[tuple[date, int]], list[Figure]]:
    """(first day, value) of every figure in the series, oldest first, and those figures.

    A figure with a range and no value is drawn at its midpoint; one with neither is left out.
    A series with no such figure (a camp with no counts) gives none, which the caller says."""
    chosen = []
    for f in series(store, name, place=place):  # in date order
        value = f.value if f.value is not None else (
            (f.low + f.high) // 2 if f.low is not None and f.high is not None else None)
        if value is not None and f.date is not None:
            chosen.append((f.date.start, value, f))
    return [(d, v) for d, v, _ in chosen], [f for _, _, f in chosen]


def series_labels(figures: list[Figure]) -> list[tuple[str, str]]:
    """Each figure's date and number as the historian writes them: "1 Dec 1950", "Jun 1953",
    "1947?"; "c. 12,000", "4,000–6,000" or "c. 4,000–6,000" for a range (its bar stands at the midpoint)."""
    out = []
    for f in figures:
        when = display(f.date.edtf) if f.date is not None else ""
        out.append((when, figure_text(f)))  # "c." on a range too, as `figures` has it
    return out


def series_title(name: str, place_name: str | None = None) -> str:
    title = TITLES.get(name, name)
    return f"{title}: {place_name}" if place_name else title


def series_source(figures: list[Figure]) -> str:
    who = sorted({f.reported_by for f in figures})
    ids = sorted({s for f in figures for s in f.sources})
    return f"Figures as reported by {'; '.join(who)}. Sources: {', '.join(ids)} (gulag source ID)."


def series_renderable(points: list[tuple[date, int]], labels: list[tuple[str, str]], *, title: str, unit: str,
                      width: int, styled: bool = True) -> RenderableType:
    """The series as one text bar per date, scaled to the widest value, for the terminal; each
    date and number as :func:`series_labels` writes them."""
    from rich.text import Text

    values = [number for _, number in labels]
    labels_ = [when for when, _ in labels]
    label_w, value_w = max(map(len, labels_)), max(map(len, values))
    # Long dates and ranges (a span of days beside an approximate range of millions) leave a
    # narrow chart too little room for bars: each date then stands on its own line above its bar.
    stacked = width - label_w - value_w - 3 < 10
    room = width - value_w - 5 if stacked else width - label_w - value_w - 3
    top = max(v for _, v in points) or 1
    import textwrap

    # The title in the width asked for, as the bars are, whatever the terminal's width.
    out = Text(textwrap.fill(f"{title} ({unit})", width) + "\n", style="bold" if styled else "")
    for label, value, (_, v) in zip(labels_, values, points, strict=True):
        out.append(f"{label}\n  " if stacked else f"{label:<{label_w}} ")
        out.append("█" * max(1 if v else 0, round(v * room / top)), style="cyan" if styled else "")
        out.append(f" {value:>{value_w}}\n")
    out.rstrip()
    return out
