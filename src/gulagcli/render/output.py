"""The one place that turns a result into bytes on stdout, for every output format."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from enum import Enum
from functools import cache
from typing import IO, TYPE_CHECKING, Any, NamedTuple

from .safe import csv_cell, json_safe, json_unsafe_utf8, terminal

if TYPE_CHECKING:
    from .records import Record


class OutputFormat(str, Enum):
    """``table`` on a terminal, ``plain`` (tab-separated lines) when piped, unless asked."""

    TABLE = "table"
    PLAIN = "plain"
    JSON = "json"
    JSONL = "jsonl"
    CSV = "csv"


class DetailFormat(str, Enum):
    """The formats one record (`show`, `about`) can be written in: all but csv."""

    TABLE = "table"
    PLAIN = "plain"
    JSON = "json"
    JSONL = "jsonl"


# What `verified: false` means, in the words every output gives the † marker.
UNVERIFIED = "not yet confirmed by an independent reference"
# A camp's `organised` (ordered, but by Memorial's handbook not set up) in words: "organised: never".
UNORGANISED = {"no": "never", "apparently not": "apparently never", "perhaps not": "perhaps never"}
MAX_LIMIT = 10_000_000  # the most records `--limit` may ask a listing for


def printable(text: str, *, newlines: bool = False) -> str:
    """Data made safe for a terminal: control characters shown as escapes, never obeyed."""
    return terminal(text, newlines=newlines)


class Column(NamedTuple):
    """One column of a listing, and in which of table, plain and CSV output it appears."""

    header: str
    value: Callable[[Record], Any]
    formats: frozenset[OutputFormat] = frozenset(
        {OutputFormat.TABLE, OutputFormat.PLAIN, OutputFormat.CSV}
    )
    style: str | Callable[[Record], str] | None = None
    # In a table: 0 keeps the cell on one line at full width (dates, ids); N > 0 wraps long
    # text, N being the column's share of the width left over.
    ratio: int = 0
    label: str = ""  # the table's header, when it differs from the CSV header
    # Where a listing falls back to blocks (too narrow for columns), a count is shown after its
    # title ("Events: 2") on a line of its own: a bare number at the end of a line says nothing.
    labelled: bool = False

    @property
    def title(self) -> str:
        return self.label or self.header


TABLE_ONLY = frozenset({OutputFormat.TABLE})
PLAIN_CSV = frozenset({OutputFormat.PLAIN, OutputFormat.CSV})
CSV_ONLY = frozenset({OutputFormat.CSV})
PLAIN_ONLY = frozenset({OutputFormat.PLAIN})


class Listing(NamedTuple):
    """Records with the columns that present them; what every listing command produces."""

    records: list[Record]
    columns: list[Column]
    title: str = ""
    caption: str = ""
    notes: tuple[str, ...] = ()  # shown under a table

    def cells(self, fmt: OutputFormat) -> tuple[list[Column], list[list[str]]]:
        cols = [c for c in self.columns if fmt in c.formats]
        return cols, [[_cell(c.value(r)) for c in cols] for r in self.records]


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (list, tuple)):
        return "; ".join(_cell(v) for v in value)
    return str(value)


def write_json(data: Any, out: IO[str], *, pretty: bool) -> None:
    """JSON straight to ``out``, never through Rich; indented on a terminal, compact in a pipe."""
    out.write(dumps(data, pretty=pretty) + "\n")


def dumps(data: Any, *, pretty: bool) -> str:
    """JSON text as every command writes it: UTF-8 kept readable, controls and bidi characters
    as ``\\uXXXX`` (see :func:`gulagcli.render.safe.json_safe`)."""
    if pretty:
        import json  # here, not at start-up: `timeline --json` copies ready JSON and never encodes

        return json_safe(json.dumps(data, ensure_ascii=False, indent=2))
    return encode_compact(data)


# One record as compact JSON: what write_json prints in a pipe (joined by commas) and
# write_jsonl prints per line; the compiled store keeps each event's record in this form.
@cache
def _encoder() -> Callable[[object], str]:
    import json

    return json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def encode_compact(record: object) -> str:
    """One record as compact JSON with controls and bidi characters as \\uXXXX."""
    return json_safe(_encoder()(record))


class FloatFreeEncoder:
    """:func:`encode_compact` for records with no float in them (event records: their numbers
    are counts and years), much faster on the compile's hundreds of thousands of records; a part
    that recurs in many records (a source) can be encoded once, as a fragment placed as it is.

    msgspec writes str, int, bool, None, lists and dicts exactly as the standard encoder does
    (tests/test_compile_paths.py holds them to it); it writes floats differently (``1e16`` for
    ``1e+16``), so a record with coordinates must never come here. What msgspec refuses (a lone
    surrogate) the standard encoder writes, from the record ``remake`` gives without fragments.
    Without msgspec (the wheel's build hook compiles the bundled store in pip's build environment,
    which has the standard library alone) the standard encoder writes everything."""

    def __init__(self) -> None:
        try:
            import msgspec
        except ImportError:
            self._msgspec: Any = None
            return
        self._msgspec, self._encode = msgspec, msgspec.json.Encoder().encode
        self._refused = (ValueError, TypeError, msgspec.EncodeError)

    def fragment(self, part: Record) -> object:
        """``part`` encoded once, for records to hold as it is; ``part`` itself if msgspec refuses it."""
        if self._msgspec is None:
            return part
        try:
            return self._msgspec.Raw(self._encode(part))
        except self._refused:
            return part

    def row(self, record: object, remake: Callable[[], object] | None = None) -> str | bytes:
        """``record`` as the compiled store keeps it: msgspec's UTF-8 as it is, where it holds
        nothing :func:`json_safe` escapes (SQLite takes it as text through ``CAST(? AS TEXT)``),
        else the escaped text. Decoding a rich store's 400 MB of records to str, and SQLite
        encoding them back, took more of a compile than checking the bytes."""
        if self._msgspec is None:
            return encode_compact(record)
        try:
            data: bytes = self._encode(record)
        except self._refused:
            return encode_compact(record if remake is None else remake())
        return json_safe(data.decode()) if json_unsafe_utf8(data) else data


def write_jsonl(records: Iterable[Record], out: IO[str]) -> None:
    out.writelines(encode_compact(r) + "\n" for r in records)


class CsvOptions(NamedTuple):
    """``raw``: cells exactly as stored, formulas and all; ``bom``: a UTF-8 byte order mark first."""

    raw: bool = False
    bom: bool = False


CSV_SAFE = CsvOptions()


def write_csv(listing: Listing, out: IO[str], options: CsvOptions = CSV_SAFE, *, header: bool = True) -> None:
    """RFC 4180 CSV; cells a spreadsheet would run as formulas are neutralised unless ``raw``.

    ``header`` False continues a CSV already begun (a streamed batch): no header, no BOM.
    """
    import csv

    cols, rows = listing.cells(OutputFormat.CSV)
    if options.bom and header:
        out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    # On a terminal the data's own escape sequences (colour, hidden text) are shown, not obeyed:
    # the gate keeps only the program's colours, and CSV has none.
    seen = printable if is_terminal(out) else str
    if header:
        writer.writerow([csv_cell(c.header, raw=options.raw) for c in cols])
    writer.writerows([seen(csv_cell(v, raw=options.raw)) for v in row] for row in rows)


def write_plain(listing: Listing, out: IO[str]) -> None:
    """Tab-separated lines, no header, no colour, nothing truncated: for grep, cut and awk."""
    _, rows = listing.cells(OutputFormat.PLAIN)
    out.writelines("\t".join(printable(v).replace("\t", " ") for v in row) + "\n" for row in rows)


def is_terminal(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def resolve_format(fmt: OutputFormat | None, as_json: bool, out: IO[str] | None = None) -> OutputFormat:
    if as_json:
        return OutputFormat.JSON
    if fmt is not None:
        return fmt
    return OutputFormat.TABLE if is_terminal(out or sys.stdout) else OutputFormat.PLAIN
