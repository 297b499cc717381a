"""A laid-out timeline chart (:mod:`.chart`) turned into Rich lines: the only part that colours."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .cells import cell_len
from .chart import Chart, Mark, label_column

if TYPE_CHECKING:
    from rich.console import RenderableType


def axis_lines(chart: Chart) -> tuple[str, str]:
    """The year labels and the ruler under them, as plain text the width of the plot."""
    width = chart.axis.width
    labels = [" "] * width
    ruler = ["─"] * width
    for t in chart.ticks:
        at = label_column(t.column, t.label, width)
        labels[at:at + len(t.label)] = t.label
        ruler[min(t.column, width - 1)] = "┬"
    return "".join(labels[:width]), "".join(ruler)


def legend_lines(chart: Chart, width: int) -> list[list[tuple[str, str]]]:
    """The legend entries wrapped to ``width``; each entry is (glyphs, meaning)."""
    lines: list[list[tuple[str, str]]] = [[]]
    used = 0
    for glyph, text in chart.legend:
        size = cell_len(glyph) + 1 + cell_len(text) + (3 if lines[-1] else 0)
        if lines[-1] and used + size > width:
            lines.append([])
            used, size = 0, size - 3
        lines[-1].append((glyph, text))
        used += size
    return lines


_STYLES = {  # by glyph, so the legend can share them
    Mark.SPAN.value: "bold cyan",
    Mark.DAY.value: "bold magenta",
    Mark.VAGUE.value: "cyan",
    Mark.FUZZY.value: "yellow",
    Mark.BEFORE.value: "dim",
    Mark.AFTER.value: "dim",
}


def chart_renderable(chart: Chart, *, styled: bool = True) -> RenderableType:
    """The chart as Rich lines; ``styled=False`` draws the same characters with no style at all."""
    from rich.console import Group
    from rich.text import Text

    def style(name: str) -> str:
        return name if styled else ""

    pad_left = " " * chart.indent
    labels, ruler = axis_lines(chart)
    guides = {t.column for t in chart.ticks}
    out = [Text(chart.title, style=style("bold"), no_wrap=True, overflow="crop"),
           Text(pad_left + labels, style=style("bold"), no_wrap=True, overflow="crop"),
           Text(pad_left + ruler, style=style("dim"), no_wrap=True, overflow="crop")]
    for line in chart.lines:
        text = Text(no_wrap=True, overflow="crop")
        text.append(line.label + " ", style=style("bold"))
        if chart.when_width:
            text.append(line.when + " ", style=style("yellow" if line.qualified else "dim"))
        for col, mark in enumerate(line.cells):
            if mark is Mark.EMPTY and col in guides:
                text.append("·", style=style("dim"))
            else:
                text.append(mark.value, style=style(_STYLES.get(mark.value, "")))
        out.append(text)
    if len(chart.lines) > 15:  # a long chart gets its ruler again at the bottom
        out.append(Text(pad_left + ruler.replace("┬", "┴"), style=style("dim"), no_wrap=True))
        out.append(Text(pad_left + labels, style=style("bold"), no_wrap=True, overflow="crop"))
    width = chart.indent + chart.axis.width
    for entries in legend_lines(chart, width):
        text = Text()  # an entry longer than a narrow chart wraps onto the next line, never cut
        for i, (glyph, meaning) in enumerate(entries):
            if i:
                text.append("   ")
            text.append(glyph, style=style(_STYLES.get(glyph, "")))
            text.append(" " + meaning, style=style("dim"))
        out.append(text)
    return Group(*out)
