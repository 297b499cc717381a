"""Read one record of a store into its model: the field-by-field reader and one builder per kind.

The reader (:class:`_Reader`) is the authority on what is wrong with a record, in the project's
words; the fast builders of :mod:`gulagcli.fast` take well-formed records the quick way and
must give exactly what the reader gives.
"""

from __future__ import annotations

import math
import re
import sys
from collections.abc import Callable, Iterator
from typing import Any, NamedTuple

from .dates import parse_edtf
from .fast import (
    CAMP_SERIES,
    CAMP_TYPES,
    CHANGES,
    NOTE_KINDS,
    ORGANISED,
    PLACE_KINDS,
    event_fast,
    figure_fast,
    place_fast,
)
from .models import Change, Event, Figure, HistDate, Meta, Note, Person, Place, Source, Tag, Term

_intern = sys.intern
ID_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
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


class _Reader:
    """Typed access to one record's fields; every mismatch becomes a Problem, not an exception."""

    __slots__ = ("id", "index", "problems", "rec", "where")

    def __init__(self, rec: dict[str, Any], where: str, problems: list[Problem], index: int | None = None) -> None:
        # The path is "$.{where}[{index}]", or `where` itself without an index; it is only
        # written out for a problem, as most records have none.
        self.rec, self.where, self.index, self.problems = rec, where, index, problems
        raw_id = rec.get("id")
        self.id = raw_id if isinstance(raw_id, str) else None

    @property
    def path(self) -> str:
        return self.where if self.index is None else f"$.{self.where}[{self.index}]"

    def problem(self, field: str, message: str, *, integrity: bool = False) -> None:
        self.problems.append(Problem(f"{self.path}.{field}", message, self.id, integrity))

    def text(self, field: str, *, required: bool = True) -> str | None:
        value = self.rec.get(field)
        if type(value) is str and value and not value[0].isspace():  # the usual case, fast
            return value
        if value is None:
            if required:
                self.problem(field, "is missing" if field not in self.rec else "must be a string, not null")
            return None
        if not isinstance(value, str):
            self.problem(field, f"must be a string, not {kind_of(value)}")
            return None
        if not value.strip():
            self.problem(field, "is empty")
            return None
        return value

    def texts(self, field: str) -> tuple[str, ...]:
        value = self.rec.get(field)
        if value is None:
            return ()
        if type(value) is list:  # the usual case, checked in C: every item a non-blank string
            if not value:
                return ()
            try:
                "".join(value)  # TypeError unless every item is a string
            except TypeError:
                pass
            else:
                if all(value) and not any(map(str.isspace, value)):
                    # Ids recur in record after record: one copy of each in memory.
                    return tuple(map(_intern, value))
        if not isinstance(value, list):
            self.problem(field, f"must be a list of strings, not {kind_of(value)}")
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
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.problem(field, f"must be a number, not {kind_of(value)}")
            return None
        if isinstance(value, float) and not math.isfinite(value):
            self.problem(field, f"must be a finite number, not {'NaN' if value != value else 'infinity'}")
            return None
        if not isinstance(value, kind):
            self.problem(field, f"must be a whole number, not {value!r}")
            return None
        return value

    def flag(self, field: str, default: bool) -> bool:
        value = self.rec.get(field, default)
        if not isinstance(value, bool):
            self.problem(field, f"must be true or false, not {kind_of(value)}")
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


def kind_of(value: Any) -> str:
    """What a JSON value is, as a message names it: "a string", "null"."""
    return {dict: "an object", list: "a list", str: "a string", bool: "a boolean"}.get(
        type(value), "null" if value is None else "a number"
    )


# --- one builder per kind of record ---------------------------------------------------------


def build_meta(rec: Any, problems: list[Problem]) -> Meta:
    if not isinstance(rec, dict):
        problems.append(Problem("$.meta", f"must be an object, not {kind_of(rec)}"))
        rec = {}
    r = _Reader(rec, "$.meta", problems)
    return Meta(
        title=r.text("title", required=False) or None,
        version=r.text("version", required=False) or None,
        license=r.text("license", required=False) or None,
        description=r.text("description", required=False) or None,
    )




def _source(r: _Reader) -> Source:
    from .sources import build_source

    return build_source(r)


def _tag(r: _Reader) -> Tag:
    return Tag(id=r.id or "", label=r.text("label") or "", description=r.text("description") or "")


def _place(r: _Reader) -> Place:
    lat, lon = r.number("lat"), r.number("lon")
    if lat is not None and not -90 <= lat <= 90:
        r.problem("lat", f"{lat} is not a latitude")  # a shape problem: the schema says it too
        lat = None
    if lon is not None and not -180 <= lon <= 180:
        r.problem("lon", f"{lon} is not a longitude")
        lon = None
    if (r.rec.get("lat") is None) != (r.rec.get("lon") is None):  # a point needs both
        r.problem("lon" if r.rec.get("lon") is None else "lat", "lat and lon are given together or not at all")
    kind = r.text("kind") or "place"
    if kind not in PLACE_KINDS:  # json.md promises these five as `place_type`
        r.problem("kind", f"must be one of {', '.join(PLACE_KINDS)}")
    camp_type = r.text("camp_type", required=False)
    if camp_type is not None and camp_type not in CAMP_TYPES:
        r.problem("camp_type", f"must be one of {', '.join(CAMP_TYPES)}")
    organised = r.text("organised", required=False)
    if organised is not None and organised not in ORGANISED:
        r.problem("organised", f"must be one of {', '.join(ORGANISED)}")
    elif organised is not None and kind != "camp":  # a city or a country is not ordered into being
        r.problem("organised", f"is for camps only; this place's kind is {kind}")
    history = []
    for hr in _sub_readers(r, "history"):
        change = hr.text("change") or "renamed"
        if change not in CHANGES:
            hr.problem("change", f"must be one of {', '.join(CHANGES)}")
        history.append(Change(
            date=hr.date("date", required=True) or _NO_DATE, change=change, place=hr.text("place", required=False),
            note=hr.text("note", required=False), sources=hr.texts("sources"),
        ))
    return Place(
        id=r.id or "", name=r.text("name") or "", kind=kind,
        country=r.text("country") or "", names=r.texts("names"),
        cyrillic=r.text("cyrillic", required=False), complex=r.text("complex", required=False),
        modern_name=r.text("modern_name", required=False), region=r.text("region", required=False),
        lat=lat, lon=lon, summary=r.text("summary", required=False), sources=r.texts("sources"),
        camp_type=camp_type, dates=r.date("dates"), history=tuple(history), economy=r.texts("economy"),
        notes=_notes(r), area=r.text("area", required=False), organised=organised,
    )


def _objects(r: _Reader, field: str) -> list[dict[str, Any]]:
    """The objects of a list field (each non-object reported), [] when the field is absent."""
    raw = r.rec.get(field, [])
    if not isinstance(raw, list):
        r.problem(field, f"must be a list, not {kind_of(raw)}")
        return []
    good = []
    for i, item in enumerate(raw):
        if isinstance(item, dict):
            good.append(item)
        else:
            r.problem(f"{field}[{i}]", f"must be an object, not {kind_of(item)}")
    return good


def _sub_readers(r: _Reader, field: str) -> Iterator[_Reader]:
    """A reader for each object of a list field (notes, history), reporting under its record."""
    for i, raw in enumerate(_objects(r, field)):
        sub = _Reader(raw, f"{r.path}.{field}[{i}]", r.problems)
        sub.id = r.id
        yield sub


def _notes(r: _Reader) -> tuple[Note, ...]:
    notes = []
    for nr in _sub_readers(r, "notes"):
        kind = nr.text("kind") or "context"
        if kind not in NOTE_KINDS:
            nr.problem("kind", f"must be one of {', '.join(NOTE_KINDS)}")
        notes.append(Note(kind=kind, text=nr.text("text") or "", sources=nr.texts("sources")))
    return tuple(notes)


def _person(r: _Reader) -> Person:
    born, died = r.date("born"), r.date("died")
    if born is not None and died is not None and died.latest < born.earliest:
        r.problem("died", f"{died.edtf} is before born {born.edtf}")
    return Person(
        id=r.id or "", name=r.text("name") or "", role=r.text("role") or "",
        aliases=r.texts("aliases"), cyrillic=r.text("cyrillic", required=False),
        born=born, died=died, summary=r.text("summary", required=False),
        sources=r.texts("sources"), notes=_notes(r),
    )


def _term(r: _Reader) -> Term:
    return Term(
        id=r.id or "", term=r.text("term") or "", definition=r.text("definition") or "",
        aliases=r.texts("aliases"), cyrillic=r.text("cyrillic", required=False),
        sources=r.texts("sources"), notes=_notes(r),
    )


_NO_DATE = parse_edtf("0001")


def _event(r: _Reader) -> Event:
    notes = _notes(r)
    return Event(
        id=r.id or "", title=r.text("title") or "", date=r.date("date", required=True) or _NO_DATE,
        summary=r.text("summary") or "", sources=r.texts("sources"), aliases=r.texts("aliases"),
        description=r.text("description", required=False), places=r.texts("places"),
        people=r.texts("people"), terms=r.texts("terms"), tags=r.texts("tags"),
        related=r.texts("related"), notes=notes, verified=r.flag("verified", True),
    )




def _figure(r: _Reader) -> Figure:
    value, low, high = r.number("value", int), r.number("low", int), r.number("high", int)
    # A number given but refused above has been reported already; don't say it is missing too.
    refused = any(r.rec.get(f) is not None and n is None for f, n in (("value", value), ("low", low), ("high", high)))
    if value is None and (low is None or high is None):
        if not refused:
            r.problem("value", "a figure needs a value, or both low and high")
    elif value is not None and (low is not None or high is not None):
        r.problem("value", "give a value or a low-high range, not both")
    elif low is not None and high is not None and low > high:
        r.problem("low", f"low {low} is above high {high}", integrity=True)
    series, place, when = r.text("series", required=False), r.text("place", required=False), r.date("date")
    if series is not None and r.rec.get("date") is None:
        r.problem("date", "a figure in a series needs a date")
    if series == CAMP_SERIES and r.rec.get("place") is None:
        r.problem("place", f"a {CAMP_SERIES} figure needs the camp it counts")
    return Figure(
        id=r.id or "", event=r.text("event", required=False), what=r.text("what") or "",
        unit=r.text("unit") or "", reported_by=r.text("reported_by") or "",
        value=value, low=low, high=high, approximate=r.flag("approximate", False),
        date=when, note=r.text("note", required=False), sources=r.texts("sources"), place=place, series=series,
    )


MAKERS: dict[str, Callable[[_Reader], Any]] = {
    "sources": _source, "tags": _tag, "places": _place, "people": _person, "terms": _term,
    "events": _event, "figures": _figure,
}
# Sections large enough in big stores to deserve a fast path for well-formed records.
_FAST: dict[str, Callable[[dict[str, Any]], Any]] = {
    "events": event_fast, "places": place_fast, "figures": figure_fast,
}
