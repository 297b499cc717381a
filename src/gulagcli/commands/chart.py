"""`chart`: the selected events, or a population series, as a picture on the terminal or in a file."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..cli import DataOpt, NoColorOpt, command_app
from ..errors import UsageError, given_flags
from ..files import check_target, is_stdout, write_atomic, written_in_place
from ..models import Kind
from ..query import split_names
from ..render.chart import GroupBy, event_rows, group_rows, layout_chart
from ..render.output import is_terminal
from ..render.safe import BytesGate, WriteFailed, message
from ..render.term import MAX_WIDTH, MIN_WIDTH
from . import resolved
from .browse import FromOpt, LimitOpt, PersonOpt, PlaceOpt, ReverseOpt, TagOpt, ToOpt, select
from .export import ForceOpt, file_name
from .fast import date_bounds

if TYPE_CHECKING:
    from collections.abc import Iterable

    from rich.console import Console

app = command_app()

ByOpt = Annotated[
    GroupBy | None,
    typer.Option("--by", case_sensitive=False, show_default=False,
                 help="One row per place or per tag instead of one row per event."),
]
WidthOpt = Annotated[
    int | None,
    typer.Option("--width", "-w", min=MIN_WIDTH, max=MAX_WIDTH, metavar="N", show_default=False,
                 help="Draw N columns wide (default: the terminal's width, 80 when piped)."),
]
SvgOpt = Annotated[
    Path | None,
    typer.Option("--svg", metavar="FILE", parser=file_name, show_default=False, readable=False,
                 help="Save the chart as an SVG picture in FILE instead of printing it (needs gulag\\[charts])."),
]
PngOpt = Annotated[
    Path | None,
    typer.Option("--png", metavar="FILE", parser=file_name, show_default=False, readable=False,
                 help="Save the chart as a PNG picture in FILE instead of printing it (needs gulag\\[charts])."),
]
SeriesOpt = Annotated[
    str | None,
    typer.Option("--series", metavar="NAME", show_default=False,
                 help="Draw a population series as bars: gulag-deaths, gulag-camps, or camp-population "
                      "with --place (gulag-colonies in a store that has it; the bundled one has none yet)."),
]


@app.command()
def chart(
    since: FromOpt = None,
    until: ToOpt = None,
    place: PlaceOpt = None,
    person: PersonOpt = None,
    tag: TagOpt = None,
    limit: LimitOpt = None,
    reverse: ReverseOpt = False,
    by: ByOpt = None,
    width: WidthOpt = None,
    svg: SvgOpt = None,
    png: PngOpt = None,
    series: SeriesOpt = None,
    force: ForceOpt = False,
    data: DataOpt = None,
    no_color: NoColorOpt = False,
) -> None:
    """Draw the events as a timeline chart, with the same filters as `timeline`.

    One row per event, or per place or tag with --by, under a date axis:
    █ a span, ◆ one day, ▒ a date known only to its month or year, and
    ░ how far an approximate (c.) or uncertain (?) date may reach.
    A legend under the chart explains the marks it shows.

    --svg FILE and --png FILE draw it as a picture (needs gulag\\[charts]):
    bars at true scale, coloured by tag (by camp type with --by place).
    --series NAME draws a population series as bars instead.

    Examples:

      gulag chart --from 1953 --to 1956

      gulag chart --tag uprising --width 120

      gulag chart --by place --svg places.svg

      gulag chart --from 1953 --to 1954 --png uprisings.png --tag uprising
    """
    from ..render.emit import make_console

    if svg is not None and png is not None and ((is_stdout(svg) and is_stdout(png)) or svg.resolve() == png.resolve()):
        # One file or stream would hold both pictures, or the second would replace the first.
        raise UsageError("--svg and --png name the same destination; give each its own file")
    for flag, path in (("--svg", svg), ("--png", png)):
        if path is not None and is_stdout(path) and is_terminal(sys.stdout):
            # A picture's bytes on a screen are noise and escape sequences, as the html page's are.
            raise UsageError(f"{flag} - writes a picture for a viewer, not for a terminal: "
                             f"give a file (e.g. {flag} chart.{flag[2:]}) or redirect stdout to one")
    console = make_console(no_color=no_color)
    columns = width or console.width  # COLUMNS held between MIN_WIDTH and MAX_WIDTH by make_console
    if series is not None:
        unused, several = given_flags((("--person", person), ("--tag", tag), ("--by", by), ("--limit", limit),
                                       ("--reverse", reverse)))
        if unused:  # said, not silently ignored: a series is drawn by year, not by event
            raise UsageError(f"--series draws one series by year; {unused} {'do' if several else 'does'} not apply "
                             "to it (--from, --to and --place do)")
        _series_chart(series, place=place, data=data, svg=svg, png=png, force=force, columns=columns,
                      styled=not console.no_color, console=console, bounds=date_bounds(since, until))
        return
    start, end = date_bounds(since, until)  # the chart's axis spans the range asked for
    store, events = select(data, since=since, until=until, place=place, person=person, tag=tag,
                           limit=limit, reverse=reverse)
    if not events:
        _nothing_drawn("no events match these filters", svg, png)
        return
    count = f"{len(events)} event{'s' if len(events) != 1 else ''}"
    if svg is not None or png is not None:
        from ..render.pictures import timeline_picture

        _check_targets((svg, png), force=force)
        pictures = timeline_picture(store, events, by=by, start=start, end=end, count=count,
                                    formats=[f for f, p in (("svg", svg), ("png", png)) if p is not None])
        _save_all(zip([p for p in (svg, png) if p is not None], pictures, strict=True), force=force,
                  what=f"the chart of {count}")
        return
    from ..render.chartview import chart_renderable

    rows = group_rows(store, events, by) if by else event_rows(events)
    picture = layout_chart(rows, start=start, end=end, width=columns,
                           subject=f"{count} by {by.value}" if by else count)
    console.width = columns
    console.print(chart_renderable(picture, styled=not console.no_color))


def _series_chart(name: str, *, place: list[str] | None, data: Path | None, svg: Path | None, png: Path | None,
                  force: bool, columns: int, styled: bool, console: Console,
                  bounds: tuple[date | None, date | None]) -> None:
    from ..fast import CAMP_SERIES
    from ..render.series import series_labels, series_points, series_renderable, series_source, series_title
    from ..store import load

    store = load(data)
    pid = None
    place = split_names(place)  # "karlag,norilsk" is two places, as for every other --place
    if place:
        if len(place) > 1:
            raise UsageError("--series draws one camp's counts at a time: give one --place")
        pid = resolved(store, place[0], kind=Kind.PLACE).entity.id
    elif name == CAMP_SERIES:  # every camp's counts in one row of bars would mean nothing
        raise UsageError(f"--series {CAMP_SERIES} draws one camp's yearly counts: give one --place "
                         "(e.g. --place karlag)")
    points, figures = series_points(store, name, place=pid)
    start, end = bounds
    # A figure dated by year or month is kept if its period overlaps the range, as an event is:
    # the count of 1953 stays in a chart --from 1953-03.
    lo, hi = start or date.min, end or date.max
    kept = [i for i, f in enumerate(figures) if f.date is not None and f.date.overlaps(lo, hi)]
    if not kept:  # an empty result of good filters, as an empty chart of events: exit 0
        where = f" for {store.places[pid].name if pid in store.places else pid}" if pid else ""
        when = f" between {start or 'its start'} and {end or 'its end'}" if start or end else ""
        _nothing_drawn(f"the series {name} has no figure{where}{when}", svg, png)
        return
    points, figures = [points[i] for i in kept], [figures[i] for i in kept]
    title = series_title(name, store.places[pid].name if pid in store.places else pid)
    unit = figures[0].unit
    labels = series_labels(figures)
    if svg is None and png is None:
        console.width = max(columns, console.width)  # --width past the terminal: the bars as asked, not wrapped
        console.print(series_renderable(points, labels, title=title, unit=unit, width=columns, styled=styled))
        return
    from ..render.plot import save, series_figure

    _check_targets((svg, png), force=force)
    yearly = all(f.date is not None and f.date.precision.value == "year" for f in figures)
    fig = series_figure(points, labels, title=title, unit=unit, source=series_source(figures), yearly=yearly)
    count = f"{len(points)} figure{'s' if len(points) != 1 else ''}"
    _save_all(((path, save(fig, fmt)) for path, fmt in ((svg, "svg"), (png, "png")) if path is not None),
              force=force, what=f"the series {name} ({count})")


def _nothing_drawn(why: str, svg: Path | None, png: Path | None) -> None:
    """An empty chart, as an empty calendar: said on stderr, naming any picture not written."""
    files = [str(p) for p in (svg, png) if p is not None and not is_stdout(p)]
    unwritten = f"; nothing to draw, so {' and '.join(files)} {'was' if len(files) == 1 else 'were'} not written"
    sys.stderr.write(message(f"{why}{unwritten if files else ''}") + "\n")


def _check_targets(paths: Iterable[Path | None], *, force: bool) -> None:
    """Every file named refused before any is drawn or written: with --png naming a file that is
    there already, the --svg file was written and then the run failed."""
    for path in paths:
        if path is not None and not is_stdout(path):
            check_target(path, force=force)


def _save_all(pictures: Iterable[tuple[Path, str | bytes]], *, force: bool, what: str) -> None:
    """Each picture to its file. A reader that quits early (a FIFO, `-`) ends the run quietly,
    but only once the other pictures are written: --svg to a FIFO lost the --png file."""
    gone: WriteFailed | None = None
    # A FIFO nobody reads fails only when written: before the files that would stay behind.
    for path, drawn in sorted(pictures, key=lambda pic: not written_in_place(pic[0])):
        try:
            _save(path, drawn, force=force, what=what)
        except WriteFailed as exc:
            gone = gone or exc
    if gone is not None:
        raise gone


def _save(path: Path, drawn: str | bytes, *, force: bool, what: str) -> None:
    """A picture to its file, written whole or not at all; `-` means stdout, as for `export -o -`."""
    if is_stdout(path):
        if isinstance(drawn, bytes):  # not a terminal (chart refuses one): the bytes as drawn
            sys.stdout.flush()
            out = BytesGate(sys.stdout.buffer)  # a full disk is one line and exit 1, as for text
            out.write(drawn)
            out.flush()
        else:
            sys.stdout.write(drawn)
        return
    write_atomic(path, drawn, force=force)
    sys.stderr.write(message(f"saved {what} to {path}") + "\n")
