"""Find, read and check a store, and build the indexed :class:`Store` the commands query."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, NamedTuple

from .dates import parse_edtf
from .errors import DataError
from .models import Event, Figure, HistDate, Meta, Note, Person, Place, Source, Store, Tag, Term

ENV_VAR = "GULAG_DATA"
MAX_BYTES = 2 * 1024**3  # a store past 2 GiB is refused before it is read into memory
ID_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
NOTE_KINDS = ("discrepancy", "uncertainty", "context")
SECTIONS = ("sources", "tags", "places", "people", "terms", "events", "figures")


class Problem(NamedTuple):
    """One thing wrong with a store: where (JSON path and record id) and what."""

    path: str
    message: str
    record: str | None = None
    integrity: bool = False  # False: a shape problem a JSON Schema also catches

    def __str__(self) -> str:
        where = f"{self.path} ({self.record})" if self.record else self.path
        return f"{where}: {self.message}"


def bundled_path() -> Path:
    """The store shipped in the wheel, or the repository's ``data/`` in a source checkout."""
    # Beside this module in an installed wheel; importlib.resources would say the same for a
    # package on disk, at the price of importing it (milliseconds of every start-up).
    packaged = Path(__file__).with_name("data") / "events.json"
    if packaged.is_file():
        return packaged
    return Path(__file__).resolve().parents[2] / "data" / "events.json"


def schema_path() -> Path:
    return bundled_path().with_name("schema.json")


def locate(data: Path | None) -> Path:
    """``--data`` wins, then ``$GULAG_DATA``, then the bundled store."""
    if data is not None:
        return data
    env = os.environ.get(ENV_VAR)
    return Path(env) if env else bundled_path()


def read_json(path: Path) -> Any:
    """Read a JSON file, turning every way it can fail into one-line DataErrors."""
    try:
        if path.is_dir():
            raise DataError(f"{path}: is a directory, not a store file")
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise DataError(f"{path}: {size} bytes is larger than the {MAX_BYTES} a store may have")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise DataError(f"{path}: no such file; pass a store with --data or ${ENV_VAR}") from None
    except PermissionError:
        raise DataError(f"{path}: permission denied") from None
    except OSError as exc:
        raise DataError(f"{path}: cannot read ({exc.strerror or exc})") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DataError(f"{path}: not UTF-8 (bad byte at offset {exc.start})") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise DataError(f"{path}: invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}") from None
    except RecursionError:
        raise DataError(f"{path}: JSON nested too deeply to be a store") from None


def load(data: Path | None = None) -> Store:
    """Locate, read and check a store; raise DataError naming the first problems."""
    path = locate(data)
    store, problems = build(read_json(path), path=str(path))
    if problems:
        more = f" (and {len(problems) - 1} more; run `gulag validate {path}`)" if len(problems) > 1 else ""
        raise DataError(f"{path}: invalid store: {problems[0]}{more}")
    assert store is not None
    return store


# --- building -----------------------------------------------------------------------------


class _Reader:
    """Typed access to one record's fields; every mismatch becomes a Problem, not an exception."""

    def __init__(self, rec: dict[str, Any], path: str, problems: list[Problem]) -> None:
        self.rec, self.path, self.problems = rec, path, problems
        raw_id = rec.get("id")
        self.id = raw_id if isinstance(raw_id, str) else None

    def problem(self, field: str, message: str, *, integrity: bool = False) -> None:
        self.problems.append(Problem(f"{self.path}.{field}", message, self.id, integrity))

    def text(self, field: str, *, required: bool = True) -> str | None:
        value = self.rec.get(field)
        if value is None:
            if required:
                self.problem(field, "is missing")
            return None
        if not isinstance(value, str):
            self.problem(field, f"must be a string, not {_kind(value)}")
            return None
        if not value.strip():
            self.problem(field, "is empty")
            return None
        return value

    def texts(self, field: str) -> tuple[str, ...]:
        value = self.rec.get(field, [])
        if not isinstance(value, list):
            self.problem(field, f"must be a list of strings, not {_kind(value)}")
            return ()
        good = []
        for i, item in enumerate(value):
            if isinstance(item, str) and item.strip():
                good.append(item)
            else:
                self.problem(f"{field}[{i}]", "must be a non-empty string")
        return tuple(good)

    def number(self, field: str, kind: type | tuple[type, ...] = (int, float)) -> Any:
        value = self.rec.get(field)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, kind):
            self.problem(field, f"must be a number, not {_kind(value)}")
            return None
        return value

    def flag(self, field: str, default: bool) -> bool:
        value = self.rec.get(field, default)
        if not isinstance(value, bool):
            self.problem(field, f"must be true or false, not {_kind(value)}")
            return default
        return value

    def date(self, field: str, *, required: bool = False) -> HistDate | None:
        value = self.text(field, required=required)
        if value is None:
            return None
        try:
            return parse_edtf(value)
        except ValueError as exc:
            self.problem(field, str(exc), integrity=True)
            return None


def _kind(value: Any) -> str:
    return {dict: "an object", list: "a list", str: "a string", bool: "a boolean"}.get(
        type(value), "null" if value is None else "a number"
    )


def _records(
    raw: dict[str, Any], section: str, problems: list[Problem], seen: dict[str, str]
) -> Iterable[_Reader]:
    items = raw.get(section, [])
    if not isinstance(items, list):
        problems.append(Problem(f"$.{section}", f"must be a list, not {_kind(items)}"))
        return
    for i, rec in enumerate(items):
        path = f"$.{section}[{i}]"
        if not isinstance(rec, dict):
            problems.append(Problem(path, f"must be an object, not {_kind(rec)}"))
            continue
        reader = _Reader(rec, path, problems)
        if reader.id is None:
            reader.problem("id", "is missing or not a string")
            continue
        if not ID_RE.fullmatch(reader.id):
            reader.problem("id", "must be lowercase letters, digits and single hyphens")
        if reader.id in seen:
            reader.problem("id", f"duplicate id (also used at {seen[reader.id]})", integrity=True)
            continue
        seen[reader.id] = path
        yield reader


def _section(
    raw: dict[str, Any], name: str, problems: list[Problem], seen: dict[str, str],
    make: Callable[[_Reader], Any],
) -> dict[str, tuple[_Reader, Any]]:
    return {r.id: (r, make(r)) for r in _records(raw, name, problems, seen) if r.id}


def build(raw: Any, *, path: str = "") -> tuple[Store | None, list[Problem]]:
    """Check a decoded store and build it. Returns the store (None if unusable) and every problem."""
    if not isinstance(raw, dict):
        return None, [Problem("$", f"a store must be a JSON object, not {_kind(raw)}")]
    problems: list[Problem] = []
    if "events" not in raw:
        problems.append(Problem("$.events", "is missing"))
    seen: dict[str, str] = {}  # ids are unique across all kinds, so a name resolves to one thing
    meta = _meta(raw.get("meta", {}), problems)
    built = {
        # Tags are a vocabulary of their own, not things `show` resolves: their ids may repeat a term's.
        name: _section(raw, name, problems, {} if name == "tags" else seen, make)
        for name, make in (
            ("sources", _source), ("tags", _tag), ("places", _place), ("people", _person),
            ("terms", _term), ("events", _event), ("figures", _figure),
        )
    }
    index = {name: {k: model for k, (_, model) in recs.items()} for name, recs in built.items()}
    for recs in built.values():
        for reader, model in recs.values():
            _check_refs(reader, model, index)
    store = Store(
        meta=meta,
        events=sorted(index["events"].values(), key=lambda e: (e.date.start, e.date.end, e.id)),
        places=index["places"], people=index["people"], terms=index["terms"],
        figures=index["figures"], sources=index["sources"], tags=index["tags"],
        by_id=index["events"], path=path,
    )
    return store, problems


# The section each reference field of a record points into.
_REF_FIELDS = {
    "places": "places", "people": "people", "terms": "terms", "tags": "tags",
    "related": "events", "sources": "sources",
}


def _check_refs(reader: _Reader, model: Any, index: dict[str, dict[str, Any]]) -> None:
    for field, section in _REF_FIELDS.items():
        for i, ref in enumerate(getattr(model, field, ()) if field in model._fields else ()):
            if ref not in index[section]:
                reader.problem(f"{field}[{i}]", f"no {section[:-1]} with id {ref!r}", integrity=True)
    for n, note in enumerate(getattr(model, "notes", ())):
        for i, ref in enumerate(note.sources):
            if ref not in index["sources"]:
                reader.problem(f"notes[{n}].sources[{i}]", f"no source with id {ref!r}", integrity=True)
    if isinstance(model, Figure) and model.event is not None and model.event not in index["events"]:
        reader.problem("event", f"no event with id {model.event!r}", integrity=True)
    if isinstance(model, (Event, Figure)) and not model.sources:
        reader.problem("sources", "needs at least one source", integrity=True)


# --- one builder per kind of record ---------------------------------------------------------


def _meta(rec: Any, problems: list[Problem]) -> Meta:
    if not isinstance(rec, dict):
        problems.append(Problem("$.meta", f"must be an object, not {_kind(rec)}"))
        rec = {}
    r = _Reader(rec, "$.meta", problems)
    return Meta(
        title=r.text("title", required=False) or "Untitled store",
        version=r.text("version", required=False) or "0",
        license=r.text("license", required=False) or "unknown",
        description=r.text("description", required=False) or "",
    )


def _source(r: _Reader) -> Source:
    year = r.number("year", int)
    return Source(
        id=r.id or "", title=r.text("title") or "", kind=r.text("kind") or "web",
        url=r.text("url", required=False), author=r.text("author", required=False),
        publisher=r.text("publisher", required=False), year=year,
    )


def _tag(r: _Reader) -> Tag:
    return Tag(id=r.id or "", label=r.text("label") or "", description=r.text("description") or "")


def _place(r: _Reader) -> Place:
    lat, lon = r.number("lat"), r.number("lon")
    if lat is not None and not -90 <= lat <= 90:
        r.problem("lat", f"{lat} is not a latitude", integrity=True)
        lat = None
    if lon is not None and not -180 <= lon <= 180:
        r.problem("lon", f"{lon} is not a longitude", integrity=True)
        lon = None
    return Place(
        id=r.id or "", name=r.text("name") or "", kind=r.text("kind") or "place",
        country=r.text("country") or "", names=r.texts("names"),
        cyrillic=r.text("cyrillic", required=False), complex=r.text("complex", required=False),
        modern_name=r.text("modern_name", required=False), region=r.text("region", required=False),
        lat=lat, lon=lon, summary=r.text("summary", required=False), sources=r.texts("sources"),
    )


def _person(r: _Reader) -> Person:
    return Person(
        id=r.id or "", name=r.text("name") or "", role=r.text("role") or "",
        aliases=r.texts("aliases"), cyrillic=r.text("cyrillic", required=False),
        born=r.date("born"), died=r.date("died"), summary=r.text("summary", required=False),
        sources=r.texts("sources"),
    )


def _term(r: _Reader) -> Term:
    return Term(
        id=r.id or "", term=r.text("term") or "", definition=r.text("definition") or "",
        aliases=r.texts("aliases"), cyrillic=r.text("cyrillic", required=False),
        sources=r.texts("sources"),
    )


_NO_DATE = parse_edtf("0001")


def _event(r: _Reader) -> Event:
    notes = []
    raw_notes = r.rec.get("notes", [])
    if not isinstance(raw_notes, list):
        r.problem("notes", f"must be a list, not {_kind(raw_notes)}")
        raw_notes = []
    for i, raw in enumerate(raw_notes):
        if not isinstance(raw, dict):
            r.problem(f"notes[{i}]", f"must be an object, not {_kind(raw)}")
            continue
        nr = _Reader(raw, f"{r.path}.notes[{i}]", r.problems)
        nr.id = r.id
        kind = nr.text("kind") or "context"
        if kind not in NOTE_KINDS:
            nr.problem("kind", f"must be one of {', '.join(NOTE_KINDS)}")
        notes.append(Note(kind=kind, text=nr.text("text") or "", sources=nr.texts("sources")))
    return Event(
        id=r.id or "", title=r.text("title") or "", date=r.date("date", required=True) or _NO_DATE,
        summary=r.text("summary") or "", sources=r.texts("sources"), aliases=r.texts("aliases"),
        description=r.text("description", required=False), places=r.texts("places"),
        people=r.texts("people"), terms=r.texts("terms"), tags=r.texts("tags"),
        related=r.texts("related"), notes=tuple(notes), verified=r.flag("verified", True),
    )


def _figure(r: _Reader) -> Figure:
    value, low, high = r.number("value", int), r.number("low", int), r.number("high", int)
    if value is None and (low is None or high is None):
        r.problem("value", "a figure needs a value, or both low and high")
    elif value is not None and (low is not None or high is not None):
        r.problem("value", "give a value or a low-high range, not both")
    elif low is not None and high is not None and low > high:
        r.problem("low", f"low {low} is above high {high}", integrity=True)
    return Figure(
        id=r.id or "", event=r.text("event", required=False), what=r.text("what") or "",
        unit=r.text("unit") or "", reported_by=r.text("reported_by") or "",
        value=value, low=low, high=high, approximate=r.flag("approximate", False),
        date=r.date("date"), note=r.text("note", required=False), sources=r.texts("sources"),
    )
