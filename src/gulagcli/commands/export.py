"""`export`: the selected events in the formats other tools read."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from ..cli import BomOpt, DataOpt, RawOpt, command_app
from ..errors import UsageError
from ..files import is_stdout, write_atomic
from ..render.emit import csv_options
from ..render.exports import ExportFormat, render_export
from ..render.output import is_terminal
from ..render.records import event_records
from ..render.safe import message, terminal
from .browse import FromOpt, LimitOpt, PersonOpt, PlaceOpt, ReverseOpt, TagOpt, ToOpt, select

app = command_app()


def file_name(value: str) -> Path:
    """An output file's name as typed: ``out/`` names a directory, which pathlib would silently
    turn into a file ``out``."""
    if not value.strip():  # "" or " ": no name a user means
        raise typer.BadParameter("is empty; give a file name, or - for stdout")
    if value.endswith(("/", os.sep)) and value != "/dev/stdout":
        raise typer.BadParameter(f"{value} names a directory; give a file name")
    return Path(value)


ForceOpt = Annotated[bool, typer.Option("--force", help="Overwrite FILE if it exists.")]
ExportFormatOpt = Annotated[
    ExportFormat,
    typer.Option("--format", "-f", case_sensitive=False, show_default=False,
                 help="What to write; the formats are listed above."),
]
OutputFileOpt = Annotated[
    Path | None,
    typer.Option("--output", "-o", metavar="FILE", parser=file_name, show_default=False, readable=False,
                 help="Write to FILE (all at once, through a temporary file) instead of stdout."),
]

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
    if not events and not to_stdout:  # an empty export would replace a file (--force) with nothing
        sys.stderr.write(message(f"no events match these filters, so {output_file} was not written") + "\n")
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
        sys.stderr.write(message(f"wrote {result.wrote} to {output_file}") + "\n")
