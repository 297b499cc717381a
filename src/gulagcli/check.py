"""Check a decoded store and build its models, reporting every problem with its place.

The field-by-field reader (:class:`_Reader`) is the authority: it says what is wrong with a
record in the project's words. Well-formed records take faster paths (``fast.event_fast``,
:mod:`gulagcli.bulk` for large files) that must give exactly what the reader gives.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from operator import attrgetter
from typing import Any

from .builders import _FAST, ID_RE, MAKERS, SECTIONS, Problem, _intern, _Reader, build_meta, kind_of
from .models import Event, Figure, Store

__all__ = ["CHRONOLOGICAL", "ID_RE", "MAKERS", "SECTIONS", "Problem", "build", "build_section", "distinct_refs",
           "refs_resolve"]


def build_section(
    name: str, items: Any, problems: list[Problem], everything: dict[str, dict[str, Any]],
    make: Callable[[_Reader], Any],
) -> list[Any]:
    """Build one section's models, in file order (None where a record was unusable)."""
    if not isinstance(items, (list, Iterator)):
        problems.append(Problem(f"$.{name}", f"must be a list, not {kind_of(items)}"))
        return []
    models = everything[name]
    # Ids are unique across the store, so a name resolves to one thing; tags are a vocabulary
    # of their own, not things `show` resolves, so a tag may share a term's id.
    taken: set[str] = set()
    if name != "tags":
        taken = taken.union(*(m for n, m in everything.items() if n not in (name, "tags")))
    built: list[Any] = []
    fast = _FAST.get(name)
    for i, rec in enumerate(items):
        if fast is not None and type(rec) is dict and (model := fast(rec)) is not None:
            ident = model.id
            if ident not in models and ident not in taken and ID_RE.fullmatch(ident):
                models[_intern(ident)] = model
                built.append(model)
                continue
        built.append(None)
        if type(rec) is not dict:
            problems.append(Problem(f"$.{name}[{i}]", f"must be an object, not {kind_of(rec)}"))
            continue
        reader = _Reader(rec, name, problems, i)
        ident = reader.id
        if ident is None:
            reader.problem("id", "is missing or not a string")
            continue
        if not ID_RE.fullmatch(ident):
            reader.problem("id", "must be lowercase letters, digits and single hyphens")
        if ident in models or ident in taken:
            reader.problem("id", f"duplicate id (also used at {_first_use(everything, ident)})", integrity=True)
            continue
        model = make(reader)
        models[_intern(ident)] = model
        built[-1] = model
    return built


def _first_use(everything: dict[str, dict[str, Any]], ident: str) -> str:
    for name, models in everything.items():
        if ident in models:
            return f"$.{name}[{list(models).index(ident)}]"  # rare: only to report a duplicate
    return "?"


def build(raw: Any, *, path: str = "") -> tuple[Store | None, list[Problem]]:
    """Check a store and build it. ``raw`` is the decoded document, or its top-level members as
    (key, value) pairs in file order. Returns the store (None if unusable) and every problem."""
    if isinstance(raw, dict):
        raw = raw.items()
    elif not isinstance(raw, Iterator):
        return None, [Problem("$", f"a store must be a JSON object, not {kind_of(raw)}")]
    problems: list[Problem] = []
    everything: dict[str, dict[str, Any]] = {name: {} for name in SECTIONS}
    in_order: dict[str, list[Any]] = {}
    meta = build_meta({}, problems)
    for key, value in raw:
        if key in in_order or (key == "meta" and "meta" in in_order):
            problems.append(Problem(f"$.{key}", "appears twice in the store", integrity=True))
        elif key == "meta":
            meta = build_meta(value, problems)
            in_order["meta"] = []
        elif key in MAKERS:
            in_order[key] = build_section(key, value, problems, everything, MAKERS[key])
    if "events" not in in_order:
        problems.append(Problem("$.events", "is missing"))
    for name, models in in_order.items():
        if name == "events" and refs_resolve(models, everything):
            continue  # checked in bulk; record by record only to say where something is wrong
        if name in ("places", "figures") and _refs_resolve_bulk(models, everything):
            continue
        for i, model in enumerate(models):
            if model is not None:
                _check_refs(name, i, model, everything, problems)
    events = everything["events"]
    store = Store(
        meta=meta,
        events=sorted(events.values(), key=CHRONOLOGICAL),
        places=everything["places"], people=everything["people"], terms=everything["terms"],
        figures=everything["figures"], sources=everything["sources"], tags=everything["tags"],
        by_id=events, path=path,
    )
    return store, problems


CHRONOLOGICAL = attrgetter("date.start", "date.end", "id")

# The section each reference field of a record points into.
_REF_FIELDS = {
    "places": "places", "people": "people", "terms": "terms", "tags": "tags",
    "related": "events", "sources": "sources",
}


# Per kind of record, its reference fields and the section each points into.
_REFS: dict[type, tuple[tuple[str, str], ...]] = {}


def _check_refs(
    section: str, position: int, model: Any, index: dict[str, dict[str, Any]], problems: list[Problem]
) -> None:
    fields = _REFS.get(type(model))
    if fields is None:
        fields = _REFS[type(model)] = tuple((f, s) for f, s in _REF_FIELDS.items() if f in model._fields)
    found: list[tuple[str, str]] = []
    for field, target in fields:
        targets = index[target]
        for ref in getattr(model, field):
            if ref not in targets:
                found.extend((f"{field}[{i}]", f"no {target[:-1]} with id {r!r}")
                             for i, r in enumerate(getattr(model, field)) if r not in targets)
                break
    # a list naming one id twice: counted twice by the listings, once by `show`
    found.extend((path, _repeats(refs)) for path, refs in _ref_lists(model) if len(set(refs)) != len(refs))
    for n, note in enumerate(getattr(model, "notes", ())):
        found.extend((f"notes[{n}].sources[{i}]", f"no source with id {ref!r}")
                     for i, ref in enumerate(note.sources) if ref not in index["sources"])
    if isinstance(model, Figure) and model.event is not None and model.event not in index["events"]:
        found.append(("event", f"no event with id {model.event!r}"))
    if isinstance(model, Figure) and model.place is not None and model.place not in index["places"]:
        found.append(("place", f"no place with id {model.place!r}"))
    for n, change in enumerate(getattr(model, "history", ())):
        if change.place is not None and change.place not in index["places"]:
            found.append((f"history[{n}].place", f"no place with id {change.place!r}"))
        found.extend((f"history[{n}].sources[{i}]", f"no source with id {ref!r}")
                     for i, ref in enumerate(change.sources) if ref not in index["sources"])
    if isinstance(model, (Event, Figure)) and not model.sources and not any(
            p.path.startswith(f"$.{section}[{position}].sources") for p in problems):  # not a list: said already
        found.append(("sources", "needs at least one source"))
    problems.extend(Problem(f"$.{section}[{position}].{field}", msg, model.id, True) for field, msg in found)


def _repeats(refs: tuple[str, ...]) -> str:
    again = sorted({r for r in refs if refs.count(r) > 1})
    return f"names {', '.join(map(repr, again))} more than once"


def _ref_lists(model: Any) -> Iterator[tuple[str, tuple[str, ...]]]:
    """Each list of ids a record holds, with its path within the record."""
    for field in _REF_FIELDS:
        if field in model._fields:
            yield field, getattr(model, field)
    for n, note in enumerate(getattr(model, "notes", ())):
        yield f"notes[{n}].sources", note.sources
    for n, change in enumerate(getattr(model, "history", ())):
        yield f"history[{n}].sources", change.sources


def distinct_refs(models: Iterable[Any]) -> bool:
    """True when no record names the same place, person, source... twice in one list (the
    field-by-field checks say where one does)."""
    return all(len(set(refs)) == len(refs) for model in models for _, refs in _ref_lists(model))


def _refs_resolve_bulk(models: list[Any], index: dict[str, dict[str, Any]]) -> bool:
    """True when every reference of these places or figures resolves (and figures have sources)."""
    present = [m for m in models if m is not None]
    if not distinct_refs(present):
        return False
    sources: set[str] = set().union(*(m.sources for m in present))
    places: set[str] = set()
    events: set[str] = set()
    for m in present:
        if isinstance(m, Figure):
            if not m.sources:
                return False
            if m.place is not None:
                places.add(m.place)
            if m.event is not None:
                events.add(m.event)
        else:
            for change in m.history:
                sources.update(change.sources)
                if change.place is not None:
                    places.add(change.place)
            for note in m.notes:
                sources.update(note.sources)
    return index["sources"].keys() >= sources and index["places"].keys() >= places \
        and index["events"].keys() >= events


def refs_resolve(events: list[Event | None], index: dict[str, dict[str, Any]]) -> bool:
    """True when every reference of every event resolves and every event has a source."""
    present = [e for e in events if e is not None]
    if not distinct_refs(present):
        return False
    for field, section in (("places", "places"), ("people", "people"), ("terms", "terms"),
                           ("tags", "tags"), ("related", "events"), ("sources", "sources")):
        if not index[section].keys() >= set().union(*(getattr(e, field) for e in present)):
            return False
    notes = [n for e in present for n in e.notes]
    return index["sources"].keys() >= set().union(*(n.sources for n in notes)) and all(e.sources for e in present)


