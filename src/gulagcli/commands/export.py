"""`chart` and `export`: the selected events as a picture, or in the formats other tools read."""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..cli import BomOpt, DataOpt, NoColorOpt, RawOpt, command_app
from ..errors import UsageError, given_flags
from ..files import is_stdout, write_atomic
from ..models import Kind
from ..query import split_names
from ..render.chart import GroupBy, event_rows, group_rows, layout_chart
from ..render.emit import csv_options
from ..render.exports import ExportFormat, render_export
from ..render.output import is_terminal
from ..render.records import event_records
from ..render.safe import BytesGate, WriteFailed, terminal
from ..render.term import MAX_WIDTH, MIN_WIDTH
from . import resolved
from .browse import FromOpt, LimitOpt, PersonOpt, PlaceOpt, ReverseOpt, TagOpt, ToOpt, select
from .fast import date_bounds

if TYPE_CHECKING:
    from collections.abc import Iterable

    from rich.console import Console

app = command_app()


def _file_name(value: str) -> Path:
    """An output file's name as typed: ``out/`` names a directory, which pathlib would silently
    turn into a file ``out``."""
    if not value.strip():  # "" or " ": no name a user means
        raise typer.BadParameter("is empty; give a file name, or - for stdout")
    if value.endswith(("/", os.sep)) and value != "/dev/stdout":
        raise typer.BadParameter(f"{value} names a directory; give a file name")
    return Path(value)


ForceOpt = Annotated[bool, typer.Option("--force", help="Overwrite FILE if it exists.")]
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
    typer.Option("--svg", metavar="FILE", parser=_file_name, show_default=False, readable=False,
                 help="Save the chart as an SVG picture in FILE instead of printing it (needs gulag\\[charts])."),
]
PngOpt = Annotated[
    Path | None,
    typer.Option("--png", metavar="FILE", parser=_file_name, show_default=False, readable=False,
                 help="Save the chart as a PNG picture in FILE instead of printing it (needs gulag\\[charts])."),
]
SeriesOpt = Annotated[
    str | None,
    typer.Option("--series", metavar="NAME", show_default=False,
                 help="Draw a population series as bars: gulag-deaths, gulag-camps, or camp-population "
                      "with --place (gulag-colonies in a store that has it; the bundled one has none yet)."),
]
ExportFormatOpt = Annotated[
    ExportFormat,
    typer.Option("--format", "-f", case_sensitive=False, show_default=False,
                 help="What to write; the formats are listed above."),
]
OutputFileOpt = Annotated[
    Path | None,
    typer.Option("--output", "-o", metavar="FILE", parser=_file_name, show_default=False, readable=False,
                 help="Write to FILE (all at once, through a temporary file) instead of stdout."),
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
    from ..camps import CAMP_SERIES
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
        _nothing_drawn(f"the series {name} has no figure between {start or 'its start'} and {end or 'its end'}",
                       svg, png)
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

    yearly = all(f.date is not None and f.date.precision.value == "year" for f in figures)
    fig = series_figure(points, labels, title=title, unit=unit, source=series_source(figures), yearly=yearly)
    count = f"{len(points)} figure{'s' if len(points) != 1 else ''}"
    _save_all(((path, save(fig, fmt)) for path, fmt in ((svg, "svg"), (png, "png")) if path is not None),
              force=force, what=f"the series {name} ({count})")


def _nothing_drawn(why: str, svg: Path | None, png: Path | None) -> None:
    """An empty chart, as an empty calendar: said on stderr, naming any picture not written."""
    files = [str(p) for p in (svg, png) if p is not None and not is_stdout(p)]
    unwritten = f"; nothing to draw, so {' and '.join(files)} {'was' if len(files) == 1 else 'were'} not written"
    sys.stderr.write(f"{why}{unwritten if files else ''}\n")


def _save_all(pictures: Iterable[tuple[Path, str | bytes]], *, force: bool, what: str) -> None:
    """Each picture to its file. A reader that quits early (a FIFO, `-`) ends the run quietly,
    but only once the other pictures are written: --svg to a FIFO lost the --png file."""
    gone: WriteFailed | None = None
    for path, drawn in pictures:
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
    sys.stderr.write(f"saved {what} to {path}\n")


@app.command("export")
def export_events(
    fmt: ExportFormatOpt,
    output_file: OutputFileOpt = None,
    force: ForceOpt = False,
    since: FromOpt = None,
    until: ToOpt = None,
    place: PlaceOpt = None,
    person: PersonOpt = None,
    tag: TagOpt = None,
    limit: LimitOpt = None,
    reverse: ReverseOpt = False,
    data: DataOpt = None,
    raw: RawOpt = False,
    bom: BomOpt = False,
) -> None:
    """Export events for other tools, with the same filters as `timeline`.

    Formats:
      timelinejs  Knight Lab TimelineJS3 JSON, with eras
      ics         iCalendar: all-day events; one over 92 days marks its ends
      geojson     a feature per event and per place (null geometry if unlocated)
      csv         the same as `gulag timeline --format csv` (--raw, --bom)
      json        the same as `gulag timeline --json`
      html        one page that works offline: timeline, map and search

    Output goes to stdout, or with -o to FILE, written whole or not at
    all; an existing FILE is only replaced with --force.

    Examples:

      gulag export --format ics -o gulag.ics

      gulag export --format timelinejs --tag uprising -o uprisings.json

      gulag export --format geojson --from 1953 --to 1956

      gulag export --format html -o gulag.html

    See docs/exports.md for what each format holds.
    """
    csv = csv_options(fmt is ExportFormat.CSV, raw=raw, bom=bom)
    to_stdout = is_stdout(output_file)
    if fmt is ExportFormat.HTML and to_stdout and is_terminal(sys.stdout):
        # Megabytes of HTML and JavaScript are no use on a screen, and take long to scroll past.
        raise UsageError("the html page is a file for a browser, not for a terminal: "
                         "give -o FILE (e.g. -o gulag.html) or redirect stdout to a file")
    store, events = select(data, since=since, until=until, place=place, person=person, tag=tag,
                           limit=limit, reverse=reverse)
    records = event_records(store, events)
    # Indented on a terminal and in files, compact in a pipe, as `timeline --json` does.
    pretty = is_terminal(sys.stdout) if to_stdout else True
    everything = not any(x for x in (since, until, place, person, tag, limit))
    if fmt is ExportFormat.ICS and not events:  # RFC 5545: a calendar holds at least one event
        sys.stderr.write("no events match these filters; a calendar needs at least one, so none was written\n")
        return
    result = render_export(fmt, store, events, records, pretty=pretty, every_place=everything,
                           csv=csv)
    if to_stdout:
        # On a terminal, a record's escape sequences are shown, not obeyed (CSV and ICS carry
        # the data's text as it is; the gate keeps colour, and these formats have none).
        shown = is_terminal(sys.stdout)
        sys.stdout.write(terminal(result.text.replace("\r\n", "\n"), newlines=True, tabs=True) if shown
                         else result.text)
    else:
        assert output_file is not None
        write_atomic(output_file, result.text, force=force)
    for note in result.notes:
        sys.stderr.write(note + "\n")
    if not events:
        sys.stderr.write("no events match these filters\n")
    elif not to_stdout:
        sys.stderr.write(f"wrote {result.wrote} to {output_file}\n")
