"""Pure functions over a loaded store: filter the timeline by date, place, person and tag (one
name resolved to one entity is :mod:`gulagcli.resolve`; what the store says about one entity is
:mod:`gulagcli.related`)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date

from .entity import Entity, Resolution, count_kinds, plural, split_kind
from .errors import NotFoundError, UsageError
from .match import fold, phrase, words
from .models import Event, Person, Place, Store, Term

# Re-exported: they live in match.py and entity.py, which the compiled store's answers use alone.
__all__ = ["Entity", "Resolution", "count_kinds", "fold", "plural", "split_kind", "words"]

# --- places and people as filters ---------------------------------------------------------


def place_names(place: Place) -> list[str]:
    """Every name a place answers to: its own, alternates, Cyrillic, complex, modern, region, country."""
    names = [place.id, place.name, *place.names, place.cyrillic, place.complex, place.modern_name,
             place.region, place.country]
    return [n for n in names if n]


def _within(store: Store, ids: set[str] | None, parts: dict[str, set[str]] | None = None) -> set[str] | None:
    """The places named, and those whose complex or modern town is one of them by name: a camp
    named in Cyrillic ("Степлаг") reaches its divisions as its Latin name does, since a
    division's ``complex`` (and a camp's ``modern`` town) is written in Latin only."""
    if not ids:
        return ids
    parts = _parts(store) if parts is None else parts
    return ids.union(*(parts.get(fold(store.places[i].name), ()) for i in ids if i in store.places))


def _parts(store: Store) -> dict[str, set[str]]:
    """The places under each complex or modern town, by its folded name."""
    out: dict[str, set[str]] = {}
    for p in store.places.values():
        for n in {fold(n) for n in (p.complex, p.modern_name) if n}:
            out.setdefault(n, set()).add(p.id)
    return out


def person_names(person: Person) -> list[str]:
    return [n for n in (person.id, person.name, *person.aliases, person.cyrillic) if n]


def term_names(term: Term) -> list[str]:
    return [n for n in (term.id, term.term, *term.aliases, term.cyrillic) if n]


def folded_names(names_of: dict[str, list[str]]) -> dict[str, str]:
    """Each key's names as folded words, one name a line, for matching many queries against
    the same names (a query, having no line break, never spans two)."""
    return {key: "\n".join(" ".join(words(n)) for n in names) for key, names in names_of.items()}


def _matching(names_of: dict[str, list[str]], query: str, folded: dict[str, str] | None = None) -> set[str]:
    """Ids whose names contain the query as whole words (after folding)."""
    q = " ".join(words(query))
    if not q:
        return set()
    pattern = re.compile(rf"(?<!\w){re.escape(q)}(?!\w)")
    return {key for key, names in (folded or folded_names(names_of)).items() if q in names and pattern.search(names)}


class PlaceNames:
    """Every place's names, folded once, for many `--place` queries (the page's filter)."""

    def __init__(self, store: Store) -> None:
        self.names_of = {p.id: place_names(p) for p in store.places.values()}
        self.folded = folded_names(self.names_of)
        self.parts = _parts(store)


def places_reached(store: Store, queries: list[str], names: PlaceNames | None = None) -> set[str] | None:
    """The places a `--place` filter keeps events of: those any query names by whole words of
    any name (a country keeps every place in it), widened to their divisions; None for no query."""
    names = names or PlaceNames(store)
    return _within(store, _resolve_filter("--place", queries, names.names_of, folded=names.folded), names.parts)


def matching_places(store: Store, query: str) -> set[str]:
    return _matching({p.id: place_names(p) for p in store.places.values()}, query)


def matching_people(store: Store, query: str) -> set[str]:
    return _matching({p.id: person_names(p) for p in store.people.values()}, query)


MAX_NAME = 200  # characters in a name, id or --place/--person/--tag value
MAX_SEARCH = 500  # characters in a search: a longer one is not a search


def bounded(text: str, *, what: str, limit: int = MAX_NAME) -> str:
    """``text`` if it is neither blank nor longer than ``limit``; else a UsageError."""
    if not text.strip():
        raise UsageError(f"{what} is empty; give a name or an id")
    if len(text) > limit:
        raise UsageError(f"{what} is {len(text)} characters long; at most {limit}")
    return text


Names = str | Sequence[str] | None


def split_names(value: Names) -> list[str]:
    """Filter values as typed: repeated options and comma lists, blanks dropped."""
    items = [value] if isinstance(value, str) else list(value or ())
    return [part.strip() for item in items for part in item.split(",") if part.strip()]


def given(flag: str, value: Names) -> list[str]:
    """:func:`split_names` of a filter the user gave, each once: one given empty (``--country ""``,
    ``","``) is a usage error, not "no filter", which would list everything; so is one longer
    than any name (a 100 kB value came back as a 100 kB error line)."""
    names = list(dict.fromkeys(split_names(value)))  # 10,000 copies of one region took 41 s
    if (isinstance(value, str) or value) and not names:
        raise UsageError(f"{flag} is empty; give a name or an id")
    for one in names:
        bounded(one, what=flag)
    return names


def chosen(flag: str, value: Names, allowed: Sequence[str], what: str) -> list[str]:
    """A filter's values from a fixed vocabulary, repeated or as a comma list, any case; a value
    outside it is a usage error that lists the vocabulary (a typo is said, not an empty list)."""
    values = [v.lower() for v in given(flag, value)]
    for one in values:
        if one not in allowed:
            raise UsageError(f"{flag} {one!r} is not {what}; one of: {', '.join(allowed)}")
    return values


def _resolve_filter(
    option: str, queries: list[str], names_of: dict[str, list[str]], *, whole: bool = False,
    folded: dict[str, str] | None = None,
) -> set[str] | None:
    """Ids any of ``queries`` names; a query naming nothing is an error with the nearest names.

    A place or person matches by whole words of any of its names ("russia" keeps every place
    in Russia); with ``whole`` (tags) the query must be a whole name.
    """
    if not queries:
        return None
    from .match import suggest

    found: set[str] = set()
    for q in queries:
        if whole:
            ids = {key for key, names in names_of.items() if phrase(q) in {phrase(n) for n in names}}
        else:
            ids = _matching(names_of, q, folded)
        if not ids:
            what = option.removeprefix("--")
            raise NotFoundError(f"{option} {q!r}: no {what} of that name in the store",
                                suggestions=tuple(suggest(q, names_of)))
        found |= ids
    return found


def filter_events(
    store: Store,
    *,
    start: date | None = None,
    end: date | None = None,
    place: Names = None,
    person: Names = None,
    tag: Names = None,
    limit: int | None = None,
    reverse: bool = False,
) -> list[Event]:
    """Events in chronological order that overlap start..end and match every filter given.

    Each of ``place``, ``person`` and ``tag`` may name several (a list, or commas): an event
    is kept when it matches any of them. A name that matches nothing in the store raises
    :class:`NotFoundError` with the nearest names, rather than an empty timeline.

    A date range keeps an event when the event's widest span meets it, so "c. 1954" is kept by
    ``--to 1953`` (it may have been as early as 1953).
    """
    if start is not None and end is not None and start > end:
        raise UsageError(f"--from {start} is after --to {end}")
    lo, hi = start or date.min, end or date.max
    named = {option: given(option, value) for option, value in (("--place", place), ("--person", person),
                                                                  ("--tag", tag))}
    places = places_reached(store, named["--place"])
    people = _resolve_filter("--person", named["--person"], {p.id: person_names(p) for p in store.people.values()})
    tags = _resolve_filter("--tag", named["--tag"], {t.id: [t.id, t.label] for t in store.tags.values()},
                           whole=True)
    out: Iterable[Event] = store.events
    if start is not None or end is not None:
        out = (e for e in out if e.date.earliest <= hi and e.date.latest >= lo)
    if places is not None:
        out = (e for e in out if places.intersection(e.places))
    if people is not None:
        out = (e for e in out if people.intersection(e.people))
    if tags is not None:
        out = (e for e in out if tags.intersection(e.tags))
    result = list(out)
    if reverse:
        result.reverse()
    return result if limit is None else result[:limit]
