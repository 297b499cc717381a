"""Resolve the name a user gives (`show kengir`, `cite beria`) to the one entity meant: exact
names first, then names written together or apart, then title words, then close spellings."""

from __future__ import annotations

from collections.abc import Iterator

from .entity import Entity, Resolution, asked_kind, choose
from .errors import NotFoundError, UsageError
from .match import CLOSE, fold, phrase, typo, words
from .models import Kind, Store
from .query import MAX_NAME, person_names, term_names


def entities(store: Store) -> Iterator[tuple[Entity, list[str]]]:
    """Every resolvable entity with all the names it answers to, in order of kind preference."""
    for ev in store.events:
        yield Entity(Kind.EVENT, ev.id, ev.title), [ev.id, ev.title, *ev.aliases]
    for person in store.people.values():
        yield Entity(Kind.PERSON, person.id, person.name), [*person_names(person), *_surname(person.name)]
    for place in store.places.values():
        names = [place.id, place.name, *place.names, place.cyrillic or ""]
        yield Entity(Kind.PLACE, place.id, place.name), [n for n in names if n]
    for term in store.terms.values():
        yield Entity(Kind.TERM, term.id, term.term), term_names(term)


def _surname(name: str) -> list[str]:
    """The last word of a name of two or more, which `show` takes as naming the person exactly:
    `show sgovio` means Thomas Sgovio, not one of the events whose titles name him."""
    parts = name.split()
    return parts[-1:] if len(parts) > 1 else []


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
        what = "empty query" if not text.strip() else f"{text.strip()!r} holds no letter or digit to look for"
        raise UsageError(f"{what}; give an id, a name or words of a title")
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
