"""Pure functions over a loaded store: filter the timeline and resolve names (what the store says
about one entity is in :mod:`gulagcli.related`)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from datetime import date

from .entity import Entity, Resolution, asked_kind, choose, count_kinds, plural, split_kind
from .errors import NotFoundError, UsageError
from .match import CLOSE, fold, phrase, typo, words
from .models import Event, Kind, Person, Place, Store, Term

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


# --- resolution ---------------------------------------------------------------------------


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


def resolve(store: Store, query: str, *, kind: Kind | None = None) -> Resolution:
    """Find the one entity a user means by ``query`` (id, name, alias, title words, small typos).

    Matches are tiered: exact names, then all query words found in a name, then close spellings.
    The best tier decides; within it, events are preferred to people, people to places, places to
    terms. Two of the preferred kind in the best tier are ambiguous.
    """
    if len(query) > MAX_NAME:
        raise UsageError(f"the name is {len(query)} characters long; at most {MAX_NAME}")
    kind, text = asked_kind(query, kind)
    q = " ".join(words(text))
    if not q:
        raise UsageError("empty query; give an id, a name or words of a title")
    if kind is Kind.SOURCE:  # sources answer to their titles only when asked for (`show source:exhibit`)
        pool = [(Entity(Kind.SOURCE, s.id, s.title), [s.id, s.title]) for s in store.sources.values()]
    else:
        pool = [(e, names) for e, names in entities(store) if kind is None or e.kind is kind]
    qwords = q.split()
    joined = "".join(qwords)  # "kokterek", "Ust-Vymlag": the same name, written together or apart
    exact: list[Entity] = []
    together: list[Entity] = []  # next best: the name written together or apart
    partial: list[Entity] = []
    for entity, names in pool:
        folded = [" ".join(words(n)) for n in names]
        if q in folded or fold(text) in folded:
            exact.append(entity)
        elif any(f.replace(" ", "") == joined for f in folded):
            together.append(entity)
        elif any(_has_words(qwords, f.split()) for f in folded):
            partial.append(entity)
    if not exact and kind is None and (source := store.sources.get(text.strip().lower())) is not None:
        return Resolution(Entity(Kind.SOURCE, source.id, source.title), ())  # `show exhibit`: a source's id
    tier = exact or together or partial or _close(pool, q)
    if not tier:
        raise NotFoundError(
            f"nothing in the store matches {text!r}", suggestions=tuple(_suggest(pool, q))
        )
    return choose(tier, text)._replace(close=not (exact or together or partial))




def _has_words(query: list[str], name: list[str]) -> bool:
    """Every query word starts some word of the name ("kengir upr" fits "Kengir uprising")."""
    return all(any(w.startswith(qw) for w in name) for qw in query)


def _close(pool: list[tuple[Entity, list[str]]], q: str, cutoff: float = CLOSE) -> list[Entity]:
    """The entities whose name is spelt closest to the query, word by word: every query word
    close to (or starting) some word of the name, and of those the names closest overall, so
    "marcenko" is Marchenko (94) and not Malenkov (75), and "kuznetsv" Kuznetsov, not Kuznetslag.
    A typo passes ("kengr uprsing"); another word does not ("Кенгирское восстание" is not
    "Воркутинское восстание", "norilsk foo" is not "Norilsk"). Equally close names stay a choice."""
    qwords = q.split()
    scored = [(score, entity) for entity, names in pool
              if (score := max(_closeness(q, qwords, phrase(n)) for n in names))[0] >= cutoff]
    if not scored:
        return []
    top = max(score for score, _ in scored)
    return [entity for score, entity in scored if score >= top]


def _closeness(q: str, query: list[str], name: str) -> tuple[float, float]:
    """How close the query's words are to the name's: the mean of each query word's best
    match (100 for a word the name has a word starting with), or 0 if any word has none
    at least :data:`CLOSE`; then, between names as close word for word, the whole name's
    spelling ("kengr uprsing" is the Kengir uprising, not its suppression)."""
    from rapidfuzz import fuzz

    words_ = name.split()
    if not query or not words_:
        return (0.0, 0.0)
    best = [max(100.0 if w.startswith(qw) else fuzz.ratio(qw, w) if typo(qw, w) else 0.0 for w in words_)
            for qw in query]
    if min(best) >= CLOSE:
        return (sum(best) / len(best), fuzz.ratio(q, name))
    # A compound split or joined elsewhere ("Ust-Vymlag" for Ustvymlag, "almaata" for Alma-Ata)
    joined_q, joined_n = "".join(query), "".join(words_)
    return (fuzz.ratio(joined_q, joined_n), fuzz.ratio(q, name)) if typo(joined_q, joined_n) else (0.0, 0.0)


def _suggest(pool: list[tuple[Entity, list[str]]], q: str, n: int = 3) -> list[str]:
    from .match import suggest

    return suggest(q, {entity.id: names for entity, names in pool}, n=n)
