"""Listings of events streamed from the compiled store in batches: memory bounded by a batch.

Each batch is a list of records already encoded as compact JSON (exactly what
:func:`gulagcli.render.output.write_json` prints in a pipe), so JSON and JSONL are copied
through; CSV and plain lines are made by the same columns as the listing the plain path builds.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import IO, Any

from .output import CSV_SAFE, CsvOptions, OutputFormat, write_csv, write_plain


def stream_events(fmt: OutputFormat, batches: Iterable[list[str]], out: IO[str], csv: CsvOptions = CSV_SAFE) -> int:
    """Print events the way the listing of their records would, in compact JSON for ``json``;
    how many were printed (-1 for JSON, which is copied through uncounted)."""
    if fmt in (OutputFormat.JSON, OutputFormat.JSONL):
        _copy(fmt, batches, out.write, TEXT)
        return -1
    import json

    from .listings import events_listing  # its columns; JSON is copied through without them

    if fmt is OutputFormat.CSV:
        write_csv(events_listing([]), out, csv)  # the header (and BOM), even when nothing matches
    count = 0
    for batch in batches:
        listing = events_listing([json.loads(text) for text in batch])
        count += len(batch)
        if fmt is OutputFormat.CSV:
            write_csv(listing, out, csv, header=False)
        else:
            write_plain(listing, out)
    return count


TEXT, BYTES = ("[", ",", "]\n", "\n"), (b"[", b",", b"]\n", b"\n")


def copy_json(fmt: OutputFormat, batches: Iterable[list[bytes]], write: Callable[[bytes], object]) -> None:
    """JSON or JSONL of ready records given as UTF-8 bytes, written to the byte stream under
    stdout (``write``): the bytes :func:`stream_events` writes, without decoding the records into text and
    encoding them again (a third of `timeline --json`'s time on the bundled store)."""
    _copy(fmt, batches, write, BYTES)


def _copy(fmt: OutputFormat, batches: Iterable[list[Any]], write: Callable[[Any], object],
          tokens: tuple[Any, Any, Any, Any]) -> None:
    opening, comma, closing, newline = tokens
    if fmt is OutputFormat.JSON:
        write(opening)
        sep = opening[:0]
        for batch in batches:
            write(sep + comma.join(batch))
            sep = comma
        write(closing)
    else:
        for batch in batches:
            write(newline.join(batch) + newline)
