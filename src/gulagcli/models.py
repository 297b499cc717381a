"""Frozen value objects for the store. No I/O, no terminal, no parsing."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import Enum


class Precision(str, Enum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    DECADE = "decade"


class Kind(str, Enum):
    """The kinds of entity a name can resolve to, in the order ``show`` prefers them."""

    EVENT = "event"
    PERSON = "person"
    PLACE = "place"
    TERM = "term"
    FIGURE = "figure"
    SOURCE = "source"


@dataclass(frozen=True, slots=True)
class HistDate:
    """A stored EDTF date with its strict bounds and its widest (qualified) bounds."""

    edtf: str
    start: date  # first day the date can strictly mean
    end: date  # last day the date can strictly mean
    earliest: date  # start widened for "~" (approximate) and "?" (uncertain)
    latest: date
    precision: Precision  # of the start (an interval may mix precisions)
    approximate: bool
    uncertain: bool
    interval: bool

    def overlaps(self, lo: date, hi: date) -> bool:
        """True when the widest span of this date meets the inclusive range lo..hi."""
        return self.earliest <= hi and self.latest >= lo


@dataclass(frozen=True, slots=True)
class Source:
    id: str
    title: str
    kind: str
    url: str | None = None
    author: str | None = None
    publisher: str | None = None
    year: int | None = None


@dataclass(frozen=True, slots=True)
class Note:
    kind: str  # discrepancy | uncertainty | context
    text: str
    sources: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Place:
    id: str
    name: str
    kind: str
    country: str
    names: tuple[str, ...] = ()
    cyrillic: str | None = None
    complex: str | None = None
    modern_name: str | None = None
    region: str | None = None
    lat: float | None = None
    lon: float | None = None
    summary: str | None = None
    sources: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Person:
    id: str
    name: str
    role: str
    aliases: tuple[str, ...] = ()
    cyrillic: str | None = None
    born: HistDate | None = None
    died: HistDate | None = None
    summary: str | None = None
    sources: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Term:
    id: str
    term: str
    definition: str
    aliases: tuple[str, ...] = ()
    cyrillic: str | None = None
    sources: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Figure:
    id: str
    event: str | None
    what: str
    unit: str
    reported_by: str
    value: int | None = None
    low: int | None = None
    high: int | None = None
    approximate: bool = False
    date: HistDate | None = None
    note: str | None = None
    sources: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Tag:
    id: str
    label: str
    description: str


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    title: str
    date: HistDate
    summary: str
    sources: tuple[str, ...]
    aliases: tuple[str, ...] = ()
    description: str | None = None
    places: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    terms: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    notes: tuple[Note, ...] = ()
    verified: bool = True


@dataclass(frozen=True, slots=True)
class Meta:
    title: str
    version: str
    license: str
    description: str


@dataclass(slots=True)
class Store:
    """A loaded, checked store. Events are kept in chronological order."""

    meta: Meta
    events: list[Event]
    places: dict[str, Place] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    terms: dict[str, Term] = field(default_factory=dict)
    figures: dict[str, Figure] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    tags: dict[str, Tag] = field(default_factory=dict)
    by_id: dict[str, Event] = field(default_factory=dict)
    path: str = ""
