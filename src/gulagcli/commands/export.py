"""`chart` and `export`: the selected events as a picture, or in the formats other tools read."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from ..cli import BomOpt, DataOpt, NoColorOpt, RawOpt, command_app
from ..files import is_stdout, write_atomic
from ..render.chart import MIN_WIDTH, GroupBy, event_rows, group_rows, layout_chart
from ..render.emit import MAX_WIDTH
from ..render.exports import ExportFormat, render_export
from ..render.output import CsvOptions, is_terminal
from ..render.records import event_records
from .browse import FromOpt, LimitOpt, PersonOpt, PlaceOpt, ReverseOpt, TagOpt, ToOpt, date_bounds, select

app = command_app()

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
    typer.Option("--svg", metavar="FILE", show_default=False,
                 help="Save the chart as an SVG picture in FILE instead of printing it."),
]
ExportFormatOpt = Annotated[
    ExportFormat,
    typer.Option("--format", "-f", case_sensitive=False, show_default=False,
                 help="What to write; the formats are listed above."),
]
OutputFileOpt = Annotated[
    Path | None,
    typer.Option("--output", "-o", metavar="FILE", show_default=False,
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
    force: ForceOpt = False,
    data: DataOpt = None,
    no_color: NoColorOpt = False,
) -> None:
    """Draw the events as a timeline chart, with the same filters as `timeline`.

    One row per event, or per place or tag with --by, under a date axis:
    █ a span, ◆ one day, ▒ a date known only to its month or year, and
    ░ how far an approximate (c.) or uncertain (?) date may reach.
    A legend under the chart explains the marks it shows.

    Examples:

      gulag chart --from 1953 --to 1956

      gulag chart --tag uprising --width 120

      gulag chart --by place --svg places.svg
    """
    start, end = date_bounds(since, until)  # the chart's axis spans the range asked for
    store, events = select(data, since=since, until=until, place=place, person=person, tag=tag,
                           limit=limit, reverse=reverse)
    if not events:
        sys.stderr.write("no events match these filters\n")
        return
    from ..render.chart import chart_renderable
    from ..render.emit import make_console

    console = make_console(no_color=no_color)
    columns = width or min(max(console.width, MIN_WIDTH), MAX_WIDTH)  # COLUMNS clamped as --width is
    rows = group_rows(store, events, by) if by else event_rows(events)
    count = f"{len(events)} event{'s' if len(events) != 1 else ''}"
    picture = layout_chart(rows, start=start, end=end, width=columns,
                           subject=f"{count} by {by.value}" if by else count)
    if svg is None:
        console.width = columns
        console.print(chart_renderable(picture, styled=not console.no_color))
        return
    import io

    from rich.console import Console

    recorder = Console(record=True, file=io.StringIO(), width=columns, force_terminal=True,
                       color_system="truecolor", no_color=no_color or console.no_color,
                       highlight=False, emoji=False, markup=False)
    recorder.print(chart_renderable(picture, styled=not recorder.no_color))
    if is_stdout(svg):  # `--svg -`: the picture to stdout, as `export -o -` does
        sys.stdout.write(recorder.export_svg(title="gulag chart"))
        return
    write_atomic(svg, recorder.export_svg(title="gulag chart"), force=force)
    sys.stderr.write(f"saved the chart of {count} to {svg}\n")


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

    timelinejs  Knight Lab TimelineJS3 JSON
    ics         iCalendar: all-day events over each date's strict bounds
    geojson     the events' places that have coordinates, as points
    csv         the same as `gulag timeline --format csv` (--raw, --bom)
    json        the same as `gulag timeline --json`

    Output goes to stdout, or with -o to FILE, written whole or not at
    all; an existing FILE is only replaced with --force.

    Examples:

      gulag export --format ics -o gulag.ics

      gulag export --format timelinejs --tag uprising -o uprisings.json

      gulag export --format geojson --from 1953 --to 1956
    """
    store, events = select(data, since=since, until=until, place=place, person=person, tag=tag,
                           limit=limit, reverse=reverse)
    records = event_records(store, events)
    to_stdout = is_stdout(output_file)
    # Indented on a terminal and in files, compact in a pipe, as `timeline --json` does.
    pretty = is_terminal(sys.stdout) if to_stdout else True
    result = render_export(fmt, store, events, records, pretty=pretty, csv=CsvOptions(raw=raw, bom=bom))
    if to_stdout:
        sys.stdout.write(result.text)
    else:
        assert output_file is not None
        write_atomic(output_file, result.text, force=force)
    for note in result.notes:
        sys.stderr.write(note + "\n")
    if not events:
        sys.stderr.write("no events match these filters\n")
    elif not to_stdout:
        sys.stderr.write(f"wrote {len(events)} event{'s' if len(events) != 1 else ''} "
                         f"as {fmt.value} to {output_file}\n")
