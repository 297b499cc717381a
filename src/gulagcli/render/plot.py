"""The chart as a picture (SVG or PNG), drawn by matplotlib: a timeline or a series as bars.

Matplotlib is an optional extra (``gulag[charts]``) imported only here, so no other command
pays for it. Text is drawn as paths in DejaVu Sans, which matplotlib ships, so an SVG looks the
same in a browser and in rsvg-convert and loads nothing; a light theme suits slides and paper.
"""

from __future__ import annotations

import importlib
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from ..dates import display, shift_days
from ..errors import GulagError
from ..models import Event, Precision, Store
from .safe import terminal
from .spans import known_bounds

if TYPE_CHECKING:
    from matplotlib.figure import Figure

EXTRA = "charts"
# Matplotlib's tab10 without its grey (the colour of "other"), then five darker hues of tab20b and
# Dark2's teal: enough for each of the bundled store's 16 tags to keep one colour in every chart.
PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf",
           "#bcbd22", "#393b79", "#637939", "#8c6d31", "#98df8a", "#7b4173", "#e7ba52", "#1b9e77")
OTHER = "#8c8c8c"
MAX_LABEL = 56


@dataclass(frozen=True, slots=True)
class Mark:
    """One event in a row: its strict days, how far a c./? date may reach, and its colour key."""

    start: date
    end: date
    earliest: date
    latest: date
    single_day: bool
    vague: bool  # one date known only to its month, year or decade
    key: str
    when: str  # the date as the historian writes it


@dataclass(frozen=True, slots=True)
class PlotRow:
    label: str
    marks: tuple[Mark, ...]


def _matplotlib() -> Any:
    try:
        import matplotlib
    except ImportError:
        raise GulagError(f"drawing an SVG or PNG chart needs matplotlib: pip install 'gulag[{EXTRA}]'") from None
    matplotlib.use("Agg")
    matplotlib.rcParams.update({
        "svg.fonttype": "path", "svg.hashsalt": "gulag", "font.family": "DejaVu Sans",
        "font.size": 9, "axes.edgecolor": "#333333", "figure.facecolor": "white",
    })
    return matplotlib


def mark(ev: Event, key: str) -> Mark:
    start, end = known_bounds(ev.date)
    d = ev.date
    # An open end ("1956/..") reaches past any edge, as the terminal chart draws it: pale to the
    # edge, with an arrow.
    earliest = d.earliest if d.earliest < start else start
    latest = d.latest if d.latest > end else end
    return Mark(start, end, earliest, latest, start == end,
                not d.interval and d.precision is not Precision.DAY, key, display(d.edtf))


def colour_keys(store: Store, events: Sequence[Event]) -> dict[str, str]:
    """Event id -> legend label: its first tag among the most used, else "other"."""
    used = Counter(t for ev in events for t in ev.tags)
    top = [t for t, _ in used.most_common(len(PALETTE))]
    label = {t: store.tags[t].label if t in store.tags else t for t in top}
    return {ev.id: next((label[t] for t in ev.tags if t in label), "other") for ev in events}


def stable_colours(keys: Sequence[str], order: Sequence[str]) -> dict[str, str]:
    """A colour for each key: the one its place in ``order`` gives, unless another key drawn
    already has it; keys without one take the palette's free colours in turn."""
    colours: dict[str, str] = {}
    for k in keys:
        if k in order and PALETTE[order.index(k) % len(PALETTE)] not in colours.values():
            colours[k] = PALETTE[order.index(k) % len(PALETTE)]
    free = [c for c in PALETTE if c not in colours.values()]
    for k in keys:
        if k not in colours and free:
            colours[k] = free.pop(0)
    return colours


def default_range(rows: Sequence[PlotRow]) -> tuple[date, date]:
    """Whole years from the first start to the end of the year of the last start: one event that
    runs on for decades does not stretch the axis; it runs off the edge with an arrow."""
    starts = [m.start for r in rows for m in r.marks]
    return date(min(starts).year, 1, 1), date(max(starts).year, 12, 31)


def timeline_figure(rows: Sequence[PlotRow], *, lo: date, hi: date, title: str, source: str,
                    order: Sequence[str] = (), names: Mapping[str, str] | None = None) -> Figure:
    """Rows top to bottom against a true-scale date axis from ``lo`` to ``hi`` (inclusive). A
    colour key's place in ``order`` (every key the store has, in a fixed order) picks its colour,
    so a tag or a camp type looks the same in every chart; other keys take the colours left.
    ``names`` gives a key's words in the legend ("itl": "corrective labour camp (ITL)")."""
    _matplotlib()
    from matplotlib.figure import Figure
    from matplotlib.patches import Patch

    mdates: Any = importlib.import_module("matplotlib.dates")  # its locators are untyped

    keys = list(dict.fromkeys(m.key for r in rows for m in r.marks))
    named = [k for k in keys if k != "other"][:len(PALETTE)]
    colours = stable_colours(named, order)
    fig: Figure = Figure(figsize=(12, 1.9 + 0.27 * len(rows)), layout="constrained")
    ax = fig.add_subplot()
    left, right = mdates.date2num(lo), mdates.date2num(shift_days(hi, 1))
    for y, row in enumerate(rows):
        for m in row.marks:
            colour = colours.get(m.key, OTHER)
            a, b = max(mdates.date2num(m.start), left), min(mdates.date2num(shift_days(m.end, 1)), right)
            if m.earliest < m.start or m.latest > m.end:  # how far a c. or ? date may reach
                fa = max(mdates.date2num(m.earliest), left)
                fb = min(mdates.date2num(shift_days(min(m.latest, hi), 1)), right)
                ax.barh(y, fb - fa, left=fa, height=0.6, color=colour, alpha=0.22, linewidth=0)
            if m.single_day:
                ax.plot([(a + b) / 2], [y], marker="D", markersize=6, color=colour, linestyle="none")
            elif b > a:
                # a thin edge in the bar's colour keeps a few days visible on an axis of decades
                ax.barh(y, b - a, left=a, height=0.6, color=colour, alpha=0.55 if m.vague else 1.0,
                        hatch="////" if m.vague else None, edgecolor="white" if m.vague else colour,
                        linewidth=0 if m.vague else 0.6)
            if m.latest > hi:  # it runs on past the right edge, or may (c., ?, an open end)
                ax.plot([right], [y], marker=">", color=colour, markersize=6, clip_on=False)
            if m.earliest < lo:
                ax.plot([left], [y], marker="<", color=colour, markersize=6, clip_on=False)
        if len(row.marks) == 1:
            m = row.marks[0]
            b = min(mdates.date2num(shift_days(m.end, 1)), right)
            start = mdates.date2num(m.start)
            gap = 7 if m.single_day else 4  # clear of the diamond (6 pt across), or of the bar's end
            if b <= left + 0.82 * (right - left):  # after the bar
                x, dx, ha, box = b, gap, "left", None
            elif start > left + 0.12 * (right - left):  # before it: the bar reaches the right edge
                x, dx, ha, box = start, -gap, "right", None
            else:  # it spans the chart: on the bar, never out over the row labels
                x, dx, ha, box = left, 4, "left", {"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none"}
            ax.annotate(m.when, (x, y), xytext=(dx, 0), textcoords="offset points", ha=ha, va="center",
                        fontsize=7.5, color="#333333", bbox=box)
    ax.set_xlim(left, right)
    ax.set_ylim(len(rows) - 0.4, -0.6)
    ax.set_yticks(range(len(rows)), [_fit(r.label) for r in rows])
    years = hi.year - lo.year + 1
    # A tick a year up to 20 years, every 5 up to 100; a store reaching year 9999 gets fewer, wider steps.
    step = next((s for s in (1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500) if years <= 20 * s), 5000)
    days = (hi - lo).days + 1
    if days <= 92:  # a day, a week, a season: the days themselves, each with month and year
        ax.xaxis.set_major_locator(mdates.DayLocator(interval=max(1, -(-days // 10))))
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%-d %b %Y"))
        ax.tick_params(axis="x", which="major", labelsize=7.5)
    else:
        ax.xaxis.set_major_locator(mdates.YearLocator(step))
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    if days > 92 and years <= 4:
        # Every month's name fits under two years; over three or four, the quarters' (Apr, Jul, Oct).
        ax.xaxis.set_minor_locator(mdates.MonthLocator() if years <= 2 else mdates.MonthLocator((4, 7, 10)))
        ax.xaxis.set_minor_formatter(mdates.DateFormatter("%b"))
        ax.tick_params(axis="x", which="minor", labelsize=6.5, colors="#555555")
        ax.tick_params(axis="x", which="major", pad=12)
        ax.grid(axis="x", which="minor", color="#eeeeee", linewidth=0.6)
    ax.grid(axis="x", which="major", color="#c8c8c8", linewidth=0.8)
    ax.set_axisbelow(True)
    ax.tick_params(axis="y", length=0)
    legend_keys = [*named, *(["other"] if "other" in keys else [])]
    handles = [Patch(color=colours.get(k, OTHER), label=shown((names or {}).get(k, k))) for k in legend_keys]
    if handles:
        ax.legend(handles=handles, loc="lower center", bbox_to_anchor=(0.5, 1.0), ncols=min(len(handles), 6),
                  frameon=False, fontsize=8.5)
    fig.suptitle(shown(title), fontsize=12, fontweight="bold")
    fig.supxlabel(_wrapped(source, fig), fontsize=7.5, color="#555555")
    return fig


def _wrapped(text: str, fig: Figure) -> str:
    """A source line broken to the figure's width (7.5 pt text: about 17 characters an inch)."""
    import textwrap

    return "\n".join(textwrap.wrap(shown(text), width=max(40, int(fig.get_figwidth() * 17))))


def series_figure(points: Sequence[tuple[date, int]], labels: Sequence[tuple[str, str]], *, title: str, unit: str,
                  source: str, yearly: bool = False) -> Figure:
    """One bar per dated value, on a true-scale time axis, each with its number on it and, while
    few enough to read, its date under it as the figure gives it ("1 Dec 1950", "1947?")."""
    _matplotlib()
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter

    mdates: Any = importlib.import_module("matplotlib.dates")

    fig: Figure = Figure(figsize=(10, 5), layout="constrained")
    ax = fig.add_subplot()
    # A count on a day (1 January) stands on that day; a count for a whole year (deaths in
    # 1950), dated to the year, stands over the middle of its year.
    xs = [mdates.date2num(d) + (182 if (d.month, d.day) == (1, 1) and yearly else 0) for d, _ in points]
    # Two counts a month apart (1 January and 1 February 1953) would stand on one another: a bar
    # closer than a sixtieth of the axis to the one before is set that far apart, so that both
    # dates under them can be read. Each bar is labelled with its own date.
    room = (xs[-1] - xs[0]) / 60
    for i in range(1, len(xs)):
        xs[i] = max(xs[i], xs[i - 1] + room)
    # Bars as wide as the closest two allow (1 December and 1 January stand apart), at most 200 days.
    gap = min((b - a for a, b in pairwise(xs)), default=365.0)
    width = max(4.0, min(200.0, 0.8 * gap))
    crowded = width < 150
    bars = ax.bar(xs, [v for _, v in points], width=width, color=PALETTE[0])
    ax.bar_label(bars, labels=[shown(number) for _, number in labels], fontsize=7, padding=2,
                 rotation=90 if crowded else 0)
    ax.set_xlim(min(xs) - max(width, 120), max(xs) + max(width, 120))
    if len(points) <= 24:  # each bar's own date: a year tick would misplace 1 Dec 1957 under 1958
        ax.set_xticks(xs, [shown(when) for when, _ in labels], rotation=90 if crowded else 0, fontsize=7.5)
    else:
        ax.xaxis.set_major_locator(mdates.YearLocator(2))
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    if crowded:
        ax.margins(y=0.15)  # room above the tallest bar for its upright number
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,.0f}"))
    ax.set_ylabel(shown(unit))
    ax.grid(axis="y", color="#dddddd")
    ax.set_axisbelow(True)
    fig.suptitle(shown(title), fontsize=12, fontweight="bold")
    fig.supxlabel(_wrapped(source, fig), fontsize=7.5, color="#555555")
    return fig


def save(fig: Figure, fmt: str) -> bytes:
    """The figure as SVG (text as paths, no date stamp, so output is stable) or PNG bytes.
    Characters the font lacks (CJK, emoji) are drawn as boxes, said in one line on stderr."""
    import io
    import sys
    import warnings

    out = io.BytesIO()
    metadata: dict[str, Any] = {"Date": None} if fmt == "svg" else {"Software": "gulag"}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig.savefig(out, format=fmt, dpi=150, metadata=metadata, facecolor="white")
    if any("missing from font" in str(w.message) for w in caught):
        sys.stderr.write(f"gulag: warning: the {fmt} picture's font has no glyph for some characters "
                         "of the labels; they are drawn as empty boxes\n")
    return out.getvalue()


def shown(text: str) -> str:
    """Store text as a picture may draw it: a control or bidi character is a visible escape,
    as on a terminal (render/safe.py), never a character that breaks the SVG or reorders text."""
    return terminal(text, newlines=False)


def _fit(label: str) -> str:
    """A row's label cut to fit; an unverified event's " †" stays on the end of the cut."""
    label = shown(" ".join(label.split()))
    mark = " †" if label.endswith(" †") else ""
    body = label.removesuffix(mark)
    room = MAX_LABEL - len(mark)
    return (body if len(body) <= room else body[: room - 1] + "…") + mark
