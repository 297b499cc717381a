"""Immutable value objects for the store. No I/O, no terminal, no parsing.

NamedTuples rather than frozen dataclasses: a dataclass costs about a millisecond to define
at import, which every command would pay at start-up, and a tuple is smaller per record in a
large store.
"""

from __future__ import annotations

from datetime import date
from enum import Enum
from typing import NamedTuple

from .entity import Kind

__all__ = ["Kind"]  # re-exported: it lives in entity.py, which `show` reads without the models


class Precision(str, Enum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    DECADE = "decade"


class HistDate(NamedTuple):
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


SOURCE_KINDS = ("book", "chapter", "article-journal", "article-newspaper", "article-magazine", "encyclopedia",
                "web", "archive", "exhibit", "dataset", "report", "thesis")


class Name(NamedTuple):
    """An author as a reference manager keeps one: family and given names, or a literal name
    for an organisation (or a person whose name cannot be split)."""

    family: str | None = None
    given: str | None = None
    literal: str | None = None

    def display(self) -> str:
        if self.literal:
            return self.literal
        if self.family and self.given and _east_asian(self.family + self.given):
            return self.family + self.given  # 石田三郎: family name first, unspaced, as CSL processors print it
        return " ".join(p for p in (self.given, self.family) if p)

    def inverted(self) -> str:
        """"Family, Given" as BibTeX and bibliographies want it."""
        if self.literal:
            return self.literal
        return ", ".join(p for p in (self.family, self.given) if p)


def _east_asian(text: str) -> bool:
    """Written wholly in Chinese characters, kana or Hangul."""
    return all("\u2e80" <= c <= "\u9fff" or "\uac00" <= c <= "\ud7af" for c in text)


class ReadAt(NamedTuple):
    """Where a copy of the original was read, when the original itself could not be."""

    url: str | None = None
    publisher: str | None = None


class Source(NamedTuple):
    """A work cited by the store, described as a reference manager would (CSL's fields)."""

    id: str
    title: str
    kind: str  # one of SOURCE_KINDS
    url: str | None = None  # the original's URL
    authors: tuple[Name, ...] = ()
    container: str | None = None  # journal, newspaper, encyclopedia or website
    publisher: str | None = None
    place: str | None = None  # of publication
    issued: str | None = None  # EDTF: "2003", "2005-06", "1998-11-20"
    accessed: str | None = None  # ISO day someone consulted it
    language: str | None = None
    pages: str | None = None
    volume: str | None = None
    issue: str | None = None
    read_at: ReadAt | None = None
    note: str | None = None  # e.g. the licence of a dataset

    @property
    def author(self) -> str | None:
        """All authors as one line, for plain text."""
        return "; ".join(a.display() for a in self.authors) or None

    @property
    def year(self) -> int | None:
        return int(self.issued[:4]) if self.issued and self.issued[:4].isdigit() else None


class Note(NamedTuple):
    kind: str  # discrepancy | uncertainty | context
    text: str
    sources: tuple[str, ...] = ()


class Change(NamedTuple):
    """One step in a camp's history: renamed, merged into, split from ... another place."""

    date: HistDate
    change: str  # opened | closed | renamed | merged-into | split-from | transferred-to
    place: str | None = None
    note: str | None = None
    sources: tuple[str, ...] = ()


class Place(NamedTuple):
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
    # Camps only (kind "camp"): what kind of camp, when it operated, how it changed, its work,
    # and where references disagree about it.
    camp_type: str | None = None
    dates: HistDate | None = None
    history: tuple[Change, ...] = ()
    economy: tuple[str, ...] = ()
    notes: tuple[Note, ...] = ()
    # The broad map area a camp dataset files the place under ("Central Asia"), beside its
    # modern first-level region.
    area: str | None = None
    # A camp ordered but never set up: "no", "apparently not" or "perhaps not" (then its dates
    # are those of its orders); None for one that was, and for every other place.
    organised: str | None = None


class Person(NamedTuple):
    id: str
    name: str
    role: str
    aliases: tuple[str, ...] = ()
    cyrillic: str | None = None
    born: HistDate | None = None
    died: HistDate | None = None
    summary: str | None = None
    sources: tuple[str, ...] = ()
    notes: tuple[Note, ...] = ()


class Term(NamedTuple):
    id: str
    term: str
    definition: str
    aliases: tuple[str, ...] = ()
    cyrillic: str | None = None
    sources: tuple[str, ...] = ()
    notes: tuple[Note, ...] = ()


class Figure(NamedTuple):
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
    place: str | None = None  # the camp a yearly count is of
    series: str | None = None  # camp-population, gulag-camps, gulag-colonies, gulag-deaths


class Tag(NamedTuple):
    id: str
    label: str
    description: str


class Event(NamedTuple):
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


class Meta(NamedTuple):
    """The store's ``meta``: a field the store leaves out is None (``null`` in JSON output)."""

    title: str | None
    version: str | None
    license: str | None
    description: str | None

    @property
    def name(self) -> str:
        """The title as a heading shows it."""
        return self.title or "Untitled store"


class Store(NamedTuple):
    """A loaded, checked store. Events are kept in chronological order."""

    meta: Meta
    events: list[Event]
    places: dict[str, Place]
    people: dict[str, Person]
    terms: dict[str, Term]
    figures: dict[str, Figure]
    sources: dict[str, Source]
    tags: dict[str, Tag]
    by_id: dict[str, Event]
    path: str = ""
