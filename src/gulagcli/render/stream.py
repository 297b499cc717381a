"""Listings of events streamed from the compiled store in batches: memory bounded by a batch.

Each batch is a list of records already encoded as compact JSON (exactly what
:func:`gulagcli.render.output.write_json` prints in a pipe), so JSON and JSONL are copied
through; CSV and plain lines are made by the same columns as the listing the plain path builds.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO

from .output import CSV_SAFE, CsvOptions, OutputFormat, write_csv, write_plain


def stream_events(fmt: OutputFormat, batches: Iterable[list[str]], out: IO[str], csv: CsvOptions = CSV_SAFE) -> None:
    """Print events the way the listing of their records would, in compact JSON for ``json``."""
    if fmt is OutputFormat.JSON:
        out.write("[")
        sep = ""
        for batch in batches:
            out.write(sep + ",".join(batch))
            sep = ","
        out.write("]\n")
    elif fmt is OutputFormat.JSONL:
        for batch in batches:
            out.write("\n".join(batch) + "\n")
    else:
        import json

        from .listings import events_listing  # its columns; JSON is copied through without them

        if fmt is OutputFormat.CSV:
            write_csv(events_listing([]), out, csv)  # the header (and BOM), even when nothing matches
        for batch in batches:
            listing = events_listing([json.loads(text) for text in batch])
            if fmt is OutputFormat.CSV:
                write_csv(listing, out, csv, header=False)
            else:
                write_plain(listing, out)
