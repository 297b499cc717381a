"""One search over everything in the store: events, places, people, terms, figures, sources.

Two steps, kept apart so that a full-text index can take over the first:

1. :func:`expand` turns each query word into the stored words it stands for, each with a
   quality: the word itself, the same stem (deaths ~ death), a longer word it starts
   (amnest ~ amnesty), a synonym (deaths ~ killed) or a close spelling (kenigr ~ kengir).
2. :func:`candidates` keeps the documents holding, for every query word, one of its words
   (an FTS5 ``MATCH`` of ORs joined by AND does the same), and :func:`rank` scores them: per
   query word, the weight of the best field it is found in times the quality of the match.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import NamedTuple

from .errors import UsageError
from .match import CLOSE_WORD, MIN_FUZZY_LEN, similar, stem, synonyms, words
from .models import Kind, Store
from .query import MAX_SEARCH, person_names, place_names, term_names

# How good a match is, by how the stored word was reached from the query word.
EXACT, SAME_STEM, PREFIX, SYNONYM, CLOSE_SPELLING = 1.0, 0.9, 0.8, 0.7, 0.6
# How much a field counts: a word in a name outranks the same word in a summary.
NAME, ALIAS, LINKED, LABEL, TEXT, LONG_TEXT = 5.0, 4.0, 3.0, 2.0, 1.0, 0.5


class Doc(NamedTuple):
    """One searchable record: its kind, id, display name and weighted fields of folded words."""

    kind: Kind
    id: str
    name: str
    fields: tuple[tuple[float, frozenset[str]], ...]


class SearchHit(NamedTuple):
    kind: Kind
    id: str
    name: str
    score: float


def _doc(kind: Kind, ident: str, name: str, *fields: tuple[float, Iterable[str | None]]) -> Doc:
    return Doc(kind, ident, name, tuple(
        (weight, frozenset(w for text in texts if text for w in words(text))) for weight, texts in fields
    ))


def documents(store: Store) -> Iterator[Doc]:
    """Every record of the store as a document, events first (the order ties keep)."""
    for ev in store.events:
        places = [n for pid in ev.places if (p := store.places.get(pid)) for n in place_names(p)]
        people = [n for pid in ev.people if (who := store.people.get(pid)) for n in person_names(who)]
        yield _doc(Kind.EVENT, ev.id, ev.title, (NAME, [ev.title]), (ALIAS, [ev.id, *ev.aliases]),
                   (LINKED, places + people), (LABEL, ev.tags), (TEXT, [ev.summary]),
                   (LONG_TEXT, [ev.description]))
    for person in store.people.values():
        yield _doc(Kind.PERSON, person.id, person.name, (NAME, [person.name]),
                   (ALIAS, person_names(person)), (LABEL, [person.role]), (TEXT, [person.summary]))
    for place in store.places.values():
        yield _doc(Kind.PLACE, place.id, place.name, (NAME, [place.name]),
                   (ALIAS, [place.id, *place.names, place.cyrillic, place.modern_name]),
                   (LABEL, [place.complex, place.region, place.country, place.kind]), (TEXT, [place.summary]))
    for term in store.terms.values():
        yield _doc(Kind.TERM, term.id, term.term, (NAME, [term.term]), (ALIAS, term_names(term)),
                   (TEXT, [term.definition]))
    for fig in store.figures.values():
        ev_title = owner.title if fig.event and (owner := store.by_id.get(fig.event)) else None
        at = fig.place  # a camp's yearly count names a place, not an event
        where = store.places[at].name if isinstance(at, str) and at in store.places else None
        yield _doc(Kind.FIGURE, fig.id, f"{fig.what} ({ev_title or where or fig.reported_by})",
                   (LINKED, [fig.what, ev_title, where]), (ALIAS, [fig.id]),
                   (LABEL, [fig.reported_by, str(fig.value or ""), fig.series]),
                   (TEXT, [fig.note]))
    for src in store.sources.values():
        yield _doc(Kind.SOURCE, src.id, src.title, (NAME, [src.title]), (ALIAS, [src.id]),
                   (LABEL, [*(a.display() for a in src.authors), src.publisher, src.container]))


def vocabulary(docs: Iterable[Doc]) -> set[str]:
    return {w for doc in docs for _, ws in doc.fields for w in ws}


def expand(word: str, vocab: set[str]) -> dict[str, float]:
    """The stored words a query word stands for, each with the quality of the match."""
    root = stem(word)
    related = synonyms(root)
    found: dict[str, float] = {}
    # Stemming the whole vocabulary costs more than the search: only words sharing the first
    # three letters of the query's stem or of a synonym can have the same stem.
    heads = {root[:3]} | {s[:3] for s in related}
    for w in vocab:
        if w == word:
            quality = EXACT
        elif w[:3] in heads and (s := stem(w)) in (root, *related):
            quality = SAME_STEM if s == root else SYNONYM
        elif w.startswith(word):
            quality = PREFIX
        else:
            continue
        found[w] = max(found.get(w, 0.0), quality)
    if len(word) >= MIN_FUZZY_LEN:
        for w, score in similar(word, vocab, cutoff=CLOSE_WORD):
            found.setdefault(w, CLOSE_SPELLING * score / 100)
    return found


def candidates(docs: Iterable[Doc], expansions: list[dict[str, float]]) -> Iterator[Doc]:
    """Documents that hold, for every query word, at least one of the words it stands for."""
    for doc in docs:
        held = frozenset().union(*(ws for _, ws in doc.fields))
        if all(not held.isdisjoint(exp) for exp in expansions):
            yield doc


def rank(docs: Iterable[Doc], expansions: list[dict[str, float]]) -> list[SearchHit]:
    """Score each document, best first; equal scores keep the documents' order."""
    hits = []
    for doc in docs:
        score = 0.0
        for exp in expansions:
            score += max((weight * max((exp[w] for w in ws if w in exp), default=0.0)
                          for weight, ws in doc.fields), default=0.0)
        hits.append(SearchHit(doc.kind, doc.id, doc.name, round(score, 2)))
    hits.sort(key=lambda h: -h.score)
    return hits


def search(store: Store, text: str, *, kinds: Iterable[Kind] = (), limit: int | None = None) -> list[SearchHit]:
    """Everything in the store matching every word of ``text``, most relevant first."""
    if len(text) > MAX_SEARCH:  # a longer text is not a search, and would take long to rank
        raise UsageError(f"the search is {len(text)} characters long; at most {MAX_SEARCH}")
    qwords = list(dict.fromkeys(words(text)))
    if not qwords:
        raise UsageError("empty search; give one or more words, e.g. `gulag search amnesty`")
    wanted = set(kinds)
    docs = [d for d in documents(store) if not wanted or d.kind in wanted]
    vocab = vocabulary(docs)
    expansions = [expand(w, vocab) for w in qwords]
    hits = rank(candidates(docs, expansions), expansions)
    return hits if limit is None else hits[:limit]
