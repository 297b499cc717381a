"""What `search` ranks: every record of the store as a document of weighted fields.

:func:`documents` gives each field's folded words as a set (the plain path posts them in memory:
:func:`gulagcli.search.index`); :func:`texts` gives the same words as one text per field, for the
compiled store's full-text index (tables.py). One definition of the fields serves both.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import chain
from typing import NamedTuple, TypeVar

from .match import folded_text, words
from .models import Kind, Store
from .query import person_names, place_names, term_names

# How much a field counts: a word in a name outranks the same word in a summary.
NAME, ALIAS, LINKED, LABEL, TEXT, LONG_TEXT = 5.0, 4.0, 3.0, 2.0, 1.0, 0.5
# A posting keeps its field's weight as an index into this tuple, heaviest first (3 bits).
WEIGHTS = (NAME, ALIAS, LINKED, LABEL, TEXT, LONG_TEXT)


class Doc(NamedTuple):
    """One searchable record: its kind, id, display name and weighted fields of folded words."""

    kind: Kind
    id: str
    name: str
    fields: tuple[tuple[float, frozenset[str]], ...]


class SearchHit(NamedTuple):
    """A document found: its kind, id and name, and how well it matched."""

    kind: Kind
    id: str
    name: str
    score: float


T = TypeVar("T")
SHORT = 80  # texts up to this long recur: folded once each (_remembering)


def documents(store: Store) -> Iterator[Doc]:
    """Every record of the store as a document, events first (the order ties keep)."""
    fold_words = _remembering(words)

    def folded_set(texts: Iterable[str | None]) -> frozenset[str]:
        return frozenset(chain.from_iterable(map(fold_words, filter(None, texts))))

    no_words: frozenset[str] = frozenset()
    for kind, ident, name, fields in _folded(store, folded_set, lambda sets: no_words.union(*sets)):
        yield Doc(kind, ident, name, fields)


def texts(store: Store) -> Iterator[tuple[Kind, str, str, tuple[tuple[float, str], ...]]]:
    """Every document as :func:`documents` gives it, each field's words as one text (separated
    by spaces, repeats kept): what the compiled store's full-text index splits (tables.py)."""
    fold_text = _remembering(folded_text)

    def joined(texts: Iterable[str | None]) -> str:
        return " ".join(map(fold_text, filter(None, texts)))

    yield from _folded(store, joined, " ".join)


def _remembering(fold: Callable[[str], T]) -> Callable[[str], T]:
    """``fold``, remembering what it gave for each short text: those recur (names, places, tags,
    who reported)."""
    folded: dict[str, T] = {}

    def remembered(text: str) -> T:
        if len(text) > SHORT:
            return fold(text)
        found = folded.get(text)
        if found is None:
            found = folded[text] = fold(text)
        return found

    return remembered


def _folded(store: Store, fold: Callable[[Iterable[str | None]], T], union: Callable[[list[T]], T]
            ) -> Iterator[tuple[Kind, str, str, tuple[tuple[float, T], ...]]]:
    """Every document with each field's texts folded by ``fold``; an event's linked field is
    the ``union`` of its places' and people's names, each folded once for all events naming it."""
    of_place = {pid: fold(place_names(p)) for pid, p in store.places.items()}
    of_person = {pid: fold(person_names(who)) for pid, who in store.people.items()}
    for ev in store.events:
        named = [of_place[i] for i in ev.places if i in of_place] + [of_person[i] for i in ev.people if i in of_person]
        yield Kind.EVENT, ev.id, ev.title, (
            (NAME, fold((ev.title,))), (ALIAS, fold((ev.id, *ev.aliases))), (LINKED, union(named)),
            (LABEL, fold(ev.tags)), (TEXT, fold((ev.summary,))), (LONG_TEXT, fold((ev.description,))))
    for kind, ident, name, fields in _others(store):
        yield kind, ident, name, tuple((weight, fold(texts)) for weight, texts in fields)


Fields = tuple[tuple[float, list[str | None]], ...]


def _others(store: Store) -> Iterator[tuple[Kind, str, str, Fields]]:
    """Every record but the events, in the order documents come: kind, id, name and fields."""
    for person in store.people.values():
        yield Kind.PERSON, person.id, person.name, (
            (NAME, [person.name]), (ALIAS, [*person_names(person)]), (LABEL, [person.role]), (TEXT, [person.summary]))
    for place in store.places.values():
        yield Kind.PLACE, place.id, place.name, (
            (NAME, [place.name]), (ALIAS, [place.id, *place.names, place.cyrillic, place.modern_name]),
            (LABEL, [place.complex, place.region, place.country, place.kind]), (TEXT, [place.summary]))
    for term in store.terms.values():
        yield Kind.TERM, term.id, term.term, (
            (NAME, [term.term]), (ALIAS, [*term_names(term)]), (TEXT, [term.definition]))
    for fig in store.figures.values():
        ev_title = owner.title if fig.event and (owner := store.by_id.get(fig.event)) else None
        at = fig.place  # a camp's yearly count names a place, not an event
        where = store.places[at].name if isinstance(at, str) and at in store.places else None
        yield Kind.FIGURE, fig.id, f"{fig.what} ({ev_title or where or fig.reported_by})", (
            (LINKED, [fig.what, ev_title, where]), (ALIAS, [fig.id]),
            (LABEL, [fig.reported_by, str(fig.value or ""), fig.series]), (TEXT, [fig.note]))
    for src in store.sources.values():
        yield Kind.SOURCE, src.id, src.title, (
            (NAME, [src.title]), (ALIAS, [src.id]),
            (LABEL, [*(a.display() for a in src.authors), src.publisher, src.container]))


def other_hits(store: Store) -> list[SearchHit]:
    """The documents after the events, as hits with no score yet (their kind, id and name)."""
    return [SearchHit(kind, ident, name, 0.0) for kind, ident, name, _ in _others(store)]
