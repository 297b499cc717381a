"""`validate`: check a store against the schema and the integrity rules."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..cli import BomOpt, DataOpt, FormatOpt, JsonOpt, NoColorOpt, RawOpt, command_app, output, store_path
from ..errors import DataError, UsageError
from ..render.output import Column, Listing
from ..validate import check_file

app = command_app()


@app.command()
def validate(
    file: Annotated[
        Path | None,
        typer.Argument(metavar="[FILE]", show_default=False, readable=False, parser=store_path,
                       help="The store to check (default: $GULAG_DATA, then the bundled store)."),
    ] = None,
    data: DataOpt = None,
    fmt: FormatOpt = None,
    as_json: JsonOpt = False,
    no_color: NoColorOpt = False,
    raw: RawOpt = False, bom: BomOpt = False,
) -> None:
    """Check a store against data/schema.json and the integrity rules, reporting every problem.

    Integrity rules: ids unique across the store, every reference resolves, dates are valid
    EDTF, every event and figure has a source, no empty text. Exits 5 when there are problems.
    Warns (on stderr, without failing) about a source lacking the date or author its kind needs.

    Examples:

      gulag validate --json

      gulag validate my-store.json
    """
    if file is not None and data is not None:
        raise UsageError("give the store to check once: as FILE or with --data")
    file = file if file is not None else data  # `--data FILE`, as every other command takes it
    out = output(fmt, as_json, no_color, raw=raw, bom=bom)
    path, problems, warnings = check_file(file)
    for w in warnings:
        out.message(f"warning: {w}")
    rows = [{"path": p.path, "record": p.record, "message": p.message} for p in problems]
    cols = [Column("path", lambda r: r["path"]), Column("record", lambda r: r["record"]),
            Column("message", lambda r: r["message"], ratio=1)]
    out.listing(Listing(rows, cols, title=f"{len(rows)} problems in {path}"), empty="")
    if problems:
        raise DataError(f"{path}: {len(problems)} problem{'s' if len(problems) > 1 else ''} found")
    out.message(f"{path}: valid")
