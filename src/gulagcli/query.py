"""Pure functions over a loaded store: filter the timeline, resolve names, search."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from datetime import date
from functools import lru_cache
from typing import NamedTuple

from .errors import AmbiguousError, NotFoundError, UsageError
from .models import Event, Figure, Kind, Person, Place, Store, Term

_WORD = re.compile(r"\w+")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Case- and accent-insensitive form of a text: "Kengír" and "KENGIR" fold alike."""
    if text.isascii():  # no accents to strip, nothing to decompose: the same result, at C speed
        return text.casefold().strip()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("ʹ", "").strip()


def words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


# --- places and people as filters ---------------------------------------------------------


def place_names(place: Place) -> list[str]:
    """Every name a place answers to: its own, alternates, Cyrillic, complex, modern, region, country."""
    names = [place.id, place.name, *place.names, place.cyrillic, place.complex, place.modern_name,
             place.region, place.country]
    return [n for n in names if n]


def person_names(person: Person) -> list[str]:
    return [n for n in (person.id, person.name, *person.aliases, person.cyrillic) if n]


def term_names(term: Term) -> list[str]:
    return [n for n in (term.id, term.term, *term.aliases, term.cyrillic) if n]


def _matching(names_of: dict[str, list[str]], query: str) -> set[str]:
    """Ids whose names contain the query as whole words (after folding)."""
    q = " ".join(words(query))
    if not q:
        return set()
    pattern = re.compile(rf"(?<!\w){re.escape(q)}(?!\w)")
    return {key for key, names in names_of.items() if any(pattern.search(" ".join(words(n))) for n in names)}


def matching_places(store: Store, query: str) -> set[str]:
    return _matching({p.id: place_names(p) for p in store.places.values()}, query)


def matching_people(store: Store, query: str) -> set[str]:
    return _matching({p.id: person_names(p) for p in store.people.values()}, query)


def filter_events(
    store: Store,
    *,
    start: date | None = None,
    end: date | None = None,
    place: str | None = None,
    person: str | None = None,
    tag: str | None = None,
    limit: int | None = None,
    reverse: bool = False,
) -> list[Event]:
    """Events in chronological order that overlap start..end and match every filter given.

    A date range keeps an event when the event's widest span meets it, so "c. 1954" is kept by
    ``--to 1953`` (it may have been as early as 1953).
    """
    if start is not None and end is not None and start > end:
        raise UsageError(f"--from {start} is after --to {end}")
    lo, hi = start or date.min, end or date.max
    places = matching_places(store, place) if place else None
    people = matching_people(store, person) if person else None
    tag_id = fold(tag) if tag else None
    if tag_id is not None and tag_id not in store.tags:
        raise UsageError(f"unknown tag {tag!r}; known tags: {', '.join(sorted(store.tags))}")
    out: Iterable[Event] = store.events
    if start is not None or end is not None:
        out = (e for e in out if e.date.earliest <= hi and e.date.latest >= lo)
    if places is not None:
        out = (e for e in out if places.intersection(e.places))
    if people is not None:
        out = (e for e in out if people.intersection(e.people))
    if tag_id is not None:
        out = (e for e in out if tag_id in e.tags)
    result = list(out)
    if reverse:
        result.reverse()
    return result if limit is None else result[:limit]


# --- resolution ---------------------------------------------------------------------------


class Entity(NamedTuple):
    kind: Kind
    id: str
    name: str


class Resolution(NamedTuple):
    """What ``show`` found: the chosen entity and the others the name also fits."""

    entity: Entity
    see_also: tuple[Entity, ...]


def entities(store: Store) -> Iterator[tuple[Entity, list[str]]]:
    """Every resolvable entity with all the names it answers to, in order of kind preference."""
    for ev in store.events:
        yield Entity(Kind.EVENT, ev.id, ev.title), [ev.id, ev.title, *ev.aliases]
    for person in store.people.values():
        yield Entity(Kind.PERSON, person.id, person.name), person_names(person)
    for place in store.places.values():
        names = [place.id, place.name, *place.names, place.cyrillic or ""]
        yield Entity(Kind.PLACE, place.id, place.name), [n for n in names if n]
    for term in store.terms.values():
        yield Entity(Kind.TERM, term.id, term.term), term_names(term)


_KIND_ORDER = {kind: i for i, kind in enumerate(Kind)}


def split_kind(query: str) -> tuple[Kind | None, str]:
    """``place:norilsk`` asks for a place; a query without a known prefix asks for anything."""
    prefix, sep, rest = query.partition(":")
    if sep:
        for kind in Kind:
            if fold(prefix) == kind.value:
                return kind, rest
    return None, query


def resolve(store: Store, query: str, *, kind: Kind | None = None) -> Resolution:
    """Find the one entity a user means by ``query`` (id, name, alias, title words, small typos).

    Matches are tiered: exact names, then all query words found in a name, then close spellings.
    The best tier decides; within it, events are preferred to people, people to places, places to
    terms. Two of the preferred kind in the best tier are ambiguous.
    """
    prefixed, text = split_kind(query)
    kind = kind or prefixed
    q = " ".join(words(text))
    if not q:
        raise UsageError("empty query; give an id, a name or words of a title")
    pool = [(e, names) for e, names in entities(store) if kind is None or e.kind is kind]
    qwords = q.split()
    exact: list[Entity] = []
    partial: list[Entity] = []
    for entity, names in pool:
        folded = [" ".join(words(n)) for n in names]
        if q in folded or fold(text) in folded:
            exact.append(entity)
        elif any(_has_words(qwords, f.split()) for f in folded):
            partial.append(entity)
    tier = exact or partial or _close(pool, q)
    if not tier:
        raise NotFoundError(
            f"nothing in the store matches {text!r}", suggestions=tuple(_suggest(pool, q))
        )
    tier.sort(key=lambda e: _KIND_ORDER[e.kind])
    best = [e for e in tier if e.kind is tier[0].kind]
    if len(best) > 1:
        raise AmbiguousError(
            f"{text!r} matches {len(best)} {best[0].kind.value}s; use an id",
            candidates=tuple((e.kind.value, e.id, e.name) for e in tier),
        )
    return Resolution(best[0], tuple(e for e in tier if e is not best[0]))


def _has_words(query: list[str], name: list[str]) -> bool:
    """Every query word starts some word of the name ("kengir upr" fits "Kengir uprising")."""
    return all(any(w.startswith(qw) for w in name) for qw in query)


def _close(pool: list[tuple[Entity, list[str]]], q: str, cutoff: float = 0.75) -> list[Entity]:
    from difflib import SequenceMatcher

    found = []
    for entity, names in pool:
        for name in names:
            folded = " ".join(words(name))
            matcher = SequenceMatcher(None, q, folded)
            if matcher.real_quick_ratio() >= cutoff and matcher.ratio() >= cutoff:
                found.append(entity)
                break
    return found


def _suggest(pool: list[tuple[Entity, list[str]]], q: str, n: int = 3) -> list[str]:
    from difflib import get_close_matches

    by_name: dict[str, str] = {}
    for entity, names in pool:
        for name in names:
            by_name.setdefault(" ".join(words(name)), entity.id)
    close = get_close_matches(q, list(by_name), n=n * 2, cutoff=0.5)
    return list(dict.fromkeys(by_name[c] for c in close))[:n]


# --- full-text search ---------------------------------------------------------------------

# How much a query word counts in each field of an event.
_WEIGHTS = {"title": 5.0, "aliases": 4.0, "places": 3.0, "people": 3.0, "tags": 2.0, "summary": 1.0,
            "description": 0.5}


class Hit(NamedTuple):
    event: Event
    score: float


def _fields(store: Store, ev: Event) -> dict[str, str]:
    places = [n for pid in ev.places if (p := store.places.get(pid)) for n in place_names(p)]
    people = [n for pid in ev.people if (who := store.people.get(pid)) for n in person_names(who)]
    return {
        "title": ev.title, "aliases": " ".join(ev.aliases), "places": " ".join(places),
        "people": " ".join(people), "tags": " ".join(ev.tags), "summary": ev.summary,
        "description": ev.description or "",
    }


def search(store: Store, text: str, *, limit: int | None = None) -> list[Hit]:
    """Events ranked by how well they match every word of ``text`` (a word may be a prefix).

    An event must match every query word somewhere; the score sums, per word, the weight of the
    best field it appears in, so a title match outranks a summary match. Ties keep date order.
    """
    qwords = words(text)
    if not qwords:
        raise UsageError("empty search; give one or more words, e.g. `gulag search amnesty`")
    hits = []
    for ev in store.events:
        fields = {name: words(value) for name, value in _fields(store, ev).items()}
        score = 0.0
        for qw in qwords:
            best = max(
                (_WEIGHTS[name] * (1.0 if qw in ws else 0.6) for name, ws in fields.items()
                 if any(w.startswith(qw) for w in ws)),
                default=0.0,
            )
            if not best:
                break
            score += best
        else:
            hits.append(Hit(ev, round(score, 2)))
    hits.sort(key=lambda h: -h.score)
    return hits if limit is None else hits[:limit]


# --- facts --------------------------------------------------------------------------------


def events_of(store: Store, entity: Entity) -> list[Event]:
    """The events an entity takes part in: itself for an event, else the events naming it."""
    if entity.kind is Kind.EVENT:
        return [store.by_id[entity.id]]
    return [ev for ev in store.events if entity.id in (*ev.places, *ev.people, *ev.terms)]


def episode(store: Store, ev: Event) -> list[Event]:
    """An event with the related events that happened at one of its places: one episode.

    The Kengir uprising and its suppression are two events of one episode; the uprising and
    the Norilsk strike it relates to are not.
    """
    near = [store.by_id[r] for r in ev.related if r in store.by_id]
    near += [e for e in store.events if ev.id in e.related]
    return [ev, *(e for e in near if set(e.places) & set(ev.places))]


def figures_about(store: Store, entity: Entity | None) -> list[Figure]:
    """Figures of the events an entity takes part in (all figures without one), in event order.

    For an event, the figures of its whole episode. Figures that count the same thing stay
    next to each other, so that an official count and a survivors' estimate read side by side.
    """
    order = {ev.id: i for i, ev in enumerate(store.events)}
    figures = list(store.figures.values())
    if entity is not None:
        events = events_of(store, entity)
        if entity.kind is Kind.EVENT:
            events = episode(store, events[0])
        wanted = {ev.id for ev in events}
        figures = [f for f in figures if f.event in wanted]
    return sorted(figures, key=lambda f: (order.get(f.event or "", len(order)), f.what, f.id))


class Anniversary(NamedTuple):
    event: Event
    year: int  # the year in which the event touched the day asked for


def on_this_day(store: Store, *, month: int, day: int, before: int = 0, after: int = 0) -> list[Anniversary]:
    """Events known to the day that touch ``month``-``day`` (widened by ``before``/``after``
    days) in any year, multi-day events included. Month- or year-precise events are left out:
    they cannot be placed on a day."""
    from .dates import shift_days
    from .models import Precision

    out = []
    for ev in store.events:
        d = ev.date
        if d.precision is not Precision.DAY or d.end.year == 9999 or d.approximate or d.uncertain:
            continue
        for year in range(d.start.year, d.end.year + 1):
            anchor = _day_in(year, month, day)
            if shift_days(anchor, -before) <= d.end and shift_days(anchor, after) >= d.start:
                out.append(Anniversary(ev, year))
                break
    return out


def _day_in(year: int, month: int, day: int) -> date:
    """29 February falls on the 28th in a common year."""
    try:
        return date(year, month, day)
    except ValueError:
        return date(year, month, day - 1)


def sources_of(store: Store, entity: Entity) -> list[str]:
    """Ids of every source behind an entity: its own, its notes' and its figures'."""
    ids: list[str] = []
    if entity.kind is Kind.EVENT:
        ev = store.by_id[entity.id]
        ids += ev.sources
        for note in ev.notes:
            ids += note.sources
        for fig in store.figures.values():
            if fig.event == ev.id:
                ids += fig.sources
    else:
        entry: Place | Person | Term = (
            store.places[entity.id] if entity.kind is Kind.PLACE
            else store.people[entity.id] if entity.kind is Kind.PERSON
            else store.terms[entity.id]
        )
        ids += entry.sources
    return [i for i in dict.fromkeys(ids) if i in store.sources]
